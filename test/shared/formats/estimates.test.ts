/** "€ 41 mln van € 96 mln is geschat": the part of the lasten that rests on estimates, by hand. */
import { describe, expect, it } from 'vitest';
import { budget, gemeente, model } from '../../fixtures';
import { simulate } from '../../../src/shared/engine/simulate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import {
  estimateSentence,
  estimateSummary,
  estimateYears,
  formatMillions,
} from '../../../src/shared/formats/estimates';

/*
 * 2022–2024, realised through 2023.
 *   a: estimate; realised 1.000 (2022) and 2.000 (2023), both estimates, but gemeente g1 gives 500 of 2023
 *      with a source → 2023: 1.500 geschat; 2024 (raming from 2023, no change): 2.000, the same 75% → 1.500.
 *   b: sourced; realised 4.000 and 5.000 with a source → nothing geschat; 2024: 5.000.
 *   c: a new segment (no realisatie), estimate, € 700: 0 in 2022–2023, 700 geschat in 2024.
 */
const withRealisatie = () =>
  model({
    gemeenten: [gemeente('g1', 100), gemeente('g2', 100)],
    segments: [budget('a', 1000, { estimate: true }), budget('b', 3000), budget('c', 700, { estimate: true })],
    realisatie: {
      lastYear: 2023,
      segments: {
        a: {
          '2022': { lasten: 1000, source: 'Schatting', estimate: true },
          '2023': { lasten: 2000, source: 'Schatting', estimate: true },
        },
        b: {
          '2022': { lasten: 4000, source: 'Jaarrekening 2022, tabel 1' },
          '2023': { lasten: 5000, source: 'Jaarrekening 2023, tabel 1' },
        },
      },
      gemeenten: { g1: { segments: { a: { '2023': { lasten: 500, source: 'Jaarrekening g1 2023, tabel 2' } } } } },
    },
  });

describe('estimateSummary', () => {
  const m = withRealisatie();
  const r = simulate(m, emptyScenario('leeg'));

  it('a realised year: estimates count, less what the gemeenten give with a source', () => {
    const y2022 = estimateSummary(m, r, 2022)!;
    expect(y2022.kind).toBe('realisatie');
    expect(y2022.total).toBe(5000);
    expect(y2022.estimated).toBe(1000);
    const y2023 = estimateSummary(m, r, 2023)!;
    expect(y2023.total).toBe(7000);
    expect(y2023.estimated).toBe(1500);
    expect(y2023.lines.map((l) => [l.id, l.cost, l.estimated])).toEqual([
      ['a', 2000, 1500],
      ['b', 5000, 0],
      ['c', 0, 0],
    ]);
    expect(y2023.lines[0]!.basis).toBe('realisatie 2023: deels geschat (75%), deels uit een bron');
    expect(y2023.lines[1]!.basis).toBe('realisatie 2023: uit een bron');
  });

  it('the first raming year rests on the last realised year; a new segment on its own flag', () => {
    const y2024 = estimateSummary(m, r, 2024)!;
    expect(y2024.kind).toBe('raming');
    expect(y2024.total).toBe(7700);
    expect(y2024.estimated).toBe(2200);
    expect(y2024.lines[0]!.basis).toBe('raming vanaf realisatie 2023: deels geschat (75%), deels uit een bron');
    expect(y2024.lines[2]!.basis).toBe('cijfer van het model: schatting');
  });

  it('without realisatie: each line all or nothing by its estimate flag', () => {
    const plain = model({ segments: [budget('a', 1000, { estimate: true }), budget('b', 3000)] });
    const s = estimateSummary(plain, simulate(plain, emptyScenario('leeg')), 2022)!;
    expect(s.total).toBe(4000);
    expect(s.estimated).toBe(1000);
    expect(s.lines[1]!.basis).toBe('cijfer van het model: uit een bron');
  });

  it('a year outside the result gives null; the years reported are the realised ones and the first raming year', () => {
    expect(estimateSummary(m, r, 2030)).toBeNull();
    expect(estimateYears(r)).toEqual([2022, 2023, 2024]);
    const plain = model({ segments: [budget('a', 1000)] });
    expect(estimateYears(simulate(plain, emptyScenario('leeg')))).toEqual([2022]);
  });
});

describe('estimateSentence', () => {
  it('reads as the controller writes it (nl-NL)', () => {
    expect(estimateSentence({ estimated: 41.2e6, total: 95.8e6 })).toBe('€ 41 mln van € 96 mln is geschat');
    expect(formatMillions(4.24e6)).toBe('€ 4,2 mln');
    expect(formatMillions(850000)).toBe('€ 850 dzd');
    expect(formatMillions(112_782_915)).toBe('€ 113 mln');
  });
});
