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
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          outDir,
          ...files.map((f) => join(inDir, f.name)),
        ],
        { timeout: 180_000 },
        (err, _stdout, stderr) =>
          err ? reject(new Error(`LibreOffice faalde: ${err.message}\n${stderr}`)) : resolve(),
      );
    });
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
