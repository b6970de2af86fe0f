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
