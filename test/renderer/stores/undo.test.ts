/** Issue 12 item 4: undo in Basismodel undoes base-model edits, in a scenario view scenario edits; store messages in the controller's words. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiMethod, ApiRequest, ApiResult, JeugdplannerApi } from '../../../src/shared/api';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { useData } from '../../../src/renderer/stores/data';
import { useUi } from '../../../src/renderer/stores/ui';
import { undoLabel, useHistory, MODEL_HISTORY } from '../../../src/renderer/stores/history';
import { removeSegment, setSegmentField } from '../../../src/renderer/lib/edits/model';
import { setAssumption, stripSegment } from '../../../src/renderer/lib/edits/scenario';
import { defaultModel, shippedScenario } from '../../fixtures';
import { setTransport } from '../../../src/renderer/api/call';
import { installUndoMenuLabels, type UndoMenuLabels } from '../../../src/renderer/menu';

const model = defaultModel();
const scenario = shippedScenario(model, 'ongewijzigd-beleid.json');

/** An in-memory API: one model, one scenario; saves are accepted. */
function fakeApi(): JeugdplannerApi {
  const at = '2026-01-01T00:00:00Z';
  const answers: Partial<Record<ApiMethod, (req: never) => unknown>> = {
    'models.list': () => [{ id: 1, name: model.name, baseYear: model.baseYear, endYear: model.endYear, updatedAt: at }],
    'models.get': () => ({
      id: 1,
      name: model.name,
      baseYear: model.baseYear,
      endYear: model.endYear,
      updatedAt: at,
      createdAt: at,
      model,
    }),
    'models.save': (req: { model: Model }) => ({
      id: 1,
      name: model.name,
      baseYear: model.baseYear,
      endYear: model.endYear,
      updatedAt: at,
      createdAt: at,
      model: req.model,
    }),
    'scenarios.list': () => [{ id: 5, modelId: 1, name: scenario.name, updatedAt: at, versionCount: 0 }],
    'scenarios.get': () => ({
      id: 5,
      modelId: 1,
      name: scenario.name,
      updatedAt: at,
      createdAt: at,
      versionCount: 0,
      scenario,
    }),
    'scenarios.save': (req: { scenario: Scenario }) => ({
      id: 5,
      modelId: 1,
      name: scenario.name,
      updatedAt: at,
      createdAt: at,
      versionCount: 0,
      scenario: req.scenario,
    }),
  };
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>) {
      const f = answers[method];
      if (!f) return { ok: false, error: { code: 'unknown_method', message: method } } as ApiResult<never>;
      return { ok: true, value: f(request as never) } as ApiResult<never>;
    },
  };
}

const price = (m: Model | undefined, id: string) => {
  const s = m?.segments.find((x) => x.id === id);
  return s?.kind === 'volume' ? s.pricePerUnit : undefined;
};

beforeAll(async () => {
  setTransport(fakeApi());
  await useData.getState().init();
  expect(useData.getState().status).toBe('ready');
});

