/**
 * Analysis state in the renderer: the Monte Carlo settings (draws, seed, show
 * the band) and the two background runs (Monte Carlo and tornado) with their
 * last results. The results are computed in the worker from the current model
 * and scenario and kept with the inputs they belong to, so a view can tell a
 * current result from one that is being recomputed. Nothing here is saved in
 * the scenario; draws, seed and the band toggle are remembered in localStorage.
 */
import { create } from 'zustand';
import {
  DEFAULT_DRAWS,
  MAX_DRAWS,
  checkMonteCarloOptions,
  type MonteCarloResult,
} from '../../shared/analysis/montecarlo';
import { DEFAULT_SEED } from '../../shared/analysis/random';
import type { TornadoResult } from '../../shared/analysis/tornado';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { runAnalysis } from '../analysis/client';
import { createRunner, type RunState, type Runner } from '../analysis/runner';

export interface McKey {
  /** which scenario (not compared: the scenario object is), so a result is never shown for another one */
  scenarioId: number;
  model: Model;
  scenario: Scenario;
  draws: number;
  seed: number;
}

export interface TornadoKey {
  scenarioId: number;
  model: Model;
  scenario: Scenario;
  year: number;
  sortBy: 'cumulative' | 'year';
}

export type AnalyseTab = 'onzekerheid' | 'gevoeligheid' | 'doelzoeken';

export interface AnalysisState {
  tab: AnalyseTab;
  draws: number;
  seed: number;
  /** Overzicht: show the P10–P90 band when the scenario has ranges */
  showBand: boolean;
  /** tornado: the year whose saldo is shown besides the cumulative one (undefined: the model's endYear) */
  tornadoYear?: number;
  tornadoSort: 'cumulative' | 'year';
  mc: RunState<McKey, MonteCarloResult>;
  tornado: RunState<TornadoKey, TornadoResult>;
  setTab(tab: AnalyseTab): void;
  setDraws(draws: number): string | undefined;
  setSeed(seed: number): string | undefined;
  /** a fresh random seed ("Opnieuw met ander seed") */
  newSeed(): number;
  setShowBand(show: boolean): void;
  setTornadoYear(year: number): void;
  setTornadoSort(sortBy: 'cumulative' | 'year'): void;
}

const STORAGE_KEY = 'jeugdplanner.analyse';

function remembered(): Pick<AnalysisState, 'draws' | 'seed' | 'showBand'> {
  const fallback = { draws: DEFAULT_DRAWS, seed: DEFAULT_SEED, showBand: true };
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<Record<'draws' | 'seed' | 'showBand', unknown>>;
    return {
      draws:
        checkMonteCarloOptions(v.draws, undefined) === undefined && typeof v.draws === 'number'
          ? v.draws
          : fallback.draws,
      seed:
        checkMonteCarloOptions(undefined, v.seed) === undefined && typeof v.seed === 'number' ? v.seed : fallback.seed,
      showBand: typeof v.showBand === 'boolean' ? v.showBand : fallback.showBand,
    };
  } catch {
    return fallback;
  }
}

function remember(s: Pick<AnalysisState, 'draws' | 'seed' | 'showBand'>): void {
  try {
    globalThis.localStorage?.setItem(
      STORAGE_KEY,
      JSON.stringify({ draws: s.draws, seed: s.seed, showBand: s.showBand }),
    );
  } catch {
    // no storage: the settings last until the window closes
  }
}

export const useAnalysis = create<AnalysisState>()((set, get) => ({
  ...remembered(),
  tab: 'onzekerheid',
  tornadoSort: 'cumulative',
  setTab: (tab) => set({ tab }),
  mc: { status: 'idle' },
  tornado: { status: 'idle' },
  setDraws(draws) {
    const problem = checkMonteCarloOptions(draws, undefined);
    if (problem) return problem;
    set({ draws });
    remember(get());
    return undefined;
  },
  setSeed(seed) {
    const problem = checkMonteCarloOptions(undefined, seed);
    if (problem) return problem;
    set({ seed });
    remember(get());
    return undefined;
  },
  newSeed() {
    const buf = new Uint32Array(1);
    let seed = get().seed;
    // a different seed, from the platform's generator (the draws themselves stay reproducible from it)
    while (seed === get().seed) {
      globalThis.crypto.getRandomValues(buf);
      seed = buf[0]!;
    }
    set({ seed });
    remember(get());
    return seed;
  },
  setShowBand(showBand) {
    set({ showBand });
    remember(get());
  },
  setTornadoYear: (tornadoYear) => set({ tornadoYear }),
  setTornadoSort: (tornadoSort) => set({ tornadoSort }),
}));

export const monteCarloRunner: Runner<McKey> = createRunner<McKey, MonteCarloResult>({
  same: (a, b) => a.model === b.model && a.scenario === b.scenario && a.draws === b.draws && a.seed === b.seed,
  start: (k, onProgress) =>
    runAnalysis({ kind: 'montecarlo', model: k.model, scenario: k.scenario, draws: k.draws, seed: k.seed }, onProgress),
  get: () => useAnalysis.getState().mc,
  set: (patch) => useAnalysis.setState((s) => ({ mc: { ...s.mc, ...patch } })),
});

export const tornadoRunner: Runner<TornadoKey> = createRunner<TornadoKey, TornadoResult>({
  same: (a, b) => a.model === b.model && a.scenario === b.scenario && a.year === b.year && a.sortBy === b.sortBy,
  start: (k) => runAnalysis({ kind: 'tornado', model: k.model, scenario: k.scenario, year: k.year, sortBy: k.sortBy }),
  get: () => useAnalysis.getState().tornado,
  set: (patch) => useAnalysis.setState((s) => ({ tornado: { ...s.tornado, ...patch } })),
});

export { MAX_DRAWS };
