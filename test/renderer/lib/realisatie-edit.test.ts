/** Editing one realised figure in the Realisatie view: pure edits, checked by parseModel like every model edit. */
import { describe, expect, it } from 'vitest';
import { figurePath, realisedFigure, setFigureField } from '../../../src/renderer/lib/realisatieEdit';
import { lastRealisedYear } from '../../../src/renderer/charts/TrendChart';
import { simulate } from '../../../src/shared/engine/simulate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { formatPath } from '../../../src/shared/formats/issues';
import { parseModel } from '../../../src/shared/formats/validate';
import type { Model } from '../../../src/shared/formats/model';
import { budget, gemeente, model } from '../../fixtures';

const src = 'Jaarrekening 2023, tabel 4';
function realised(): Model {
  return model({
    baseYear: 2022,
    endYear: 2025,
    gemeenten: [gemeente('a', 100), gemeente('b', 100)],
    segments: [budget('sub', 1)],
    realisatie: {
      lastYear: 2023,
      segments: { sub: { '2022': { lasten: 1_000, source: src }, '2023': { lasten: 1_100, source: src } } },
      gemeenten: { a: { segments: { sub: { '2023': { lasten: 600, source: src } } } } },
    },
  });
}

describe('realisatie edits', () => {
  it('sets a region figure and keeps the rest of the model as it was', () => {
    const m = realised();
    const next = setFigureField(m, undefined, 'sub', 2023, 'lasten', 1_250);
    expect(realisedFigure(next, undefined, 'sub', 2023)).toEqual({ lasten: 1_250, source: src });
    expect(realisedFigure(m, undefined, 'sub', 2023)!.lasten).toBe(1_100);
    expect(next.realisatie!.gemeenten).toBe(m.realisatie!.gemeenten);
    expect(parseModel(next).ok).toBe(true);
    expect(simulate(next, emptyScenario('leeg')).lines[0]!.years[1]!.cost).toBe(1_250);
  });

  it('sets a gemeente figure, the estimate flag and the source', () => {
    let m = setFigureField(realised(), 'a', 'sub', 2023, 'lasten', 700);
    m = setFigureField(m, 'a', 'sub', 2023, 'estimate', true);
    m = setFigureField(m, 'a', 'sub', 2023, 'source', 'Jaarrekening Venlo 2023, p. 12');
    expect(realisedFigure(m, 'a', 'sub', 2023)).toEqual({
      lasten: 700,
      estimate: true,
      source: 'Jaarrekening Venlo 2023, p. 12',
    });
    m = setFigureField(m, 'a', 'sub', 2023, 'estimate', false);
    expect(realisedFigure(m, 'a', 'sub', 2023)).toEqual({ lasten: 700, source: 'Jaarrekening Venlo 2023, p. 12' });
  });

  it('a figure that breaks a rule is refused with its path (gemeente above the region; empty source)', () => {
    const tooMuch = parseModel(setFigureField(realised(), 'a', 'sub', 2023, 'lasten', 2_000));
    expect(tooMuch.ok).toBe(false);
    const empty = parseModel(setFigureField(realised(), undefined, 'sub', 2022, 'source', ''));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.issues.map((i) => i.path)).toContain(figurePath(undefined, 'sub', 2022, 'source'));
    expect(figurePath('a', 'sub', 2023, 'lasten')).toBe(
      formatPath(['realisatie', 'gemeenten', 'a', 'segments', 'sub', '2023', 'lasten']),
    );
  });

  it('a missing figure stays missing (a new figure comes with its source from an import)', () => {
    const m = realised();
    expect(setFigureField(m, 'b', 'sub', 2023, 'lasten', 5)).toBe(m);
  });

  it('the "nu" marker sits on the last realised year; none without realisatie', () => {
    expect(lastRealisedYear(simulate(realised(), emptyScenario('leeg')))).toBe(2023);
    const plain = realised();
    delete plain.realisatie;
    expect(lastRealisedYear(simulate(plain, emptyScenario('leeg')))).toBeUndefined();
  });
});
