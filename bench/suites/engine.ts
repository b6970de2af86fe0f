/**
 * Engine benchmark: simulate() per call, as the UI runs it on every keystroke.
 * Target: median < 0,2 ms for the default model (it runs on every keystroke).
 */
import { simulate } from '../../src/shared/engine/simulate';
import { MODEL_FORMAT, type Model, type Segment } from '../../src/shared/formats/model';
import { SCENARIO_FORMAT, type Scenario } from '../../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';
import { bundledScenario, defaultModel, valid } from '../inputs';
import { timeCalls, type BenchResult } from '../measure';

export const name = 'engine';

/** 40 segments (30 volume, 10 budget), 7 gemeenten, all split kinds: a large regional model. */
function largeModel(): Model {
  const gemeenten = Array.from({ length: 7 }, (_, k) => ({
    id: `g${k}`,
    name: `Gemeente ${k}`,
    youth0to17: 2000 + 1500 * k,
  }));
  const segments: Segment[] = Array.from({ length: 40 }, (_, k): Segment => {
    const split = k % 3 === 0 ? 'solidarity' : k % 3 === 1 ? 'usage' : { solidarityPct: 50 };
    const usageShare = Object.fromEntries(gemeenten.map((g, j) => [g.id, ((j + k) % 7) / 21 + 0.05]));
    return k < 30
      ? {
          id: `v${k}`,
          name: `Volume ${k}`,
          kind: 'volume',
          inflowPerYear: 50 + 10 * k,
          avgDurationMonths: 3 + (k % 12),
          unitsPerClientMonth: 1 + (k % 5),
          unit: 'uur',
          pricePerUnit: 60 + k,
          split,
          usageShare,
        }
      : { id: `b${k}`, name: `Budget ${k}`, kind: 'budget', amount: 100000 * (k - 29), split, usageShare };
  });
  return valid(
    parseModel({
      format: MODEL_FORMAT,
      name: 'Groot',
      baseYear: 2022,
      endYear: 2028,
      gemeenten,
      segments,
      funding: { baseAmount: 5e7, indexPct: { '2023': 3, '2024': 3 } },
    }),
  );
}

function largeScenarios(m: Model): Scenario[] {
  const years = ['2023', '2024', '2025', '2026', '2027', '2028'];
  const every = (pct: number) => Object.fromEntries(years.map((y) => [y, pct]));
  const vol = m.segments.filter((s) => s.kind === 'volume').map((s) => s.id);
  const bud = m.segments.filter((s) => s.kind === 'budget').map((s) => s.id);
  const raw = [
    { name: 'Leeg' },
    {
      name: 'Index',
      assumptions: Object.fromEntries([
        ...vol.map((id) => [id, { priceIndexPct: every(3) }]),
        ...bud.map((id) => [id, { amountChangePct: every(2) }]),
      ]),
    },
    {
      name: 'Alles',
      assumptions: Object.fromEntries(
        vol.map((id, k) => [
          id,
          {
            inflowChangePct: every(k % 2 ? -2 : 1),
            durationChangePct: every(-1),
            intensityChangePct: every(-3),
            priceIndexPct: every(3),
          },
        ]),
      ),
    },
    {
      name: 'Substitutie',
      substitutions: vol.slice(0, 10).map((from, k) => ({ from, to: vol[10 + k]!, sharePct: every(5 + k) })),
    },
    { name: 'Financiering', funding: { indexPct: every(2), adjustments: { '2024': 1e6, '2026': -5e5 } } },
  ];
  return raw.map((s) => valid(parseScenario({ format: SCENARIO_FORMAT, ...s }, m)));
}

export async function run(): Promise<Record<string, BenchResult>> {
  const model = defaultModel();
  const ongewijzigd = bundledScenario(model, 'ongewijzigd-beleid.json');
  const kpis = bundledScenario(model, 'beleidsplan-kpis.json');
  const big = largeModel();
  const bigScenarios = largeScenarios(big);
  let i = 0;

  return {
    'standaardmodel, Ongewijzigd beleid': {
      ...timeCalls(() => simulate(model, ongewijzigd), { runs: 5000 }),
      target_ms: 0.2,
      segments: model.segments.length,
    },
    "standaardmodel, Beleidsplan KPI's": { ...timeCalls(() => simulate(model, kpis), { runs: 5000 }), target_ms: 0.2 },
    'standaardmodel, alleen totalen (perGemeente: false)': timeCalls(
      () => simulate(model, ongewijzigd, { perGemeente: false }),
      { runs: 5000 },
    ),
    "40 segmenten, 5 scenario's": {
      ...timeCalls(() => simulate(big, bigScenarios[i++ % bigScenarios.length]!), { runs: 5000 }),
      segments: big.segments.length,
    },
  };
}
