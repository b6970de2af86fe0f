/** Edits of the autonome ontwikkeling (lib/scenarioEdit): immutable, and an emptied block disappears. */
import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import {
  setAutonomousPct,
  setAutonomousSource,
  setAutonomousWeight,
  setYouthPrognosis,
} from '../../../src/renderer/lib/edits/scenario';

describe('autonomous edits', () => {
  it('sets and clears a yearly driver; the empty block is removed so results are exactly as without it', () => {
    const s0 = emptyScenario('x');
    const s1 = setAutonomousPct(s0, 'usageChangePct', 2024, 1.5);
    expect(s1.autonomous).toEqual({ usageChangePct: { '2024': 1.5 } });
    expect(s0.autonomous).toBeUndefined();
    const s2 = setAutonomousWeight(setAutonomousSource(s1, 'Groeipijn'), 80);
    expect(s2.autonomous).toEqual({ usageChangePct: { '2024': 1.5 }, source: 'Groeipijn', wageWeightPct: 80 });
    const s3 = setAutonomousWeight(
      setAutonomousSource(setAutonomousPct(s2, 'usageChangePct', 2024, undefined), '  '),
      undefined,
    );
    expect('autonomous' in s3).toBe(false);
  });

  it('a youth prognosis per gemeente and year; clearing the last year removes the gemeente', () => {
    const s1 = setYouthPrognosis(setYouthPrognosis(emptyScenario('x'), 'venlo', 2025, 17000), 'beesel', 2026, 2500);
    expect(s1.autonomous?.youth0to17).toEqual({ venlo: { '2025': 17000 }, beesel: { '2026': 2500 } });
    const s2 = setYouthPrognosis(s1, 'venlo', 2025, undefined);
    expect(s2.autonomous?.youth0to17).toEqual({ beesel: { '2026': 2500 } });
    expect('autonomous' in setYouthPrognosis(s2, 'beesel', 2026, undefined)).toBe(false);
  });
});
