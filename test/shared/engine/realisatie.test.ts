/**
 * Realisatie (issue 10, items 1 and 2): the rules of docs/formats.md "Realisatie" and
 * "Rekenregels met realisatie", checked on hand-computed cases.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/shared/engine/simulate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import type { Model, Realisatie } from '../../../src/shared/formats/model';
import { parseModel } from '../../../src/shared/formats/validate';
import { budget, gemeente, model, scenario, volume } from '../../fixtures';

const src = 'Jaarrekening 2023, tabel 4';

/**
 * Three gemeenten (youth 200/100/100), R = 2023 of 2022–2025.
 * amb: volume, D = 6 months, split by usage 0,5/0,3/0,2.
 *   2022: N 300, K 90.000          → I = 300/1,5 = 200, S = 100, 1.200 client-months, price 75 per client-month
 *   2023: N 360, K 120.000, 2.400 u → I = 240, S = 120, 1.440 client-months, 2.400/1.440 u per client-month, € 50 per uur
 * sub: budget, split by youth (0,5/0,25/0,25): 2022 € 1.000, 2023 € 1.100.
 * Rijksmiddelen realised in 2023 only: a 2.200, b 1.100, c 1.100 (Σ 4.400); model baseAmount 5.000.
 */
function realisatie(extra: Partial<Realisatie> = {}): Realisatie {
  return {
    lastYear: 2023,
    segments: {
      amb: {
        '2022': { clients: 300, lasten: 90_000, source: src },
        '2023': { clients: 360, lasten: 120_000, volume: 2_400, started: 250, ended: 230, source: src },
      },
      sub: { '2022': { lasten: 1_000, source: src }, '2023': { lasten: 1_100, source: src } },
    },
    gemeenten: {
      a: {
        rijksmiddelen: { '2023': { amount: 2_200, source: 'Septembercirculaire gemeentefonds 2023' } },
        segments: {
          amb: { '2023': { lasten: 60_000, source: src } },
          sub: { '2022': { lasten: 500, source: src }, '2023': { lasten: 550, source: src } },
        },
      },
      b: {
        rijksmiddelen: { '2023': { amount: 1_100, source: 'Septembercirculaire gemeentefonds 2023' } },
        segments: { sub: { '2022': { lasten: 250, source: src } } },
      },
      c: {
        rijksmiddelen: { '2023': { amount: 1_100, source: 'Septembercirculaire gemeentefonds 2023', estimate: true } },
        segments: { sub: { '2022': { lasten: 250, source: src } } },
      },
    },
    ...extra,
  };
}

function realisedModel(fields: Partial<Model> = {}): Model {
  return model({
    baseYear: 2022,
    endYear: 2025,
    gemeenten: [
      gemeente('a', 200, { cbsCode: 'GM0983' }),
      gemeente('b', 100, { cbsCode: 'GM0889' }),
      gemeente('c', 100),
    ],
    segments: [
      volume('amb', {
        avgDurationMonths: 6,
        unit: 'uur',
        pricePerUnit: 999,
        inflowPerYear: 1,
        split: 'usage',
        usageShare: { a: 0.5, b: 0.3, c: 0.2 },
      }),
      budget('sub', 777),
    ],
    funding: { baseAmount: 5_000, indexPct: { '2024': 5 } },
    realisatie: realisatie(),
    ...fields,
  });
}

