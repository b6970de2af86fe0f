import type { Model } from './model';
import { emptyScenario, type Scenario } from './scenario';

/** The name of the reference scenario a new scenario starts from. */
export const ONGEWIJZIGD_BELEID = 'Ongewijzigd beleid';

const hasNonZero = (map: Readonly<Record<string, number>> | undefined): boolean =>
  !!map && Object.values(map).some((v) => v !== 0);

/**
 * Whether the lasten and the Rijksmiddelen are indexed on the same side: a Dutch warning when one is
 * and the other is not, else undefined. The lasten count as indexed when any volume segment has a
 * price index, any budget line an amount change, or the autonome ontwikkeling a loon or prijs index;
 * the Rijksmiddelen when the model's or the scenario's funding index has a year ≠ 0%.
 */
export function indexationWarning(model: Model, scenario: Scenario): string | undefined {
  const costs =
    Object.values(scenario.assumptions).some((a) => hasNonZero(a.priceIndexPct) || hasNonZero(a.amountChangePct)) ||
    hasNonZero(scenario.autonomous?.wageIndexPct) ||
    hasNonZero(scenario.autonomous?.materialIndexPct);
  const funding = hasNonZero({ ...model.funding.indexPct, ...scenario.funding.indexPct });
  if (funding && !costs) {
    return 'Lasten niet geïndexeerd, Rijksmiddelen wel: het saldo toont een overschot dat alleen uit de indexatie komt. Geef de segmenten een prijsindex (of begin vanuit "Ongewijzigd beleid").';
  }
  if (costs && !funding) {
    return 'Rijksmiddelen niet geïndexeerd, lasten wel: het saldo toont een tekort dat alleen uit de indexatie komt. Geef de Rijksmiddelen een index (Rijksmiddelen of het model).';
  }
  return undefined;
}

/**
 * A new scenario: the assumptions of "Ongewijzigd beleid" (autonome ontwikkeling, indexatie, the
 * Rijksmiddelen path and their ranges) under a new name. Without that scenario, the lasten get the
 * model's own Rijksmiddelen index, so costs and funding are indexed alike from the start.
 */
export function startingScenario(model: Model, name: string, reference?: Scenario): Scenario {
  if (reference) {
    const { name: _n, description: _d, measures: _m, prevention: _p, policies: _pol, ...rest } = reference;
    return structuredClone({ ...rest, name, description: `Begint vanuit de aannames van "${reference.name}".` });
  }
  const scenario = emptyScenario(name);
  const index = model.funding.indexPct;
  if (!hasNonZero(index)) return scenario;
  const source = 'Zelfde index als de Rijksmiddelen van het model, zodat lasten en baten gelijk geïndexeerd zijn.';
  for (const seg of model.segments) {
    scenario.assumptions[seg.id] =
      seg.kind === 'volume' ? { priceIndexPct: { ...index }, source } : { amountChangePct: { ...index }, source };
  }
  scenario.description =
    'Begint met lasten geïndexeerd zoals de Rijksmiddelen van het model (er is geen scenario "Ongewijzigd beleid").';
  return scenario;
}
