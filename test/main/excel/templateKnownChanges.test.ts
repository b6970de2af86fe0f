/**
 * The template's bekende ontwikkelingen (issue 11 item 2): blad Bekende ontwikkelingen (a row per change) and
 * blad Bedragen ontwikkelingen (change × gemeente or regio × jaar), pre-filled from the model, read back into
 * model.knownChanges; every bad cell a Dutch message naming sheet, cell and value.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { exportTemplate } from '../../../src/main/excel/template';
import { importModelWorkbook, type ImportResult } from '../../../src/main/excel/importModel';
import {
  KNOWN_CHANGE_AMOUNTS_HEADER_ROW,
  KNOWN_CHANGES_HEADER_ROW,
  TEMPLATE_SHEETS,
} from '../../../src/main/excel/templateLayout';
import type { Model } from '../../../src/shared/formats/model';
import { defaultModel, testModel } from '../../fixtures';
import { readWorkbook, textOf } from './helpers';

async function editable(m: Model): Promise<ExcelJS.Workbook> {
  return readWorkbook((await exportTemplate(m)).data);
}

async function reimport(wb: ExcelJS.Workbook): Promise<ImportResult> {
  return importModelWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

function messages(r: ImportResult): string[] {
  if (r.ok) throw new Error('import should have failed');
  return r.issues.map((i) => i.message);
}

function col(ws: ExcelJS.Worksheet, headerRow: number, header: string): number {
  let found = 0;
  ws.getRow(headerRow).eachCell((c, n) => {
    if (textOf(c.value) === header) found = n;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The row on Bedragen ontwikkelingen for change × gemeente × year. */
function amountRow(ws: ExcelJS.Worksheet, change: string, gemeente: string, year: number): number {
  const h = KNOWN_CHANGE_AMOUNTS_HEADER_ROW;
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (
      textOf(row.getCell(col(ws, h, 'ontwikkeling id')).value) === change &&
      textOf(row.getCell(col(ws, h, 'gemeente')).value) === gemeente &&
      row.getCell(col(ws, h, 'jaar')).value === year
    )
      return r;
  }
  throw new Error(`no row ${change} ${gemeente} ${year}`);
}

