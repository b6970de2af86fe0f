/**
 * Analysis benchmark: Monte Carlo with 10.000 draws of the default
 * model (target < 1 s), the tornado and goal seek. Ranges: every volume
 * segment's inflow, price and yearly percentages, every budget line and the
 * funding index carry a range, so every draw varies every part of the engine.
 */
import { runMonteCarloSync } from '../../src/shared/analysis/montecarlo';
import { tornado } from '../../src/shared/analysis/tornado';
import { goalSeek } from '../../src/shared/analysis/goalseek';
import { bundledScenario, defaultModel, withBenchRanges } from '../inputs';
import { timeCalls, type BenchResult } from '../measure';

export const name = 'analysis';

export async function run(): Promise<Record<string, BenchResult>> {
  const model = defaultModel();
  const scenario = withBenchRanges(model, bundledScenario(model, 'beleidsplan-kpis.json'));
  const mc = (draws: number) => () => runMonteCarloSync({ model, scenario, draws, seed: 1 });
  const params = runMonteCarloSync({ model, scenario, draws: 1 }).parameters.length;
  return {
    'montecarlo 10.000 trekkingen (standaardmodel)': {
      ...timeCalls(mc(10_000), { warmup: 2, runs: 7 }),
      target_ms: 1000,
      parameters: params,
    },
    'montecarlo 2.000 trekkingen': timeCalls(mc(2000), { warmup: 3, runs: 15 }),
    'tornado (alle aannames, ±10% of bandbreedte)': timeCalls(() => tornado(model, scenario), { warmup: 2, runs: 15 }),
    'doelzoeken instroom ambulant → saldo 2028 = 0': timeCalls(
      () =>
        goalSeek(model, scenario, {
          variable: { kind: 'assumption', segment: 'ambulante-begeleiding', field: 'inflowChangePct', fromYear: 2025 },
          targetYear: 2028,
        }),
      { warmup: 2, runs: 15 },
    ),
  };
}
