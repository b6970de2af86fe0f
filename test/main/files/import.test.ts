import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { storedModel, storedScenario, tempDir } from '../../fixtures';

let service: Service;
let modelId: number;

beforeAll(async () => {
  service = await openService({ dataDir: tempDir(), appVersion: 'test', transport: 'browser', log: silentLogger });
  const m = await service.api.call('models.save', { model: storedModel() });
  if (!m.ok) throw new Error(m.error.message);
  modelId = m.value.id;
});
afterAll(() => service.close());

function counts(): { models: number; scenarios: number; versions: number } {
  const state = service.context.state;
  if (state.status !== 'ready') throw new Error('not ready');
  const n = (table: string) => (state.storage.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { models: n('models'), scenarios: n('scenarios'), versions: n('scenario_versions') };
}

const model = storedModel();
const invalidModels: [string, string, string, string][] = [
  // name, file content, expected path ('' = whole file), expected text in the message
  ['geen JSON', '{ "format": ', '', 'geen geldige JSON'],
  ['leeg bestand', '   ', '', 'is leeg'],
  ['een scenariobestand', JSON.stringify(storedScenario()), '', 'scenariobestand, geen modelbestand'],
  ['verkeerd format', JSON.stringify({ ...model, format: 'jeugdbegroting/model@9' }), 'format', '"jeugdbegroting/model@9"'],
  ['negatieve prijs', JSON.stringify({ ...model, segments: [{ ...model.segments[0], pricePerUnit: -95 }, model.segments[1]] }), 'segments[0].pricePerUnit', '-95 is negatief'],
  ['trajectduur onder 1 maand', JSON.stringify({ ...model, segments: [{ ...model.segments[0], avgDurationMonths: 0.5 }, model.segments[1]] }), 'segments[0].avgDurationMonths', '0.5'],
  ['oud taakveld', JSON.stringify({ ...model, segments: [{ ...model.segments[0], taakveld: '6.72' }, model.segments[1]] }), 'segments[0].taakveld', 'vóór 2023'],
  ['onbekend veld', JSON.stringify({ ...model, kleur: 'blauw' }), '', '"kleur"'],
  ['eindjaar voor basisjaar', JSON.stringify({ ...model, endYear: 2020 }), 'endYear', '2020'],
  ['dubbele segment-id', JSON.stringify({ ...model, segments: [model.segments[0], model.segments[0]] }), 'segments[1].id', '"ambulant"'],
];

const scenario = storedScenario();
const invalidScenarios: [string, string, string, string][] = [
  ['geen JSON', 'niet: json', '', 'geen geldige JSON'],
  ['een modelbestand', JSON.stringify(storedModel()), '', 'modelbestand, geen scenariobestand'],
  ['onbekend segment', JSON.stringify({ ...scenario, assumptions: { bestaatniet: { inflowChangePct: { '2026': 1 } } } }), 'assumptions.bestaatniet', '"bestaatniet"'],
  ['jaar buiten het model', JSON.stringify({ ...scenario, assumptions: { ambulant: { inflowChangePct: { '2035': 1 } } } }), 'assumptions.ambulant.inflowChangePct.2035', '2035'],
  ['percentage als tekst', JSON.stringify({ ...scenario, assumptions: { ambulant: { inflowChangePct: { '2026': '5%' } } } }), 'assumptions.ambulant.inflowChangePct.2026', '"5%"'],
  ['budgetaanname op volumesegment', JSON.stringify({ ...scenario, assumptions: { ambulant: { amountChangePct: { '2026': 1 } } } }), 'assumptions.ambulant.amountChangePct', 'volumesegment'],
  ['substitutie boven 100%', JSON.stringify({ ...scenario, substitutions: [{ from: 'ambulant', to: 'ambulant', sharePct: { '2026': 150 } }] }), 'substitutions[0].sharePct.2026', '150'],
  ['lege naam', JSON.stringify({ ...scenario, name: '' }), 'name', 'mag niet leeg zijn'],
];

describe('import of invalid files: a Dutch message naming the field, and nothing saved', () => {
  it.each(invalidModels)('model: %s', async (_name, content, path, text) => {
    const before = counts();
    const r = await service.api.call('files.importModel', { fileName: 'regio.json', content });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.message).toContain(text);
    if (path) expect(r.error.issues?.map((i) => i.path)).toContain(path);
    expect(counts()).toEqual(before);
  });

  it.each(invalidScenarios)('scenario: %s', async (_name, content, path, text) => {
    const before = counts();
    const r = await service.api.call('files.importScenario', { modelId, fileName: 'plan.json', content });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.message).toContain(text);
    if (path) expect(r.error.issues?.map((i) => i.path)).toContain(path);
    expect(counts()).toEqual(before);
  });

  it('a scenario for a model that does not exist', async () => {
    const before = counts();
    const r = await service.api.call('files.importScenario', { modelId: 9999, content: JSON.stringify(scenario) });
    expect(r.ok || r.error.code).toBe('not_found');
    expect(counts()).toEqual(before);
  });
});

describe('export and import round trip', () => {
  it('a model and a scenario come back identical, with a first version for the scenario', async () => {
    const exportedModel = await service.api.call('files.exportModel', { id: modelId });
    if (!exportedModel.ok) throw new Error(exportedModel.error.message);
    expect(exportedModel.value.fileName).toBe('testregio.model.json');
    const imported = await service.api.call('files.importModel', { fileName: exportedModel.value.fileName, content: exportedModel.value.content });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.model).toEqual(storedModel());

    const saved = await service.api.call('scenarios.save', { modelId, scenario: storedScenario('Raad è 2026', 7) });
    if (!saved.ok) throw new Error(saved.error.message);
    const out = await service.api.call('files.exportScenario', { id: saved.value.id });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.fileName).toBe('raad-e-2026.scenario.json');
    const back = await service.api.call('files.importScenario', { modelId: imported.value.id, fileName: out.value.fileName, content: `\ufeff${out.value.content}` });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.scenario).toEqual(saved.value.scenario);
    expect(back.value.versionCount).toBe(1);
  });
});
