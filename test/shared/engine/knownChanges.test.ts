/**
 * Bekende ontwikkelingen (issue 11, item 2): each kind computed by hand — a regional amount,
 * amounts per gemeente, a formula on segments — on both sides, structureel and incidenteel,
 * not in realised years; and "no known changes switched on = the result exactly as before".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../../src/shared/engine/simulate';
import { knownChangeLineId } from '../../../src/shared/engine/knownChanges';
import type { KnownChange } from '../../../src/shared/formats/knownChanges';
import type { Model } from '../../../src/shared/formats/model';
import { parseModel } from '../../../src/shared/formats/validate';
import { handModel, scenarioIssues, testModel, testScenarios, validScenario } from '../../fixtures';

const G = [
  { id: 'a', name: 'A', youth0to17: 100 },
  { id: 'b', name: 'B', youth0to17: 300 },
];

/** 2022–2024; jb € 1.000 a year split 60/40 by use, x € 500 by youth; Rijksmiddelen € 2.000 flat. */
function base(changes: KnownChange[]): Model {
  return handModel({
    gemeenten: G,
    segments: [
      {
        id: 'jb',
        name: 'Jeugdbescherming',
        kind: 'budget',
        amount: 1000,
        split: 'usage',
        usageShare: { a: 0.6, b: 0.4 },
      },
      { id: 'x', name: 'Overig', kind: 'budget', amount: 500 },
    ],
    funding: { baseAmount: 2000 },
    knownChanges: changes,
  });
}

const change = (fields: Partial<KnownChange> & Pick<KnownChange, 'id'>): KnownChange => ({
  name: `Ontwikkeling ${fields.id}`,
  side: 'lasten',
  kind: 'structureel',
  source: 'Testbron, tabel 1, 2025',
  ...fields,
});

const gemeente = (r: ReturnType<typeof simulate>, id: string) => r.gemeenten.find((g) => g.id === id)!;

