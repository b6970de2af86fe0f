/** Every invalid case the issue names is rejected, in Dutch, naming the path and the value; nothing half-loaded. */
import { describe, expect, it } from 'vitest';
import { parseModel, parseScenario } from '../../../src/shared/formats/validate';
import { MODEL_FORMAT } from '../../../src/shared/formats/model';
import { isModelFormat, migrateModel } from '../../../src/shared/formats/migrate';
import { readFileSync } from 'node:fs';
import { simulate } from '../../../src/shared/engine/simulate';
import { simulate as simulateV1 } from '../legacy/simulate-v1';
import { SCENARIO_FORMAT } from '../../../src/shared/formats/scenario';
import { REPO_ROOT, budget, gemeente, model, volume } from '../../fixtures';

type Json = Record<string, unknown>;

function validModelJson(): Json {
  return {
    format: MODEL_FORMAT,
    name: 'Test',
    baseYear: 2022,
    endYear: 2025,
    gemeenten: [gemeente('venlo', 18000), gemeente('beesel', 2400, { fundingShare: 0.2 })],
    segments: [volume('amb', { taakveld: '6.72a' }), budget('tp', 500000, { taakveld: '6.1' })],
    funding: { baseAmount: 1000000, indexPct: { '2023': 2 } },
  };
}

