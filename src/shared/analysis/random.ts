/**
 * A small, seeded, reproducible random generator: xoshiro128** (Blackman and
 * Vigna), seeded from one 32-bit integer with splitmix32. The same seed gives
 * the same sequence on every platform (only 32-bit integer arithmetic), so a
 * Monte Carlo run can be repeated exactly from the seed shown in the UI and
 * written to the export.
 */
export const DEFAULT_SEED = 20220101;

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
}

/** Whole numbers 0..2^32−1. */
export function isValidSeed(seed: unknown): seed is number {
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  if (!isValidSeed(seed)) throw new RangeError(`seed: ${String(seed)} is geen heel getal van 0 tot 4.294.967.295`);
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state would repeat forever
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Inverse CDF of the triangular distribution (low, mode, high) at u ∈ [0, 1).
 * A collapsed range (low = high) returns exactly that value.
 */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const width = high - low;
  if (!(width > 0)) return mode;
  const split = (mode - low) / width;
  if (u < split) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}
