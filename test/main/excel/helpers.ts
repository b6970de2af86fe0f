import ExcelJS from 'exceljs';
import type { Worksheet, CellValue } from 'exceljs';

export async function readWorkbook(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** A cell's number: the value itself or a formula's cached result. */
export function numberOf(value: CellValue): number | undefined {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number') return value.result;
  return undefined;
}

export function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

/** Rows whose column A equals the label (in sheet order). */
export function rowsWithLabel(ws: Worksheet, label: string): number[] {
  const out: number[] = [];
  ws.eachRow((row, r) => {
    if (textOf(row.getCell(1).value).trim() === label) out.push(r);
  });
  return out;
}

/** Rows whose column A starts with the prefix. */
export function rowsStartingWith(ws: Worksheet, prefix: string): number[] {
  const out: number[] = [];
  ws.eachRow((row, r) => {
    if (textOf(row.getCell(1).value).startsWith(prefix)) out.push(r);
  });
  return out;
}