/** Mutates a fresh valid model and returns the messages, asserting it was rejected. */
function modelMessages(mutate: (m: Json & { segments: Json[]; gemeenten: Json[]; funding: Json }) => void): string[] {
  const m = structuredClone(validModelJson()) as Json & { segments: Json[]; gemeenten: Json[]; funding: Json };
  mutate(m);
  const r = parseModel(m);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

const m = model({
  baseYear: 2022,
  endYear: 2025,
  segments: [volume('amb', { avgDurationMonths: 6 }), volume('ggz', { avgDurationMonths: 10 }), budget('tp', 500000)],
});

function scenarioMessages(fields: Json): string[] {
  const r = parseScenario({ format: SCENARIO_FORMAT, name: 'S', ...fields }, m);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues.map((i) => i.message);
}

describe('model@1', () => {
  it('accepts a valid model and fills nothing in silently', () => {
    const r = parseModel(validModelJson());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.segments[0]).not.toHaveProperty('openingClients');
  });

  it('the issue’s example: a duration below 1 month', () => {
    expect(modelMessages((x) => (x.segments[0]!.avgDurationMonths = 0.5))).toEqual([
      'segments[0].avgDurationMonths: 0.5 is kleiner dan 1 maand',
    ]);
  });

  it('unknown keys, at any level', () => {
    expect(modelMessages((x) => (x.colour = 'blauw'))).toEqual(['onbekend veld "colour"']);
    expect(modelMessages((x) => (x.segments[1]!.bedrag = 5))).toEqual(['segments[1]: onbekend veld "bedrag"']);
    expect(modelMessages((x) => (x.funding.extra = 1))).toEqual(['funding: onbekend veld "extra"']);
  });

  it('negative amounts, prices and inflows', () => {
    expect(modelMessages((x) => (x.segments[1]!.amount = -500))).toEqual(['segments[1].amount: -500 is negatief']);
    expect(modelMessages((x) => (x.segments[0]!.pricePerUnit = -1.5))).toEqual([
      'segments[0].pricePerUnit: -1.5 is negatief',
    ]);
    expect(modelMessages((x) => (x.segments[0]!.inflowPerYear = -3))).toEqual([
      'segments[0].inflowPerYear: -3 is negatief',
    ]);
    expect(modelMessages((x) => (x.funding.baseAmount = -1))).toEqual(['funding.baseAmount: -1 is negatief']);
  });

  it('NaN and Infinity', () => {
    expect(modelMessages((x) => (x.segments[0]!.inflowPerYear = NaN))).toEqual([
      'segments[0].inflowPerYear: NaN is geen getal',
    ]);
    expect(modelMessages((x) => (x.segments[0]!.pricePerUnit = Infinity))).toEqual([
      'segments[0].pricePerUnit: Infinity is geen eindig getal',
    ]);
    expect(modelMessages((x) => (x.funding.indexPct = { '2023': -Infinity }))).toEqual([
      'funding.indexPct.2023: -Infinity is geen eindig getal',
    ]);
  });

  it('the obsolete taakveld 6.71 and unknown codes', () => {
    const [msg] = modelMessages((x) => (x.segments[0]!.taakveld = '6.71'));
    expect(msg).toMatch(/^segments\[0\]\.taakveld: "6\.71" is een taakveldcode van vóór 2023/);
    expect(modelMessages((x) => (x.segments[0]!.taakveld = '9.9'))[0]).toMatch(
      /^segments\[0\]\.taakveld: "9\.9" is geen Iv3-taakveld/,
    );
  });

  it('years outside baseYear+1..endYear, and keys that are no year', () => {
    expect(modelMessages((x) => (x.funding.indexPct = { '2022': 2, '2026': 1 }))).toEqual([
      'funding.indexPct.2022: jaar 2022 ligt buiten 2023–2025',
      'funding.indexPct.2026: jaar 2026 ligt buiten 2023–2025',
    ]);
    expect(modelMessages((x) => (x.funding.indexPct = { volgend: 2 }))[0]).toMatch(
      /^funding\.indexPct\.volgend: .*"volgend" is geen jaartal/,
    );
  });

  it('other structural rules', () => {
    expect(modelMessages((x) => (x.segments[1]!.kind = 'subsidie'))).toEqual([
      'segments[1].kind: "subsidie" is geen geldige soort (toegestaan: "volume", "budget")',
    ]);
    expect(modelMessages((x) => (x.segments[1]!.id = 'amb'))).toEqual([
      'segments[1].id: "amb" komt al voor bij segments[0]',
    ]);
    expect(modelMessages((x) => (x.endYear = 2022))).toEqual(['endYear: 2022 ligt niet na baseYear 2022']);
    expect(modelMessages((x) => (x.segments[0]!.usageShare = { horst: 0.5 }))).toEqual([
      'segments[0].usageShare.horst: "horst" is geen gemeente van dit model',
    ]);
    expect(modelMessages((x) => (x.gemeenten[0]!.youth0to17 = 0))).toEqual([
      'gemeenten[0].youth0to17: 0 moet groter dan 0 zijn',
    ]);
    expect(modelMessages((x) => (x.segments[0]!.inflowPerYear = '12'))).toEqual([
      'segments[0].inflowPerYear: "12" is geen getal',
    ]);
    expect(modelMessages((x) => delete x.segments[0]!.unit)).toEqual(['segments[0].unit: ontbreekt']);
    expect(modelMessages((x) => (x.format = 'jeugdbegroting/model@3'))[0]).toMatch(
      /^format: "jeugdbegroting\/model@3" is geen geldige waarde/,
    );
  });

  it('fundingShares that are all given must add up to 1', () => {
    expect(
      modelMessages((x) => {
        x.gemeenten[0]!.fundingShare = 0.5;
        x.gemeenten[1]!.fundingShare = 0.3;
      }),
    ).toEqual(['gemeenten: de fundingShare-aandelen tellen op tot 0.8, niet tot 1']);
  });

  it('reports several problems at once', () => {
    const msgs = modelMessages((x) => {
      x.segments[0]!.pricePerUnit = -1;
      x.segments[1]!.amount = NaN;
    });
    expect(msgs).toEqual(['segments[0].pricePerUnit: -1 is negatief', 'segments[1].amount: NaN is geen getal']);
  });
});

