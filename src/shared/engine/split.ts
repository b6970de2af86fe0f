import type { Gemeente, Segment } from '../formats/model';

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

/**
 * The verdeelsleutel of one line: "solidarity" by youth share, "usage" by
 * usageShare (a gemeente without one gets its youth share), or the mix
 * a·solidarity + (1−a)·usage with a = solidarityPct/100. Normalised to 1 so the
 * gemeenten add up to the region.
 */
export function lineShares(segment: Pick<Segment, 'split' | 'usageShare'>, gemeenten: readonly Gemeente[], youth: readonly number[]): number[] {
  const split = segment.split ?? 'solidarity';
  if (split === 'solidarity') return youth.slice();
  const usage = normalise(
    gemeenten.map((g, k) => segment.usageShare?.[g.id] ?? youth[k]!),
    youth,
  );
  if (split === 'usage') return usage;
  const a = split.solidarityPct / 100;
  return youth.map((y, k) => a * y + (1 - a) * usage[k]!);
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
  for (let k = shares.length - 1; k >= 0; k--) if (shares[k]! > 0) { last = k; break; }
  let assigned = 0;
  for (let k = 0; k < shares.length; k++) {
    if (k === last) continue;
    const part = amount * shares[k]!;
    out[k] = part;
    assigned += part;
  }
  if (last >= 0) out[last] = amount - assigned;
}
