/** Pure, immutable edits of a model (Basismodel and Per gemeente views). */
import type { Gemeente, Model, Segment, Split } from '../../../shared/formats/model';

export function updateSegment(model: Model, segmentId: string, patch: Partial<Segment>): Model {
  return {
    ...model,
    segments: model.segments.map((s) => (s.id === segmentId ? ({ ...s, ...patch } as Segment) : s)),
  };
}

/** Sets or removes (undefined) an optional field of a segment. */
export function setSegmentField<K extends string>(model: Model, segmentId: string, key: K, value: unknown): Model {
  return {
    ...model,
    segments: model.segments.map((s) => {
      if (s.id !== segmentId) return s;
      const next: Record<string, unknown> = { ...s };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next as Segment;
    }),
  };
}

export function setSplit(model: Model, segmentId: string, split: Split): Model {
  return setSegmentField(model, segmentId, 'split', split);
}

export function setUsageShare(model: Model, segmentId: string, gemeenteId: string, share: number | undefined): Model {
  const seg = model.segments.find((s) => s.id === segmentId);
  if (!seg) return model;
  const usage = { ...(seg.usageShare ?? {}) };
  if (share === undefined) delete usage[gemeenteId];
  else usage[gemeenteId] = share;
  return setSegmentField(model, segmentId, 'usageShare', Object.keys(usage).length > 0 ? usage : undefined);
}

export function updateGemeente(model: Model, gemeenteId: string, key: keyof Gemeente, value: unknown): Model {
  return {
    ...model,
    gemeenten: model.gemeenten.map((g) => {
      if (g.id !== gemeenteId) return g;
      const next: Record<string, unknown> = { ...g };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next as Gemeente;
    }),
  };
}

/** Removes a segment, with its realised figures (region and gemeenten) so the model stays valid. */
export function removeSegment(model: Model, segmentId: string): Model {
  const next: Model = { ...model, segments: model.segments.filter((s) => s.id !== segmentId) };
  if (model.knownChanges) next.knownChanges = withoutSegment(model.knownChanges, segmentId);
  const r = model.realisatie;
  if (!r) return next;
  const { [segmentId]: _region, ...segments } = r.segments;
  const realisatie: NonNullable<Model['realisatie']> = { ...r, segments };
  if (r.gemeenten) {
    realisatie.gemeenten = Object.fromEntries(
      Object.entries(r.gemeenten).map(([gid, g]) => {
        if (!g.segments?.[segmentId]) return [gid, g];
        const { [segmentId]: _own, ...rest } = g.segments;
        return [gid, { ...g, segments: rest }];
      }),
    );
  }
  return { ...next, realisatie };
}

/**
 * The bekende ontwikkelingen without references to a removed segment: out of a formula's segments
 * (a formula left without segments goes; a change left without amount or formula goes too) and as
 * splitAs (the regional amount then follows the default key).
 */
function withoutSegment(changes: NonNullable<Model['knownChanges']>, segmentId: string): Model['knownChanges'] {
  const out: NonNullable<Model['knownChanges']> = [];
  for (const c of changes) {
    const next = { ...c };
    if (next.splitAs === segmentId) delete next.splitAs;
    if (next.pctOfSegments?.segments.includes(segmentId)) {
      const segments = next.pctOfSegments.segments.filter((id) => id !== segmentId);
      if (segments.length > 0) next.pctOfSegments = { ...next.pctOfSegments, segments };
      else delete next.pctOfSegments;
    }
    if (next.amount !== undefined || next.perGemeente !== undefined || next.pctOfSegments !== undefined) out.push(next);
  }
  return out;
}

/** A fresh id that does not clash: "segment-2", "segment-3", … */
export function freshId(existing: readonly { id: string }[], stem: string): string {
  const ids = new Set(existing.map((e) => e.id));
  for (let n = 1; ; n++) {
    const id = n === 1 ? stem : `${stem}-${n}`;
    if (!ids.has(id)) return id;
  }
}

export function addVolumeSegment(model: Model, name: string): Model {
  const seg: Segment = {
    id: freshId(model.segments, 'nieuw-segment'),
    name,
    kind: 'volume',
    inflowPerYear: 0,
    avgDurationMonths: 12,
    unit: 'cliëntmaand',
    pricePerUnit: 0,
    estimate: true,
  };
  return { ...model, segments: [...model.segments, seg] };
}

export function addBudgetSegment(model: Model, name: string): Model {
  const seg: Segment = {
    id: freshId(model.segments, 'nieuwe-budgetregel'),
    name,
    kind: 'budget',
    amount: 0,
    estimate: true,
  };
  return { ...model, segments: [...model.segments, seg] };
}

/**
 * Sets one gemeente's share of the Rijksmiddelen. When every gemeente has a
 * share they must add up to 1, so the others are scaled proportionally to
 * keep the total at 1 (otherwise no single edit could ever be valid).
 */
export function setFundingShare(model: Model, gemeenteId: string, share: number | undefined): Model {
  const allSet = model.gemeenten.every((g) => g.fundingShare !== undefined);
  if (share === undefined || !allSet) return updateGemeente(model, gemeenteId, 'fundingShare', share);
  const others = model.gemeenten.filter((g) => g.id !== gemeenteId);
  const sumOthers = others.reduce((t, g) => t + (g.fundingShare ?? 0), 0);
  const rest = 1 - share;
  return {
    ...model,
    gemeenten: model.gemeenten.map((g) => {
      if (g.id === gemeenteId) return { ...g, fundingShare: share };
      const scaled = sumOthers > 0 ? ((g.fundingShare ?? 0) * rest) / sumOthers : rest / others.length;
      return { ...g, fundingShare: Math.max(0, scaled) };
    }),
  };
}
