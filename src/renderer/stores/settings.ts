/**
 * Keeps the user's settings (formats/settings) in the database: the comparison
 * selection (and so the presentation's scenarios), the open scenario and the
 * accepted plausibility warnings come back after a restart. Restored once after
 * the data is loaded; afterwards every change is saved (debounced).
 */
import type { Settings } from '../../shared/formats/settings';
import { callResult } from '../api/call';
import { useData } from './data';
import { useUi } from './ui';

const SAVE_DELAY_MS = 300;

/** The settings as they are now in the UI. */
export function currentSettings(): Settings {
  const ui = useUi.getState();
  const data = useData.getState();
  const accepted = Object.fromEntries(Object.entries(ui.acceptedWarnings).filter(([, keys]) => keys.length > 0));
  const bases = Object.fromEntries(Object.entries(ui.modelBases).filter(([, b]) => Object.keys(b).length > 0));
  return {
    ...(ui.compareIds.length > 0
      ? {
          compare: {
            ids: ui.compareIds.slice(0, 4),
            ...(ui.referenceId !== undefined ? { referenceId: ui.referenceId } : {}),
          },
        }
      : {}),
    ...(data.currentId !== undefined ? { currentScenarioId: data.currentId } : {}),
    ...(Object.keys(accepted).length > 0 ? { acceptedWarnings: accepted } : {}),
    ...(Object.keys(bases).length > 0 ? { modelBases: bases } : {}),
  };
}

/** Applies stored settings; scenarios that no longer exist are left out. */
export async function restoreSettings(): Promise<void> {
  const answer = await callResult('settings.get', {});
  if (!answer.ok) return; // a convenience: without it the app starts as before
  const settings = answer.value;
  const data = useData.getState();
  const exists = (id: number) => data.scenarios.some((s) => s.id === id);
  if (
    settings.currentScenarioId !== undefined &&
    exists(settings.currentScenarioId) &&
    settings.currentScenarioId !== data.currentId
  ) {
    await data.selectScenario(settings.currentScenarioId);
  }
  const ids = (settings.compare?.ids ?? []).filter(exists);
  if (ids.length > 0) useUi.getState().setCompare(ids, settings.compare?.referenceId);
  if (settings.acceptedWarnings) useUi.setState({ acceptedWarnings: settings.acceptedWarnings });
  if (settings.modelBases) useUi.setState({ modelBases: settings.modelBases });
}

let installed: (() => void) | undefined;

/** Stops saving settings (while another database is being loaded, so its settings are not overwritten). */
export function stopSettingsSync(): void {
  installed?.();
}

/** Saves the settings whenever they change. Returns the uninstall. */
export function installSettingsSync(): () => void {
  installed?.();
  let last = JSON.stringify(currentSettings());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const settings = currentSettings();
    const text = JSON.stringify(settings);
    if (text === last) return;
    last = text;
    void callResult('settings.save', { settings });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const offUi = useUi.subscribe((s, prev) => {
    if (
      s.compareIds !== prev.compareIds ||
      s.referenceId !== prev.referenceId ||
      s.acceptedWarnings !== prev.acceptedWarnings ||
      s.modelBases !== prev.modelBases
    )
      schedule();
  });
  const offData = useData.subscribe((s, prev) => {
    if (s.currentId !== prev.currentId) schedule();
  });
  const onLeave = () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', onLeave);
  installed = () => {
    offUi();
    offData();
    window.removeEventListener('pagehide', onLeave);
    if (timer) clearTimeout(timer);
    installed = undefined;
  };
  return installed;
}
