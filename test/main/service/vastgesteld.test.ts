import { afterEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { storedModel, storedScenario, tempDir } from '../../fixtures';
import type { ApiResult } from '../../../src/shared/api';
import { readWorkbook, rowsStartingWith } from '../excel/helpers';

let services: Service[] = [];
afterEach(() => {
  for (const s of services) s.close();
  services = [];
});

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function setup() {
  let t = Date.parse('2026-10-01T09:00:00Z');
  const s = await openService({
    dataDir: tempDir(),
    appVersion: '9.9.9',
    transport: 'browser',
    log: silentLogger,
    now: () => new Date((t += 1000)),
  });
  services.push(s);
  const model = value(await s.api.call('models.save', { model: storedModel('Regio A') }));
  const other = value(await s.api.call('models.save', { model: storedModel('Regio B') }));
  const a = value(await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Plan', 4) }));
  const b = value(await s.api.call('scenarios.save', { modelId: model.id, scenario: storedScenario('Variant', 8) }));
  const c = value(await s.api.call('scenarios.save', { modelId: other.id, scenario: storedScenario('Elders', 2) }));
  const va = value(await s.api.call('versions.create', { scenarioId: a.id, note: 'begroting 2027' }));
  const vb = value(await s.api.call('versions.create', { scenarioId: b.id, note: 'variant' }));
  const vc = value(await s.api.call('versions.create', { scenarioId: c.id, note: 'elders' }));
  return { s, model, other, a, b, c, va, vb, vc };
}

describe('versions: vastgesteld (at most one per model)', () => {
  it("a new version is not vastgesteld; marking one shows it in the list and as the model's vastgestelde", async () => {
    const { s, model, a, va } = await setup();
    expect(va.vastgesteld).toBe(false);
    expect(value(await s.api.call('versions.findVastgesteld', { modelId: model.id }))).toBeNull();
    const marked = value(await s.api.call('versions.setVastgesteld', { id: va.id, vastgesteld: true }));
    expect(marked).toMatchObject({ id: va.id, vastgesteld: true, note: 'begroting 2027' });
    const list = value(await s.api.call('versions.list', { scenarioId: a.id }));
    expect(list.find((v) => v.id === va.id)?.vastgesteld).toBe(true);
    const found = value(await s.api.call('versions.findVastgesteld', { modelId: model.id }));
    expect(found).toMatchObject({ id: va.id, scenarioName: 'Plan', vastgesteld: true });
  });

  it('marking another version of the same model (another scenario) unmarks the first; other models keep theirs', async () => {
    const { s, model, other, a, va, vb, vc } = await setup();
    value(await s.api.call('versions.setVastgesteld', { id: va.id, vastgesteld: true }));
    value(await s.api.call('versions.setVastgesteld', { id: vc.id, vastgesteld: true }));
    value(await s.api.call('versions.setVastgesteld', { id: vb.id, vastgesteld: true }));
    const listA = value(await s.api.call('versions.list', { scenarioId: a.id }));
    expect(listA.find((v) => v.id === va.id)?.vastgesteld).toBe(false);
    expect(value(await s.api.call('versions.findVastgesteld', { modelId: model.id }))?.id).toBe(vb.id);
    expect(value(await s.api.call('versions.findVastgesteld', { modelId: other.id }))?.id).toBe(vc.id);
  });

  it('unmarking leaves the model without a vastgestelde version', async () => {
    const { s, model, va } = await setup();
    value(await s.api.call('versions.setVastgesteld', { id: va.id, vastgesteld: true }));
    const off = value(await s.api.call('versions.setVastgesteld', { id: va.id, vastgesteld: false }));
    expect(off.vastgesteld).toBe(false);
    expect(value(await s.api.call('versions.findVastgesteld', { modelId: model.id }))).toBeNull();
  });

  it('refuses an unknown version and a request that is not a boolean, in Dutch, and changes nothing', async () => {
    const { s, model, va } = await setup();
    value(await s.api.call('versions.setVastgesteld', { id: va.id, vastgesteld: true }));
    const missing = await s.api.call('versions.setVastgesteld', { id: 9999, vastgesteld: true });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not_found');
    const bad = await s.handle('versions.setVastgesteld', { id: va.id, vastgesteld: 'ja' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('validation');
      expect(bad.error.message).toContain('vastgesteld');
    }
    expect(value(await s.api.call('versions.findVastgesteld', { modelId: model.id }))?.id).toBe(va.id);
  });

  it('excel.exportBijlage with the vastgestelde version as reference writes the sheet Mutaties; a version of another model is refused', async () => {
    const { s, model, b, va, vc } = await setup();
    value(await s.api.call('versions.setVastgesteld', { id: va.id, vastgesteld: true }));
    const file = value(
      await s.api.call('excel.exportBijlage', {
        modelId: model.id,
        scenarioIds: [b.id],
        mutaties: { versionId: va.id },
      }),
    );
    const ws = (await readWorkbook(Buffer.from(file.content, 'base64'))).getWorksheet('Mutaties');
    expect(ws).toBeDefined();
    expect(
      rowsStartingWith(ws!, 'Saldo referentie: de vastgestelde begroting (begroting 2027, scenario Plan'),
    ).toHaveLength(1);
    const wrong = await s.api.call('excel.exportBijlage', {
      modelId: model.id,
      scenarioIds: [b.id],
      mutaties: { versionId: vc.id },
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('hoort niet bij een scenario van model');
  });
});
