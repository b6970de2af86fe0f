import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calibrate, DAYS_PER_MONTH } from '../../../src/shared/engine/calibrate';
import { simulate } from '../../../src/shared/engine/simulate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { closeRel, model, volume } from '../../fixtures';

describe('calibrate with an assumed duration', () => {
  it('verblijf met behandeling: N 165, K € 6.600.000, D 12 months', () => {
    // I = 165 / (1 + 12/12) = 82,5; openingClients = 165 − 82,5 = 82,5;
    // price per client-month = 6.600.000 / (12 × 82,5) = 6.666,67
    const c = calibrate({ clients: 165, turnover: 6600000, durationMonths: 12 });
    expect(c.inflowPerYear).toBeCloseTo(82.5, 12);
    expect(c.openingClients).toBeCloseTo(82.5, 12);
    expect(c.avgDurationMonths).toBe(12);
    expect(c.pricePerClientMonth).toBeCloseTo(6666.666666666667, 8);
    expect(c.clientMonths).toBeCloseTo(990, 10);
  });

  it('crisisbedden: N 77, K € 414.248, D 1,5 months', () => {
    // I = 77 / 1,125 = 68,444…; S = 77 − 68,444 = 8,5556; price = 414.248 / (12 × 8,5556) = 4.034,88
    const c = calibrate({ clients: 77, turnover: 414248, durationMonths: 1.5 });
    expect(c.inflowPerYear).toBeCloseTo(68.44444444444444, 10);
    expect(c.openingClients).toBeCloseTo(8.555555555555557, 10);
    expect(c.pricePerClientMonth).toBeCloseTo(4034.883116883117, 6);
  });
});

describe('calibrate from days per client', () => {
  it('JeugdzorgPlus: N 29, 115 dagen, K € 1.492.689', () => {
    // client-months = 29 × 115 / 30,4375 = 109,5688; S = 109,5688 / 12 = 9,1307;
    // I = 29 − 9,1307 = 19,8693; D = 12 × 9,1307 / 19,8693 = 5,5145 months;
    // price per client-month = 1.492.689 / 109,5688 = 13.623,30
    const c = calibrate({ clients: 29, turnover: 1492689, avgDaysPerClient: 115 });
    expect(DAYS_PER_MONTH).toBeCloseTo(30.4375, 12);
    expect(c.clientMonths).toBeCloseTo(109.56878850102669, 9);
    expect(c.openingClients).toBeCloseTo(9.130732375085557, 9);
    expect(c.inflowPerYear).toBeCloseTo(19.869267624914443, 9);
    expect(c.avgDurationMonths).toBeCloseTo(5.514485514, 6);
    expect(c.pricePerClientMonth).toBeCloseTo(13623.303, 2);
  });

  it('refuses impossible input with a Dutch message', () => {
    expect(() => calibrate({ clients: 0, turnover: 1, durationMonths: 3 })).toThrow(
      /aantal jeugdigen: 0 moet groter dan 0 zijn/,
    );
    expect(() => calibrate({ clients: 10, turnover: 1, durationMonths: 0.5 })).toThrow(/0.5 is kleiner dan 1 maand/);
    expect(() => calibrate({ clients: 10, turnover: 1, avgDaysPerClient: 400 })).toThrow(/vol jaar/);
    expect(() => calibrate({ clients: 10, turnover: 1 })).toThrow(/geef de duur/);
  });
});

describe('a calibrated segment reproduces the realisation', () => {
  function steadyCost(c: ReturnType<typeof calibrate>): number {
    const m = model({
      segments: [
        volume('s', {
          inflowPerYear: c.inflowPerYear,
          avgDurationMonths: c.avgDurationMonths,
          pricePerUnit: c.pricePerClientMonth,
          unit: 'cliëntmaand',
        }),
      ],
    });
    return simulate(m, emptyScenario('leeg')).lines[0]!.years[0]!.cost;
  }

  it('the seed figures: € 6.600.000, € 1.492.689', () => {
    expect(steadyCost(calibrate({ clients: 165, turnover: 6600000, durationMonths: 12 }))).toBeCloseTo(6600000, 4);
    expect(steadyCost(calibrate({ clients: 29, turnover: 1492689, avgDaysPerClient: 115 }))).toBeCloseTo(1492689, 4);
  });

  it('any N, K, D: turnover reproduced and N = opening stock + inflow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 1, max: 120, noNaN: true }),
        (n, k, d) => {
          const c = calibrate({ clients: n, turnover: k, durationMonths: d });
          return closeRel(steadyCost(c), k, 1e-9) && closeRel(c.openingClients + c.inflowPerYear, n, 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any N, K, days: turnover and client-days reproduced', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1e8, noNaN: true }),
        fc.double({ min: 30, max: 300, noNaN: true }), // below ~28 days D would be < 1 month
        (n, k, days) => {
          const c = calibrate({ clients: n, turnover: k, avgDaysPerClient: days });
          return closeRel(steadyCost(c), k, 1e-9) && closeRel(c.clientMonths * DAYS_PER_MONTH, n * days, 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
