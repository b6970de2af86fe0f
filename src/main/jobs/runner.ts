/**
 * Long work off the service's thread: every job (an Excel export, the
 * template, a template import, the simulation of a large model) runs in its
 * own worker thread, so saves, app.info and lists keep answering while it
 * runs. A job has a time budget and a memory budget (the worker's heap limit);
 * over either it is stopped with a Dutch message and the app stays up. Jobs
 * can be cancelled (jobs.cancel, or the HTTP client going away) and report
 * their progress (jobs.status).
 *
 * The worker code is src/main/jobs/worker.ts. From source (tsx, vitest, the
 * bench) it is loaded through tsx; the Electron build bundles it as
 * job-worker.cjs next to main.cjs (scripts/build-electron.ts defines
 * __JOB_WORKER_FILE__ there).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { formatNumber } from '../../shared/locale/numbers';
import { BACKGROUND_KINDS, type JobInputs, type JobKind, type JobOutputs, type JobProgress } from './tasks';
import type { WorkerMessage } from './worker';

/** Set by the esbuild bundle of the Electron main process: the worker bundle's file name beside main.cjs. */
declare const __JOB_WORKER_FILE__: string | undefined;

export interface JobBudget {
  /** wall-clock time from the worker's start */
  timeMs: number;
  /** the worker's heap limit (resourceLimits.maxOldGenerationSizeMb) */
  memoryMb: number;
}

/**
 * Above what the largest allowed model needs (200 segments, 50 gemeenten,
 * 30 years; see the bench "jobs" and limits.ts), far below what holds a laptop hostage.
 */
export const DEFAULT_BUDGETS: Record<JobKind, JobBudget> = {
  'excel.exportBijlage': { timeMs: 120_000, memoryMb: 1536 },
  'excel.template': { timeMs: 60_000, memoryMb: 512 },
  'excel.importModel': { timeMs: 60_000, memoryMb: 1024 },
  simulate: { timeMs: 60_000, memoryMb: 1024 },
  'simulate.version': { timeMs: 60_000, memoryMb: 1024 },
  'files.importModel': { timeMs: 30_000, memoryMb: 1024 },
};

/**
 * At most this many workers at once (the rest wait in line): each is a CPU-bound thread. Background
 * jobs (BACKGROUND_KINDS: automatic versions) take at most one of them, and only when no other job waits.
 */
export const DEFAULT_MAX_CONCURRENT = 2;

const SUBJECTS: Record<JobKind, { subject: string; pronoun: 'die' | 'dat' }> = {
  'excel.exportBijlage': { subject: 'De export', pronoun: 'die' },
  'excel.template': { subject: 'Het maken van het sjabloon', pronoun: 'dat' },
  'excel.importModel': { subject: 'Het inlezen van het sjabloon', pronoun: 'dat' },
  simulate: { subject: 'De berekening', pronoun: 'die' },
  'simulate.version': { subject: 'De berekening van de automatische versie', pronoun: 'die' },
  'files.importModel': { subject: 'Het inlezen van het modelbestand', pronoun: 'dat' },
};

export type StopReason = 'cancelled' | 'time' | 'memory';

/** A job stopped before it finished: cancelled, or over its time or memory budget. The message is Dutch, for the user. */
export class JobStopped extends Error {
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobStopped';
  }
}

/** The task refused its input (a scope or option that does not fit the model): the user's choice, not a crash. */
export class JobRefused extends Error {
  override name = 'JobRefused';
}

export function stopMessage(kind: JobKind, reason: StopReason, budget: JobBudget): string {
  const { subject, pronoun } = SUBJECTS[kind];
  if (reason === 'cancelled') return `${subject} is geannuleerd; er is niets gewijzigd.`;
  if (reason === 'time') {
    return `${subject} is gestopt: ${pronoun} duurde langer dan ${formatNumber(budget.timeMs / 1000, 1)} s. Er is niets gewijzigd; kies minder scenario's, gemeenten of trekkingen, of een kleiner model.`;
  }
  return `${subject} is gestopt: ${pronoun} had meer dan ${formatNumber(budget.memoryMb, 0)} MB geheugen nodig. Er is niets gewijzigd; kies minder scenario's, gemeenten of trekkingen, of een kleiner model.`;
}