describe('template: bekende ontwikkelingen', () => {
  it('pre-fills the changes and their amounts from the model', async () => {
    const wb = await editable(defaultModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingen)!;
    const h = KNOWN_CHANGES_HEADER_ROW;
    expect(textOf(ws.getCell(h + 1, col(ws, h, 'id')).value)).toBe('woonplaatsbeginsel');
    expect(textOf(ws.getCell(h + 2, col(ws, h, 'formule: segmenten')).value)).toBe(
      'jeugdbescherming, jeugdreclassering',
    );
    expect(ws.getCell(h + 2, col(ws, h, 'formule: % van lasten')).value).toBe(5.48);
    const am = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingBedragen)!;
    const r = amountRow(am, 'woonplaatsbeginsel', 'venlo', 2025);
    expect(am.getCell(r, col(am, KNOWN_CHANGE_AMOUNTS_HEADER_ROW, 'bedrag (€)')).value).toBe(2374000);
  });

  it('an amount changed, a year and a regional amount added, a range changed: the model has them', async () => {
    const wb = await editable(defaultModel());
    const am = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingBedragen)!;
    const h = KNOWN_CHANGE_AMOUNTS_HEADER_ROW;
    am.getCell(amountRow(am, 'woonplaatsbeginsel', 'venlo', 2025), col(am, h, 'bedrag (€)')).value = 2500000;
    const next = am.rowCount + 1;
    am.getCell(next, col(am, h, 'ontwikkeling id')).value = 'woonplaatsbeginsel';
    am.getCell(next, col(am, h, 'gemeente')).value = 'venlo';
    am.getCell(next, col(am, h, 'jaar')).value = 2026;
    am.getCell(next, col(am, h, 'bedrag (€)')).value = 2000000;
    am.getCell(next + 1, col(am, h, 'ontwikkeling id')).value = 'landelijk-tarief-jbjr';
    am.getCell(next + 1, col(am, h, 'jaar')).value = 2024; // gemeente empty = regio
    am.getCell(next + 1, col(am, h, 'bedrag (€)')).value = -1234.5;
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingen)!;
    ws.getCell(KNOWN_CHANGES_HEADER_ROW + 1, col(ws, KNOWN_CHANGES_HEADER_ROW, 'bandbreedte hoog (%)')).value = 40;
    const r = await reimport(wb);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    const [wpb, jbjr] = r.model.knownChanges!;
    expect(wpb!.perGemeente).toEqual({ venlo: { '2024': 2970000, '2025': 2500000, '2026': 2000000 } });
    expect(wpb!.range!.highPct).toBe(40);
    expect(jbjr!.amount).toEqual({ '2024': -1234.5 });
    expect(jbjr!.pctOfSegments!.pct).toBe(5.48);
  });

  it('a model without bekende ontwikkelingen round-trips without them', async () => {
    const m = testModel();
    expect(m.knownChanges).toBeUndefined();
    const r = await reimport(await editable(m));
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.model).toStrictEqual(m);
  });

  it('bad cells: Dutch messages naming sheet, cell and value; nothing is returned', async () => {
    const wb = await editable(defaultModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingen)!;
    const h = KNOWN_CHANGES_HEADER_ROW;
    const at = (r: number, header: string) => `${ws.getColumn(col(ws, h, header)).letter}${r}`;
    ws.getCell(h + 1, col(ws, h, 'kant')).value = 'uitgaven';
    ws.getCell(h + 1, col(ws, h, 'bandbreedte laag (%)')).value = 10;
    ws.getCell(h + 3, col(ws, h, 'bron')).value = null;
    const am = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingBedragen)!;
    const ah = KNOWN_CHANGE_AMOUNTS_HEADER_ROW;
    const venlo25 = amountRow(am, 'woonplaatsbeginsel', 'venlo', 2025);
    am.getCell(venlo25, col(am, ah, 'bedrag (€)')).value = 'veel';
    const next = am.rowCount + 1;
    am.getCell(next, col(am, ah, 'ontwikkeling id')).value = 'onbekend';
    am.getCell(next, col(am, ah, 'jaar')).value = 2025;
    am.getCell(next, col(am, ah, 'bedrag (€)')).value = 5;
    const r = await reimport(wb);
    expect(r.ok).toBe(false);
    const m = messages(r);
    const amAt = (row: number, header: string) =>
      `${TEMPLATE_SHEETS.ontwikkelingBedragen}!${am.getColumn(col(am, ah, header)).letter}${row}`;
    const S = TEMPLATE_SHEETS.ontwikkelingen;
    expect(m).toContain(`${S}!${at(h + 1, 'kant')}: "uitgaven" is geen geldige kant (kies uit: lasten, baten)`);
    expect(m.some((x) => x.startsWith(`${S}!${at(h + 1, 'bandbreedte laag (%)')}: lowPct 10 is groter dan 0`))).toBe(
      true,
    );
    expect(m).toContain(`${S}!${at(h + 3, 'bron')}: bron ontbreekt: noem document, tabel en jaar`);
    expect(m.filter((x) => x.startsWith(amAt(venlo25, 'bedrag (€)')))).toEqual([
      `${amAt(venlo25, 'bedrag (€)')}: "veel" is geen getal`,
    ]);
    expect(m).toContain(
      `${amAt(next, 'ontwikkeling id')}: "onbekend" is geen ontwikkeling uit blad Bekende ontwikkelingen (kolom id)`,
    );
  });

  it('an unknown segment in a formula or an unknown gemeente: the message names the cell', async () => {
    const wb = await editable(defaultModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingen)!;
    const h = KNOWN_CHANGES_HEADER_ROW;
    const segCol = col(ws, h, 'formule: segmenten');
    ws.getCell(h + 2, segCol).value = 'jeugdbescherming, bestaat-niet';
    const am = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingBedragen)!;
    const ah = KNOWN_CHANGE_AMOUNTS_HEADER_ROW;
    const row = amountRow(am, 'woonplaatsbeginsel', 'venlo', 2024);
    am.getCell(row, col(am, ah, 'gemeente')).value = 'maastricht';
    const m = messages(await reimport(wb));
    const segAt = `${TEMPLATE_SHEETS.ontwikkelingen}!${ws.getColumn(segCol).letter}${h + 2}`;
    const gemAt = `${TEMPLATE_SHEETS.ontwikkelingBedragen}!${am.getColumn(col(am, ah, 'gemeente')).letter}${row}`;
    expect(
      m.some((x) => x.startsWith(`${segAt}:`) && x.includes('bestaat-niet')),
      m.join('\n'),
    ).toBe(true);
    expect(
      m.some((x) => x.startsWith(`${gemAt}:`) && x.includes('maastricht')),
      m.join('\n'),
    ).toBe(true);
  });

  it('a change id twice and an amount row twice: each named with the first', async () => {
    const wb = await editable(defaultModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingen)!;
    const h = KNOWN_CHANGES_HEADER_ROW;
    const idCol = col(ws, h, 'id');
    ws.getCell(h + 3, idCol).value = 'woonplaatsbeginsel';
    const am = wb.getWorksheet(TEMPLATE_SHEETS.ontwikkelingBedragen)!;
    const ah = KNOWN_CHANGE_AMOUNTS_HEADER_ROW;
    const next = am.rowCount + 1;
    am.getCell(next, col(am, ah, 'ontwikkeling id')).value = 'woonplaatsbeginsel';
    am.getCell(next, col(am, ah, 'gemeente')).value = 'venlo';
    am.getCell(next, col(am, ah, 'jaar')).value = 2025;
    am.getCell(next, col(am, ah, 'bedrag (€)')).value = 1;
    const m = messages(await reimport(wb));
    const letter = ws.getColumn(idCol).letter;
    expect(m).toContain(
      `${TEMPLATE_SHEETS.ontwikkelingen}!${letter}${h + 3}: "woonplaatsbeginsel" komt al voor bij ${TEMPLATE_SHEETS.ontwikkelingen} rij ${h + 1}`,
    );
    const yearAt = `${TEMPLATE_SHEETS.ontwikkelingBedragen}!${am.getColumn(col(am, ah, 'jaar')).letter}${next}`;
    expect(m).toContain(
      `${yearAt}: woonplaatsbeginsel, venlo, 2025 staat al in rij ${amountRow(am, 'woonplaatsbeginsel', 'venlo', 2025)}; één bedrag per ontwikkeling, gemeente en jaar`,
    );
  });
});