describe('bekende ontwikkelingen (hand-computed)', () => {
  it('a regional amount: structureel continues, incidenteel only its years; split by youth (25/75)', () => {
    const m = base([
      change({ id: 'str', amount: { '2023': 100 } }),
      change({ id: 'inc', kind: 'incidenteel', amount: { '2023': 40 } }),
    ]);
    const r = simulate(m, validScenario(m, { knownChanges: { str: true, inc: true } }));
    const str = r.lines.find((l) => l.id === knownChangeLineId('str'))!;
    const inc = r.lines.find((l) => l.id === knownChangeLineId('inc'))!;
    expect(str.years.map((y) => y.cost)).toEqual([0, 100, 100]);
    expect(inc.years.map((y) => y.cost)).toEqual([0, 40, 0]);
    expect(str.kind === 'budget' && [str.origin, str.source]).toEqual(['known-change', 'Testbron, tabel 1, 2025']);
    expect(r.totals.map((t) => t.cost)).toEqual([1500, 1640, 1600]);
    expect(r.totals.map((t) => t.balance)).toEqual([500, 360, 400]);
    // lasten of A in 2023: jb 600 + x 125 + str 25 + inc 10
    expect(gemeente(r, 'a').years[1]!.cost).toBe(760);
    expect(gemeente(r, 'b').years[1]!.cost).toBe(880);
    expect(r.knownChanges!.map((c) => [c.id, c.side, c.kind])).toEqual([
      ['str', 'lasten', 'structureel'],
      ['inc', 'lasten', 'incidenteel'],
    ]);
  });

  it('per gemeente: each amount goes to its gemeente exactly (baten side, here: B loses 40 from 2023)', () => {
    const m = base([change({ id: 'wpb', side: 'baten', perGemeente: { b: { '2023': -40 } } })]);
    const r = simulate(m, validScenario(m, { knownChanges: { wpb: true } }));
    expect(r.lines.some((l) => l.id === knownChangeLineId('wpb'))).toBe(false);
    expect(r.knownChanges![0]!.years).toEqual([0, -40, -40]);
    expect(r.totals.map((t) => t.fundingKnownChanges)).toEqual([0, -40, -40]);
    expect(r.totals.map((t) => t.funding)).toEqual([2000, 1960, 1960]);
    // Rijksmiddelen by youth (500 / 1.500), then B's own −40
    expect(gemeente(r, 'a').years.map((y) => y.funding)).toEqual([500, 500, 500]);
    expect(gemeente(r, 'b').years.map((y) => y.funding)).toEqual([1500, 1460, 1460]);
  });

  it('per gemeente on the lasten side: + for one, − for the other, a net 0 for the region', () => {
    const m = base([change({ id: 'wpb', perGemeente: { a: { '2024': 70 }, b: { '2024': -70 } } })]);
    const r = simulate(m, validScenario(m, { knownChanges: { wpb: true } }));
    expect(r.knownChanges![0]!.years).toEqual([0, 0, 0]);
    const l = r.lines.findIndex((x) => x.id === knownChangeLineId('wpb'));
    expect(gemeente(r, 'a').lineCosts[l]).toEqual([0, 0, 70]);
    expect(gemeente(r, 'b').lineCosts[l]).toEqual([0, 0, -70]);
  });

  it('a formula: 10% of the jb lasten from 2024, per gemeente on its own jb lasten (60/40)', () => {
    const m = base([change({ id: 'tarief', pctOfSegments: { segments: ['jb'], pct: 10, fromYear: 2024 } })]);
    const r = simulate(m, validScenario(m, { knownChanges: { tarief: true } }));
    const l = r.lines.findIndex((x) => x.id === knownChangeLineId('tarief'));
    expect(r.lines[l]!.years.map((y) => y.cost)).toEqual([0, 0, 100]);
    expect(gemeente(r, 'a').lineCosts[l]).toEqual([0, 0, 60]);
    expect(gemeente(r, 'b').lineCosts[l]).toEqual([0, 0, 40]);
    expect(r.totals[2]!.cost).toBe(1600);
  });

  it('splitAs: a regional amount split like a segment (jb: 60/40)', () => {
    const m = base([change({ id: 'r', amount: { '2023': 200 }, splitAs: 'jb' })]);
    const r = simulate(m, validScenario(m, { knownChanges: { r: true } }));
    const l = r.lines.findIndex((x) => x.id === knownChangeLineId('r'));
    expect(gemeente(r, 'a').lineCosts[l]).toEqual([0, 120, 120]);
    expect(gemeente(r, 'b').lineCosts[l]).toEqual([0, 80, 80]);
  });

  it('not in realised years: the realised figures already contain the change', () => {
    const m = handModel({
      gemeenten: G,
      segments: [{ id: 'jb', name: 'JB', kind: 'budget', amount: 1000 }],
      funding: { baseAmount: 2000 },
      realisatie: {
        lastYear: 2023,
        segments: {
          jb: { '2022': { lasten: 1000, source: 'jaarrekening' }, '2023': { lasten: 1100, source: 'jaarrekening' } },
        },
      },
      knownChanges: [change({ id: 'c', amount: { '2022': 50, '2023': 50 } })],
    });
    const r = simulate(m, validScenario(m, { knownChanges: { c: true } }));
    const line = r.lines.find((x) => x.id === knownChangeLineId('c'))!;
    expect(line.years.map((y) => [y.kind, y.cost])).toEqual([
      ['realisatie', 0],
      ['realisatie', 0],
      ['raming', 50],
    ]);
    expect(r.totals.map((t) => t.cost)).toEqual([1000, 1100, 1150]);
  });

  it('off, or switched false, is no line at all', () => {
    const m = base([change({ id: 'str', amount: { '2023': 100 } })]);
    const r = simulate(m, validScenario(m, { knownChanges: { str: false } }));
    expect(r.knownChanges).toBeUndefined();
    expect(r.lines.map((l) => l.id)).toEqual(['jb', 'x']);
    expect(r.totals.map((t) => t.cost)).toEqual([1500, 1500, 1500]);
  });
});

