/**
 * Legend and tooltip order for recharts, which sorts both alphabetically by
 * default (so "Ambulante …" came first even when it is the third band of the
 * stack). Items are ordered by their dataKey's position in the series list.
 */
interface Keyed {
  dataKey?: unknown;
}

export interface SeriesOrder {
  /** the series' own order: for a stack, bottom band first (reads left to right in a horizontal legend) */
  stack: (item: Keyed) => number;
  /** reversed: for a vertical tooltip beside a stack, so its list runs top band first, as the picture does */
  topFirst: (item: Keyed) => number;
}

export function seriesOrder(keys: readonly string[]): SeriesOrder {
  const index = new Map(keys.map((k, i) => [k, i]));
  const position = (item: Keyed) =>
    typeof item.dataKey === 'string' ? (index.get(item.dataKey) ?? keys.length) : keys.length;
  return {
    stack: position,
    // series not in the list (none expected) go last in both orders
    topFirst: (item) => {
      const p = position(item);
      return p === keys.length ? p : keys.length - 1 - p;
    },
  };
}