describe('undo per thing edited', () => {
  it('Basismodel undoes the model edit; the scenario edit made before stays until undone in a scenario view', () => {
    const d = useData.getState();
    const before = price(d.modelRecord?.model, 'pleegzorg')!;
    useUi.getState().setView('aannames');
    expect(d.editScenario((s) => setAssumption(s, 'pleegzorg', 'inflowChangePct', 2024, 5), 'x')).toEqual([]);
    useUi.getState().setView('basismodel');
    expect(d.editModel((m) => setSegmentField(m, 'pleegzorg', 'pricePerUnit', before * 2))).toEqual([]);
    expect(undoLabel(useHistory.getState(), MODEL_HISTORY)).toBe('Pleegzorg, prijs per eenheid');

    useData.getState().undo();
    expect(price(useData.getState().modelRecord?.model, 'pleegzorg')).toBe(before);
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct).toEqual({ '2024': 5 });
    // nothing more to undo in the model: the scenario edit is not touched from Basismodel
    useData.getState().undo();
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct).toEqual({ '2024': 5 });

    useUi.getState().setView('aannames');
    useData.getState().undo();
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct).toBeUndefined();
    useData.getState().redo();
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct).toEqual({ '2024': 5 });
  });

  it('undoing a segment removal brings back the segment and the scenario references removed with it', () => {
    useUi.getState().setView('basismodel');
    const d = useData.getState();
    const issues = d.editModel(
      (m) => removeSegment(m, 'pleegzorg'),
      (s) => stripSegment(s, 'pleegzorg'),
    );
    expect(issues).toEqual([]);
    expect(useData.getState().modelRecord!.model.segments.some((s) => s.id === 'pleegzorg')).toBe(false);
    expect(useData.getState().working[5]!.assumptions.pleegzorg).toBeUndefined();
    useData.getState().undo();
    expect(useData.getState().modelRecord!.model.segments.some((s) => s.id === 'pleegzorg')).toBe(true);
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct).toEqual({ '2024': 5 });
    useData.getState().redo();
    expect(useData.getState().working[5]!.assumptions.pleegzorg).toBeUndefined();
    useData.getState().undo();
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct).toEqual({ '2024': 5 });
  });

  it('typing "-150" applies -1 and -15 on the way and goes back: no undo step is left that does nothing', () => {
    useUi.getState().setView('aannames');
    const d = useData.getState();
    const key = 'p.inflow.2026';
    const labelBefore = undoLabel(useHistory.getState(), 'scenario:5');
    for (const v of [-1, -15, undefined])
      d.editScenario((s) => setAssumption(s, 'pleegzorg', 'inflowChangePct', 2026, v), key);
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct?.['2026']).toBeUndefined();
    expect(undoLabel(useHistory.getState(), 'scenario:5')).toBe(labelBefore);
    // a real edit is still one step
    d.editScenario((s) => setAssumption(s, 'pleegzorg', 'inflowChangePct', 2026, 3), key);
    expect(undoLabel(useHistory.getState(), 'scenario:5')).toBe('Pleegzorg, instroom 2026');
    useData.getState().undo();
    expect(useData.getState().working[5]!.assumptions.pleegzorg?.inflowChangePct?.['2026']).toBeUndefined();
  });

  it("refused edits come back with messages in the controller's words; the path stays", () => {
    useUi.getState().setView('aannames');
    const [issue] = useData
      .getState()
      .editScenario((s) => setAssumption(s, 'pleegzorg', 'inflowChangePct', 2025, -150));
    expect(issue).toMatchObject({
      path: 'assumptions.pleegzorg.inflowChangePct.2025',
      message: 'Pleegzorg, instroom 2025: -150 is kleiner dan -100%',
    });
    const [m] = useData.getState().editModel((x) => setSegmentField(x, 'pleegzorg', 'avgDurationMonths', 0.5));
    expect(m?.message).toBe('Pleegzorg, trajectduur: 0,5 is kleiner dan 1 maand');
  });
});

describe('the desktop menu names what undo would undo (menu.setUndoLabels)', () => {
  it("sends the open view's labels now and whenever they change, once per change", () => {
    useUi.getState().setView('aannames');
    const sent: UndoMenuLabels[] = [];
    const stop = installUndoMenuLabels((l) => sent.push(l));
    try {
      expect(sent).toHaveLength(1);
      const d = useData.getState();
      d.editScenario((s) => setAssumption(s, 'pleegzorg', 'inflowChangePct', 2027, 4), 'menu.2027');
      expect(sent.at(-1)).toEqual({ undo: 'Pleegzorg, instroom 2027' });
      const count = sent.length;
      // typing on in the same field merges into the same step: nothing new to say
      d.editScenario((s) => setAssumption(s, 'pleegzorg', 'inflowChangePct', 2027, 45), 'menu.2027');
      expect(sent).toHaveLength(count);

      // Basismodel: the model's history, not the scenario's
      useUi.getState().setView('basismodel');
      expect(sent.at(-1)?.undo).not.toBe('Pleegzorg, instroom 2027');
      const before = price(useData.getState().modelRecord?.model, 'pleegzorg')!;
      useData.getState().editModel((m) => setSegmentField(m, 'pleegzorg', 'pricePerUnit', before + 1));
      expect(sent.at(-1)).toEqual({ undo: 'Pleegzorg, prijs per eenheid' });
      useData.getState().undo();
      expect(sent.at(-1)?.redo).toBe('Pleegzorg, prijs per eenheid');

      useUi.getState().setView('aannames');
      expect(sent.at(-1)).toEqual({ undo: 'Pleegzorg, instroom 2027' });
      useData.getState().undo();
      expect(sent.at(-1)?.redo).toBe('Pleegzorg, instroom 2027');
    } finally {
      stop();
    }
    const after = sent.length;
    useUi.getState().setView('basismodel');
    expect(sent).toHaveLength(after);
  });
});
