/**
 * The UI side of the analysis worker: `runAnalysis(job)` returns the result as
 * a promise and a `cancel()`; progress comes through a callback. One worker is
 * started on first use. Where no worker can start (no Worker, or it fails to
 * load) the same handler runs in the UI thread — Monte Carlo still yields
 * between chunks there, so the app stays usable, only slower.
 */
import type { MonteCarloProgress } from '../../shared/analysis/montecarlo';
import { createAnalysisHandler } from './handler';
import type { AnalysisJob, AnalysisResults, FromWorker, ToWorker } from './protocol';

/** A run stopped by cancel(): not a failure, so callers show "gestopt", not an error. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('Berekening gestopt');
    this.name = 'AnalysisCancelled';
  }
}

export interface AnalysisRun<T> {
  id: number;
  promise: Promise<T>;
  cancel(): void;
}

interface Pending {
  job: AnalysisJob;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ((p: MonteCarloProgress) => void) | undefined;
}

type Send = (message: ToWorker) => void;

let send: Send | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function receive(message: FromWorker): void {
  const p = pending.get(message.id);
  if (!p) return;
  if (message.type === 'progress') {
    p.onProgress?.(message.progress);
    return;
  }
  pending.delete(message.id);
  if (message.type === 'result') p.resolve(message.result);
  else if (message.type === 'cancelled') p.reject(new AnalysisCancelled());
  else p.reject(new Error(message.message));
}

function inThread(): Send {
  const handle = createAnalysisHandler((m) => queueMicrotask(() => receive(m)));
  return (m) => setTimeout(() => handle(m), 0);
}

function startWorker(): Send {
  if (typeof Worker === 'undefined') return inThread();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'jeugdplanner-analyse' });
  } catch {
    return inThread();
  }
  let heard = false;
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    heard = true;
    receive(e.data);
  };
  worker.onerror = (e) => {
    // A worker that never answered did not load (e.g. a policy blocked it): rerun its jobs here.
    if (heard) return;
    e.preventDefault();
    worker.terminate();
    send = inThread();
    for (const [id, p] of pending) send({ type: 'run', id, job: p.job });
  };
  return (m) => worker.postMessage(m);
}

export function runAnalysis<K extends AnalysisJob['kind']>(
  job: Extract<AnalysisJob, { kind: K }>,
  onProgress?: (p: MonteCarloProgress) => void,
): AnalysisRun<AnalysisResults[K]> {
  send ??= startWorker();
  const id = nextId++;
  const promise = new Promise<AnalysisResults[K]>((resolve, reject) => {
    pending.set(id, { job, resolve: resolve as (v: unknown) => void, reject, onProgress });
  });
  send({ type: 'run', id, job });
  return {
    id,
    promise,
    cancel() {
      const p = pending.get(id);
      if (!p) return;
      if (job.kind === 'montecarlo') {
        // the worker stops between two chunks and answers 'cancelled'
        send?.({ type: 'cancel', id });
        return;
      }
      // tornado and goal seek cannot be interrupted (they take ~0,1 s): drop the answer
      pending.delete(id);
      p.reject(new AnalysisCancelled());
    },
  };
}

/** For tests: forget the worker so the next run starts a fresh one (or the in-thread handler). */
export function resetAnalysisClientForTests(): void {
  send = undefined;
  pending.clear();
}
