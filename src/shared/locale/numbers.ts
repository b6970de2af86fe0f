/** nl-NL formatting of money, numbers and percentages. Pure, no DOM. */

const euro2 = new Intl.NumberFormat('nl-NL', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 2,
  minimumFractionDigits: 2,
});
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const dec1 = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/**
 * Formatters by option set, made once: constructing an Intl.NumberFormat costs
 * ~50 µs, and the Aannames view formats a hundred numbers per keystroke.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function nf(minimumFractionDigits: number | undefined, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits ?? ''}|${maximumFractionDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(
      'nl-NL',
      minimumFractionDigits === undefined
        ? { maximumFractionDigits }
        : { minimumFractionDigits, maximumFractionDigits },
    );
    formatters.set(key, f);
  }
  return f;
}

/** Intl uses U+2212 or a hyphen depending on the runtime; we always print a plain minus before the € sign. */
function withSign(value: number, body: (abs: number) => string): string {
  const rounded = Math.abs(value) < 0.5 ? 0 : value;
  return rounded < 0 ? `-${body(-rounded)}` : body(rounded);
}

/** € 1.234.567 (negative: -€ 1.234.567 is avoided; we print € -1.234.567 as begrotingen do: "-€" reads badly) */
export function formatEuro(value: number): string {
  return withSign(value, (abs) => `€ ${int.format(Math.round(abs))}`).replace(/^-€ /, '€ -');
}

/** € 1.234,56 */
export function formatEuroCents(value: number): string {
  return euro2
    .format(value)
    .replace(/\u00a0/g, ' ')
    .replace('−', '-');
}

/** Compact for chart axes and headlines: € 6,6 mln, € 850 dzd, € 1,2 mld. */
export function formatEuroCompact(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1e9) return `€ ${sign}${dec1.format(abs / 1e9)} mld`;
  if (abs >= 1e6) return `€ ${sign}${dec1.format(abs / 1e6)} mln`;
  if (abs >= 1e3) return `€ ${sign}${int.format(Math.round(abs / 1e3))} dzd`;
  return `€ ${sign}${int.format(Math.round(abs))}`;
}

/** 1.234 (whole numbers) */
export function formatInteger(value: number): string {
  return int.format(Math.round(value)).replace('−', '-');
}

/** 1,5 MB (file sizes in messages) */
export function formatMegabytes(bytes: number): string {
  return `${nf(1, 1).format(bytes / 1024 / 1024)} MB`;
}

/** 12,3 (at most the given decimals) */
export function formatNumber(value: number, maxDecimals = 1): string {
  return nf(undefined, maxDecimals).format(value).replace('−', '-');
}

/** -5,0% / +2,5% (signed: for changes) */
export function formatPctChange(pct: number, decimals = 1): string {
  const body = nf(decimals, decimals).format(Math.abs(pct));
  if (Math.abs(pct) < 0.5 * 10 ** -decimals) return `${body}%`;
  return `${pct < 0 ? '-' : '+'}${body}%`;
}

/** 14,2% (unsigned: for shares) */
export function formatPct(pct: number, decimals = 1): string {
  return `${nf(decimals, decimals).format(pct)}%`.replace('−', '-');
}

/**
 * Parses a number as a Dutch user types it: "1.234,5", "1234,5", "-5", "12%".
 * Returns undefined for anything that is not a finite number.
 */
export function parseDutchNumber(text: string): number | undefined {
  const t = text.trim().replace(/^€\s*/, '').replace(/%$/, '').replace(/\s/g, '').replace('−', '-');
  if (t === '') return undefined;
  if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(t) && !/^[-+]?\d+(\.\d+)?$/.test(t)) return undefined;
  // "1.234" (grouping) vs "1.5" (decimal point typed out of habit): grouping wins only with groups of 3
  const normalised = /,/.test(t) || /^[-+]?\d{1,3}(\.\d{3})+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : undefined;
}
