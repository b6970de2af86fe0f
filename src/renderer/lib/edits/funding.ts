/**
 * Pure, immutable scenario edits for the Rijksmiddelen view: Rijksmaatregel
 * switches and the prevention effect. Like edits/scenario.ts, each returns a new
 * scenario (undo keeps plain references) and never mutates its input. The store
 * validates the result with parseScenario before it is applied.
 */
import type { Scenario } from '../../../shared/formats/scenario';
import type { Prevention, PreventionEffect } from '../../../shared/formats/prevention';
import { setYearValue } from './scenario';

/** Switches a measure on (true) or off: off removes the key, so an untouched file stays as it was. */
export function setMeasure(scenario: Scenario, id: string, on: boolean): Scenario {
  const measures = { ...(scenario.measures ?? {}) };
  if (on) measures[id] = true;
  else delete measures[id];
  const next: Scenario = { ...scenario };
  if (Object.keys(measures).length > 0) next.measures = measures;
  else delete next.measures;
  return next;
}

export function isMeasureOn(scenario: Scenario, id: string): boolean {
  return scenario.measures?.[id] === true;
}

/** Switches a bekende ontwikkeling of the model on (true) or off: off removes the key, as for measures. */
export function setKnownChange(scenario: Scenario, id: string, on: boolean): Scenario {
  const switches = { ...(scenario.knownChanges ?? {}) };
  if (on) switches[id] = true;
  else delete switches[id];
  const next: Scenario = { ...scenario };
  if (Object.keys(switches).length > 0) next.knownChanges = switches;
  else delete next.knownChanges;
  return next;
}

export function isKnownChangeOn(scenario: Scenario, id: string): boolean {
  return scenario.knownChanges?.[id] === true;
}

/** A new prevention assumption: no money yet, no effects; the user fills both in. */
export function addPrevention(scenario: Scenario, source?: string): Scenario {
  if (scenario.prevention) return scenario;
  return { ...scenario, prevention: { extraBudget: {}, effects: [], ...(source ? { source } : {}) } };
}

export function removePrevention(scenario: Scenario): Scenario {
  if (!scenario.prevention) return scenario;
  const next: Scenario = { ...scenario };
  delete next.prevention;
  return next;
}

function withPrevention(scenario: Scenario, change: (p: Prevention) => Prevention): Scenario {
  const p = scenario.prevention;
  if (!p) return scenario;
  return { ...scenario, prevention: change(p) };
}

export function setExtraBudget(scenario: Scenario, year: number, value: number | undefined): Scenario {
  return withPrevention(scenario, (p) => ({ ...p, extraBudget: setYearValue(p.extraBudget, year, value) ?? {} }));
}

/** Sets or clears (empty text) the name or the source of the prevention assumption. */
export function setPreventionText(scenario: Scenario, key: 'name' | 'source', text: string): Scenario {
  return withPrevention(scenario, (p) => {
    const next: Prevention = { ...p };
    if (text.trim() === '') delete next[key];
    else next[key] = text;
    return next;
  });
}

export function addEffect(scenario: Scenario, effect: PreventionEffect): Scenario {
  return withPrevention(scenario, (p) => ({ ...p, effects: [...p.effects, effect] }));
}

export function updateEffect(scenario: Scenario, index: number, patch: Partial<PreventionEffect>): Scenario {
  return withPrevention(scenario, (p) => ({
    ...p,
    effects: p.effects.map((e, i) => {
      if (i !== index) return e;
      const next: PreventionEffect = { ...e, ...patch };
      // an emptied source is removed rather than stored as ""
      if (patch.source !== undefined && patch.source.trim() === '') delete next.source;
      return next;
    }),
  }));
}

export function removeEffect(scenario: Scenario, index: number): Scenario {
  return withPrevention(scenario, (p) => ({ ...p, effects: p.effects.filter((_, i) => i !== index) }));
}