describe('years ≤ R are the realised figures, exactly', () => {
  const m = realisedModel();
  const r = simulate(m, emptyScenario('leeg'));
  const amb = r.lines[0]!;
  const sub = r.lines[1]!;

  it('marks every line year, total and gemeente year realisatie or raming', () => {
    const kinds = ['realisatie', 'realisatie', 'raming', 'raming'];
    expect(amb.years.map((y) => y.kind)).toEqual(kinds);
    expect(sub.years.map((y) => y.kind)).toEqual(kinds);
    expect(r.totals.map((t) => t.kind)).toEqual(kinds);
    for (const g of r.gemeenten) expect(g.years.map((y) => y.kind)).toEqual(kinds);
    expect(r.totals.map((t) => t.fundingKind)).toEqual(['raming', 'realisatie', 'raming', 'raming']);
  });

  it('lasten per segment and per year as realised', () => {
    expect(amb.years.slice(0, 2).map((y) => y.cost)).toEqual([90_000, 120_000]);
    expect(sub.years.slice(0, 2).map((y) => y.cost)).toEqual([1_000, 1_100]);
    expect(r.totals.slice(0, 2).map((t) => t.cost)).toEqual([91_000, 121_100]);
  });

  it('a realised volume year carries its calibration: I = N/(1+D/12), S = N − I, price from K', () => {
    const [y22, y23] = amb.years as Extract<typeof amb, { kind: 'volume' }>['years'];
    expect(y22).toMatchObject({
      clients: 300,
      inflow: 200,
      inflowBeforeSubstitution: 200,
      clientsEnd: 100,
      clientMonths: 1_200,
      durationMonths: 6,
      unitsPerClientMonth: 1,
    });
    expect(y22!.pricePerUnit).toBeCloseTo(75, 10);
    expect(y23).toMatchObject({ clients: 360, inflow: 240, clientsEnd: 120, clientMonths: 1_440 });
    // the realised volume splits the € 83,33 per client-month into 1,667 uur × € 50
    expect(y23!.unitsPerClientMonth).toBeCloseTo(2_400 / 1_440, 12);
    expect(y23!.pricePerUnit).toBeCloseTo(50, 10);
  });

  it('the raming starts from R: without changes R+1 costs exactly R’s lasten', () => {
    expect(amb.years[2]!.cost).toBeCloseTo(120_000, 6);
    expect(amb.years[3]!.cost).toBeCloseTo(120_000, 6);
    expect(sub.years.slice(2).map((y) => y.cost)).toEqual([1_100, 1_100]);
    // the segment's own base figures (inflow 1/year, € 999 per uur, € 777) no longer count
    expect((amb.years[2] as { clientsEnd: number }).clientsEnd).toBeCloseTo(120, 9);
  });

  it('realised Rijksmiddelen: Σ of the gemeenten, indexed from there; the model path before', () => {
    expect(r.totals[0]!.funding).toBe(5_000);
    expect(r.totals[1]!.funding).toBe(4_400);
    expect(r.totals[2]!.funding).toBeCloseTo(4_620, 9); // 4.400 × 1,05
    expect(r.totals[3]!.funding).toBeCloseTo(4_620, 9);
  });
});