export interface JobInfo {
  id: number;
  kind: JobKind;
  /** the caller's key for this job (the request's jobKey), if it gave one */
  key?: string;
  state: 'queued' | 'running';
  /** ms since the job was asked for */
  elapsedMs: number;
  progress?: JobProgress;
}

export interface FinishedJob {
  id: number;
  kind: JobKind;
  outcome: 'done' | 'failed' | StopReason;
  /** ms from the request to the answer (including any wait in line) */
  ms: number;
  /** the worker's V8 heap when it finished (total_heap_size ≈ its peak: the heap rarely shrinks), in bytes; done jobs only */
  workerHeapBytes?: number;
}

export interface JobRunnerOptions {
  budgets?: Partial<Record<JobKind, Partial<JobBudget>>>;
  maxConcurrent?: number;
  /** told about every job that ends (the bench records time and memory) */
  onFinished?: (job: FinishedJob) => void;
}

interface Job {
  id: number;
  kind: JobKind;
  key?: string;
  /** background work (BACKGROUND_KINDS): after every waiting job, one at a time */
  background: boolean;
  input: unknown;
  budget: JobBudget;
  askedAt: number;
  worker?: Worker;
  timer?: ReturnType<typeof setTimeout>;
  progress?: JobProgress;
  settled: boolean;
  resolve(value: unknown): void;
  reject(err: Error): void;
  /** ends the job: clears timer and listeners, terminates the worker, frees the slot */
  finish(outcome: FinishedJob['outcome'], heap?: number): void;
}

export class JobRunner {
  private nextId = 1;
  private readonly jobs = new Map<number, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private runningBackground = 0;
  private closed = false;
  private readonly budgets: Record<JobKind, JobBudget>;
  private readonly maxConcurrent: number;

  constructor(private readonly options: JobRunnerOptions = {}) {
    const budgets = { ...DEFAULT_BUDGETS };
    for (const [kind, b] of Object.entries(options.budgets ?? {}) as [JobKind, Partial<JobBudget>][])
      budgets[kind] = { ...budgets[kind], ...b };
    this.budgets = budgets;
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  }

  budgetOf(kind: JobKind): JobBudget {
    return this.budgets[kind];
  }