describe('scenario@1', () => {
  it('accepts a valid scenario', () => {
    const r = parseScenario(
      {
        format: SCENARIO_FORMAT,
        name: 'Goed',
        assumptions: {
          amb: { inflowChangePct: { '2023': -5 }, intensityChangePct: { '2024': -5 } },
          tp: { amountChangePct: { '2025': 10 } },
        },
        substitutions: [
          { from: 'amb', to: 'ggz', sharePct: { '2023': 60 } },
          { from: 'amb', to: 'ggz', sharePct: { '2023': 40 } },
        ],
        funding: { indexPct: { '2023': 3 }, adjustments: { '2024': -25000 } },
      },
      m,
    );
    expect(r.ok).toBe(true);
  });

  it('unknown segment ids, in assumptions and substitutions', () => {
    expect(scenarioMessages({ assumptions: { dagbesteding: { inflowChangePct: { '2023': -10 } } } })).toEqual([
      'assumptions.dagbesteding: "dagbesteding" is geen segment van model "Testmodel"',
    ]);
    expect(scenarioMessages({ substitutions: [{ from: 'verblijf', to: 'amb', sharePct: { '2023': 10 } }] })).toEqual([
      'substitutions[0].from: "verblijf" is geen segment van model "Testmodel"',
    ]);
  });

  it('unknown keys', () => {
    expect(scenarioMessages({ assumptions: { amb: { inflowPct: { '2023': 1 } } } })).toEqual([
      'assumptions.amb: onbekend veld "inflowPct"',
    ]);
    expect(scenarioMessages({ funding: { index: {} } })).toEqual(['funding: onbekend veld "index"']);
    expect(scenarioMessages({ opmerking: 'x' })).toEqual(['onbekend veld "opmerking"']);
  });

  it('years outside baseYear+1..endYear', () => {
    expect(scenarioMessages({ assumptions: { amb: { inflowChangePct: { '2022': -5 } } } })).toEqual([
      'assumptions.amb.inflowChangePct.2022: jaar 2022 ligt buiten 2023–2025',
    ]);
    expect(scenarioMessages({ funding: { adjustments: { '2030': 100 } } })).toEqual([
      'funding.adjustments.2030: jaar 2030 ligt buiten 2023–2025',
    ]);
    expect(scenarioMessages({ substitutions: [{ from: 'amb', to: 'ggz', sharePct: { '2021': 10 } }] })).toEqual([
      'substitutions[0].sharePct.2021: jaar 2021 ligt buiten 2023–2025',
    ]);
  });

  it('a duration below 1 month through durationChangePct', () => {
    // amb: 6 months × 0,5 (2023) = 3 × 0,25 (2024) = 0,75 < 1
    expect(scenarioMessages({ assumptions: { amb: { durationChangePct: { '2023': -50, '2024': -75 } } } })).toEqual([
      'assumptions.amb.durationChangePct.2024: maakt de trajectduur in 2024 0,75 maand: kleiner dan 1 maand',
    ]);
  });

  it('substitution shares above 100% out of a segment in a year, also over several rules', () => {
    expect(scenarioMessages({ substitutions: [{ from: 'amb', to: 'ggz', sharePct: { '2023': 120 } }] })).toEqual([
      'substitutions[0].sharePct.2023: 120 is meer dan 100%',
    ]);
    expect(
      scenarioMessages({
        substitutions: [
          { from: 'amb', to: 'ggz', sharePct: { '2024': 70 } },
          { from: 'amb', to: 'ggz', sharePct: { '2024': 40 } },
        ],
      }),
    ).toEqual([
      'substitutions[0].sharePct.2024: in 2024 wordt 110% van de instroom van "amb" verschoven: meer dan 100%',
    ]);
  });

  it('negative shares, NaN and Infinity', () => {
    expect(scenarioMessages({ substitutions: [{ from: 'amb', to: 'ggz', sharePct: { '2023': -5 } }] })).toEqual([
      'substitutions[0].sharePct.2023: -5 is negatief',
    ]);
    expect(scenarioMessages({ assumptions: { amb: { priceIndexPct: { '2023': NaN } } } })).toEqual([
      'assumptions.amb.priceIndexPct.2023: NaN is geen getal',
    ]);
    expect(scenarioMessages({ funding: { adjustments: { '2023': Infinity } } })).toEqual([
      'funding.adjustments.2023: Infinity is geen eindig getal',
    ]);
  });

  it('assumptions of the wrong kind, and substitution into a budget line', () => {
    expect(scenarioMessages({ assumptions: { tp: { inflowChangePct: { '2023': 1 } } } })).toEqual([
      'assumptions.tp.inflowChangePct: geldt niet voor een budgetregel',
    ]);
    expect(scenarioMessages({ assumptions: { amb: { amountChangePct: { '2023': 1 } } } })).toEqual([
      'assumptions.amb.amountChangePct: geldt niet voor een volumesegment',
    ]);
    expect(scenarioMessages({ substitutions: [{ from: 'amb', to: 'tp', sharePct: { '2023': 10 } }] })).toEqual([
      'substitutions[0].to: "tp" is een budgetregel; substitutie kan alleen tussen volumesegmenten',
    ]);
  });
});

