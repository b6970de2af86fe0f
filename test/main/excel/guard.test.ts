import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportTemplate } from '../../../src/main/excel/template';
import { importModelWorkbook, type ImportResult } from '../../../src/main/excel/importModel';
import { areaOf, checkWorkbookBytes, countElements, LIMITS, WorkbookRefused } from '../../../src/main/excel/zipGuard';
import { MAX_TEMPLATE_BYTES } from '../../../src/shared/api';
import type { Model } from '../../../src/shared/formats/model';
import { workbookAtSizeGuard } from '../../../bench/inputs';
import { defaultModel } from '../../fixtures';

// The timing of a refusal at the size guard is measured in the bench (suite excel); here: that it is
// refused by the guard (before ExcelJS), and what the message says.

let model: Model;
let template: Buffer;

beforeAll(async () => {
  model = defaultModel();
  template = (await exportTemplate(model)).data;
});

function messages(r: ImportResult): string[] {
  if (r.ok) throw new Error('import should have failed');
  return r.issues.map((i) => i.message);
}

/** The guard's refusal of these bytes (fails when the guard lets them through). */
function refusal(data: Buffer, fileName?: string): string {
  try {
    checkWorkbookBytes(data, fileName);
  } catch (err) {
    if (err instanceof WorkbookRefused) return err.message;
    throw err;
  }
  throw new Error('the guard let the workbook through');
}

