import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/shared/realisatie/csv';
import { defaultCodeTable, suggestMapping, type ColumnMappingInput } from '../../../src/shared/realisatie/mapping';
import { planImport, type ImportPlan } from '../../../src/shared/realisatie/plan';
import type { Model } from '../../../src/shared/formats/model';
import { NL_GEMEENTEN, nlModel, nlModelRealised, readFixture } from '../../fixtures';

const SOURCE = 'Testbestand (verzonnen cijfers)';

function plan(
  model: Model,
  csv: string,
  fileName = 'test.csv',
  mapping?: ColumnMappingInput,
  codes = defaultCodeTable(model),
): ImportPlan {
  const { rows } = parseCsv(csv);
  const header = rows.find((r) => r.filter((c) => c.trim() !== '').length >= 2)!;
  return planImport({ model, rows, fileName, mapping: mapping ?? suggestMapping(header), codes, source: SOURCE });
}

const IJW_HEADER = 'Gemeentecode;Jaar;Productcategorie;Aantal jeugdigen;Lasten (euro);Volume';
/** A full iJw file for one product and one year, all 7 gemeenten; `edit` changes line i (0 = first data row). */
function ijw(rows: string[][] = NL_GEMEENTEN.map((g) => [g.cbsCode, '2022', '43', '10', '1.000,5', '20'])): string {
  return [IJW_HEADER, ...rows.map((r) => r.join(';'))].join('\n');
}

