/**
 * Hooks that ask the worker for the current scenario's Monte Carlo bands and
 * tornado, and return what is in hand. Every component that shows a result
 * calls its hook; the runner makes repeated requests for the same inputs free.
 */
import { useEffect, useMemo } from 'react';
import type { MonteCarloResult } from '../../shared/analysis/montecarlo';
import { listParameters } from '../../shared/analysis/parameters';
import type { TornadoResult } from '../../shared/analysis/tornado';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { useCurrent } from '../stores/data';
import type { RunStatus } from './runner';
import { monteCarloRunner, tornadoRunner, useAnalysis, type McKey, type TornadoKey } from '../stores/analysis';

/** Number of assumptions with a range (Monte Carlo draws only those). */
export function rangeCount(model: Model, scenario: Scenario): number {
  return listParameters(model, scenario).length;
}

export interface MonteCarloView {
  /** false: the scenario has no ranges, so there is no band to compute */
  hasRanges: boolean;
  status: RunStatus;
  result?: MonteCarloResult | undefined;
  /** the result belongs to the current inputs (not an older one shown while recomputing) */
  current: boolean;
  progress?: { done: number; total: number } | undefined;
  error?: string | undefined;
  key?: McKey | undefined;
  cancel(): void;
  rerun(): void;
}

export function useMonteCarlo(enabled = true): MonteCarloView {
  const cur = useCurrent();
  const draws = useAnalysis((s) => s.draws);
  const seed = useAnalysis((s) => s.seed);
  const mc = useAnalysis((s) => s.mc);
  const model = cur?.model;
  const scenario = cur?.scenario;
  const hasRanges = useMemo(() => (model && scenario ? rangeCount(model, scenario) > 0 : false), [model, scenario]);
  const id = cur?.id;
  const key = useMemo<McKey | undefined>(
    () => (model && scenario && id !== undefined ? { scenarioId: id, model, scenario, draws, seed } : undefined),
    [id, model, scenario, draws, seed],
  );
  useEffect(() => {
    if (enabled && hasRanges && key) monteCarloRunner.request(key);
  }, [enabled, hasRanges, key]);
  const rk = mc.resultKey;
  const current = !!(
    key &&
    rk &&
    rk.model === key.model &&
    rk.scenario === key.scenario &&
    rk.draws === key.draws &&
    rk.seed === key.seed
  );
  // an older result is shown (marked) while a new one is computed, but only for the same scenario and model
  const sameScenario = !!(key && rk && rk.scenarioId === key.scenarioId && rk.model === key.model);
  return {
    hasRanges,
    status: mc.status,
    result: hasRanges && sameScenario ? mc.result : undefined,
    current,
    progress: mc.progress,
    error: mc.error,
    key,
    cancel: () => monteCarloRunner.cancel(),
    rerun: () => key && monteCarloRunner.runNow(key),
  };
}

export interface TornadoView {
  status: RunStatus;
  result?: TornadoResult | undefined;
  current: boolean;
  error?: string | undefined;
  year: number;
}

export function useTornado(enabled = true): TornadoView {
  const cur = useCurrent();
  const chosenYear = useAnalysis((s) => s.tornadoYear);
  const sortBy = useAnalysis((s) => s.tornadoSort);
  const state = useAnalysis((s) => s.tornado);
  const model = cur?.model;
  const scenario = cur?.scenario;
  const year = model ? Math.min(model.endYear, Math.max(model.baseYear, chosenYear ?? model.endYear)) : 0;
  const id = cur?.id;
  const key = useMemo<TornadoKey | undefined>(
    () => (model && scenario && id !== undefined ? { scenarioId: id, model, scenario, year, sortBy } : undefined),
    [id, model, scenario, year, sortBy],
  );
  useEffect(() => {
    if (enabled && key) tornadoRunner.request(key);
  }, [enabled, key]);
  const rk = state.resultKey;
  const current = !!(
    key &&
    rk &&
    rk.model === key.model &&
    rk.scenario === key.scenario &&
    rk.year === key.year &&
    rk.sortBy === key.sortBy
  );
  const sameScenario = !!(key && rk && rk.scenarioId === key.scenarioId && rk.model === key.model);
  return { status: state.status, result: sameScenario ? state.result : undefined, current, error: state.error, year };
}
