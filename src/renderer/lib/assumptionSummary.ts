/**
 * The scenario's segment assumptions in words, for the presentation: segments
 * whose assumptions and source read the same are one item ("tarief … voor 16
 * regels"), so a raadscommissie sees each assumption once, with its source.
 */
import type { Model } from '../../shared/formats/model';
import type { Scenario, SegmentAssumption } from '../../shared/formats/scenario';
import { formatPctChange } from '../../shared/locale/numbers';

const FIELD_NL = {
  inflowChangePct: 'instroom',
  durationChangePct: 'trajectduur',
  intensityChangePct: 'intensiteit',
  priceIndexPct: 'tarief',
  amountChangePct: 'budget',
} as const;

export interface AssumptionGroup {
  /** segment names, in model order */
  segments: string[];
  /** e.g. "tarief 2023: +6,4%, 2024: +5,7%" */
  text: string;
  source?: string;
}

export function pctList(map: Readonly<Record<string, number>> | undefined): string | undefined {
  if (!map) return undefined;
  const entries = Object.entries(map).sort(([a], [b]) => Number(a) - Number(b));
  if (entries.length === 0) return undefined;
  return entries.map(([y, v]) => `${y}: ${formatPctChange(v)}`).join(', ');
}

function describe(a: SegmentAssumption): string {
  return Object.entries(FIELD_NL)
    .map(([field, nl]) => {
      const list = pctList(a[field as keyof typeof FIELD_NL]);
      return list ? `${nl} ${list}` : undefined;
    })
    .filter((x): x is string => x !== undefined)
    .join('; ');
}

export function groupAssumptions(model: Model, scenario: Scenario): AssumptionGroup[] {
  const groups = new Map<string, AssumptionGroup>();
  for (const seg of model.segments) {
    const a = scenario.assumptions[seg.id];
    if (!a) continue;
    const text = describe(a);
    if (text === '') continue;
    const key = `${text}\u0000${a.source ?? ''}`;
    const group = groups.get(key);
    if (group) group.segments.push(seg.name);
    else groups.set(key, { segments: [seg.name], text, ...(a.source ? { source: a.source } : {}) });
  }
  return [...groups.values()];
}
