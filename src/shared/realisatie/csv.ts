/**
 * A small, strict CSV reader for realisatie files (pure: no Node, no DOM).
 * - the separator is detected from the first line with a separator outside quotes: `;` (CBS StatLine and Dutch Excel),
 *   `,` or a tab — whichever occurs most outside quotes;
 * - a UTF-8 byte order mark is dropped;
 * - fields may be quoted with `"`; `""` inside quotes is one quote; quoted fields may hold the
 *   separator and line breaks;
 * - line ends are `\r\n`, `\n` or `\r`.
 * Rows keep their record number (1 = the first record of the file), so messages can name "rij N"
 * as a spreadsheet shows it.
 */

export type Delimiter = ';' | ',' | '\t';

export interface CsvTable {
  delimiter: Delimiter;
  /** every record, as text cells; empty lines are kept as [''] so record numbers stay right */
  rows: string[][];
}

export class CsvError extends Error {}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Counts each candidate separator outside quotes on the first non-empty line. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      // the first line with a separator outside quotes decides (a title line has none)
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!inQuotes && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return counts[','] > 0 ? ',' : ';';
}

export function parseCsv(input: string, delimiter?: Delimiter): CsvTable {
  const text = stripBom(input);
  const sep = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let record = 1;
  const endField = () => {
    row.push(field);
    field = '';
    quotedField = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
    record++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      if (field.trim() === '' && !quotedField) {
        field = '';
        inQuotes = true;
        quotedField = true;
      } else {
        throw new CsvError(
          `rij ${record}: aanhalingsteken midden in een veld (${JSON.stringify((field + c).slice(0, 40))}); zet het hele veld tussen aanhalingstekens en verdubbel aanhalingstekens erin`,
        );
      }
    } else if (c === sep) endField();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else if (c === '\n') endRow();
    else if (quotedField) {
      if (c.trim() !== '')
        throw new CsvError(`rij ${record}: tekst na het sluitende aanhalingsteken (${JSON.stringify(c)})`);
    } else field += c;
  }
  if (inQuotes) throw new CsvError(`rij ${record}: een veld begint met een aanhalingsteken dat niet wordt gesloten`);
  if (field !== '' || row.length > 0 || quotedField) endRow();
  return { delimiter: sep, rows };
}
