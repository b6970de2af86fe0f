import type { FileExport, ModelRecord, ScenarioRecord } from '../../shared/api';
import { fileSlug } from './jsonText';

/** Exports are the plain model@2 / scenario@1 files (a stored model@1 is migrated when read), pretty-printed so they can be read and diffed. */
function jsonFile(name: string, kind: 'model' | 'scenario', value: unknown): FileExport {
  return {
    fileName: `${fileSlug(name)}.${kind}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(value, null, 2)}\n`,
    encoding: 'utf8',
  };
}

export function exportModelFile(record: ModelRecord): FileExport {
  return jsonFile(record.name, 'model', record.model);
}

export function exportScenarioFile(record: ScenarioRecord): FileExport {
  return jsonFile(record.name, 'scenario', record.scenario);
}
