/**
 * Startup notices from main (app.info.notices): shown as a banner above the
 * view that stays until the user closes it, not as a toast that may be missed.
 * When the database was refused (storageReady false) the whole window shows
 * why and what to do instead: nothing can be edited then.
 */
import { useId } from 'react';
import { runAction } from '../menu';
import { openNotices, useStartup } from '../stores/startup';

export function StartupBanner() {
  const info = useStartup((s) => s.info);
  const dismissed = useStartup((s) => s.dismissed);
  const notices = openNotices({ info, dismissed });
  if (notices.length === 0) return null;
  return (
    <div className="startup-notices" data-testid="startup-notices">
      {notices.map((text) => (
        <div key={text} className="startup-notice" role="alert" data-testid="startup-notice">
          <p>
            <strong>Let op bij het starten: </strong>
            {text}
          </p>
          <div className="notice-actions">
            {/* a database that was moved aside is usually recovered from the latest backup */}
            {/beschadigd|onleesbaar|back-up/i.test(text) ? (
              <button type="button" onClick={() => runAction('restore-backup')}>
                Herstel uit back-up…
              </button>
            ) : null}
            <button
              type="button"
              className="secondary"
              onClick={() => useStartup.getState().dismiss(text)}
              data-testid="startup-notice-close"
            >
              Melding sluiten
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * Stays above every view while this window may only read (another Jeugdplanner
 * writes the data folder, the disk is full, or the folder is read-only): it cannot
 * be closed, because every edit made meanwhile stays in this window only.
 */
export function ReadOnlyBanner() {
  const readOnly = useStartup((s) => s.info?.readOnly);
  if (!readOnly) return null;
  return (
    <div className="startup-notices" data-testid="read-only-banner">
      <div className="startup-notice" role="alert">
        <p>
          <strong>Alleen lezen: </strong>
          {readOnly}
        </p>
      </div>
    </div>
  );
}

/** The whole window when the database may not be touched (made by a newer Jeugdplanner). */
export function StorageRefused() {
  const info = useStartup((s) => s.info);
  const headingId = useId();
  if (!info) return null;
  const message = info.notices[0] ?? 'De database kan door deze versie van Jeugdplanner niet worden geopend.';
  return (
    <main
      className="storage-refused"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={headingId}
      data-testid="storage-refused"
    >
      <div className="storage-refused-box">
        <h1 id={headingId} tabIndex={-1} ref={(el) => el?.focus()}>
          Jeugdplanner kan de database niet openen
        </h1>
        <p className="storage-refused-message">{message}</p>
        <p>
          <strong>Er is niets gewijzigd of verwijderd.</strong>{' '}
          {/nieuwere versie/.test(message)
            ? 'Uw gegevens staan nog in dit bestand. Open ze met de nieuwere versie van Jeugdplanner waarmee ze zijn opgeslagen, of vraag uw functioneel beheerder om die versie te installeren.'
            : 'Los op wat hierboven staat en start Jeugdplanner opnieuw; vraag zo nodig uw functioneel beheerder om hulp.'}
        </p>
        <dl className="about">
          <dt>Database</dt>
          <dd>{info.databasePath}</dd>
          <dt>Back-ups</dt>
          <dd>{info.dataDir} (map backups)</dd>
          <dt>Deze versie</dt>
          <dd>
            Jeugdplanner {info.appVersion}, rekenkern {info.engineVersion}
          </dd>
        </dl>
        <p className="meta">
          Sluit dit venster; Jeugdplanner schrijft niets naar de database zolang deze melding staat.
        </p>
      </div>
    </main>
  );
}
