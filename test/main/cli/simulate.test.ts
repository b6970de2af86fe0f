/** The CLI, spawned as a user would run it (tsx src/main/cli.ts), plus its argument parser. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../fixtures';
import { describe, expect, it } from 'vitest';
import { FLAGS, parseArgs } from '../../../src/main/cli/args';
import { runCli } from '../../../src/main/cli/run';
import { MODEL_FORMAT } from '../../../src/shared/formats/model';
import { SCENARIO_FORMAT } from '../../../src/shared/formats/scenario';

const root = `${REPO_ROOT}/`;
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

function run(...args: string[]) {
  const r = spawnSync(tsx, [join(root, 'src/main/cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'jeugdplanner-cli-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/*
 * A small model with hand-checkable numbers: one steady-state volume segment
 * 24 per year × 6 months × 1 × € 100 = € 14.400 per year, and a budget line of € 1.000.
 * Funding € 20.000; gemeente a 300 jeugdigen, b 100 → costs 0,75 / 0,25.
 */
const smallModel = {
  format: MODEL_FORMAT,
  name: 'Klein',
  baseYear: 2022,
  endYear: 2023,
  gemeenten: [
    { id: 'a', name: 'A', youth0to17: 300 },
    { id: 'b', name: 'B', youth0to17: 100 },
  ],
  segments: [
    {
      id: 'amb',
      name: 'Ambulant',
      kind: 'volume',
      inflowPerYear: 24,
      avgDurationMonths: 6,
      unit: 'uur',
      pricePerUnit: 100,
    },
    { id: 'sub', name: 'Subsidie', kind: 'budget', amount: 1000 },
  ],
  funding: { baseAmount: 20000 },
};

