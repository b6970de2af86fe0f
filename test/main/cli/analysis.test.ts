/** The analysis flags of `npm run simulate`, through runCli with files in memory. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { REPO_ROOT, handModel, budgetLine } from '../../fixtures';
import { runCli } from '../../../src/main/cli/run';
import { parseArgs } from '../../../src/main/cli/args';
import { parseGoalSeekSpec } from '../../../src/shared/analysis/goalseekSpec';
import { SCENARIO_FORMAT } from '../../../src/shared/formats/scenario';

const root = `${REPO_ROOT}/`;

// 2022–2024: budget A € 1 mln with a range, funding € 1,1 mln
const model = {
  format: 'jeugdbegroting/model@1',
  name: 'Klein',
  baseYear: 2022,
  endYear: 2024,
  gemeenten: [{ id: 'g', name: 'G', youth0to17: 1 }],
  segments: [budgetLine('a', 1_000_000)],
  funding: { baseAmount: 1_100_000 },
};
const scenario = {
  format: SCENARIO_FORMAT,
  name: 'Met bandbreedte',
  ranges: { a: { amount: { low: 900_000, high: 1_300_000 } } },
};
const files: Record<string, string> = {
  'model.json': JSON.stringify(model),
  'scenario.json': JSON.stringify(scenario),
};

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readText: (path) => {
      const content = files[path];
      if (content === undefined) return readFileSync(path, 'utf8');
      return content;
    },
    defaults: {
      modelFile: `${root}models/noord-limburg.json`,
      scenarioFile: `${root}models/scenarios/ongewijzigd-beleid.json`,
    },
  });
  return { code, stdout, stderr };
}

describe('CLI analysis flags', () => {
  it('--montecarlo N --seed S --json adds "bands" per year, reproducibly', () => {
    const a = run(
      '--model',
      'model.json',
      '--scenario',
      'scenario.json',
      '--montecarlo',
      '3000',
      '--seed',
      '9',
      '--json',
    );
    expect(a.code).toBe(0);
    const doc = JSON.parse(a.stdout) as {
      bands: { year: number; cost: { p10: number; p50: number; p90: number }; deficitProbability: number }[];
      montecarlo: { draws: number; seed: number };
    };
    expect(doc.montecarlo).toMatchObject({ draws: 3000, seed: 9 });
    expect(doc.bands.map((b) => b.year)).toEqual([2022, 2023, 2024]);
    // Tri(0,9 / 1,0 / 1,3 mln): P(cost > 1,1 mln) = (1,3 − 1,1)² / (0,4 · 0,3) = 1/3
    expect(doc.bands[0]!.deficitProbability).toBeGreaterThan(0.3);
    expect(doc.bands[0]!.deficitProbability).toBeLessThan(0.37);
    expect(doc.bands[0]!.cost.p10).toBeLessThan(doc.bands[0]!.cost.p90);
    const b = run(
      '--model',
      'model.json',
      '--scenario',
      'scenario.json',
      '--montecarlo',
      '3000',
      '--seed',
      '9',
      '--json',
    );
    expect(b.stdout).toBe(a.stdout);
  });

  it('prints the bands, the tornado and the goal seek as text', () => {
    const r = run(
      '--model',
      'model.json',
      '--scenario',
      'scenario.json',
      '--montecarlo',
      '500',
      '--tornado',
      '--goal-seek',
      'segment=a;field=amountChangePct;from=2023;target-year=2024',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Hoe zeker is dit? Monte Carlo: 500 trekkingen, seed 20220101, 1 aannames met een bandbreedte',
    );
    expect(r.stdout).toContain('Gevoeligheid (tornado)');
    expect(r.stdout).toMatch(/Budget a: budget\s+€ 300.000\s+€ -900.000\s+€ 1.200.000/);
    expect(r.stdout).toContain(
      'Budget a: budgetverandering in 2023 (blijvend): 10% (nu 0) geeft een saldo 2024 van € 0.',
    );
  });

  it('reports "niet haalbaar" and bad input with exit code 2 and Dutch messages', () => {
    const r = run(
      '--model',
      'model.json',
      '--scenario',
      'scenario.json',
      '--goal-seek',
      'segment=a;field=amountChangePct;from=2023;target-year=2024;target=2000000',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Niet haalbaar: geen toegestane waarde geeft een saldo 2024 van € 2.000.000.');
    const bad = run('--model', 'model.json', '--montecarlo', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Fout: --montecarlo: "0" is geen heel getal van 1 tot 50.000');
    const seedOnly = run('--model', 'model.json', '--seed', '3');
    expect(seedOnly.code).toBe(2);
    expect(seedOnly.stderr).toContain('--seed werkt alleen samen met --montecarlo N');
    const spec = run('--model', 'model.json', '--goal-seek', 'segment=x;field=amountChangePct;from=2023');
    expect(spec.code).toBe(2);
    expect(spec.stderr).toContain('Fout: --goal-seek: target-year ontbreekt');
    expect(parseArgs(['--seed', '-1']).ok).toBe(false);
  });
});

describe('goal-seek spec syntax', () => {
  const m = handModel({
    segments: [
      budgetLine('a', 1),
      { id: 'v', name: 'V', kind: 'volume', inflowPerYear: 1, avgDurationMonths: 2, unit: 'm', pricePerUnit: 1 },
      { id: 'w', name: 'W', kind: 'volume', inflowPerYear: 1, avgDurationMonths: 2, unit: 'm', pricePerUnit: 1 },
    ],
  });

  it('parses each kind of variable with defaults', () => {
    expect(parseGoalSeekSpec('segment=v;field=inflowChangePct;from=2023;target-year=2024', m)).toEqual({
      ok: true,
      value: {
        variable: { kind: 'assumption', segment: 'v', field: 'inflowChangePct', fromYear: 2023, mode: 'step' },
        targetYear: 2024,
      },
    });
    expect(
      parseGoalSeekSpec(
        ' field=funding.indexPct ; from=2023; target-year=2024; mode=yearly; target=-2,5; min=-1; max=4,5 ',
        m,
      ),
    ).toEqual({
      ok: true,
      value: {
        variable: { kind: 'fundingIndex', fromYear: 2023, mode: 'yearly' },
        targetYear: 2024,
        target: -2.5,
        min: -1,
        max: 4.5,
      },
    });
    expect(parseGoalSeekSpec('substitution=v>w;from=2023;target-year=2024;tolerance=10', m)).toEqual({
      ok: true,
      value: {
        variable: { kind: 'substitution', from: 'v', to: 'w', fromYear: 2023 },
        targetYear: 2024,
        tolerance: 10,
      },
    });
  });

  it('names every problem in Dutch', () => {
    expect(parseGoalSeekSpec('segment=v;field=prijs;from=20x3;target-year=2024;kleur=rood', m)).toEqual({
      ok: false,
      errors: [
        'onbekende sleutel "kleur" (bekend: segment, field, substitution, from, target-year, target, mode, min, max, tolerance)',
        'from: "20x3" is geen jaartal',
        'field: "prijs" is geen aanname (toegestaan: inflowChangePct, durationChangePct, intensityChangePct, priceIndexPct, amountChangePct, funding.indexPct)',
      ],
    });
    expect(parseGoalSeekSpec('segment=a;field=inflowChangePct;from=2023;target-year=2024', m)).toEqual({
      ok: false,
      errors: ['veld: "inflowChangePct" geldt niet voor budgetregel "a"'],
    });
    expect(parseGoalSeekSpec('substitution=v;from=2023;target-year=2024', m)).toEqual({
      ok: false,
      errors: ['substitution: "v" heeft niet de vorm VAN>NAAR'],
    });
  });
});
