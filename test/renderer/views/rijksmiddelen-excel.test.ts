/** Pure helpers of the Rijksmiddelen view and the Excel dialogs: scenario edits, derived effects, base64, import errors. */
import { describe, expect, it } from 'vitest';
import type { Model } from '../../../src/shared/formats/model';
import type { Scenario } from '../../../src/shared/formats/scenario';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../../../src/shared/formats/validate';
import { simulate } from '../../../src/shared/engine/simulate';
import {
  addEffect,
  addPrevention,
  removeEffect,
  removePrevention,
  setExtraBudget,
  setKnownChange,
  setMeasure,
  setPreventionText,
  updateEffect,
} from '../../../src/renderer/lib/edits/funding';
import {
  fundingComponents,
  hasFundingBreakdown,
  preventionEffect,
} from '../../../src/renderer/views/rijksmiddelen/derive';
import { bytesToBase64, checkImportFile, importFailure } from '../../../src/renderer/lib/excelFiles';
import defaultModel from '../../../models/noord-limburg.json';

const model: Model = (() => {
  const r = parseModel(defaultModel);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
})();

function valid(s: Scenario): Scenario {
  const r = parseScenario(s, model);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return s;
}

describe('bekende ontwikkelingen: switches and the baten line', () => {
  it('on adds the key, off removes it (and the object when empty); the default model knows woonplaatsbeginsel', () => {
    const base = emptyScenario('T');
    const on = setKnownChange(base, 'woonplaatsbeginsel', true);
    expect(on.knownChanges).toEqual({ woonplaatsbeginsel: true });
    expect(base.knownChanges).toBeUndefined();
    expect('knownChanges' in setKnownChange(on, 'woonplaatsbeginsel', false)).toBe(false);
    valid(on);
    // woonplaatsbeginsel is a lasten line: Venlo's € 2.374.000 in 2028
    const r = simulate(model, on);
    expect(r.lines.at(-1)!.name).toBe('Woonplaatsbeginsel Jeugd (Jeugdwet 2022)');
    expect(r.lines.at(-1)!.years.at(-1)!.cost).toBe(2_374_000);
  });

  it('a baten change is its own line of Opbouw Rijksmiddelen, and the components still add up', () => {
    const parsed = parseModel({
      ...model,
      knownChanges: [
        {
          id: 'extra',
          name: 'Extra',
          side: 'baten',
          kind: 'incidenteel',
          amount: { '2026': 750_000 },
          source: 'Test 2026',
        },
      ],
    });
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join());
    const r = simulate(parsed.value, setKnownChange(emptyScenario('T'), 'extra', true));
    const rows = fundingComponents(r);
    expect(rows.find((c) => c.id === 'bekend:extra')!.years[r.years.indexOf(2026)]).toBe(750_000);
    expect(hasFundingBreakdown(r)).toBe(true);
    r.totals.forEach((t, k) => {
      expect(rows.reduce((sum, c) => sum + c.years[k]!, 0)).toBeCloseTo(t.funding, 6);
    });
  });
});

describe('Rijksmaatregel switches', () => {
  it('on adds the key, off removes it (and the measures object when empty); the input is untouched', () => {
    const base = emptyScenario('T');
    const on = setMeasure(base, 'korting-511-mln', true);
    expect(on.measures).toEqual({ 'korting-511-mln': true });
    expect(base.measures).toBeUndefined();
    const off = setMeasure(on, 'korting-511-mln', false);
    expect('measures' in off).toBe(false);
    valid(on);
  });

  it('a conflicting pair is refused by the same validation as a file', () => {
    const both = setMeasure(
      setMeasure(emptyScenario('T'), 'voorjaarsnota-2025-extra', true),
      'deskundigencommissie-50pct',
      true,
    );
    const r = parseScenario(both, model);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message).join()).toMatch(/hetzelfde geld/);
  });

  it('the baten components add up to the Rijksmiddelen, each measure its own line', () => {
    const s = setMeasure(setMeasure(emptyScenario('T'), 'korting-511-mln', true), 'eigen-bijdrage', true);
    const result = simulate(model, s);
    expect(hasFundingBreakdown(result)).toBe(true);
    expect(hasFundingBreakdown(simulate(model, emptyScenario('T')))).toBe(false);
    const parts = fundingComponents(result);
    expect(parts.map((p) => p.id)).toEqual([
      'indexpad',
      'incidenteel',
      'maatregel:korting-511-mln',
      'maatregel:eigen-bijdrage',
    ]);
    result.totals.forEach((t, k) => expect(parts.reduce((sum, p) => sum + p.years[k]!, 0)).toBeCloseTo(t.funding, 6));
    const k2028 = result.years.indexOf(2028);
    expect(parts[3]!.years[k2028]).toBeCloseTo(-260_000_000 * model.funding.nationalShare!.value, 6);
  });
});

