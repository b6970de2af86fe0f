/**
 * The app's commands, shared by the Electron menu (through the preload), the
 * header buttons and keyboard shortcuts, so browser mode (no menu) has them too.
 */
import { MAX_MENU_LABEL_LENGTH, type MenuEvent } from '../shared/api';
import { callResult } from './api/call';
import { onMenu } from './api/client';
import { useExcelDialog } from './stores/excelDialog';
import { useData } from './stores/data';
import { activeHistory, redoLabel, undoLabel, useHistory } from './stores/history';
import { useUi } from './stores/ui';

/** The same actions as the Electron menu (MENU_EVENTS in shared/api). */
export type MenuAction = MenuEvent;

/** A name that is not yet taken: "Nieuw scenario", "Nieuw scenario 2", … */
export function uniqueName(stem: string, taken: readonly string[]): string {
  const set = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 1; ; n++) {
    const name = n === 1 ? stem : `${stem} ${n}`;
    if (!set.has(name.toLowerCase())) return name;
  }
}

export function runAction(action: MenuAction): void {
  const ui = useUi.getState();
  const data = useData.getState();
  switch (action) {
    case 'new-scenario': {
      const name = uniqueName(
        'Nieuw scenario',
        data.scenarios.map((s) => s.name),
      );
      void data.createScenario(name).then((id) => {
        if (id !== undefined) useUi.getState().setView('scenarios');
      });
      return;
    }
    case 'import':
      ui.openDialog('import');
      return;
    case 'export':
      ui.openDialog('export');
      return;
    case 'print':
      // print what is on screen: the current view, or in presentation mode each slide on its own
      // landscape page (the print stylesheet hides the app's chrome and fits the charts to A4)
      void data.flush();
      window.print();
      return;
    case 'presentation':
      ui.setView('presentatie');
      return;
    case 'about':
      ui.openDialog('over');
      return;
    case 'excel-export':
      useExcelDialog.getState().show('export');
      return;
    case 'excel-template':
      useExcelDialog.getState().show('template');
      return;
    case 'excel-import':
      useExcelDialog.getState().show('import');
      return;
    case 'restore-backup':
      ui.openDialog('backups');
      return;
    case 'undo':
      data.undo();
      return;
    case 'redo':
      data.redo();
      return;
  }
}

/** Subscribes to menu events from Electron's preload (a no-op in browser mode). */
export function installMenuBridge(): () => void {
  return onMenu((action) => runAction(action));
}

export interface UndoMenuLabels {
  undo?: string;
  redo?: string;
}

/** A label as a menu item can show it: one line, no control characters, at most MAX_MENU_LABEL_LENGTH. */
function menuText(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const line = label.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  return line.length <= MAX_MENU_LABEL_LENGTH ? line : `${line.slice(0, MAX_MENU_LABEL_LENGTH - 1)}…`;
}

/** What undo and redo would do now, in the history of the open view (as the header's buttons say it). */
export function currentUndoMenuLabels(): UndoMenuLabels {
  const key = activeHistory(useUi.getState().view, useData.getState().currentId);
  const history = useHistory.getState();
  const undo = menuText(undoLabel(history, key));
  const redo = menuText(redoLabel(history, key));
  return { ...(undo !== undefined ? { undo } : {}), ...(redo !== undefined ? { redo } : {}) };
}

/**
 * Keeps the desktop menu's "Ongedaan maken: …" and "Opnieuw: …" in step with
 * the open view's history: sends menu.setUndoLabels once now and whenever the
 * labels change (switching view or scenario, an edit, an undo). Only for the
 * desktop app (browser mode has no menu; main would answer applied: false).
 */
export function installUndoMenuLabels(
  send: (labels: UndoMenuLabels) => void = (labels) => void callResult('menu.setUndoLabels', labels),
): () => void {
  let last: string | undefined;
  const update = () => {
    const labels = currentUndoMenuLabels();
    const key = JSON.stringify(labels);
    if (key === last) return;
    last = key;
    send(labels);
  };
  const unsubscribe = [useHistory.subscribe(update), useUi.subscribe(update), useData.subscribe(update)];
  update();
  return () => unsubscribe.forEach((u) => u());
}

/** Keyboard shortcuts that work everywhere in the app (the presentation handles its own keys). */
export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    // F1 (help) opens "Over": the one way to it in the presentation in browser mode, where there is no menu
    if (e.key === 'F1' && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      runAction('about');
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    if (!mod) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) {
      e.preventDefault();
      runAction('undo');
    } else if ((key === 'z' && e.shiftKey) || key === 'y') {
      e.preventDefault();
      runAction('redo');
    } else if (key === 'p' && !e.altKey) {
      e.preventDefault();
      runAction('print');
    } else if (e.altKey && key === 'p') {
      e.preventDefault();
      runAction('presentation');
    } else if (e.altKey && key === 'n') {
      e.preventDefault();
      runAction('new-scenario');
    } else if (e.altKey && key === 'i') {
      e.preventDefault();
      runAction('import');
    } else if (e.altKey && key === 'e') {
      e.preventDefault();
      runAction('export');
    }
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
