/**
 * Linked ranges: ranges with the same `link` share one uniform number per
 * Monte Carlo draw (perfectly rank-correlated), each through its own triangle;
 * the tornado moves a link group as one bar. Without links every number is
 * exactly what it was before links existed.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runMonteCarloSync, sampleParameters } from '../../../src/shared/analysis/montecarlo';
import { applyParameters, drawSlots, listParameters, type Parameter } from '../../../src/shared/analysis/parameters';
import { tornado } from '../../../src/shared/analysis/tornado';
import { simulate } from '../../../src/shared/engine/simulate';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { parseScenario } from '../../../src/shared/formats/validate';
import { getRange, patchRange, type RangeTarget } from '../../../src/renderer/lib/edits/ranges';
import {
  rangeScenario,
  testModel,
  defaultModel,
  oneMonthSegment,
  scenarioIssues,
  shippedScenario,
  handModel,
  validScenario,
} from '../../fixtures';
import { readWorkbook, rowsStartingWith, rowsWithLabel, textOf } from '../../main/excel/helpers';

/** Where x lies in the triangle (low, mode, high): its cumulative probability, the u it was drawn with. */
function triangularCdf(x: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (x < mode) return ((x - low) * (x - low)) / (width * (mode - low));
  return 1 - ((high - x) * (high - x)) / (width * (high - mode));
}

/** The scenario with every `link` taken out of its ranges. */
function withoutLinks(scenario: Scenario): Scenario {
  const s = structuredClone(scenario);
  for (const fields of Object.values(s.ranges ?? {}))
    for (const range of Object.values(fields)) if (range) delete range.link;
  if (s.funding.ranges?.indexPct) delete s.funding.ranges.indexPct.link;
  if (s.funding.ranges?.baseAmount) delete s.funding.ranges.baseAmount.link;
  for (const rule of s.substitutions) if (rule.ranges?.sharePct) delete rule.ranges.sharePct.link;
  return s;
}

/** Two identical segments a and b: 1.000 clients × 1 month × € 100 each, so cost = 1.000 × (price a + price b). */
const twin = () => handModel({ segments: [oneMonthSegment('a', 1000, 100), oneMonthSegment('b', 1000, 100)] });

function priceRanges(linkA?: string, linkB?: string) {
  return {
    a: { pricePerUnit: { low: 80, high: 120, ...(linkA ? { link: linkA } : {}) } },
    b: { pricePerUnit: { low: 80, high: 120, ...(linkB ? { link: linkB } : {}) } },
  };
}

const spread = (band: { p10: number; p90: number }) => band.p90 - band.p10;

describe('link: the format', () => {
  const m = twin();

  it('keeps a link and adds nothing to a range without one', () => {
    const sc = validScenario(m, {
      ranges: {
        a: { pricePerUnit: { low: 80, high: 120, link: 'vng-index', source: 'x' } },
        b: { pricePerUnit: { low: 90, high: 110 } },
      },
    });
    expect(sc.ranges?.a?.pricePerUnit).toEqual({ low: 80, high: 120, link: 'vng-index', source: 'x' });
    expect(sc.ranges?.b?.pricePerUnit).toEqual({ low: 90, high: 110 });
    expect('link' in sc.ranges!.b!.pricePerUnit!).toBe(false);
  });

  it('parses the shipped scenarios without links exactly as their JSON says', () => {
    const model = defaultModel();
    const s = shippedScenario(model, 'ongewijzigd-beleid.json');
    // the base amount's and the drivers' ranges (independent of any link) would dilute the comparison
    delete s.funding.ranges?.baseAmount;
    delete s.autonomous?.ranges;
    const linked = Object.values(s.ranges ?? {})
      .flatMap((f) => Object.values(f))
      .filter((r) => r?.link !== undefined);
    expect(linked).toHaveLength(16);
    expect(new Set(linked.map((r) => r!.link))).toEqual(new Set(['vng-index']));
    // the Rijks index is not part of the VNG group
    expect(s.funding.ranges?.indexPct?.link).toBeUndefined();
  });

  it('rejects an empty, padded, too long or non-text link, naming path and value in Dutch', () => {
    const issues = (link: unknown) =>
      scenarioIssues(m, { ranges: { a: { pricePerUnit: { low: 80, high: 120, link } } } });
    expect(issues('')).toEqual([
      'ranges.a.pricePerUnit.link: "" is leeg: geef de groep een naam (bijv. "vng-index") of laat het veld weg',
    ]);
    expect(issues('   ')).toEqual([
      'ranges.a.pricePerUnit.link: "   " is leeg: geef de groep een naam (bijv. "vng-index") of laat het veld weg',
    ]);
    expect(issues(' vng')).toEqual([
      'ranges.a.pricePerUnit.link: " vng" begint of eindigt met een spatie: dan lijkt het dezelfde groep als "vng" maar is het een andere',
    ]);
    const long = 'x'.repeat(41);
    expect(issues(long)).toEqual([`ranges.a.pricePerUnit.link: "${long}" is langer dan 40 tekens (41)`]);
    expect(issues(7)).toEqual(['ranges.a.pricePerUnit.link: 7 is geen tekst']);
    expect(scenarioIssues(m, { funding: { ranges: { indexPct: { low: -1, high: 1, link: '' } } } })).toEqual([
      'funding.ranges.indexPct.link: "" is leeg: geef de groep een naam (bijv. "vng-index") of laat het veld weg',
    ]);
  });
});

