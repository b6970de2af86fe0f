/** Where the Monte Carlo run stands: waiting, progress with "Stoppen", done, stopped, or an error. */
import { formatInteger } from '../../../shared/locale/numbers';
import type { MonteCarloView } from '../../analysis/hooks';

export function McStatus({ mc }: { mc: MonteCarloView }) {
  if (!mc.hasRanges) return null;
  const stale = mc.result && !mc.current;
  return (
    <div
      className={`mc-status ${mc.status}`}
      role="status"
      aria-live="polite"
      data-testid="mc-status"
      data-status={mc.status}
      data-current={mc.current ? 'true' : 'false'}
    >
      {mc.status === 'waiting' ? <span>Berekening start zodra u stopt met typen…</span> : null}
      {mc.status === 'running' ? (
        <>
          <progress max={mc.progress?.total ?? 1} value={mc.progress?.done ?? 0} aria-label="Voortgang Monte Carlo" />
          <span data-testid="mc-progress">
            Bezig: {formatInteger(mc.progress?.done ?? 0)} van {formatInteger(mc.progress?.total ?? mc.key?.draws ?? 0)}{' '}
            trekkingen
          </span>
          <button type="button" className="danger small" onClick={mc.cancel} data-testid="mc-stop">
            Stoppen
          </button>
        </>
      ) : null}
      {mc.status === 'done' && mc.result ? (
        <span>
          Klaar: {formatInteger(mc.result.draws)} trekkingen, seed {mc.result.seed}.
        </span>
      ) : null}
      {mc.status === 'cancelled' ? (
        <>
          <span>
            Gestopt:{' '}
            {stale ? 'de getallen hieronder horen bij eerdere invoer.' : 'er is nog geen uitkomst voor deze invoer.'}
          </span>
          <button type="button" className="small" onClick={mc.rerun} data-testid="mc-rerun">
            Opnieuw berekenen
          </button>
        </>
      ) : null}
      {mc.status === 'error' ? (
        <>
          <span className="field-error">Monte Carlo mislukt: {mc.error}</span>
          <button type="button" className="small" onClick={mc.rerun}>
            Opnieuw proberen
          </button>
        </>
      ) : null}
      {stale && mc.status !== 'cancelled' ? <span className="badge changed">wordt bijgewerkt</span> : null}
    </div>
  );
}
