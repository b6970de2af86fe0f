/**
 * Edits of one realised figure (region or gemeente, segment, year) in the model, as pure
 * functions for editModel: the result is checked with parseModel like every model edit, and
 * goes into the model's undo history.
 */
import type { Model, RealisedFigure } from '../../shared/formats/model';

export type FigureField = 'lasten' | 'clients' | 'volume' | 'source' | 'estimate';

/** undefined scope = the region */
export function realisedFigure(
  model: Model,
  gemeenteId: string | undefined,
  segmentId: string,
  year: number,
): RealisedFigure | undefined {
  const r = model.realisatie;
  if (!r) return undefined;
  const bySegment = gemeenteId === undefined ? r.segments : r.gemeenten?.[gemeenteId]?.segments;
  return bySegment?.[segmentId]?.[String(year)];
}

/** The path of a figure field in the validated model, as formatPath writes it (to pick its message). */
export function figurePath(
  gemeenteId: string | undefined,
  segmentId: string,
  year: number,
  field: FigureField,
): string {
  return gemeenteId === undefined
    ? `realisatie.segments.${segmentId}.${year}.${field}`
    : `realisatie.gemeenten.${gemeenteId}.segments.${segmentId}.${year}.${field}`;
}

/**
 * Sets (or, with undefined, removes) one field of an existing figure. `lasten` and `source`
 * cannot be removed (the model requires them: the check says so). A missing figure is left
 * missing: a new figure comes with its source from an import.
 */
export function setFigureField(
  model: Model,
  gemeenteId: string | undefined,
  segmentId: string,
  year: number,
  field: FigureField,
  value: number | string | boolean | undefined,
): Model {
  const r = model.realisatie;
  const old = realisedFigure(model, gemeenteId, segmentId, year);
  if (!r || !old) return model;
  const next: Record<string, unknown> = { ...old };
  if (value === undefined || value === false || (field === 'estimate' && value !== true)) delete next[field];
  else next[field] = value;
  const figure = next as RealisedFigure;
  const key = String(year);
  if (gemeenteId === undefined) {
    return {
      ...model,
      realisatie: { ...r, segments: { ...r.segments, [segmentId]: { ...r.segments[segmentId], [key]: figure } } },
    };
  }
  const g = r.gemeenten![gemeenteId]!;
  const segs = g.segments!;
  return {
    ...model,
    realisatie: {
      ...r,
      gemeenten: {
        ...r.gemeenten,
        [gemeenteId]: { ...g, segments: { ...segs, [segmentId]: { ...segs[segmentId], [key]: figure } } },
      },
    },
  };
}