describe('link: the draws', () => {
  it('gives every member of a group the same u in every draw, through its own triangle', () => {
    const m = handModel({
      segments: [oneMonthSegment('a', 1000, 100), oneMonthSegment('b', 500, 40), oneMonthSegment('c', 200, 10)],
    });
    const sc = validScenario(m, {
      ranges: {
        // a mixed group: an absolute price, a shift in percentage points, a skewed range
        a: { pricePerUnit: { low: 90, high: 130, link: 'index' }, inflowPerYear: { low: 900, high: 1100 } },
        b: { priceIndexPct: { low: -1, high: 3, link: 'index' } },
        c: { pricePerUnit: { low: 5, high: 12, link: 'index' }, inflowPerYear: { low: 150, high: 260 } },
      },
    });
    const params = listParameters(m, sc);
    expect(params.map((p) => p.link ?? '-')).toEqual(['-', 'index', 'index', '-', 'index']);
    expect(Array.from(drawSlots(params).slot)).toEqual([0, 1, 1, 2, 1]);
    const draws = sampleParameters(params, 1000, 99);
    const u = (d: Float64Array, i: number) => triangularCdf(d[i]!, params[i]!.low, params[i]!.likely, params[i]!.high);
    let unlinkedDiffer = 0;
    for (const d of draws) {
      expect(u(d, 2)).toBeCloseTo(u(d, 1), 9);
      expect(u(d, 4)).toBeCloseTo(u(d, 1), 9);
      if (Math.abs(u(d, 0) - u(d, 3)) > 1e-6 && Math.abs(u(d, 0) - u(d, 1)) > 1e-6) unlinkedDiffer++;
    }
    expect(unlinkedDiffer).toBe(1000);
  });

  it('is what runMonteCarlo computes with: one draw equals simulate with the sampled values', () => {
    const m = twin();
    const sc = validScenario(m, {
      ranges: {
        a: { pricePerUnit: { low: 60, high: 150, link: 'p' } },
        b: { pricePerUnit: { low: 90, high: 101, link: 'p' } },
      },
    });
    const params = listParameters(m, sc);
    const [values] = sampleParameters(params, 1, 5);
    const applied = applyParameters(m, sc, params, Array.from(values!));
    const expected = simulate(applied.model, applied.scenario, { perGemeente: false });
    const mc = runMonteCarloSync({ model: m, scenario: sc, draws: 1, seed: 5 });
    mc.years.forEach((y, k) => expect(y.cost.p50).toBeCloseTo(expected.totals[k]!.cost, 6));
  });

  it('widens the band: linked P90−P10 of the sum is 2× one segment, independent about √2×', () => {
    const m = twin();
    const run = (ranges: object, model = m) =>
      runMonteCarloSync({ model, scenario: validScenario(model, { ranges }), draws: 20_000, seed: 20220101 }).years.at(
        -1,
      )!.cost;
    const single = spread(
      run({ a: { pricePerUnit: { low: 80, high: 120 } } }, handModel({ segments: [oneMonthSegment('a', 1000, 100)] })),
    );
    const linked = spread(run(priceRanges('p', 'p')));
    const independent = spread(run(priceRanges()));
    expect(single).toBeGreaterThan(20_000); // about 1.000 × 22
    // One u for both: every draw is exactly twice a draw of the single segment with the same seed.
    expect(linked / single).toBeCloseTo(2, 9);
    // Two independent draws: the spread grows by about √2 (a little less: the sum is nearer to normal).
    expect(independent / single).toBeGreaterThan(1.3);
    expect(independent / single).toBeLessThan(Math.SQRT2 + 0.02);
    // Different links are independent too.
    expect(spread(run(priceRanges('p', 'q')))).toBeCloseTo(independent, 6);
  });

  it('is reproducible from the seed, and another seed draws other numbers', () => {
    const model = defaultModel();
    const s = shippedScenario(model, 'beleidsplan-kpis.json');
    const a = runMonteCarloSync({ model, scenario: s, draws: 300, seed: 11 });
    const b = runMonteCarloSync({ model, scenario: s, draws: 300, seed: 11 });
    const c = runMonteCarloSync({ model, scenario: s, draws: 300, seed: 12 });
    expect(b.years).toEqual(a.years);
    expect(c.years.at(-1)!.balance.p50).not.toBe(a.years.at(-1)!.balance.p50);
  });
});

