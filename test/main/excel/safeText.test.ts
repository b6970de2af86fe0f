import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cleanText, EXCEL_CELL_MAX, looksLikeFormula, setText } from '../../../src/main/excel/safeText';
import { readWorkbook, textOf } from './helpers';

const HOSTILE = [
  '=SUM(A1:A9)',
  '+31 77 123',
  '-2+3',
  '@SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '=HYPERLINK("http://x","klik")',
  "=cmd|' /C calc'!A0",
];

describe('safeText', () => {
  it('recognises text a spreadsheet would take for a formula', () => {
    for (const t of HOSTILE) expect(looksLikeFormula(t), t).toBe(true);
    expect(looksLikeFormula('Basis 2025')).toBe(false);
  });

  it('writes hostile text as string cells, never as formulas, and reads it back unchanged', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('T');
    HOSTILE.forEach((t, i) => setText(ws.getCell(i + 1, 1), t));
    const data = Buffer.from(await wb.xlsx.writeBuffer());

    const zip = await JSZip.loadAsync(data);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    const cells = [...sheet.matchAll(/<c r="A(\d+)"([^>]*)>/g)];
    expect(cells).toHaveLength(HOSTILE.length);
    for (const c of cells) expect(c[2]).toMatch(/t="(s|inlineStr)"/);

    const back = await readWorkbook(data);
    HOSTILE.forEach((t, i) => {
      const cell = back.getWorksheet('T')!.getCell(i + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(textOf(cell.value)).toBe(t.replace('\r', '\n'));
    });
  });

  it('removes characters XML forbids and cuts text at the Excel cell limit', () => {
    expect(cleanText('a\u0000b\u0007c\u001fd\te\r\nf\rg')).toBe('abcd\te\nf\ng');
    const long = cleanText('x'.repeat(EXCEL_CELL_MAX + 10));
    expect(long).toHaveLength(EXCEL_CELL_MAX);
    expect(long.endsWith('…')).toBe(true);
  });

  it('writes nothing for empty text', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('T');
    setText(ws.getCell('A1'), '');
    setText(ws.getCell('A2'), undefined);
    expect(ws.getCell('A1').value).toBeNull();
    expect(ws.getCell('A2').value).toBeNull();
  });
});