describe('per gemeente in realised years', () => {
  const r = simulate(realisedModel(), emptyScenario('leeg'));
  const [a, b, c] = r.gemeenten;

  it('a year without gemeente figures follows the line’s verdeelsleutel', () => {
    // amb 2022: usage 0,5/0,3/0,2 of 90.000
    expect(a!.lineCosts[0]![0]).toBeCloseTo(45_000, 9);
    expect(b!.lineCosts[0]![0]).toBeCloseTo(27_000, 9);
    expect(c!.lineCosts[0]![0]).toBeCloseTo(18_000, 9);
  });

  it('a known gemeente gets its figure; the rest goes to the others by the key, rescaled over them', () => {
    // amb 2023: a realised 60.000; 60.000 left for b and c by usage 0,3 : 0,2
    expect(a!.lineCosts[0]![1]).toBeCloseTo(60_000, 9);
    expect(b!.lineCosts[0]![1]).toBeCloseTo(36_000, 9);
    expect(c!.lineCosts[0]![1]).toBeCloseTo(24_000, 9);
    // sub 2023: a realised 550; 550 left for b and c by youth 100 : 100
    expect(a!.lineCosts[1]![1]).toBeCloseTo(550, 9);
    expect(b!.lineCosts[1]![1]).toBeCloseTo(275, 9);
    expect(c!.lineCosts[1]![1]).toBeCloseTo(275, 9);
  });

  it('all gemeenten known: exactly their figures', () => {
    expect([a, b, c].map((g) => g!.lineCosts[1]![0])).toEqual([500, 250, 250]);
  });

  it('years after R follow the key again', () => {
    expect(a!.lineCosts[0]![2]).toBeCloseTo(60_000, 6);
    expect(b!.lineCosts[0]![2]).toBeCloseTo(36_000, 6);
    expect(c!.lineCosts[0]![2]).toBeCloseTo(24_000, 6);
  });

  it('funding: each gemeente its own realised amount, later years in those proportions', () => {
    // 2022 not realised: 5.000 by youth 0,5/0,25/0,25
    expect([a, b, c].map((g) => g!.years[0]!.funding)).toEqual([2_500, 1_250, 1_250]);
    expect([a, b, c].map((g) => g!.years[1]!.funding)).toEqual([2_200, 1_100, 1_100]);
    expect(a!.years[2]!.funding).toBeCloseTo(2_310, 9);
    expect(b!.years[2]!.funding).toBeCloseTo(1_155, 9);
  });

  it('the gemeenten add up exactly to the region in every year', () => {
    r.years.forEach((_, k) => {
      expect(a!.years[k]!.cost + b!.years[k]!.cost + c!.years[k]!.cost).toBeCloseTo(r.totals[k]!.cost, 8);
      expect(a!.years[k]!.funding + b!.years[k]!.funding + c!.years[k]!.funding).toBeCloseTo(r.totals[k]!.funding, 8);
    });
  });

  it('gemeente figures that differ from the region within the tolerance are scaled to it', () => {
    const base = realisatie();
    const m = realisedModel({
      realisatie: {
        ...base,
        gemeenten: {
          ...base.gemeenten,
          a: { ...base.gemeenten!.a!, segments: { sub: { '2022': { lasten: 502, source: src } } } }, // Σ 1.002 vs 1.000 (≤ 0,5%)
        },
      },
    });
    const g = simulate(m, emptyScenario('leeg')).gemeenten;
    expect(g[0]!.lineCosts[1]![0]).toBeCloseTo((502 / 1_002) * 1_000, 9);
    expect(g[1]!.lineCosts[1]![0]).toBeCloseTo((250 / 1_002) * 1_000, 9);
  });
});

describe('the scenario applies from R+1 on', () => {
  const m = realisedModel();
  const s = scenario(m, {
    assumptions: {
      amb: { inflowChangePct: { '2023': 50, '2024': 10 }, priceIndexPct: { '2023': 50, '2025': 2 } },
      sub: { amountChangePct: { '2023': 50, '2024': 10 } },
    },
    funding: { adjustments: { '2023': 999, '2024': 100 } },
    prevention: { extraBudget: { '2023': 5_000, '2025': 300 }, effects: [] },
  });
  const r = simulate(m, s);

  it('percentages for years ≤ R change nothing: the realised years stay exact', () => {
    expect(r.lines[0]!.years[1]!.cost).toBe(120_000);
    expect(r.lines[1]!.years[1]!.cost).toBe(1_100);
    expect(r.totals[1]!.cost).toBe(121_100);
    expect(r.totals[1]!.fundingAdjustment).toBe(0);
    expect(r.totals[1]!.funding).toBe(4_400);
  });

  it('volume: inflow +10% in 2024 from the calibrated state (S = 120, I = 240, D = 6)', () => {
    // monthly inflow 22, S_m = 132 − 12·(5/6)^m; client-months = 12·132 − 66·(1 − (5/6)^12)
    const q12 = (5 / 6) ** 12;
    const cm = 1_584 - 66 * (1 - q12);
    const y24 = r.lines[0]!.years[2] as { cost: number; clientMonths: number; inflow: number; clientsEnd: number };
    expect(y24.inflow).toBeCloseTo(264, 9);
    expect(y24.clientMonths).toBeCloseTo(cm, 9);
    expect(y24.clientsEnd).toBeCloseTo(132 - 12 * q12, 9);
    expect(y24.cost).toBeCloseTo((cm * 120_000) / 1_440, 6); // € 83,33 per client-month
    expect(cm).toBeCloseTo(1_525.4023392, 6);
  });

  it('budget: lasten_R × (1 + pct) from R+1', () => {
    expect(r.lines[1]!.years[2]!.cost).toBeCloseTo(1_210, 9);
    expect(r.lines[1]!.years[3]!.cost).toBeCloseTo(1_210, 9);
  });

  it('the prevention budget counts only after R; incidental funding only in raming years', () => {
    const prev = r.lines[2]!;
    expect(prev.years.map((y) => y.cost)).toEqual([0, 0, 0, 300]);
    expect(r.totals[2]!.funding).toBeCloseTo(4_720, 9);
    expect(r.totals[2]!.fundingAdjustment).toBe(100);
  });
});