describe('link: nothing changes without links', () => {
  const model = defaultModel();
  // Fingerprints of `years` (seed 20220101, 2.000 draws) captured before links existed; recaptured when the
  // shipped data changed on purpose (last: the merge of issue 10 item 7 with issue 11 items 2 and 5 — realised
  // default model, bekende ontwikkelingen on in Ongewijzigd beleid, KPI's as beleidsmaatregelen on top of it).
  const before: Record<string, { hash: string; p10: number; p50: number; p90: number }> = {
    // since issue 11 (autonome ontwikkeling, gemeentefonds path, range on the base amount): recaptured;
    // since the default model's realisatie 2022–2024 (issue 10, item 7): recaptured again
    'ongewijzigd-beleid.json': {
      hash: '057865f6bea689bc',
      p10: -30572526.50973736,
      p50: -25498068.135633565,
      p90: -20562699.234494828,
    },
    // re-recorded for issue 11 item 5: Ongewijzigd beleid + the Bijlage 8 measures as policies (their
    // realisatie ranges are unlinked, so they are drawn the same with or without links)
    'beleidsplan-kpis.json': {
      hash: '9912170d13775332',
      p10: -26418054.79318123,
      p50: -21434504.989714727,
      p90: -16589298.658619888,
    },
    // since issue 11 items 2 and 4 (ranges on the Rijksmaatregelen and the base amount): recaptured
    'rijksmaatregelen.json': {
      hash: '006e94fb4660047d',
      p10: -30238770.970439922,
      p50: -25137893.581186324,
      p90: -19138963.143704686,
    },
  };
  for (const [file, want] of Object.entries(before)) {
    it(`${file} without its links gives exactly the numbers of before`, () => {
      const mc = runMonteCarloSync({
        model,
        scenario: withoutLinks(shippedScenario(model, file)),
        draws: 2000,
        seed: 20220101,
      });
      expect(mc.years.at(-1)!.balance).toEqual({ p10: want.p10, p50: want.p50, p90: want.p90 });
      // the fields of before only: P25/P75 (issue 11, item 6) were added later, from the same draws
      const old = mc.years.map((y) => {
        const copy: Partial<typeof y> = { ...y };
        delete copy.balanceQuartiles;
        delete copy.cumulativeQuartiles;
        return copy;
      });
      expect(createHash('sha256').update(JSON.stringify(old)).digest('hex').slice(0, 16)).toBe(want.hash);
    });
  }

  it('the linked shipped scenario has a wider band than the unlinked one, around the same result', () => {
    const s = shippedScenario(model, 'ongewijzigd-beleid.json');
    // the base amount's and the drivers' ranges (independent of any link) would dilute the comparison
    delete s.funding.ranges?.baseAmount;
    delete s.autonomous?.ranges;
    const linked = runMonteCarloSync({ model, scenario: s }).years.at(-1)!;
    const unlinked = runMonteCarloSync({ model, scenario: withoutLinks(s) }).years.at(-1)!;
    expect(linked.deterministic).toEqual(unlinked.deterministic);
    expect(spread(linked.balance)).toBeGreaterThan(spread(unlinked.balance) * 1.2);
  });
});

