/**
 * Issue 13 item 1: in × € 1.000 the workbook adds up on paper. Every sheet of every workbook in the
 * all-gemeenten zip (default model, three shipped scenarios, Monte Carlo and tornado sheets) is
 * recalculated by LibreOffice Calc from poisoned cached values; then each total (a SUM, a chain of
 * + and − over cells, on its own sheet or Samenvatting) must print exactly the sum of the printed
 * cells it adds up. Lines are whole thousands; the "Afrondingsverschil" row gives the difference
 * with the unrounded engine figure.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exportBijlage } from '../../../src/main/excel/exportBijlage';
import { SHEETS, roundHalfAway } from '../../../src/main/excel/kit/context';
import { FMT_THOUSAND, FMT_THOUSAND_VN } from '../../../src/main/excel/styles';
import { simulate } from '../../../src/shared/engine/simulate';
import { defaultModel, shippedScenario } from '../../fixtures';
import { readWorkbook, rowsStartingWith, rowsWithLabel } from './helpers';
import { findSoffice, rawNumbers, recalcWithLibreOffice } from './libreoffice';

const soffice = findSoffice();
const model = defaultModel();
const scenarios = ['ongewijzigd-beleid.json', 'beleidsplan-kpis.json', 'rijksmaatregelen.json'].map((f) =>
  shippedScenario(model, f),
);
const YEAR_COL = 3;
const AMOUNT_FORMATS = new Set([FMT_THOUSAND, FMT_THOUSAND_VN]);

/** A copy whose cached formula results are all wrong: only a real recalculation can restore them. */
async function poisoned(data: Buffer): Promise<Buffer> {
  const wb = await readWorkbook(data);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: -987_654_321 };
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

interface Term {
  sign: 1 | -1;
  sheet: string;
  address: string;
  /** inside a SUM range: an empty or text cell (a group heading) counts as 0, as SUM does */
  inRange?: boolean;
}

/**
 * The cells a total adds up, with their sign: SUM(C7:C20), SUM($C9:E9), C7+C9−C12, 'Per gemeente'!C7.
 * Undefined for a formula that is not a total (ROUND of a check row).
 */
function termsOf(formula: string, own: string): Term[] | undefined {
  const sum = /^SUM\(\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)\)$/.exec(formula);
  if (sum) {
    const [c1, r1, c2, r2] = [colNumber(sum[1]!), Number(sum[2]), colNumber(sum[3]!), Number(sum[4])];
    const out: Term[] = [];
    for (let c = c1; c <= c2; c++)
      for (let r = r1; r <= r2; r++) out.push({ sign: 1, sheet: own, address: `${colLetters(c)}${r}`, inRange: true });
    return out;
  }
  const term = /([+-]?)(?:('(?:[^']|'')+'|[A-Za-z0-9_]+)!)?\$?([A-Z]+)\$?(\d+)/gy;
  const out: Term[] = [];
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = term.exec(formula))) {
    const sheet = m[2] ? m[2].replace(/^'|'$/g, '').replace(/''/g, "'") : own;
    out.push({ sign: m[1] === '-' ? -1 : 1, sheet, address: `${m[3]}${m[4]}` });
    consumed = term.lastIndex;
  }
  return consumed === formula.length && out.length > 0 ? out : undefined;
}

