/** The shipped default model and scenarios, parsed like a user's file; and small builders. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Model } from '../../src/shared/formats/model';
import { SCENARIO_FORMAT, type Scenario } from '../../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function defaultModel(): Model {
  const parsed = parseModel(JSON.parse(readFileSync(`${root}models/noord-limburg.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

export function shippedScenario(model: Model, file: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(`${root}models/scenarios/${file}`, 'utf8')), model);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/**
 * The scenario without any range (segments, funding, substitutions, prevention): the shipped
 * scenarios carry ranges since round 3; tests that build their own ranges or count the
 * tornado's default ±10% bars start from the bare scenario.
 */
export function withoutRanges(scenario: Scenario): Scenario {
  const { ranges: _r, ...rest } = scenario;
  const { ranges: _f, ...funding } = scenario.funding;
  const out: Scenario = { ...rest, funding, substitutions: scenario.substitutions.map(({ ranges: _s, ...rule }) => rule) };
  if (scenario.prevention) out.prevention = { ...scenario.prevention, effects: scenario.prevention.effects.map(({ ranges: _e, ...effect }) => effect) };
  return out;
}

/** A scenario that must be valid against the model: throws the Dutch issues otherwise. */
export function validScenario(model: Model, fields: Record<string, unknown>): Scenario {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, name: 'Test', ...fields }, model);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

/** The issues of a scenario that must be invalid. */
export function scenarioIssues(model: Model, fields: Record<string, unknown>): string[] {
  const parsed = parseScenario({ format: SCENARIO_FORMAT, name: 'Test', ...fields }, model);
  if (parsed.ok) throw new Error('scenario is onverwacht geldig');
  return parsed.issues.map((i) => i.message);
}

/** A small model that must be valid; years 2022–2024 unless given. */
export function smallModel(fields: Partial<Model> & Pick<Model, 'segments'>): Model {
  const parsed = parseModel({
    format: 'jeugdbegroting/model@1',
    name: 'Handmodel',
    baseYear: 2022,
    endYear: 2024,
    gemeenten: [{ id: 'g1', name: 'Gemeente 1', youth0to17: 100 }],
    funding: { baseAmount: 0 },
    ...fields,
  });
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.value;
}

export function budgetLine(id: string, amount: number) {
  return { id, name: `Budget ${id}`, kind: 'budget' as const, amount };
}

/** A volume segment with a duration of 1 month: in a steady year its cost is inflow × price exactly. */
export function oneMonthSegment(id: string, inflowPerYear: number, pricePerUnit: number) {
  return { id, name: `Segment ${id}`, kind: 'volume' as const, inflowPerYear, avgDurationMonths: 1, unit: 'cliëntmaand', pricePerUnit };
}