describe('fixtures in CBS layouts', () => {
  it('83454NED as shown on StatLine: JB and JR per gemeente, × € 1.000, totals ignored, region = sum', () => {
    const p = plan(
      nlModelRealised(),
      readFixture('cbs-83454NED-getoonde-tabel.csv'),
      'cbs-83454NED-getoonde-tabel.csv',
    );
    expect(p.issues).toEqual([]);
    expect(p.headerRow).toBe(2);
    const r = p.model!.realisatie!;
    expect(r.lastYear).toBe(2024);
    // Venlo JB 2023: int(3600 × 1 × 1,05) + 5 = 3785 → € 3.785.000 (invented test figure)
    expect(r.gemeenten!.venlo!.segments!.jeugdbescherming!['2023']!.lasten).toBe(3_785_000);
    expect(r.gemeenten!.venlo!.segments!.jeugdbescherming!['2024']!.note).toBe('voorlopig cijfer (CBS: *)');
    // region = sum of the 7 gemeenten
    const sum = NL_GEMEENTEN.reduce((t, g) => t + r.gemeenten![g.id]!.segments!.jeugdbescherming!['2022']!.lasten, 0);
    expect(r.segments.jeugdbescherming!['2022']!.lasten).toBe(sum);
    // the file gives lasten only: the region's aantal jeugdigen stays, and the source names both
    expect(r.segments.jeugdbescherming!['2022']!.source).toBe(
      `Som van de gemeenten: ${SOURCE}; clients: Testrealisatie (verzonnen cijfers)`,
    );
    // the segments not in the file keep their figures as they were
    expect(r.segments.dagbehandeling).toEqual(nlModelRealised().realisatie!.segments.dagbehandeling);
    expect(p.segmentCodes).toEqual([
      { value: 'JZ Totaal jeugdzorg', count: 21, via: 'tabel', segmentId: null },
      { value: 'JH 1 Totaal jeugdhulp', count: 21, via: 'tabel', segmentId: null },
      { value: 'JB 1 Totaal jeugdbescherming', count: 21, via: 'tabel', segmentId: 'jeugdbescherming' },
      { value: 'JR 1 Totaal jeugdreclassering', count: 21, via: 'tabel', segmentId: 'jeugdreclassering' },
    ]);
    // 2 segments × 3 years × (7 gemeenten + region)
    expect(p.changes).toHaveLength(48);
    expect(p.notices.join('\n')).toMatch(/42 rij\(en\) overgeslagen: hun code staat in de codetabel op "negeren"/);
    expect(p.notices.join('\n')).toMatch(/rij 87: overgeslagen \("Bron: CBS"/);
    expect(p.notices.join('\n')).toMatch(
      /Niet in het bestand, blijven zoals ze waren: Dagbehandeling, Behandeling met verblijf, Crisisbedden\./,
    );
  });

  it('83454NED open-data keys (GM codes padded, 2023JJ00) give the same realisatie as the table as shown', () => {
    const shown = plan(nlModelRealised(), readFixture('cbs-83454NED-getoonde-tabel.csv')).model!.realisatie!;
    const raw = plan(nlModelRealised(), readFixture('cbs-83454NED-onbewerkt.csv'));
    expect(raw.issues).toEqual([]);
    const r = raw.model!.realisatie!;
    for (const g of NL_GEMEENTEN) {
      for (const y of ['2022', '2023', '2024']) {
        expect(r.gemeenten![g.id]!.segments!.jeugdreclassering![y]!.lasten).toBe(
          shown.gemeenten![g.id]!.segments!.jeugdreclassering![y]!.lasten,
        );
      }
    }
  });

  it('an iJw productcategorie export (comma, Dutch decimals): clients, lasten and volume per gemeente and region', () => {
    const p = plan(nlModelRealised(), readFixture('ijw-productcategorie.csv'), 'ijw-productcategorie.csv');
    expect(p.issues).toEqual([]);
    const r = p.model!.realisatie!;
    // first data row: GM0889,2022,41,8,"41.604,00","720,0"
    expect(r.gemeenten!.beesel!.segments!.dagbehandeling!['2022']).toEqual({
      clients: 8,
      lasten: 41604,
      volume: 720,
      source: SOURCE,
    });
    const region = r.segments['verblijf-behandeling']!['2024']!;
    const gem = NL_GEMEENTEN.map((g) => r.gemeenten![g.id]!.segments!['verblijf-behandeling']!['2024']!);
    expect(region.clients).toBe(gem.reduce((t, f) => t + f.clients!, 0));
    expect(region.lasten).toBeCloseTo(
      gem.reduce((t, f) => t + f.lasten, 0),
      2,
    );
    expect(region.volume).toBeCloseTo(
      gem.reduce((t, f) => t + f.volume!, 0),
      6,
    );
  });
});

describe('bad input names file, row and column, and gives no model', () => {
  const cases: [string, string[][], RegExp][] = [
    [
      'unknown gemeente code',
      [['GM9999', '2022', '43', '10', '1.000', '20']],
      /test\.csv, rij 2, kolom "Gemeentecode": "GM9999" is geen gemeente van dit model/,
    ],
    [
      'unknown product code',
      [['GM0983', '2022', '99', '10', '1.000', '20']],
      /test\.csv, rij 2, kolom "Productcategorie": onbekende code "99"/,
    ],
    [
      'negative amount',
      [['GM0983', '2022', '43', '10', '-1.000', '20']],
      /test\.csv, rij 2, kolom "Lasten \(euro\)": -1\.000 is negatief/,
    ],
    [
      'year beyond the horizon',
      [['GM0983', '2031', '43', '10', '1.000', '20']],
      /test\.csv, rij 2, kolom "Jaar": jaar 2031 ligt buiten de horizon van het model \(2022–2028\)/,
    ],
    [
      'text in a number column',
      [['GM0983', '2022', '43', 'tien', '1.000', '20']],
      /test\.csv, rij 2, kolom "Aantal jeugdigen": "tien" is geen getal/,
    ],
    [
      'a quarter instead of a year',
      [['GM0983', '2022KW01', '43', '10', '1.000', '20']],
      /rij 2, kolom "Jaar": "2022KW01" is geen heel jaar/,
    ],
  ];
  for (const [name, rows, message] of cases) {
    it(name, () => {
      const p = plan(nlModel(), ijw(rows));
      expect(p.model).toBeUndefined();
      expect(p.changes).toEqual([]);
      expect(p.issues.map((i) => i.message).join('\n')).toMatch(message);
    });
  }

  it('an unknown code is listed as such for the code-table step', () => {
    const p = plan(
      nlModel(),
      ijw([
        ['GM0983', '2022', '99', '1', '1', '1'],
        ['GM0984', '2022', 'Dagbehandeling', '1', '1', '1'],
      ]),
    );
    expect(p.segmentCodes).toEqual([
      { value: '99', count: 1, via: 'onbekend' },
      { value: 'Dagbehandeling', count: 1, via: 'segment', segmentId: 'dagbehandeling' },
    ]);
  });

  it('duplicate rows name both rows', () => {
    const rows = NL_GEMEENTEN.map((g) => [g.cbsCode, '2022', '43', '10', '1.000', '20']);
    rows.push(['GM0984', '2022', '43 Jeugdhulp verblijf (incl. behandeling)', '1', '5', '1']);
    const p = plan(nlModel(), ijw(rows));
    expect(p.model).toBeUndefined();
    expect(p.issues.map((i) => i.message)).toEqual([
      'test.csv, rij 9, kolom "Productcategorie": dubbele rij: dezelfde gemeente, code en jaar 2022 staan ook in rij 8',
    ]);
  });

  it('collects every problem at once', () => {
    const p = plan(
      nlModel(),
      ijw([
        ['GM0983', '2022', '43', 'x1', '1.000', '20'],
        ['GM0000', '2022', '43', '1', '1.000', '20'],
      ]),
    );
    expect(p.issues.map((i) => i.path)).toEqual([
      'test.csv, rij 2, kolom "Aantal jeugdigen"',
      'test.csv, rij 3, kolom "Gemeentecode"',
    ]);
  });

  it('gemeenten without all of them and no region figure: refused, naming the missing gemeenten', () => {
    const p = plan(nlModel(), ijw([['GM0983', '2022', '43', '10', '1.000', '20']]));
    expect(p.model).toBeUndefined();
    expect(p.issues[0]!.message).toMatch(
      /rij 2, kolom "Gemeentecode": regiocijfer ontbreekt voor Behandeling met verblijf 2022: .*ontbreken: Beesel, Bergen \(L\.\), Gennep, Horst aan de Maas, Peel en Maas, Venray/,
    );
  });

  it('a mapping that names a column not in the file', () => {
    const p = plan(nlModel(), ijw(), 'test.csv', { segment: 'Product', jaar: 'Jaar', lasten: 'Lasten (euro)' });
    expect(p.issues.map((i) => i.message)).toEqual([
      'test.csv: de kolom "Product" (voor segment/productcategorie) staat niet in de kopregel (rij 1)',
    ]);
  });

  it('a realised year left incomplete is refused, naming segment and year (a year missing for a segment in the file)', () => {
    const rows = NL_GEMEENTEN.map((g) => [g.cbsCode, '2023', '43', '10', '1.000', '20']);
    const p = plan(nlModel(), ijw(rows));
    expect(p.model).toBeUndefined();
    expect(p.issues.map((i) => i.message)).toContain(
      'test.csv: Behandeling met verblijf heeft na deze import geen cijfer voor 2022, terwijl de realisatie dan loopt t/m 2023: ' +
        'het segment zou daar als 0 tellen. Neem Behandeling met verblijf 2022 op in het bestand, of lees eerst een bestand met alle segmenten in.',
    );
  });
});

describe('merging with what is there', () => {
  it('replaces the given fields, keeps the others, and shows old → new', () => {
    const first = plan(nlModelRealised(), ijw()).model!;
    expect(first.realisatie!.segments['verblijf-behandeling']!['2022']).toMatchObject({
      clients: 70,
      lasten: 7003.5,
      volume: 140,
    });
    // a second file with only lasten for Venlo: clients and volume stay, region is summed again
    const csv = ['Gemeentecode;Jaar;Productcategorie;Lasten (euro)', 'GM0983;2022;43;2.000,5'].join('\n');
    const p = plan(first, csv);
    expect(p.issues).toEqual([]);
    const venlo = p.model!.realisatie!.gemeenten!.venlo!.segments!['verblijf-behandeling']!['2022']!;
    expect(venlo).toEqual({ clients: 10, lasten: 2000.5, volume: 20, source: SOURCE });
    expect(p.model!.realisatie!.segments['verblijf-behandeling']!['2022']!.lasten).toBe(8003.5);
    const change = p.changes.find((c) => c.gemeenteId === 'venlo')!;
    expect(change).toMatchObject({
      status: 'gewijzigd',
      derived: false,
      rows: [2],
      fields: { lasten: { old: 1000.5, new: 2000.5, diff: 1000 } },
    });
    const region = p.changes.find((c) => c.gemeenteId === undefined)!;
    expect(region).toMatchObject({ derived: true, fields: { lasten: { old: 7003.5, new: 8003.5, diff: 1000 } } });
  });

  it('region rows (no gemeente column) set the region figure directly', () => {
    const csv = ['Jaar;Productcategorie;Aantal jeugdigen;Lasten', '2022;41;50;"123.456,78"', '2022;46;5;1000'].join(
      '\n',
    );
    const p = plan(nlModelRealised(), csv);
    expect(p.issues).toEqual([]);
    expect(p.model!.realisatie!.segments.dagbehandeling!['2022']).toEqual({
      clients: 50,
      lasten: 123456.78,
      source: SOURCE,
    });
    expect(p.changes.map((c) => [c.segmentId, c.status])).toEqual([
      ['crisisbedden', 'gewijzigd'],
      ['dagbehandeling', 'gewijzigd'],
    ]);
  });

  it('trajecten begonnen and beëindigd are read when the file has them', () => {
    const csv = [
      'Jaar;Productcategorie;Aantal jeugdigen;Lasten;Trajecten begonnen;Trajecten beëindigd',
      '2022;41;50;1000;12;9',
    ].join('\n');
    const p = plan(nlModelRealised(), csv);
    expect(p.issues).toEqual([]);
    expect(p.model!.realisatie!.segments.dagbehandeling!['2022']).toEqual({
      clients: 50,
      lasten: 1000,
      started: 12,
      ended: 9,
      source: SOURCE,
    });
  });

  it('two codes mapped to one segment are added up', () => {
    const csv = ['Jaar;Productcategorie;Aantal jeugdigen;Lasten', '2022;43;5;100', '2022;44;3;50'].join('\n');
    const model = nlModelRealised();
    const p = plan(model, csv, 'test.csv', undefined, { ...defaultCodeTable(model), '44': 'verblijf-behandeling' });
    expect(p.issues).toEqual([]);
    expect(p.model!.realisatie!.segments['verblijf-behandeling']!['2022']).toMatchObject({ clients: 8, lasten: 150 });
    expect(p.changes[0]!.rows).toEqual([2, 3]);
  });
});

describe('a partial file (only some segments)', () => {
  const JB_JR = (years: string[]) =>
    [
      'Jaar;Productcategorie;Lasten',
      ...years.flatMap((y) => [`${y};jeugdbescherming;5.100.000`, `${y};jeugdreclassering;810.000`]),
    ].join('\n');

  it('keeps the segments not in the file, and the preview says which are kept and which replaced', () => {
    const p = plan(nlModelRealised(), JB_JR(['2023', '2024']));
    expect(p.issues).toEqual([]);
    const r = p.model!.realisatie!;
    expect(r.segments.jeugdbescherming!['2024']!.lasten).toBe(5_100_000);
    expect(r.segments.jeugdbescherming!['2022']!.lasten).toBe(1000); // not in the file: as it was
    for (const id of ['dagbehandeling', 'verblijf-behandeling', 'crisisbedden'])
      expect(r.segments[id]).toEqual(nlModelRealised().realisatie!.segments[id]);
    expect(p.segments.map((x) => [x.segmentId, x.status, x.years])).toEqual([
      ['dagbehandeling', 'behouden', [2022, 2023, 2024]],
      ['verblijf-behandeling', 'behouden', [2022, 2023, 2024]],
      ['crisisbedden', 'behouden', [2022, 2023, 2024]],
      ['jeugdbescherming', 'vervangen', [2023, 2024]],
      ['jeugdreclassering', 'vervangen', [2023, 2024]],
    ]);
    expect(p.notices).toContain(
      'Niet in het bestand, blijven zoals ze waren: Dagbehandeling, Behandeling met verblijf, Crisisbedden.',
    );
  });

  it('a new realised year for only some segments is refused, naming each segment and the year', () => {
    const p = plan(nlModelRealised(), JB_JR(['2025']));
    expect(p.model).toBeUndefined();
    expect(p.changes).toEqual([]);
    const messages = p.issues.map((i) => i.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toBe(
      'test.csv: Dagbehandeling heeft na deze import geen cijfer voor 2025, terwijl de realisatie dan loopt t/m 2025: ' +
        'het segment zou daar als 0 tellen. Neem Dagbehandeling 2025 op in het bestand, of lees eerst een bestand met alle segmenten in.',
    );
    expect(messages[1]).toMatch(/^test\.csv: Behandeling met verblijf heeft na deze import geen cijfer voor 2025/);
    expect(messages[2]).toMatch(/^test\.csv: Crisisbedden heeft na deze import geen cijfer voor 2025/);
    // the preview still says what would have been kept and replaced
    expect(p.segments.find((x) => x.segmentId === 'jeugdbescherming')).toMatchObject({
      status: 'vervangen',
      years: [2025],
    });
  });

  it('a first import that covers only some segments is refused: jeugdhulp would count as 0', () => {
    const p = plan(nlModel(), JB_JR(['2022', '2023']));
    expect(p.model).toBeUndefined();
    expect(p.issues.map((i) => i.message)).toEqual(
      ['Dagbehandeling', 'Behandeling met verblijf', 'Crisisbedden'].map(
        (name) =>
          `test.csv: ${name} heeft na deze import geen cijfer voor 2022 en 2023, terwijl de realisatie dan loopt t/m 2023: ` +
          `het segment zou daar als 0 tellen. Neem ${name} 2022 en 2023 op in het bestand, of lees eerst een bestand met alle segmenten in.`,
      ),
    );
    expect(p.segments.filter((x) => x.status === 'geen').map((x) => x.segmentId)).toEqual([
      'dagbehandeling',
      'verblijf-behandeling',
      'crisisbedden',
    ]);
  });

  it('a segment the model already treats as new (no realisatie) may stay so while R does not move', () => {
    const m = nlModelRealised();
    delete m.realisatie!.segments.crisisbedden;
    const p = plan(m, JB_JR(['2024']));
    expect(p.issues).toEqual([]);
    expect(p.segments.find((x) => x.segmentId === 'crisisbedden')).toEqual({
      segmentId: 'crisisbedden',
      segmentName: 'Crisisbedden',
      status: 'geen',
      years: [],
    });
    // but a file that moves R to 2025 must cover it as well
    const later = plan(m, JB_JR(['2025']));
    expect(later.issues.map((i) => i.message).join('\n')).toMatch(
      /Crisisbedden heeft na deze import geen cijfer voor 2022, 2023, 2024 en 2025/,
    );
  });
});

describe('many problems', () => {
  it('a file with every gemeente of the country lists the first 200 problems and counts the rest', () => {
    const rows = Array.from({ length: 350 }, (_, i) => [
      `GM${String(3000 + i).padStart(4, '0')}`,
      '2022',
      '43',
      '1',
      '1',
      '1',
    ]);
    const p = plan(nlModel(), ijw(rows));
    expect(p.issues).toHaveLength(201);
    expect(p.issues[200]!.message).toBe(
      'test.csv: en nog 150 problemen; los eerst de bovenstaande op (filter een CBS-export bijvoorbeeld op de gemeenten van de regio)',
    );
  });
});
