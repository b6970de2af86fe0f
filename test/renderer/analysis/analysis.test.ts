/** Renderer analysis plumbing: the worker's message handler, the debounced runner, range edits. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runMonteCarloSync } from '../../../src/shared/analysis/montecarlo';
import { tornado } from '../../../src/shared/analysis/tornado';
import { parseScenario } from '../../../src/shared/formats/validate';
import { createAnalysisHandler } from '../../../src/renderer/analysis/handler';
import type { FromWorker } from '../../../src/renderer/analysis/protocol';
import { AnalysisCancelled, runAnalysis, resetAnalysisClientForTests } from '../../../src/renderer/analysis/client';
import { createRunner, type RunState } from '../../../src/renderer/analysis/runner';
import {
  defaultRange,
  getRange,
  likelyValue,
  patchRange,
  presentRanges,
  rangeOptions,
  rangePath,
  setRange,
  type RangeTarget,
} from '../../../src/renderer/lib/edits/ranges';
import { defaultModel, shippedScenario, validScenario, withoutRanges } from '../../fixtures';

const model = defaultModel();
// the bare scenario: these tests set their own ranges
// (and without the bekende ontwikkelingen, whose ranges are in the model)
const { knownChanges: _known, ...base } = withoutRanges(shippedScenario(model, 'ongewijzigd-beleid.json'));
void _known;
const withRanges = validScenario(model, {
  ...base,
  ranges: { 'ambulante-begeleiding': { inflowPerYear: { low: 1000, high: 1500 } } },
  funding: { ...base.funding, ranges: { indexPct: { low: -1, high: 1 } } },
});

function collect(): {
  messages: FromWorker[];
  post: (m: FromWorker) => void;
  done: (id: number) => Promise<FromWorker>;
} {
  const messages: FromWorker[] = [];
  const waiters = new Map<number, (m: FromWorker) => void>();
  return {
    messages,
    post(m) {
      messages.push(m);
      if (m.type !== 'progress') waiters.get(m.id)?.(m);
    },
    done: (id) => new Promise((resolve) => waiters.set(id, resolve)),
  };
}

describe('analysis worker handler', () => {
  it('answers a Monte Carlo run with progress and exactly the result of runMonteCarloSync', async () => {
    const c = collect();
    const handle = createAnalysisHandler(c.post);
    const done = c.done(1);
    handle({ type: 'run', id: 1, job: { kind: 'montecarlo', model, scenario: withRanges, draws: 1000, seed: 7 } });
    const end = await done;
    expect(end.type).toBe('result');
    const progress = c.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(4); // 1000 draws in chunks of 250
    expect(progress.at(-1)).toMatchObject({ progress: { done: 1000, total: 1000 } });
    const expected = runMonteCarloSync({ model, scenario: withRanges, draws: 1000, seed: 7 });
    expect(end.type === 'result' && end.result).toEqual(expected);
  });

  it('stops a long run on cancel and says so', async () => {
    const c = collect();
    const handle = createAnalysisHandler(c.post);
    const done = c.done(2);
    handle({ type: 'run', id: 2, job: { kind: 'montecarlo', model, scenario: withRanges, draws: 50_000, seed: 1 } });
    handle({ type: 'cancel', id: 2 });
    const end = await done;
    expect(end.type).toBe('cancelled');
    const progressed = c.messages.filter((m) => m.type === 'progress').length;
    expect(progressed).toBeLessThan(5);
  });

  it('runs the tornado and reports bad input as a Dutch error', async () => {
    const c = collect();
    const handle = createAnalysisHandler(c.post);
    const t = c.done(3);
    handle({ type: 'run', id: 3, job: { kind: 'tornado', model, scenario: base, year: 2026, sortBy: 'year' } });
    const r = await t;
    expect(r.type === 'result' && r.result).toEqual(tornado(model, base, { year: 2026, sortBy: 'year' }));
    const e = c.done(4);
    handle({ type: 'run', id: 4, job: { kind: 'montecarlo', model, scenario: withRanges, draws: 0, seed: 1 } });
    expect(await e).toEqual({
      type: 'error',
      id: 4,
      message: 'aantal trekkingen: 0 is geen heel getal van 1 tot 50.000',
    });
  });
});

describe('analysis client without a Worker (in-thread fallback)', () => {
  afterEach(() => resetAnalysisClientForTests());
  it('resolves results and rejects a cancelled run with AnalysisCancelled', async () => {
    const run = runAnalysis({ kind: 'montecarlo', model, scenario: withRanges, draws: 500, seed: 3 });
    expect(await run.promise).toEqual(runMonteCarloSync({ model, scenario: withRanges, draws: 500, seed: 3 }));
    const long = runAnalysis({ kind: 'montecarlo', model, scenario: withRanges, draws: 50_000, seed: 3 });
    setTimeout(() => long.cancel(), 5);
    await expect(long.promise).rejects.toBeInstanceOf(AnalysisCancelled);
  });
});

describe('runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function make() {
    let state: RunState<number, string> = { status: 'idle' };
    const started: number[] = [];
    const cancelled: number[] = [];
    const resolvers = new Map<number, (v: string) => void>();
    const runner = createRunner<number, string>({
      same: (a, b) => a === b,
      get: () => state,
      set: (p) => (state = { ...state, ...p }),
      start: (key) => {
        started.push(key);
        let reject!: (e: Error) => void;
        const promise = new Promise<string>((res, rej) => {
          resolvers.set(key, res);
          reject = rej;
        });
        return { id: key, promise, cancel: () => (cancelled.push(key), reject(new AnalysisCancelled())) };
      },
    });
    return { runner, started, cancelled, resolvers, state: () => state };
  }

  it('debounces: typing 1, 12, 123 starts one run, for the last input', async () => {
    const r = make();
    r.runner.request(1);
    vi.advanceTimersByTime(100);
    r.runner.request(12);
    vi.advanceTimersByTime(100);
    r.runner.request(123);
    expect(r.state().status).toBe('waiting');
    vi.advanceTimersByTime(299);
    expect(r.started).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(r.started).toEqual([123]);
    r.runner.request(123); // same inputs: nothing new
    r.resolvers.get(123)!('klaar');
    await vi.runAllTimersAsync();
    expect(r.state()).toMatchObject({ status: 'done', result: 'klaar', resultKey: 123 });
    expect(r.started).toEqual([123]);
  });

  it('new inputs cancel the running run; the old answer is never shown as the new one', async () => {
    const r = make();
    r.runner.runNow(1);
    r.runner.request(2);
    expect(r.cancelled).toEqual([1]);
    vi.advanceTimersByTime(300);
    r.resolvers.get(1)!('oud');
    r.resolvers.get(2)!('nieuw');
    await vi.runAllTimersAsync();
    expect(r.state()).toMatchObject({ status: 'done', result: 'nieuw', resultKey: 2 });
  });

  it('a stopped run stays stopped for the same inputs until asked again', async () => {
    const r = make();
    r.runner.runNow(5);
    r.runner.cancel();
    await vi.runAllTimersAsync();
    expect(r.state().status).toBe('cancelled');
    r.runner.request(5);
    vi.advanceTimersByTime(1000);
    expect(r.started).toEqual([5]);
    r.runner.runNow(5);
    expect(r.started).toEqual([5, 5]);
  });
});

describe('range edits', () => {
  const amb: RangeTarget = { kind: 'segment', segment: 'ambulante-begeleiding', field: 'inflowPerYear' };
  it('sets, patches and removes a segment range, leaving no empty containers', () => {
    const s1 = setRange(base, amb, defaultRange(model, base, amb));
    const inflow = model.segments.find((s) => s.id === 'ambulante-begeleiding')!;
    expect(inflow.kind).toBe('volume');
    const v = inflow.kind === 'volume' ? inflow.inflowPerYear : 0;
    const r = getRange(s1, amb)!;
    expect(r.low).toBeLessThanOrEqual(v);
    expect(r.high).toBeGreaterThanOrEqual(v);
    expect(r.low).toBeCloseTo(v * 0.9, -1);
    expect(parseScenario(s1, model).ok).toBe(true);
    const s2 = patchRange(s1, amb, { source: 'spreiding 2019–2022', high: 2000 });
    expect(getRange(s2, amb)).toEqual({ low: r.low, high: 2000, source: 'spreiding 2019–2022' });
    expect(getRange(patchRange(s2, amb, { source: ' ' }), amb)).toEqual({ low: r.low, high: 2000 });
    const s3 = setRange(s2, amb, undefined);
    expect('ranges' in s3).toBe(false);
    expect(base.ranges).toBeUndefined();
  });

  it('names the path validation uses, so a field shows its own message', () => {
    const seg = model.segments.find((s) => s.id === 'ambulante-begeleiding')!;
    const v = seg.kind === 'volume' ? seg.inflowPerYear : NaN;
    const bad = patchRange(setRange(base, amb, { low: 1, high: 2 * v }), amb, { high: v - 1 });
    const parsed = parseScenario(bad, model);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toEqual([`${rangePath(amb)}.high`]);
    const idx: RangeTarget = { kind: 'fundingIndex' };
    const s = setRange(base, idx, { low: 0.5, high: 1 });
    const p2 = parseScenario(s, model);
    expect(!p2.ok && p2.issues[0]!.path).toBe('funding.ranges.indexPct.low');
    expect(!p2.ok && p2.issues[0]!.problem).toMatch(/low 0,5 is groter dan 0/);
  });

  it('offers every segment field, the funding, each substitution and each policy’s realisatie, with valid defaults', () => {
    const kpis = shippedScenario(model, 'beleidsplan-kpis.json');
    const options = rangeOptions(model, kpis);
    const volume = model.segments.filter((s) => s.kind === 'volume').length;
    const budget = model.segments.length - volume;
    // + the four drivers of autonome ontwikkeling (the KPI scenario builds on Ongewijzigd beleid)
    expect(kpis.autonomous).toBeDefined();
    expect(options).toHaveLength(volume * 8 + budget * 2 + 2 + kpis.substitutions.length + kpis.policies!.length + 4);
    expect(options.filter((o) => o.group === 'Autonome ontwikkeling').map((o) => o.id)).toEqual([
      'autonomous.usageChangePct',
      'autonomous.severityChangePct',
      'autonomous.wageIndexPct',
      'autonomous.materialIndexPct',
    ]);
    const policy = options.find((o) => o.id === 'policy.0')!;
    expect([policy.label, policy.group, policy.shift]).toEqual([
      'Ambulant: minder uren per cliënt (−5% per jaar, max. −15%): realisatie (%)',
      'Beleidsmaatregelen',
      false,
    ]);
    // a first range for a realisatie: ±25 percentage points around it, within 0..100%
    expect(defaultRange(model, kpis, policy.target)).toEqual({ low: 25, high: 75 });
    for (const o of options) {
      const s = setRange(kpis, o.target, defaultRange(model, kpis, o.target));
      const parsed = parseScenario(s, model);
      expect(parsed.ok ? '' : `${o.id}: ${parsed.issues[0]!.message}`).toBe('');
    }
    expect(presentRanges(model, withRanges).map((r) => r.id)).toEqual([
      'ambulante-begeleiding.inflowPerYear',
      'funding.indexPct',
    ]);
  });

  it("offers the prevention effect's two figures: absolute ranges within 0..100%, validated with the path the field shows", () => {
    const withPrevention = validScenario(model, {
      ...base,
      prevention: {
        extraBudget: { '2024': 200000, '2025': 200000 },
        effects: [{ segment: 'ambulante-begeleiding', inflowPctPer100k: 1, lagYears: 1, maxPct: 5 }],
      },
    });
    const per100k: RangeTarget = { kind: 'prevention', effect: 0, field: 'inflowPctPer100k' };
    const cap: RangeTarget = { kind: 'prevention', effect: 0, field: 'maxPct' };
    const options = rangeOptions(model, withPrevention).filter((o) => o.group === 'Preventie-effect');
    expect(options.map((o) => [o.id, o.label, o.shift, o.unit])).toEqual([
      [
        'prevention.0.inflowPctPer100k',
        'Preventie-effect Ambulante begeleiding: % minder instroom per € 100.000',
        false,
        '%',
      ],
      ['prevention.0.maxPct', 'Preventie-effect Ambulante begeleiding: plafond (%)', false, '%'],
    ]);
    expect(rangeOptions(model, base).some((o) => o.group === 'Preventie-effect')).toBe(false);
    expect(likelyValue(model, per100k, withPrevention)).toBe(1);
    expect(likelyValue(model, cap, withPrevention)).toBe(5);

    // "Bandbreedte toevoegen": ±10% around the scenario's own figure, valid
    expect(defaultRange(model, withPrevention, per100k)).toEqual({ low: 0.9, high: 1.1 });
    expect(defaultRange(model, withPrevention, cap)).toEqual({ low: 4.5, high: 5.5 });
    const s1 = setRange(
      setRange(withPrevention, per100k, { low: 0, high: 2, source: 'aanname: 0 tot 2% per € 100.000' }),
      cap,
      defaultRange(model, withPrevention, cap),
    );
    expect(parseScenario(s1, model).ok).toBe(true);
    expect(s1.prevention!.effects[0]!.ranges).toEqual({
      inflowPctPer100k: { low: 0, high: 2, source: 'aanname: 0 tot 2% per € 100.000' },
      maxPct: { low: 4.5, high: 5.5 },
    });
    expect(presentRanges(model, s1).map((r) => r.id)).toEqual(['prevention.0.inflowPctPer100k', 'prevention.0.maxPct']);
    // Monte Carlo draws it: the same key as the analysis uses
    const mc = runMonteCarloSync({ model, scenario: s1, draws: 200, seed: 1 });
    expect(mc.parameters.map((p) => [p.key, p.low, p.likely, p.high])).toEqual([
      ['prevention.effects.0.ranges.inflowPctPer100k', 0, 1, 2],
      ['prevention.effects.0.ranges.maxPct', 4.5, 5, 5.5],
    ]);
    expect(mc.years.at(-1)!.cost.p10).toBeLessThan(mc.years.at(-1)!.cost.p90);

    // validated as you type: the scenario's own rule, at the path of the field
    const issues = (s: typeof s1) => {
      const parsed = parseScenario(s, model);
      return parsed.ok ? [] : parsed.issues.map((i) => [i.path, i.problem]);
    };
    expect(rangePath(per100k)).toBe('prevention.effects[0].ranges.inflowPctPer100k');
    expect(issues(patchRange(s1, per100k, { low: 1.5 }))).toEqual([
      [`${rangePath(per100k)}.low`, expect.stringMatching(/^low 1,5 is groter dan inflowPctPer100k 1/)],
    ]);
    expect(issues(patchRange(s1, cap, { high: 120 }))).toEqual([
      [`${rangePath(cap)}.high`, 'high 120 is meer dan 100%'],
    ]);

    // source patched and removed; removing both ranges leaves the effect as it was
    expect(getRange(patchRange(s1, per100k, { source: ' ' }), per100k)).toEqual({ low: 0, high: 2 });
    const s2 = setRange(setRange(s1, per100k, undefined), cap, undefined);
    expect(s2.prevention).toEqual(withPrevention.prevention);
    expect('ranges' in s2.prevention!.effects[0]!).toBe(false);
  });
});

describe('range edits on the autonome-ontwikkeling drivers', () => {
  it('offers the four drivers when the scenario has autonomous, as a shift; set, read, validate, remove', () => {
    const t: RangeTarget = { kind: 'autonomous', field: 'usageChangePct' };
    const options = rangeOptions(model, base).filter((o) => o.group === 'Autonome ontwikkeling');
    expect(options.map((o) => [o.id, o.shift, o.unit])).toEqual([
      ['autonomous.usageChangePct', true, '%-punt'],
      ['autonomous.severityChangePct', true, '%-punt'],
      ['autonomous.wageIndexPct', true, '%-punt'],
      ['autonomous.materialIndexPct', true, '%-punt'],
    ]);
    expect(defaultRange(model, base, t)).toEqual({ low: -1, high: 1 });
    const s1 = setRange(base, t, { low: -1.5, high: 1.5, source: 'aanname' });
    expect(s1.autonomous!.ranges).toEqual({ usageChangePct: { low: -1.5, high: 1.5, source: 'aanname' } });
    expect(parseScenario(s1, model).ok).toBe(true);
    expect(presentRanges(model, s1).map((r) => r.id)).toEqual(['autonomous.usageChangePct']);
    const bad = parseScenario(setRange(base, t, { low: 1, high: 2 }), model);
    expect(bad.ok ? [] : bad.issues.map((i) => i.path)).toEqual([`${rangePath(t)}.low`]);
    expect('ranges' in setRange(s1, t, undefined).autonomous!).toBe(false);
  });
});
