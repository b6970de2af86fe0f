/**
 * The job worker: one worker thread per job (runner.ts starts it). It gets
 * `{ kind, input }` as workerData, runs the task from tasks.ts and posts
 * progress, then exactly one `done` or `failed`. The same file serves the
 * desktop app (bundled by scripts/build-electron.ts as job-worker.cjs),
 * browser mode, the CLI, tests and the bench (from source under tsx).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, TaskRefusal, type JobKind, type JobProgress } from './tasks';

export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  /** heap: the worker's total V8 heap at the end, in bytes (≈ its peak) */
  | { type: 'done'; value: unknown; heap: number }
  | { type: 'failed'; refusal: boolean; message: string; stack?: string };

const port = parentPort;
if (port) {
  const { kind, input } = workerData as { kind: JobKind; input: never };
  const post = (m: WorkerMessage) => port.postMessage(m);
  runTask(kind, input, (progress) => post({ type: 'progress', progress })).then(
    (value) => post({ type: 'done', value, heap: getHeapStatistics().total_heap_size }),
    (err: unknown) =>
      post({
        type: 'failed',
        refusal: err instanceof TaskRefusal,
        message: err instanceof Error ? err.message : String(err),
        ...(err instanceof Error && err.stack ? { stack: err.stack } : {}),
      }),
  );
}
