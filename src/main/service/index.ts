import Database from 'better-sqlite3';
import {
  apiRequests,
  isApiMethod,
  type ApiError,
  type ApiMethod,
  type ApiRequest,
  type ApiResponses,
  type ApiResult,
  type JeugdplannerApi,
} from '../../shared/api';
import { issuesToText, zodErrorToIssues } from '../../shared/formats/issues';
import { StorageError } from '../storage/errors';
import { consoleLogger, type Logger } from '../storage/log';
import { openStorage, type StorageState } from '../storage/open';
import { seedDatabase } from '../storage/seed';
import type { HandlerMap, ServiceContext } from './context';
import { appHandlers } from './app';
import { modelHandlers } from './models';
import { scenarioHandlers } from './scenarios';
import { versionHandlers } from './versions';
import { simulateHandlers } from './simulate';
import { fileHandlers } from './files';
import { excelHandlers } from './excel';
import { backupHandlers } from './backups';
import { realisatieHandlers } from './realisatie';

/**
 * Every method of the contract, one handler each, grouped per area in their
 * own files. A new area (e.g. Excel) adds its methods to api.ts, a file here
 * and one line below; the type makes a missing handler a compile error.
 */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...modelHandlers,
  ...scenarioHandlers,
  ...versionHandlers,
  ...simulateHandlers,
  ...fileHandlers,
  ...excelHandlers,
  ...backupHandlers,
  ...realisatieHandlers,
};

export interface ServiceOptions {
  state: StorageState;
  appVersion: string;
  transport: 'electron' | 'browser';
  now?: () => Date;
  log?: Logger;
}

export interface Service {
  /** For transports: anything may come in; the answer is always an ApiResult, never a throw. */
  handle(method: unknown, request: unknown): Promise<ApiResult<unknown>>;
  /** Typed, in-process use of the same path (tests, CLI). */
  readonly api: JeugdplannerApi;
  readonly context: ServiceContext;
  close(): void;
}

export function createService(options: ServiceOptions): Service {
  const context: ServiceContext = {
    state: options.state,
    appVersion: options.appVersion,
    transport: options.transport,
    now: options.now ?? (() => new Date()),
    log: options.log ?? consoleLogger,
  };

  async function handle(method: unknown, request: unknown): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : typeof method;
      return fail({ code: 'unknown_method', message: `Onbekende opdracht ${shown}.` });
    }
    const parsed = apiRequests[method].safeParse(request ?? {}, { reportInput: true });
    if (!parsed.success) {
      const issues = zodErrorToIssues(parsed.error);
      return fail({ code: 'validation', message: `Ongeldig verzoek voor ${method}:\n${issuesToText(issues)}`, issues });
    }
    try {
      const handler = handlers[method] as (req: unknown, ctx: ServiceContext) => unknown;
      const value = await handler(parsed.data, context);
      return { ok: true, value };
    } catch (err) {
      return fail(toApiError(err, method, context.log));
    }
  }

  const api: JeugdplannerApi = {
    call: <M extends ApiMethod>(method: M, request: ApiRequest<M>) =>
      handle(method, request) as Promise<ApiResult<ApiResponses[M]>>,
  };

  return {
    handle,
    api,
    context,
    close() {
      if (context.state.status === 'ready') context.state.storage.close();
    },
  };
}

export interface OpenServiceOptions {
  dataDir: string;
  /** folder with the bundled models (noord-limburg.json, scenarios/*.json), loaded on first start */
  seedDir?: string;
  appVersion: string;
  transport: 'electron' | 'browser';
  now?: () => Date;
  log?: Logger;
  backupOnStart?: boolean;
}

/** Opens the database (backup, migrations, first-start seeding) and puts the service on top. */
export async function openService(options: OpenServiceOptions): Promise<Service> {
  const log = options.log ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const state = await openStorage({
    dataDir: options.dataDir,
    now,
    log,
    ...(options.backupOnStart !== undefined ? { backupOnStart: options.backupOnStart } : {}),
  });
  if (state.status === 'ready') {
    try {
      seedDatabase(state.storage.db, options.seedDir, { appVersion: options.appVersion, at: now().toISOString() }, log);
    } catch (err) {
      // Seeding is a convenience; a failure must not keep the user out of their data.
      log.error(`Standaardmodel laden mislukt: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return createService({ state, appVersion: options.appVersion, transport: options.transport, now, log });
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

function toApiError(err: unknown, method: ApiMethod, log: Logger): ApiError {
  if (err instanceof StorageError) {
    return { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
  }
  const detail = err instanceof Error ? err.message : String(err);
  log.error(`${method} mislukt: ${err instanceof Error && err.stack ? err.stack : detail}`);
  if (err instanceof Database.SqliteError) {
    return { code: 'internal', message: `De database kon de opdracht ${method} niet uitvoeren (${err.code}: ${detail}). Er is niets gewijzigd.` };
  }
  return { code: 'internal', message: `Interne fout bij ${method}: ${detail}` };
}
