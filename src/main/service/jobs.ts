/** jobs.status and jobs.cancel: the long requests running off the service's thread (see ../jobs/runner.ts). */
import type { HandlerMap } from './context';

export const jobHandlers: HandlerMap<'jobs.status' | 'jobs.cancel'> = {
  'jobs.status': (_req, ctx) =>
    ctx.jobs.status().map((j) => ({
      id: j.id,
      method: j.kind,
      ...(j.key !== undefined ? { key: j.key } : {}),
      state: j.state,
      elapsedMs: j.elapsedMs,
      ...(j.progress ? { progress: j.progress } : {}),
    })),
  'jobs.cancel': (req, ctx) => ({ cancelled: ctx.jobs.cancel(req.id) }),
};
