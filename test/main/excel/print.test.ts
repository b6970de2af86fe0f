/**
 * The begrotingsbijlage as printed: page setup, wrapped text with row heights, page breaks per
 * scenario block and gemeente, header and footer, the region's own name, file names. The PDF as
 * LibreOffice prints it is checked in print.libreoffice.test.ts.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Cell, Worksheet } from 'exceljs';
import { bijlageFileStem, exportBijlage, fileStem, MAX_STEM } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { lineHeight, textUnits, wrappedLines } from '../../../src/main/excel/kit/print';
import { clipAtWord, headerFooterText } from '../../../src/main/excel/styles';
import { localDateCell } from '../../../src/shared/locale/dates';
import { extensionScenario, testModel, testScenarios } from '../../fixtures';
import { readWorkbook, rowsStartingWith, rowsWithLabel, textOf } from './helpers';

const at = new Date('2025-10-01T08:30:00Z'); // 10:30 in Amsterdam (summer time)
const winter = new Date('2026-12-02T12:36:00Z'); // 13:36 in Amsterdam

/** A model named otherwise than Noord-Limburg, with a long scenario description. */
function otherRegion() {
  const model = { ...testModel(), name: 'Regio Maas en Peel (proef)' };
  const [a, b] = testScenarios(model);
  const long = {
    ...a!,
    description: Array.from(
      { length: 12 },
      (_, i) => `Uitgangspunt ${i + 1}: de instroom daalt door preventie en de trajecten worden korter.`,
    ).join(' '),
  };
  return { model, scenarios: [long, b!, extensionScenario(model)] };
}

function textCells(ws: Worksheet): Cell[] {
  const out: Cell[] = [];
  ws.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string' && (!c.isMerged || c.master === c)) out.push(c);
    }),
  );
  return out;
}

/** The width (units) a cell's text has: its merged range, or its column plus empty cells to its right. */
function room(ws: Worksheet, c: Cell): { own: number; spill: number } {
  const last = ws.columnCount; // read first: getCell past it would add a column
  const r = Number(c.row);
  let col = Number(c.col);
  let own = ws.getColumn(col).width ?? 9.14;
  while (c.isMerged && col < last && ws.getCell(r, col + 1).master.address === c.address)
    own += ws.getColumn(++col).width ?? 9.14;
  let spill = own;
  while (col < last && (ws.getCell(r, col + 1).value ?? '') === '') spill += ws.getColumn(++col).width ?? 9.14;
  return { own: own - (c.alignment?.indent ?? 0) * 1.5, spill };
}

/** Per sheet the rows that start a new page by a manual break (read from the XML: ExcelJS does not load them). */
async function manualPageStarts(data: Buffer): Promise<Map<string, number[]>> {
  const zip = await JSZip.loadAsync(data);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  // a sheet's file is named by its relationship, not by its place in the workbook (the sheets are reordered)
  const target = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const out = new Map<string, number[]>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const path = target.get(m[2]!)!.replace(/^\/?(xl\/)?/, 'xl/');
    const xml = await zip.file(path)!.async('string');
    const rows = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((b) => Number(b[1]) + 1);
    out.set(m[1]!, rows);
  }
  return out;
}

