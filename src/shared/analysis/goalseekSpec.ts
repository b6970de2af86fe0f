/**
 * The readable text form of a goal-seek question, for the CLI (and anything
 * else that takes it as text): `key=value` pairs separated by `;`.
 *
 *   segment=ambulante-begeleiding;field=inflowChangePct;from=2025;target-year=2028
 *   segment=jeugdbescherming;field=amountChangePct;from=2024;target-year=2026;target=-250000
 *   field=funding.indexPct;from=2025;target-year=2028;mode=yearly
 *   substitution=verblijf-behandeling>opname-vervangende-behandeling;from=2024;target-year=2028
 *
 * Keys: segment + field (inflowChangePct, durationChangePct, intensityChangePct,
 * priceIndexPct, amountChangePct), or field=funding.indexPct, or
 * substitution=FROM>TO; from (first year), target-year, target (euro, default 0),
 * mode (step: only the first year, persisting — default; yearly: every year
 * from `from`), min, max (bounds for the value), tolerance (euro, default 1000).
 * Numbers may use a decimal comma ("2,5").
 */
import type { Model } from '../formats/model';
import { BUDGET_ASSUMPTION_FIELDS, VOLUME_ASSUMPTION_FIELDS, type AssumptionField } from '../formats/scenario';
import { parseDutchNumber } from '../locale/numbers';
import { checkGoalSeekSpec, type GoalSeekSpec, type GoalSeekVariable } from './goalseek';

export type GoalSeekSpecResult = { ok: true; value: GoalSeekSpec } | { ok: false; errors: string[] };

const KEYS = [
  'segment',
  'field',
  'substitution',
  'from',
  'target-year',
  'target',
  'mode',
  'min',
  'max',
  'tolerance',
] as const;
const FIELDS: readonly string[] = [...VOLUME_ASSUMPTION_FIELDS, ...BUDGET_ASSUMPTION_FIELDS];

export function parseGoalSeekSpec(text: string, model: Model): GoalSeekSpecResult {
  const errors: string[] = [];
  const pairs = new Map<string, string>();
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!(KEYS as readonly string[]).includes(key))
      errors.push(`onbekende sleutel ${JSON.stringify(key)} (bekend: ${KEYS.join(', ')})`);
    else if (value === '') errors.push(`${key}: waarde ontbreekt (schrijf ${key}=…)`);
    else if (pairs.has(key)) errors.push(`${key} staat er meer dan één keer`);
    else pairs.set(key, value);
  }
  const num = (key: string, whole = false): number | undefined => {
    const raw = pairs.get(key);
    if (raw === undefined) return undefined;
    const n = parseDutchNumber(raw);
    if (n === undefined || (whole && !Number.isInteger(n))) {
      errors.push(`${key}: ${JSON.stringify(raw)} is geen ${whole ? 'jaartal' : 'getal'}`);
      return undefined;
    }
    return n;
  };
  const from = num('from', true);
  const targetYear = num('target-year', true);
  const target = num('target');
  const min = num('min');
  const max = num('max');
  const tolerance = num('tolerance');
  if (!pairs.has('from')) errors.push('from ontbreekt: het eerste jaar van de aanname (bijv. from=2025)');
  if (!pairs.has('target-year'))
    errors.push('target-year ontbreekt: het jaar waarin het saldo het doel moet halen (bijv. target-year=2028)');
  const mode = pairs.get('mode');
  if (mode !== undefined && mode !== 'step' && mode !== 'yearly')
    errors.push(`mode: ${JSON.stringify(mode)} is geen geldige waarde (toegestaan: step, yearly)`);

  let variable: GoalSeekVariable | undefined;
  const field = pairs.get('field');
  const substitution = pairs.get('substitution');
  const segment = pairs.get('segment');
  const fromYear = from ?? 0;
  const modeValue = mode === 'yearly' ? 'yearly' : 'step';
  if (substitution !== undefined) {
    const [a, b, ...rest] = substitution.split('>').map((s) => s.trim());
    if (!a || !b || rest.length > 0)
      errors.push(`substitution: ${JSON.stringify(substitution)} heeft niet de vorm VAN>NAAR`);
    else variable = { kind: 'substitution', from: a, to: b, fromYear };
    if (field !== undefined || segment !== undefined) errors.push('substitution gaat niet samen met segment of field');
    if (mode !== undefined) errors.push('mode geldt niet voor een substitutie: het aandeel geldt elk jaar vanaf from');
  } else if (field === 'funding.indexPct') {
    if (segment !== undefined) errors.push('field=funding.indexPct gaat niet samen met segment');
    variable = { kind: 'fundingIndex', fromYear, mode: modeValue };
  } else if (field !== undefined) {
    if (!FIELDS.includes(field))
      errors.push(
        `field: ${JSON.stringify(field)} is geen aanname (toegestaan: ${FIELDS.join(', ')}, funding.indexPct)`,
      );
    else if (segment === undefined) errors.push('segment ontbreekt: bij welk segment hoort de aanname?');
    else variable = { kind: 'assumption', segment, field: field as AssumptionField, fromYear, mode: modeValue };
  } else {
    errors.push('geef field (met segment), field=funding.indexPct of substitution=VAN>NAAR');
  }
  if (errors.length > 0 || !variable || from === undefined || targetYear === undefined) return { ok: false, errors };

  const spec: GoalSeekSpec = {
    variable,
    targetYear,
    ...(target !== undefined ? { target } : {}),
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(tolerance !== undefined ? { tolerance } : {}),
  };
  const problems = checkGoalSeekSpec(model, spec);
  return problems.length > 0 ? { ok: false, errors: problems } : { ok: true, value: spec };
}
