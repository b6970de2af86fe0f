/**
 * The analysis Web Worker: Monte Carlo, tornado and goal seek off the UI
 * thread, so typing never stalls. Started by analysis/client.ts with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`;
 * Vite bundles it as a file of our own, allowed by the CSP's worker-src 'self'.
 */
import { createAnalysisHandler } from './handler';
import type { FromWorker, ToWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};
const handle = createAnalysisHandler((message) => scope.postMessage(message));
scope.onmessage = (e) => handle(e.data);
