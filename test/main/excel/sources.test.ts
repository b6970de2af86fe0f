/**
 * No user-visible text in a workbook names a source by an internal file name: every cell of every
 * sheet of an exported all-gemeenten zip (default model, the three shipped scenarios, Monte Carlo and
 * tornado sheets), also for an older stored model whose sources still cite the seed file names, and the
 * budget template. The Toelichting lists the cited documents by publisher, title and year.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { exportTemplate } from '../../../src/main/excel/template';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { defaultModel, shippedScenario } from '../../fixtures';
import { readWorkbook, textOf } from './helpers';

const SEED_FILE = /[0-9]{3}_[0-9a-f]{16}\.txt/;
const NOTE = /facts\.md/;
const PLAN_FILE = `${'003'}_${'60f469445e7c1faa'}.txt`;
const NOTE_NAME = ['facts', 'md'].join('.');
const at = new Date('2025-10-01T08:30:00Z');

/** Every cell text (values, formulas' results, headers and footers) of a workbook. */
function texts(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name, ws.headerFooter?.oddFooter ?? '', ws.headerFooter?.oddHeader ?? '');
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => out.push(textOf(c.value))),
    );
  }
  return out;
}

async function zipTexts(data: Buffer): Promise<{ names: string[]; cells: string[]; books: ExcelJS.Workbook[] }> {
  const zip = await JSZip.loadAsync(data);
  const names = Object.keys(zip.files);
  const books = await Promise.all(names.map(async (n) => readWorkbook(await zip.file(n)!.async('nodebuffer'))));
  return { names, cells: books.flatMap(texts), books };
}

/** The default model as an older version stored it: sources citing the seed file and the working note. */
function legacyModel(): Model {
  const m = defaultModel();
  return {
    ...m,
    segments: m.segments.map((s) => ({
      ...s,
      source: `${PLAN_FILE} (Regionaal Beleidsplan Jeugd 2022 en verder), Bijlage 3 (via ${NOTE_NAME})`,
    })),
    gemeenten: m.gemeenten.map((g) => ({ ...g, source: `CBS (via ${NOTE_NAME}), ${PLAN_FILE}` })),
    funding: { ...m.funding, source: `Schatting volgens ${NOTE_NAME}` },
  };
}

function legacyScenario(model: Model): Scenario {
  const s = shippedScenario(model, 'beleidsplan-kpis.json');
  return {
    ...s,
    description: `Zie ${PLAN_FILE}, Bijlage 8 en ${NOTE_NAME}.`,
    assumptions: Object.fromEntries(
      Object.entries(s.assumptions).map(([id, a]) => [
        id,
        { ...a, source: `aanname op basis van ${NOTE_NAME} (VNG-advies)` },
      ]),
    ),
  };
}

describe('no seed file name or working note in any workbook cell', () => {
  it('the shipped model and scenarios, all gemeenten, × € 1.000, with analysis sheets', async () => {
    const model = defaultModel();
    const scenarios = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'].map((f) =>
      shippedScenario(model, f),
    );
    const file = await exportBijlage({
      model,
      scenarios,
      scope: 'all',
      unit: 'thousand',
      appVersion: 'test',
      generatedAt: at,
      analysis: { montecarlo: { draws: 200, seed: 7 }, tornado: {} },
    });
    const { names, cells, books } = await zipTexts(file.data);
    expect(names).toHaveLength(model.gemeenten.length + 1);
    expect(cells.length).toBeGreaterThan(5000);
    expect(cells.filter((t) => SEED_FILE.test(t) || NOTE.test(t))).toEqual([]);
    // the citations are there, by title, table and year
    expect(
      cells.some((t) =>
        t.includes('Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3, tabel Verblijf met behandeling, 2019'),
      ),
    ).toBe(true);
    const toelichting = texts({ worksheets: [books[0]!.getWorksheet(SHEETS.toelichting)!] } as ExcelJS.Workbook);
    expect(toelichting).toContain(
      'Gemeenten regio Noord-Limburg, Regionaal Beleidsplan Jeugd 2022 en verder, regio Noord-Limburg, 2022',
    );
    expect(
      toelichting.some((t) =>
        t.startsWith('Vereniging van Nederlandse Gemeenten (VNG), Indexatie bij inkoop jeugdhulp'),
      ),
    ).toBe(true);
    expect(toelichting.some((t) => t.startsWith('Rijksoverheid, Groeipijn'))).toBe(true);
  });

  it('an older model whose sources still cite file names: rewritten to titles on export', async () => {
    const model = legacyModel();
    const file = await exportBijlage({
      model,
      scenarios: [legacyScenario(model)],
      scope: 'all',
      unit: 'euro',
      appVersion: 'test',
      generatedAt: at,
    });
    const { cells } = await zipTexts(file.data);
    expect(cells.filter((t) => SEED_FILE.test(t) || NOTE.test(t))).toEqual([]);
    expect(cells).toContain(
      'Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3 — schatting — ' +
        model.segments.find((s) => s.estimate && s.note)!.note,
    );
    expect(cells).toContain('Zie Bijlage 8 en publieke bronnen.');
  });

  it('the budget template of an older model', async () => {
    const t = await exportTemplate(legacyModel());
    const cells = texts(await readWorkbook(t.data));
    expect(cells.filter((x) => SEED_FILE.test(x) || NOTE.test(x))).toEqual([]);
    expect(cells).toContain('Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3');
  });
});