/** The template with one part's XML changed. */
async function edited(part: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const xml = await zip.file(part)!.async('string');
  const changed = change(xml);
  if (changed === xml) throw new Error(`${part}: nothing changed`);
  zip.file(part, changed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('a workbook at the size guard', () => {
  it('just under 10 MB with a huge Segmenten sheet: refused by the guard, naming the sheet and the limit', async () => {
    const data = await workbookAtSizeGuard(template);
    expect(data.length).toBeGreaterThan(0.9 * MAX_TEMPLATE_BYTES);
    expect(data.length).toBeLessThanOrEqual(MAX_TEMPLATE_BYTES);
    // what ExcelJS would have had to build: over 400.000 cells on Segmenten alone
    const message = refusal(data, 'begroting.xlsx');
    const m =
      /^Het bestand "begroting\.xlsx": blad "Segmenten" heeft ([\d.]+) cellen; een blad van het sjabloon mag er hoogstens 50\.000 hebben\. /.exec(
        message,
      );
    expect(m, message).not.toBeNull();
    expect(Number(m![1]!.replace(/\./g, ''))).toBeGreaterThan(400_000);
    expect(message).not.toContain('xl/worksheets');
    expect(message).toMatch(/er is niets ingelezen\.$/);
    // the import answers with the same message and nothing else
    const r = await importModelWorkbook(data, 'begroting.xlsx');
    expect(messages(r)).toEqual([message]);
    expect(r.notices).toEqual([]);
  }, 60_000);

  it('a big sheet that is not part of the template is named and refused', async () => {
    const data = await workbookAtSizeGuard(template, { grow: null, extraSheets: 1, rows: 1000, columns: 12 });
    expect(refusal(data)).toBe(
      'Het bestand: blad "Kladblok 1" hoort niet bij het sjabloon en heeft 12.000 cellen; een extra blad mag er hoogstens 10.000 hebben. Verwijder het blad en importeer het bestand opnieuw; er is niets ingelezen.',
    );
  });

  it('more rows than the template allows are refused before reading, naming the sheet', async () => {
    const data = await workbookAtSizeGuard(template, { grow: 'Gemeenten', extraSheets: 0, rows: 1200, columns: 2 });
    const message = refusal(data);
    const m =
      /^Het bestand: blad "Gemeenten" heeft ([\d.]+) rijen; hoogstens 1\.000 zijn toegestaan \(onder de kopregel\)\. Verwijder overbodige rijen en importeer het bestand opnieuw; er is niets ingelezen\.$/.exec(
        message,
      );
    expect(m, message).not.toBeNull();
    // the 1.200 added rows after the template's own (header, gemeenten, formatted spare rows)
    expect(Number(m![1]!.replace(/\./g, ''))).toBeGreaterThan(1200 + model.gemeenten.length);
    expect(Number(m![1]!.replace(/\./g, ''))).toBeLessThan(1200 + 100);
  });

  it('all sheets together: at most 100.000 cells', async () => {
    let data: Buffer = template;
    for (const grow of ['Segmenten', 'Gebruiksaandelen', 'Kalibratie'])
      data = await workbookAtSizeGuard(data, { grow, extraSheets: 0, rows: 800, columns: 45 });
    expect(refusal(data)).toMatch(
      /^Het bestand heeft tot en met blad "Kalibratie" al [\d.]+ cellen; hoogstens 100\.000 in de hele werkmap is toegestaan\./,
    );
  });

  it('long texts: at most 12 MB of XML in all, the message names the sheet where it went over', async () => {
    let seed = 1;
    const letters = Array.from({ length: 13 * 1024 * 1024 }, () =>
      String.fromCharCode(97 + (((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % 26)),
    ).join('');
    const data = await edited('xl/worksheets/sheet6.xml', (xml) =>
      xml.replace(
        '</sheetData>',
        `<row r="900"><c r="A900" t="inlineStr"><is><t>${letters}</t></is></c></row></sheetData>`,
      ),
    );
    expect(refusal(data)).toMatch(
      /^Het bestand: de bladen, teksten en opmaak zijn tot en met blad "Gebruiksaandelen" uitgepakt al 13,\d MB; hoogstens 12,0 MB is toegestaan/,
    );
  }, 30_000);

  it('a filled template passes the guard and imports; so does one near the limits (1.000 rows × 48 gemeenten)', async () => {
    expect(() => checkWorkbookBytes(template)).not.toThrow();
    const r = await importModelWorkbook(template);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.model).toStrictEqual(model);
    const big = await workbookAtSizeGuard(template, {
      grow: 'Gebruiksaandelen',
      extraSheets: 0,
      rows: 990,
      columns: 48,
    });
    expect(() => checkWorkbookBytes(big)).not.toThrow();
  });
});

describe('ranges that ExcelJS expands cell by cell', () => {
  it('a data validation on a whole column is refused, naming the sheet', async () => {
    const data = await edited('xl/worksheets/sheet3.xml', (xml) =>
      xml.replace(/sqref="C2:C\d+"/, 'sqref="C2:C1048576"'),
    );
    const message = refusal(data, 'sjabloon.xlsx');
    const m =
      /^Het bestand "sjabloon\.xlsx": blad "Segmenten" heeft gegevensvalidatie op ([\d.]+) cellen; hoogstens 100\.000 is toegestaan\. Beperk de validatie tot de rijen die u gebruikt \(niet de hele kolom\) en importeer het bestand opnieuw\.$/.exec(
        message,
      );
    expect(m, message).not.toBeNull();
    // column C from row 2 down, and the template's own validations on the other columns (at most 1.001 rows each)
    expect(Number(m![1]!.replace(/\./g, ''))).toBeGreaterThanOrEqual(1_048_575);
    expect(Number(m![1]!.replace(/\./g, ''))).toBeLessThan(1_048_575 + 20 * 1001);
  });

  it('a merge over a whole sheet is refused, naming the sheet', async () => {
    const data = await edited('xl/worksheets/sheet4.xml', (xml) =>
      xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    );
    expect(refusal(data)).toMatch(
      /^Het bestand: blad "Gemeenten" heeft samengevoegde cellen over 17\.179\.869\.184 cellen; hoogstens 10\.000 is toegestaan\./,
    );
  });

  it('a defined name over a whole sheet is refused; print areas are not counted', async () => {
    const named = await edited('xl/workbook.xml', (xml) =>
      xml.replace(
        '</sheets>',
        '</sheets><definedNames><definedName name="alles">Segmenten!$A$1:$XFD$1048576</definedName></definedNames>',
      ),
    );
    expect(refusal(named)).toMatch(
      /^Het bestand: de gedefinieerde naam "alles" beslaat met de andere namen 17\.179\.869\.184 cellen; hoogstens 100\.000 is toegestaan\./,
    );
    const printArea = await edited('xl/workbook.xml', (xml) =>
      xml.replace(
        '</sheets>',
        `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">'Segmenten'!$A$1:$XFD$1048576</definedName></definedNames>`,
      ),
    );
    expect(() => checkWorkbookBytes(printArea)).not.toThrow();
  });

  it('more than 10.000 cell formats or fonts are refused', async () => {
    const xf = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const data = await edited('xl/styles.xml', (xml) =>
      xml.replace(/<cellXfs count="\d+">/, (m) => `${m}${xf.repeat(LIMITS.cellFormats)}`),
    );
    expect(refusal(data)).toMatch(
      /^Het bestand bevat meer dan 10\.000 celopmaken \(<xf> in xl\/styles\.xml\); hoogstens 10\.000 is toegestaan\./,
    );
    const fonts = await edited('xl/styles.xml', (xml) =>
      xml.replace(
        /<fonts count="\d+"[^>]*>/,
        (m) => `${m}${'<font><sz val="11"/><name val="Arial"/></font>'.repeat(LIMITS.cellFormats + 1)}`,
      ),
    );
    expect(refusal(fonts)).toMatch(/^Het bestand bevat meer dan 10\.000 lettertypen \(<font> in xl\/styles\.xml\)/);
  });
});

describe('the counting itself', () => {
  it('counts start tags with and without attributes or a prefix, not look-alikes', () => {
    const xml = Buffer.from(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c/><c>x</c><x:c r="B1"/></row><cols><col min="1"/></cols><cfRule/></x:c></sheetData>',
    );
    expect(countElements(xml, 'c')).toBe(4);
    expect(countElements(xml, 'row')).toBe(1);
    expect(countElements(xml, 'c', 2)).toBe(2);
  });

  it('measures ranges as ExcelJS expands them', () => {
    expect(areaOf('A1')).toBe(1);
    expect(areaOf('$C$2:$C$218 E4:L9')).toBe(217 + 48);
    expect(areaOf('A1:XFD1048576')).toBe(16384 * 1048576);
    expect(areaOf('A:A')).toBe(0);
    expect(areaOf('1:3 $5:$1048576')).toBe(3 + 1048572);
  });
});
