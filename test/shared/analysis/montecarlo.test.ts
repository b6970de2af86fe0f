import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRAWS,
  runMonteCarlo,
  runMonteCarloSync,
  checkMonteCarloOptions,
  rangeSkews,
} from '../../../src/shared/analysis/montecarlo';
import { createRandom, triangular, DEFAULT_SEED } from '../../../src/shared/analysis/random';
import { simulate } from '../../../src/shared/engine/simulate';
import type { Model } from '../../../src/shared/formats/model';
import { budgetLine, defaultModel, shippedScenario, handModel, validScenario, withoutRanges } from '../../fixtures';
import { listParameters } from '../../../src/shared/analysis/parameters';

/** Ranges on the default model: symmetric (±spread around the value) or collapsed (low = high = value). */
function rangesFor(m: Model, spread: number) {
  const ranges: Record<string, Record<string, { low: number; high: number }>> = {};
  for (const s of m.segments) {
    if (s.kind === 'volume') {
      ranges[s.id] = {
        inflowPerYear: { low: s.inflowPerYear * (1 - spread), high: s.inflowPerYear * (1 + spread) },
        pricePerUnit: { low: s.pricePerUnit * (1 - spread), high: s.pricePerUnit * (1 + spread) },
        inflowChangePct: { low: -100 * spread * 0.2, high: 100 * spread * 0.2 },
      };
    } else ranges[s.id] = { amount: { low: s.amount * (1 - spread), high: s.amount * (1 + spread) } };
  }
  return ranges;
}

function scenarioWithRanges(m: Model, spread: number) {
  const { format: _f, name: _n, ...rest } = withoutRanges(shippedScenario(m, 'beleidsplan-kpis.json'));
  return validScenario(m, {
    ...rest,
    ranges: rangesFor(m, spread),
    funding: { ...rest.funding, ranges: { indexPct: { low: -spread * 10, high: spread * 10 } } },
  });
}

