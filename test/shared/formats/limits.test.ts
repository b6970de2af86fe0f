/**
 * The limits of the formats (src/shared/formats/limits.ts): each one at its
 * limit is accepted, one step over it is refused with a Dutch message naming
 * the field, the value and the limit — through parseModel / parseScenario, the
 * same functions files, API, template import and CLI use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel, parseScenario } from '../../../src/shared/formats/validate';
import { MODEL_FORMAT, type Model } from '../../../src/shared/formats/model';
import { SCENARIO_FORMAT } from '../../../src/shared/formats/scenario';
import {
  LIMIT_TABLE,
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_DAYS_PER_CLIENT,
  MAX_DURATION_MONTHS,
  MAX_GEMEENTEN,
  MAX_HORIZON_YEARS,
  MAX_MEASURE_ENTRIES,
  MAX_PREVENTION_EFFECTS,
  MAX_SCENARIO_SEGMENT_ENTRIES,
  MAX_SEGMENTS,
  MAX_SUBSTITUTION_RULES,
  MAX_UNITS_PER_CLIENT_MONTH,
  MAX_YEAR,
  MIN_YEAR,
} from '../../../src/shared/formats/limits';
import { textProblem } from '../../../src/shared/formats/common';
import { budget, gemeente, model, volume } from '../../fixtures';

type Json = Record<string, any>;

function baseModel(): Json {
  return {
    format: MODEL_FORMAT,
    name: 'Grenzen',
    baseYear: 2022,
    endYear: 2025,
    gemeenten: [gemeente('a', 100), gemeente('b', 300)],
    segments: [volume('amb'), volume('ggz'), budget('tp', 1000)],
    funding: { baseAmount: 1000 },
  };
}

function modelWith(mutate: (m: Json) => void): Json {
  const m = structuredClone(baseModel());
  mutate(m);
  return m;
}

function modelMessages(m: Json): string[] {
  const r = parseModel(m);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

const manySegments = (n: number) => Array.from({ length: n }, (_, i) => volume(`s${i}`));
const manyGemeenten = (n: number) => Array.from({ length: n }, (_, i) => gemeente(`g${i}`, 100));

/** [field, set to the limit, set over the limit, the expected message over the limit] */
const modelCases: [string, (m: Json) => void, (m: Json) => void, string][] = [
  [
    'segments',
    (m) => (m.segments = manySegments(MAX_SEGMENTS)),
    (m) => (m.segments = manySegments(MAX_SEGMENTS + 1)),
    'segments: 201 segmenten is meer dan het maximum van 200',
  ],
  [
    'gemeenten',
    (m) => (m.gemeenten = manyGemeenten(MAX_GEMEENTEN)),
    (m) => (m.gemeenten = manyGemeenten(MAX_GEMEENTEN + 1)),
    'gemeenten: 51 gemeenten is meer dan het maximum van 50',
  ],
  [
    'usageShare',
    (m) => {
      m.gemeenten = manyGemeenten(MAX_GEMEENTEN);
      m.segments[0].usageShare = Object.fromEntries(m.gemeenten.map((g: Json) => [g.id, 1 / MAX_GEMEENTEN]));
    },
    (m) => {
      m.gemeenten = manyGemeenten(MAX_GEMEENTEN);
      m.segments[0].usageShare = Object.fromEntries([...m.gemeenten.map((g: Json) => [g.id, 0]), ['extra', 0]]);
    },
    'segments[0].usageShare: 51 gemeenten is meer dan het maximum van 50',
  ],
  [
    'baseYear (minimum)',
    (m) => (m.baseYear = MIN_YEAR),
    (m) => (m.baseYear = 1999),
    'baseYear: 1999 is minder dan het minimum van 2000',
  ],
  [
    'endYear (maximum)',
    (m) => Object.assign(m, { baseYear: 2040, endYear: MAX_YEAR }),
    (m) => Object.assign(m, { baseYear: 2040, endYear: 2061 }),
    'endYear: 2061 is meer dan het maximum van 2060',
  ],
  [
    'horizon',
    (m) => Object.assign(m, { baseYear: 2022, endYear: 2022 + MAX_HORIZON_YEARS }),
    (m) => Object.assign(m, { baseYear: 2022, endYear: 2053 }),
    'endYear: 2053 ligt meer dan 30 jaar na baseYear 2022',
  ],
  [
    'avgDurationMonths',
    (m) => (m.segments[0].avgDurationMonths = MAX_DURATION_MONTHS),
    (m) => (m.segments[0].avgDurationMonths = 1e308),
    'segments[0].avgDurationMonths: 1e+308 maanden is meer dan het maximum van 600 maanden',
  ],
  [
    'inflowPerYear',
    (m) => (m.segments[0].inflowPerYear = MAX_COUNT),
    (m) => (m.segments[0].inflowPerYear = MAX_COUNT + 1),
    'segments[0].inflowPerYear: 10.000.001 is meer dan het maximum van 10.000.000',
  ],
  [
    'openingClients',
    (m) => (m.segments[0].openingClients = MAX_COUNT),
    (m) => (m.segments[0].openingClients = 2e7),
    'segments[0].openingClients: 20.000.000 is meer dan het maximum van 10.000.000',
  ],
  [
    'unitsPerClientMonth',
    (m) => (m.segments[0].unitsPerClientMonth = MAX_UNITS_PER_CLIENT_MONTH),
    (m) => (m.segments[0].unitsPerClientMonth = 1000.5),
    'segments[0].unitsPerClientMonth: 1.000,5 is meer dan het maximum van 1.000',
  ],
  [
    'pricePerUnit',
    (m) => (m.segments[0].pricePerUnit = MAX_AMOUNT),
    (m) => (m.segments[0].pricePerUnit = 1e300),
    'segments[0].pricePerUnit: € 1e+300 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'amount',
    (m) => (m.segments[2].amount = MAX_AMOUNT),
    (m) => (m.segments[2].amount = 1.5e12),
    'segments[2].amount: € 1.500.000.000.000 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'youth0to17',
    (m) => (m.gemeenten[0].youth0to17 = MAX_COUNT),
    (m) => (m.gemeenten[0].youth0to17 = 1e8),
    'gemeenten[0].youth0to17: 100.000.000 is meer dan het maximum van 10.000.000',
  ],
  [
    'baseAmount',
    (m) => (m.funding.baseAmount = MAX_AMOUNT),
    (m) => (m.funding.baseAmount = 2e12),
    'funding.baseAmount: € 2.000.000.000.000 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'calibration.year',
    (m) => (m.segments[0].calibration = { year: MAX_YEAR, clients: 10, turnover: 1000, durationMonths: 6 }),
    (m) => (m.segments[0].calibration = { year: 2061, clients: 10, turnover: 1000, durationMonths: 6 }),
    'segments[0].calibration.year: 2061 is meer dan het maximum van 2060',
  ],
  [
    'calibration.clients',
    (m) => (m.segments[0].calibration = { year: 2022, clients: MAX_COUNT, turnover: 1000, durationMonths: 6 }),
    (m) => (m.segments[0].calibration = { year: 2022, clients: 1e9, turnover: 1000, durationMonths: 6 }),
    'segments[0].calibration.clients: 1.000.000.000 is meer dan het maximum van 10.000.000',
  ],
  [
    'calibration.turnover',
    (m) => (m.segments[0].calibration = { year: 2022, clients: 10, turnover: MAX_AMOUNT, durationMonths: 6 }),
    (m) => (m.segments[0].calibration = { year: 2022, clients: 10, turnover: 1e13, durationMonths: 6 }),
    'segments[0].calibration.turnover: € 10.000.000.000.000 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'calibration.durationMonths',
    (m) =>
      (m.segments[0].calibration = { year: 2022, clients: 10, turnover: 1000, durationMonths: MAX_DURATION_MONTHS }),
    (m) => (m.segments[0].calibration = { year: 2022, clients: 10, turnover: 1000, durationMonths: 601 }),
    'segments[0].calibration.durationMonths: 601 maanden is meer dan het maximum van 600 maanden',
  ],
  [
    'calibration.avgDaysPerClient',
    (m) =>
      (m.segments[0].calibration = { year: 2022, clients: 10, turnover: 1000, avgDaysPerClient: MAX_DAYS_PER_CLIENT }),
    (m) => (m.segments[0].calibration = { year: 2022, clients: 10, turnover: 1000, avgDaysPerClient: 367 }),
    'segments[0].calibration.avgDaysPerClient: 367 dagen is meer dan het maximum van 366 dagen',
  ],
];

