/**
 * What main reported at startup (app.info): versions, where the data lives, and
 * the notices the user must see — a corrupt database moved aside, or a newer
 * database refused. Asked once before the data is loaded, because a refused
 * database means there is no data to load.
 */
import { create } from 'zustand';
import type { AppInfo } from '../../shared/api';
import { callResult } from '../api/call';

const DISMISSED_KEY = 'jeugdplanner.geslotenMeldingen';

interface StartupState {
  info?: AppInfo;
  /** why app.info itself failed (no connection); the data load will show its own error too */
  error?: string;
  /** notices the user closed; remembered so a reload does not bring them back */
  dismissed: readonly string[];
  load(): Promise<AppInfo | undefined>;
  dismiss(notice: string): void;
}

function readDismissed(): string[] {
  try {
    const raw = globalThis.localStorage?.getItem(DISMISSED_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function writeDismissed(list: readonly string[]): void {
  try {
    // the notices name the moved-aside file with its time, so a new incident is a new text and shows again
    globalThis.localStorage?.setItem(DISMISSED_KEY, JSON.stringify(list.slice(-20)));
  } catch {
    // no storage (private mode): the notice may come back after a reload, nothing worse
  }
}

export const useStartup = create<StartupState>()((set, get) => ({
  dismissed: readDismissed(),
  async load() {
    const res = await callResult('app.info', {});
    if (!res.ok) {
      set({ error: res.error.message });
      return undefined;
    }
    set({ info: res.value, error: undefined });
    return res.value;
  },
  dismiss(notice) {
    const dismissed = [...get().dismissed, notice];
    writeDismissed(dismissed);
    set({ dismissed });
  },
}));

/** The startup notices not yet closed by the user. */
export function openNotices(state: Pick<StartupState, 'info' | 'dismissed'>): string[] {
  if (!state.info || !state.info.storageReady) return [];
  return state.info.notices.filter((n) => !state.dismissed.includes(n));
}

/**
 * Boots the renderer: app.info first; only when the storage is usable is the
 * data loaded (a refused database answers every data call with an error).
 */
export async function boot(loadData: () => Promise<void>): Promise<void> {
  const info = await useStartup.getState().load();
  if (info && !info.storageReady) return;
  await loadData();
}
