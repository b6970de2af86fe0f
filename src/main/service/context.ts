import type { z } from 'zod';
import type { ApiMethod, ApiResponses, apiRequests } from '../../shared/api';
import type { StorageState, Storage } from '../storage/open';
import type { Logger } from '../log';
import type { Stamp } from '../storage/versioning';
import { UserError } from '../errors';
import type { JobRunner } from '../jobs/runner';

/** What every handler gets: the storage (which may have been refused), versions, clock and log. */
export interface ServiceContext {
  readonly state: StorageState;
  readonly appVersion: string;
  readonly transport: 'electron' | 'browser';
  readonly now: () => Date;
  readonly log: Logger;
  /** long work (Excel, large simulations) runs here, in worker threads */
  readonly jobs: JobRunner;
  /** the desktop app's menu (Electron main); absent in browser mode, where there is no menu */
  readonly menu?: MenuHost;
  /** aborted when the caller no longer wants the answer (browser mode: the HTTP client went away); cancels its job */
  readonly signal?: AbortSignal;
}

/** What the shell lets the service change in its application menu. */
export interface MenuHost {
  /** What "Ongedaan maken" and "Opnieuw" would undo/redo; absent: nothing. */
  setUndoLabels(labels: { undo?: string; redo?: string }): void;
}

/** A handler receives the request as validated by apiRequests[M] (defaults applied). */
export type Handler<M extends ApiMethod> = (
  request: z.output<(typeof apiRequests)[M]>,
  ctx: ServiceContext,
) => ApiResponses[M] | Promise<ApiResponses[M]>;

export type HandlerMap<K extends ApiMethod = ApiMethod> = { [M in K]: Handler<M> };

/** The open storage, or the reason it was refused (as the error every data method answers with). */
export function storageOf(ctx: ServiceContext): Storage {
  if (ctx.state.status === 'ready') return ctx.state.storage;
  throw new UserError('newer_database', ctx.state.message);
}

export function stampOf(ctx: ServiceContext): Stamp {
  return { appVersion: ctx.appVersion, at: ctx.now().toISOString() };
}

export function notFound(what: string, id: number | string): never {
  throw new UserError('not_found', `${what} ${typeof id === 'number' ? id : JSON.stringify(id)} bestaat niet (meer).`);
}

/** An update must name the revision it was based on. */
export function requireRevision(what: string, id: number, revision: number | undefined): number {
  if (revision === undefined) {
    throw new UserError(
      'validation',
      `${what} ${id} is niet opgeslagen: het verzoek noemt niet op welke revisie de wijziging gebaseerd is (veld revision).`,
    );
  }
  return revision;
}

/** A save based on a revision that is no longer the stored one: refused, nothing changed. */
export function conflict(what: string, name: string, stored: number, basedOn: number, keepMine: string): never {
  throw new UserError(
    'conflict',
    `${what} "${name}" is intussen elders gewijzigd (in een ander tabblad of venster): opgeslagen is revisie ${stored}, ` +
      `uw wijziging ging uit van revisie ${basedOn}. Uw wijziging is niet opgeslagen en er is niets overschreven. ` +
      `Kies: ${keepMine}, of hun versie laden.`,
  );
}
