/**
 * The reference of the mutatieoverzicht: the model's vastgestelde version (loaded from main with its
 * stored model, scenario and result), or a scenario of the model chosen by the user.
 */
import { create } from 'zustand';
import type { VastgesteldVersion, VersionRecord } from '../../shared/api';
import { call } from '../api/call';

/** 'vastgesteld', or the id of a scenario of the open model */
export type MutatieChoice = 'vastgesteld' | number;

interface MutatiesState {
  /** the model the vastgestelde version was looked up for */
  modelId?: number;
  /** undefined: not looked up yet; null: the model has none */
  vastgesteld?: (VersionRecord & Pick<VastgesteldVersion, 'scenarioName'>) | null;
  /** the user's choice; undefined = the default (vastgesteld when there is one, else Ongewijzigd beleid) */
  choice?: MutatieChoice;
  /** Looks the model's vastgestelde version up again (after a mark in Scenario's, on opening the view). */
  load(modelId: number): Promise<void>;
  choose(choice: MutatieChoice): void;
}

export const useMutaties = create<MutatiesState>()((set, get) => ({
  async load(modelId) {
    if (get().modelId !== modelId) set({ modelId, vastgesteld: undefined, choice: undefined });
    const found = await call('versions.findVastgesteld', { modelId });
    if (found === undefined) return; // the error is shown by call
    if (found === null) {
      set({ vastgesteld: null, ...(get().choice === 'vastgesteld' ? { choice: undefined } : {}) });
      return;
    }
    const current = get().vastgesteld;
    if (current && current.id === found.id) return;
    const record = await call('versions.get', { id: found.id });
    if (record && get().modelId === modelId) set({ vastgesteld: { ...record, scenarioName: found.scenarioName } });
  },
  choose(choice) {
    set({ choice });
  },
}));
