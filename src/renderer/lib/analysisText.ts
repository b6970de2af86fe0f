/** The analysis results in words, for the Analyse view, its slide and the Excel-free screens: pure text helpers. */
import type { MonteCarloResult } from '../../shared/analysis/montecarlo';
import type { Parameter } from '../../shared/analysis/parameters';
import { formatEuro, formatInteger, formatNumber, formatPct } from '../../shared/locale/numbers';

export function mcCaption(result: MonteCarloResult): string {
  const n = result.parameters.length;
  return `Monte Carlo: ${formatInteger(result.draws)} trekkingen, seed ${result.seed}, ${n} ${n === 1 ? 'aanname' : 'aannames'} met bandbreedte (driehoeksverdeling). P10–P90: 8 van de 10 uitkomsten liggen binnen de band.`;
}

export function deficitText(probability: number): string {
  return formatPct(probability * 100, 0);
}

export const TOP = 3;

/** The low and high value of an assumption as a controller reads it. */
export function boundsText(p: Parameter): string {
  if (p.mode === 'scale')
    return `${formatNumber((p.low - 1) * 100, 1)}% / +${formatNumber((p.high - 1) * 100, 1)}% van de aanname`;
  if (p.mode === 'shift') return `${formatNumber(p.low, 2)} / +${formatNumber(p.high, 2)} %-punt`;
  const euro =
    p.target.kind === 'fundingBase' ||
    (p.target.kind === 'segmentBase' && (p.target.field === 'pricePerUnit' || p.target.field === 'amount'));
  const f = (v: number) => (euro ? formatEuro(v) : formatNumber(v, 2));
  return `${f(p.low)} – ${f(p.high)}`;
}
