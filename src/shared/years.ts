/** The simulated years, baseYear..endYear inclusive. */
export function yearRange(baseYear: number, endYear: number): number[] {
  const years: number[] = [];
  for (let y = baseYear; y <= endYear; y++) years.push(y);
  return years;
}

export function modelYears(model: { baseYear: number; endYear: number }): number[] {
  return yearRange(model.baseYear, model.endYear);
}

/**
 * How a year's figures stand in a meerjarenraming made for begrotingsjaar B, given the last
 * realised year R (undefined: no realisatie): ≤ R "realisatie", B "begroting", every other
 * year "raming" — also a year between R and B (the lopende jaar): the BBV's column for it is
 * the gewijzigde begroting the raad decided, and the figure the app writes there is its own
 * raming of that year, not that decision (docs/excel.md, "Realisatie, begroting, raming").
 */
export type YearStatus = 'realisatie' | 'begroting' | 'raming';

export function yearStatus(year: number, begrotingsjaar: number, lastRealised: number | undefined): YearStatus {
  if (lastRealised !== undefined && year <= lastRealised) return 'realisatie';
  return year === begrotingsjaar ? 'begroting' : 'raming';
}

/** The begrotingsjaar chosen by default: the year after today's, within the model's years. */
export function defaultBegrotingsjaar(model: { baseYear: number; endYear: number }, today: Date): number {
  return Math.min(model.endYear, Math.max(model.baseYear, today.getFullYear() + 1));
}
