import type { Model } from '../formats/model';
import type { Scenario } from '../formats/scenario';
import { RIJKSMAATREGELEN, findMeasure, nationalAmounts } from '../domain/rijksmaatregelen';
import type { FundingMeasureResult } from './result';

/**
 * The Rijksmaatregelen a scenario switches on, each as its own funding line:
 * national amount × the model's funding.nationalShare. In library order, so the
 * lines appear in the same order whatever the order in the scenario file.
 * Without a nationalShare there are no lines (parseScenario rejects that case).
 */
export function fundingMeasures(
  model: Model,
  scenario: Scenario,
  years: readonly number[],
  /** factors by measure id (Monte Carlo's draw of its range); 1 when absent */
  scale?: Readonly<Record<string, number>>,
): FundingMeasureResult[] {
  const share = model.funding.nationalShare;
  const switches = scenario.measures;
  if (!share || !switches) return [];
  const ids = Object.keys(switches).filter((id) => switches[id] === true);
  const out: FundingMeasureResult[] = [];
  for (const id of ids) {
    const measure = findMeasure(id);
    if (!measure) continue;
    const f = scale?.[id];
    const national =
      f === undefined ? nationalAmounts(measure, years) : nationalAmounts(measure, years).map((a) => a * f);
    out.push({
      id,
      name: measure.name,
      kind: measure.kind,
      source: measure.source,
      nationalShare: share.value,
      national,
      years: national.map((amount) => amount * share.value),
    });
  }
  const order = (id: string) => LIBRARY_ORDER.get(id) ?? 0;
  return out.sort((a, b) => order(a.id) - order(b.id));
}

const LIBRARY_ORDER = new Map(RIJKSMAATREGELEN.map((m, i) => [m.id, i]));
