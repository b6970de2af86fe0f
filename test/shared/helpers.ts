/** Small builders for engine and format tests: plain data, validated like a file would be. */
import { MODEL_FORMAT, type BudgetSegment, type Gemeente, type Model, type VolumeSegment } from '../../src/shared/formats/model';
import { SCENARIO_FORMAT, type Scenario, type ScenarioInput } from '../../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';

export function volume(id: string, fields: Partial<VolumeSegment> = {}): VolumeSegment {
  return { id, name: `Segment ${id}`, kind: 'volume', inflowPerYear: 12, avgDurationMonths: 6, unit: 'cliëntmaand', pricePerUnit: 100, ...fields };
}

export function budget(id: string, amount: number, fields: Partial<BudgetSegment> = {}): BudgetSegment {
  return { id, name: `Budget ${id}`, kind: 'budget', amount, ...fields };
}

export function gemeente(id: string, youth0to17: number, fields: Partial<Gemeente> = {}): Gemeente {
  return { id, name: `Gemeente ${id}`, youth0to17, ...fields };
}

/** A model that must be valid: throws with the Dutch issues otherwise, so a broken fixture is obvious. */
export function model(fields: Partial<Model> = {}): Model {
  const raw: Model = {
    format: MODEL_FORMAT,
    name: 'Testmodel',
    baseYear: 2022,
    endYear: 2024,
    gemeenten: [gemeente('a', 100)],
    segments: [volume('s')],
    funding: { baseAmount: 0 },
    ...fields,
  };
  const parsed = parseModel(raw);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

export function scenario(m: Model, fields: Omit<ScenarioInput, 'format' | 'name'> = {}): Scenario {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, name: 'Testscenario', ...fields }, m);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/** |a − b| ≤ rel × max(|a|, |b|, 1): relative for large numbers, absolute near 0. */
export function closeRel(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1);
}