describe('model limits: at the limit accepted, over it refused naming field, value and limit', () => {
  it.each(modelCases)('%s', (_field, atLimit, overLimit, message) => {
    const ok = modelWith(atLimit);
    expect(modelMessages(ok)).toEqual([]);
    expect(modelMessages(modelWith(overLimit))).toContain(message);
  });

  it('too many segments is refused by count alone: the 201 segments are not checked one by one', () => {
    const messages = modelMessages(
      modelWith((m) => {
        m.segments = manySegments(MAX_SEGMENTS + 1);
        m.segments[3].avgDurationMonths = 0.5;
      }),
    );
    expect(messages).toEqual(['segments: 201 segmenten is meer dan het maximum van 200']);
  });
});

// ─────────────────────────────── scenario ───────────────────────────────

const small = model({ baseYear: 2022, endYear: 2025, segments: [volume('amb'), volume('ggz'), budget('tp', 1000)] });
const big = model({ baseYear: 2022, endYear: 2025, segments: manySegments(MAX_SEGMENTS) });

function scenarioMessages(m: Model, fields: Json): string[] {
  const r = parseScenario({ format: SCENARIO_FORMAT, name: 'S', ...fields }, m);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

const rule = { from: 'amb', to: 'ggz', sharePct: {} };
const effect = { segment: 'amb', inflowPctPer100k: 1, lagYears: 1, maxPct: 10 };
const entries = <T>(n: number, value: (i: number) => T) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`s${i}`, value(i)]));

