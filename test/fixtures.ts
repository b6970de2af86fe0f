/**
 * The one fixtures module of the test suite: the shipped default model and scenarios, small builders
 * validated like a user's file, the Excel test model, and stored-model/temp-folder helpers for storage tests.
 */
import fs, { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  MODEL_FORMAT,
  type BudgetSegment,
  type Gemeente,
  type Model,
  type VolumeSegment,
} from '../src/shared/formats/model';
import { SCENARIO_FORMAT, type Scenario, type ScenarioInput } from '../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../src/shared/formats/validate';

/** The repository root, wherever a test file lives. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

// ── Builders: plain data, validated like a file would be ──────────────────────────────────────

export function volume(id: string, fields: Partial<VolumeSegment> = {}): VolumeSegment {
  return {
    id,
    name: `Segment ${id}`,
    kind: 'volume',
    inflowPerYear: 12,
    avgDurationMonths: 6,
    unit: 'cliëntmaand',
    pricePerUnit: 100,
    ...fields,
  };
}

export function budget(id: string, amount: number, fields: Partial<BudgetSegment> = {}): BudgetSegment {
  return { id, name: `Budget ${id}`, kind: 'budget', amount, ...fields };
}

export function gemeente(id: string, youth0to17: number, fields: Partial<Gemeente> = {}): Gemeente {
  return { id, name: `Gemeente ${id}`, youth0to17, ...fields };
}

/** A model that must be valid: throws with the Dutch issues otherwise, so a broken fixture is obvious. */
export function model(fields: Partial<Model> = {}): Model {
  const raw: Model = {
    format: MODEL_FORMAT,
    name: 'Testmodel',
    baseYear: 2022,
    endYear: 2024,
    gemeenten: [gemeente('a', 100)],
    segments: [volume('s')],
    funding: { baseAmount: 0 },
    ...fields,
  };
  const parsed = parseModel(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

export function scenario(m: Model, fields: Omit<ScenarioInput, 'format' | 'name'> = {}): Scenario {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, name: 'Testscenario', ...fields }, m);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/** |a − b| ≤ rel × max(|a|, |b|, 1): relative for large numbers, absolute near 0. */
export function closeRel(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1);
}

// ── The shipped default model and scenarios; hand-computable models ─────────────────────────────

