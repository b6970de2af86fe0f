/**
 * The one contract between renderer and main: every request the renderer may
 * make, with a zod schema for its payload and the type of its answer. Both
 * transports (Electron IPC and browser-mode HTTP) carry exactly this:
 * `call(method, request)` → `ApiResult`. Main validates every request against
 * these schemas; errors come back as data, never as a crash.
 */
import { z } from 'zod';
import type { Model } from './formats/model';
import type { Scenario } from './formats/scenario';
import { modelSchema } from './formats/model';
import { scenarioSchema } from './formats/scenario';
import { nameSchema, storableText } from './formats/common';
import type { ValidationIssue } from './formats/issues';
import { settingsSchema, type Settings } from './formats/settings';
import type { SimulationResult } from './engine/result';
import { MAX_DRAWS } from './analysis/montecarlo';

/** Limits both sides need: the renderer says them before a request, main enforces them. */
/** More scenarios than this make the stacked sheets unreadable on paper. */
export const MAX_EXPORT_SCENARIOS = 5;
/** Fewer draws make P10 and P90 rest on a handful of draws: too rough for a begroting. */
export const MIN_EXPORT_DRAWS = 100;
/** Browser mode: the header that carries the per-start token (tests, scripts; the page itself uses the cookie). */
export const TOKEN_HEADER = 'x-jeugdplanner-token';
/** An Excel template (.xlsx) as uploaded; the zip guard checks what it unpacks to. */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;
/** What the undo/redo menu item names after "Ongedaan maken: " (the renderer shortens longer labels). */
export const MAX_MENU_LABEL_LENGTH = 200;
import { codeTableSchema, type CodeTable, type ColumnMappingInput, type KnownCode } from './realisatie/mapping';
import type { RealisatieChange, SegmentCode, SegmentImportStatus } from './realisatie/plan';

const id = z.number().int().positive();
/** The revision a save was based on (from the record last loaded or saved); required when updating. */
const revision = z.number().int().positive();
const note = z.string().trim().max(500).superRefine(storableText(true)).optional();
/** A file name as the user's system gave it: one line, stored in a version's note on import. */
const fileName = z.string().max(260).superRefine(storableText(false)).optional();
/** File content as text (JSON files); binary files travel as base64. */
const fileText = z.string().max(20 * 1024 * 1024);
/**
 * A key the caller chooses for the job of a long request (excel.*, simulate), so it can find that job in
 * jobs.status (progress) and cancel it with jobs.cancel. The service's job ids are its own; the key only
 * finds them. A random key per request (the renderer uses crypto.randomUUID) keeps callers apart.
 */
export const JOB_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const jobKey = z
  .string()
  .regex(JOB_KEY_PATTERN, 'is geen geldige taaksleutel (1 tot 64 letters, cijfers, - of _)')
  .optional();

/** A realisatie file (CSV as text or base64, XLSX as base64) with how to read it. */
const realisatieImport = {
  modelId: id,
  fileName: z.string().trim().min(1).max(260),
  content: fileText,
  encoding: z.enum(['text', 'base64']).default('text'),
  /** which column holds which field (by header text); without it: the mapping remembered for this layout, else a suggestion */
  mapping: z
    .strictObject({
      gemeente: z.string().trim().max(200).optional(),
      segment: z.string().trim().max(200).optional(),
      jaar: z.string().trim().max(200).optional(),
      aantal: z.string().trim().max(200).optional(),
      lasten: z.string().trim().max(200).optional(),
      volume: z.string().trim().max(200).optional(),
      begonnen: z.string().trim().max(200).optional(),
      beeindigd: z.string().trim().max(200).optional(),
      lastenUnit: z.enum(['euro', 'thousand']).optional(),
    })
    .optional(),
  /** the code table (code → segment id, null = negeren); without it: the one stored for this model, else the default */
  codes: codeTableSchema.optional(),
  /** where the figures come from: document title, table and year */
  source: z.string().trim().max(500).default(''),
};

