/**
 * The "Realisatie importeren" dialog's open state (its own small store, like the Excel dialogs)
 * and the pure helpers of its steps: the preview rows as shown, and code-table edits.
 */
import { create } from 'zustand';
import type { RealisatieChange } from '../../shared/realisatie/plan';
import type { CodeTable } from '../../shared/realisatie/mapping';
import { formatEuro, formatNumber } from '../../shared/locale/numbers';

export const useRealisatieImport = create<{ open: boolean; show(): void; close(): void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
}));

export interface PreviewRow {
  key: string;
  gemeente: string;
  segment: string;
  year: number;
  lastenOld: string;
  lastenNew: string;
  lastenDiff: string;
  clients: string;
  volume: string;
  status: string;
}

const STATUS: Record<RealisatieChange['status'], string> = { nieuw: 'nieuw', gewijzigd: 'gewijzigd', gelijk: 'gelijk' };

function oldNew(c: RealisatieChange['fields']['clients']): string {
  if (!c) return '';
  return c.old === undefined
    ? formatNumber(c.new, 1)
    : c.old === c.new
      ? formatNumber(c.new, 1)
      : `${formatNumber(c.old, 1)} → ${formatNumber(c.new, 1)}`;
}

function signedEuro(x: number): string {
  if (x === 0) return '€ 0';
  return `${x > 0 ? '+' : '−'}${formatEuro(Math.abs(x))}`;
}

/** One table row per gemeente (or region) × segment × year: old → new and the difference, in nl-NL. */
export function previewRows(changes: readonly RealisatieChange[]): PreviewRow[] {
  return changes.map((c) => {
    const l = c.fields.lasten;
    return {
      key: `${c.gemeenteId ?? ''}|${c.segmentId}|${c.year}`,
      gemeente: c.gemeenteName ?? (c.derived ? 'Regio (som gemeenten)' : 'Regio'),
      segment: c.segmentName,
      year: c.year,
      lastenOld: l?.old !== undefined ? formatEuro(l.old) : '',
      lastenNew: l ? formatEuro(l.new) : '',
      lastenDiff: l ? signedEuro(l.diff) : '',
      clients: oldNew(c.fields.clients),
      volume: oldNew(c.fields.volume),
      status: STATUS[c.status],
    };
  });
}

/** The choice in the code-table step: '' = niet gekoppeld, NEGEREN = ignore, else a segment id. */
export const NEGEREN = '__negeren__';

export function setCode(table: CodeTable, value: string, choice: string): CodeTable {
  const next = { ...table };
  if (choice === '') delete next[value];
  else next[value] = choice === NEGEREN ? null : choice;
  return next;
}
