/**
 * Runs LibreOffice Calc headless to open workbooks, recalculate every formula
 * and save them again, so tests can compare what real spreadsheet software
 * computes with the engine. A private profile (per call) keeps parallel runs
 * apart and sets "recalculate on load: always" for xlsx files; otherwise Calc
 * could simply keep the cached values we wrote.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function findSoffice(): string | undefined {
  for (const cmd of ['soffice', 'libreoffice']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not installed under this name
    }
  }
  return undefined;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Opens each workbook in Calc, recalculates, saves as xlsx; returns the new files by name. */
export async function recalcWithLibreOffice(
  soffice: string,
  files: { name: string; data: Buffer }[],
): Promise<Map<string, Buffer>> {
  const dir = await mkdtemp(join(tmpdir(), 'jp-lo-'));
  try {
    const profile = join(dir, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const inDir = join(dir, 'in');
    const outDir = join(dir, 'out');
    await mkdir(inDir);
    await mkdir(outDir);
    for (const f of files) await writeFile(join(inDir, f.name), f.data);
    await convert(
      soffice,
      profile,
      'xlsx:Calc MS Excel 2007 XML',
      outDir,
      files.map((f) => join(inDir, f.name)),
    );
    const out = new Map<string, Buffer>();
    for (const f of files) out.set(f.name, await readFile(join(outDir, f.name)));
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The numeric cell values of a workbook as stored in its XML, by sheet name
 * and address. Read raw because ExcelJS drops a formula result of 0 when
 * loading, and a recalculated 0 (the Taakvelden check row) is exactly what
 * we need to see.
 */
export async function rawNumbers(data: Buffer): Promise<Map<string, Map<string, number>>> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /Id="([^"]+)"/.exec(m[0])?.[1];
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const out = new Map<string, Map<string, number>>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescapeXml(/name="([^"]+)"/.exec(m[0])![1]!);
    const rid = /r:id="([^"]+)"/.exec(m[0])![1]!;
    const xml = await zip.file(`xl/${targets.get(rid)}`)!.async('string');
    const cells = new Map<string, number>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[2] ?? '';
      const body = c[3] ?? '';
      if (/t="(s|str|inlineStr|e|b)"/.test(attrs)) continue;
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      if (v !== undefined) cells.set(c[1]!, Number(v));
    }
    out.set(name, cells);
  }
  return out;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Has poppler's pdftotext (for reading the PDFs LibreOffice prints)? */
export function hasPdftotext(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' });
    return true;
  } catch {
    return false;
  }
}

/** Prints each workbook to PDF with LibreOffice Calc (every sheet, as its page setup says); returns the PDFs by name. */
export async function printWithLibreOffice(
  soffice: string,
  files: { name: string; data: Buffer }[],
  keepIn?: string,
): Promise<Map<string, Buffer>> {
  const dir = await mkdtemp(join(tmpdir(), 'jp-lo-pdf-'));
  try {
    const profile = join(dir, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    const inDir = join(dir, 'in');
    const outDir = keepIn ?? join(dir, 'out');
    await mkdir(inDir);
    await mkdir(outDir, { recursive: true });
    for (const f of files) await writeFile(join(inDir, f.name), f.data);
    await convert(
      soffice,
      profile,
      'pdf',
      outDir,
      files.map((f) => join(inDir, f.name)),
    );
    const out = new Map<string, Buffer>();
    for (const f of files) out.set(f.name, await readFile(join(outDir, f.name.replace(/\.xlsx$/, '.pdf'))));
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedPage {
  /** the sheet name, printed right in the page header (&A) */
  sheet: string;
  /** the page header's line, e.g. "Regio Noord-Limburg Scenario … Samenvatting" */
  header: string;
  /** the page footer's line */
  footer: string;
  /**
   * The height (pt) of the sheet title's words (row 1, Calibri 14 bold, printed on every page as a
   * title row): divided by the same height printed at 100 % (see calibrationWorkbook) it is the print
   * scale LibreOffice chose. (LibreOffice scales the page header and footer too, so they cannot
   * serve as the 100 % reference.)
   */
  titleHeight: number | undefined;
  words: PdfWord[];
  width: number;
  height: number;
}

/** Reads a PDF page by page with `pdftotext -bbox`: each page's sheet, header, footer, scale and words. */
export function readPrintedPages(pdf: Buffer): PrintedPage[] {
  const html = execFileSync('pdftotext', ['-bbox', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 256 << 20 });
  const pages: PrintedPage[] = [];
  for (const p of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words: PdfWord[] = [];
    for (const w of p[3]!.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: unescapeXml(w[5]!),
      });
    }
    const width = Number(p[1]);
    const height = Number(p[2]);
    const top = Math.min(...words.map((w) => w.yMin));
    const bottom = Math.max(...words.map((w) => w.yMax));
    const line = (y: (w: PdfWord) => boolean) =>
      words
        .filter(y)
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text);
    const headerLine = line((w) => Math.abs(w.yMin - top) < 1);
    const sheet = line((w) => Math.abs(w.yMin - top) < 1 && w.xMin > width * 0.7).join(' ');
    const footer = line((w) => Math.abs(w.yMax - bottom) < 1).join(' ');
    // The title: the first line under the page header.
    const body = words.filter((w) => w.yMin > top + 1);
    const titleTop = Math.min(...body.map((w) => w.yMin));
    const title = body.filter((w) => Math.abs(w.yMin - titleTop) < 1);
    const titleHeight = title.length > 0 ? median(title.map((w) => w.yMax - w.yMin)) : undefined;
    pages.push({ sheet, header: headerLine.join(' '), footer, titleHeight, words, width, height });
  }
  return pages;
}

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * A one-sheet workbook printed at exactly 100 %: its title (the bijlage's title style) is the
 * reference height for PrintedPage.titleHeight.
 */
export async function calibrationWorkbook(): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const { titleStyle, applyStyle } = await import('../../../src/main/excel/styles');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kalibratie');
  const c = ws.getCell(1, 1);
  c.value = 'Kalibratie van de titel';
  applyStyle(c, titleStyle);
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', scale: 100, fitToPage: false };
  ws.headerFooter = { oddHeader: '&L&8Kalibratie&R&8&A', oddFooter: '&L&8voet' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One headless LibreOffice run with its own profile: converts `paths` to `format` in `outDir`. */
function convert(soffice: string, profile: string, format: string, outDir: string, paths: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    execFile(
      soffice,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        format,
        '--outdir',
        outDir,
        ...paths,
      ],
      { timeout: 180_000 },
      (err, _stdout, stderr) => (err ? reject(new Error(`LibreOffice faalde: ${err.message}\n${stderr}`)) : resolve()),
    );
  });
}