/** A menu item's text: one line (Electron shows no more), no control characters. */
/** The V/N reference of a begrotingsbijlage: a saved version (e.g. the vastgestelde begroting) or another scenario. */
const exportReference = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('version'), versionId: id }),
  z.strictObject({ kind: z.literal('scenario'), scenarioId: id }),
]);
export type ExportReferenceRequest = z.infer<typeof exportReference>;

const menuLabel = z
  .string()
  .max(MAX_MENU_LABEL_LENGTH)
  .regex(/^[^\p{Cc}\u2028\u2029]*$/u, { message: 'een menutekst is één regel zonder stuurtekens' });

export const apiRequests = {
  'app.info': z.strictObject({}),

  'models.list': z.strictObject({}),
  'models.get': z.strictObject({ id }),
  /**
   * Create (no id) or replace a model. The model is validated with parseModel. An update carries the
   * revision it was based on; when the stored model has moved on since, the save is refused ('conflict').
   */
  'models.save': z.strictObject({ id: id.optional(), revision: revision.optional(), model: z.unknown() }),
  'models.delete': z.strictObject({ id }),

  'scenarios.list': z.strictObject({ modelId: id }),
  'scenarios.get': z.strictObject({ id }),
  /**
   * Create (no id) or update the working copy of a scenario (autosave). Validated against its model. An update
   * carries the revision it was based on; a stale revision (another tab or window saved since) is refused ('conflict').
   */
  'scenarios.save': z.strictObject({
    id: id.optional(),
    revision: revision.optional(),
    modelId: id,
    scenario: z.unknown(),
  }),
  'scenarios.duplicate': z.strictObject({ id, name: nameSchema }),
  /** Soft delete: the scenario disappears from lists and can be brought back with scenarios.undelete. */
  'scenarios.delete': z.strictObject({ id }),
  'scenarios.undelete': z.strictObject({ id }),

  'versions.list': z.strictObject({ scenarioId: id }),
  /** A stored version with its stored result, and today's recomputation for comparison. */
  'versions.get': z.strictObject({ id }),
  /** Freeze the current working copy as a version, with inputs and results. */
  'versions.create': z.strictObject({ scenarioId: id, note }),
  /** Make a version the working copy again (the current working copy is kept as a version first). */
  'versions.restore': z.strictObject({ id }),
  /**
   * Mark a version vastgesteld (the begroting the raad adopted) or unmark it. At most one per model: marking
   * one unmarks the model's other vastgestelde version (every scenario of the model is compared with it).
   */
  'versions.setVastgesteld': z.strictObject({ id, vastgesteld: z.boolean() }),
  /** The model's vastgestelde version, or null when none is marked. */
  'versions.findVastgesteld': z.strictObject({ modelId: id }),

  simulate: z.strictObject({ model: modelSchema, scenario: scenarioSchema, jobKey }),

  'files.importModel': z.strictObject({ fileName, content: fileText }),
  'files.importScenario': z.strictObject({ modelId: id, fileName, content: fileText }),
  'files.exportModel': z.strictObject({ id }),
  'files.exportScenario': z.strictObject({ id }),

  /**
   * Begrotingsbijlage (Excel) of a model for 1–5 of its scenarios. scope: 'region', 'all' (a zip with
   * the region and one workbook per gemeente) or a gemeente id; unit: euro or × € 1.000 ('thousand').
   */
  'excel.exportBijlage': z.strictObject({
    modelId: id,
    scenarioIds: z.array(id).min(1).max(MAX_EXPORT_SCENARIOS),
    scope: z.string().trim().min(1).max(64).default('region'),
    unit: z.enum(['euro', 'thousand']).default('euro'),
    /** optional analysis sheets: Onzekerheid (Monte Carlo, seed written in the sheet) and Gevoeligheid (tornado) */
    analysis: z
      .strictObject({
        montecarlo: z
          .strictObject({
            draws: z.number().int().min(MIN_EXPORT_DRAWS).max(MAX_DRAWS),
            seed: z.number().int().min(0).max(0xffffffff),
          })
          .optional(),
        tornado: z.strictObject({ year: z.number().int().min(1900).max(2200).optional() }).optional(),
      })
      .optional(),
    /**
     * The sheet Mutaties (region only): the mutatieoverzicht of each scenario against a version of this model
     * (the vastgestelde begroting) or another scenario of it (e.g. Ongewijzigd beleid).
     */
    mutaties: z
      .union([z.strictObject({ versionId: id }), z.strictObject({ scenarioId: id })], {
        error: 'noem één referentie: versionId (een versie) of scenarioId (een scenario)',
      })
      .optional(),
    /**
     * The begrotingsjaar: its column says "begroting", years ≤ the model's last realised year "realisatie", the
     * others "raming". Default: the year after today's, within the model's years; outside them it is refused.
     */
    begrotingsjaar: z
      .number({ error: (iss) => `Begrotingsjaar: ${JSON.stringify(iss.input)} is geen jaartal` })
      .int({ error: (iss) => `Begrotingsjaar: ${String(iss.input)} is geen heel jaartal` })
      .optional(),
    /** What the V/N rows compare with: a saved version of a scenario, or another scenario of the same model. */
    reference: exportReference.optional(),
    jobKey,
  }),
  /** "Sjabloon downloaden": the budget template, filled with the model when modelId is given, else empty. */
  'excel.template': z.strictObject({ modelId: id.optional(), jobKey }),
  /** A filled-in template (xlsx as base64) becomes a new model; nothing is saved while any error remains. */
  'excel.importModel': z.strictObject({ fileName, content: fileText, jobKey }),

  /** What the app remembers for the user between sessions (formats/settings): comparison, open scenario, accepted warnings. */
  'settings.get': z.strictObject({}),
  'settings.save': z.strictObject({ settings: settingsSchema }),

  /** What a realisatie file would change (per gemeente × segment × year, old → new), and its problems; saves nothing. */
  'realisatie.preview': z.strictObject(realisatieImport),
  /**
   * Reads the same file the same way and saves the model in one transaction, with the mapping (per file layout)
   * and the code table (per model). baseRevision: the model's updatedAt the preview was made on.
   */
  'realisatie.apply': z.strictObject({ ...realisatieImport, baseRevision: z.string().max(40).optional() }),

  'backups.list': z.strictObject({}),
  /** Replace the database with a backup (the current database is backed up first). */
  'backups.restore': z.strictObject({ name: z.string().regex(/^[\w.-]+\.sqlite$/) }),

  /**
   * Long requests (the Excel methods, simulate and the versions of a large model, a large model file)
   * run as jobs off the service's thread.
   * jobs.status lists the ones not yet answered, with their progress; jobs.cancel stops one (its own
   * request then answers with code 'cancelled'). Browser mode also cancels a job whose HTTP client went away.
   * A caller finds the job of its own request by the jobKey it sent with that request.
   */
  'jobs.status': z.strictObject({}),
  'jobs.cancel': z.strictObject({ id }),

  /**
   * What undo and redo would undo/redo in the open view ("instroom Pleegzorg 2024"); absent: nothing to undo/redo.
   * The desktop app's menu shows it ("Ongedaan maken: instroom Pleegzorg 2024"); browser mode has no menu
   * and answers applied: false. Stores nothing.
   */
  'menu.setUndoLabels': z.strictObject({ undo: menuLabel.optional(), redo: menuLabel.optional() }),
} as const;

