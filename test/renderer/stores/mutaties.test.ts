/**
 * The reference of the mutatieoverzicht, against the real service: the model's vastgestelde version is
 * looked up (with its stored inputs and result), follows a new mark, and is gone after unmarking.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import { useMutaties } from '../../../src/renderer/stores/mutaties';
import { setTransport } from '../../../src/renderer/api/call';
import { storedModel, storedScenario, tempDir } from '../../fixtures';

let service: Service;
let modelId: number;
let versionA: number;
let versionB: number;
let t = Date.parse('2026-10-01T09:00:00Z');

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  service = await openService({
    dataDir: tempDir('jp-mutaties-'),
    appVersion: 'test',
    transport: 'browser',
    log: silentLogger,
    now: () => new Date((t += 1000)),
  });
  modelId = value(await service.api.call('models.save', { model: storedModel('Regio') })).id;
  const a = value(await service.api.call('scenarios.save', { modelId, scenario: storedScenario('Plan', 1) }));
  const b = value(await service.api.call('scenarios.save', { modelId, scenario: storedScenario('Variant', 9) }));
  versionA = value(await service.api.call('versions.create', { scenarioId: a.id, note: 'begroting' })).id;
  versionB = value(await service.api.call('versions.create', { scenarioId: b.id })).id;
});
afterAll(() => service.close());

beforeEach(() => {
  setTransport(service.api);
  useMutaties.setState({ modelId: undefined, vastgesteld: undefined, choice: undefined });
});

describe('useMutaties', () => {
  it('null without a vastgestelde version; the version with its stored inputs once marked; follows a new mark', async () => {
    await useMutaties.getState().load(modelId);
    expect(useMutaties.getState().vastgesteld).toBeNull();

    value(await service.api.call('versions.setVastgesteld', { id: versionA, vastgesteld: true }));
    await useMutaties.getState().load(modelId);
    const v = useMutaties.getState().vastgesteld!;
    expect(v).toMatchObject({ id: versionA, note: 'begroting', scenarioName: 'Plan', vastgesteld: true });
    expect(v.scenario.assumptions.ambulant?.inflowChangePct).toEqual({ '2026': 1 });
    expect(v.result.totals.length).toBeGreaterThan(0);

    value(await service.api.call('versions.setVastgesteld', { id: versionB, vastgesteld: true }));
    await useMutaties.getState().load(modelId);
    expect(useMutaties.getState().vastgesteld).toMatchObject({ id: versionB, scenarioName: 'Variant' });

    useMutaties.getState().choose('vastgesteld');
    value(await service.api.call('versions.setVastgesteld', { id: versionB, vastgesteld: false }));
    await useMutaties.getState().load(modelId);
    expect(useMutaties.getState().vastgesteld).toBeNull();
    // a choice of a version that is no longer vastgesteld falls back to the default
    expect(useMutaties.getState().choice).toBeUndefined();
  });

  it('another model starts again: no version and no choice of the previous one', async () => {
    value(await service.api.call('versions.setVastgesteld', { id: versionA, vastgesteld: true }));
    await useMutaties.getState().load(modelId);
    useMutaties.getState().choose(42);
    const other = value(await service.api.call('models.save', { model: storedModel('Andere regio') })).id;
    await useMutaties.getState().load(other);
    expect(useMutaties.getState()).toMatchObject({ modelId: other, vastgesteld: null, choice: undefined });
  });
});
