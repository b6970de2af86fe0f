/**
 * Reading one cell of a workbook as what its column expects (text, number,
 * percentage, fraction, ja/nee, a choice). Every problem is recorded in Dutch
 * naming the sheet and cell ("Segmenten!D3") and the value, and reading goes
 * on, so a file's problems are all reported at once. Nothing here knows what
 * a sheet means.
 */
import type { Cell, CellValue } from 'exceljs';
import { makeIssue, type ValidationIssue } from '../../../shared/formats/issues';
import { parseDutchNumber } from '../../../shared/locale/numbers';
import { NO, YES, type ColumnDef } from '../templateLayout';

/** A cell's value as read; undefined = empty. */
export type Value = string | number | boolean | undefined;

/** Reads cells and collects what went wrong (issues) and what was decided on the way (notices). */
export class CellReader {
  readonly issues: ValidationIssue[] = [];
  readonly notices: string[] = [];

  error(where: string, problem: string): void {
    this.issues.push(makeIssue(where, problem));
  }

  /** The value of a cell: plain, from rich text/hyperlink, or a formula's cached value (with a notice). */
  raw(cell: Cell, where: string): Value | null {
    const v: CellValue = cell.value;
    if (v === null || v === undefined) return undefined;
    if (typeof v === 'string') return v.trim() === '' ? undefined : v;
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
      if ('richText' in v) return v.richText.map((r) => r.text).join('') || undefined;
      if ('hyperlink' in v && 'text' in v) return typeof v.text === 'string' ? v.text : undefined;
      if ('error' in v) {
        this.error(where, `de cel bevat de fout ${String(v.error)}`);
        return null;
      }
      if ('formula' in v || 'sharedFormula' in v) {
        const f = 'formula' in v ? v.formula : v.sharedFormula;
        // cell.result, not v.result: ExcelJS's value copy drops a cached result of 0.
        const value: unknown = cell.result;
        if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
          this.notices.push(`${where}: formule =${f}; de berekende waarde ${JSON.stringify(value)} is overgenomen.`);
          return value;
        }
        this.error(where, `formule =${f} heeft geen bruikbare berekende waarde; typ de waarde zelf in`);
        return null;
      }
    }
    this.error(where, `onleesbare inhoud ${JSON.stringify(v).slice(0, 80)}`);
    return null;
  }

  /** Converts a cell to what the column expects; undefined = empty; null = error recorded. */
  convert(cell: Cell, def: ColumnDef, where: string): Value | null {
    const v = this.raw(cell, where);
    if (v === undefined || v === null) return v;
    switch (def.kind) {
      case 'text': {
        return typeof v === 'string' ? v : String(v);
      }
      case 'number':
      case 'integer':
      case 'percentage':
      case 'fraction': {
        let n: number | undefined;
        if (typeof v === 'number') n = v;
        else if (typeof v === 'string') {
          const pct = /%\s*$/.test(v);
          n = parseDutchNumber(v);
          if (n !== undefined && pct) n = def.kind === 'fraction' ? n / 100 : n;
        }
        if (n === undefined || !Number.isFinite(n)) {
          this.error(where, `${JSON.stringify(typeof v === 'string' ? v : String(v))} is geen getal`);
          return null;
        }
        // A percentage column typed as "2,5%" in a %-formatted cell arrives as 0,025: scale back to 2,5.
        if (def.kind === 'percentage' && typeof v === 'number' && (cell.numFmt ?? '').includes('%')) n = n * 100;
        if (def.kind === 'integer' && !Number.isInteger(n)) {
          this.error(where, `${String(v)} is geen heel getal`);
          return null;
        }
        return n;
      }
      case 'yesno': {
        if (typeof v === 'boolean') return v;
        const t = String(v).trim().toLowerCase();
        if (YES.has(t)) return true;
        if (NO.has(t)) return false;
        this.error(where, `${JSON.stringify(String(v))} is geen ja of nee`);
        return null;
      }
      case 'choice': {
        const t = String(v).trim();
        if (def.choices && !def.choices.includes(t.toLowerCase())) {
          this.error(where, `${JSON.stringify(t)} is geen geldige ${def.header} (kies uit: ${def.choices.join(', ')})`);
          return null;
        }
        return def.choices ? t.toLowerCase() : t;
      }
    }
  }
}
