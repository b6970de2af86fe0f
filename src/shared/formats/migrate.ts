import { MODEL_FORMAT, MODEL_FORMAT_V1 } from './model';

/**
 * Brings a model read from a file, from storage or from an old export to the
 * current format (model@2). model@2 is model@1 plus the optional fields
 * `realisatie` and `gemeenten[].cbsCode`, so a model@1 only changes its `format`
 * (the key stays first). Anything else — already @2, another format, not an
 * object — is returned unchanged for parseModel to judge. Never mutates the input.
 */
export function migrateModel(input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  if (record.format !== MODEL_FORMAT_V1) return input;
  return { ...record, format: MODEL_FORMAT };
}

/** True for the model formats this version reads (the current one and those migrateModel upgrades). */
export function isModelFormat(format: unknown): boolean {
  return format === MODEL_FORMAT || format === MODEL_FORMAT_V1;
}
