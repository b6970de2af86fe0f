/**
 * The template's Realisatie sheets (issue 10, item 4): pre-filled with the model's realisatie, read back into
 * model.realisatie with the model format's rules; every bad cell a Dutch message naming sheet, cell and value.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildTemplate, exportTemplate } from '../../../src/main/excel/template';
import { importModelWorkbook, type ImportResult } from '../../../src/main/excel/importModel';
import {
  REALISATIE_FUNDING_HEADER_ROW,
  REALISATIE_HEADER_ROW,
  TEMPLATE_SHEETS,
} from '../../../src/main/excel/templateLayout';
import type { Model } from '../../../src/shared/formats/model';
import { NL_GEMEENTEN, nlModel, nlModelRealised, testModel } from '../../fixtures';
import { readWorkbook, textOf } from './helpers';

/** nlModelRealised with everything the sheets carry: gemeente figures, all fields, Rijksmiddelen per gemeente. */
function realisedModel(): Model {
  const m = nlModelRealised();
  const r = m.realisatie!;
  r.segments.dagbehandeling!['2023'] = {
    clients: 12,
    started: 7,
    ended: 5,
    lasten: 1234.56,
    volume: 345.5,
    source: 'Jaarrekening 2023, bijlage jeugd',
    estimate: true,
    note: 'incl. correctie',
  };
  r.gemeenten = {
    venlo: {
      segments: { jeugdbescherming: { '2023': { lasten: 400, source: 'CBS 83454NED, 2023' } } },
    },
  };
  for (const g of NL_GEMEENTEN) {
    const gem = (r.gemeenten[g.id] ??= {});
    gem.rijksmiddelen = {
      '2022': { amount: 1_000_000 + g.youth0to17, source: 'Septembercirculaire gemeentefonds 2022' },
      '2023': { amount: 1_100_000 + g.youth0to17, source: 'Septembercirculaire gemeentefonds 2023', estimate: true },
    };
  }
  return m;
}

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function editable(m: Model): Promise<ExcelJS.Workbook> {
  return readWorkbook((await exportTemplate(m)).data);
}

function messages(r: ImportResult): string[] {
  if (r.ok) throw new Error('import should have failed');
  return r.issues.map((i) => i.message);
}

function ok(r: ImportResult): Model {
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.model;
}

