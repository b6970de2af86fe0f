/** Pure, immutable edits of the model's bekende ontwikkelingen (Basismodel view, "Bekende ontwikkelingen"). */
import type { KnownChange } from '../../../shared/formats/knownChanges';
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import { freshId } from './model';
import { setYearValue } from './scenario';

/** The model with one change replaced by edit(change); the list as it was when the id is unknown. */
export function updateKnownChange(model: Model, id: string, edit: (c: KnownChange) => KnownChange): Model {
  if (!model.knownChanges?.some((c) => c.id === id)) return model;
  return { ...model, knownChanges: model.knownChanges.map((c) => (c.id === id ? edit(c) : c)) };
}

/** Sets or removes (undefined) a field of a change. */
export function setKnownChangeField(model: Model, id: string, key: keyof KnownChange, value: unknown): Model {
  return updateKnownChange(model, id, (c) => {
    const next: Record<string, unknown> = { ...c };
    if (value === undefined) delete next[key];
    else next[key] = value;
    return next as KnownChange;
  });
}

/** Sets or removes (undefined) the amount of a year: the region's (gemeente undefined) or a gemeente's. */
export function setKnownChangeAmount(
  model: Model,
  id: string,
  gemeente: string | undefined,
  year: number,
  value: number | undefined,
): Model {
  return updateKnownChange(model, id, (c) => {
    const next: KnownChange = { ...c };
    if (gemeente === undefined) {
      const amount = setYearValue(c.amount, year, value);
      if (amount) next.amount = amount;
      else delete next.amount;
      return next;
    }
    const perGemeente = { ...(c.perGemeente ?? {}) };
    const series = setYearValue(perGemeente[gemeente], year, value);
    if (series) perGemeente[gemeente] = series;
    else delete perGemeente[gemeente];
    if (Object.keys(perGemeente).length > 0) next.perGemeente = perGemeente;
    else delete next.perGemeente;
    return next;
  });
}

/** Sets the formula's pct or fromYear (the formula must exist). */
export function setKnownChangeFormula(model: Model, id: string, key: 'pct' | 'fromYear', value: number): Model {
  return updateKnownChange(model, id, (c) =>
    c.pctOfSegments ? { ...c, pctOfSegments: { ...c.pctOfSegments, [key]: value } } : c,
  );
}

/**
 * Sets the range's low or high %; a range without one gets 0 for the other (the amount itself). Both 0
 * without a source removes the range (no spread).
 */
export function setKnownChangeRange(
  model: Model,
  id: string,
  key: 'lowPct' | 'highPct',
  value: number | undefined,
): Model {
  return updateKnownChange(model, id, (c) => {
    const range = { lowPct: 0, highPct: 0, ...c.range, [key]: value ?? 0 };
    const next: KnownChange = { ...c, range };
    if (range.lowPct === 0 && range.highPct === 0 && !range.source) delete next.range;
    return next;
  });
}

/** A new change: lasten, structureel, a regional amount of 0 from the year after the base year; an estimate. */
export function addKnownChange(model: Model, name: string): { model: Model; id: string } {
  const changes = model.knownChanges ?? [];
  const id = freshId(changes, 'nieuwe-ontwikkeling');
  const year = Math.min(model.baseYear + 1, model.endYear);
  const change: KnownChange = {
    id,
    name,
    side: 'lasten',
    kind: 'structureel',
    amount: { [String(year)]: 0 },
    source: 'Eigen raming; vul document, tabel en jaar in',
    estimate: true,
  };
  return { model: { ...model, knownChanges: [...changes, change] }, id };
}

/** Removes a change from the model (the list goes when it is empty). */
export function removeKnownChange(model: Model, id: string): Model {
  const knownChanges = (model.knownChanges ?? []).filter((c) => c.id !== id);
  const next: Model = { ...model, knownChanges };
  if (knownChanges.length === 0) delete next.knownChanges;
  return next;
}

/** A scenario without its switch for a removed change. */
export function stripKnownChange(s: Scenario, id: string): Scenario {
  if (!s.knownChanges || !(id in s.knownChanges)) return s;
  const { [id]: _gone, ...rest } = s.knownChanges;
  const next: Scenario = { ...s, knownChanges: rest };
  if (Object.keys(rest).length === 0) delete next.knownChanges;
  return next;
}
