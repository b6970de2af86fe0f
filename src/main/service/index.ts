import Database from 'better-sqlite3';
import {
  WRITING_METHODS,
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
import { UserError } from '../errors';
import { consoleLogger, type Logger } from '../log';
import { classifyFault, openStorage, type StorageState } from '../storage/open';
import { seedDatabase } from '../files/seed';
import type { HandlerMap, MenuHost, ServiceContext } from './context';
import { appHandlers } from './app';
import { modelHandlers } from './models';
import { scenarioHandlers } from './scenarios';
import { versionHandlers } from './versions';
import { simulateHandlers } from './simulate';
import { fileHandlers } from './files';
import { excelHandlers } from './excel';
import { backupHandlers } from './backups';
import { jobHandlers } from './jobs';
import { JobRefused, JobRunner, JobStopped, type JobRunnerOptions } from '../jobs/runner';
import { settingsHandlers } from './settings';
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
  ...jobHandlers,
  ...settingsHandlers,
  ...realisatieHandlers,
};

export interface ServiceOptions {
  state: StorageState;
  appVersion: string;
  transport: 'electron' | 'browser';
  now?: () => Date;
  log?: Logger;
  /** budgets and concurrency of the job workers (tests and the bench set small or instrumented ones) */
  jobs?: JobRunnerOptions;
  /** the desktop app's menu (Electron); without it menu.setUndoLabels does nothing */
  menu?: MenuHost;
}

export interface HandleOptions {
  /** aborting cancels the request's job, if it has one (browser mode: the HTTP client went away) */
  signal?: AbortSignal;
}

export type { MenuHost } from './context';

export interface Service {
  /** For transports: anything may come in; the answer is always an ApiResult, never a throw. */
  handle(method: unknown, request: unknown, options?: HandleOptions): Promise<ApiResult<unknown>>;
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
    jobs: new JobRunner(options.jobs),
    ...(options.menu ? { menu: options.menu } : {}),
  };

  async function handle(
    method: unknown,
    request: unknown,
    handleOptions: HandleOptions = {},
  ): Promise<ApiResult<unknown>> {
    if (!isApiMethod(method)) {
      const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : typeof method;
      return fail({ code: 'unknown_method', message: `Onbekende opdracht ${shown}.` });
    }
    const parsed = apiRequests[method].safeParse(request ?? {}, { reportInput: true });
    if (!parsed.success) {
      const issues = zodErrorToIssues(parsed.error);
      return fail({ code: 'validation', message: `Ongeldig verzoek voor ${method}:\n${issuesToText(issues)}`, issues });
    }
    const state = context.state;
    if (state.status === 'ready' && state.storage.readOnly && WRITING_METHODS.has(method)) {
      return fail({ code: 'read_only', message: `Niet opgeslagen; er is niets gewijzigd. ${state.storage.readOnly}` });
    }
    try {
      const handler = handlers[method] as (req: unknown, ctx: ServiceContext) => unknown;
      const value = await handler(
        parsed.data,
        handleOptions.signal ? { ...context, signal: handleOptions.signal } : context,
      );
      return { ok: true, value };
    } catch (err) {
      return fail(toApiError(err, method, context));
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
      context.jobs.close();
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
  jobs?: JobRunnerOptions;
  menu?: MenuHost;
}

/** Opens the database (backup, migrations, first-start seeding) and puts the service on top. */
export async function openService(options: OpenServiceOptions): Promise<Service> {
  const log = options.log ?? consoleLogger;
  const now = options.now ?? (() => new Date());
  const state = await openStorage({
    dataDir: options.dataDir,
    now,
    log,
    processKind: options.transport === 'electron' ? 'desktop' : 'browser',
    ...(options.backupOnStart !== undefined ? { backupOnStart: options.backupOnStart } : {}),
  });
  if (state.status === 'ready' && !state.storage.readOnly) {
    try {
      seedDatabase(state.storage.db, options.seedDir, { appVersion: options.appVersion, at: now().toISOString() }, log);
    } catch (err) {
      // Seeding is a convenience; a failure must not keep the user out of their data.
      log.error(`Standaardmodel laden mislukt: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return createService({
    state,
    appVersion: options.appVersion,
    transport: options.transport,
    now,
    log,
    ...(options.jobs ? { jobs: options.jobs } : {}),
    ...(options.menu ? { menu: options.menu } : {}),
  });
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

/** What a request would have stored, for "De schijf is vol: <wat> is niet opgeslagen". */
const WHAT: Partial<Record<ApiMethod, string>> = {
  'models.save': 'het model',
  'models.delete': 'het verwijderen van het model',
  'scenarios.save': 'het scenario',
  'scenarios.duplicate': 'de kopie van het scenario',
  'scenarios.delete': 'het verwijderen van het scenario',
  'scenarios.undelete': 'het terugzetten van het scenario',
  'versions.create': 'de versie',
  'versions.restore': 'het herstel van de versie',
  'versions.setVastgesteld': 'de markering "vastgesteld"',
  'files.importModel': 'het geïmporteerde model',
  'files.importScenario': 'het geïmporteerde scenario',
  'excel.importModel': 'het geïmporteerde model',
  'backups.restore': 'het terugzetten van de back-up',
};

function toApiError(err: unknown, method: ApiMethod, context: ServiceContext): ApiError {
  const { log } = context;
  if (err instanceof UserError) {
    return { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) };
  }
  if (err instanceof JobStopped)
    return { code: err.reason === 'cancelled' ? 'cancelled' : 'limit', message: err.message };
  if (err instanceof JobRefused) return { code: 'validation', message: err.message };
  const detail = err instanceof Error ? err.message : String(err);
  log.error(`${method} mislukt: ${err instanceof Error && err.stack ? err.stack : detail}`);
  // every write is one transaction: a fault of the disk rolls it back whole
  const fault = classifyFault(err);
  const what = WHAT[method] ?? 'de wijziging';
  const dataDir = context.state.status === 'ready' ? context.state.storage.dataDir : context.state.dataDir;
  if (fault === 'full') {
    return {
      code: 'disk_full',
      message: `De schijf is vol: ${what} is niet opgeslagen; niets gewijzigd. Maak ruimte vrij op de schijf met ${dataDir} en probeer het opnieuw.`,
    };
  }
  if (fault === 'denied') {
    return {
      code: 'read_only',
      message: `Jeugdplanner mag niet (meer) schrijven in ${dataDir}: ${what} is niet opgeslagen; niets gewijzigd. Controleer de rechten van deze map.`,
    };
  }
  if (err instanceof Database.SqliteError) {
    return {
      code: 'internal',
      message: `De database kon de opdracht ${method} niet uitvoeren (${err.code}: ${detail}). Er is niets gewijzigd.`,
    };
  }
  return { code: 'internal', message: `Interne fout bij ${method}: ${detail}` };
}