/** [field, model, fields at the limit, fields over the limit, message over the limit] */
const scenarioCases: [string, Model, Json, Json, string][] = [
  [
    'substitutions',
    small,
    { substitutions: Array.from({ length: MAX_SUBSTITUTION_RULES }, () => rule) },
    { substitutions: Array.from({ length: 501 }, () => rule) },
    'substitutions: 501 regels is meer dan het maximum van 500',
  ],
  [
    'assumptions',
    big,
    { assumptions: entries(MAX_SCENARIO_SEGMENT_ENTRIES, () => ({ inflowChangePct: { '2023': 1 } })) },
    { assumptions: { ...entries(MAX_SCENARIO_SEGMENT_ENTRIES, () => ({})), extra: {} } },
    'assumptions: 201 segmenten met aannames is meer dan het maximum van 200',
  ],
  [
    'ranges',
    big,
    { ranges: entries(MAX_SCENARIO_SEGMENT_ENTRIES, () => ({ inflowPerYear: { low: 10, high: 14 } })) },
    { ranges: { ...entries(MAX_SCENARIO_SEGMENT_ENTRIES, () => ({})), extra: {} } },
    'ranges: 201 segmenten met bandbreedtes is meer dan het maximum van 200',
  ],
  [
    'prevention.effects',
    small,
    {
      prevention: {
        extraBudget: { '2023': 100000 },
        effects: Array.from({ length: MAX_PREVENTION_EFFECTS }, () => effect),
      },
    },
    { prevention: { extraBudget: { '2023': 100000 }, effects: Array.from({ length: 501 }, () => effect) } },
    'prevention.effects: 501 effecten is meer dan het maximum van 500',
  ],
  [
    'funding.adjustments',
    small,
    { funding: { adjustments: { '2023': MAX_AMOUNT, '2024': -MAX_AMOUNT } } },
    { funding: { adjustments: { '2023': -2e12 } } },
    'funding.adjustments.2023: € -2.000.000.000.000 is minder dan het minimum van € -1.000.000.000.000',
  ],
  [
    'prevention.extraBudget',
    small,
    { prevention: { extraBudget: { '2023': MAX_AMOUNT } } },
    { prevention: { extraBudget: { '2023': 1e15 } } },
    'prevention.extraBudget.2023: € 1e+15 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'a range of a duration',
    small,
    { ranges: { amb: { avgDurationMonths: { low: 3, high: MAX_DURATION_MONTHS } } } },
    { ranges: { amb: { avgDurationMonths: { low: 3, high: 601 } } } },
    'ranges.amb.avgDurationMonths.high: high 601 maanden is meer dan het maximum van 600 maanden',
  ],
  [
    'a range of an inflow',
    small,
    { ranges: { amb: { inflowPerYear: { low: 1, high: MAX_COUNT } } } },
    { ranges: { amb: { inflowPerYear: { low: 1, high: 1e9 } } } },
    'ranges.amb.inflowPerYear.high: high 1.000.000.000 is meer dan het maximum van 10.000.000',
  ],
  [
    'a range of a price',
    small,
    { ranges: { amb: { pricePerUnit: { low: 1, high: MAX_AMOUNT } } } },
    { ranges: { amb: { pricePerUnit: { low: 1, high: 1e300 } } } },
    'ranges.amb.pricePerUnit.high: 1e+300 is meer dan het maximum van 1.000.000.000.000',
  ],
  [
    'a yearly percentage (documented range −100..1.000)',
    small,
    { assumptions: { amb: { inflowChangePct: { '2023': 1000, '2024': -100 } } } },
    { assumptions: { amb: { inflowChangePct: { '2023': 1001 } } } },
    'assumptions.amb.inflowChangePct.2023: 1001 is groter dan 1.000%',
  ],
  [
    'a substitution share (documented range 0..100)',
    small,
    { substitutions: [{ ...rule, sharePct: { '2023': 100 } }] },
    { substitutions: [{ ...rule, sharePct: { '2023': 100.5 } }] },
    'substitutions[0].sharePct.2023: 100.5 is meer dan 100%',
  ],
];