describe('edges of R', () => {
  it('R = baseYear: only the base year is realised', () => {
    const base = realisatie();
    const m = realisedModel({
      realisatie: {
        lastYear: 2022,
        segments: { amb: { '2022': base.segments.amb!['2022']! }, sub: { '2022': base.segments.sub!['2022']! } },
      },
    });
    const r = simulate(m, emptyScenario('leeg'));
    expect(r.totals.map((t) => t.kind)).toEqual(['realisatie', 'raming', 'raming', 'raming']);
    expect(r.lines[0]!.years.map((y) => y.cost)).toEqual([
      90_000,
      expect.closeTo(90_000, 6),
      expect.closeTo(90_000, 6),
      expect.closeTo(90_000, 6),
    ]);
  });

  it('R = endYear: every year is realised, no raming', () => {
    const m = model({
      baseYear: 2022,
      endYear: 2023,
      segments: [volume('amb')],
      realisatie: {
        lastYear: 2023,
        segments: {
          amb: { '2022': { clients: 10, lasten: 100, source: src }, '2023': { clients: 0, lasten: 0, source: src } },
        },
      },
    });
    const r = simulate(m, emptyScenario('leeg'));
    expect(r.totals.map((t) => [t.kind, t.cost])).toEqual([
      ['realisatie', 100],
      ['realisatie', 0],
    ]);
    expect(r.lines[0]!.years[1]).toMatchObject({
      clients: 0,
      clientMonths: 0,
      inflow: 0,
      unitsPerClientMonth: 1,
      pricePerUnit: 100,
    });
  });

  it('N = 0 in R: the raming starts from nobody in care', () => {
    const m = model({
      baseYear: 2022,
      endYear: 2024,
      segments: [volume('amb')],
      realisatie: { lastYear: 2022, segments: { amb: { '2022': { clients: 0, lasten: 0, source: src } } } },
    });
    const r = simulate(m, scenario(m, { assumptions: { amb: { inflowChangePct: { '2023': 50 } } } }));
    expect(r.lines[0]!.years.map((y) => y.cost)).toEqual([0, 0, 0]);
  });

  it('a new segment (no realised figures) is 0 up to R and runs on its own figures after', () => {
    const base = realisedModel();
    const m = model({
      ...base,
      segments: [
        ...base.segments,
        volume('nieuw', { inflowPerYear: 24, avgDurationMonths: 6, pricePerUnit: 100 }),
        budget('nieuwb', 500),
      ],
    });
    const r = simulate(m, scenario(m, { assumptions: { nieuwb: { amountChangePct: { '2023': 50, '2025': 10 } } } }));
    const [vol, bud] = [r.lines[2]!, r.lines[3]!];
    expect(vol.years.map((y) => y.kind)).toEqual(['realisatie', 'realisatie', 'raming', 'raming']);
    // steady state from 1 January 2024: 24 × 6 / 12 = 12 in care, 144 client-months × € 100
    expect(vol.years.map((y) => y.cost)).toEqual([0, 0, expect.closeTo(14_400, 8), expect.closeTo(14_400, 8)]);
    expect(bud.years.map((y) => y.cost)).toEqual([0, 0, 500, expect.closeTo(550, 9)]);
    expect(r.totals[1]!.cost).toBe(121_100);
    expect(r.gemeenten.reduce((t, g) => t + g.lineCosts[2]![1]!, 0)).toBe(0);
  });

  it('without per-gemeente split the totals are the same', () => {
    const m = realisedModel();
    const full = simulate(m, emptyScenario('leeg'));
    const quick = simulate(m, emptyScenario('leeg'), { perGemeente: false });
    expect(quick.totals).toEqual(full.totals);
    expect(quick.gemeenten).toEqual([]);
  });
});

