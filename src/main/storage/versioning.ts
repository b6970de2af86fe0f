import type Database from 'better-sqlite3';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import type { SimulationResult } from '../../shared/engine/result';
import type { VersionSummary } from '../../shared/api';
import { simulate } from '../../shared/engine/simulate';
import { ENGINE_VERSION } from '../../shared/engine/version';
import { insertVersion, lastVersionAt, type VersionJson, type VersionKind } from './versionsRepo';

/** Who and when, for everything a save stamps on a version. */
export interface Stamp {
  appVersion: string;
  /** ISO time of the save */
  at: string;
}

/** History without explicit saves: while editing, at most one automatic version per this interval. */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Stores inputs and the result they produce now, with app and engine version,
 * so what was presented can be shown exactly as presented later.
 */
export function freezeVersion(
  db: Database.Database,
  scenarioId: number,
  model: Model,
  scenario: Scenario,
  kind: VersionKind,
  note: string | undefined,
  stamp: Stamp,
  /** the result of exactly these inputs when the caller already has it (computed off the service's thread) */
  computed?: SimulationResult,
): VersionSummary {
  const result = computed ?? simulate(model, scenario);
  return insertVersion(db, {
    scenarioId,
    kind,
    note,
    model,
    scenario,
    result,
    appVersion: stamp.appVersion,
    engineVersion: ENGINE_VERSION,
    createdAt: stamp.at,
  });
}

/**
 * Stores a version whose model, scenario and result a job worker has already serialized (the
 * result of exactly that model and scenario): the text goes into the database as it is, so a
 * large result costs the service's thread no stringify or parse.
 */
export function storeVersionJson(
  db: Database.Database,
  scenarioId: number,
  kind: VersionKind,
  note: string | undefined,
  stamp: Stamp,
  json: VersionJson,
): VersionSummary {
  return insertVersion(db, {
    scenarioId,
    kind,
    note,
    json,
    appVersion: stamp.appVersion,
    engineVersion: ENGINE_VERSION,
    createdAt: stamp.at,
  });
}

/** True when a save at `at` should add an 'auto' version: the scenario has none yet or the newest is older than the interval. */
export function autoVersionDue(db: Database.Database, scenarioId: number, at: string): boolean {
  const last = lastVersionAt(db, scenarioId);
  return last === undefined || Date.parse(at) - Date.parse(last) >= AUTO_VERSION_INTERVAL_MS;
}

/** Makes an 'auto' version when the scenario has none yet or the newest is older than the interval. */
export function maybeAutoVersion(
  db: Database.Database,
  scenarioId: number,
  model: Model,
  scenario: Scenario,
  stamp: Stamp,
  note?: string,
): VersionSummary | undefined {
  if (!autoVersionDue(db, scenarioId, stamp.at)) return undefined;
  return freezeVersion(db, scenarioId, model, scenario, 'auto', note, stamp);
}

/**
 * True when two results differ anywhere by more than the tolerance (default
 * € 0,01), or in shape (years, lines, gemeenten). Every number in the result
 * is compared, not only the totals: a shifted line matters too.
 */
export function resultsDiffer(a: SimulationResult, b: SimulationResult, tolerance = 0.01): boolean {
  return differs(a, b, tolerance);
}

function differs(a: unknown, b: unknown, tol: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return !(Number.isNaN(a) && Number.isNaN(b));
    return Math.abs(a - b) > tol;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return true;
    return a.some((x, i) => differs(x, b[i], tol));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return true;
    return ka.some(
      (k) =>
        !Object.prototype.hasOwnProperty.call(b, k) ||
        differs((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tol),
    );
  }
  return a !== b;
}