describe('print layout of the begrotingsbijlage (three scenarios, a model named otherwise)', async () => {
  const { model, scenarios } = otherRegion();
  const file = await exportBijlage({
    model,
    scenarios,
    scope: 'region',
    unit: 'thousand',
    appVersion: '2.0.1',
    generatedAt: at,
  });
  const wb = await readWorkbook(file.data);
  const pageStarts = await manualPageStarts(file.data);

  it('every sheet: A4 (9), landscape (Toelichting portrait), fit to one page wide, title rows repeated, widths set', () => {
    expect(wb.worksheets.length).toBe(6);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: ws.name === SHEETS.toelichting ? 'portrait' : 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe(ws.name === SHEETS.toelichting ? '1:1' : '1:4');
      for (let col = 1; col <= ws.columnCount; col++)
        expect(ws.getColumn(col).width, `${ws.name} ${col}`).toBeGreaterThan(0);
    }
  });

  it('the region name is the model’s own: titles, header, Toelichting, file name; never "Noord-Limburg"', () => {
    expect(file.fileName).toBe(
      'Begrotingsbijlage jeugd Regio Maas en Peel (proef) - Basis + =Hervormingsagenda & substitutie + Preventie + Rijksmaatregelen - 2025-10-01.xlsx',
    );
    for (const ws of wb.worksheets) {
      expect(textOf(ws.getCell(1, 1).value), ws.name).toContain('Regio Maas en Peel (proef)');
      expect(ws.headerFooter.oddHeader, ws.name).toMatch(/^&L&[89]Regio Maas en Peel \(proef\)&C/);
      for (const c of textCells(ws)) expect(textOf(c.value), `${ws.name}!${c.address}`).not.toContain('Noord-Limburg');
    }
    const t = wb.getWorksheet(SHEETS.toelichting)!;
    expect(textOf(t.getCell(rowsWithLabel(t, 'Regio')[0]!, 2).value)).toBe('Regio Maas en Peel (proef)');
  });

  it('footer: date and time in Dutch local time, version, scenarios cut after a word, pagina X van N', () => {
    for (const ws of wb.worksheets) {
      const footer = ws.headerFooter.oddFooter!;
      expect(footer, ws.name).toMatch(/^&L&[89]Gemaakt 1 okt 2025, 10:30 · Jeugdplanner 2\.0\.1&C&[89]Basis \/ /);
      expect(footer, ws.name).toMatch(/&R&[89]pagina &P van &N$/);
      // the scenario part is whole words ending in "…", never "substit…"
      const centre = /&C&[89](.*)&R/.exec(footer)![1]!;
      expect(centre.endsWith('…'), ws.name).toBe(true);
      const words = scenarios.flatMap((s) => s.name.split(' '));
      expect(words, ws.name).toContain(centre.slice(0, -1).split(' ').pop());
      expect(footer.length).toBeLessThanOrEqual(255);
      expect(ws.headerFooter.oddHeader!.length).toBeLessThanOrEqual(255);
    }
    // The date cell on Toelichting shows the same local time (a spreadsheet date has no time zone).
    const t = wb.getWorksheet(SHEETS.toelichting)!;
    const cell = t.getCell(rowsWithLabel(t, 'Gemaakt op (datum/tijd)')[0]!, 2).value as Date;
    expect(cell.toISOString()).toBe('2025-10-01T10:30:00.000Z');
    expect(localDateCell(winter).toISOString()).toBe('2026-12-02T13:36:00.000Z');
  });

  it('page breaks: each scenario block after the first, each gemeente after the first of its block', () => {
    const breaks = (ws: Worksheet) => pageStarts.get(ws.name) ?? [];
    for (const name of [SHEETS.samenvatting, SHEETS.taakvelden, SHEETS.aannames, SHEETS.perGemeente]) {
      const ws = wb.getWorksheet(name)!;
      const blocks = rowsStartingWith(ws, 'Scenario ');
      expect(blocks, name).toHaveLength(3);
      for (const b of blocks.slice(1)) expect(breaks(ws), name).toContain(b);
      expect(breaks(ws), name).not.toContain(blocks[0]);
    }
    const pg = wb.getWorksheet(SHEETS.perGemeente)!;
    const gemeenten = rowsStartingWith(pg, 'Gemeente ').filter((r) => r > 4);
    expect(gemeenten).toHaveLength(3 * model.gemeenten.length);
    gemeenten.forEach((r, i) => {
      if (i % model.gemeenten.length !== 0) expect(breaks(pg)).toContain(r);
    });
    expect(breaks(pg)).toHaveLength(2 + 3 * (model.gemeenten.length - 1));
  });

  it('no text is cut off or runs past the last column: it fits, or wraps in a row high enough', () => {
    let wrapped = 0;
    for (const ws of wb.worksheets) {
      for (const c of textCells(ws)) {
        const text = textOf(c.value);
        const { own, spill } = room(ws, c);
        if (c.alignment?.wrapText) {
          const lines = wrappedLines(text, c, own);
          if (lines > 1) {
            wrapped++;
            expect(ws.getRow(Number(c.row)).height, `${ws.name}!${c.address}`).toBeGreaterThanOrEqual(
              lines * lineHeight(c.font?.size ?? 11),
            );
          }
        } else expect(textUnits(text, c), `${ws.name}!${c.address}: ${text}`).toBeLessThanOrEqual(spill);
      }
    }
    expect(wrapped).toBeGreaterThan(20);
  });

  it('Aannames: the long scenario description wraps over the whole width instead of running on', () => {
    const ws = wb.getWorksheet(SHEETS.aannames)!;
    const row = rowsStartingWith(ws, 'Uitgangspunt 1:')[0]!;
    const c = ws.getCell(row, 1);
    expect(c.alignment?.wrapText).toBe(true);
    expect(ws.getCell(row, ws.columnCount).master.address).toBe(c.address);
    expect(ws.getRow(row).height).toBeGreaterThanOrEqual(2 * lineHeight(9));
    // Year columns and the source column keep the sheet at one page wide at ≥ 70 %: ≤ 190 units.
    let width = 0;
    for (let col = 1; col <= ws.columnCount; col++) width += ws.getColumn(col).width ?? 9.14;
    expect(width).toBeLessThanOrEqual(190);
  });
});

