/**
 * The begrotingsbijlage printed by LibreOffice Calc (headless, to PDF) and read back with
 * pdftotext: every sheet at ≥ 70 % of its size (measured on the sheet's title, Calibri 14, against
 * the same title printed at 100 %), a new page for every scenario block and every gemeente, the
 * title rows on every page, the footer with local date and time, version and "pagina X van N", and
 * no two words printed over each other (overlapping lines, labels running into the next column).
 *
 * Calc needs Carlito (Calibri's metrics) for a faithful layout: with another font the columns and
 * the scale are not what Excel prints, so the test is skipped then, loudly, as without soffice.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { defaultModel, shippedScenario } from '../../fixtures';
import {
  calibrationWorkbook,
  findSoffice,
  hasPdftotext,
  printWithLibreOffice,
  readPrintedPages,
  type PdfWord,
  type PrintedPage,
} from './libreoffice';

function hasCarlito(): boolean {
  try {
    return /carlito/i.test(execFileSync('fc-match', ['Calibri'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

const soffice = findSoffice();
const missing = [
  soffice ? undefined : 'LibreOffice (soffice): apt-get install libreoffice-calc-nogui',
  hasPdftotext() ? undefined : 'pdftotext: apt-get install poppler-utils',
  hasCarlito() ? undefined : 'the Carlito font (Calibri metrics): apt-get install fonts-crosextra-carlito',
].filter((m): m is string => m !== undefined);
if (missing.length > 0) {
  console.warn(
    `SKIPPED: the begrotingsbijlage was NOT printed to PDF, so its page scale and page breaks were NOT checked. Missing: ${missing.join('; ')} (.ci/run installs them).`,
  );
}

const MIN_SCALE = 0.7;
const model = defaultModel();
const one = [shippedScenario(model, 'beleidsplan-kpis.json')];
const three = [
  shippedScenario(model, 'ongewijzigd-beleid.json'),
  shippedScenario(model, 'beleidsplan-kpis.json'),
  shippedScenario(model, 'rijksmaatregelen.json'),
];
const at = new Date('2026-12-02T12:36:00Z'); // 13:36 in Amsterdam

/** The lines of a page (words within half a point of height), top to bottom, as text. */
function lines(words: readonly PdfWord[]): { y: number; text: string }[] {
  const byLine = new Map<number, PdfWord[]>();
  for (const w of words) {
    const key = [...byLine.keys()].find((y) => Math.abs(y - w.yMin) < 1.5) ?? w.yMin;
    byLine.set(key, [...(byLine.get(key) ?? []), w]);
  }
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([y, ws]) => ({
      y,
      text: ws
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text)
        .join(' '),
    }));
}

/** The first line under the repeated title rows (title, subtitle, column header): what the page starts with. */
function firstBodyLine(page: PrintedPage): string {
  const ls = lines(page.words).slice(1); // without the page header
  const header = ls.findIndex((l) => /^(Omschrijving|Gemeente \/ regel|Aanname|Taakveld Code)\b/.test(l.text));
  return ls[header + 1]?.text ?? '';
}

/** Pairs of words printed over each other (more than a sliver), e.g. "Samenvatting×Lasten". */
function overlaps(words: readonly PdfWord[]): string[] {
  const out: string[] = [];
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.yMin < a.yMax; j++) {
      const b = sorted[j]!;
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const smaller = Math.min((a.xMax - a.xMin) * (a.yMax - a.yMin), (b.xMax - b.xMin) * (b.yMax - b.yMin));
      // Wrapped lines touch (a font's box is taller than Calc's line spacing): printed over each
      // other means at least half the height of the smaller word.
      const lower = Math.min(a.yMax - a.yMin, b.yMax - b.yMin);
      if (w > 0.5 && h > 0.5 * lower && w * h > 0.15 * smaller) out.push(`${a.text}×${b.text}`);
    }
  }
  return out;
}

