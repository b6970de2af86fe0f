import { afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { tempDir, nlModelRealised, readFixture } from '../../fixtures';
import type { ApiResult } from '../../../src/shared/api';
import { parseCsv } from '../../../src/shared/realisatie/csv';

let services: Service[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const SOURCE = 'Testbestand (verzonnen cijfers)';

async function setup() {
  const s = await openService({ dataDir: tempDir(), appVersion: '9.9.9', transport: 'browser', log: silentLogger });
  services.push(s);
  const record = value(await s.api.call('models.save', { model: nlModelRealised() }));
  return { s, modelId: record.id };
}

describe('realisatie.preview and realisatie.apply', () => {
  it('preview shows the changes with a suggested mapping and saves nothing; apply saves exactly that', async () => {
    const { s, modelId } = await setup();
    const content = readFixture('ijw-productcategorie.csv');
    const before = value(await s.api.call('models.get', { id: modelId }));
    const preview = value(
      await s.api.call('realisatie.preview', { modelId, fileName: 'ijw.csv', content, source: SOURCE }),
    );
    expect(preview.issues).toEqual([]);
    expect(preview.mappingOrigin).toBe('suggested');
    expect(preview.codesOrigin).toBe('default');
    expect(preview.delimiter).toBe(',');
    expect(preview.rowCount).toBe(63);
    // 3 segments × 3 years × (7 gemeenten + region)
    expect(preview.changes).toHaveLength(72);
    // the gemeenten are new; the region's figures (nlModelRealised) are replaced by their sum
    expect(preview.changes.every((c) => c.status === (c.gemeenteId ? 'nieuw' : 'gewijzigd'))).toBe(true);
    expect(preview.segments.map((x) => [x.segmentId, x.status])).toEqual([
      ['dagbehandeling', 'vervangen'],
      ['verblijf-behandeling', 'vervangen'],
      ['crisisbedden', 'vervangen'],
      ['jeugdbescherming', 'behouden'],
      ['jeugdreclassering', 'behouden'],
    ]);
    expect(value(await s.api.call('models.get', { id: modelId }))).toEqual(before);

    const applied = value(
      await s.api.call('realisatie.apply', {
        modelId,
        fileName: 'ijw.csv',
        content,
        source: SOURCE,
        baseRevision: preview.baseRevision,
      }),
    );
    expect(applied.changes).toEqual(preview.changes);
    const saved = value(await s.api.call('models.get', { id: modelId })).model;
    expect(saved.realisatie!.lastYear).toBe(2024);
    expect(saved.realisatie!.gemeenten!.beesel!.segments!.dagbehandeling!['2022']).toEqual({
      clients: 8,
      lasten: 41604,
      volume: 720,
      source: SOURCE,
    });
    expect(applied.record.model).toEqual(saved);

    // the same layout again: the mapping is remembered, the code table stored; nothing changes now
    const again = value(
      await s.api.call('realisatie.preview', { modelId, fileName: 'ijw-2.csv', content, source: SOURCE }),
    );
    expect(again.mappingOrigin).toBe('remembered');
    expect(again.codesOrigin).toBe('stored');
    expect(again.changes.every((c) => c.status === 'gelijk')).toBe(true);
  });

  it('a bad file: apply refuses naming file, row and column, and nothing is saved (model nor settings)', async () => {
    const { s, modelId } = await setup();
    const good = readFixture('ijw-productcategorie.csv');
    const bad = good.replace('GM0983,2023,43', 'GM0983,2023,99');
    const before = value(await s.api.call('models.get', { id: modelId }));
    const r = await s.api.call('realisatie.apply', { modelId, fileName: 'fout.csv', content: bad, source: SOURCE });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    const line = good.split('\n').findIndex((l) => l.startsWith('GM0983,2023,43')) + 1;
    expect(r.error.message).toContain(`fout.csv, rij ${line}, kolom "Productcategorie": onbekende code "99"`);
    expect(r.error.message).toContain('er is niets opgeslagen');
    expect(value(await s.api.call('models.get', { id: modelId }))).toEqual(before);
    const after = value(
      await s.api.call('realisatie.preview', { modelId, fileName: 'ijw.csv', content: good, source: SOURCE }),
    );
    expect(after.mappingOrigin).toBe('suggested');
    expect(after.codesOrigin).toBe('default');
  });

  it('refuses without a source, and when the model changed since the preview', async () => {
    const { s, modelId } = await setup();
    const content = readFixture('ijw-productcategorie.csv');
    const noSource = await s.api.call('realisatie.apply', { modelId, fileName: 'ijw.csv', content });
    expect(noSource.ok).toBe(false);
    if (!noSource.ok) expect(noSource.error.message).toContain('geef de bron van de cijfers');
    const stale = await s.api.call('realisatie.apply', {
      modelId,
      fileName: 'ijw.csv',
      content,
      source: SOURCE,
      baseRevision: '2000-01-01T00:00:00.000Z',
    });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.message).toMatch(/gewijzigd sinds de voorvertoning; er is niets opgeslagen/);
    expect(value(await s.api.call('models.get', { id: modelId })).model.realisatie).toEqual(
      nlModelRealised().realisatie,
    );
  });

  it('the user mapping and code table from the request are used (CBS 83454NED, × € 1.000)', async () => {
    const { s, modelId } = await setup();
    const content = readFixture('cbs-83454NED-onbewerkt.csv');
    const p = value(
      await s.api.call('realisatie.preview', {
        modelId,
        fileName: '83454NED.csv',
        content,
        source: 'CBS StatLine 83454NED (testbestand)',
        mapping: {
          segment: 'VormenVanJeugdzorg',
          jaar: 'Perioden',
          gemeente: 'RegioS',
          lasten: 'BegroteKosten_1',
          lastenUnit: 'euro',
        },
        codes: { 'JB 1 Totaal jeugdbescherming': 'jeugdbescherming', 'JR 1 Totaal jeugdreclassering': null },
      }),
    );
    expect(p.issues).toEqual([]);
    expect(p.mappingOrigin).toBe('request');
    expect(p.codesOrigin).toBe('request');
    // Beesel JB 2022 begroot: 388 (euro, as asked), region = sum of the 7
    const beesel = p.changes.find((c) => c.gemeenteId === 'beesel' && c.year === 2022)!;
    expect(beesel.fields.lasten).toEqual({ new: 388, diff: 388 });
    expect(new Set(p.changes.map((c) => c.segmentId))).toEqual(new Set(['jeugdbescherming']));
  });

  it('an XLSX (first sheet, base64) gives the same preview as the CSV', async () => {
    const { s, modelId } = await setup();
    const csv = readFixture('ijw-productcategorie.csv');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Realisatie');
    parseCsv(csv).rows.forEach((r, i) => {
      // numbers as real numeric cells (as Excel stores them), text as text
      ws.addRow(i === 0 ? r : r.map((c, j) => (j >= 3 ? Number(c.replace(/\./g, '').replace(',', '.')) : c)));
    });
    wb.addWorksheet('Toelichting').addRow(['wordt niet gelezen']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const fromCsv = value(
      await s.api.call('realisatie.preview', { modelId, fileName: 'r.csv', content: csv, source: SOURCE }),
    );
    const fromXlsx = value(
      await s.api.call('realisatie.preview', {
        modelId,
        fileName: 'r.xlsx',
        content,
        encoding: 'base64',
        source: SOURCE,
      }),
    );
    expect(fromXlsx.issues).toEqual([]);
    expect(fromXlsx.format).toBe('xlsx');
    expect(fromXlsx.changes).toEqual(fromCsv.changes);
    expect(fromXlsx.notices[0]).toBe('r.xlsx: alleen het eerste werkblad ("Realisatie") is gelezen.');
  });

  it('XLSX numbers are numbers: 1.234 in a cell is one point two three four, not 1234', async () => {
    const { s, modelId } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.addRow(['Jaar', 'Productcategorie', 'Aantal jeugdigen', 'Lasten', 'Volume']);
    ws.addRow([2022, '41', 3, 1234.5, 1.234]);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = value(
      await s.api.call('realisatie.preview', {
        modelId,
        fileName: 'r.xlsx',
        content,
        encoding: 'base64',
        source: SOURCE,
      }),
    );
    expect(p.issues).toEqual([]);
    expect(p.changes[0]!.fields).toEqual({
      clients: { old: 10, new: 3, diff: -7 },
      lasten: { old: 1000, new: 1234.5, diff: 234.5 },
      volume: { new: 1.234, diff: 1.234 },
    });
  });

  it('a CSV saved by Excel on Windows (Windows-1252, base64) is read', async () => {
    const { s, modelId } = await setup();
    const text = 'Jaar;Productcategorie;Aantal jeugdigen;Lasten;Opmerking\r\n2022;41;50;"123.456,78";café\r\n';
    const bytes = Buffer.from(text, 'latin1');
    const p = value(
      await s.api.call('realisatie.preview', {
        modelId,
        fileName: 'excel.csv',
        content: bytes.toString('base64'),
        encoding: 'base64',
        source: SOURCE,
      }),
    );
    expect(p.issues).toEqual([]);
    expect(p.header).toEqual(['Jaar', 'Productcategorie', 'Aantal jeugdigen', 'Lasten', 'Opmerking']);
    expect(p.changes[0]).toMatchObject({
      segmentId: 'dagbehandeling',
      year: 2022,
      fields: { clients: { new: 50 }, lasten: { new: 123456.78 } },
    });
  });

  it('validates the request itself', async () => {
    const { s, modelId } = await setup();
    const r = await s.handle('realisatie.preview', { modelId, content: 'a;b' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('fileName');
    const missing = await s.api.call('realisatie.preview', { modelId: 999, fileName: 'x.csv', content: 'a;b' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });
});
