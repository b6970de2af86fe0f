import type { Gemeente, Model, Segment, UsageBasis } from '../formats/model';

/** Each gemeente's share of the region's youth 0–17: the solidarity key. */
export function youthShares(gemeenten: readonly Gemeente[]): number[] {
  const total = gemeenten.reduce((t, g) => t + g.youth0to17, 0);
  return gemeenten.map((g) => g.youth0to17 / total);
}

/** Weights normalised to sum to 1 (all-zero weights fall back to the youth key). */
function normalise(weights: number[], fallback: readonly number[]): number[] {
  const sum = weights.reduce((t, w) => t + w, 0);
  if (!(sum > 0)) return fallback.slice();
  return weights.map((w) => w / sum);
}

/** The verdeelsleutel of one line, with how it was made (for the realised-use kinds). */
export interface LineKey {
  /** per gemeente (model order), summing to 1 */
  shares: number[];
  /** which realised years the use comes from, e.g. "gebruik 2024" (only for the realised-use kinds) */
  basis?: string;
  /** set when the key could not be made as asked and a fallback applies: what was used instead and why */
  note?: string;
}

interface KeyModel {
  gemeenten: readonly Gemeente[];
  realisatie?: Model['realisatie'];
}

/**
 * The use of one segment per gemeente in one realised year: each gemeente's own
 * realised lasten divided by their sum. Undefined unless every gemeente has a figure
 * for the year and the sum is > 0 (a partial year says nothing about the others' use).
 */
export function usageInYear(model: KeyModel, segmentId: string, year: number): number[] | undefined {
  const byGemeente = model.realisatie?.gemeenten;
  if (!byGemeente) return undefined;
  const key = String(year);
  const n = model.gemeenten.length;
  const lasten = new Array<number>(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const f = byGemeente[model.gemeenten[k]!.id]?.segments?.[segmentId]?.[key];
    if (!f) return undefined;
    lasten[k] = f.lasten;
    sum += f.lasten;
  }
  if (!(sum > 0)) return undefined;
  for (let k = 0; k < n; k++) lasten[k] = lasten[k]! / sum;
  return lasten;
}

