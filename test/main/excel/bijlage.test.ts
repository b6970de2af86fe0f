import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { exportBijlage, ExportError } from '../../../src/main/excel/exportBijlage';
import { SHEETS } from '../../../src/main/excel/kit/context';
import { FMT_EURO, FMT_EURO_VN, FMT_THOUSAND } from '../../../src/main/excel/styles';
import { simulate } from '../../../src/shared/engine/simulate';
import { estimateSentence, estimateSummary, estimateYears } from '../../../src/shared/formats/estimates';
import { parseModel } from '../../../src/shared/formats/validate';
import { extensionScenario, testModel, testScenarios } from '../../fixtures';
import { numberOf, readWorkbook, rowsStartingWith, rowsWithLabel, textOf } from './helpers';

const model = testModel();
const scenarios = testScenarios(model);
const at = new Date('2025-10-01T08:30:00Z');
const YEAR_COL = 3;

describe('begrotingsbijlage, region, euro', async () => {
  const file = await exportBijlage({
    model,
    scenarios,
    scope: 'region',
    unit: 'euro',
    appVersion: '9.9.9',
    generatedAt: at,
  });
  const wb = await readWorkbook(file.data);
  const results = scenarios.map((s) => simulate(model, s));

  it('has the sheets in reading order and an xlsx name with region, scenarios and date', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEETS.samenvatting,
      SHEETS.perGemeente,
      SHEETS.taakvelden,
      SHEETS.aannames,
      SHEETS.vergelijking,
      SHEETS.toelichting,
    ]);
    expect(file.fileName).toBe(
      'Begrotingsbijlage jeugd Noord-Limburg testmodel - Basis + =Hervormingsagenda & substitutie + Pessimistisch - 2025-10-01.xlsx',
    );
  });

  it('Samenvatting: totals and saldo are formulas whose cached values are the engine numbers', () => {
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const totals = rowsWithLabel(ws, 'Totaal lasten');
    const baten = rowsWithLabel(ws, 'Totaal baten');
    const saldo = rowsWithLabel(ws, 'Saldo (baten − lasten; negatief = tekort)');
    expect(totals).toHaveLength(3);
    expect(saldo).toHaveLength(3);
    results.forEach((r, si) => {
      r.years.forEach((_, k) => {
        const tc = ws.getCell(totals[si]!, YEAR_COL + k);
        const sc = ws.getCell(saldo[si]!, YEAR_COL + k);
        expect(tc.formula).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
        expect(sc.formula).toMatch(/^[A-Z]+\d+-[A-Z]+\d+$/);
        expect(numberOf(tc.value)).toBeCloseTo(r.totals[k]!.cost, 6);
        expect(numberOf(ws.getCell(baten[si]!, YEAR_COL + k).value)).toBeCloseTo(r.totals[k]!.funding, 6);
        expect(numberOf(sc.value)).toBeCloseTo(r.totals[k]!.balance, 6);
        expect(tc.numFmt).toBe(FMT_EURO);
      });
    });
  });

  it('Samenvatting: the SUM range covers exactly the segment lines, which equal the engine per line', () => {
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const totalRow = rowsWithLabel(ws, 'Totaal lasten')[0]!;
    const m = /^SUM\(C(\d+):C(\d+)\)$/.exec(ws.getCell(totalRow, YEAR_COL).formula)!;
    let sum = 0;
    for (let r = Number(m[1]); r <= Number(m[2]); r++) sum += numberOf(ws.getCell(r, YEAR_COL).value) ?? 0;
    expect(sum).toBeCloseTo(results[0]!.totals[0]!.cost, 6);
    const row = rowsWithLabel(ws, 'Verblijf met behandeling')[1]!; // scenario 2
    expect(textOf(ws.getCell(row, 2).value)).toBe('6.73c');
    expect(numberOf(ws.getCell(row, YEAR_COL + 4).value)).toBeCloseTo(results[1]!.lines[2]!.years[4]!.cost, 6);
  });

  it('Samenvatting: baten split in structureel and incidenteel, the one-off cut shown incidenteel', () => {
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    // the baten on their taakveld 0.7; structureel and incidenteel as sections, each with its total
    const inc = rowsWithLabel(ws, 'Eenmalige bijstellingen (scenario)')[1]!;
    expect(textOf(ws.getCell(inc, 2).value)).toBe('0.7');
    expect(inc).toBeGreaterThan(rowsWithLabel(ws, 'Incidentele baten')[1]!);
    expect(inc).toBeLessThan(rowsWithLabel(ws, 'Totaal incidentele baten')[1]!);
    expect(numberOf(ws.getCell(inc, YEAR_COL + 2).value)).toBe(-1_200_000);
    const str = rowsWithLabel(ws, 'Rijksmiddelen: basisbedrag met indexpad')[1]!;
    expect(textOf(ws.getCell(str, 2).value)).toBe('0.7');
    expect(str).toBeGreaterThan(rowsWithLabel(ws, 'Structurele baten')[1]!);
    expect(str).toBeLessThan(rowsWithLabel(ws, 'Totaal structurele baten')[1]!);
    expect(numberOf(ws.getCell(str, YEAR_COL + 2).value)).toBeCloseTo(results[1]!.totals[2]!.fundingBaseline, 6);
  });

  it('is formatted for print: frozen header and label columns, A4 landscape fit to width, header/footer', () => {
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // the region is the model's own name
    expect(ws.headerFooter.oddHeader).toBe(
      '&L&9Noord-Limburg testmodel&C&9Begrotingsbijlage jeugdhulp 2022–2028&R&9&A',
    );
    // footer: date and time in Dutch local time (10:30, not the UTC 08:30), version, scenarios, page of pages;
    // user text: '&' doubled so it is not read as a code, cut after a whole word
    expect(ws.headerFooter.oddFooter).toBe(
      '&L&9Gemaakt 1 okt 2025, 10:30 · Jeugdplanner 9.9.9&C&9Basis / =Hervormingsagenda && substitutie…&R&9pagina &P van &N',
    );
    expect(ws.getCell(4, 1).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBeGreaterThan(30);
  });

  it('Per gemeente: shares used per line, gemeente totals from the engine, sum of saldi = region saldo', () => {
    const ws = wb.getWorksheet(SHEETS.perGemeente)!;
    const r = results[0]!;
    const venlo = r.gemeenten.find((g) => g.id === 'venlo')!;
    const start = rowsWithLabel(ws, 'Gemeente Venlo')[0]!;
    expect(textOf(ws.getCell(start + 2, 1).value)).toBe('Ambulante behandeling');
    expect(numberOf(ws.getCell(start + 2, 2).value)).toBeCloseTo(venlo.costShares['behandeling']!, 12);
    expect(numberOf(ws.getCell(start + 2, YEAR_COL + 1).value)).toBeCloseTo(venlo.lineCosts[1]![1]!, 6);
    const saldoRow = start + r.lines.length + 3;
    expect(textOf(ws.getCell(saldoRow, 1).value)).toBe('Saldo');
    expect(numberOf(ws.getCell(saldoRow, YEAR_COL + 3).value)).toBeCloseTo(venlo.years[3]!.balance, 6);
    expect(numberOf(ws.getCell(saldoRow - 1, 2).value)).toBeCloseTo(venlo.fundingShare, 12);
    const sumRow = rowsWithLabel(ws, 'Som van de saldi der gemeenten (= saldo regio)')[0]!;
    expect(ws.getCell(sumRow, YEAR_COL).formula.split('+')).toHaveLength(7);
    expect(numberOf(ws.getCell(sumRow, YEAR_COL + 6).value)).toBeCloseTo(r.totals[6]!.balance, 6);
  });

  it('Taakvelden: post-2023 codes, unassigned lines apart, total equals Samenvatting and the check row is 0', () => {
    const ws = wb.getWorksheet(SHEETS.taakvelden)!;
    const codes: string[] = [];
    const firstTotal = rowsWithLabel(ws, 'Totaal lasten')[0]!;
    for (let r = 6; r < firstTotal; r++) codes.push(textOf(ws.getCell(r, 2).value));
    expect(codes).toEqual(['6.72a', '6.72b', '6.73c', '6.74c', '6.82a', 'n.t.']);
    const r = results[0]!;
    expect(numberOf(ws.getCell(firstTotal, YEAR_COL + 5).value)).toBeCloseTo(r.totals[5]!.cost, 6);
    expect(ws.getCell(6, YEAR_COL).formula).toMatch(/^Samenvatting!C\d+$/);
    const check = rowsStartingWith(ws, 'Controle:')[0]!;
    expect(ws.getCell(check, YEAR_COL).formula).toMatch(/^ROUND\(C\d+-Samenvatting!C\d+,2\)$/);
  });

  it('Aannames: percentages and the absolute values they give, with sources and estimates marked', () => {
    const ws = wb.getWorksheet(SHEETS.aannames)!;
    const r = results[0]!;
    const priceRow = rowsWithLabel(ws, 'Tarief per uur')[0]!;
    const line = r.lines[0]!;
    if (line.kind !== 'volume') throw new Error('fixture');
    expect(numberOf(ws.getCell(priceRow, YEAR_COL + 2).value)).toBeCloseTo(line.years[2]!.pricePerUnit, 9);
    expect(numberOf(ws.getCell(priceRow - 1, YEAR_COL + 1).value)).toBeCloseTo(0.0643, 12);
    expect(ws.getCell(priceRow - 1, YEAR_COL).value).toBeNull(); // base year: the model's own figure
    const sourceCol = YEAR_COL + r.years.length;
    const beh = rowsStartingWith(ws, 'Ambulante behandeling (behandeling)')[0]!;
    expect(textOf(ws.getCell(beh, sourceCol).value)).toBe('schatting — tarief is gemiddelde van drie aanbieders');
    const subst = rowsStartingWith(ws, 'Van Verblijf met behandeling naar Ambulante behandeling')[0]!;
    expect(numberOf(ws.getCell(subst, YEAR_COL + 4).value)).toBeCloseTo(0.2, 12);
    expect(textOf(ws.getCell(subst, sourceCol).value)).toBe('Bijlage 7');
    const venlo = rowsWithLabel(ws, 'Venlo').at(-1)!;
    expect(numberOf(ws.getCell(venlo, 2).value)).toBe(17700);
    expect(textOf(ws.getCell(venlo, sourceCol).value)).toContain('schatting');
  });

  it('Scenariovergelijking: saldi by reference to Samenvatting, differences marked V/N', () => {
    const ws = wb.getWorksheet(SHEETS.vergelijking)!;
    const sum = wb.getWorksheet(SHEETS.samenvatting)!;
    const saldoRows = rowsWithLabel(sum, 'Saldo (baten − lasten; negatief = tekort)');
    const s2 = rowsStartingWith(ws, '2. =Hervormingsagenda')[0]!;
    expect(ws.getCell(s2, YEAR_COL).formula).toBe(`Samenvatting!C${saldoRows[1]}`);
    const diff = rowsStartingWith(ws, '2. =Hervormingsagenda')[1]!;
    const d = results[1]!.totals[3]!.balance - results[0]!.totals[3]!.balance;
    expect(numberOf(ws.getCell(diff, YEAR_COL + 3).value)).toBeCloseTo(d, 6);
    expect(ws.getCell(diff, YEAR_COL + 3).numFmt).toBe(FMT_EURO_VN);
    expect(d).toBeGreaterThan(0); // voordelig: more funding, less verblijf
  });

  it('Toelichting: region, scenarios, model, date, versions, unit', () => {
    const ws = wb.getWorksheet(SHEETS.toelichting)!;
    const kv = new Map<string, string>();
    ws.eachRow((row) => kv.set(textOf(row.getCell(1).value), textOf(row.getCell(2).value)));
    expect(kv.get('Regio')).toBe('Noord-Limburg testmodel');
    expect(kv.get('Scenario 2')).toBe('=Hervormingsagenda & substitutie');
    expect(kv.get('Model')).toBe('Noord-Limburg testmodel');
    expect(kv.get('Gemaakt op')).toBe('1 oktober 2025 om 10:30');
    expect(kv.get('Versie Jeugdplanner')).toBe('9.9.9');
    expect(kv.get('Eenheid')).toBe('Bedragen in hele euro’s');
  });

  it('Toelichting: what share of the lasten is geschat, per scenario and year, and the lines behind it', () => {
    const ws = wb.getWorksheet(SHEETS.toelichting)!;
    const kv = new Map<string, string>();
    const lines: string[] = [];
    ws.eachRow((row) => {
      kv.set(textOf(row.getCell(1).value), textOf(row.getCell(2).value));
      if (textOf(row.getCell(1).value) === '') lines.push(textOf(row.getCell(2).value));
    });
    expect(kv.has('Wat is geschat?')).toBe(true);
    scenarios.forEach((sc, i) => {
      const year = estimateYears(results[i]!).at(-1)!;
      const sum = estimateSummary(model, results[i]!, year)!;
      expect(sum.estimated).toBeGreaterThan(0);
      expect(kv.get(`Raming ${year} (scenario ${i + 1})`)).toBe(`${estimateSentence(sum)} (${sc.name})`);
    });
    const first = estimateSummary(model, results[0]!, estimateYears(results[0]!).at(-1)!)!;
    for (const l of first.lines.filter((x) => x.estimated > 0))
      expect(lines.some((t) => t.startsWith(`${l.name}: `) && t.includes('geschat in'))).toBe(true);
  });
});