/** The column of a header in the given header row. */
function colOf(ws: ExcelJS.Worksheet, header: string, row = REALISATIE_HEADER_ROW): number {
  let found = 0;
  ws.getRow(row).eachCell((c, col) => {
    if (c.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The sheet row of a figure (gemeente "regio" or an id, segment, year). */
function rowOf(ws: ExcelJS.Worksheet, gemeente: string, segment: string, year: number): number {
  for (let r = REALISATIE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (
      textOf(row.getCell(colOf(ws, 'gemeente')).value) === gemeente &&
      textOf(row.getCell(colOf(ws, 'segment id')).value) === segment &&
      row.getCell(colOf(ws, 'jaar')).value === year
    )
      return r;
  }
  throw new Error(`no row ${gemeente} ${segment} ${year}`);
}

const addr = (ws: ExcelJS.Worksheet, col: number, row: number) => `${ws.name}!${ws.getColumn(col).letter}${row}`;

describe('template Realisatie: round trip', () => {
  it('download → import without edits gives the identical model (region, gemeenten, Rijksmiddelen, all fields)', async () => {
    const m = realisedModel();
    const r = await importModelWorkbook((await exportTemplate(m)).data);
    expect(ok(r)).toStrictEqual(m);
    if (r.ok) expect(r.notices).toEqual([]);
  });

  it('a model without realisatie stays without; the test model too', async () => {
    expect(ok(await importModelWorkbook((await exportTemplate(nlModel())).data))).toStrictEqual(nlModel());
    expect(ok(await importModelWorkbook((await exportTemplate(testModel())).data))).toStrictEqual(testModel());
  });

  it('the sheets: instructions in row 1, the last realised year in B2, pre-filled rows, input cells styled', async () => {
    const wb = await editable(realisedModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.realisatie)!;
    expect(textOf(ws.getCell('A1').value)).toMatch(/^Realisatie: per jaar t\/m het laatste gerealiseerde jaar/);
    expect(textOf(ws.getCell('A2').value)).toBe('laatste gerealiseerde jaar');
    expect(ws.getCell('B2').value).toBe(2024);
    expect((ws.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    // 5 segments × 3 years for the region + 1 gemeente figure
    const rows: string[] = [];
    for (let r = REALISATIE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const g = textOf(ws.getRow(r).getCell(1).value);
      if (g) rows.push(g);
    }
    expect(rows.filter((g) => g === 'regio')).toHaveLength(15);
    expect(rows.filter((g) => g === 'venlo')).toHaveLength(1);
    const row = rowOf(ws, 'regio', 'dagbehandeling', 2023);
    expect(ws.getCell(row, colOf(ws, 'lasten (€)')).value).toBe(1234.56);
    expect(ws.getCell(row, colOf(ws, 'eenheid')).value).toBe('dagdeel');
    expect((ws.getCell(row, colOf(ws, 'lasten (€)')).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    // segment id: a drop-down of the ids on Segmenten
    const zip = await JSZip.loadAsync((await exportTemplate(realisedModel())).data);
    const sheetNo = Object.values(TEMPLATE_SHEETS).indexOf(TEMPLATE_SHEETS.realisatie) + 1;
    const xml = await zip.file(`xl/worksheets/sheet${sheetNo}.xml`)!.async('string');
    expect(xml).toContain('<formula1>Segmenten!$A$2:$A$206</formula1>');
    const fund = wb.getWorksheet(TEMPLATE_SHEETS.realisatieRijksmiddelen)!;
    expect(textOf(fund.getCell('A1').value)).toMatch(/^Rijksmiddelen jeugd per gemeente per gerealiseerd jaar/);
    expect(textOf(fund.getCell(REALISATIE_FUNDING_HEADER_ROW, 3).value)).toBe('Rijksmiddelen jeugd (€)');
  });
});

describe('template Realisatie: an altered template', () => {
  it('a changed lasten cell, a new gemeente row and a later last year are in the model', async () => {
    const m = realisedModel();
    const wb = await editable(m);
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.realisatie)!;
    ws.getCell(rowOf(ws, 'regio', 'crisisbedden', 2024), colOf(ws, 'lasten (€)')).value = 98765.4;
    const r = ok(await importModelWorkbook(await bytes(wb)));
    expect(r.realisatie!.segments.crisisbedden!['2024']!.lasten).toBe(98765.4);
    expect({ ...r, realisatie: undefined }).toStrictEqual({ ...m, realisatie: undefined });

    // a new gemeente row, typed by name and with a Dutch number as text
    const next = ws.rowCount + 1;
    const put = (header: string, v: string | number) => (ws.getCell(next, colOf(ws, header)).value = v);
    put('gemeente', 'Venray');
    put('segment id', 'jeugdreclassering');
    put('jaar', 2022);
    put('lasten (€)', '250,5');
    put('bron', 'Jaarrekening Venray 2022');
    const r2 = ok(await importModelWorkbook(await bytes(wb)));
    expect(r2.realisatie!.gemeenten!.venray!.segments!.jeugdreclassering!['2022']).toEqual({
      lasten: 250.5,
      source: 'Jaarrekening Venray 2022',
    });
  });

  it('bad cells: each a Dutch message with sheet, cell and value; nothing returned', async () => {
    const wb = await editable(realisedModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.realisatie)!;
    const lasten = colOf(ws, 'lasten (€)');
    const r1 = rowOf(ws, 'regio', 'dagbehandeling', 2022);
    const r2 = rowOf(ws, 'regio', 'dagbehandeling', 2024);
    const r3 = rowOf(ws, 'regio', 'crisisbedden', 2022);
    const r4 = rowOf(ws, 'regio', 'crisisbedden', 2023);
    const r5 = rowOf(ws, 'venlo', 'jeugdbescherming', 2023);
    ws.getCell(r1, lasten).value = 'veel';
    ws.getCell(r2, lasten).value = -10;
    ws.getCell(r3, colOf(ws, 'segment id')).value = 'pleegzorg';
    ws.getCell(r4, colOf(ws, 'jaar')).value = 2031;
    ws.getCell(r5, colOf(ws, 'gemeente')).value = 'Maastricht';
    // a duplicate: the region's jeugdreclassering 2022 once more at the bottom
    const dup = ws.rowCount + 1;
    const orig = rowOf(ws, 'regio', 'jeugdreclassering', 2022);
    ws.getRow(orig).eachCell((c, col) => (ws.getCell(dup, col).value = c.value));
    const fund = wb.getWorksheet(TEMPLATE_SHEETS.realisatieRijksmiddelen)!;
    fund.getCell(REALISATIE_FUNDING_HEADER_ROW + 1, 3).value = 'een miljoen';

    const m = messages(await importModelWorkbook(await bytes(wb)));
    expect(m).toContain(`${addr(ws, lasten, r1)}: "veel" is geen getal`);
    expect(m).toContain(`${addr(ws, lasten, r2)}: -10 is negatief: lasten (€) kan niet kleiner dan 0 zijn`);
    expect(m).toContain(`${addr(ws, colOf(ws, 'segment id'), r3)}: "pleegzorg" is geen segment uit blad Segmenten`);
    expect(m).toContain(
      `${addr(ws, colOf(ws, 'jaar'), r4)}: jaar 2031 ligt buiten de horizon van het model (2022–2028, blad Model)`,
    );
    expect(m).toContain(
      `${addr(ws, colOf(ws, 'gemeente'), r5)}: "Maastricht" is geen gemeente uit blad Gemeenten (bekend: beesel, bergen, gennep, horst, peelenmaas, venlo, venray; of "regio")`,
    );
    expect(m).toContain(
      `${addr(ws, colOf(ws, 'segment id'), dup)}: dubbele rij: regio, jeugdreclassering, 2022 staat ook in rij ${orig}`,
    );
    expect(m).toContain(`${addr(fund, 3, REALISATIE_FUNDING_HEADER_ROW + 1)}: "een miljoen" is geen getal`);
  });

  it('the model format rules apply, placed on the row or cell (a volume segment without jeugdigen, a missing year)', async () => {
    const wb = await editable(realisedModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.realisatie)!;
    const r1 = rowOf(ws, 'regio', 'verblijf-behandeling', 2023);
    ws.getCell(r1, colOf(ws, 'jeugdigen')).value = null;
    const r2 = rowOf(ws, 'regio', 'crisisbedden', 2023);
    ws.spliceRows(r2, 1);
    const m = messages(await importModelWorkbook(await bytes(wb)));
    expect(m).toContain(
      `${addr(ws, colOf(ws, 'jeugdigen'), r1)}: ontbreekt: een volumesegment heeft het aantal jeugdigen nodig`,
    );
    expect(m.some((x) => /^Realisatie: mist realisatie voor 2023/.test(x))).toBe(true);
  });

  it('figures without a last realised year, and a last year beyond the horizon, are refused on B2', async () => {
    const wb = await editable(realisedModel());
    const ws = wb.getWorksheet(TEMPLATE_SHEETS.realisatie)!;
    ws.getCell('B2').value = null;
    expect(messages(await importModelWorkbook(await bytes(wb)))[0]).toMatch(
      /^Realisatie!B2: laatste gerealiseerde jaar ontbreekt: vul het in \(de bladen Realisatie bevatten 30 rijen\)$/,
    );
    ws.getCell('B2').value = 2030;
    expect(messages(await importModelWorkbook(await bytes(wb)))).toContain(
      'Realisatie!B2: laatste gerealiseerde jaar 2030 ligt buiten de horizon van het model (2022–2028, blad Model)',
    );
  });

  it('an empty template has empty Realisatie sheets that add nothing', async () => {
    const wb = buildTemplate();
    expect(wb.getWorksheet(TEMPLATE_SHEETS.realisatie)!.getCell('B2').value).toBeNull();
    const m = messages(await importModelWorkbook(await bytes(wb)));
    expect(m.some((x) => x.startsWith('Realisatie'))).toBe(false);
  });
});
