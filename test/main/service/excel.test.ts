import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { openService, type Service } from '../../../src/main/service';
import type { FinishedJob } from '../../../src/main/jobs/runner';
import { silentLogger } from '../../../src/main/log';
import type { ApiRequest, ApiResult } from '../../../src/shared/api';
import { simulate } from '../../../src/shared/engine/simulate';
import { workbookAtSizeGuard } from '../../../bench/inputs';
import { defaultModel, testModel, testScenarios } from '../../fixtures';
import { numberOf, readWorkbook, rowsWithLabel } from '../excel/helpers';

let services: Service[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});

async function open(onFinished?: (job: FinishedJob) => void): Promise<Service> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-excel-'));
  const s = await openService({
    dataDir,
    appVersion: '9.9.9',
    transport: 'browser',
    log: silentLogger,
    now: () => new Date('2025-10-01T08:30:00Z'),
    ...(onFinished ? { jobs: { onFinished } } : {}),
  });
  services.push(s);
  return s;
}

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function withModel(s: Service) {
  const model = testModel();
  const m = value(await s.api.call('models.save', { model }));
  const ids: number[] = [];
  for (const sc of testScenarios(model))
    ids.push(value(await s.api.call('scenarios.save', { modelId: m.id, scenario: sc })).id);
  return { model, modelId: m.id, scenarioIds: ids };
}

