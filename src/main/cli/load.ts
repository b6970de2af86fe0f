/**
 * Reads and validates the model and scenario files for the CLI. File access is
 * injected (readText) so the logic is testable without a disk; every problem
 * becomes a Dutch message naming the flag, the file and, for content, the
 * field path and value.
 */
import { parseJsonText } from '../files/jsonText';
import { issuesToText } from '../../shared/formats/issues';
import type { Model } from '../../shared/formats/model';
import { emptyScenario, type Scenario } from '../../shared/formats/scenario';
import { parseModel, parseScenario } from '../../shared/formats/validate';

export type ReadText = (path: string) => string;

export interface Loaded {
  model: Model;
  scenario: Scenario;
  modelSource: string;
  scenarioSource: string;
}

export type LoadResult = { ok: true; value: Loaded } | { ok: false; errors: string[] };

export interface Defaults {
  /** the bundled model, used without --model */
  modelFile: string;
  /** the scenario used with the bundled model when no --scenario is given */
  scenarioFile: string;
}

function readJson(
  readText: ReadText,
  flag: string,
  file: string,
): { ok: true; json: unknown } | { ok: false; error: string } {
  let text: string;
  try {
    text = readText(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'het bestand bestaat niet'
        : code === 'EISDIR'
          ? 'dat is een map'
          : code === 'EACCES'
            ? 'geen leesrechten'
            : String((err as Error).message ?? err);
    return { ok: false, error: `${flag}: kan ${JSON.stringify(file)} niet lezen: ${why}` };
  }
  try {
    return { ok: true, json: parseJsonText(text, file) };
  } catch (err) {
    return { ok: false, error: `${flag}: ${(err as Error).message}` };
  }
}

export function loadInputs(
  modelFile: string | undefined,
  scenarioFile: string | undefined,
  defaults: Defaults,
  readText: ReadText,
): LoadResult {
  const mFile = modelFile ?? defaults.modelFile;
  const m = readJson(readText, '--model', mFile);
  if (!m.ok) return { ok: false, errors: [m.error] };
  const model = parseModel(m.json);
  if (!model.ok)
    return {
      ok: false,
      errors: [`--model: ${JSON.stringify(mFile)} is geen geldig model:\n${issuesToText(model.issues)}`],
    };

  // The bundled "Ongewijzigd beleid" belongs to the bundled model; another model starts from no assumptions.
  const sFile = scenarioFile ?? (modelFile === undefined ? defaults.scenarioFile : undefined);
  if (sFile === undefined) {
    return {
      ok: true,
      value: {
        model: model.value,
        scenario: emptyScenario('Geen aannames'),
        modelSource: mFile,
        scenarioSource: 'geen scenariobestand',
      },
    };
  }
  const s = readJson(readText, '--scenario', sFile);
  if (!s.ok) return { ok: false, errors: [s.error] };
  const scenario = parseScenario(s.json, model.value);
  if (!scenario.ok) {
    return {
      ok: false,
      errors: [
        `--scenario: ${JSON.stringify(sFile)} is geen geldig scenario voor model "${model.value.name}":\n${issuesToText(scenario.issues)}`,
      ],
    };
  }
  return {
    ok: true,
    value: { model: model.value, scenario: scenario.value, modelSource: mFile, scenarioSource: sFile },
  };
}
