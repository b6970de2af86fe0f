/**
 * A yearly path: value_y = base × Π_{k=baseYear+1..y} (1 + pct_k / 100).
 * A percentage for year y applies from 1 January of y and persists; the base
 * year is the model's own figure; a missing year means 0%.
 */
export function yearPath(
  base: number,
  pctByYear: Readonly<Record<string, number>> | undefined,
  years: readonly number[],
): number[] {
  const out = new Array<number>(years.length);
  let value = base;
  for (let k = 0; k < years.length; k++) {
    if (k > 0 && pctByYear) {
      const pct = pctByYear[String(years[k])];
      if (pct !== undefined) value *= 1 + pct / 100;
    }
    out[k] = value;
  }
  return out;
}

/** Per-year values of a year map, 0 where absent (for one-off amounts and shares). */
export function yearValues(map: Readonly<Record<string, number>> | undefined, years: readonly number[]): number[] {
  return years.map((y) => map?.[String(y)] ?? 0);
}
