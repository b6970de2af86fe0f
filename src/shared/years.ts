/** The simulated years, baseYear..endYear inclusive. */
export function yearRange(baseYear: number, endYear: number): number[] {
  const years: number[] = [];
  for (let y = baseYear; y <= endYear; y++) years.push(y);
  return years;
}

export function modelYears(model: { baseYear: number; endYear: number }): number[] {
  return yearRange(model.baseYear, model.endYear);
}
