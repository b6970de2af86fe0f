/**
 * Progress and "Annuleren" for a long request (see lib/jobProgress.ts): `track` runs the request with a
 * fresh jobKey and watches its job while it is pending; `JobProgressBox` shows the bar, the step and
 * the cancel button once the job has been found (after ~1 s).
 */
import { useEffect, useRef, useState } from 'react';
import { callResult } from '../api/call';
import { formatPct } from '../../shared/locale/numbers';
import { newJobKey, watchJob, type JobView } from '../lib/jobProgress';

export function useJobProgress() {
  const [view, setView] = useState<JobView | undefined>();
  const [cancelling, setCancelling] = useState(false);
  const stopRef = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stopRef.current?.(), []);

  async function track<T>(run: (jobKey: string) => Promise<T>): Promise<T> {
    const key = newJobKey();
    stopRef.current?.();
    setView(undefined);
    setCancelling(false);
    const stop = watchJob(key, {
      status: async () => {
        const result = await callResult('jobs.status', {});
        return result.ok ? result.value : undefined;
      },
      onView: setView,
    });
    stopRef.current = stop;
    try {
      return await run(key);
    } finally {
      stop();
      if (stopRef.current === stop) stopRef.current = undefined;
      setView(undefined);
      setCancelling(false);
    }
  }

  async function cancel(): Promise<void> {
    if (!view) return;
    setCancelling(true);
    // the request itself then answers 'cancelled' (or, if it finished first, with its result)
    await callResult('jobs.cancel', { id: view.id });
  }

  return { view, cancelling, track, cancel };
}

export function JobProgressBox({
  view,
  cancelling,
  onCancel,
  testId,
}: {
  view: JobView;
  cancelling: boolean;
  onCancel: () => void;
  testId: string;
}) {
  return (
    <div className="job-progress" data-testid={testId}>
      <progress
        max={1}
        {...(view.fraction !== undefined ? { value: view.fraction } : {})}
        aria-label="Voortgang"
        data-testid={`${testId}-bar`}
      >
        {view.fraction !== undefined ? formatPct(view.fraction * 100, 0) : ''}
      </progress>
      <p className="meta" aria-live="polite" data-testid={`${testId}-step`}>
        {view.step}
        {view.fraction !== undefined ? ` (${formatPct(view.fraction * 100, 0)})` : ''}
      </p>
      <button
        type="button"
        className="secondary"
        disabled={cancelling}
        onClick={onCancel}
        data-testid={`${testId}-cancel`}
      >
        {cancelling ? 'Annuleren…' : 'Annuleren'}
      </button>
    </div>
  );
}
