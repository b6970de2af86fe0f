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
import type { ValidationIssue } from './formats/issues';
import type { SimulationResult } from './engine/result';
import { codeTableSchema, type CodeTable, type ColumnMappingInput, type KnownCode } from './realisatie/mapping';
import type { RealisatieChange, SegmentCode } from './realisatie/plan';

const id = z.number().int().positive();
const note = z.string().trim().max(500).optional();
/** File content as text (JSON files); binary files travel as base64. */
const fileText = z.string().max(20 * 1024 * 1024);

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

export const apiRequests = {
  'app.info': z.strictObject({}),

  'models.list': z.strictObject({}),
  'models.get': z.strictObject({ id }),
  /** Create (no id) or replace a model. The model is validated with parseModel. */
  'models.save': z.strictObject({ id: id.optional(), model: z.unknown() }),
  'models.delete': z.strictObject({ id }),

  'scenarios.list': z.strictObject({ modelId: id }),
  'scenarios.get': z.strictObject({ id }),
  /** Create (no id) or update the working copy of a scenario (autosave). Validated against its model. */
  'scenarios.save': z.strictObject({ id: id.optional(), modelId: id, scenario: z.unknown() }),
  'scenarios.duplicate': z.strictObject({ id, name: z.string().trim().min(1).max(200) }),
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

  'simulate': z.strictObject({ model: modelSchema, scenario: scenarioSchema }),

  'files.importModel': z.strictObject({ fileName: z.string().max(260).optional(), content: fileText }),
  'files.importScenario': z.strictObject({ modelId: id, fileName: z.string().max(260).optional(), content: fileText }),
  'files.exportModel': z.strictObject({ id }),
  'files.exportScenario': z.strictObject({ id }),

  /**
   * Begrotingsbijlage (Excel) of a model for 1–5 of its scenarios. scope: 'region', 'all' (a zip with
   * the region and one workbook per gemeente) or a gemeente id; unit: euro or × € 1.000 ('thousand').
   */
  'excel.exportBijlage': z.strictObject({
    modelId: id,
    scenarioIds: z.array(id).min(1).max(5),
    scope: z.string().trim().min(1).max(64).default('region'),
    unit: z.enum(['euro', 'thousand']).default('euro'),
    /** optional analysis sheets: Onzekerheid (Monte Carlo, seed written in the sheet) and Gevoeligheid (tornado) */
    analysis: z
      .strictObject({
        montecarlo: z.strictObject({ draws: z.number().int().min(100).max(50_000), seed: z.number().int().min(0).max(0xffffffff) }).optional(),
        tornado: z.strictObject({ year: z.number().int().min(1900).max(2200).optional() }).optional(),
      })
      .optional(),
  }),
  /** "Sjabloon downloaden": the budget template, filled with the model when modelId is given, else empty. */
  'excel.template': z.strictObject({ modelId: id.optional() }),
  /** A filled-in template (xlsx as base64) becomes a new model; nothing is saved while any error remains. */
  'excel.importModel': z.strictObject({ fileName: z.string().max(260).optional(), content: fileText }),

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
} as const;

export type ApiMethod = keyof typeof apiRequests;
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
}

export interface ModelSummary {
  id: number;
  name: string;
  baseYear: number;
  endYear: number;
  updatedAt: string;
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
  'simulate': SimulationResult;
  'files.importModel': ModelRecord;
  'files.importScenario': ScenarioRecord;
  'files.exportModel': FileExport;
  'files.exportScenario': FileExport;
  'excel.exportBijlage': FileExport;
  'excel.template': FileExport;
  'excel.importModel': ExcelImportResult;
  'realisatie.preview': RealisatiePreview;
  'realisatie.apply': RealisatieApplyResult;
  'backups.list': BackupInfo[];
  'backups.restore': { restored: string; safetyBackup: string };
}

/**
 * forbidden: browser mode refused the request (token or host); transport: the
 * answer did not arrive (server stopped, connection lost).
 */
export type ApiErrorCode = 'validation' | 'not_found' | 'unknown_method' | 'newer_database' | 'forbidden' | 'transport' | 'internal';

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
export const MENU_EVENTS = ['new-scenario', 'import', 'export', 'print', 'presentation', 'about', 'undo', 'redo', 'restore-backup', 'excel-export', 'excel-template', 'excel-import'] as const;
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