  /**
   * Runs one job in its own worker; rejects with JobStopped (cancel, budget), JobRefused or an Error.
   * key: the caller's name for the job (a request's jobKey), shown by status() so the caller can find it.
   */
  run<K extends JobKind>(kind: K, input: JobInputs[K], signal?: AbortSignal, key?: string): Promise<JobOutputs[K]> {
    if (this.closed)
      return Promise.reject(new JobStopped('cancelled', stopMessage(kind, 'cancelled', this.budgets[kind])));
    return new Promise<JobOutputs[K]>((resolve, reject) => {
      const id = this.nextId++;
      const onAbort = () => this.cancel(id);
      const job: Job = {
        id,
        kind,
        ...(key !== undefined ? { key } : {}),
        background: BACKGROUND_KINDS.has(kind),
        input,
        budget: this.budgets[kind],
        askedAt: performance.now(),
        settled: false,
        resolve: resolve as (v: unknown) => void,
        reject,
        finish: (outcome, heap) => {
          if (job.settled) return;
          job.settled = true;
          clearTimeout(job.timer);
          signal?.removeEventListener('abort', onAbort);
          this.jobs.delete(id);
          const queued = this.queue.indexOf(job);
          if (queued >= 0) this.queue.splice(queued, 1);
          if (job.worker) {
            void job.worker.terminate();
            this.running--;
            if (job.background) this.runningBackground--;
          }
          this.options.onFinished?.({
            id,
            kind,
            outcome,
            ms: performance.now() - job.askedAt,
            ...(heap !== undefined ? { workerHeapBytes: heap } : {}),
          });
          this.startQueued();
        },
      };
      this.jobs.set(id, job);
      if (signal?.aborted) {
        job.finish('cancelled');
        reject(new JobStopped('cancelled', stopMessage(kind, 'cancelled', job.budget)));
        return;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.startQueued();
    });
  }

  /** The jobs asked for and not yet answered, oldest first. */
  status(): JobInfo[] {
    const now = performance.now();
    return [...this.jobs.values()].map((j) => ({
      id: j.id,
      kind: j.kind,
      ...(j.key !== undefined ? { key: j.key } : {}),
      state: j.worker ? 'running' : 'queued',
      elapsedMs: Math.round(now - j.askedAt),
      ...(j.progress ? { progress: j.progress } : {}),
    }));
  }

  /** Stops a job (queued or running); false when there is no such job (any more). */
  cancel(id: number): boolean {
    const job = this.jobs.get(id);
    if (!job) return false;
    this.stop(job, 'cancelled');
    return true;
  }

  /** Stops every job (the app quits). */
  close(): void {
    this.closed = true;
    for (const job of [...this.jobs.values()]) this.stop(job, 'cancelled');
  }

  private stop(job: Job, reason: StopReason): void {
    if (job.settled) return;
    job.finish(reason);
    job.reject(new JobStopped(reason, stopMessage(job.kind, reason, job.budget)));
  }

  /** Starts waiting jobs in order, jobs somebody waits for first; a background job only when none of those waits and no other background job runs. */
  private startQueued(): void {
    while (this.running < this.maxConcurrent) {
      const next =
        this.queue.find((j) => !j.background) ??
        (this.runningBackground === 0 ? this.queue.find((j) => j.background) : undefined);
      if (!next) return;
      this.queue.splice(this.queue.indexOf(next), 1);
      this.start(next);
    }
  }

  private start(job: Job): void {
    this.running++;
    if (job.background) this.runningBackground++;
    let worker: Worker;
    try {
      worker = spawnWorker({ kind: job.kind, input: job.input }, job.budget.memoryMb);
    } catch (err) {
      this.running--;
      if (job.background) this.runningBackground--;
      job.finish('failed');
      job.reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    job.worker = worker;
    job.input = undefined; // the worker has its own copy
    job.timer = setTimeout(() => this.stop(job, 'time'), job.budget.timeMs);
    worker.on('message', (m: WorkerMessage) => {
      if (job.settled) return;
      if (m.type === 'progress') {
        job.progress = m.progress;
      } else if (m.type === 'done') {
        job.finish('done', m.heap);
        job.resolve(m.value);
      } else {
        job.finish('failed');
        if (m.refusal) job.reject(new JobRefused(m.message));
        else {
          const err = new Error(m.message);
          if (m.stack) err.stack = m.stack;
          job.reject(err);
        }
      }
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return this.stop(job, 'memory');
      if (job.settled) return;
      job.finish('failed');
      job.reject(err);
    });
    worker.on('exit', (code) => {
      if (job.settled) return;
      job.finish('failed');
      job.reject(
        new Error(`${SUBJECTS[job.kind].subject} is onverwacht gestopt (werkthread eindigde met code ${code}).`),
      );
    });
  }
}

function spawnWorker(workerData: unknown, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (typeof __JOB_WORKER_FILE__ === 'string') {
    // The Electron bundle: job-worker.cjs beside main.cjs (worker threads read from the asar archive since Electron 18).
    return new Worker(path.join(__dirname, __JOB_WORKER_FILE__), { workerData, resourceLimits });
  }
  // From source: the worker is TypeScript, loaded through tsx's loader registered inside the worker.
  // (execArgv ['--import', 'tsx'] does not reach a worker's own entry on Node 20: its hooks come too late.)
  // tsx is resolved from here, not from the working directory (an eval worker resolves from there).
  const source = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}

/** file URL of tsx's ESM API (its "./esm/api" export for import), found from this file rather than the working directory. */
function tsxEsmApi(): string {
  const pkgFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
}
