/** UI state: which view, what is selected, presentation state, notices. No data, no results. */
import { create } from 'zustand';
import type { ValidationIssue } from '../../shared/formats/issues';

/** A view id from views/registry (a string so later views, e.g. analysis, can register themselves). */
export type ViewId = string;

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  issues?: ValidationIssue[];
  action?: { label: string; run: () => void };
}

interface UiState {
  view: ViewId;
  selectedSegmentId?: string;
  /** scenarios chosen for Vergelijken (2–4) and the reference among them */
  compareIds: number[];
  referenceId?: number;
  gemeenteYear?: number;
  presentation: { slide: number };
  /** which dialog from the header is open */
  dialog?: 'import' | 'export' | 'over' | 'backups' | undefined;
  notices: Notice[];
  /** per scenario id: keys of the plausibility warnings the user accepted ("Klopt dit?"), remembered in the settings */
  acceptedWarnings: Record<string, string[]>;
  setView(view: ViewId): void;
  selectSegment(id: string): void;
  setCompare(ids: number[], referenceId?: number): void;
  setGemeenteYear(year: number): void;
  setSlide(slide: number): void;
  openDialog(dialog: UiState['dialog']): void;
  notify(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
  acceptWarning(scenarioId: number, key: string): void;
}

let nextNotice = 1;

export const useUi = create<UiState>()((set, get) => ({
  view: 'overzicht',
  compareIds: [],
  presentation: { slide: 0 },
  notices: [],
  acceptedWarnings: {},
  setView: (view) => set({ view }),
  selectSegment: (selectedSegmentId) => set({ selectedSegmentId }),
  setCompare: (compareIds, referenceId) =>
    set({ compareIds, referenceId: referenceId !== undefined && compareIds.includes(referenceId) ? referenceId : compareIds[0] }),
  setGemeenteYear: (gemeenteYear) => set({ gemeenteYear }),
  setSlide: (slide) => set({ presentation: { slide } }),
  openDialog: (dialog) => set({ dialog }),
  notify(notice) {
    const id = nextNotice++;
    set({ notices: [...get().notices.slice(-4), { ...notice, id }] });
    return id;
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  acceptWarning(scenarioId, key) {
    const list = get().acceptedWarnings[String(scenarioId)] ?? [];
    if (list.includes(key)) return;
    // the newest 500 per scenario (the settings' limit)
    set({ acceptedWarnings: { ...get().acceptedWarnings, [String(scenarioId)]: [...list, key].slice(-500) } });
  },
}));
