import { describe, expect, it } from 'vitest';
import { formatSavedAt, modelLabels } from '../../../src/renderer/lib/modelLabels';

describe('modelLabels (model picker)', () => {
  it('keeps unique names plain and tells same-named models apart by number and save time', () => {
    const labels = modelLabels([
      { id: 7, name: 'Regio Noord-Limburg', updatedAt: '2025-03-05T09:00:00.000Z' },
      { id: 2, name: 'Regio Noord-Limburg', updatedAt: '2025-01-10T13:30:00.000Z' },
      { id: 3, name: 'Venlo apart', updatedAt: '2025-01-11T10:00:00.000Z' },
      { id: 9, name: 'regio noord-limburg ', updatedAt: '2025-04-01T08:15:00.000Z' },
    ]);
    expect(labels.get(3)).toBe('Venlo apart');
    expect(labels.get(2)).toBe(`Regio Noord-Limburg · opgeslagen ${formatSavedAt('2025-01-10T13:30:00.000Z')}`);
    expect(labels.get(7)).toBe(`Regio Noord-Limburg (2) · opgeslagen ${formatSavedAt('2025-03-05T09:00:00.000Z')}`);
    expect(labels.get(9)).toMatch(/^regio noord-limburg \(3\) · opgeslagen /);
    expect(new Set(labels.values()).size).toBe(4);
    expect(formatSavedAt('2025-01-10T13:30:00.000Z')).toMatch(/^10 jan\.? 2025/);
  });
});
