import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { REPO_ROOT, storedModel, storedScenario, tempDir } from '../../fixtures';

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
  const n = (table: string) =>
    (state.storage.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { models: n('models'), scenarios: n('scenarios'), versions: n('scenario_versions') };
}

const model = storedModel();
const invalidModels: [string, string, string, string][] = [
  // name, file content, expected path ('' = whole file), expected text in the message
  ['geen JSON', '{ "format": ', '', 'geen geldige JSON'],
  ['leeg bestand', '   ', '', 'is leeg'],
  ['een scenariobestand', JSON.stringify(storedScenario()), '', 'scenariobestand, geen modelbestand'],
  [
    'verkeerd format',
    JSON.stringify({ ...model, format: 'jeugdbegroting/model@9' }),
    'format',
    '"jeugdbegroting/model@9"',
  ],
  [
    'negatieve prijs',
    JSON.stringify({ ...model, segments: [{ ...model.segments[0], pricePerUnit: -95 }, model.segments[1]] }),
    'segments[0].pricePerUnit',
    '-95 is negatief',
  ],
  [
    'trajectduur onder 1 maand',
    JSON.stringify({ ...model, segments: [{ ...model.segments[0], avgDurationMonths: 0.5 }, model.segments[1]] }),
    'segments[0].avgDurationMonths',
    '0.5',
  ],
  [
    'oud taakveld',
    JSON.stringify({ ...model, segments: [{ ...model.segments[0], taakveld: '6.72' }, model.segments[1]] }),
    'segments[0].taakveld',
    'vóór 2023',
  ],
  ['onbekend veld', JSON.stringify({ ...model, kleur: 'blauw' }), '', '"kleur"'],
  ['eindjaar voor basisjaar', JSON.stringify({ ...model, endYear: 2020 }), 'endYear', '2020'],
  [
    'dubbele segment-id',
    JSON.stringify({ ...model, segments: [model.segments[0], model.segments[0]] }),
    'segments[1].id',
    '"ambulant"',
  ],
];

const scenario = storedScenario();
const invalidScenarios: [string, string, string, string][] = [
  ['geen JSON', 'niet: json', '', 'geen geldige JSON'],
  ['een modelbestand', JSON.stringify(storedModel()), '', 'modelbestand, geen scenariobestand'],
  [
    'onbekend segment',
    JSON.stringify({ ...scenario, assumptions: { bestaatniet: { inflowChangePct: { '2026': 1 } } } }),
    'assumptions.bestaatniet',
    '"bestaatniet"',
  ],
  [
    'jaar buiten het model',
    JSON.stringify({ ...scenario, assumptions: { ambulant: { inflowChangePct: { '2035': 1 } } } }),
    'assumptions.ambulant.inflowChangePct.2035',
    '2035',
  ],
  [
    'percentage als tekst',
    JSON.stringify({ ...scenario, assumptions: { ambulant: { inflowChangePct: { '2026': '5%' } } } }),
    'assumptions.ambulant.inflowChangePct.2026',
    '"5%"',
  ],
  [
    'budgetaanname op volumesegment',
    JSON.stringify({ ...scenario, assumptions: { ambulant: { amountChangePct: { '2026': 1 } } } }),
    'assumptions.ambulant.amountChangePct',
    'volumesegment',
  ],
  [
    'substitutie boven 100%',
    JSON.stringify({ ...scenario, substitutions: [{ from: 'ambulant', to: 'ambulant', sharePct: { '2026': 150 } }] }),
    'substitutions[0].sharePct.2026',
    '150',
  ],
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
    const imported = await service.api.call('files.importModel', {
      fileName: exportedModel.value.fileName,
      content: exportedModel.value.content,
    });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.model).toEqual(storedModel());

    const saved = await service.api.call('scenarios.save', { modelId, scenario: storedScenario('Raad è 2026', 7) });
    if (!saved.ok) throw new Error(saved.error.message);
    const out = await service.api.call('files.exportScenario', { id: saved.value.id });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.fileName).toBe('raad-e-2026.scenario.json');
    const back = await service.api.call('files.importScenario', {
      modelId: imported.value.id,
      fileName: out.value.fileName,
      content: `\ufeff${out.value.content}`,
    });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.scenario).toEqual(saved.value.scenario);
    expect(back.value.versionCount).toBe(1);
  });
});