describe('link: the tornado', () => {
  it('moves a link group as one bar and keeps ±10% for assumptions without a range', () => {
    const m = handModel({
      segments: [oneMonthSegment('a', 1000, 100), oneMonthSegment('b', 500, 40), oneMonthSegment('c', 200, 10)],
    });
    const sc = validScenario(m, {
      assumptions: { a: { priceIndexPct: { '2023': 2 } } },
      ranges: {
        a: { priceIndexPct: { low: -1, high: 2, link: 'vng', source: 'VNG' } },
        b: { priceIndexPct: { low: -1, high: 2, link: 'vng', source: 'VNG' } },
      },
    });
    const t = tornado(m, sc, { year: 2024 });
    const keys = t.bars.map((b) => b.parameter.key);
    expect(keys).toContain('links.vng');
    expect(keys).not.toContain('ranges.a.priceIndexPct');
    expect(keys).not.toContain('ranges.b.priceIndexPct');
    // the tariffs without a range keep their ±10% bar
    for (const id of ['a', 'b', 'c']) expect(keys).toContain(`ranges.${id}.pricePerUnit`);
    const group = t.bars.find((b) => b.parameter.key === 'links.vng')!;
    expect(group.parameter.label).toBe('vng (gekoppeld: 2 aannames)');
    expect(group.parameter).toMatchObject({
      mode: 'shift',
      low: -1,
      high: 2,
      fromRange: true,
      rangeSource: 'VNG',
      link: 'vng',
    });
    expect(group.members!.map((p: Parameter) => p.key)).toEqual(['ranges.a.priceIndexPct', 'ranges.b.priceIndexPct']);
    // Both members at their high (+2 %-punt in 2023 and 2024): a's price 100 × 1,04 × 1,02 instead of 100 × 1,02, b's 40 × 1,02².
    const high = 1000 * 100 * (1.04 * 1.02 - 1.02) + 500 * 40 * (1.02 * 1.02 - 1);
    expect(group.high.yearBalance - t.base.yearBalance).toBeCloseTo(-high, 4);
    const low = 1000 * 100 * (1.01 * 0.99 - 1.02) + 500 * 40 * (0.99 * 0.99 - 1);
    expect(group.low.yearBalance - t.base.yearBalance).toBeCloseTo(-low, 4);
  });

  it('says so when the members of a group have different ranges', () => {
    const m = twin();
    const sc = validScenario(m, {
      ranges: {
        a: { pricePerUnit: { low: 80, high: 120, link: 'p' } },
        b: { pricePerUnit: { low: 90, high: 150, link: 'p' } },
      },
    });
    const bar = tornado(m, sc).bars.find((b) => b.parameter.key === 'links.p')!;
    expect(bar.parameter.label).toBe('p (gekoppeld: 2 aannames, elk met een eigen bandbreedte)');
    // all low: 1.000 × (80 + 90); all high: 1.000 × (120 + 150) a year
    expect(bar.low.yearBalance - bar.high.yearBalance).toBeCloseTo(1000 * (270 - 170), 4);
  });

  it('shows the VNG index of the shipped scenarios as one bar of 16 assumptions', () => {
    const model = defaultModel();
    const t = tornado(model, shippedScenario(model, 'ongewijzigd-beleid.json'));
    const group = t.bars.find((b) => b.parameter.key === 'links.vng-index')!;
    expect(group.parameter.label).toBe('vng-index (gekoppeld: 16 aannames)');
    expect(group.members).toHaveLength(16);
    expect(t.bars.filter((b) => b.parameter.key.endsWith('.priceIndexPct'))).toHaveLength(0);
    // among the largest bars, with the drivers of autonome ontwikkeling and the reële tarieven 2026; the range on
    // the base amount moves nothing since the default model has realised Rijksmiddelen per gemeente for 2022–2024
    expect(t.bars.map((b) => b.parameter.key).slice(0, 5)).toEqual([
      'autonomous.ranges.severityChangePct',
      'links.vng-index',
      'autonomous.ranges.usageChangePct',
      'knownChanges.tarieven-2026',
      'funding.ranges.indexPct',
    ]);
  });
});

