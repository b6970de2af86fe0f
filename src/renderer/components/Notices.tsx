/** Errors and confirmations from the API, in Dutch, with the field issues listed. Announced to screen readers. */
import { useUi } from '../stores/ui';

export function Notices() {
  const notices = useUi((s) => s.notices);
  const dismiss = useUi((s) => s.dismiss);
  return (
    <div className="notices" aria-live="assertive" aria-relevant="additions">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice ${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${n.kind}`}
        >
          <p>
            <strong>{n.kind === 'error' ? 'Fout: ' : ''}</strong>
            {n.message}
          </p>
          {n.issues && n.issues.length > 0 ? (
            <ul>
              {n.issues.slice(0, 12).map((i, k) => (
                <li key={k}>{i.message}</li>
              ))}
              {n.issues.length > 12 ? <li>… en nog {n.issues.length - 12} meldingen</li> : null}
            </ul>
          ) : null}
          <div className="notice-actions">
            {n.action ? (
              <button
                type="button"
                onClick={() => {
                  n.action!.run();
                  dismiss(n.id);
                }}
              >
                {n.action.label}
              </button>
            ) : null}
            <button
              type="button"
              className="secondary small"
              onClick={() => dismiss(n.id)}
              aria-label="Melding sluiten"
            >
              Sluiten
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