describe('validation', () => {
  it('a scenario may only switch on changes of its model', () => {
    const m = base([change({ id: 'str', amount: { '2023': 100 } })]);
    expect(scenarioIssues(m, { knownChanges: { woonplaats: true } })).toEqual([
      'knownChanges.woonplaats: "woonplaats" is geen bekende ontwikkeling van model "Handmodel" (wel: str)',
    ]);
  });

  it('a model: ids, gemeenten, segments and years that exist; an amount or formula; a range around 0', () => {
    const good = base([]);
    const parsed = parseModel({
      ...good,
      knownChanges: [
        change({ id: 'c', perGemeente: { zz: { '2023': 1 } }, splitAs: 'nope' }),
        change({ id: 'c', amount: { '2031': 1 }, range: { lowPct: 10, highPct: -5 } }),
        { ...change({ id: 'd' }), side: 'links' },
        change({ id: 'e', pctOfSegments: { segments: ['jb', 'geen'], pct: 5, fromYear: 2030 } }),
      ],
    });
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/knownChanges\[1\]\.range\.lowPct: lowPct 10 is groter dan 0/),
        expect.stringMatching(/highPct -5 is kleiner dan 0/),
        expect.stringMatching(
          /knownChanges\[2\]\.side: "links" is geen geldige waarde \(toegestaan: "lasten", "baten"\)/,
        ),
      ]),
    );
    const cross = parseModel({
      ...good,
      knownChanges: [
        change({ id: 'c', perGemeente: { zz: { '2023': 1 } }, splitAs: 'nope' }),
        change({ id: 'c', amount: { '2031': 1 } }),
        change({ id: 'e', pctOfSegments: { segments: ['jb', 'geen'], pct: 5, fromYear: 2030 } }),
        change({ id: 'f' }),
      ],
    });
    const crossMessages = cross.ok ? [] : cross.issues.map((i) => `${i.path}: ${i.message}`);
    expect(crossMessages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"zz" is geen gemeente van dit model/),
        expect.stringMatching(/"nope" is geen segment van dit model/),
        expect.stringMatching(/"c" komt al voor bij knownChanges\[0\]/),
        expect.stringMatching(/jaar 2031 ligt buiten 2022–2024/),
        expect.stringMatching(/"geen" is geen segment van dit model/),
        expect.stringMatching(/2030 ligt buiten 2022–2024/),
        expect.stringMatching(/geef een bedrag \(amount\), bedragen per gemeente \(perGemeente\) of een formule/),
      ]),
    );
  });

  it('a model file without knownChanges (model@1 or @2) reads as before', () => {
    const m = base([]);
    const { knownChanges: _drop, ...without } = m;
    void _drop;
    const v1 = parseModel({ ...without, format: 'jeugdbegroting/model@1' });
    expect(v1.ok && v1.value.knownChanges).toBeUndefined();
  });
});

describe('no known changes switched on = the result exactly as before (property)', () => {
  const amounts = fc.dictionary(
    fc.constantFrom('2024', '2025', '2026', '2027', '2028'),
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    { maxKeys: 3 },
  );
  it('for the test model and each of its scenarios, with changes in the model that are off or absent', () => {
    const plain = testModel();
    const scenarios = testScenarios(plain);
    fc.assert(
      fc.property(
        fc.array(amounts, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: scenarios.length - 1 }),
        fc.boolean(),
        (maps, si, withFalse) => {
          const changes = maps.map((amount, i) =>
            change({ id: `c${i}`, amount: Object.keys(amount).length > 0 ? amount : { '2025': 1 } }),
          );
          const parsed = parseModel({ ...plain, knownChanges: changes });
          if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
          const sc = scenarios[si]!;
          const switched = withFalse ? { ...sc, knownChanges: { c0: false } } : sc;
          expect(simulate(parsed.value, switched)).toEqual(simulate(plain, sc));
        },
      ),
      { numRuns: 30 },
    );
  });
});