describe('format rules for realisatie', () => {
  function messages(change: (m: Model) => void): string[] {
    const m = structuredClone(realisedModel());
    change(m);
    const r = parseModel(m);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.issues.map((i) => i.message);
  }

  it('a valid model with realisatie parses to itself', () => {
    const m = realisedModel();
    const r = parseModel(JSON.parse(JSON.stringify(m)));
    expect(r.ok && r.value).toEqual(m);
  });

  it('lastYear lies within baseYear..endYear', () => {
    expect(messages((m) => (m.realisatie!.lastYear = 2021))).toEqual([
      'realisatie.lastYear: 2021 ligt buiten 2022–2025 (baseYear t/m endYear)',
    ]);
  });

  it('every segment has every year baseYear..R, no other years, only known segments', () => {
    expect(messages((m) => delete m.realisatie!.segments.sub!['2022'])).toEqual([
      'realisatie.segments.sub: mist realisatie voor 2022: een segment met realisatie heeft een cijfer voor elk jaar 2022–2023',
    ]);
    expect(messages((m) => delete m.realisatie!.segments.amb!['2023'])).toEqual([
      'realisatie.segments.amb: mist realisatie voor 2023: een segment met realisatie heeft een cijfer voor elk jaar 2022–2023',
    ]);
    expect(messages((m) => (m.realisatie!.segments.sub!['2024'] = { lasten: 1, source: src }))).toEqual([
      'realisatie.segments.sub.2024: jaar 2024 ligt buiten 2022–2023 (baseYear t/m lastYear)',
    ]);
    expect(messages((m) => (m.realisatie!.segments.ggz = { '2022': { lasten: 1, source: src } }))).toEqual([
      'realisatie.segments.ggz: "ggz" is geen segment van dit model',
    ]);
  });

  it('volume segments need the number of jeugdigen; lasten without jeugdigen are refused', () => {
    expect(messages((m) => delete m.realisatie!.segments.amb!['2022']!.clients)).toEqual([
      'realisatie.segments.amb.2022.clients: ontbreekt: een volumesegment heeft het aantal jeugdigen nodig',
    ]);
    expect(messages((m) => (m.realisatie!.segments.amb!['2022']!.clients = 0))).toEqual([
      'realisatie.segments.amb.2022.clients: 0 jeugdigen bij lasten 90000: geef het aantal jeugdigen',
    ]);
  });

  it('figures are non-negative numbers with a source', () => {
    expect(messages((m) => (m.realisatie!.segments.sub!['2022']!.lasten = -5))).toEqual([
      'realisatie.segments.sub.2022.lasten: -5 is negatief',
    ]);
    expect(messages((m) => (m.realisatie!.segments.sub!['2022']!.source = ' '))).toEqual([
      'realisatie.segments.sub.2022.source: mag niet leeg zijn: noem document, tabel en jaar',
    ]);
    expect(messages((m) => delete (m.realisatie!.segments.sub!['2022'] as { source?: string }).source)).toEqual([
      'realisatie.segments.sub.2022.source: ontbreekt',
    ]);
    expect(messages((m) => ((m.realisatie!.segments.sub!['2022'] as Record<string, unknown>).bedrag = 1))).toEqual([
      'realisatie.segments.sub.2022: onbekend veld "bedrag"',
    ]);
  });

  it('Rijksmiddelen for a year are given for every gemeente or none', () => {
    expect(messages((m) => delete m.realisatie!.gemeenten!.c!.rijksmiddelen)).toEqual([
      'realisatie.gemeenten.c.rijksmiddelen.2023: ontbreekt voor c: Rijksmiddelen voor 2023 staan bij a, b, en dan moeten ze bij alle gemeenten staan',
    ]);
    expect(messages((m) => (m.realisatie!.gemeenten!.x = {}))).toEqual([
      'realisatie.gemeenten.x: "x" is geen gemeente van dit model',
    ]);
  });

  it('gemeente figures do not exceed the region; all of them match it within max(€ 1; 0,5%)', () => {
    expect(messages((m) => (m.realisatie!.gemeenten!.a!.segments!.amb!['2023']!.lasten = 130_000))).toEqual([
      'realisatie.gemeenten: lasten van "amb" in 2023: de gemeenten tellen op tot 130000, meer dan de regio (120000)',
    ]);
    expect(messages((m) => (m.realisatie!.gemeenten!.a!.segments!.sub!['2022']!.lasten = 400))).toEqual([
      'realisatie.gemeenten: lasten van "sub" in 2022: de gemeenten tellen op tot 900, de regio heeft 1000 (verschil meer dan € 1 en 0,5%)',
    ]);
  });

  it('gemeente figures need the region’s figures of that segment', () => {
    expect(
      messages((m) => {
        m.segments.push({ id: 'nieuw', name: 'Nieuw', kind: 'budget', amount: 1 });
        m.realisatie!.gemeenten!.b!.segments = { nieuw: { '2022': { lasten: 5, source: src } } };
      }),
    ).toEqual([
      'realisatie.gemeenten: lasten van "nieuw" in 2022: gemeenten hebben cijfers, maar de regio heeft geen realisatie voor dit segment',
    ]);
  });

  it('cbsCode: GM and four digits, unique; StatLine’s padding is trimmed', () => {
    const padded = parseModel({
      ...realisedModel(),
      gemeenten: realisedModel().gemeenten.map((g, k) => (k === 2 ? { ...g, cbsCode: 'GM0907    ' } : g)),
    });
    expect(padded.ok && padded.value.gemeenten[2]!.cbsCode).toBe('GM0907');
    expect(messages((m) => (m.gemeenten[2]!.cbsCode = '0983'))).toEqual([
      'gemeenten[2].cbsCode: "0983" is geen CBS-gemeentecode (GM gevolgd door vier cijfers, bijv. "GM0983")',
    ]);
    expect(messages((m) => (m.gemeenten[2]!.cbsCode = 'GM0983'))).toEqual([
      'gemeenten[2].cbsCode: "GM0983" komt al voor bij gemeenten[0]',
    ]);
  });
});

