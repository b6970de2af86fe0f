/** `npm run simulate -- --backtest [--json]`, through runCli with files in memory. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../../fixtures';
import { runCli } from '../../../src/main/cli/run';
import { SCENARIO_FORMAT } from '../../../src/shared/formats/scenario';

const src = 'Jaarrekening, tabel 4';
// 2022–2025, realised 2022–2023. amb (volume, D = 6): 2022 N 300, K € 90.000 → raming 2023 € 90.000 × 1,10 = € 99.000 (price +10%);
// realised 2023 € 120.000. sub (budget): 2022 € 1.000 → raming € 1.050 (+5%); realised 2023 € 1.100.
const model = {
  format: 'jeugdbegroting/model@2',
  name: 'Met realisatie',
  baseYear: 2022,
  endYear: 2025,
  gemeenten: [{ id: 'g', name: 'G', youth0to17: 1 }],
  segments: [
    {
      id: 'amb',
      name: 'Ambulant',
      kind: 'volume',
      inflowPerYear: 1,
      avgDurationMonths: 6,
      unit: 'uur',
      pricePerUnit: 50,
    },
    { id: 'sub', name: 'Subsidie', kind: 'budget', amount: 1 },
  ],
  funding: { baseAmount: 200_000 },
  realisatie: {
    lastYear: 2023,
    segments: {
      amb: {
        '2022': { clients: 300, lasten: 90_000, source: src },
        '2023': { clients: 360, lasten: 120_000, source: src },
      },
      sub: { '2022': { lasten: 1_000, source: src }, '2023': { lasten: 1_100, source: src } },
    },
  },
};
const oneYear = {
  ...model,
  realisatie: {
    lastYear: 2022,
    segments: {
      amb: { '2022': model.realisatie.segments.amb['2022'] },
      sub: { '2022': model.realisatie.segments.sub['2022'] },
    },
  },
};
const scenario = {
  format: SCENARIO_FORMAT,
  name: 'Prijs +10%',
  assumptions: { amb: { priceIndexPct: { '2023': 10 } }, sub: { amountChangePct: { '2023': 5 } } },
};
const { realisatie: _realisatie, ...noRealisatie } = model;
const files: Record<string, string> = {
  'model.json': JSON.stringify(model),
  'een-jaar.json': JSON.stringify(oneYear),
  'geen-realisatie.json': JSON.stringify(noRealisatie),
  'scenario.json': JSON.stringify(scenario),
};

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readText: (path) => files[path] ?? readFileSync(path, 'utf8'),
    defaults: {
      modelFile: `${REPO_ROOT}/models/noord-limburg.json`,
      scenarioFile: `${REPO_ROOT}/models/scenarios/ongewijzigd-beleid.json`,
    },
  });
  return { code, stdout, stderr };
}

describe('CLI --backtest', () => {
  it('--json carries the raming, the realisatie and the difference per segment and in total', () => {
    const r = run('--model', 'model.json', '--scenario', 'scenario.json', '--backtest', '--json');
    // stderr may carry a warning about the inputs (e.g. indexation), never an error
    expect(r.stderr).not.toMatch(/Fout/);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      backtest: {
        year: number;
        fromYear: number;
        lines: { id: string; forecast: number; realised: number; error: number; errorPct: number }[];
        total: { forecast: number; realised: number; error: number; errorPct: number };
      };
    };
    expect(doc.backtest.year).toBe(2023);
    expect(doc.backtest.fromYear).toBe(2022);
    expect(doc.backtest.lines.map((l) => l.id)).toEqual(['amb', 'sub']);
    expect(doc.backtest.lines[0]!.forecast).toBeCloseTo(99_000, 6);
    expect(doc.backtest.lines[0]!.realised).toBe(120_000);
    expect(doc.backtest.lines[0]!.errorPct).toBeCloseTo(-17.5, 9);
    expect(doc.backtest.lines[1]!.forecast).toBeCloseTo(1_050, 9);
    expect(doc.backtest.total.forecast).toBeCloseTo(100_050, 6);
    expect(doc.backtest.total.realised).toBe(121_100);
    expect(doc.backtest.total.error).toBeCloseTo(-21_050, 6);
  });

  it('prints the comparison as a table under the simulation', () => {
    const r = run('--model', 'model.json', '--scenario', 'scenario.json', '--backtest');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Hoe goed was de raming? 2023 geraamd uit de realisatie van 2022 met scenario "Prijs +10%"',
    );
    expect(r.stdout).toMatch(/Ambulant\s+€ 99\.000\s+€ 120\.000\s+€ -21\.000\s+-17,5%/);
    expect(r.stdout).toMatch(/Totaal\s+€ 100\.050\s+€ 121\.100\s+€ -21\.050\s+-17,4%/);
  });

  it('a model with fewer than two realised years: exit 2, a Dutch message, nothing on stdout', () => {
    const cases = [
      [['--model', 'een-jaar.json'], 'heeft één gerealiseerd jaar (2022)'],
      [['--model', 'geen-realisatie.json'], 'heeft geen realisatie'],
    ] as const;
    for (const [args, text] of cases) {
      const r = run(...args, '--backtest', '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('Fout: --backtest: het model');
      expect(r.stderr).toContain(text);
      expect(r.stderr).toContain('minstens twee gerealiseerde jaren');
    }
  });

  it('the default model has realisatie 2022–2024: it backtests 2024 from 2023', () => {
    const r = run('--backtest', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { backtest: { year: number; fromYear: number } };
    expect(out.backtest).toMatchObject({ year: 2024, fromYear: 2023 });
  });
});
