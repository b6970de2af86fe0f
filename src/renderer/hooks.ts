/** Derived results for components: memoised engine runs on the current inputs (never stored as state). */
import { useMemo } from 'react';
import type { SimulationResult } from '../shared/engine/result';
import { simulateCached } from './lib/derive';
import { useCurrent, useData } from './stores/data';
import { useUi } from './stores/ui';
import { plausibilityWarnings, type PlausibilityWarning } from '../shared/formats/plausibility';

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

/**
 * The plausibility warnings of the current inputs that the user has not yet
 * accepted for this scenario ("Klopt dit?"), and how to accept one.
 */
export function usePlausibility(): { warnings: PlausibilityWarning[]; accept: (key: string) => void } {
  const current = useCurrent();
  const result = useCurrentResult();
  const id = current?.id;
  const accepted = useUi((s) => (id !== undefined ? s.acceptedWarnings[String(id)] : undefined) ?? NO_KEYS);
  const model = current?.model;
  const warnings = useMemo(() => {
    if (!model || !result) return [];
    const done = new Set(accepted);
    return plausibilityWarnings(model, result).filter((w) => !done.has(w.key));
  }, [model, result, accepted]);
  return useMemo(() => ({ warnings, accept: (key: string) => id !== undefined && useUi.getState().acceptWarning(id, key) }), [warnings, id]);
}
