/** Derived results for components: memoised engine runs on the current inputs (never stored as state). */
import { useMemo } from 'react';
import type { SimulationResult } from '../shared/engine/result';
import { simulateCached } from './lib/derive';
import { useCurrent, useData } from './stores/data';
import { useUi } from './stores/ui';
import { modelChangeWarnings, plausibilityWarnings, type PlausibilityWarning } from '../shared/formats/plausibility';

export function useCurrentResult(): SimulationResult | undefined {
  const current = useCurrent();
  const model = current?.model;
  const scenario = current?.scenario;
  return useMemo(() => (model && scenario ? simulateCached(model, scenario) : undefined), [model, scenario]);
}

/** Results for several scenarios (Vergelijken, Presentatie), in the given order; skips ones not loaded yet. */
export function useResults(ids: readonly number[]): { id: number; name: string; result: SimulationResult }[] {
  const model = useData((s) => s.modelRecord?.model);
  const working = useData((s) => s.working);
  const scenarios = useData((s) => s.scenarios);
  return useMemo(() => {
    if (!model) return [];
    const out: { id: number; name: string; result: SimulationResult }[] = [];
    for (const id of ids) {
      const sc = working[id];
      if (!sc) continue;
      out.push({ id, name: scenarios.find((x) => x.id === id)?.name ?? sc.name, result: simulateCached(model, sc) });
    }
    return out;
  }, [model, working, scenarios, ids]);
}

const NO_KEYS: readonly string[] = [];
const NO_BASES: Readonly<Record<string, number>> = {};

/**
 * The plausibility warnings of the current inputs that the user has not yet
 * accepted ("Klopt dit?"): the scenario's (accepted per scenario) and the base
 * model's changed figures (accepted per model); and how to accept one.
 */
export function usePlausibility(): { warnings: PlausibilityWarning[]; accept: (key: string) => void } {
  const current = useCurrent();
  const result = useCurrentResult();
  const id = current?.id;
  const modelId = useData((s) => s.modelRecord?.id);
  const accepted = useUi((s) => (id !== undefined ? s.acceptedWarnings[String(id)] : undefined) ?? NO_KEYS);
  const bases = useUi((s) => (modelId !== undefined ? s.modelBases[String(modelId)] : undefined) ?? NO_BASES);
  const model = current?.model;
  const warnings = useMemo(() => {
    if (!model || !result) return [];
    const done = new Set(accepted);
    return [
      ...modelChangeWarnings(model, bases),
      ...plausibilityWarnings(model, result).filter((w) => !done.has(w.key)),
    ];
  }, [model, result, accepted, bases]);
  return useMemo(
    () => ({
      warnings,
      accept: (key: string) => {
        const ui = useUi.getState();
        if (key.startsWith('segments.')) {
          if (modelId !== undefined) ui.acceptModelWarning(modelId, key.split('|')[0]!);
        } else if (id !== undefined) ui.acceptWarning(id, key);
      },
    }),
    [warnings, id, modelId],
  );
}
