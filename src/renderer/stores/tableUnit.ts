/**
 * Amounts in the screen's tables: whole euros, or × € 1.000 as a begroting prints them. Remembered in
 * this browser profile; charts and headlines keep their own compact notation.
 */
import { create } from 'zustand';

export type TableUnit = 'euro' | 'duizend';
const KEY = 'jeugdplanner.tabeleenheid';

function remembered(): TableUnit {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'duizend' ? 'duizend' : 'euro';
  } catch {
    return 'euro';
  }
}

export const useTableUnit = create<{ unit: TableUnit; setUnit(unit: TableUnit): void }>()((set) => ({
  unit: remembered(),
  setUnit(unit) {
    try {
      globalThis.localStorage?.setItem(KEY, unit);
    } catch {
      // no storage (private mode): the choice lasts until a reload
    }
    set({ unit });
  },
}));