describe('begrotingsbijlage, gemeente scope and thousands', () => {
  it('shows the gemeente share in × € 1.000; only its own block on Per gemeente', async () => {
    const file = await exportBijlage({
      model,
      scenarios: [scenarios[1]!],
      scope: 'venray',
      unit: 'thousand',
      appVersion: '1',
      generatedAt: at,
    });
    expect(file.fileName).toContain('gemeente Venray');
    const wb = await readWorkbook(file.data);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(SHEETS.vergelijking);
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const g = simulate(model, scenarios[1]!).gemeenten.find((x) => x.id === 'venray')!;
    const saldo = rowsWithLabel(ws, 'Saldo (baten − lasten; negatief = tekort)')[0]!;
    // × € 1.000: the saldo is the sum of the printed (rounded) lines; the row below gives the rounding difference
    const rounding = rowsStartingWith(ws, 'Afrondingsverschil saldo (onafgerond − afgedrukt)')[0]!;
    expect(rounding).toBe(saldo + 1);
    g.years.forEach((gy, k) => {
      const printed = numberOf(ws.getCell(saldo, YEAR_COL + k).value)!;
      expect(Number.isInteger(printed)).toBe(true);
      expect(printed + numberOf(ws.getCell(rounding, YEAR_COL + k).value)!).toBeCloseTo(gy.balance / 1000, 5);
    });
    expect(ws.getCell(saldo, YEAR_COL).numFmt).toBe(FMT_THOUSAND);
    expect(textOf(ws.getCell(2, 1).value)).toContain('Bedragen × € 1.000');
    expect(textOf(ws.getCell(1, 1).value)).toBe('Begrotingsbijlage jeugdhulp — Gemeente Venray');
    const inc = rowsWithLabel(ws, 'Eenmalige bijstellingen (scenario)')[0]!;
    expect(numberOf(ws.getCell(inc, YEAR_COL + 3).value)).toBeCloseTo((2_500_000 * g.fundingShare) / 1000, 9);
    const pg = wb.getWorksheet(SHEETS.perGemeente)!;
    expect(rowsStartingWith(pg, 'Gemeente ').filter((r) => r > 4)).toEqual([rowsWithLabel(pg, 'Gemeente Venray')[0]]);
  });

  it('all: a zip with the region and each gemeente', async () => {
    const file = await exportBijlage({
      model,
      scenarios,
      scope: 'all',
      unit: 'euro',
      appVersion: '1',
      generatedAt: at,
    });
    expect(file.mimeType).toBe('application/zip');
    const zip = await JSZip.loadAsync(file.data);
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(8);
    expect(names.filter((n) => n.includes('gemeente Horst aan de Maas'))).toHaveLength(1);
    const wb = await readWorkbook(
      await zip.file(names.find((n) => n.includes('Noord-Limburg testmodel'))!)!.async('nodebuffer'),
    );
    expect(wb.getWorksheet(SHEETS.samenvatting)).toBeDefined();
  });

  it('extension lines: the prevention budget is a cost line and Rijksmaatregelen are funding lines', async () => {
    const sc = extensionScenario(model);
    const r = simulate(model, sc);
    expect(r.lines).toHaveLength(model.segments.length + 1);
    const file = await exportBijlage({
      model,
      scenarios: [sc],
      scope: 'region',
      unit: 'euro',
      appVersion: '1',
      generatedAt: at,
    });
    const wb = await readWorkbook(file.data);
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const total = rowsWithLabel(ws, 'Totaal lasten')[0]!;
    const baten = rowsWithLabel(ws, 'Totaal baten')[0]!;
    r.years.forEach((_, k) => {
      expect(numberOf(ws.getCell(total, YEAR_COL + k).value)).toBeCloseTo(r.totals[k]!.cost, 6);
      expect(numberOf(ws.getCell(baten, YEAR_COL + k).value)).toBeCloseTo(r.totals[k]!.funding, 6);
    });
    expect(rowsStartingWith(ws, 'Rijksmaatregel: ')).toHaveLength(2);
    const tv = wb.getWorksheet(SHEETS.taakvelden)!;
    const tvTotal = rowsWithLabel(tv, 'Totaal lasten')[0]!;
    expect(numberOf(tv.getCell(tvTotal, YEAR_COL + 3).value)).toBeCloseTo(r.totals[3]!.cost, 6);
  });

  it('bekende ontwikkelingen: a lasten change is a named cost line, a baten change a funding line; Aannames lists both with source', async () => {
    const parsed = parseModel({
      ...model,
      knownChanges: [
        {
          id: 'wpb',
          name: 'Woonplaatsbeginsel',
          side: 'lasten',
          kind: 'structureel',
          perGemeente: { venlo: { '2024': 2_970_000, '2025': 2_374_000 } },
          range: { lowPct: -50, highPct: 25 },
          source: 'Gemeente Venlo, Programmabegroting 2024',
        },
        {
          id: 'comp',
          name: 'Compensatie',
          side: 'baten',
          kind: 'incidenteel',
          amount: { '2025': 500_000 },
          source: 'Testbron 2025',
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
    const m = parsed.value;
    const sc = { ...scenarios[0]!, knownChanges: { wpb: true, comp: true } };
    const r = simulate(m, sc);
    const file = await exportBijlage({
      model: m,
      scenarios: [sc],
      scope: 'region',
      unit: 'euro',
      appVersion: '1',
      generatedAt: at,
    });
    const wb = await readWorkbook(file.data);
    const ws = wb.getWorksheet(SHEETS.samenvatting)!;
    const wpb = rowsWithLabel(ws, 'Woonplaatsbeginsel')[0]!;
    const k2025 = r.years.indexOf(2025);
    expect(numberOf(ws.getCell(wpb, YEAR_COL + k2025).value)).toBe(2_374_000);
    expect(numberOf(ws.getCell(wpb, YEAR_COL + k2025 + 1).value)).toBe(2_374_000);
    const comp = rowsStartingWith(ws, 'Bekende ontwikkeling: Compensatie')[0]!;
    expect(numberOf(ws.getCell(comp, YEAR_COL + k2025).value)).toBe(500_000);
    const total = rowsWithLabel(ws, 'Totaal lasten')[0]!;
    const baten = rowsWithLabel(ws, 'Totaal baten')[0]!;
    r.years.forEach((_, k) => {
      expect(numberOf(ws.getCell(total, YEAR_COL + k).value)).toBeCloseTo(r.totals[k]!.cost, 6);
      expect(numberOf(ws.getCell(baten, YEAR_COL + k).value)).toBeCloseTo(r.totals[k]!.funding, 6);
    });
    const aa = wb.getWorksheet(SHEETS.aannames)!;
    const row = rowsStartingWith(aa, 'Bekende ontwikkeling structureel, lasten: Woonplaatsbeginsel')[0]!;
    expect(numberOf(aa.getCell(row, YEAR_COL + k2025).value)).toBe(2_374_000);
    const texts = aa.getRow(row).values as unknown[];
    expect(texts.map((v) => textOf(v as never)).join(' ')).toContain('Gemeente Venlo, Programmabegroting 2024');
    expect(rowsStartingWith(aa, 'Bekende ontwikkeling incidenteel, baten: Compensatie')).toHaveLength(1);
  });

  it('refuses an unknown scope and an empty scenario list in Dutch', async () => {
    await expect(
      exportBijlage({ model, scenarios, scope: 'maastricht', unit: 'euro', appVersion: '1' }),
    ).rejects.toThrow(/Bereik "maastricht" is geen "region", "all" of gemeente van dit model/);
    await expect(
      exportBijlage({ model, scenarios: [], scope: 'region', unit: 'euro', appVersion: '1' }),
    ).rejects.toBeInstanceOf(ExportError);
  });
});

describe('begrotingsbijlage, verdeelsleutel by realised use', () => {
  it('Per gemeente names the years a key used and every fallback, per distinct text', async () => {
    const base = testModel();
    // two lines fall back (no realisatie in the test model); the others keep their keys and get no note
    const m = {
      ...base,
      segments: base.segments.map((s, i) =>
        i === 0
          ? { ...s, split: 'usage-average-3' as const }
          : i === 1
            ? { ...s, split: { solidarityPct: 40, usage: 'previous-year' as const } }
            : s,
      ),
    };
    const sc = testScenarios(m).slice(0, 1);
    const file = await exportBijlage({
      model: m,
      scenarios: sc,
      scope: 'region',
      unit: 'euro',
      appVersion: '9.9.9',
      generatedAt: at,
    });
    const ws = (await readWorkbook(file.data)).getWorksheet(SHEETS.perGemeente)!;
    const rows = rowsStartingWith(ws, 'Verdeelsleutel');
    // the same fallback for both lines: one row naming both
    expect(rows.map((r) => textOf(ws.getCell(r, 1).value))).toEqual([
      `Verdeelsleutel, terugval: geen realisatie in het model: solidariteit (aandeel jeugdigen 0–17): ${m.segments[0]!.name}, ${m.segments[1]!.name}`,
    ]);
  });
});

describe('begrotingsbijlage: beleidsmaatregelen on Aannames', async () => {
  const withPolicy = {
    ...scenarios[0]!,
    policies: [
      {
        id: 'uren',
        name: 'Ambulant: minder uren',
        source: 'Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 8, segment Ambulant, KPI 3',
        realisatiePct: 50,
        realisatieSource: 'De helft van het beoogde effect.',
        ranges: { realisatiePct: { low: 25, high: 75 } },
        effects: { ambulant: { intensityChangePct: { '2024': -10 } } },
        substitutions: [{ from: 'verblijf', to: 'behandeling', sharePct: { '2025': 20 } }],
      },
    ],
  };
  const file = await exportBijlage({
    model,
    scenarios: [withPolicy],
    scope: 'region',
    unit: 'euro',
    appVersion: '9.9.9',
    generatedAt: at,
  });
  const wb = await readWorkbook(file.data);
  const sourceCol = YEAR_COL + 1 + model.endYear - model.baseYear;

  it('lists each measure with its realisatie and range, the intended and the counted % per year, and its line', () => {
    const ws = wb.getWorksheet(SHEETS.aannames)!;
    const head = rowsStartingWith(ws, 'Ambulant: minder uren: realisatie 50% (bandbreedte 25–75%)')[0]!;
    expect(textOf(ws.getCell(head, sourceCol).value)).toBe(
      'Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 8, segment Ambulant, KPI 3',
    );
    const k2024 = 2024 - model.baseYear;
    const intended = rowsWithLabel(ws, 'Ambulante begeleiding, intensiteit: beoogd per jaar')[0]!;
    expect(numberOf(ws.getCell(intended, YEAR_COL + k2024).value)).toBeCloseTo(-0.1, 12);
    const counted = rowsWithLabel(ws, 'Ambulante begeleiding, intensiteit: telt bij 50%')[0]!;
    expect(numberOf(ws.getCell(counted, YEAR_COL + k2024).value)).toBeCloseTo(-0.05, 12);
    const shift = rowsStartingWith(
      ws,
      'Van Verblijf met behandeling naar Ambulante behandeling: deel van de instroom (telt',
    )[0]!;
    expect(numberOf(ws.getCell(shift, YEAR_COL + 2025 - model.baseYear).value)).toBeCloseTo(0.1, 12);
    // the intensity row of the segment shows the value the measure gives
    const r = simulate(model, withPolicy);
    const line = r.lines.find((l) => l.id === 'ambulant')!;
    if (line.kind !== 'volume') throw new Error('fixture');
    const units = rowsStartingWith(ws, 'Intensiteit (')[0]!;
    expect(numberOf(ws.getCell(units, YEAR_COL + k2024).value)).toBeCloseTo(line.years[k2024]!.unitsPerClientMonth, 9);
  });
});