describe('random generator', () => {
  it('is reproducible and depends on the seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const sa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(sa);
    for (const x of sa) expect(x >= 0 && x < 1).toBe(true);
  });

  it('is roughly uniform: mean ½, variance 1/12 over 100.000 draws', () => {
    const r = createRandom(7);
    let sum = 0;
    let sq = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = r.next();
      sum += x;
      sq += x * x;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('rejects a seed that is not a whole 32-bit number, in Dutch', () => {
    expect(() => createRandom(-1)).toThrow('seed: -1 is geen heel getal');
    expect(() => createRandom(1.5)).toThrow('seed: 1.5');
  });

  it('draws a triangular distribution with mean (low + mode + high) / 3', () => {
    const r = createRandom(1);
    let sum = 0;
    const n = 50_000;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = triangular(r.next(), 10, 12, 20);
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(sum / n).toBeCloseTo(14, 1);
    expect(min).toBeGreaterThanOrEqual(10);
    expect(max).toBeLessThanOrEqual(20);
    expect(triangular(0.3, 5, 5, 5)).toBe(5);
    expect(triangular(0, 1, 2, 3)).toBe(1);
  });
});

describe('Monte Carlo on the default model', () => {
  // the bekende ontwikkelingen carry their range in the model: without it, every drawn range is the scenario's
  const withRanges = defaultModel();
  const m = { ...withRanges, knownChanges: withRanges.knownChanges?.map(({ range: _r, ...c }) => c) };

  it('same seed → identical output; different seed → different draws', () => {
    const sc = scenarioWithRanges(m, 0.1);
    const a = runMonteCarloSync({ model: m, scenario: sc, draws: 500, seed: 11 });
    const b = runMonteCarloSync({ model: m, scenario: sc, draws: 500, seed: 11 });
    const c = runMonteCarloSync({ model: m, scenario: sc, draws: 500, seed: 12 });
    expect(b).toEqual(a);
    expect(a.seed).toBe(11);
    expect(c.years.map((y) => y.balance.p50)).not.toEqual(a.years.map((y) => y.balance.p50));
    expect(c.years.map((y) => y.cost.p90)).not.toEqual(a.years.map((y) => y.cost.p90));
  });

  it('defaults to 2.000 draws and a fixed seed, and reports them', () => {
    const sc = scenarioWithRanges(m, 0.05);
    const r = runMonteCarloSync({ model: m, scenario: sc });
    expect(r.draws).toBe(DEFAULT_DRAWS);
    expect(r.seed).toBe(DEFAULT_SEED);
    expect(r.parameters.length).toBeGreaterThan(30);
    expect(r.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026, 2027, 2028]);
  });

  it('with every range collapsed to a point: P10 = P50 = P90 = the deterministic result', () => {
    const sc = scenarioWithRanges(m, 0);
    const det = simulate(m, sc, { perGemeente: false });
    const r = runMonteCarloSync({ model: m, scenario: sc, draws: 300, seed: 5 });
    expect(r.parameters.length).toBeGreaterThan(30);
    let cumulative = 0;
    r.years.forEach((y, k) => {
      const t = det.totals[k]!;
      cumulative += t.balance;
      for (const p of [y.cost.p10, y.cost.p50, y.cost.p90]) expect(p).toBe(t.cost);
      for (const p of [y.funding.p10, y.funding.p50, y.funding.p90]) expect(p).toBe(t.funding);
      for (const p of [y.balance.p10, y.balance.p50, y.balance.p90]) expect(p).toBe(t.balance);
      expect(y.cumulativeBalance.p50).toBe(cumulative);
      expect(y.deficitProbability).toBe(t.balance < 0 ? 1 : 0);
    });
  });

  it('with symmetric ranges the P50 lies near the deterministic value and P10 < P50 < P90', () => {
    const sc = scenarioWithRanges(m, 0.1);
    const r = runMonteCarloSync({ model: m, scenario: sc, draws: 4000, seed: 3 });
    const R = m.realisatie?.lastYear ?? m.baseYear - 1;
    for (const y of r.years) {
      if (y.year <= R) {
        // a realised year is what it is: no band
        expect([y.cost.p10, y.cost.p50, y.cost.p90]).toEqual([
          y.deterministic.cost,
          y.deterministic.cost,
          y.deterministic.cost,
        ]);
        continue;
      }
      expect(Math.abs(y.cost.p50 - y.deterministic.cost) / y.deterministic.cost).toBeLessThan(0.005);
      expect(y.cost.p10).toBeLessThan(y.cost.p50);
      expect(y.cost.p50).toBeLessThan(y.cost.p90);
      expect(y.balance.p10).toBeLessThan(y.balance.p90);
    }
    // the spread grows over the years: the yearly percentages compound
    const width = (y: (typeof r.years)[number]) => y.cost.p90 - y.cost.p10;
    expect(width(r.years[6]!)).toBeGreaterThan(width(r.years[R - m.baseYear + 1]!));
  });

  it('does not depend on the chunk size; reports progress; can be cancelled', async () => {
    const sc = scenarioWithRanges(m, 0.1);
    const sync = runMonteCarloSync({ model: m, scenario: sc, draws: 1000, seed: 8 });
    const progress: number[] = [];
    const chunked = await runMonteCarlo(
      { model: m, scenario: sc, draws: 1000, seed: 8 },
      { chunkSize: 130, onProgress: (p) => progress.push(p.done) },
    );
    expect(chunked).toEqual(sync);
    expect(progress).toEqual([130, 260, 390, 520, 650, 780, 910, 1000]);

    const controller = new AbortController();
    const run = runMonteCarlo(
      { model: m, scenario: sc, draws: 5000, seed: 8 },
      {
        chunkSize: 100,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done >= 300) controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects a bad number of draws or seed with a Dutch message', () => {
    expect(checkMonteCarloOptions(0, 1)).toBe('aantal trekkingen: 0 is geen heel getal van 1 tot 50.000');
    expect(checkMonteCarloOptions(50_001, 1)).toContain('50001');
    expect(checkMonteCarloOptions(10, 2 ** 32)).toContain('seed: 4294967296');
    expect(checkMonteCarloOptions(50_000, 0)).toBeUndefined();
    expect(() => runMonteCarloSync({ model: m, scenario: scenarioWithRanges(m, 0), draws: 2.5 })).toThrow(
      'aantal trekkingen: 2.5',
    );
  });
});

describe('Monte Carlo, hand-built', () => {
  it('chance of a tekort: matches the exact probability for two triangular costs', () => {
    const m = handModel({
      segments: [budgetLine('a', 1_000_000), budgetLine('b', 200_000)],
      funding: { baseAmount: 1_000_000 },
    });
    const sc = validScenario(m, {
      ranges: { a: { amount: { low: 600_000, high: 1_000_000 } }, b: { amount: { low: 0, high: 400_000 } } },
    });
    const r = runMonteCarloSync({ model: m, scenario: sc, draws: 20_000, seed: 1 });
    // cost = a + b with a ~ Tri(0,6 / 1,0 / 1,0) mln, b ~ Tri(0 / 0,2 / 0,4) mln: mean 0,8667 + 0,2 = 1,0667 mln
    for (const y of r.years) {
      expect(y.deterministic.balance).toBe(-200_000);
      expect(y.cost.p50).toBeGreaterThan(1_050_000);
      expect(y.cost.p50).toBeLessThan(1_085_000);
    }
    // P(cost < 1 mln): P(a + b < 1 mln), a = 1 − X, X ~ Tri(0, 0, 0,4), b ~ Tri(0, 0,2, 0,4): P(b < X)
    const exact = integrateTriangles();
    expect(exact).toBeCloseTo(0.2917, 3);
    // 20.000 draws: standard error √(0,29 · 0,71 / 20.000) ≈ 0,0032; allow 4 of them
    expect(Math.abs(1 - r.years[0]!.deficitProbability - exact)).toBeLessThan(0.013);
  });

  it('a range on the funding index widens only the baten, from the second year', () => {
    const m = handModel({
      segments: [budgetLine('a', 1_000_000)],
      funding: { baseAmount: 1_000_000, indexPct: { '2023': 2, '2024': 2 } },
    });
    const sc = validScenario(m, { funding: { ranges: { indexPct: { low: -2, high: 2 } } } });
    const r = runMonteCarloSync({ model: m, scenario: sc, draws: 5000, seed: 2 });
    expect(r.years[0]!.funding.p10).toBe(1_000_000);
    expect(r.years[0]!.funding.p90).toBe(1_000_000);
    expect(r.years[1]!.funding.p50).toBeCloseTo(1_020_000, -3);
    expect(r.years[1]!.funding.p90 - r.years[1]!.funding.p10).toBeGreaterThan(15_000);
    for (const y of r.years) expect(y.cost.p90 - y.cost.p10).toBe(0);
    // 2024: (1 + (2 + δ)/100)² with δ ~ Tri(−2, 0, 2): P10 of δ = −2 + √(0,1·4·2) = −1,1056
    expect(r.years[2]!.funding.p10).toBeCloseTo(1_000_000 * (1 + (2 - 1.1056) / 100) ** 2, -3);
  });
});

/** P(b < X) for X ~ Tri(0, 0, 0,4) and b ~ Tri(0, 0,2, 0,4), by numerical integration. */
function integrateTriangles(): number {
  const fX = (x: number) => (x < 0 || x > 0.4 ? 0 : (2 * (0.4 - x)) / 0.16);
  const Fb = (b: number) =>
    b <= 0 ? 0 : b >= 0.4 ? 1 : b < 0.2 ? (b * b) / (0.4 * 0.2) : 1 - (0.4 - b) ** 2 / (0.4 * 0.2);
  let sum = 0;
  const steps = 20_000;
  for (let i = 0; i < steps; i++) {
    const x = ((i + 0.5) / steps) * 0.4;
    sum += fX(x) * Fb(x) * (0.4 / steps);
  }
  return sum;
}

describe('Monte Carlo on a model with realisatie (issue 10)', () => {
  // the default model with 2022–2024 "realised" at its own simulated figures (synthetic, to test the mechanics)
  const base = defaultModel();
  const det0 = simulate(base, validScenario(base, {}));
  const segments: NonNullable<Model['realisatie']>['segments'] = {};
  base.segments.forEach((seg, l) => {
    segments[seg.id] = {};
    for (let k = 0; k < 3; k++) {
      const y = det0.lines[l]!.years[k]!;
      segments[seg.id]![String(2022 + k)] = {
        lasten: y.cost,
        ...(seg.kind === 'volume' ? { clients: 50 + l } : {}),
        source: 'test',
      };
    }
  });
  const m: Model = { ...base, realisatie: { lastYear: 2024, segments } };
  const s = scenarioWithRanges(m, 0.1);
  const r = runMonteCarloSync({ model: m, scenario: s, draws: 200, seed: 11 });
  const det = simulate(m, s, { perGemeente: false });

  it('the realised years have no spread in the lasten: every draw is the realisatie', () => {
    for (const band of r.years.slice(0, 3)) {
      const realised = det.totals.find((t) => t.year === band.year)!.cost;
      expect(band.cost.p10).toBe(realised);
      expect(band.cost.p90).toBe(realised);
      expect(band.deterministic.cost).toBe(realised);
    }
  });

  it('years after R vary around the simulated raming', () => {
    const later = r.years.slice(3);
    expect(later.map((b) => b.year)).toEqual([2025, 2026, 2027, 2028]);
    for (const band of later) {
      expect(band.cost.p90).toBeGreaterThan(band.cost.p10);
      expect(band.deterministic.cost).toBe(det.totals.find((t) => t.year === band.year)!.cost);
    }
  });

  it('is reproducible by seed', () => {
    expect(runMonteCarloSync({ model: m, scenario: s, draws: 200, seed: 11 })).toEqual(r);
  });
});

describe('rangeSkews: what pulls the band to one side', () => {
  it('a Rijksmaatregel range (a factor on its amount) moves the saldo, more to one side than the other', () => {
    const m = defaultModel();
    const sc = shippedScenario(m, 'rijksmaatregelen.json');
    const params = listParameters(m, sc);
    const skews = rangeSkews(m, sc, params, simulate(m, sc, { perGemeente: false }).totals);
    const measures = skews.filter((s) => s.key.startsWith('measures.'));
    expect(measures.length).toBeGreaterThan(0);
    // every measure switched on with a range has an effect on the cumulative saldo at one end at least
    for (const s of measures)
      expect(Math.abs(s.cumulative.low) + Math.abs(s.cumulative.high), s.key).toBeGreaterThan(0);
    // the largest pull of the band is one of them: cuts that can shrink or fall away, never grow
    const pull = (s: (typeof skews)[number]) => Math.abs(s.endYear.low + s.endYear.high);
    const top = [...skews].sort((a, b) => pull(b) - pull(a))[0]!;
    expect(top.key).toMatch(/^measures\./);
  });
});
