/**
 * One kind of background analysis as a small state machine: the inputs of the
 * run in progress, the last result and the inputs it belongs to. A request with
 * new inputs cancels the running one at once and starts a new run after a pause
 * (DEBOUNCE_MS), so typing a number digit by digit starts one run, not five.
 * Requests with the inputs already in hand do nothing, so every component that
 * shows the result may ask for it.
 */
import type { MonteCarloProgress } from '../../shared/analysis/montecarlo';
import { AnalysisCancelled, type AnalysisRun } from './client';

export const DEBOUNCE_MS = 300;

export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunState<K, T> {
  status: RunStatus;
  /** the inputs last asked for (running, waiting, or finished) */
  key?: K;
  /** the last result and the inputs it was computed from: it may be older than `key` while a new run is under way */
  result?: T;
  resultKey?: K;
  progress?: MonteCarloProgress;
  error?: string;
}

export interface Runner<K> {
  /** Asks for a result for these inputs (debounced); no-op when they are already in hand or were stopped by the user. */
  request(key: K): void;
  /** Starts now, also after a stop or an error. */
  runNow(key: K): void;
  cancel(): void;
}

export function createRunner<K, T>(options: {
  same(a: K, b: K): boolean;
  start(key: K, onProgress: (p: MonteCarloProgress) => void): AnalysisRun<T>;
  get(): RunState<K, T>;
  set(patch: Partial<RunState<K, T>>): void;
  debounceMs?: number;
}): Runner<K> {
  const { same, get, set } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let run: AnalysisRun<T> | undefined;

  function stopCurrent() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    run?.cancel();
    run = undefined;
  }

  function start(key: K) {
    stopCurrent();
    const mine = options.start(key, (progress) => {
      if (run === mine) set({ progress });
    });
    run = mine;
    set({ status: 'running', key, progress: undefined, error: undefined });
    mine.promise.then(
      (result) => {
        if (run !== mine) return;
        run = undefined;
        set({ status: 'done', result, resultKey: key, progress: undefined });
      },
      (e: unknown) => {
        if (run !== mine) return;
        run = undefined;
        if (e instanceof AnalysisCancelled) set({ status: 'cancelled', progress: undefined });
        else set({ status: 'error', error: e instanceof Error ? e.message : String(e), progress: undefined });
      },
    );
  }

  return {
    request(key) {
      const s = get();
      if (s.key !== undefined && same(s.key, key) && s.status !== 'idle') return;
      stopCurrent();
      set({ status: 'waiting', key, progress: undefined, error: undefined });
      timer = setTimeout(() => {
        timer = undefined;
        start(key);
      }, options.debounceMs ?? DEBOUNCE_MS);
    },
    runNow(key) {
      start(key);
    },
    cancel() {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        set({ status: 'cancelled' });
        return;
      }
      // the worker confirms with 'cancelled'; the promise handler above sets the status
      run?.cancel();
    },
  };
}
