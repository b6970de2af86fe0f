/**
 * The progress/cancel logic of the Excel dialogs (lib/jobProgress.ts): which job is ours (by the jobKey we
 * sent), what the dialog shows of it, when it polls and that nothing is reported after the request answered.
 */
import { describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../../src/shared/api';
import { JOB_KEY_PATTERN } from '../../../src/shared/api';
import {
  CANCELLED_MESSAGE,
  jobViewOf,
  newJobKey,
  watchJob,
  type JobView,
  type Timers,
} from '../../../src/renderer/lib/jobProgress';

const exportJob = (over: Partial<JobStatus> = {}): JobStatus => ({
  id: 7,
  method: 'excel.exportBijlage',
  key: 'mine',
  state: 'running',
  elapsedMs: 1200,
  ...over,
});

/** Timers run by the test: each set() is pending until fire(). */
function manualTimers() {
  const pending: { fn: () => void; ms: number; handle: number }[] = [];
  let next = 1;
  const timers: Timers = {
    set: (fn, ms) => {
      const handle = next++;
      pending.push({ fn, ms, handle });
      return handle;
    },
    clear: (h) => {
      const i = pending.findIndex((p) => p.handle === h);
      if (i >= 0) pending.splice(i, 1);
    },
  };
  return {
    timers,
    pending,
    fire() {
      const t = pending.shift();
      if (!t) throw new Error('no timer pending');
      t.fn();
      return t.ms;
    },
  };
}

describe('jobViewOf', () => {
  it('finds our job by key among others and shows its step and fraction', () => {
    const statuses = [
      exportJob({ id: 3, key: 'other', progress: { fraction: 0.9, step: 'x' } }),
      exportJob({ progress: { fraction: 0.25, step: 'werkmap 2 van 8 schrijven' } }),
    ];
    expect(jobViewOf(statuses, 'mine')).toEqual({ id: 7, fraction: 0.25, step: 'werkmap 2 van 8 schrijven' });
    expect(jobViewOf(statuses, 'gone')).toBeUndefined();
    expect(jobViewOf([exportJob({ key: undefined })], 'mine')).toBeUndefined();
  });

  it('says what a queued job or one without progress waits for, without a fraction (indeterminate bar)', () => {
    expect(jobViewOf([exportJob({ state: 'queued' })], 'mine')).toEqual({
      id: 7,
      step: 'Wacht tot een ander zwaar verzoek klaar is…',
    });
    expect(jobViewOf([exportJob()], 'mine')).toEqual({ id: 7, step: 'Bezig…' });
  });

  it('keeps the fraction within 0..1', () => {
    expect(jobViewOf([exportJob({ progress: { fraction: 1.2, step: 's' } })], 'mine')?.fraction).toBe(1);
    expect(jobViewOf([exportJob({ progress: { fraction: -0.1, step: 's' } })], 'mine')?.fraction).toBe(0);
  });
});

describe('CANCELLED_MESSAGE', () => {
  it('is what the brief of the dialogs promises', () => {
    expect(CANCELLED_MESSAGE).toBe('Geannuleerd; er is niets gewijzigd.');
  });
});

describe('newJobKey', () => {
  it('gives keys the contract accepts, different each time', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newJobKey()));
    expect(keys.size).toBe(50);
    for (const k of keys) expect(k).toMatch(JOB_KEY_PATTERN);
  });
});

describe('watchJob', () => {
  it('first polls after the delay, then every interval, one poll at a time; reports our job until stopped', async () => {
    const t = manualTimers();
    const answers: JobStatus[][] = [
      [exportJob({ state: 'queued' })],
      [exportJob({ progress: { fraction: 0.5, step: 'werkmap 4 van 8 schrijven' } })],
      [],
    ];
    const status = vi.fn(async () => answers.shift() ?? []);
    const views: (JobView | undefined)[] = [];
    const stop = watchJob('mine', {
      status,
      onView: (v) => views.push(v),
      timers: t.timers,
      delayMs: 1000,
      intervalMs: 400,
    });

    expect(status).not.toHaveBeenCalled();
    expect(t.fire()).toBe(1000);
    await vi.waitFor(() => expect(views).toHaveLength(1));
    expect(views[0]).toEqual({ id: 7, step: 'Wacht tot een ander zwaar verzoek klaar is…' });
    expect(t.pending.map((p) => p.ms)).toEqual([400]);

    expect(t.fire()).toBe(400);
    await vi.waitFor(() => expect(views).toHaveLength(2));
    expect(views[1]).toEqual({ id: 7, fraction: 0.5, step: 'werkmap 4 van 8 schrijven' });

    // the job left the list (finished): reported as undefined, polling goes on until the request answers
    t.fire();
    await vi.waitFor(() => expect(views).toHaveLength(3));
    expect(views[2]).toBeUndefined();
    expect(t.pending).toHaveLength(1);

    stop();
    expect(t.pending).toHaveLength(0);
    expect(status).toHaveBeenCalledTimes(3);
  });

  it('reports nothing after stop, even from a poll that was under way', async () => {
    const t = manualTimers();
    let answer!: (s: JobStatus[]) => void;
    const status = vi.fn(() => new Promise<JobStatus[]>((resolve) => (answer = resolve)));
    const views: (JobView | undefined)[] = [];
    const stop = watchJob('mine', { status, onView: (v) => views.push(v), timers: t.timers });
    t.fire();
    await vi.waitFor(() => expect(status).toHaveBeenCalledTimes(1));
    stop();
    answer([exportJob()]);
    await Promise.resolve();
    await Promise.resolve();
    expect(views).toEqual([]);
    expect(t.pending).toHaveLength(0);
  });

  it('a failed status call is skipped, the next poll is still scheduled', async () => {
    const t = manualTimers();
    const status = vi
      .fn()
      .mockRejectedValueOnce(new Error('weg'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue([exportJob()]);
    const views: (JobView | undefined)[] = [];
    const stop = watchJob('mine', { status, onView: (v) => views.push(v), timers: t.timers });
    t.fire();
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    t.fire();
    await vi.waitFor(() => expect(status).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(t.pending).toHaveLength(1));
    expect(views).toEqual([]);
    t.fire();
    await vi.waitFor(() => expect(views).toEqual([{ id: 7, step: 'Bezig…' }]));
    stop();
  });
});