describe.skipIf(!soffice)('× € 1.000: every total is the sum of its printed lines (LibreOffice)', async () => {
  const file = await exportBijlage({
    model,
    scenarios,
    scope: 'all',
    unit: 'thousand',
    appVersion: 'test',
    analysis: { montecarlo: { draws: 200, seed: 3 }, tornado: {} },
    mutaties: { name: 'scenario Ongewijzigd beleid', model, scenario: scenarios[0]! },
  });
  const zip = await JSZip.loadAsync(file.data);
  const names = Object.keys(zip.files).sort();
  const originals = new Map(
    await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('nodebuffer')] as const)),
  );
  const inputs = await Promise.all(
    names.map(async (n, i) => ({ name: `w${i}.xlsx`, data: await poisoned(originals.get(n)!) })),
  );
  const recalculated = soffice ? await recalcWithLibreOffice(soffice, inputs) : new Map<string, Buffer>();

  it('zero totals differ from the sum of their printed lines, on every sheet of every workbook', async () => {
    expect(names).toHaveLength(model.gemeenten.length + 1);
    let totals = 0;
    const sheetsWithTotals = new Set<string>();
    const wrong: string[] = [];
    for (const [i, name] of names.entries()) {
      const wb = await readWorkbook(originals.get(name)!);
      const lo = await rawNumbers(recalculated.get(`w${i}.xlsx`)!);
      const printedAt = (sheet: string, address: string, inRange = false): number => {
        const v = lo.get(sheet)?.get(address);
        if (v === undefined && inRange) return 0;
        if (v === undefined) throw new Error(`${name} ${sheet}!${address}: geen getal na herberekening`);
        return roundHalfAway(v);
      };
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type !== ExcelJS.ValueType.Formula || !AMOUNT_FORMATS.has(cell.numFmt)) return;
            const terms = termsOf(cell.formula, ws.name);
            if (!terms) return;
            totals++;
            sheetsWithTotals.add(ws.name);
            const shown = printedAt(ws.name, cell.address);
            const added = terms.reduce((t, x) => t + x.sign * printedAt(x.sheet, x.address, x.inRange), 0);
            if (shown !== added)
              wrong.push(
                `${name} ${ws.name}!${cell.address} = ${cell.formula}: toont ${shown}, regels tellen op tot ${added}`,
              );
          }),
        ),
      );
    }
    expect(wrong).toEqual([]);
    expect(totals).toBeGreaterThan(1000);
    expect([...sheetsWithTotals].sort()).toEqual(
      [
        SHEETS.aannames, // Totaal Rijksmiddelen (regio), the sum Per gemeente splits
        SHEETS.mutaties,
        SHEETS.onzekerheid,
        SHEETS.perGemeente,
        SHEETS.samenvatting,
        SHEETS.taakvelden,
        SHEETS.vergelijking,
      ].sort(),
    );
  });

  it('every amount line on every sheet is a whole number of thousands', async () => {
    for (const name of names) {
      const values = await rawNumbers(originals.get(name)!);
      const wb = await readWorkbook(originals.get(name)!);
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (!AMOUNT_FORMATS.has(cell.numFmt)) return;
            const v = values.get(ws.name)?.get(cell.address);
            if (v !== undefined) expect(Number.isInteger(v), `${name} ${ws.name}!${cell.address} = ${v}`).toBe(true);
          }),
        ),
      );
    }
  });

  it('the afrondingsverschil row: printed saldo + difference = the engine saldo; once per block on each sheet with totals', async () => {
    const region = names.find((n) => n.includes('Regio'))!;
    const wb = await readWorkbook(recalculated.get(`w${names.indexOf(region)}.xlsx`)!);
    const lo = await rawNumbers(recalculated.get(`w${names.indexOf(region)}.xlsx`)!);
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const saldo = rowsWithLabel(ws, 'Saldo (baten − lasten; negatief = tekort)');
    const diff = rowsStartingWith(ws, 'Afrondingsverschil');
    expect(diff).toEqual(saldo.map((r) => r + 1));
    scenarios.forEach((s, si) => {
      const r = simulate(model, s);
      r.totals.forEach((t, k) => {
        const at = (row: number) => lo.get(ws.name)!.get(ws.getCell(row, YEAR_COL + k).address) ?? 0;
        expect(Math.abs((at(saldo[si]!) + at(diff[si]!)) * 1000 - t.balance)).toBeLessThanOrEqual(1);
        // a rounding difference, never more than half a thousand per line added up
        expect(Math.abs(at(diff[si]!))).toBeLessThanOrEqual(0.5 * (r.lines.length + 5));
      });
    });
    for (const sheet of [SHEETS.perGemeente, SHEETS.taakvelden, SHEETS.onzekerheid]) {
      expect(rowsStartingWith(wb.getWorksheet(sheet)!, 'Afrondingsverschil'), sheet).toHaveLength(scenarios.length);
    }
  });
});
