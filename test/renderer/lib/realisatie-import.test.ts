import { describe, expect, it } from 'vitest';
import { NEGEREN, previewRows, setCode } from '../../../src/renderer/lib/realisatieImport';
import type { RealisatieChange } from '../../../src/shared/realisatie/plan';

describe('realisatie import dialog helpers', () => {
  it('shows old → new and the difference in nl-NL, the region marked as a sum', () => {
    const changes: RealisatieChange[] = [
      {
        gemeenteId: 'venlo',
        gemeenteName: 'Venlo',
        segmentId: 'pleegzorg',
        segmentName: 'Pleegzorg',
        year: 2023,
        status: 'gewijzigd',
        derived: false,
        fields: { lasten: { old: 1_000_000, new: 1_234_567, diff: 234_567 }, clients: { old: 40, new: 42, diff: 2 } },
        rows: [3],
      },
      {
        segmentId: 'pleegzorg',
        segmentName: 'Pleegzorg',
        year: 2023,
        status: 'nieuw',
        derived: true,
        fields: { lasten: { new: 5_000_000, diff: 5_000_000 }, volume: { new: 1234.5, diff: 1234.5 } },
        rows: [3, 4],
      },
      {
        segmentId: 'crisisdienst',
        segmentName: 'Crisisdienst',
        year: 2022,
        status: 'gewijzigd',
        derived: false,
        fields: { lasten: { old: 900, new: 800, diff: -100 } },
        rows: [5],
      },
    ];
    const rows = previewRows(changes);
    expect(rows[0]).toMatchObject({
      gemeente: 'Venlo',
      lastenOld: '€ 1.000.000',
      lastenNew: '€ 1.234.567',
      lastenDiff: '+€ 234.567',
      clients: '40 → 42',
      status: 'gewijzigd',
    });
    expect(rows[1]).toMatchObject({
      gemeente: 'Regio (som gemeenten)',
      lastenOld: '',
      lastenNew: '€ 5.000.000',
      lastenDiff: '+€ 5.000.000',
      volume: '1.234,5',
      status: 'nieuw',
    });
    expect(rows[2]).toMatchObject({ gemeente: 'Regio', lastenDiff: '−€ 100' });
  });

  it('edits the code table: a segment, negeren, or back to niet gekoppeld', () => {
    const t = setCode({ '41': 'dagbehandeling' }, '45', 'ambulante-begeleiding');
    expect(t).toEqual({ '41': 'dagbehandeling', '45': 'ambulante-begeleiding' });
    expect(setCode(t, 'JZ Totaal jeugdzorg', NEGEREN)).toEqual({ ...t, 'JZ Totaal jeugdzorg': null });
    expect(setCode(t, '45', '')).toEqual({ '41': 'dagbehandeling' });
  });
});
