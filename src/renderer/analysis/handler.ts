/**
 * What the analysis worker does with a message, as a plain function so it runs
 * the same in the Web Worker, in the UI thread when no worker can start, and
 * in the unit tests (Node). Monte Carlo runs in chunks and can be cancelled
 * between them; tornado and goal seek take about 0,1 s and run at once.
 */
import { runMonteCarlo } from '../../shared/analysis/montecarlo';
import { tornado } from '../../shared/analysis/tornado';
import { goalSeek } from '../../shared/analysis/goalseek';
import type { FromWorker, ToWorker } from './protocol';

/** Draws between progress messages: small enough that "Stoppen" acts within a few milliseconds. */
export const CHUNK_SIZE = 250;

export function createAnalysisHandler(post: (message: FromWorker) => void): (message: ToWorker) => void {
  const running = new Map<number, AbortController>();

  async function run(id: number, job: Extract<ToWorker, { type: 'run' }>['job']): Promise<void> {
    try {
      if (job.kind === 'montecarlo') {
        const controller = new AbortController();
        running.set(id, controller);
        const result = await runMonteCarlo(
          { model: job.model, scenario: job.scenario, draws: job.draws, seed: job.seed },
          {
            signal: controller.signal,
            chunkSize: CHUNK_SIZE,
            onProgress: (progress) => post({ type: 'progress', id, progress }),
          },
        );
        post({ type: 'result', id, result });
      } else if (job.kind === 'tornado') {
        post({ type: 'result', id, result: tornado(job.model, job.scenario, { year: job.year, sortBy: job.sortBy }) });
      } else {
        post({ type: 'result', id, result: goalSeek(job.model, job.scenario, job.spec) });
      }
    } catch (e) {
      if (running.get(id)?.signal.aborted) post({ type: 'cancelled', id });
      else post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    } finally {
      running.delete(id);
    }
  }

  return (message) => {
    if (message.type === 'cancel') running.get(message.id)?.abort();
    else void run(message.id, message.job);
  };
}