export type ApiMethod = keyof typeof apiRequests;

/** The requests that change stored data: refused with 'read_only' when this process may only read. */
export const WRITING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'models.save',
  'models.delete',
  'scenarios.save',
  'scenarios.duplicate',
  'scenarios.delete',
  'scenarios.undelete',
  'versions.create',
  'versions.restore',
  'versions.setVastgesteld',
  'files.importModel',
  'files.importScenario',
  'excel.importModel',
  'backups.restore',
]);
export type ApiRequest<M extends ApiMethod> = z.input<(typeof apiRequests)[M]>;

export interface AppInfo {
  appVersion: string;
  engineVersion: string;
  dataDir: string;
  databasePath: string;
  transport: 'electron' | 'browser';
  /** Messages from startup the user must see (database moved aside, newer database refused, …), in Dutch. */
  notices: string[];
  /** false when the database was refused: only app.info and backups.list answer then */
  storageReady: boolean;
  /**
   * Set when the data may only be read (another Jeugdplanner writes this folder, the disk is full,
   * or the folder is read-only): why and what to do, in Dutch. Writing requests answer 'read_only'.
   */
  readOnly?: string;
}

export interface ModelSummary {
  id: number;
  name: string;
  baseYear: number;
  endYear: number;
  updatedAt: string;
  /** raised by one on every update; a save names the revision it was based on */
  revision: number;
}

