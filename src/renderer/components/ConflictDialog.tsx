/**
 * A save was refused because another tab or window saved the same scenario (or
 * the model) in between. Nothing was overwritten; the user chooses what happens
 * to this window's version: kept as a new scenario/model next to theirs, or
 * dropped in favour of theirs. Until then nothing of this record is saved.
 */
import { useState } from 'react';
import { useData } from '../stores/data';
import { Dialog } from './Dialog';

export function ConflictDialog() {
  const conflict = useData((s) => s.conflict);
  const [busy, setBusy] = useState(false);
  const open = conflict !== undefined && !conflict.dismissed;
  const what = conflict?.kind === 'model' ? 'model' : 'scenario';
  const run = async (choice: () => Promise<void>) => {
    setBusy(true);
    try {
      await choice();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title="Elders gewijzigd: uw wijziging is niet opgeslagen"
      open={open}
      onClose={() => useData.getState().setConflictDismissed(true)}
    >
      {conflict ? (
        <div data-testid="conflict-dialog">
          <p className="conflict-message">{conflict.message}</p>
          <p>
            Zolang u niet kiest, wordt {what} &quot;{conflict.name}&quot; in dit venster niet opgeslagen.
          </p>
          <div className="notice-actions">
            <button
              type="button"
              disabled={busy}
              data-testid="conflict-keep-mine"
              onClick={() => void run(() => useData.getState().keepMineAsNew())}
            >
              Mijn versie bewaren als {conflict.kind === 'model' ? 'nieuw model' : 'nieuw scenario'}
            </button>
            <button
              type="button"
              disabled={busy}
              data-testid="conflict-load-theirs"
              onClick={() => void run(() => useData.getState().loadTheirs())}
            >
              Hun versie laden
            </button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