export function defaultModel(): Model {
  const parsed = parseModel(JSON.parse(readFileSync(`${REPO_ROOT}/models/noord-limburg.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/** The default model's own figures without its realisatie 2022–2024: for paths that know no realisatie (the lean Monte Carlo path). */
export function defaultModelWithoutRealisatie(): Model {
  const { realisatie: _realisatie, ...rest } = defaultModel();
  return rest;
}

export function shippedScenario(model: Model, file: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(`${REPO_ROOT}/models/scenarios/${file}`, 'utf8')), model);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/**
 * The scenario without any range (segments, funding, substitutions, prevention, autonomous drivers): the shipped
 * scenarios carry ranges since round 3; tests that build their own ranges or count the
 * tornado's default ±10% bars start from the bare scenario.
 */
export function withoutRanges(scenario: Scenario): Scenario {
  const { ranges: _r, ...rest } = scenario;
  const { ranges: _f, ...funding } = scenario.funding;
  const out: Scenario = {
    ...rest,
    funding,
    substitutions: scenario.substitutions.map(({ ranges: _s, ...rule }) => rule),
  };
  if (scenario.autonomous) {
    const { ranges: _a, ...autonomous } = scenario.autonomous;
    out.autonomous = autonomous;
  }
  if (scenario.prevention)
    out.prevention = {
      ...scenario.prevention,
      effects: scenario.prevention.effects.map(({ ranges: _e, ...effect }) => effect),
    };
  if (scenario.policies) out.policies = scenario.policies.map(({ ranges: _p, ...policy }) => policy);
  return out;
}

/** A scenario that must be valid against the model: throws the Dutch issues otherwise. */
export function validScenario(model: Model, fields: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, name: 'Test', ...fields }, model);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/** The issues of a scenario that must be invalid. */
export function scenarioIssues(model: Model, fields: Record<string, unknown>): string[] {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, name: 'Test', ...fields }, model);
  if (parsed.ok) throw new Error('scenario is onverwacht geldig');
  return parsed.issues.map((i) => i.message);
}

/** A small model that must be valid; years 2022–2024 unless given. */
export function handModel(fields: Partial<Model> & Pick<Model, 'segments'>): Model {
  const parsed = parseModel({
    format: 'jeugdbegroting/model@1',
    name: 'Handmodel',
    baseYear: 2022,
    endYear: 2024,
    gemeenten: [{ id: 'g1', name: 'Gemeente 1', youth0to17: 100 }],
    funding: { baseAmount: 0 },
    ...fields,
  });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

export function budgetLine(id: string, amount: number) {
  return { id, name: `Budget ${id}`, kind: 'budget' as const, amount };
}

/** A volume segment with a duration of 1 month: in a steady year its cost is inflow × price exactly. */
export function oneMonthSegment(id: string, inflowPerYear: number, pricePerUnit: number) {
  return {
    id,
    name: `Segment ${id}`,
    kind: 'volume' as const,
    inflowPerYear,
    avgDurationMonths: 1,
    unit: 'cliëntmaand',
    pricePerUnit,
  };
}

// ── The Excel test model (test data, not the default model) ──────────────────────────────────────

const GEMEENTEN: Model['gemeenten'] = [
  { id: 'beesel', name: 'Beesel', youth0to17: 2450, fundingShare: 0.052, source: 'CBS 03759ned, 1-1-2023' },
  { id: 'bergen', name: 'Bergen (L.)', youth0to17: 2050, fundingShare: 0.043, source: 'CBS 03759ned, 1-1-2023' },
  { id: 'gennep', name: 'Gennep', youth0to17: 3100, fundingShare: 0.066 },
  { id: 'horst', name: 'Horst aan de Maas', youth0to17: 8200, fundingShare: 0.16, estimate: true },
  { id: 'peelenmaas', name: 'Peel en Maas', youth0to17: 8000, fundingShare: 0.155 },
  {
    id: 'venlo',
    name: 'Venlo',
    youth0to17: 17700,
    fundingShare: 0.35,
    source: 'CBS 71488ned, schatting 0–17 uit 5-jaarsklassen',
    estimate: true,
  },
  { id: 'venray', name: 'Venray', youth0to17: 8400, fundingShare: 0.174 },
];

export function testModel(): Model {
  const model: Model = {
    format: MODEL_FORMAT,
    name: 'Noord-Limburg testmodel',
    description: 'Testmodel voor de Excel-export; bedragen afgerond.',
    baseYear: 2022,
    endYear: 2028,
    gemeenten: GEMEENTEN.map((g) => ({ ...g })),
    segments: [
      {
        id: 'ambulant',
        name: 'Ambulante begeleiding',
        group: 'Ambulant',
        kind: 'volume',
        inflowPerYear: 2400,
        avgDurationMonths: 9.5,
        unitsPerClientMonth: 6.25,
        unit: 'uur',
        pricePerUnit: 72.4,
        taakveld: '6.72a',
        split: 'solidarity',
        source: 'Beleidsplan 003, Bijlage 3',
      },
      {
        id: 'behandeling',
        name: 'Ambulante behandeling',
        group: 'Ambulant',
        kind: 'volume',
        inflowPerYear: 1300,
        avgDurationMonths: 7,
        unit: 'traject',
        pricePerUnit: 950.5,
        openingClients: 700,
        taakveld: '6.72b',
        split: { solidarityPct: 60 },
        usageShare: { venlo: 0.45, venray: 0.15, horst: 0.12 },
        estimate: true,
        note: 'tarief is gemiddelde van drie aanbieders',
        calibration: { year: 2022, clients: 1500, turnover: 6_100_000, durationMonths: 7, source: 'Power BI MGR 2022' },
      },
      {
        id: 'verblijf',
        name: 'Verblijf met behandeling',
        group: 'Verblijf',
        kind: 'volume',
        inflowPerYear: 60,
        avgDurationMonths: 14,
        unit: 'etmaal',
        unitsPerClientMonth: 30.4,
        pricePerUnit: 265,
        taakveld: '6.73c',
        split: 'usage',
        usageShare: { venlo: 0.5, gennep: 0.1 },
        source: 'Bijlage 3: 165 jeugdigen, € 6.600.000 (2019)',
      },
      {
        id: 'jzplus',
        name: 'JeugdzorgPlus',
        group: 'Verblijf',
        kind: 'volume',
        inflowPerYear: 25,
        avgDurationMonths: 3.8,
        unit: 'etmaal',
        unitsPerClientMonth: 30.4,
        pricePerUnit: 515,
        taakveld: '6.74c',
        calibration: { year: 2020, clients: 29, turnover: 1_492_689, avgDaysPerClient: 115 },
      },
      {
        id: 'jbjr',
        name: 'JB/JR subsidie GI',
        kind: 'budget',
        amount: 6_170_529,
        taakveld: '6.82a',
        source: 'Bijlage 3 (2020)',
      },
      {
        id: 'transformatie',
        name: 'Regionaal budget transformatie',
        kind: 'budget',
        amount: 500_000,
        split: 'solidarity',
        source: 'Beleidsplan § 5.1',
      },
    ],
    funding: {
      baseAmount: 38_000_000,
      indexPct: { '2023': 4.75, '2024': 3.1, '2025': 2.5, '2026': -1.2, '2027': 2, '2028': 2 },
      source: 'Gemeentefonds septembercirculaire 2022 (schatting aandeel regio)',
      estimate: true,
      nationalShare: { value: 0.0052, source: 'aandeel jeugdigen 0–17 van Nederland (schatting)', estimate: true },
    },
  };
  const parsed = parseModel(model);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

export function testScenarios(model: Model): Scenario[] {
  const inputs = [
    {
      format: SCENARIO_FORMAT,
      name: 'Basis',
      description: 'Autonome ontwikkeling zonder beleid.',
      assumptions: {
        ambulant: {
          inflowChangePct: { '2023': 3, '2024': 3 },
          priceIndexPct: { '2023': 6.43, '2024': 5.71, '2025': 3.94 },
        },
      },
      funding: {},
    },
    {
      format: SCENARIO_FORMAT,
      name: '=Hervormingsagenda & substitutie',
      description: '+Minder verblijf, meer ambulant; @notitie',
      assumptions: {
        verblijf: { inflowChangePct: { '2024': -10, '2025': -10 }, source: '-KPI 3 Bijlage 8' },
        behandeling: { durationChangePct: { '2025': -5 }, intensityChangePct: { '2026': 2 } },
        jbjr: { amountChangePct: { '2024': 2.5 } },
      },
      substitutions: [
        {
          from: 'verblijf',
          to: 'behandeling',
          sharePct: { '2025': 10, '2026': 20, '2027': 20, '2028': 20 },
          source: 'Bijlage 7',
        },
      ],
      funding: {
        adjustments: { '2024': -1_200_000, '2025': 2_500_000 },
        indexPct: { '2027': 1.5 },
        source: 'Voorjaarsnota 2025',
      },
    },
    {
      format: SCENARIO_FORMAT,
      name: 'Pessimistisch',
      assumptions: {
        ambulant: { inflowChangePct: { '2023': 8, '2024': 8, '2025': 6 } },
        jzplus: { priceIndexPct: { '2024': 12 } },
      },
      funding: { adjustments: { '2026': -3_000_000 } },
    },
  ];
  return parseAll(inputs, model);
}

/** A scenario using the analysis extensions: a prevention budget line and Rijksmaatregelen. */
export function extensionScenario(model: Model): Scenario {
  return parseAll(
    [
      {
        format: SCENARIO_FORMAT,
        name: 'Preventie + Rijksmaatregelen',
        assumptions: {},
        prevention: {
          extraBudget: { '2024': 250_000, '2025': 250_000, '2026': 250_000 },
          effects: [{ segment: 'ambulant', inflowPctPer100k: 1, lagYears: 1, maxPct: 5, source: 'aanname werkgroep' }],
          source: 'Regionaal beleidsplan § 5.1',
        },
        measures: { 'korting-511-mln': true, 'stelpost-hervormingsagenda': true },
      },
    ],
    model,
  )[0]!;
}

/**
 * The second test scenario with uncertainty ranges (base figures, yearly
 * percentages, a budget line, the funding index and the substitution share).
 * One range source starts with "=": it must land in the sheet as text.
 */
export function rangeScenario(model: Model): Scenario {
  const base = testScenarios(model)[1]!;
  return parseAll(
    [
      {
        ...base,
        name: 'Met bandbreedtes',
        ranges: {
          ambulant: {
            inflowPerYear: { low: 2100, high: 2700, source: '=spreiding realisatie 2019–2022' },
            priceIndexPct: { low: -1, high: 1.5 },
          },
          verblijf: { avgDurationMonths: { low: 12, high: 17, source: 'Bijlage 3' } },
          jbjr: { amount: { low: 5_800_000, high: 6_600_000 } },
        },
        funding: {
          ...base.funding,
          ranges: { indexPct: { low: -1, high: 1, source: 'verschil mei- en septembercirculaire' } },
        },
        substitutions: base.substitutions.map((r) => ({ ...r, ranges: { sharePct: { low: -5, high: 5 } } })),
      },
    ],
    model,
  )[0]!;
}

function parseAll(inputs: unknown[], model: Model): Scenario[] {
  return inputs.map((input) => {
    const r = parseScenario(input, model);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    return r.value;
  });
}

// ── Storage: a small stored model, temp folders, a seed folder like models/ ──────────────────────

/** A small but complete model: two gemeenten, a volume segment and a budget line. */
export function storedModel(name = 'Testregio'): Model {
  return {
    format: 'jeugdbegroting/model@2',
    name,
    baseYear: 2024,
    endYear: 2027,
    gemeenten: [
      { id: 'venlo', name: 'Venlo', youth0to17: 18000 },
      { id: 'beesel', name: 'Beesel', youth0to17: 2400 },
    ],
    segments: [
      {
        id: 'ambulant',
        name: 'Ambulante jeugdhulp',
        kind: 'volume',
        inflowPerYear: 1200,
        avgDurationMonths: 9,
        unit: 'uur',
        unitsPerClientMonth: 6,
        pricePerUnit: 95,
      },
      { id: 'toegang', name: 'Toegang', kind: 'budget', amount: 2_500_000 },
    ],
    funding: { baseAmount: 60_000_000 },
  };
}

export function storedScenario(name = 'Basis', inflow2026 = 5): ScenarioInput {
  return {
    format: 'jeugdbegroting/scenario@1',
    name,
    assumptions: { ambulant: { inflowChangePct: { '2026': inflow2026 } } },
  };
}

export function tempDir(prefix = 'jp-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A seed folder like models/: one model and its scenarios. */
export function seedFolder(scenarios: Record<string, unknown> = { 'basis.json': storedScenario('Basis') }): string {
  const dir = tempDir('jp-seed-');
  fs.writeFileSync(path.join(dir, 'noord-limburg.json'), JSON.stringify(storedModel('Noord-Limburg test')));
  fs.mkdirSync(path.join(dir, 'scenarios'));
  for (const [file, content] of Object.entries(scenarios)) {
    fs.writeFileSync(
      path.join(dir, 'scenarios', file),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
  }
  return dir;
}

// ── Realisatie import: the test files in CBS and iJw layouts, a Noord-Limburg-like model ───────────

export const REALISATIE_FIXTURES = path.join(REPO_ROOT, 'test/fixtures/realisatie');
export const readFixture = (name: string) => fs.readFileSync(path.join(REALISATIE_FIXTURES, name), 'utf8');

export const NL_GEMEENTEN = [
  { id: 'beesel', name: 'Beesel', cbsCode: 'GM0889', youth0to17: 2400 },
  { id: 'bergen', name: 'Bergen (L.)', cbsCode: 'GM0893', youth0to17: 2100 },
  { id: 'gennep', name: 'Gennep', cbsCode: 'GM0907', youth0to17: 2800 },
  { id: 'horst', name: 'Horst aan de Maas', cbsCode: 'GM1507', youth0to17: 8400 },
  { id: 'peelenmaas', name: 'Peel en Maas', cbsCode: 'GM1894', youth0to17: 8000 },
  { id: 'venlo', name: 'Venlo', cbsCode: 'GM0983', youth0to17: 17600 },
  { id: 'venray', name: 'Venray', cbsCode: 'GM0984', youth0to17: 8500 },
] as const;

const nlVolume = (id: string, name: string, unit: string) => ({
  id,
  name,
  kind: 'volume' as const,
  inflowPerYear: 100,
  avgDurationMonths: 6,
  unit,
  pricePerUnit: 100,
});

/** A Noord-Limburg-like test model (invented figures): 7 gemeenten with CBS codes, segment ids as the default model. */
export function nlModel(): Model {
  return {
    format: 'jeugdbegroting/model@2',
    name: 'Testregio Noord-Limburg',
    baseYear: 2022,
    endYear: 2028,
    gemeenten: NL_GEMEENTEN.map((g) => ({ ...g })),
    segments: [
      nlVolume('dagbehandeling', 'Dagbehandeling', 'dagdeel'),
      nlVolume('verblijf-behandeling', 'Behandeling met verblijf', 'etmaal'),
      nlVolume('crisisbedden', 'Crisisbedden', 'etmaal'),
      { id: 'jeugdbescherming', name: 'Jeugdbescherming (subsidie GI)', kind: 'budget', amount: 5_000_000 },
      { id: 'jeugdreclassering', name: 'Jeugdreclassering (subsidie GI)', kind: 'budget', amount: 800_000 },
    ],
    funding: { baseAmount: 60_000_000 },
  };
}

/** nlModel with a regional realisatie 2022–2024 for every segment (invented figures): a partial file keeps the rest. */
export function nlModelRealised(): Model {
  const m = nlModel();
  const figure = { clients: 10, lasten: 1000, source: 'Testrealisatie (verzonnen cijfers)' };
  m.realisatie = {
    lastYear: 2024,
    segments: Object.fromEntries(
      m.segments.map((s) => [s.id, { '2022': { ...figure }, '2023': { ...figure }, '2024': { ...figure } }]),
    ),
  };
  return m;
}