describe('horizon', () => {
  it('endYear may run to 2060, not beyond', () => {
    const m = model({ baseYear: 2030, endYear: 2060 });
    expect(simulate(m, emptyScenario('leeg')).years).toHaveLength(31);
    const r = parseModel({ ...m, endYear: 2061 });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toContain('endYear: 2061 is meer dan het maximum van 2060');
  });

  it('a meerjarenraming from 2022 to 2030 with realisatie to 2025', () => {
    const lasten = { '2022': 100, '2023': 110, '2024': 120, '2025': 130 };
    const m = model({
      baseYear: 2022,
      endYear: 2030,
      segments: [budget('b', 1)],
      realisatie: {
        lastYear: 2025,
        segments: { b: Object.fromEntries(Object.entries(lasten).map(([y, v]) => [y, { lasten: v, source: src }])) },
      },
    });
    const r = simulate(m, scenario(m, { assumptions: { b: { amountChangePct: { '2030': 10 } } } }));
    expect(r.lines[0]!.years.map((y) => y.cost)).toEqual([
      100,
      110,
      120,
      130,
      130,
      130,
      130,
      130,
      expect.closeTo(143, 9),
    ]);
    expect(r.totals.filter((t) => t.kind === 'realisatie').map((t) => t.year)).toEqual([2022, 2023, 2024, 2025]);
  });
});

describe('numerical edge (found by the property test)', () => {
  it('tiny amounts and tiny usage weights: the gemeenten still add up to the region (no underflow to 0)', () => {
    const m = model({
      baseYear: 2022,
      endYear: 2023,
      gemeenten: [gemeente('g0', 100), gemeente('g1', 2000), gemeente('g2', 30000)],
      segments: [
        budget('s2', 1, { split: 'usage', usageShare: { g0: 3.5e-323, g1: 0.9999999999999992, g2: 4.4e-323 } }),
      ],
      realisatie: {
        lastYear: 2022,
        segments: { s2: { '2022': { lasten: 1e-9, source: 'test' } } },
        gemeenten: { g1: { segments: { s2: { '2022': { lasten: 0, source: 'test' } } } } },
      },
    });
    const r = simulate(m, emptyScenario('leeg'));
    const sum = r.gemeenten.reduce((t, g) => t + g.years[0]!.cost, 0);
    expect(sum).toBeCloseTo(1e-9, 20);
    expect(r.gemeenten[1]!.years[0]!.cost).toBe(0);
  });
});
