/**
 * Progress and cancel of a long request (the Excel dialogs): the request carries a jobKey the renderer
 * chose; while it is pending, jobs.status is polled for the job with that key (first after ~1 s, so a
 * quick request shows nothing), and jobs.cancel stops it by the id found there. Pure apart from the
 * status function and timers handed in, so the logic is tested without a service.
 */
import type { JobStatus } from '../../shared/api';

/** What a cancelled request shows (code 'cancelled'): the service stopped the worker before anything was stored. A `limit` error shows main's own Dutch message. */
export const CANCELLED_MESSAGE = 'Geannuleerd; er is niets gewijzigd.';
/** A request answered sooner than this shows no progress at all. */
export const SHOW_PROGRESS_AFTER_MS = 1000;
export const POLL_INTERVAL_MS = 400;

/** A fresh key per request (crypto.randomUUID where the page has it: app:// and 127.0.0.1 are secure contexts). */
export function newJobKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** The job of one request as the dialog shows it. */
export interface JobView {
  id: number;
  /** 0..1; undefined while the job has not said (an indeterminate bar) */
  fraction?: number;
  /** the step in Dutch ("werkmap 3 van 8 schrijven"), or what the job is waiting for */
  step: string;
}

export function jobViewOf(statuses: readonly JobStatus[], key: string): JobView | undefined {
  const job = statuses.find((j) => j.key === key);
  if (!job) return undefined;
  if (job.state === 'queued') return { id: job.id, step: 'Wacht tot een ander zwaar verzoek klaar is…' };
  if (!job.progress) return { id: job.id, step: 'Bezig…' };
  return { id: job.id, fraction: Math.min(1, Math.max(0, job.progress.fraction)), step: job.progress.step };
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface WatchOptions {
  /** jobs.status; undefined when the call failed (the next poll tries again) */
  status: () => Promise<readonly JobStatus[] | undefined>;
  /** the job as last seen; undefined before it is found and after it has left the list */
  onView: (view: JobView | undefined) => void;
  timers?: Timers;
  delayMs?: number;
  intervalMs?: number;
}

/**
 * Polls jobs.status for the job with this key until the returned stop() is called (when the request has
 * answered). One poll at a time: the next is scheduled after the previous answered. Nothing is reported
 * after stop().
 */
export function watchJob(key: string, options: WatchOptions): () => void {
  const timers = options.timers ?? realTimers;
  const interval = options.intervalMs ?? POLL_INTERVAL_MS;
  let stopped = false;
  let handle: unknown;
  const poll = async () => {
    handle = undefined;
    let statuses: readonly JobStatus[] | undefined;
    try {
      statuses = await options.status();
    } catch {
      statuses = undefined;
    }
    if (stopped) return;
    if (statuses) options.onView(jobViewOf(statuses, key));
    handle = timers.set(() => void poll(), interval);
  };
  handle = timers.set(() => void poll(), options.delayMs ?? SHOW_PROGRESS_AFTER_MS);
  return () => {
    stopped = true;
    if (handle !== undefined) timers.clear(handle);
  };
}
