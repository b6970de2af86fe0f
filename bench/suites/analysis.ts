/**
 * Analysis benchmark (issue 6): Monte Carlo with 10.000 draws of the default
 * model (target < 1 s), the tornado and goal seek. Ranges: every volume
 * segment's inflow, price and yearly percentages, every budget line and the
 * funding index carry a range, so every draw varies every part of the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runMonteCarloSync } from '../../src/shared/analysis/montecarlo';
import { tornado } from '../../src/shared/analysis/tornado';
import { goalSeek } from '../../src/shared/analysis/goalseek';
import type { Model } from '../../src/shared/formats/model';
import type { Scenario } from '../../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';
import { timeCalls, type BenchResult } from '../measure';

export const name = 'analysis';

const root = fileURLToPath(new URL('../../', import.meta.url));

function load(): { model: Model; scenario: Scenario } {
  const m = parseModel(JSON.parse(readFileSync(`${root}models/noord-limburg.json`, 'utf8')));
  if (!m.ok) throw new Error(m.issues.map((i) => i.message).join('\n'));
  const raw = JSON.parse(readFileSync(`${root}models/scenarios/beleidsplan-kpis.json`, 'utf8')) as Record<string, unknown>;
  const ranges: Record<string, Record<string, { low: number; high: number }>> = {};
  for (const s of m.value.segments) {
    ranges[s.id] =
      s.kind === 'volume'
        ? {
            inflowPerYear: { low: s.inflowPerYear * 0.9, high: s.inflowPerYear * 1.15 },
            pricePerUnit: { low: s.pricePerUnit * 0.97, high: s.pricePerUnit * 1.05 },
            inflowChangePct: { low: -2, high: 3 },
            priceIndexPct: { low: -1, high: 1.5 },
          }
        : { amount: { low: s.amount * 0.95, high: s.amount * 1.1 } };
  }
  const funding = { ...(raw.funding as object), ranges: { indexPct: { low: -1, high: 1 } } };
  const sc = parseScenario({ ...raw, ranges, funding }, m.value);
  if (!sc.ok) throw new Error(sc.issues.map((i) => i.message).join('\n'));
  return { model: m.value, scenario: sc.value };
}

export async function run(): Promise<Record<string, BenchResult>> {
  const { model, scenario } = load();
  const mc = (draws: number) => () => runMonteCarloSync({ model, scenario, draws, seed: 1 });
  const params = runMonteCarloSync({ model, scenario, draws: 1 }).parameters.length;
  return {
    'montecarlo 10.000 trekkingen (standaardmodel)': { ...timeCalls(mc(10_000), { warmup: 2, runs: 7 }), target_ms: 1000, parameters: params },
    'montecarlo 2.000 trekkingen': timeCalls(mc(2000), { warmup: 3, runs: 15 }),
    'tornado (alle aannames, ±10% of bandbreedte)': timeCalls(() => tornado(model, scenario), { warmup: 2, runs: 15 }),
    'doelzoeken instroom ambulant → saldo 2028 = 0': timeCalls(
      () => goalSeek(model, scenario, { variable: { kind: 'assumption', segment: 'ambulante-begeleiding', field: 'inflowChangePct', fromYear: 2025 }, targetYear: 2028 }),
      { warmup: 2, runs: 15 },
    ),
  };
}
