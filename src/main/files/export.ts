import type { FileExport, ModelRecord, ScenarioRecord } from '../../shared/api';
import { fileSlug } from './json-text';

/** Exports are the plain model@1 / scenario@1 files, pretty-printed so they can be read and diffed. */
export function exportModelFile(record: ModelRecord): FileExport {
  return {
    fileName: `${fileSlug(record.name)}.model.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(record.model, null, 2)}\n`,
    encoding: 'utf8',
  };
}

export function exportScenarioFile(record: ScenarioRecord): FileExport {
  return {
    fileName: `${fileSlug(record.name)}.scenario.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(record.scenario, null, 2)}\n`,
    encoding: 'utf8',
  };
}
