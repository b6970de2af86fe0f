/**
 * Undo/redo over scenario edits, per scenario. Snapshots are the immutable
 * scenario objects themselves (cheap: edits share structure). Consecutive edits
 * of the same field within a short time are merged, so typing "2,5" is one step.
 */
import { create } from 'zustand';
import type { Scenario } from '../../shared/formats/scenario';

const LIMIT = 200;
const MERGE_MS = 1200;

interface Stack {
  past: Scenario[];
  future: Scenario[];
  lastKey?: string;
  lastAt?: number;
}

interface HistoryState {
  stacks: Record<number, Stack>;
  /** Call before applying an edit, with the scenario as it was. */
  record(id: number, before: Scenario, mergeKey?: string): void;
  /** Returns the scenario to go back to, or undefined. */
  undo(id: number, current: Scenario): Scenario | undefined;
  redo(id: number, current: Scenario): Scenario | undefined;
  clear(id: number): void;
}

const empty: Stack = { past: [], future: [] };

export const useHistory = create<HistoryState>()((set, get) => ({
  stacks: {},
  record(id, before, mergeKey) {
    const stack = get().stacks[id] ?? empty;
    const now = Date.now();
    const merge = mergeKey !== undefined && stack.lastKey === mergeKey && stack.lastAt !== undefined && now - stack.lastAt < MERGE_MS;
    const past = merge ? stack.past : [...stack.past, before].slice(-LIMIT);
    set({ stacks: { ...get().stacks, [id]: { past, future: [], ...(mergeKey !== undefined ? { lastKey: mergeKey } : {}), lastAt: now } } });
  },
  undo(id, current) {
    const stack = get().stacks[id] ?? empty;
    const prev = stack.past[stack.past.length - 1];
    if (!prev) return undefined;
    set({ stacks: { ...get().stacks, [id]: { past: stack.past.slice(0, -1), future: [current, ...stack.future] } } });
    return prev;
  },
  redo(id, current) {
    const stack = get().stacks[id] ?? empty;
    const next = stack.future[0];
    if (!next) return undefined;
    set({ stacks: { ...get().stacks, [id]: { past: [...stack.past, current], future: stack.future.slice(1) } } });
    return next;
  },
  clear(id) {
    const stacks = { ...get().stacks };
    delete stacks[id];
    set({ stacks });
  },
}));

export function canUndo(state: HistoryState, id: number | undefined): boolean {
  return id !== undefined && (state.stacks[id]?.past.length ?? 0) > 0;
}
export function canRedo(state: HistoryState, id: number | undefined): boolean {
  return id !== undefined && (state.stacks[id]?.future.length ?? 0) > 0;
}
