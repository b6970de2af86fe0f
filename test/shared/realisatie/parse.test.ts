import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, parseCsv, CsvError } from '../../../src/shared/realisatie/csv';
import { normaliseGemeenteCode, parseNumberCell, parsePeriod } from '../../../src/shared/realisatie/values';
import { layoutKey, lookupCode, suggestMapping, defaultCodeTable } from '../../../src/shared/realisatie/mapping';
import { nlModel } from '../../fixtures';

describe('CSV reader', () => {
  it('detects semicolon, comma and tab, and drops a BOM', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n1;2;3\r\n')).toEqual({
      delimiter: ';',
      rows: [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ],
    });
    expect(parseCsv('a,b\n"1,5",2\n')).toEqual({
      delimiter: ',',
      rows: [
        ['a', 'b'],
        ['1,5', '2'],
      ],
    });
    expect(parseCsv('a\tb\n1\t2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const t = parseCsv('"naam";"opmerking"\n"Bergen (L.)";"zegt ""ja""; echt"\n"x";"twee\nregels"\n');
    expect(t.rows).toEqual([
      ['naam', 'opmerking'],
      ['Bergen (L.)', 'zegt "ja"; echt'],
      ['x', 'twee\nregels'],
    ]);
  });

  it('lets a title line without separators not decide the separator', () => {
    expect(detectDelimiter('"Gemeentelijke kosten; jeugdzorg, regio"\nA,B,C\n')).toBe(',');
    expect(detectDelimiter('"Titel, met komma"\n"A";"B"\n')).toBe(';');
  });

  it('refuses a quote that is never closed, naming the row', () => {
    expect(() => parseCsv('a;b\n1;"open\n')).toThrow(CsvError);
    expect(() => parseCsv('a;b\n1;"open\n')).toThrow(/rij 2/);
  });
});

describe('cell values', () => {
  it('reads Dutch numbers, CBS thousands and CBS signs', () => {
    expect(parseNumberCell('1.234,5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumberCell('3.871')).toEqual({ kind: 'number', value: 3871 });
    expect(parseNumberCell('1234.5')).toEqual({ kind: 'number', value: 1234.5 });
    expect(parseNumberCell('€ 12.000')).toEqual({ kind: 'number', value: 12000 });
    expect(parseNumberCell(' 42 ')).toEqual({ kind: 'number', value: 42 });
    expect(parseNumberCell('.')).toEqual({ kind: 'empty' });
    expect(parseNumberCell('')).toEqual({ kind: 'empty' });
    expect(parseNumberCell('-')).toEqual({ kind: 'number', value: 0 });
    expect(parseNumberCell('-12,5')).toEqual({ kind: 'number', value: -12.5 });
    expect(parseNumberCell('veel')).toEqual({ kind: 'invalid', text: 'veel' });
  });

  it('reads CBS period codes and provisional marks', () => {
    expect(parsePeriod('2023JJ00')).toEqual({ year: 2023, provisional: false });
    expect(parsePeriod('2024*')).toEqual({ year: 2024, provisional: true });
    expect(parsePeriod('2022')).toEqual({ year: 2022, provisional: false });
    expect(parsePeriod('2023KW01')).toBeUndefined();
    expect(parsePeriod('23')).toBeUndefined();
  });

  it('normalises CBS gemeente codes (padded with spaces by CBS)', () => {
    expect(normaliseGemeenteCode('GM0983    ')).toBe('GM0983');
    expect(normaliseGemeenteCode('gm1507')).toBe('GM1507');
    expect(normaliseGemeenteCode('0889')).toBe('GM0889');
    expect(normaliseGemeenteCode('Venlo')).toBeUndefined();
  });
});

describe('mapping', () => {
  it('suggests the mapping of a CBS 83454NED table as shown, in thousands', () => {
    const m = suggestMapping([
      'Vormen van jeugdzorg',
      'Perioden',
      "Regio's",
      'Begrote kosten (1 000 euro)',
      'Gerealiseerde kosten (1 000 euro)',
    ]);
    expect(m).toEqual({
      segment: 'Vormen van jeugdzorg',
      jaar: 'Perioden',
      gemeente: "Regio's",
      lasten: 'Gerealiseerde kosten (1 000 euro)',
      lastenUnit: 'thousand',
    });
  });

  it('suggests the mapping of the CBS open-data keys and of an iJw export', () => {
    expect(
      suggestMapping(['ID', 'VormenVanJeugdzorg', 'Perioden', 'RegioS', 'BegroteKosten_1', 'GerealiseerdeKosten_2']),
    ).toEqual({
      segment: 'VormenVanJeugdzorg',
      jaar: 'Perioden',
      gemeente: 'RegioS',
      lasten: 'GerealiseerdeKosten_2',
      lastenUnit: 'thousand',
    });
    expect(
      suggestMapping(['Gemeentecode', 'Jaar', 'Productcategorie', 'Aantal jeugdigen', 'Lasten (euro)', 'Volume']),
    ).toEqual({
      segment: 'Productcategorie',
      jaar: 'Jaar',
      gemeente: 'Gemeentecode',
      lasten: 'Lasten (euro)',
      aantal: 'Aantal jeugdigen',
      volume: 'Volume',
      lastenUnit: 'euro',
    });
  });

  it('keys a layout by its normalised header row', () => {
    expect(layoutKey([' RegioS ', 'Perioden'])).toBe(layoutKey(['regios', 'PERIODEN']));
    expect(layoutKey(['a', 'b'])).not.toBe(layoutKey(['b', 'a']));
  });

  it('looks codes up exactly and by their leading productcategorie code', () => {
    const table = defaultCodeTable(nlModel());
    expect(table['43']).toBe('verblijf-behandeling');
    expect(table['45']).toBeUndefined(); // ambulant spans three segments: the user chooses
    expect(table['JZ Totaal jeugdzorg']).toBeNull();
    expect(lookupCode(table, '43')).toEqual({ found: true, segmentId: 'verblijf-behandeling', key: '43' });
    expect(lookupCode(table, '43 Jeugdhulp verblijf (incl. behandeling)')).toEqual({
      found: true,
      segmentId: 'verblijf-behandeling',
      key: '43',
    });
    expect(lookupCode(table, 'jb 1 totaal jeugdbescherming')).toMatchObject({
      found: true,
      segmentId: 'jeugdbescherming',
    });
    expect(lookupCode(table, '99')).toEqual({ found: false });
  });
});

describe('CSV reader, property-based', () => {
  // any table of cells, written the way spreadsheets quote, reads back exactly (for each separator)
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('1.234,5', '"', '""', ';', ',', '\t', 'a\nb', 'c\r\nd', ' GM0983 ', '2023JJ00', ''),
  );
  const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;
  for (const sep of [';', ',', '\t'] as const) {
    it(`round-trips quoted tables with separator ${JSON.stringify(sep)}`, () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 2, max: 5 })
            .chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
          (rows) => {
            const text = rows.map((r) => r.map(quote).join(sep)).join('\r\n') + '\r\n';
            expect(parseCsv(text, sep).rows).toEqual(rows);
            expect(parseCsv(`\uFEFF${text}`, sep).rows).toEqual(rows);
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it('detects the separator of any quoted table with at least two columns', () => {
    fc.assert(
      fc.property(fc.constantFrom(';', ',', '\t'), fc.array(cell, { minLength: 2, maxLength: 5 }), (sep, header) => {
        const text = header.map(quote).join(sep) + '\n';
        expect(detectDelimiter(text)).toBe(sep);
      }),
      { numRuns: 200 },
    );
  });
});