describe('service: excel methods', () => {
  it('excel.exportBijlage: region workbook for two stored scenarios, base64 xlsx with the engine saldo', async () => {
    const s = await open();
    const { model, modelId, scenarioIds } = await withModel(s);
    const file = value(
      await s.api.call('excel.exportBijlage', {
        modelId,
        scenarioIds: scenarioIds.slice(0, 2),
        scope: 'region',
        unit: 'euro',
      }),
    );
    expect(file.encoding).toBe('base64');
    expect(file.fileName).toMatch(
      /^Begrotingsbijlage jeugd Noord-Limburg testmodel - Basis \+ =Hervormingsagenda & substitutie - 2025-10-01\.xlsx$/,
    );
    const wb = await readWorkbook(Buffer.from(file.content, 'base64'));
    const saldo = rowsWithLabel(wb.getWorksheet('Samenvatting')!, 'Saldo (baten − lasten; negatief = tekort)')[1]!;
    const r = simulate(model, testScenarios(model)[1]!);
    expect(numberOf(wb.getWorksheet('Samenvatting')!.getCell(saldo, 5).value)).toBeCloseTo(r.totals[2]!.balance, 6);
  });

  it('excel.exportBijlage: begrotingsjaar (default the year after today) and the V/N reference, a scenario or a saved version', async () => {
    const s = await open(); // today is 1 October 2025: the default begrotingsjaar is 2026
    const { model, modelId, scenarioIds } = await withModel(s);
    const sheet = async (request: Omit<ApiRequest<'excel.exportBijlage'>, 'modelId'>) => {
      const file = value(
        await s.api.call('excel.exportBijlage', { modelId, scope: 'region', unit: 'euro', ...request }),
      );
      return (await readWorkbook(Buffer.from(file.content, 'base64'))).getWorksheet('Samenvatting')!;
    };
    const plain = await sheet({ scenarioIds: [scenarioIds[1]!] });
    expect(String(plain.getCell(3, 3 + 4).value)).toBe('begroting'); // 2026
    expect(rowsWithLabel(plain, 'Saldo')).toHaveLength(0);

    // another scenario: the difference of the saldi, scenario − reference
    const vsScenario = await sheet({
      scenarioIds: [scenarioIds[1]!],
      begrotingsjaar: 2027,
      reference: { kind: 'scenario', scenarioId: scenarioIds[0]! },
    });
    expect(String(vsScenario.getCell(3, 3 + 5).value)).toBe('begroting');
    expect(rowsWithLabel(vsScenario, 'Vergelijking met scenario "Basis"')).toHaveLength(1);
    const [own, basis] = [testScenarios(model)[1]!, testScenarios(model)[0]!].map((x) => simulate(model, x));
    const vn = rowsWithLabel(vsScenario, 'Saldo')[0]!;
    expect(numberOf(vsScenario.getCell(vn, 3 + 2).value)).toBeCloseTo(
      own!.totals[2]!.balance - basis!.totals[2]!.balance,
      6,
    );

    // a saved version: its stored result, named with its date and note
    const version = value(
      await s.api.call('versions.create', { scenarioId: scenarioIds[1]!, note: 'vastgestelde begroting' }),
    );
    const vsVersion = await sheet({
      scenarioIds: [scenarioIds[1]!],
      reference: { kind: 'version', versionId: version.id },
    });
    expect(rowsWithLabel(vsVersion, 'Saldo')).toHaveLength(1);
    expect(
      vsVersion
        .getRows(1, vsVersion.rowCount)!
        .some((r) =>
          /^Vergelijking met versie van "=Hervormingsagenda & substitutie" van .* \(vastgestelde begroting\)$/.test(
            String(r.getCell(1).value),
          ),
        ),
    ).toBe(true);
    const same = rowsWithLabel(vsVersion, 'Saldo')[0]!;
    expect(Math.abs(numberOf(vsVersion.getCell(same, 3 + 2).value) ?? 0)).toBeLessThan(1e-6); // the same scenario: 0

    // refused in Dutch: a year outside the model, a reference of another model, an unknown version
    const outside = await s.api.call('excel.exportBijlage', { modelId, scenarioIds, begrotingsjaar: 2035 });
    expect(outside.ok).toBe(false);
    if (!outside.ok) {
      expect(outside.error.code).toBe('validation');
      expect(outside.error.message).toBe(
        'Begrotingsjaar: 2035 ligt niet in de jaren van het model (2022–2028); kies een jaar daarbinnen.',
      );
    }
    const other = value(await s.api.call('models.save', { model: { ...testModel(), name: 'Ander model' } }));
    const foreign = value(
      await s.api.call('scenarios.save', { modelId: other.id, scenario: testScenarios(testModel())[0]! }),
    );
    const wrong = await s.api.call('excel.exportBijlage', {
      modelId,
      scenarioIds,
      reference: { kind: 'scenario', scenarioId: foreign.id },
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('Referentie: scenario "Basis"');
    const missing = await s.api.call('excel.exportBijlage', {
      modelId,
      scenarioIds,
      reference: { kind: 'version', versionId: 999 },
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
  });

  it('excel.exportBijlage: all → zip of 8; unknown gemeente and foreign scenario refused in Dutch', async () => {
    const s = await open();
    const { modelId, scenarioIds } = await withModel(s);
    const all = value(
      await s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'all', unit: 'thousand' }),
    );
    expect(all.mimeType).toBe('application/zip');
    expect(Object.keys((await JSZip.loadAsync(Buffer.from(all.content, 'base64'))).files)).toHaveLength(8);
    const bad = await s.api.call('excel.exportBijlage', { modelId, scenarioIds, scope: 'roermond' });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.error).toMatchObject({ code: 'validation', message: expect.stringContaining('Bereik "roermond"') });
    const other = value(await s.api.call('models.save', { model: { ...testModel(), name: 'Ander model' } }));
    const foreign = await s.api.call('excel.exportBijlage', { modelId: other.id, scenarioIds: [scenarioIds[0]!] });
    expect(!foreign.ok && foreign.error.message).toMatch(/hoort bij een ander model/);
  });

  it('excel.template + excel.importModel: the stored model comes back as a new identical model', async () => {
    const s = await open();
    const { model, modelId } = await withModel(s);
    const template = value(await s.api.call('excel.template', { modelId }));
    expect(template.fileName).toBe('Sjabloon jeugdbudget - Noord-Limburg testmodel.xlsx');
    const imported = value(
      await s.api.call('excel.importModel', { fileName: template.fileName, content: template.content }),
    );
    expect(imported.record.id).not.toBe(modelId);
    expect(imported.record.model).toStrictEqual(model);
    expect(imported.notices).toEqual([]);
  });

  it('excel.importModel: a broken file saves nothing and lists the problems', async () => {
    const s = await open();
    const before = value(await s.api.call('models.list', {})).length;
    const r = await s.api.call('excel.importModel', {
      fileName: 'budget.csv',
      content: Buffer.from('a;b\n1;2').toString('base64'),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('validation');
      expect(r.error.message).toContain('er is niets opgeslagen');
      expect(r.error.issues?.[0]?.message).toMatch(/geen Excel-werkmap/);
    }
    const empty = value(await s.api.call('excel.template', {}));
    const r2 = await s.api.call('excel.importModel', { content: empty.content });
    expect(!r2.ok && r2.error.issues?.map((i) => i.message)).toContain('Model!B2: naam ontbreekt');
    expect(value(await s.api.call('models.list', {})).length).toBe(before);
  });

  it('excel.importModel: a workbook just under 10 MB with a huge sheet is refused in its job, naming the sheet, with a small heap', async () => {
    const finished: FinishedJob[] = [];
    const s = await open((job) => finished.push(job));
    const before = value(await s.api.call('models.list', {})).length;
    const template = value(
      await s.api.call('excel.template', {
        modelId: value(await s.api.call('models.save', { model: defaultModel() })).id,
      }),
    );
    const data = await workbookAtSizeGuard(Buffer.from(template.content, 'base64'));
    const r = await s.api.call('excel.importModel', { fileName: 'alles.xlsx', content: data.toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('validation');
      expect(r.error.issues?.map((i) => i.message)).toEqual([
        expect.stringMatching(
          /^Het bestand "alles\.xlsx": blad "Segmenten" heeft [\d.]+ cellen; een blad van het sjabloon mag er hoogstens 50\.000 hebben\./,
        ),
      ]);
    }
    // the worker finished (no memory or time stop) with a small heap: 66 MB measured; reading the
    // workbook with ExcelJS, as before the content guard, took the process to 424 MB (docs/excel.md)
    const job = finished.find((j) => j.kind === 'excel.importModel');
    expect(job?.outcome).toBe('done');
    expect(job?.workerHeapBytes).toBeLessThan(150 * 1024 * 1024);
    // only the model saved above for its template; the import stored nothing
    expect(value(await s.api.call('models.list', {})).length).toBe(before + 1);
  }, 60_000);
});
