/**
 * Import of realised figures (CSV/XLSX): preview and apply run the same reading and the same
 * shared plan (src/shared/realisatie/plan.ts), so what is saved is what the preview showed.
 * Settings: the column mapping is remembered per file layout (key: the normalised header row)
 * and the code table per model, both in app_meta, written in the same transaction as the model.
 */
import type Database from 'better-sqlite3';
import type { RealisatiePreview, ModelRecord } from '../../shared/api';
import { issuesToText, makeIssue, type ValidationIssue } from '../../shared/formats/issues';
import { parseScenario } from '../../shared/formats/validate';
import {
  KNOWN_CODES,
  codeTableSchema,
  columnMappingSchema,
  defaultCodeTable,
  layoutKey,
  suggestMapping,
  type CodeTable,
  type ColumnMappingInput,
} from '../../shared/realisatie/mapping';
import { planImport } from '../../shared/realisatie/plan';
import { readRealisatieFile } from '../realisatie/readFile';
import { getMeta, setMeta } from '../storage/meta';
import { UserError } from '../errors';
import { findModel, updateModel } from '../storage/modelsRepo';
import { scenariosOfModel } from '../storage/scenariosRepo';
import { notFound, stampOf, storageOf, type HandlerMap, type ServiceContext } from './context';

const layoutMetaKey = (key: string) => `realisatie.layout:${key}`;
const codesMetaKey = (modelId: number) => `realisatie.codes:${modelId}`;

type ImportRequest = {
  modelId: number;
  fileName: string;
  content: string;
  encoding: 'text' | 'base64';
  mapping?: Partial<ColumnMappingInput> | undefined;
  codes?: CodeTable | undefined;
  source: string;
};

function readJson<T>(
  db: Database.Database,
  key: string,
  parse: (v: unknown) => { success: boolean; data?: T },
): T | undefined {
  const raw = getMeta(db, key);
  if (raw === undefined) return undefined;
  try {
    const r = parse(JSON.parse(raw));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

async function buildPreview(
  req: ImportRequest,
  ctx: ServiceContext,
): Promise<{ preview: RealisatiePreview; record: ModelRecord; plan: ReturnType<typeof planImport> | undefined }> {
  const db = storageOf(ctx).db;
  const record = findModel(db, req.modelId) ?? notFound('Model', req.modelId);
  const read = await readRealisatieFile(req.fileName, req.content, req.encoding);
  const storedCodes = readJson(db, codesMetaKey(req.modelId), (v) => codeTableSchema.safeParse(v));
  const codes = req.codes ?? storedCodes ?? defaultCodeTable(record.model);
  const codesOrigin = req.codes ? 'request' : storedCodes ? 'stored' : 'default';
  const base = {
    fileName: req.fileName,
    codes,
    codesOrigin,
    knownCodes: KNOWN_CODES,
    baseRevision: record.updatedAt,
  } as const;
  if (!read.ok) {
    const preview: RealisatiePreview = {
      ...base,
      format: /\.xlsx$/i.test(req.fileName) ? 'xlsx' : 'csv',
      header: [],
      headerRow: 0,
      rowCount: 0,
      layoutKey: '',
      mapping: { segment: '', jaar: '' },
      mappingOrigin: 'suggested',
      segmentCodes: [],
      changes: [],
      segments: [],
      issues: [
        makeIssue(
          req.fileName,
          read.message.startsWith(req.fileName)
            ? read.message.slice(req.fileName.length).replace(/^[,:]\s*/, '')
            : read.message,
        ),
      ],
      notices: [],
    };
    return { preview, record, plan: undefined };
  }
  const headerRow = read.rows.find((r) => r.filter((c) => c.trim() !== '').length >= 2) ?? [];
  const key = layoutKey(headerRow);
  const remembered =
    headerRow.length > 0 ? readJson(db, layoutMetaKey(key), (v) => columnMappingSchema.safeParse(v)) : undefined;
  const mapping: ColumnMappingInput = req.mapping
    ? { segment: '', jaar: '', ...req.mapping }
    : (remembered ?? suggestMapping(headerRow));
  const mappingOrigin = req.mapping ? 'request' : remembered ? 'remembered' : 'suggested';
  const plan = planImport({
    model: record.model,
    rows: read.rows,
    fileName: req.fileName,
    mapping,
    codes,
    source: req.source,
  });
  const preview: RealisatiePreview = {
    ...base,
    format: read.format,
    ...(read.delimiter ? { delimiter: read.delimiter } : {}),
    header: plan.header,
    headerRow: plan.headerRow,
    rowCount: plan.rowCount,
    layoutKey: key,
    mapping,
    mappingOrigin,
    segmentCodes: plan.segmentCodes,
    changes: plan.changes,
    segments: plan.segments,
    issues: plan.issues,
    notices: [...read.notices, ...plan.notices],
  };
  return { preview, record, plan };
}

export const realisatieHandlers: HandlerMap<'realisatie.preview' | 'realisatie.apply'> = {
  'realisatie.preview': async (req, ctx) => (await buildPreview(req, ctx)).preview,

  'realisatie.apply': async (req, ctx) => {
    const db = storageOf(ctx).db;
    const { preview, record, plan } = await buildPreview(req, ctx);
    if (req.baseRevision !== undefined && req.baseRevision !== record.updatedAt) {
      throw new UserError(
        'validation',
        `Het model "${record.name}" is gewijzigd sinds de voorvertoning; er is niets opgeslagen. Bekijk de voorvertoning opnieuw.`,
      );
    }
    if (!plan?.model || preview.issues.length > 0) {
      throw new UserError(
        'validation',
        `${req.fileName} is niet ingelezen; er is niets opgeslagen. Los deze punten op:\n${issuesToText(preview.issues)}`,
        preview.issues,
      );
    }
    const model = plan.model;
    const issues: ValidationIssue[] = [];
    for (const s of scenariosOfModel(db, req.modelId)) {
      const check = parseScenario(s.scenario, model);
      if (!check.ok) for (const i of check.issues) issues.push(makeIssue(`scenario "${s.name}": ${i.path}`, i.problem));
    }
    if (issues.length > 0) {
      throw new UserError(
        'validation',
        `${req.fileName} is niet ingelezen: het model past dan niet meer bij bestaande scenario's:\n${issuesToText(issues)}`,
        issues,
      );
    }
    const mapping = columnMappingSchema.parse(preview.mapping);
    const at = stampOf(ctx).at;
    const saved = db.transaction(() => {
      const updated = updateModel(db, req.modelId, model, at) ?? notFound('Model', req.modelId);
      setMeta(db, layoutMetaKey(preview.layoutKey), JSON.stringify(mapping));
      setMeta(db, codesMetaKey(req.modelId), JSON.stringify(preview.codes));
      return updated;
    })();
    return { record: saved, changes: preview.changes, notices: preview.notices };
  },
};
