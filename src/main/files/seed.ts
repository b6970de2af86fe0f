import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Model } from '../../shared/formats/model';
import { validateModelFile, validateScenarioFile } from './import';
import { getMeta, setMeta } from '../storage/meta';
import { insertModel } from '../storage/modelsRepo';
import { insertScenario } from '../storage/scenariosRepo';
import { freezeVersion, type Stamp } from '../storage/versioning';
import type { Logger } from '../log';

/** The bundled model that the bundled scenarios (models/scenarios/*.json) belong to. */
export const DEFAULT_MODEL_FILE = 'noord-limburg.json';
const SEEDED_KEY = 'seeded_at';

export interface SeedReport {
  models: string[];
  scenarios: string[];
  /** files that were not loaded, with the reason (also logged) */
  skipped: string[];
}

/**
 * On first start, loads the bundled models (seedDir/*.json) and scenarios
 * (seedDir/scenarios/*.json), so the app opens with something real. Invalid
 * files are logged and skipped, never fatal. Runs once per database: marked
 * done as soon as a model was loaded.
 */
export function seedDatabase(
  db: Database.Database,
  seedDir: string | undefined,
  stamp: Stamp,
  log: Logger,
): SeedReport {
  const report: SeedReport = { models: [], scenarios: [], skipped: [] };
  if (!seedDir || getMeta(db, SEEDED_KEY) !== undefined) return report;
  const skip = (file: string, reason: string) => {
    const line = `${file} niet geladen: ${reason}`;
    report.skipped.push(line);
    log.warn(line);
  };

  const models: { file: string; model: Model }[] = [];
  for (const file of jsonFiles(seedDir)) {
    try {
      models.push({ file, model: validateModelFile(fs.readFileSync(path.join(seedDir, file), 'utf8'), file) });
    } catch (err) {
      skip(file, err instanceof Error ? err.message : String(err));
    }
  }
  if (models.length === 0) return report;
  const main = models.find((m) => m.file === DEFAULT_MODEL_FILE) ?? models[0]!;

  const scenarioDir = path.join(seedDir, 'scenarios');
  const scenarios = jsonFiles(scenarioDir).flatMap((file) => {
    try {
      return [
        {
          file,
          scenario: validateScenarioFile(fs.readFileSync(path.join(scenarioDir, file), 'utf8'), main.model, file),
        },
      ];
    } catch (err) {
      skip(`scenarios/${file}`, err instanceof Error ? err.message : String(err));
      return [];
    }
  });

  db.transaction(() => {
    for (const m of models) {
      const record = insertModel(db, m.model, stamp.at);
      report.models.push(m.file);
      if (m !== main) continue;
      for (const s of scenarios) {
        const created = insertScenario(db, record.id, s.scenario, stamp.at);
        freezeVersion(db, created.id, m.model, s.scenario, 'auto', 'meegeleverd scenario', stamp);
        report.scenarios.push(s.file);
      }
    }
    setMeta(db, SEEDED_KEY, stamp.at);
  })();
  log.info(`Standaardmodel geladen: ${report.models.join(', ')}; scenario's: ${report.scenarios.join(', ') || 'geen'}`);
  return report;
}

function jsonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && fs.statSync(path.join(dir, f)).isFile())
    .sort();
}