describe('link: the Excel sheets', async () => {
  const model = testModel();
  const base = rangeScenario(model);
  const parsed = parseScenario(
    {
      ...base,
      ranges: {
        ...base.ranges,
        ambulant: { ...base.ranges!.ambulant, priceIndexPct: { low: -1, high: 1.5, link: 'vng' } },
        verblijf: { ...base.ranges!.verblijf, priceIndexPct: { low: -1, high: 1.5, link: 'vng' } },
      },
    },
    model,
  );
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const scenario = parsed.value;
  const file = await exportBijlage({
    model,
    scenarios: [scenario],
    scope: 'region',
    unit: 'euro',
    appVersion: 'test',
    generatedAt: new Date('2025-10-01T08:30:00Z'),
    analysis: { montecarlo: { draws: 200, seed: 3 }, tornado: {} },
  });
  const wb = await readWorkbook(file.data);

  it('Onzekerheid names the link group of each linked range, and says how a group is drawn', () => {
    const ws = wb.getWorksheet(SHEETS.onzekerheid)!;
    const params = listParameters(model, scenario);
    const first = rowsStartingWith(ws, 'Aanname (')[0]!;
    // each assumption's row, with its source on a row of its own under it ("Bron: …")
    const labels: string[] = [];
    ws.eachRow((row, r) => {
      const text = textOf(row.getCell(1).value);
      if (r > first && text !== '' && !text.startsWith('Bron: ') && labels.length < params.length) labels.push(text);
    });
    expect(labels.filter((l) => l.endsWith(' (gekoppeld: vng)'))).toHaveLength(2);
    params.forEach((p, i) => expect(labels[i]).toBe(p.link ? `${p.label} (gekoppeld: vng)` : p.label));
    expect(rowsStartingWith(ws, 'Zo leest u dit blad.').map((r) => textOf(ws.getCell(r, 1).value))[0]).toContain(
      'alleen aannames met dezelfde koppeling',
    );
  });

  it('Gevoeligheid has one bar for the group', () => {
    const ws = wb.getWorksheet(SHEETS.gevoeligheid)!;
    expect(rowsWithLabel(ws, 'vng (gekoppeld: 2 aannames)')).toHaveLength(1);
  });
});

describe('link: the ranges editor (patchRange)', () => {
  it('sets, keeps and clears a link; a bad name is refused by the validation at the field', () => {
    const m = twin();
    const s0 = validScenario(m, { ranges: priceRanges() });
    const a: RangeTarget = { kind: 'segment', segment: 'a', field: 'pricePerUnit' };
    const s1 = patchRange(s0, a, { link: 'vng-index' });
    expect(getRange(s1, a)).toEqual({ low: 80, high: 120, link: 'vng-index' });
    // editing low, high or source keeps the link
    expect(getRange(patchRange(s1, a, { low: 85, source: 'x' }), a)).toEqual({
      low: 85,
      high: 120,
      source: 'x',
      link: 'vng-index',
    });
    expect(parseScenario(s1, m).ok).toBe(true);
    // empty takes the range out of the group, without leaving an empty key
    const s2 = patchRange(s1, a, { link: '' });
    expect(getRange(s2, a)).toEqual({ low: 80, high: 120 });
    const bad = parseScenario(patchRange(s1, a, { link: 'vng ' }), m);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toEqual(['ranges.a.pricePerUnit.link']);
  });
});