describe('prevention edits and effect', () => {
  // by hand from the segment's own inflow: the model's own figures, without its realisatie 2022–2024 (with it,
  // the years through 2024 are realised and an effect there does not work)
  const { realisatie: _realisatie, ...own } = model;
  const seg = own.segments.find((s) => s.id === 'ambulante-begeleiding')!;
  if (seg.kind !== 'volume') throw new Error('volume expected');

  function handCase(): Scenario {
    let s = addPrevention(emptyScenario('P'));
    s = setExtraBudget(s, 2023, 100_000);
    s = setExtraBudget(s, 2024, 300_000);
    s = addEffect(s, { segment: seg.id, inflowPctPer100k: 1, lagYears: 1, maxPct: 2.5 });
    return valid(s);
  }

  it('builds the prevention object step by step and takes it apart again', () => {
    const s = handCase();
    expect(s.prevention).toEqual({
      extraBudget: { '2023': 100000, '2024': 300000 },
      effects: [{ segment: seg.id, inflowPctPer100k: 1, lagYears: 1, maxPct: 2.5 }],
    });
    const named = setPreventionText(s, 'source', 'pilot Venlo');
    expect(named.prevention!.source).toBe('pilot Venlo');
    expect('source' in setPreventionText(named, 'source', '  ').prevention!).toBe(false);
    expect(setExtraBudget(s, 2023, undefined).prevention!.extraBudget).toEqual({ '2024': 300000 });
    expect(updateEffect(s, 0, { maxPct: 5 }).prevention!.effects[0]!.maxPct).toBe(5);
    expect(removeEffect(s, 0).prevention!.effects).toEqual([]);
    expect('prevention' in removePrevention(s)).toBe(false);
  });

  it('with and without: inflow 2024 −1%, 2025 −2,5% (plafond), extra cost line, saldo difference = engine', () => {
    const s = handCase();
    const e = preventionEffect(own, s)!;
    const k = (y: number) => e.years.indexOf(y);
    const only = e.segments[0]!;
    expect(only.id).toBe(seg.id);
    expect(only.inflowWithout[k(2024)]).toBeCloseTo(seg.inflowPerYear, 9);
    expect(only.inflowWith[k(2024)]).toBeCloseTo(seg.inflowPerYear * 0.99, 9);
    expect(only.inflowWith[k(2025)]).toBeCloseTo(seg.inflowPerYear * 0.975, 9);
    expect(only.inflowWith[k(2026)]).toBeCloseTo(seg.inflowPerYear, 9);
    expect(only.pct[k(2025)]).toBeCloseTo(2.5, 9);
    expect(e.extraCost[k(2023)]).toBe(100_000);
    expect(e.extraCost[k(2025)]).toBe(0);
    const withP = simulate(own, s).totals;
    const without = simulate(own, removePrevention(s)).totals;
    expect(e.balanceWith[k(2028)]).toBeCloseTo(withP[k(2028)]!.balance, 6);
    expect(e.balanceWithout[k(2028)]).toBeCloseTo(without[k(2028)]!.balance, 6);
    expect(preventionEffect(own, emptyScenario('x'))).toBeUndefined();
  });
});

describe('Excel file helpers', () => {
  it("base64 of bytes equals Node's, also beyond one chunk", () => {
    const bytes = new Uint8Array(100_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 256;
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('refuses other files before reading them, in Dutch', () => {
    expect(checkImportFile({ name: 'begroting.xlsx', size: 1000 })).toBeUndefined();
    expect(checkImportFile({ name: 'oud.xls', size: 1000 })).toMatch(/oud Excel-bestand \(\.xls\)/);
    expect(checkImportFile({ name: 'model.json', size: 10 })).toMatch(/kies een Excel-werkmap/);
    expect(checkImportFile({ name: 'groot.xlsx', size: 11 * 1024 * 1024 })).toMatch(
      /11,0 MB; een sjabloon is hoogstens 10,0 MB/,
    );
  });

  it('splits the service message into the summary, all issues and the notices', () => {
    const issues = [
      { path: 'Segmenten!F3', problem: '"twaalf" is geen getal', message: 'Segmenten!F3: "twaalf" is geen getal' },
      { path: 'Segmenten!I2', problem: '-5 is negatief', message: 'Segmenten!I2: -5 is negatief' },
    ];
    const f = importFailure({
      code: 'validation',
      message:
        'Het sjabloon "x.xlsx" is niet ingelezen; er is niets opgeslagen. Los deze punten op:\nSegmenten!F3: "twaalf" is geen getal\nSegmenten!I2: -5 is negatief\n\nMeldingen:\nBlad "Extra" is genegeerd.',
      issues,
    });
    expect(f.summary).toBe('Het sjabloon "x.xlsx" is niet ingelezen; er is niets opgeslagen. Los deze punten op:');
    expect(f.issues).toEqual(issues);
    expect(f.notices).toEqual(['Blad "Extra" is genegeerd.']);
    const plain = importFailure({ code: 'transport', message: 'Geen verbinding.\nProbeer opnieuw.' });
    expect(plain).toEqual({ summary: 'Geen verbinding.\nProbeer opnieuw.', issues: [], notices: [] });
  });
});