describe('scenario limits: at the limit accepted, over it refused naming field, value and limit', () => {
  it.each(scenarioCases)('%s', (_field, m, atLimit, overLimit, message) => {
    expect(scenarioMessages(m, atLimit)).toEqual([]);
    expect(scenarioMessages(m, overLimit)).toContain(message);
  });

  it('measures: more than 500 entries is refused by count, before any is looked up', () => {
    const over = scenarioMessages(small, { measures: entries(MAX_MEASURE_ENTRIES + 1, () => false) });
    expect(over).toContain('measures: 501 maatregelen is meer dan het maximum van 500');
    const at = scenarioMessages(small, { measures: entries(MAX_MEASURE_ENTRIES, () => false) });
    expect(at.some((x) => x.includes('maximum'))).toBe(false);
  });
});

describe('huge input: one message per list, refused by its count, no crash', () => {
  const huge = (n: number, value: unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

  it('200.000 entries in a record give one message, also when every entry is wrong', () => {
    expect(modelMessages(modelWith((m) => (m.segments[0].usageShare = huge(200_000, 'x'))))).toEqual([
      'segments[0].usageShare: 200.000 gemeenten is meer dan het maximum van 50',
    ]);
    expect(scenarioMessages(small, { assumptions: huge(200_000, { inflowChangePct: { '2023': 'x' } }) })).toEqual([
      'assumptions: 200.000 segmenten met aannames is meer dan het maximum van 200',
    ]);
    expect(scenarioMessages(small, { ranges: huge(200_000, 1) })).toEqual([
      'ranges: 200.000 segmenten met bandbreedtes is meer dan het maximum van 200',
    ]);
  });

  it('a year map holds at most one entry per year 2000–2060', () => {
    const years = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(MIN_YEAR + i), 1]));
    expect(modelMessages(modelWith((m) => (m.funding.indexPct = years(62))))).toEqual([
      'funding.indexPct: 62 jaren is meer dan het maximum van 61',
    ]);
    // 61 entries pass the count; the years outside the model are then named one by one
    expect(
      modelMessages(modelWith((m) => (m.funding.indexPct = years(61)))).every((x) =>
        x.includes('ligt buiten 2023–2025'),
      ),
    ).toBe(true);
  });

  it('messages stay short: 10 unknown field names at most, long text cut at 60 characters', () => {
    expect(modelMessages(modelWith((m) => Object.assign(m.funding, huge(200_000, 1))))).toEqual([
      'funding: onbekende velden "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9" en nog 199.990',
    ]);
    const [message] = modelMessages(modelWith((m) => (m.segments[0].id = 'x'.repeat(10_000_000))));
    expect(message).toBe(
      `segments[0].id: "${'x'.repeat(57)}…" is geen geldige id (letters, cijfers, - en _, max. 64 tekens)`,
    );
  });
});

