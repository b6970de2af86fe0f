/**
 * Round axis ticks that always include 0 (saldo charts): recharts' own ticks on
 * a function domain give values like "€ -702 dzd"; controllers expect 0, 2, 4 mln.
 */
export function zeroTicks(values: readonly number[], target = 5): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { domain: [start, end], ticks };
}
