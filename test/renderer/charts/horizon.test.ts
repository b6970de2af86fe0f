/** A model may run to 2060 (issue 10): the saldo chart thins its year labels instead of overlapping them. */
import { describe, expect, it } from 'vitest';
import { yearLabelStep } from '../../../src/renderer/charts/SaldoBars';
import { chartRows } from '../../../src/renderer/lib/derive';
import { simulate } from '../../../src/shared/engine/simulate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { model } from '../../fixtures';

describe('long horizon', () => {
  it('all labels while they fit (7 years on a normal chart)', () => {
    expect(yearLabelStep(7, 600 / 7, 12)).toBe(1);
    expect(yearLabelStep(1, 5, 12)).toBe(1);
  });

  it('every 2nd, 5th or 10th year when the bars get narrow', () => {
    // 12 px labels need about 35 px
    expect(yearLabelStep(39, 600 / 39, 12)).toBe(5); // 15 px bands: every 3rd would do, 5 reads better
    expect(yearLabelStep(20, 25, 12)).toBe(2);
    expect(yearLabelStep(39, 5, 12)).toBe(10);
    expect(yearLabelStep(39, 5, 18)).toBe(20); // presentation font
  });

  it('the chart rows follow the result’s years, 2030–2060', () => {
    const m = model({ baseYear: 2030, endYear: 2060 });
    const rows = chartRows(simulate(m, emptyScenario('leeg')));
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 31 }, (_, k) => 2030 + k));
  });
});
