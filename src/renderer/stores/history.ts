/**
 * Undo/redo, one history per thing edited: each scenario has its own
 * (`scenario:<id>`) and the base model has one (`model`), so Ctrl+Z in
 * Basismodel undoes a base-model edit and never a scenario edit made elsewhere.
 * Snapshots are the immutable objects themselves (cheap: edits share
 * structure). Each step carries a label naming what it changed ("Pleegzorg,
 * instroom 2024"), shown on the undo button. Consecutive edits of the same
 * field within a short time are merged, so typing "2,5" is one step.
 */
import { create } from 'zustand';

const LIMIT = 200;
const MERGE_MS = 1200;

export type HistoryKey = string;
export const MODEL_HISTORY: HistoryKey = 'model';
export function scenarioHistory(id: number): HistoryKey {
  return `scenario:${id}`;
}

export interface Step<T = unknown> {
  snap: T;
  /** what the step changed, in the controller's words */
  label: string;
}

interface Stack {
  past: Step[];
  future: Step[];
  lastKey?: string;
  lastAt?: number;
}

interface HistoryState {
  stacks: Record<HistoryKey, Stack>;
  /** Call before applying an edit, with the state as it was and what the edit changes. */
  record(key: HistoryKey, before: unknown, mergeKey?: string, label?: string): void;
  /** Returns the state to go back to, or undefined. */
  undo<T>(key: HistoryKey, current: T): T | undefined;
  redo<T>(key: HistoryKey, current: T): T | undefined;
  /**
   * Drops the last step when it no longer changes anything (typing "-150"
   * applies "-15" on the way and then goes back): undo must not offer a step
   * that does nothing.
   */
  dropIfUnchanged(key: HistoryKey, current: unknown, same: (a: unknown, b: unknown) => boolean): void;
  clear(key: HistoryKey): void;
  clearAll(): void;
}

const empty: Stack = { past: [], future: [] };

export const useHistory = create<HistoryState>()((set, get) => ({
  stacks: {},
  record(key, before, mergeKey, label = 'wijziging') {
    const stack = get().stacks[key] ?? empty;
    const now = Date.now();
    const merge =
      mergeKey !== undefined &&
      stack.lastKey === mergeKey &&
      stack.lastAt !== undefined &&
      now - stack.lastAt < MERGE_MS &&
      stack.past.length > 0;
    const past = merge ? stack.past : [...stack.past, { snap: before, label }].slice(-LIMIT);
    set({
      stacks: {
        ...get().stacks,
        [key]: { past, future: [], ...(mergeKey !== undefined ? { lastKey: mergeKey } : {}), lastAt: now },
      },
    });
  },
  undo<T>(key: HistoryKey, current: T): T | undefined {
    const stack = get().stacks[key] ?? empty;
    const prev = stack.past[stack.past.length - 1];
    if (!prev) return undefined;
    set({
      stacks: {
        ...get().stacks,
        [key]: { past: stack.past.slice(0, -1), future: [{ snap: current, label: prev.label }, ...stack.future] },
      },
    });
    return prev.snap as T;
  },
  redo<T>(key: HistoryKey, current: T): T | undefined {
    const stack = get().stacks[key] ?? empty;
    const next = stack.future[0];
    if (!next) return undefined;
    set({
      stacks: {
        ...get().stacks,
        [key]: { past: [...stack.past, { snap: current, label: next.label }], future: stack.future.slice(1) },
      },
    });
    return next.snap as T;
  },
  dropIfUnchanged(key, current, same) {
    const stack = get().stacks[key];
    const top = stack?.past[stack.past.length - 1];
    if (!stack || !top || !same(top.snap, current)) return;
    // the next edit, even of the same field, is a step of its own again
    set({ stacks: { ...get().stacks, [key]: { past: stack.past.slice(0, -1), future: stack.future } } });
  },
  clear(key) {
    const stacks = { ...get().stacks };
    delete stacks[key];
    set({ stacks });
  },
  clearAll() {
    set({ stacks: {} });
  },
}));

export function canUndo(state: HistoryState, key: HistoryKey | undefined): boolean {
  return key !== undefined && (state.stacks[key]?.past.length ?? 0) > 0;
}
export function canRedo(state: HistoryState, key: HistoryKey | undefined): boolean {
  return key !== undefined && (state.stacks[key]?.future.length ?? 0) > 0;
}
/** What undo would undo ("Pleegzorg, instroom 2024"), or undefined. */
export function undoLabel(state: HistoryState, key: HistoryKey | undefined): string | undefined {
  if (key === undefined) return undefined;
  const past = state.stacks[key]?.past;
  return past?.[past.length - 1]?.label;
}
export function redoLabel(state: HistoryState, key: HistoryKey | undefined): string | undefined {
  return key === undefined ? undefined : state.stacks[key]?.future[0]?.label;
}

/** The views whose edits are base-model edits: there, undo works on the model's history. */
export const MODEL_VIEWS: ReadonlySet<string> = new Set(['basismodel', 'realisatie', 'gemeenten']);

/** The history undo works on in a view: the model's in Basismodel, Realisatie and Per gemeente, else the open scenario's. */
export function activeHistory(view: string, currentId: number | undefined): HistoryKey | undefined {
  if (MODEL_VIEWS.has(view)) return MODEL_HISTORY;
  return currentId === undefined ? undefined : scenarioHistory(currentId);
}
