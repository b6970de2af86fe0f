/**
 * The automatic version a save adds (scenarios.save, scenarios.duplicate; at most one per
 * AUTO_VERSION_INTERVAL_MS). For a small model it is made inside the save's transaction, as always.
 * For a large model (simulateWork ≥ SIMULATE_IN_WORKER_FROM) its result is computed in a job worker
 * AFTER the save has been stored and answered: an autosave never waits for a worker (nor for other
 * jobs in line before it). The worker also serializes model, scenario and result: the service's
 * thread stores that JSON text as it is (no stringify of a result of up to ≈ 121 MB of JSON there).
 * These are background jobs ('simulate.version'): at most one at a time, never ahead of a waiting
 * export or other request. The version then records exactly the inputs of that save, stamped with its
 * time; it is not made when the scenario was deleted meanwhile or another version made it unnecessary.
 * If the job fails or is stopped, the save stands and the next save tries again (it is still due).
 */
import type Database from 'better-sqlite3';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import type { JobRunner } from '../jobs/runner';
import { findScenario } from '../storage/scenariosRepo';
import { autoVersionDue, maybeAutoVersion, storeVersionJson, type Stamp } from '../storage/versioning';
import type { ServiceContext } from './context';
import { SIMULATE_IN_WORKER_FROM, simulateWork } from './simulate';

/** Scenarios whose automatic version is being computed, per service (its job runner): one at a time each. */
const pending = new WeakMap<JobRunner, Set<number>>();

export interface AutoVersionRequest {
  scenarioId: number;
  model: Model;
  scenario: Scenario;
  stamp: Stamp;
  note?: string | undefined;
}

/** True when this model's versions are computed off the service's thread. */
export function versionsOffThread(model: Model): boolean {
  return simulateWork(model) >= SIMULATE_IN_WORKER_FROM;
}

/** Inside the save's transaction: the automatic version of a small model, made right there. */
export function autoVersionInline(db: Database.Database, r: AutoVersionRequest): void {
  if (!versionsOffThread(r.model)) maybeAutoVersion(db, r.scenarioId, r.model, r.scenario, r.stamp, r.note);
}

/**
 * After the save's transaction: the automatic version of a large model, computed in a job worker.
 * Returns the promise of that work (settles, never rejects) or undefined when nothing is to be done.
 */
export function autoVersionOffThread(
  ctx: ServiceContext,
  db: Database.Database,
  r: AutoVersionRequest,
): Promise<void> | undefined {
  if (!versionsOffThread(r.model) || !autoVersionDue(db, r.scenarioId, r.stamp.at)) return undefined;
  let busy = pending.get(ctx.jobs);
  if (!busy) pending.set(ctx.jobs, (busy = new Set()));
  if (busy.has(r.scenarioId)) return undefined; // an earlier save's version is under way
  busy.add(r.scenarioId);
  const running = busy;
  // no signal: the save has been stored, its version should follow even if the caller went away
  return ctx.jobs
    .run('simulate.version', { model: r.model, scenario: r.scenario })
    .then((json) => {
      db.transaction(() => {
        if (!findScenario(db, r.scenarioId) || !autoVersionDue(db, r.scenarioId, r.stamp.at)) return;
        storeVersionJson(db, r.scenarioId, 'auto', r.note, r.stamp, json);
      })();
    })
    .catch((err: unknown) => {
      ctx.log.warn(
        `Automatische versie van scenario ${r.scenarioId} niet gemaakt (de opslag zelf is gelukt): ${err instanceof Error ? err.message : String(err)}`,
      );
    })
    .finally(() => running.delete(r.scenarioId));
}