export interface ModelRecord extends ModelSummary {
  model: Model;
  createdAt: string;
}

export interface ScenarioSummary {
  id: number;
  modelId: number;
  name: string;
  description?: string;
  updatedAt: string;
  /** raised by one on every update of the working copy; a save names the revision it was based on */
  revision: number;
  versionCount: number;
}

export interface ScenarioRecord extends ScenarioSummary {
  scenario: Scenario;
  createdAt: string;
}

export interface VersionSummary {
  id: number;
  scenarioId: number;
  createdAt: string;
  note?: string;
  /** 'manual' (with a note, e.g. "raadscommissie 12 oktober"), 'auto' (periodic while editing), 'before-restore' */
  kind: 'manual' | 'auto' | 'before-restore';
  appVersion: string;
  engineVersion: string;
  /** the begroting the raad adopted: the reference of the mutatieoverzicht (at most one per model) */
  vastgesteld: boolean;
}

/** The model's vastgestelde version, with the name of its scenario. */
export interface VastgesteldVersion extends VersionSummary {
  scenarioName: string;
}

export interface VersionRecord extends VersionSummary {
  model: Model;
  scenario: Scenario;
  /** the result as stored when the version was made: what was presented */
  result: SimulationResult;
  /** the same inputs through today's engine */
  recomputed: SimulationResult;
  /** true when today's engine gives a different result (beyond € 0,01 anywhere) */
  differs: boolean;
}

export interface FileExport {
  fileName: string;
  mimeType: string;
  /** text for JSON, base64 for binary files */
  content: string;
  encoding: 'utf8' | 'base64';
}

/** The model made from an Excel template, with what the import ignored or took over (formulas, extra sheets). */
export interface ExcelImportResult {
  record: ModelRecord;
  /** Dutch notices, e.g. `Segmenten!E2: formule =2*1200; de berekende waarde 2400 is overgenomen.` */
  notices: string[];
}

export interface RealisatiePreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** CSV only: the separator found */
  delimiter?: ';' | ',' | '\t';
  header: string[];
  headerRow: number;
  rowCount: number;
  /** the key under which the mapping of this layout is remembered (the normalised header row) */
  layoutKey: string;
  mapping: ColumnMappingInput;
  mappingOrigin: 'request' | 'remembered' | 'suggested';
  codes: CodeTable;
  codesOrigin: 'request' | 'stored' | 'default';
  /** the iJw productcategorieën and CBS codes the app knows, with their source, for the code table */
  knownCodes: readonly KnownCode[];
  /** the distinct values of the segment column and what each maps to (for the code-table step) */
  segmentCodes: SegmentCode[];
  changes: RealisatieChange[];
  /** per segment of the model: replaced by the file, kept as it was, or without realisatie */
  segments: SegmentImportStatus[];
  /** empty = can be saved */
  issues: ValidationIssue[];
  notices: string[];
  /** the model's updatedAt this preview was made on (pass it to realisatie.apply) */
  baseRevision: string;
}

export interface RealisatieApplyResult {
  record: ModelRecord;
  changes: RealisatieChange[];
  notices: string[];
}

export interface BackupInfo {
  name: string;
  createdAt: string;
  sizeBytes: number;
}

/** A job the service is working on (see jobs.status). */
export interface JobStatus {
  id: number;
  /** the request it answers ('simulate.version': the automatic version a save of a large model started) */
  method:
    | 'excel.exportBijlage'
    | 'excel.template'
    | 'excel.importModel'
    | 'simulate'
    | 'simulate.version'
    | 'files.importModel';
  /** the jobKey sent with the request, if any */
  key?: string;
  /** queued: waiting for a free worker */
  state: 'queued' | 'running';
  /** ms since it was asked for */
  elapsedMs: number;
  /** fraction 0..1 and the current step in Dutch ("werkmap 3 van 8 schrijven"), once the job reports it */
  progress?: { fraction: number; step: string };
}

