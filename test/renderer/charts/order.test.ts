/** Legend/tooltip order for recharts (charts/order.ts) and the small formatters of the backup dialog. */
import { describe, expect, it } from 'vitest';
import { seriesOrder } from '../../../src/renderer/charts/order';
import { backupKind, formatBytes } from '../../../src/renderer/components/BackupDialog';

describe('seriesOrder', () => {
  const order = seriesOrder(['seg:b', 'seg:a', 'funding']);
  const sortBy = (f: (i: { dataKey?: unknown }) => number, keys: string[]) =>
    [...keys].sort((x, y) => f({ dataKey: x }) - f({ dataKey: y }));

  it('keeps the series order (bottom of the stack first), whatever the names', () => {
    expect(sortBy(order.stack, ['funding', 'seg:a', 'seg:b'])).toEqual(['seg:b', 'seg:a', 'funding']);
  });

  it('reverses it for the tooltip, so it reads top band first like the picture', () => {
    expect(sortBy(order.topFirst, ['seg:b', 'seg:a', 'funding'])).toEqual(['funding', 'seg:a', 'seg:b']);
  });

  it('puts unknown keys last in both orders', () => {
    expect(order.stack({ dataKey: 'x' })).toBe(3);
    expect(order.topFirst({ dataKey: 'x' })).toBe(3);
    expect(order.stack({})).toBe(3);
  });
});

describe('backup list formatting', () => {
  it('shows sizes in kB below 1 MB and in MB (one decimal) above, nl-NL', () => {
    expect(formatBytes(335_872)).toBe('328 kB');
    expect(formatBytes(5 * 1024 * 1024 + 300_000)).toBe('5,3 MB');
  });

  it('names why a backup exists from its file name', () => {
    expect(backupKind('jeugdplanner-2026-11-23_15-34-55.sqlite')).toBe('bij het starten');
    expect(backupKind('jeugdplanner-2026-11-23_15-35-01-voor-herstel.sqlite')).toBe('vóór een herstel');
  });
});