describe.skipIf(missing.length > 0)('the begrotingsbijlage printed to PDF by LibreOffice', async () => {
  // One scenario with the analysis sheets (Onzekerheid, Gevoeligheid) too.
  const region1 = await exportBijlage({
    model,
    scenarios: one,
    scope: 'region',
    unit: 'thousand',
    appVersion: '3.1.0',
    generatedAt: at,
    analysis: { montecarlo: { draws: 200, seed: 1 }, tornado: {} },
  });
  const region3 = await exportBijlage({
    model,
    scenarios: three,
    scope: 'region',
    unit: 'euro',
    appVersion: '3.1.0',
    generatedAt: at,
  });
  const all = await exportBijlage({
    model,
    scenarios: three,
    scope: 'all',
    unit: 'thousand',
    appVersion: '3.1.0',
    generatedAt: at,
  });
  const zip = await JSZip.loadAsync(all.data);
  const venloName = Object.keys(zip.files).find((n) => n.includes('gemeente Venlo'))!;
  const venlo = await zip.file(venloName)!.async('nodebuffer');
  const pdfs = soffice
    ? await printWithLibreOffice(soffice, [
        { name: 'kalibratie.xlsx', data: await calibrationWorkbook() },
        { name: 'regio-1.xlsx', data: region1.data },
        { name: 'regio-3.xlsx', data: region3.data },
        { name: 'venlo-3.xlsx', data: venlo },
      ])
    : new Map<string, Buffer>();
  const reference = soffice ? readPrintedPages(pdfs.get('kalibratie.xlsx')!)[0]!.titleHeight! : 1;
  const printed = new Map(
    [...pdfs].filter(([n]) => n !== 'kalibratie.xlsx').map(([n, pdf]) => [n, readPrintedPages(pdf)]),
  );
  const bySheet = (name: string) => {
    const out = new Map<string, PrintedPage[]>();
    for (const p of printed.get(name)!) out.set(p.sheet, [...(out.get(p.sheet) ?? []), p]);
    return out;
  };
  const scale = (p: PrintedPage) => p.titleHeight! / reference;

  it('prints every sheet, in order, each at ≥ 70 % (A4 landscape; Toelichting portrait)', () => {
    const report: string[] = [];
    for (const [name, pages] of printed) {
      const sheets = bySheet(name);
      expect([...sheets.keys()], name).toEqual(
        name === 'regio-1.xlsx'
          ? [
              SHEETS.samenvatting,
              SHEETS.perGemeente,
              SHEETS.taakvelden,
              SHEETS.aannames,
              SHEETS.onzekerheid,
              SHEETS.gevoeligheid,
              SHEETS.toelichting,
            ]
          : [
              SHEETS.samenvatting,
              SHEETS.perGemeente,
              SHEETS.taakvelden,
              SHEETS.aannames,
              SHEETS.vergelijking,
              SHEETS.toelichting,
            ],
      );
      for (const [sheet, ps] of sheets) {
        const scales = ps.map(scale);
        for (const [i, s] of scales.entries())
          expect(s, `${name} ${sheet} page ${i + 1}`).toBeGreaterThanOrEqual(MIN_SCALE);
        for (const p of ps) {
          const landscape = p.width > p.height;
          expect(landscape, `${name} ${sheet}`).toBe(sheet !== SHEETS.toelichting);
          expect(Math.round(Math.max(p.width, p.height)), 'A4').toBe(842);
        }
        report.push(`${name} ${sheet}: ${ps.length} p., ${Math.round(Math.min(...scales) * 100)}%`);
      }
      expect(pages.length).toBeGreaterThan(5);
    }
    console.log(`Printed by LibreOffice (pages, smallest scale):\n  ${report.join('\n  ')}`);
  });

  it('each scenario block starts a page; Per gemeente: each gemeente on its own page', () => {
    for (const [name, blocks] of [
      ['regio-1.xlsx', 1],
      ['regio-3.xlsx', 3],
      ['venlo-3.xlsx', 3],
    ] as const) {
      const sheets = bySheet(name);
      for (const sheet of [SHEETS.samenvatting, SHEETS.perGemeente, SHEETS.taakvelden, SHEETS.aannames]) {
        const pages = sheets.get(sheet)!;
        const starts = pages.map(firstBodyLine);
        const titles = starts.filter((l) => /^Scenario( \d)?:/.test(l));
        expect(titles, `${name} ${sheet}: ${starts.join(' | ')}`).toHaveLength(blocks);
        // Taakvelden: one page per scenario (with the default model's 17 segments); Samenvatting: the lasten on
        // one page, the baten, saldo and band on the next (the block is longer than a page), never cut elsewhere
        if (sheet === SHEETS.taakvelden) expect(pages, `${name} ${sheet}`).toHaveLength(blocks);
        else if (sheet === SHEETS.samenvatting) {
          expect(pages.length, `${name} ${sheet}`).toBeLessThanOrEqual(2 * blocks);
          for (const l of starts)
            expect(l, `${name} ${sheet}`).toMatch(/^(Scenario( \d)?:|Baten: Rijksmiddelen jeugd)/);
        } else expect(pages.length, `${name} ${sheet}`).toBeGreaterThanOrEqual(blocks);
      }
      // Per gemeente: every gemeente starts a page in the region's workbook (with per-year keys from the realisatie a
      // gemeente may run onto a second page, and the control block follows); a page per scenario in a gemeente's.
      const pg = sheets.get(SHEETS.perGemeente)!;
      const gemeenten = name === 'venlo-3.xlsx' ? 1 : model.gemeenten.length;
      expect(pg.length, name).toBeGreaterThanOrEqual(blocks * gemeenten);
      if (name !== 'venlo-3.xlsx') {
        const gemeenteStarts = pg.map(firstBodyLine).filter((l) => /^Gemeente /.test(l));
        expect(gemeenteStarts, name).toHaveLength(blocks * (gemeenten - 1));
      }
    }
  });

  it('the title rows on every page; header with the region or gemeente; footer with local time, version, pagina X van N', () => {
    for (const [name, pages] of printed) {
      pages.forEach((p, i) => {
        const where = `${name} page ${i + 1} (${p.sheet})`;
        expect(p.header, where).toMatch(name === 'venlo-3.xlsx' ? /^Gemeente Venlo / : /^Regio Noord-Limburg /);
        expect(p.footer, where).toMatch(/^Gemaakt 2 dec 2026, 13:36 · Jeugdplanner 3\.1\.0 /);
        expect(p.footer, where).toMatch(new RegExp(`pagina ${i + 1} van ${pages.length}$`));
        expect(p.footer, where).toContain(name === 'regio-1.xlsx' ? 'Beleidsplan KPI' : 'Ongewijzigd beleid');
        const title = lines(p.words)[1]!.text;
        expect(title, where).toMatch(/— (Regio Noord-Limburg|Gemeente Venlo)/);
      });
    }
  });

  it('no two words printed over each other (no overlapping lines, no label running into a number)', () => {
    for (const [name, pages] of printed) {
      pages.forEach((p, i) => expect(overlaps(p.words), `${name} page ${i + 1} (${p.sheet})`).toEqual([]));
    }
  });
});