export interface ApiResponses {
  'app.info': AppInfo;
  'models.list': ModelSummary[];
  'models.get': ModelRecord;
  'models.save': ModelRecord;
  'models.delete': { deleted: true };
  'scenarios.list': ScenarioSummary[];
  'scenarios.get': ScenarioRecord;
  'scenarios.save': ScenarioRecord;
  'scenarios.duplicate': ScenarioRecord;
  'scenarios.delete': { deleted: true };
  'scenarios.undelete': ScenarioRecord;
  'versions.list': VersionSummary[];
  'versions.get': VersionRecord;
  'versions.create': VersionSummary;
  'versions.restore': ScenarioRecord;
  'versions.setVastgesteld': VersionSummary;
  'versions.findVastgesteld': VastgesteldVersion | null;
  simulate: SimulationResult;
  'files.importModel': ModelRecord;
  'files.importScenario': ScenarioRecord;
  'files.exportModel': FileExport;
  'files.exportScenario': FileExport;
  'excel.exportBijlage': FileExport;
  'excel.template': FileExport;
  'excel.importModel': ExcelImportResult;
  'settings.get': Settings;
  'settings.save': Settings;
  'realisatie.preview': RealisatiePreview;
  'realisatie.apply': RealisatieApplyResult;
  'backups.list': BackupInfo[];
  'backups.restore': { restored: string; safetyBackup: string };
  'jobs.status': JobStatus[];
  /** false: the job had already finished (or never existed) */
  'jobs.cancel': { cancelled: boolean };
  /** false: there is no application menu (browser mode) */
  'menu.setUndoLabels': { applied: boolean };
}

/**
 * forbidden: browser mode refused the request (token or host); transport: the
 * answer did not arrive (server stopped, connection lost); conflict: the save was
 * based on a revision that is no longer the stored one (another tab or window saved
 * in between; nothing was changed); read_only: this process may only read the data
 * (another process writes it, or the disk or folder does not allow writing);
 * disk_full: the disk is full, nothing was saved or changed; cancelled: the job
 * was cancelled (jobs.cancel); limit: the job went over its time or memory
 * budget and was stopped.
 */
export type ApiErrorCode =
  | 'validation'
  | 'not_found'
  | 'unknown_method'
  | 'newer_database'
  | 'forbidden'
  | 'transport'
  | 'conflict'
  | 'read_only'
  | 'disk_full'
  | 'cancelled'
  | 'limit'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  /** Dutch, for the user */
  message: string;
  /** field-level problems, for validation errors */
  issues?: ValidationIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the renderer sees, whatever the transport. */
export interface JeugdplannerApi {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponses[M]>>;
}

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && Object.prototype.hasOwnProperty.call(apiRequests, method);
}

/**
 * Application-menu actions the Electron shell sends to the renderer (the
 * preload exposes them as `onMenu(cb)`); the renderer runs them (see
 * src/renderer/menu.ts), so browser mode has the same commands via buttons.
 */
export const MENU_EVENTS = [
  'new-scenario',
  'import',
  'export',
  'print',
  'presentation',
  'about',
  'undo',
  'redo',
  'restore-backup',
  'excel-export',
  'excel-template',
  'excel-import',
] as const;
export type MenuEvent = (typeof MENU_EVENTS)[number];

export function isMenuEvent(value: unknown): value is MenuEvent {
  return typeof value === 'string' && (MENU_EVENTS as readonly string[]).includes(value);
}

/** What the Electron preload exposes as `window.jeugdplanner` (and nothing more). */
export interface PreloadBridge {
  call(method: string, request: unknown): Promise<ApiResult<unknown>>;
  /** Subscribes to application-menu actions; returns the unsubscribe function. */
  onMenu(listener: (event: MenuEvent) => void): () => void;
}