/** The earliest year with a figure of this segment for any gemeente (Infinity when none). */
function firstGemeenteYear(model: KeyModel, segmentId: string): number {
  let first = Infinity;
  for (const g of Object.values(model.realisatie?.gemeenten ?? {})) {
    for (const key of Object.keys(g.segments?.[segmentId] ?? {})) first = Math.min(first, Number(key));
  }
  return first;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

function yearList(years: readonly number[]): string {
  if (years.length <= 1) return years.join('');
  return `${years.slice(0, -1).join(', ')} en ${years[years.length - 1]}`;
}

const NO_USE = 'solidariteit (aandeel jeugdigen 0–17)';

/**
 * Use from the realised figures per gemeente (docs/formats.md, "Verdeling over
 * gemeenten"). 'previous-year': the use in the last realised year R, which is year
 * t−1 for the first raming year R+1 (later raming years are themselves split by this
 * key, so their t−1 use is this key again); when R has no complete figures per
 * gemeente, the latest earlier year that has them, with a note. 'average-3': the
 * mean of the yearly shares of R−2, R−1 and R, over those that have complete
 * figures (a note names the missing ones). Nothing usable: undefined shares and a
 * note; the caller falls back to solidarity.
 */
export function realisedUsage(
  model: KeyModel,
  segmentId: string,
  basis: 'previous-year' | 'average-3',
): { shares?: number[]; basis?: string; note?: string } {
  const r = model.realisatie;
  if (!r) return { note: `geen realisatie in het model: ${NO_USE}` };
  const R = r.lastYear;
  if (basis === 'previous-year') {
    for (let y = R; y >= firstGemeenteYear(model, segmentId); y--) {
      const u = usageInYear(model, segmentId, y);
      if (!u) continue;
      if (y === R) return { shares: u, basis: `gebruik ${R}` };
      return {
        shares: u,
        basis: `gebruik ${y}`,
        note: `${R} (laatste realisatiejaar) heeft geen volledige cijfers per gemeente: gebruik ${y}, het laatste jaar dat ze wel heeft`,
      };
    }
    return { note: `geen realisatiejaar met volledige cijfers per gemeente: ${NO_USE}` };
  }
  const n = model.gemeenten.length;
  const sum = new Array<number>(n).fill(0);
  const used: number[] = [];
  const missing: number[] = [];
  // the realised years start at the model's base year: fewer than 3 before R is said too
  const regionYears = Object.keys(r.segments[segmentId] ?? {}).map(Number);
  const first = regionYears.length > 0 ? Math.min(R, Math.max(R - 2, Math.min(...regionYears))) : R - 2;
  for (let y = first; y <= R; y++) {
    const u = usageInYear(model, segmentId, y);
    if (!u) {
      missing.push(y);
      continue;
    }
    used.push(y);
    for (let k = 0; k < n; k++) sum[k] = sum[k]! + u[k]!;
  }
  const short =
    first > R - 2
      ? `${R - first + 1 === 1 ? `alleen ${R} is gerealiseerd` : `alleen ${yearList(range(first, R))} zijn gerealiseerd`}, geen 3 jaar`
      : undefined;
  const why = [
    short,
    missing.length > 0
      ? `${yearList(missing)} ${missing.length === 1 ? 'heeft' : 'hebben'} geen volledige cijfers per gemeente`
      : undefined,
  ]
    .filter((t) => t !== undefined)
    .join('; ');
  if (used.length === 0) return { note: `${why}: ${NO_USE}` };
  const shares = sum.map((v) => v / used.length);
  const label = used.length === 1 ? `gebruik ${used[0]}` : `gebruik gemiddeld ${yearList(used)}`;
  if (why === '') return { shares, basis: label };
  return { shares, basis: label, note: `${why}: ${label}` };
}

/**
 * The verdeelsleutel of one line (docs/formats.md, "Verdeling over gemeenten"):
 * - 'solidarity': youth share;
 * - 'usage' ("vast"): the typed usageShare (a gemeente without one gets its youth share), normalised;
 * - 'usage-previous-year' / 'usage-average-3': use computed from the realised figures per gemeente
 *   (see realisedUsage); where they are missing, solidarity with a note;
 * - { solidarityPct: x, usage? }: x/100 · solidarity + (1 − x/100) · use, use by `usage` (default 'fixed').
 * Sums to 1 so the gemeenten add up to the region.
 */
export function lineKey(
  model: KeyModel,
  segment: Pick<Segment, 'id' | 'split' | 'usageShare'>,
  youth: readonly number[],
): LineKey {
  const split = segment.split ?? 'solidarity';
  if (split === 'solidarity') return { shares: youth.slice() };
  let a: number;
  let basis: UsageBasis;
  if (split === 'usage') [a, basis] = [0, 'fixed'];
  else if (split === 'usage-previous-year') [a, basis] = [0, 'previous-year'];
  else if (split === 'usage-average-3') [a, basis] = [0, 'average-3'];
  else [a, basis] = [split.solidarityPct / 100, split.usage ?? 'fixed'];
  let usage: readonly number[];
  const key: LineKey = { shares: [] };
  if (basis === 'fixed') {
    usage = normalise(
      model.gemeenten.map((g, k) => segment.usageShare?.[g.id] ?? youth[k]!),
      youth,
    );
  } else if (a === 1) {
    usage = youth; // 100 % solidarity: the use does not count
  } else {
    const u = realisedUsage(model, segment.id, basis);
    usage = u.shares ?? youth;
    if (u.basis !== undefined) key.basis = u.basis;
    if (u.note !== undefined) key.note = u.note;
  }
  key.shares = a === 0 ? usage.slice() : youth.map((y, k) => a * y + (1 - a) * usage[k]!);
  return key;
}

/** The verdeelsleutel of one line without realised figures (see lineKey). */
export function lineShares(
  segment: Pick<Segment, 'id' | 'split' | 'usageShare'>,
  gemeenten: readonly Gemeente[],
  youth: readonly number[],
): number[] {
  return lineKey({ gemeenten }, segment, youth).shares;
}

/** Each gemeente's share of the Rijksmiddelen: fundingShare, default youth share. */
export function fundingShares(gemeenten: readonly Gemeente[], youth: readonly number[]): number[] {
  return normalise(
    gemeenten.map((g, k) => g.fundingShare ?? youth[k]!),
    youth,
  );
}

/**
 * Splits an amount by shares so that the parts add up to the amount: the last
 * non-zero share takes the remainder (floating point would otherwise drift).
 */
export function splitAmount(amount: number, shares: readonly number[], out: number[]): void {
  let last = -1;
  for (let k = shares.length - 1; k >= 0; k--)
    if (shares[k]! > 0) {
      last = k;
      break;
    }
  let assigned = 0;
  for (let k = 0; k < shares.length; k++) {
    if (k === last) continue;
    const part = amount * shares[k]!;
    out[k] = part;
    assigned += part;
  }
  if (last >= 0) out[last] = amount - assigned;
}
