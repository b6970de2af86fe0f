/**
 * Bestand → Herstel uit back-up: the backups in the data folder (one made at
 * every start, and one "vóór herstel" before every restore), newest first. A
 * restore replaces the whole database; main first saves the current database
 * as a backup, so a restore can itself be undone. Afterwards everything the UI
 * holds is loaded again from the restored database.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/api';
import { formatNumber } from '../../shared/locale/numbers';
import { call } from '../api/call';
import { useData } from '../stores/data';
import { useHistory } from '../stores/history';
import { installSettingsSync, restoreSettings, stopSettingsSync } from '../stores/settings';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';
import { formatTimestamp } from '../../shared/locale/dates';

export function formatBackupTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatTimestamp(d, true);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} kB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** Why the backup exists, from its name (see main/storage/backup.ts). */
export function backupKind(name: string): string {
  return name.includes('-voor-herstel') ? 'vóór een herstel' : 'bij het starten';
}

/**
 * Drops everything loaded from the old database (working copies, undo history,
 * compare selection) and loads models and scenarios again. Edits were flushed
 * before the restore, so nothing typed is lost: it is in the "vóór herstel" backup.
 */
async function reloadAllData(): Promise<void> {
  // the restored database has its own settings: do not write this session's over them
  stopSettingsSync();
  useHistory.getState().clearAll();
  useUi.getState().setCompare([]);
  useUi.setState({ acceptedWarnings: {}, modelBases: {} });
  useData.setState({
    models: [],
    modelRecord: undefined,
    scenarios: [],
    working: {},
    revisions: {},
    currentId: undefined,
    lastDeleted: undefined,
    conflict: undefined,
  });
  await useData.getState().init();
  await restoreSettings();
  installSettingsSync();
}

export function BackupDialog() {
  const open = useUi((s) => s.dialog === 'backups');
  const close = () => useUi.getState().closeDialog('backups');
  const [backups, setBackups] = useState<BackupInfo[] | undefined>();
  const [confirming, setConfirming] = useState<BackupInfo | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) {
      setConfirming(undefined);
      return;
    }
    setBackups(undefined);
    void call('backups.list', {}).then((list) => setBackups(list ?? []));
  }, [open]);

  async function restore(backup: BackupInfo) {
    setBusy(true);
    try {
      // first write every pending edit, so it ends up in the "vóór herstel" backup
      await useData.getState().flush();
      // an open conflict (another tab saved) holds an unsaved version too
      if (useData.getState().saveState === 'error' || useData.getState().conflict) {
        // an edit that could not be saved would be in neither database: keep it on screen instead
        useUi.getState().notify({
          kind: 'error',
          message:
            'Niet alle wijzigingen konden worden opgeslagen, dus de back-up is niet teruggezet. Probeer het opnieuw als het opslaan weer lukt.',
        });
        return;
      }
      const done = await call('backups.restore', { name: backup.name });
      if (!done) return;
      await reloadAllData();
      useUi.getState().notify({
        kind: 'info',
        message:
          `De back-up van ${formatBackupTime(backup.createdAt)} is teruggezet en alle gegevens zijn opnieuw geladen. ` +
          `De database van vóór het herstel is bewaard als back-up ${done.safetyBackup}.`,
      });
      close();
    } finally {
      setBusy(false);
      setConfirming(undefined);
    }
  }

  return (
    <Dialog title="Herstel uit back-up" open={open} onClose={close}>
      <p>
        Jeugdplanner maakt bij elke start een back-up van de database (de laatste 10 blijven bewaard) en vóór elk
        herstel een back-up van de database zoals die op dat moment is. Een back-up terugzetten vervangt alle modellen,
        scenario's en versies door de stand van dat moment.
      </p>
      {backups === undefined ? <p aria-live="polite">Back-ups laden…</p> : null}
      {backups !== undefined && backups.length === 0 ? (
        <p data-testid="backups-empty">
          Er zijn nog geen back-ups. De eerste wordt gemaakt bij de volgende start van Jeugdplanner.
        </p>
      ) : null}
      {backups !== undefined && backups.length > 0 && !confirming ? (
        <div className="table-scroll backup-list">
          <table className="data" data-testid="backup-table">
            <caption className="sr-only">Beschikbare back-ups, nieuwste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Gemaakt op</th>
                <th scope="col">Aanleiding</th>
                <th scope="col" className="num">
                  Grootte
                </th>
                <th scope="col">
                  <span className="sr-only">Actie</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.name} data-backup={b.name}>
                  <th scope="row" title={b.name}>
                    {formatBackupTime(b.createdAt)}
                  </th>
                  <td>{backupKind(b.name)}</td>
                  <td className="num">{formatBytes(b.sizeBytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      onClick={() => setConfirming(b)}
                      aria-label={`Back-up van ${formatBackupTime(b.createdAt)} terugzetten`}
                    >
                      Terugzetten…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {confirming ? (
        <div className="confirm-restore" role="group" aria-label="Bevestig herstel" data-testid="confirm-restore">
          <p>
            <strong>Back-up van {formatBackupTime(confirming.createdAt)} terugzetten?</strong>
          </p>
          <ul>
            <li>Alle modellen, scenario's en versies worden vervangen door de stand van die back-up.</li>
            <li>
              De huidige database wordt eerst zelf als back-up bewaard (<em>vóór een herstel</em>). Daarmee kunt u dit
              herstel later ongedaan maken via dit venster.
            </li>
            <li>
              Daarna worden alle gegevens in het scherm opnieuw geladen; de ongedaan-maken-geschiedenis begint opnieuw.
            </li>
          </ul>
          <div className="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void restore(confirming)}
              data-testid="confirm-restore-yes"
            >
              {busy ? 'Bezig met terugzetten…' : 'Ja, terugzetten'}
            </button>
            {/* focus on the safe choice: the list button that opened this question is gone */}
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => setConfirming(undefined)}
              autoFocus
            >
              Annuleren
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