// ─────────────────────────────── text ───────────────────────────────

describe('text fields: no lone surrogates, no control characters', () => {
  it('refuses a lone surrogate in a name, naming field, value and position', () => {
    expect(modelMessages(modelWith((m) => (m.name = 'x\ud800y')))).toEqual([
      'name: "x\\ud800y" bevat een losse surrogaat (U+D800) op positie 2: geen geldige Unicode-tekst',
    ]);
    expect(modelMessages(modelWith((m) => (m.segments[0].name = 'a\udc00')))).toEqual([
      'segments[0].name: "a\\udc00" bevat een losse surrogaat (U+DC00) op positie 2: geen geldige Unicode-tekst',
    ]);
  });

  it('refuses control characters; a name is one line, free text may have tabs and line breaks', () => {
    expect(modelMessages(modelWith((m) => (m.gemeenten[0].name = 'Venlo\nBlerick')))).toEqual([
      'gemeenten[0].name: "Venlo\\nBlerick" bevat een regeleinde (U+000A) op positie 6: dit veld is één regel tekst',
    ]);
    expect(modelMessages(modelWith((m) => (m.description = 'regel 1\r\nregel 2\tmet tab')))).toEqual([]);
    expect(modelMessages(modelWith((m) => (m.description = 'bel\u0007')))).toEqual([
      'description: "bel\\u0007" bevat een stuurteken (U+0007) op positie 4: dat is geen tekst',
    ]);
    expect(modelMessages(modelWith((m) => (m.funding.source = 'nul\u0000')))).toEqual([
      'funding.source: "nul\\u0000" bevat een stuurteken (U+0000) op positie 4: dat is geen tekst',
    ]);
    expect(modelMessages(modelWith((m) => (m.segments[0].unit = 'uur\u0085')))).toHaveLength(1);
  });

  it('accepts every valid character, also outside the BMP (surrogate pairs) and accents', () => {
    expect(modelMessages(modelWith((m) => (m.name = 'Zorg 👪 in Horst aan de Maas — cliëntmaand')))).toEqual([]);
    expect(textProblem('😀', false)).toBeUndefined();
    expect(textProblem('\ud83d', false)).toContain('U+D83D');
  });

  it('scenario text: names, sources and range links', () => {
    expect(scenarioMessages(small, { name: 'S\u001b[31m' })).toEqual([
      'name: "S\\u001b[31m" bevat een stuurteken (U+001B) op positie 2: dat is geen tekst',
    ]);
    expect(scenarioMessages(small, { assumptions: { amb: { source: 'x\udfff' } } })).toEqual([
      'assumptions.amb.source: "x\\udfff" bevat een losse surrogaat (U+DFFF) op positie 2: geen geldige Unicode-tekst',
    ]);
    expect(
      scenarioMessages(small, { ranges: { amb: { inflowPerYear: { low: 10, high: 14, link: 'a\u0001' } } } }),
    ).toHaveLength(1);
  });
});

describe('docs/formats.md lists every limit of the single table', () => {
  it('has a "Grenzen" section with each row of LIMIT_TABLE', () => {
    const doc = readFileSync(new URL('../../../docs/formats.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Grenzen'));
    expect(doc).toContain('## Grenzen');
    for (const row of LIMIT_TABLE) expect(section).toContain(`| ${row.what} | ${row.fields} | ${row.limit} |`);
  });
});
