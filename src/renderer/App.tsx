/** The shell: header (model, scenario picker, commands, save state), left navigation, the current view. */
import { useEffect, useId } from 'react';
import { AboutDialog } from './components/AboutDialog';
import { BackupDialog } from './components/BackupDialog';
import { ConflictDialog } from './components/ConflictDialog';
import { ExportDialog, ImportDialog } from './components/FileDialogs';
import { ExcelDialogs, ExcelMenuButton } from './components/ExcelDialogs';
import { RealisatieImportDialog } from './components/RealisatieImportDialog';
import { Notices } from './components/Notices';
import { ReadOnlyBanner, StartupBanner, StorageRefused } from './components/StartupNotices';
import { modelLabels } from './lib/modelLabels';
import { runAction } from './menu';
import { activeHistory, canRedo, canUndo, redoLabel, undoLabel, useHistory } from './stores/history';
import { useData } from './stores/data';
import { useStartup } from './stores/startup';
import { useUi } from './stores/ui';
import { VIEWS, findView } from './views/registry';
import { formatClock } from '../shared/locale/dates';

function SaveStatus() {
  const state = useData((s) => s.saveState);
  const at = useData((s) => s.savedAt);
  const conflict = useData((s) => s.conflict);
  if (state === 'conflict' && conflict) {
    return (
      <span className="save-status error" role="status" aria-live="polite" data-testid="save-status" data-state={state}>
        Niet opgeslagen: elders gewijzigd{' '}
        {conflict.dismissed ? (
          <button type="button" className="secondary" onClick={() => useData.getState().setConflictDismissed(false)}>
            Kiezen…
          </button>
        ) : null}
      </span>
    );
  }
  const text =
    state === 'read_only'
      ? 'Alleen lezen: wijzigingen worden niet opgeslagen'
      : state === 'error'
        ? 'Opslaan mislukt — uw invoer staat nog in het scherm; probeer het opnieuw'
        : state === 'saving' || state === 'pending'
          ? 'Opslaan…'
          : at
            ? `Opgeslagen om ${formatClock(at)}`
            : 'Alles opgeslagen';
  return (
    <span
      className={`save-status ${state}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state}
    >
      {text}
    </span>
  );
}

function ScenarioPicker() {
  const id = useId();
  const scenarios = useData((s) => s.scenarios);
  const currentId = useData((s) => s.currentId);
  return (
    <div className="field inline">
      <label htmlFor={id}>Scenario</label>
      <select
        id={id}
        value={currentId ?? ''}
        data-testid="scenario-picker"
        onChange={(e) => void useData.getState().selectScenario(Number(e.target.value))}
      >
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function ModelPicker() {
  const id = useId();
  const models = useData((s) => s.models);
  const current = useData((s) => s.modelRecord);
  if (models.length <= 1)
    return (
      <span className="model-name" title="Basismodel">
        {current?.model.name}
      </span>
    );
  const labels = modelLabels(models);
  return (
    <div className="field inline">
      <label htmlFor={id}>Model</label>
      <select
        id={id}
        value={current?.id ?? ''}
        data-testid="model-picker"
        onChange={(e) => void useData.getState().selectModel(Number(e.target.value))}
      >
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {labels.get(m.id) ?? m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function Header() {
  const currentId = useData((s) => s.currentId);
  const view = useUi((s) => s.view);
  const historyKey = activeHistory(view, currentId);
  const undoable = useHistory((s) => canUndo(s, historyKey));
  const redoable = useHistory((s) => canRedo(s, historyKey));
  const undoWhat = useHistory((s) => undoLabel(s, historyKey));
  const redoWhat = useHistory((s) => redoLabel(s, historyKey));
  return (
    <header className="app-header" role="banner">
      <div className="brand">Jeugdplanner</div>
      <ModelPicker />
      <ScenarioPicker />
      <div className="toolbar" role="toolbar" aria-label="Opdrachten">
        <button
          type="button"
          onClick={() => runAction('undo')}
          disabled={!undoable}
          title={`${undoWhat ? `Ongedaan maken: ${undoWhat}` : 'Ongedaan maken'} (Ctrl+Z)`}
          aria-label={undoWhat ? `Ongedaan maken: ${undoWhat}` : 'Ongedaan maken'}
          data-testid="undo"
        >
          Ongedaan maken{undoWhat ? <span className="undo-what">: {undoWhat}</span> : null}
        </button>
        <button
          type="button"
          onClick={() => runAction('redo')}
          disabled={!redoable}
          title={`${redoWhat ? `Opnieuw: ${redoWhat}` : 'Opnieuw'} (Ctrl+Shift+Z of Ctrl+Y)`}
          aria-label={redoWhat ? `Opnieuw: ${redoWhat}` : 'Opnieuw'}
          data-testid="redo"
        >
          Opnieuw
        </button>
        <button type="button" onClick={() => runAction('new-scenario')} title="Nieuw scenario (Ctrl+Alt+N)">
          Nieuw scenario
        </button>
        <button type="button" onClick={() => runAction('import')} title="Importeren (Ctrl+Alt+I)">
          Importeren…
        </button>
        <button type="button" onClick={() => runAction('export')} title="Exporteren (Ctrl+Alt+E)">
          Exporteren…
        </button>
        <ExcelMenuButton run={runAction} />
        <button type="button" onClick={() => runAction('print')} title="Afdrukken of opslaan als PDF (Ctrl+P)">
          Afdrukken / PDF
        </button>
        <button type="button" onClick={() => runAction('presentation')} title="Presentatiemodus (Ctrl+Alt+P)">
          Presentatiemodus
        </button>
        <button
          type="button"
          onClick={() => runAction('restore-backup')}
          title="Een back-up van de database terugzetten"
        >
          Herstel uit back-up…
        </button>
        <button type="button" className="secondary" onClick={() => runAction('about')}>
          Over
        </button>
      </div>
      <SaveStatus />
    </header>
  );
}

function Nav() {
  const view = useUi((s) => s.view);
  return (
    <nav className="app-nav" aria-label="Onderdelen">
      <ul>
        {VIEWS.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              aria-current={view === v.id ? 'page' : undefined}
              data-testid={`nav-${v.id}`}
              onClick={() => useUi.getState().setView(v.id)}
            >
              {v.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The app's dialogs; mounted in the presentation too, so the menu (e.g. Help → Over) works there. */
function Dialogs() {
  return (
    <>
      <ImportDialog />
      <ExportDialog />
      <AboutDialog />
      <BackupDialog />
      <ExcelDialogs />
      <ConflictDialog />
      <RealisatieImportDialog />
    </>
  );
}

export function App() {
  const status = useData((s) => s.status);
  const loadError = useData((s) => s.loadError);
  const viewId = useUi((s) => s.view);
  const view = findView(viewId);
  const ready = useData((s) => s.status === 'ready' && s.currentId !== undefined && s.modelRecord !== undefined);
  const refused = useStartup((s) => s.info?.storageReady === false);

  useEffect(() => {
    document.title = `${view.label} · Jeugdplanner`;
  }, [view]);

  // a database from a newer Jeugdplanner: nothing may be edited, so no app around the message
  if (refused) return <StorageRefused />;

  if (view.fullScreen && ready) {
    return (
      <>
        <view.Component />
        <Notices />
        <Dialogs />
      </>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <Header />
      <div className="app-body">
        <Nav />
        <main id="main" tabIndex={-1} className="app-main" data-view={view.id}>
          <ReadOnlyBanner />
          <StartupBanner />
          {status === 'loading' || status === 'idle' ? <p aria-live="polite">Gegevens laden…</p> : null}
          {status === 'error' ? (
            <div className="notice error" role="alert">
              <p>{loadError}</p>
              <button type="button" onClick={() => runAction('import')}>
                Importeren…
              </button>
            </div>
          ) : null}
          {ready ? <view.Component /> : null}
        </main>
      </div>
      <Notices />
      <Dialogs />
    </div>
  );
}