describe('model@1 → model@2 (migrateModel)', () => {
  // a real model@1 file: models/noord-limburg.json as it was before model@2
  const v1 = JSON.parse(readFileSync(`${REPO_ROOT}/test/fixtures/model-v1/noord-limburg.json`, 'utf8')) as Record<
    string,
    unknown
  >;

  it('the fixture is a real model@1 file', () => {
    expect(v1.format).toBe('jeugdbegroting/model@1');
    expect((v1.segments as unknown[]).length).toBeGreaterThan(5);
  });

  it('only the format changes; the key stays first; the input is not touched', () => {
    const before = structuredClone(v1);
    const out = migrateModel(v1) as Record<string, unknown>;
    expect(out).toEqual({ ...v1, format: MODEL_FORMAT });
    expect(Object.keys(out)).toEqual(Object.keys(v1));
    expect(v1).toEqual(before);
  });

  it('parseModel reads model@1 as a valid model@2 that serialises as @2 and reads back identical', () => {
    const r = parseModel(v1);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.value.format).toBe('jeugdbegroting/model@2');
    expect(r.value).toEqual({ ...v1, format: MODEL_FORMAT });
    const again = parseModel(JSON.parse(JSON.stringify(r.value)));
    expect(again.ok && again.value).toEqual(r.value);
  });

  it('the migrated model computes exactly what the engine before model@2 computed', () => {
    const r = parseModel(v1);
    if (!r.ok) throw new Error('invalid');
    // the bekende ontwikkelingen it switches on are the current model's, not this model@1 file's
    const { knownChanges: _k, ...file } = JSON.parse(
      readFileSync(`${REPO_ROOT}/models/scenarios/beleidsplan-kpis.json`, 'utf8'),
    ) as Record<string, unknown>;
    const scenario = parseScenario(file, r.value);
    if (!scenario.ok) throw new Error(scenario.issues.map((i) => i.message).join('\n'));
    // the engine before model@2 knew assumptions, substitutions and funding; the later extensions stay out
    const { autonomous: _a, policies: _p, ...core } = scenario.value;
    const now = simulate(r.value, core);
    const before = simulateV1(r.value, core);
    expect(now.totals.map((t) => t.cost)).toEqual(before.totals.map((t) => t.cost));
    expect(now.totals.map((t) => t.balance)).toEqual(before.totals.map((t) => t.balance));
    expect(now.gemeenten.map((g) => g.years.map((y) => y.balance))).toEqual(
      before.gemeenten.map((g) => g.years.map((y) => y.balance)),
    );
  });

  it('leaves other input for parseModel to judge', () => {
    for (const x of [
      null,
      3,
      'model',
      [1],
      { format: 'jeugdbegroting/model@2' },
      { format: 'jeugdbegroting/scenario@1' },
    ])
      expect(migrateModel(x)).toBe(x);
    expect(isModelFormat('jeugdbegroting/model@1')).toBe(true);
    expect(isModelFormat('jeugdbegroting/model@2')).toBe(true);
    expect(isModelFormat('jeugdbegroting/model@3')).toBe(false);
    const r = parseModel({ ...v1, format: 'jeugdbegroting/model@0' });
    expect(r.ok ? [] : r.issues.map((i) => i.message)[0]).toMatch(
      /^format: "jeugdbegroting\/model@0" is geen geldige waarde/,
    );
  });
});
