/** Days in an average month (365,25 / 12), to turn client-days into client-months. */
export const DAYS_PER_MONTH = 365.25 / 12;

export interface CalibrationInput {
  /** unique clients in the realisation year (N) */
  clients: number;
  /** turnover in that year (K), euro */
  turnover: number;
  /** assumed average duration of a trajectory in months (D) … */
  durationMonths?: number;
  /** … or the average days of care per client in the year, from which D is derived */
  avgDaysPerClient?: number;
}

export interface CalibrationResult {
  inflowPerYear: number;
  openingClients: number;
  avgDurationMonths: number;
  pricePerClientMonth: number;
  /** client-months in the realisation year (12 × openingClients in steady state) */
  clientMonths: number;
}

/**
 * Calibrates a volume segment from one realisation year, assuming steady state:
 * the N unique clients of a year are the opening stock S plus the inflow I, with
 * S = I × D / 12. Hence I = N / (1 + D/12), S = N − I, and the price per
 * client-month K / (12 × S), so that the simulated cost of that year equals K.
 * Given days per client instead of D: client-months CM = N × days / 30,44,
 * S = CM / 12, I = N − S and D = 12 × S / I.
 */
export function calibrate(input: CalibrationInput): CalibrationResult {
  const { clients: n, turnover: k } = input;
  if (!(n > 0)) throw new RangeError(`aantal jeugdigen: ${n} moet groter dan 0 zijn`);
  if (!(k >= 0)) throw new RangeError(`omzet: ${k} is negatief`);
  let inflow: number;
  let opening: number;
  let duration: number;
  if (input.durationMonths !== undefined) {
    duration = input.durationMonths;
    if (!(duration >= 1)) throw new RangeError(`duur: ${duration} is kleiner dan 1 maand`);
    inflow = n / (1 + duration / 12);
    opening = n - inflow;
  } else if (input.avgDaysPerClient !== undefined) {
    const days = input.avgDaysPerClient;
    if (!(days > 0)) throw new RangeError(`dagen per jeugdige: ${days} moet groter dan 0 zijn`);
    if (days >= 365.25)
      throw new RangeError(`dagen per jeugdige: ${days} is een vol jaar of meer; dan is de instroom niet te bepalen`);
    opening = (n * days) / DAYS_PER_MONTH / 12;
    inflow = n - opening;
    duration = (12 * opening) / inflow;
    if (duration < 1) throw new RangeError(`dagen per jeugdige: ${days} geeft een trajectduur van minder dan 1 maand`);
  } else {
    throw new RangeError('geef de duur in maanden of het gemiddeld aantal dagen per jeugdige');
  }
  return {
    inflowPerYear: inflow,
    openingClients: opening,
    avgDurationMonths: duration,
    pricePerClientMonth: k / (12 * opening),
    clientMonths: 12 * opening,
  };
}