describe('a gemeente workbook in the zip for all gemeenten', () => {
  it('names the gemeente in titles and header, breaks per scenario block, file names whole', async () => {
    const { model, scenarios } = otherRegion();
    const file = await exportBijlage({
      model,
      scenarios,
      scope: 'all',
      unit: 'euro',
      appVersion: '2',
      generatedAt: at,
    });
    const zip = await JSZip.loadAsync(file.data);
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(1 + model.gemeenten.length);
    for (const n of names) expect(n).toMatch(/ - 2025-10-01\.xlsx$/);
    const venlo = names.find((n) => n.includes('gemeente Venlo'))!;
    const wb = await readWorkbook(await zip.file(venlo)!.async('nodebuffer'));
    const pg = wb.getWorksheet(SHEETS.perGemeente)!;
    expect(pg.headerFooter.oddHeader).toMatch(/^&L&9Gemeente Venlo&C/);
    expect(rowsStartingWith(pg, 'Gemeente ').filter((r) => r > 4)).toHaveLength(3);
    const starts = await manualPageStarts(await zip.file(venlo)!.async('nodebuffer'));
    expect(starts.get(SHEETS.perGemeente)).toEqual(rowsStartingWith(pg, 'Scenario ').slice(1));
  });
});

describe('file names and header texts are cut after a whole word, the date always whole', () => {
  const long = Array.from({ length: 9 }, (_, i) => `Scenario met een zeer lange naam nummer ${i + 1}`);

  it('long scenario names: shortened after a word with "…", the date and extension whole, ≤ 150', () => {
    const stem = bijlageFileStem('Regio Noord-Limburg', long.slice(0, 5), winter);
    expect(stem.length).toBeLessThanOrEqual(MAX_STEM);
    expect(stem).toMatch(/^Begrotingsbijlage jeugd Regio Noord-Limburg - Scenario met een zeer lange naam/);
    expect(stem).toMatch(/[a-z0-9]… - 2026-12-02$/);
    // the word before "…" is a whole word of the names
    const words = new Set(long.join(' + ').split(/\s+/));
    expect(words.has(/ (\S+)… - /.exec(stem)![1]!)).toBe(true);
  });

  it('a long region or gemeente name too: shortened after a word, the date whole', () => {
    const who = `gemeente ${'Oosterhout-Dongen en Omstreken '.repeat(8)}`.trim();
    const stem = bijlageFileStem(who, long.slice(0, 3), winter);
    expect(stem.length).toBeLessThanOrEqual(MAX_STEM);
    expect(stem.endsWith(' - 2026-12-02')).toBe(true);
    // who and the scenarios: whole words (the list becomes a count when there is no room for names)
    const [, name, list] = /^Begrotingsbijlage jeugd (.*) - (.*) - 2026-12-02$/.exec(stem)!;
    expect(name).toMatch(/^gemeente Oosterhout-Dongen en Omstreken .*(Oosterhout-Dongen|en|Omstreken)…$/);
    expect(list).toBe("3 scenario's");
  });

  it('short names stay as they are; unsafe characters are replaced', () => {
    expect(bijlageFileStem('Regio X', ['Basis', 'Hoog/laag'], winter)).toBe(
      'Begrotingsbijlage jeugd Regio X - Basis + Hoog_laag - 2026-12-02',
    );
    expect(fileStem('a'.repeat(200))).toHaveLength(MAX_STEM);
    expect(fileStem(`${'woord '.repeat(40)}eind`)).toMatch(/^(woord )+woord…$/);
  });

  it('header and footer texts: at most the section width, cut after a word, "&" doubled', () => {
    const text = 'Ongewijzigd beleid / Beleidsplan KPI’s / Rijksmaatregelen (Hervormingsagenda, Voorjaarsnota 2025)';
    const cut = headerFooterText(text);
    expect(cut).toBe('Ongewijzigd beleid / Beleidsplan KPI’s…');
    expect(headerFooterText('A & B')).toBe('A && B');
    expect(clipAtWord('kort', 10)).toBe('kort');
    expect(clipAtWord('Rijksmaatregelen (Hervormingsagenda, Voorjaarsnota 2025)', 40)).toBe(
      'Rijksmaatregelen (Hervormingsagenda…',
    );
  });
});
