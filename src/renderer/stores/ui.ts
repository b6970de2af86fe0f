/** UI state: which view, what is selected, presentation state, notices. No data, no results. */
import { create } from 'zustand';
import type { ValidationIssue } from '../../shared/formats/issues';
import type { Model } from '../../shared/formats/model';
import { trackModelBases } from '../../shared/formats/plausibility';

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
  /** a section a view should bring into view and focus once it has rendered (e.g. 'funding' in Aannames) */
  pendingSection?: string | undefined;
  /** which dialog from the header is open */
  dialog?: 'import' | 'export' | 'over' | 'backups' | undefined;
  notices: Notice[];
  /** per scenario id: keys of the plausibility warnings the user accepted ("Klopt dit?"), remembered in the settings */
  acceptedWarnings: Record<string, string[]>;
  /** per model id: the value a checked base-model figure had before it was first changed (formats/plausibility) */
  modelBases: Record<string, Record<string, number>>;
  setView(view: ViewId): void;
  /** opens a view at one of its sections; the view scrolls to it and focuses its first field */
  openSection(view: ViewId, section: string): void;
  sectionShown(): void;
  selectSegment(id: string): void;
  setCompare(ids: number[], referenceId?: number): void;
  setGemeenteYear(year: number): void;
  setSlide(slide: number): void;
  openDialog(dialog: UiState['dialog']): void;
  /** closes this dialog if it is still the open one (a dialog's close event may arrive after another opened) */
  closeDialog(dialog: NonNullable<UiState['dialog']>): void;
  notify(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
  acceptWarning(scenarioId: number, key: string): void;
  trackModel(modelId: number, before: Model, after: Model): void;
  /** accepts a base-model warning: its figure is no longer compared with the value it replaced */
  acceptModelWarning(modelId: number, baseKey: string): void;
}

let nextNotice = 1;

export const useUi = create<UiState>()((set, get) => ({
  view: 'overzicht',
  compareIds: [],
  presentation: { slide: 0 },
  notices: [],
  acceptedWarnings: {},
  modelBases: {},
  setView: (view) => set({ view }),
  openSection: (view, pendingSection) => set({ view, pendingSection }),
  sectionShown: () => set({ pendingSection: undefined }),
  selectSegment: (selectedSegmentId) => set({ selectedSegmentId }),
  setCompare: (compareIds, referenceId) =>
    set({
      compareIds,
      referenceId: referenceId !== undefined && compareIds.includes(referenceId) ? referenceId : compareIds[0],
    }),
  setGemeenteYear: (gemeenteYear) => set({ gemeenteYear }),
  setSlide: (slide) => set({ presentation: { slide } }),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: (dialog) => {
    if (get().dialog === dialog) set({ dialog: undefined });
  },
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
  trackModel(modelId, before, after) {
    const bases = get().modelBases[String(modelId)] ?? {};
    const next = trackModelBases(before, after, bases);
    if (next !== bases) set({ modelBases: { ...get().modelBases, [String(modelId)]: next } });
  },
  acceptModelWarning(modelId, baseKey) {
    const bases = { ...(get().modelBases[String(modelId)] ?? {}) };
    delete bases[baseKey];
    set({ modelBases: { ...get().modelBases, [String(modelId)]: bases } });
  },
}));