describe('npm run simulate', () => {
  it('without arguments prints the table of the default model and "Ongewijzigd beleid" in nl-NL', () => {
    const r = run();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scenario: Ongewijzigd beleid');
    // 2022 is realised since the default model's realisatie: the seed € 6.600.000, as the sum of the gemeenten (rounded per gemeente)
    expect(r.stdout).toMatch(/^ {2}Behandeling met verblijf +€ 6\.600\.001 /m);
    expect(r.stdout).toMatch(/^Totaal lasten +€ \d{2}\.\d{3}\.\d{3}/m);
    expect(r.stdout).toMatch(/^Rijksmiddelen \(baten\) +€ /m);
    expect(r.stdout).toMatch(/^Saldo \(negatief = tekort\) +€ /m);
    for (const y of [2022, 2028]) expect(r.stdout).toContain(String(y));
  });

  it('--json prints exactly one JSON document of the specified shape, unrounded', () => {
    const model = file('klein.json', smallModel);
    const scenario = file('s.json', {
      format: SCENARIO_FORMAT,
      name: 'S',
      assumptions: { amb: { priceIndexPct: { '2023': 10 } } },
    });
    const r = run('--model', model, '--scenario', scenario, '--json');
    // the lasten are indexed, the Rijksmiddelen of this small model are not: a warning on stderr, stdout stays JSON
    expect(r.stderr).toBe(
      'Let op: Rijksmiddelen niet geïndexeerd, lasten wel: het saldo toont een tekort dat alleen uit de indexatie komt. Geef de Rijksmiddelen een index (Rijksmiddelen of het model).\n',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['years', 'lines', 'totals', 'gemeenten']);
    expect(doc.years).toEqual([2022, 2023]);
    const lines = doc.lines as { id: string; kind: string; years: Record<string, number>[] }[];
    expect(lines.map((l) => [l.id, l.kind])).toEqual([
      ['amb', 'volume'],
      ['sub', 'budget'],
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['id', 'name', 'kind', 'years']);
    expect(Object.keys(lines[0]!.years[0]!)).toEqual(['year', 'kind', 'cost', 'clientMonths', 'inflow', 'clientsEnd']);
    expect(lines[0]!.years.map((y) => y.kind)).toEqual(['raming', 'raming']);
    expect(lines[0]!.years[0]!.cost).toBeCloseTo(14400, 8);
    expect(lines[0]!.years[0]!.clientMonths).toBeCloseTo(144, 10);
    expect(lines[0]!.years[0]!.clientsEnd).toBeCloseTo(12, 10);
    // unrounded: 14.400 × 1,1 carries floating-point digits, not a rounded euro
    expect(lines[0]!.years[1]!.cost).toBeCloseTo(15840, 8);
    expect(lines[1]!.years).toEqual([
      { year: 2022, kind: 'raming', cost: 1000 },
      { year: 2023, kind: 'raming', cost: 1000 },
    ]);
    const totals = doc.totals as Record<string, number>[];
    expect(Object.keys(totals[0]!)).toEqual(['year', 'kind', 'fundingKind', 'cost', 'funding', 'balance']);
    expect(totals[0]!.cost).toBeCloseTo(15400, 8);
    expect(totals[0]!.balance).toBeCloseTo(4600, 8);
    const gemeenten = doc.gemeenten as { id: string; name: string; years: Record<string, number>[] }[];
    expect(gemeenten.map((g) => g.id)).toEqual(['a', 'b']);
    expect(gemeenten[0]!.years[0]).toEqual({
      year: 2022,
      kind: 'raming',
      cost: expect.closeTo(11550, 8),
      funding: 15000,
      balance: expect.closeTo(3450, 8),
    });
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('with --model and no --scenario: no assumptions', () => {
    const r = run('--model', file('klein2.json', smallModel), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { lines: { years: { cost: number }[] }[] };
    expect(doc.lines[0]!.years[1]!.cost).toBeCloseTo(14400, 8);
  });

  // one spawn per case: tsx starts in about a second, more on a busy machine
  const badInputs: [string, () => string[], RegExp | string][] = [
    [
      'unreadable file',
      () => ['--model', join(dir, 'bestaat-niet.json'), '--json'],
      /--model: kan ".*bestaat-niet\.json" niet lezen: het bestand bestaat niet/,
    ],
    [
      'invalid JSON',
      () => ['--model', file('kapot.json', '{"format": '), '--json'],
      /--model: Het bestand ".*kapot\.json" is geen geldige JSON: regel 1, kolom 12: de tekst houdt op: hier wordt een waarde verwacht/,
    ],
    [
      'over a limit',
      () => [
        '--model',
        file('te-groot.json', {
          ...smallModel,
          segments: [{ ...smallModel.segments[0], avgDurationMonths: 1e308 }, smallModel.segments[1]],
        }),
        '--json',
      ],
      'segments[0].avgDurationMonths: 1e+308 maanden is meer dan het maximum van 600 maanden',
    ],
    [
      'NaN in a file',
      () => ['--model', file('nan.json', '{"format": NaN}')],
      'regel 1, kolom 12: NaN is geen geldig getal in JSON',
    ],
    [
      'invalid model',
      () => [
        '--model',
        file('ongeldig.json', { ...smallModel, segments: [{ ...smallModel.segments[0], avgDurationMonths: 0.5 }] }),
      ],
      'segments[0].avgDurationMonths: 0.5 is kleiner dan 1 maand',
    ],
    [
      'invalid scenario',
      () => [
        '--model',
        file('klein3.json', smallModel),
        '--scenario',
        file('bad.json', { format: SCENARIO_FORMAT, name: 'X', assumptions: { verblijf: {} } }),
      ],
      'assumptions.verblijf: "verblijf" is geen segment van model "Klein"',
    ],
    ['unknown flag', () => ['--modle', 'x.json'], 'onbekende optie "--modle"'],
  ];
  it.each(badInputs)('bad input (%s): exit code 2, Dutch error on stderr, nothing on stdout', (_, args, message) => {
    const r = run(...args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
  });
});

describe('parseArgs', () => {
  it('reads flags with a separate or an = value', () => {
    expect(parseArgs(['--model', 'm.json', '--scenario=s.json', '--json'])).toEqual({
      ok: true,
      options: { modelFile: 'm.json', scenarioFile: 's.json', json: true, help: false },
    });
  });

  it('names every problem in Dutch', () => {
    const r = parseArgs(['--model', '--json', '--json', 'los', '--json=ja', '--wat']);
    expect(r).toEqual({
      ok: false,
      errors: [
        '--model: bestand ontbreekt (gebruik: --model BESTAND)',
        '--json staat er meer dan één keer',
        'onverwacht argument "los": geef bestanden op met --model of --scenario',
        '--json staat er meer dan één keer',
        // the list grows as flags are added (Excel, analysis): it is whatever FLAGS holds
        `onbekende optie "--wat" (bekend: ${FLAGS.map((f) => f.flag).join(', ')})`,
      ],
    });
  });
});

describe('runCli in process', () => {
  function runInProcess(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = runCli(argv, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      readText: (p) => readFileSync(p, 'utf8'),
      defaults: {
        modelFile: join(root, 'models/noord-limburg.json'),
        scenarioFile: join(root, 'models/scenarios/ongewijzigd-beleid.json'),
      },
    });
    return { code, stdout, stderr };
  }

  it('a model run without a scenario warns that only the Rijksmiddelen are indexed; Ongewijzigd beleid does not', () => {
    const bare = runInProcess('--model', join(root, 'models/noord-limburg.json'));
    expect(bare.code).toBe(0);
    expect(bare.stderr).toMatch(/^Let op: Lasten niet geïndexeerd, Rijksmiddelen wel: /);
    expect(runInProcess().stderr).toBe('');
  });

  it('shows what the Rijksmiddelen are made of when Rijksmaatregelen are on', () => {
    const r = runInProcess('--scenario', join(root, 'models/scenarios/rijksmaatregelen.json'));
    expect(r.code).toBe(0);
    // 2022: the sum of the gemeenten' realised Rijksmiddelen (default model, realisatie 2022–2024)
    expect(r.stdout).toMatch(/^ {2}waarvan basis met index +€ 90\.680\.352 /m);
    expect(r.stdout).toMatch(/^ {2}waarvan Extra middelen Voorjaarsnota 2025/m);
    expect(r.stdout).toMatch(/^ {2}waarvan Kortere trajecten vanaf 2028/m);
  });

  /** smallModel over 2022–2024 with 2022 realised: Ambulant 20 jeugdigen, € 12.000; Subsidie € 900; Rijksmiddelen € 15.000 + € 4.000. */
  const realisedModel = {
    ...smallModel,
    endYear: 2024,
    gemeenten: [
      { id: 'a', name: 'A', youth0to17: 300, cbsCode: 'GM0983' },
      { id: 'b', name: 'B', youth0to17: 100, cbsCode: 'GM0889' },
    ],
    realisatie: {
      lastYear: 2022,
      segments: {
        amb: { '2022': { clients: 20, lasten: 12000, source: 'Jaarrekening 2022, tabel 3' } },
        sub: { '2022': { lasten: 900, source: 'Jaarrekening 2022, tabel 3' } },
      },
      gemeenten: {
        a: { rijksmiddelen: { '2022': { amount: 15000, source: 'Septembercirculaire 2022' } } },
        b: { rijksmiddelen: { '2022': { amount: 4000, source: 'Septembercirculaire 2022' } } },
      },
    },
  };

  it('--json carries per line and year whether a figure is realisatie or raming', () => {
    const r = runInProcess('--model', file('realisatie.json', realisedModel), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      lines: { id: string; years: { year: number; kind: string; cost: number }[] }[];
      totals: { year: number; kind: string; fundingKind: string; cost: number; funding: number }[];
      gemeenten: { years: { kind: string; funding: number }[] }[];
    };
    for (const line of doc.lines)
      expect(line.years.map((y) => [y.year, y.kind])).toEqual([
        [2022, 'realisatie'],
        [2023, 'raming'],
        [2024, 'raming'],
      ]);
    expect(doc.lines.map((l) => l.years[0]!.cost)).toEqual([12000, 900]);
    expect(doc.lines[0]!.years[1]!.cost).toBeCloseTo(12000, 6); // the raming starts from 2022's lasten
    expect(doc.totals.map((t) => [t.kind, t.fundingKind])).toEqual([
      ['realisatie', 'realisatie'],
      ['raming', 'raming'],
      ['raming', 'raming'],
    ]);
    expect(doc.totals[0]).toMatchObject({ cost: 12900, funding: 19000 });
    expect(doc.gemeenten.map((g) => [g.years[0]!.kind, g.years[0]!.funding])).toEqual([
      ['realisatie', 15000],
      ['realisatie', 4000],
    ]);
  });

  it('the table marks realised years', () => {
    const r = runInProcess('--model', file('realisatie2.json', realisedModel));
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const header = lines.findIndex((l) => /^ +2022 +2023 +2024$/.test(l));
    expect(header).toBeGreaterThan(0);
    // "R" right-aligned above 2022 only
    const marks = lines[header - 1]!;
    expect(marks.trim()).toBe('R');
    expect(marks.length).toBe(lines[header]!.indexOf('2022') + 4);
    expect(r.stdout).toContain(
      'R = realisatie: de gerealiseerde cijfers t/m 2022; latere jaren zijn raming, gerekend vanaf 2022.',
    );
    expect(r.stdout).toContain('Rijksmiddelen gerealiseerd in 2022; overige jaren geraamd.');
    expect(r.stdout).toMatch(/^Ambulant +€ 12\.000 +€ 12\.000 +€ 12\.000$/m);
  });

  it('a model without realisatie has no marks', () => {
    const r = runInProcess('--model', file('zonder.json', smallModel));
    expect(r.stdout).not.toContain('R = realisatie');
  });

  it('shows no breakdown when the funding is the index path only', () => {
    const r = runInProcess();
    expect(r.stdout).not.toContain('waarvan');
  });

  it('--help prints the flags and exits 0', () => {
    const r = runInProcess('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--scenario BESTAND');
    expect(r.stderr).toBe('');
  });
});