describe('model@1 keeps loading (issue 10): migrated to model@2 on read', () => {
  const v1Text = readFileSync(`${REPO_ROOT}/test/fixtures/model-v1/noord-limburg.json`, 'utf8');
  const v1 = JSON.parse(v1Text) as Record<string, unknown>;

  it('imports the real model@1 file (the default model before model@2) as model@2, nothing else changed', async () => {
    expect(v1.format).toBe('jeugdbegroting/model@1');
    const r = await service.api.call('files.importModel', { fileName: 'noord-limburg.json', content: v1Text });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.model).toEqual({ ...v1, format: 'jeugdbegroting/model@2' });
    // exported (and so written) as model@2
    const out = await service.api.call('files.exportModel', { id: r.value.id });
    if (!out.ok) throw new Error(out.error.message);
    expect((JSON.parse(out.value.content) as { format: string }).format).toBe('jeugdbegroting/model@2');
    // a scenario file of that time still imports onto it
    // (today's file also switches on bekende ontwikkelingen, which that model did not have: left out here)
    const { knownChanges: _known, ...shipped } = JSON.parse(
      readFileSync(`${REPO_ROOT}/models/scenarios/ongewijzigd-beleid.json`, 'utf8'),
    ) as Record<string, unknown>;
    void _known;
    const scenarioText = JSON.stringify(shipped);
    const s = await service.api.call('files.importScenario', {
      modelId: r.value.id,
      fileName: 'ongewijzigd-beleid.json',
      content: scenarioText,
    });
    expect(s.ok).toBe(true);
  });

  it('a stored model and a stored version written as model@1 come back as model@2, the old result with kinds', async () => {
    const state = service.context.state;
    if (state.status !== 'ready') throw new Error('not ready');
    const db = state.storage.db;
    const saved = await service.api.call('scenarios.save', { modelId, scenario: storedScenario('Van vroeger', 3) });
    if (!saved.ok) throw new Error(saved.error.message);
    const version = await service.api.call('versions.create', { scenarioId: saved.value.id, note: 'oud' });
    if (!version.ok) throw new Error(version.error.message);
    // rewrite the rows as a version of the app before model@2 wrote them
    const oldModel = JSON.stringify({ ...storedModel(), format: 'jeugdbegroting/model@1' });
    db.prepare('UPDATE models SET json = ? WHERE id = ?').run(oldModel, modelId);
    const row = db.prepare('SELECT result_json FROM scenario_versions WHERE id = ?').get(version.value.id) as {
      result_json: string;
    };
    const oldResult = row.result_json
      .replace(/"kind":"(raming|realisatie)",/g, '')
      .replace(/"fundingKind":"raming",/g, '');
    expect(oldResult).not.toContain('raming');
    db.prepare('UPDATE scenario_versions SET model_json = ?, result_json = ? WHERE id = ?').run(
      oldModel,
      oldResult,
      version.value.id,
    );

    const m = await service.api.call('models.get', { id: modelId });
    if (!m.ok) throw new Error(m.error.message);
    expect(m.value.model).toEqual(storedModel());
    const v = await service.api.call('versions.get', { id: version.value.id });
    if (!v.ok) throw new Error(v.error.message);
    expect(v.value.model.format).toBe('jeugdbegroting/model@2');
    expect(v.value.result.totals.map((t) => [t.kind, t.fundingKind])).toEqual(
      v.value.result.years.map(() => ['raming', 'raming']),
    );
    expect(v.value.result.lines[0]!.years.every((y) => y.kind === 'raming')).toBe(true);
    // saving it again writes model@2
    const again = await service.api.call('models.save', {
      id: modelId,
      revision: m.value.revision,
      model: m.value.model,
    });
    if (!again.ok) throw new Error(again.error.message);
    expect((db.prepare('SELECT json FROM models WHERE id = ?').get(modelId) as { json: string }).json).toContain(
      '"jeugdbegroting/model@2"',
    );
  });
});
