/** The bundled model and scenarios: valid, sourced, and the seed segments reproduce the seed turnover. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';
import { simulate } from '../../src/shared/engine/simulate';
import { emptyScenario, type Scenario } from '../../src/shared/formats/scenario';
import type { Model } from '../../src/shared/formats/model';

const modelsDir = fileURLToPath(new URL('../../models/', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function loadModel(): Model {
  const r = parseModel(readJson(`${modelsDir}noord-limburg.json`));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

/** The seed figures (003_60f469445e7c1faa.txt, Bijlage 3 and § 5.1) per segment id: the turnover to reproduce. */
const SEED_TURNOVER: Record<string, number> = {
  'verblijf-behandeling': 6600000,
  'opname-vervangende-behandeling': 900000,
  jeugdzorgplus: 1492689,
  crisisbedden: 414248,
  crisisdienst: 584200,
  'transformatie-preventie': 500000,
};

describe('models/noord-limburg.json', () => {
  const model = loadModel();
  const base = simulate(model, emptyScenario('leeg'));
  const cost2022 = (id: string) => base.lines.find((l) => l.id === id)!.years[0]!.cost;

  it('is a valid model of the seven gemeenten, 2022–2028', () => {
    expect(model.baseYear).toBe(2022);
    expect(model.endYear).toBe(2028);
    expect(model.gemeenten.map((g) => g.name).sort()).toEqual(['Beesel', 'Bergen (L.)', 'Gennep', 'Horst aan de Maas', 'Peel en Maas', 'Venlo', 'Venray']);
  });

  it('each seed segment costs its seed turnover in the base year (within 1%)', () => {
    for (const [id, turnover] of Object.entries(SEED_TURNOVER)) {
      expect(Math.abs(cost2022(id) / turnover - 1), id).toBeLessThan(0.01);
    }
    // JB/JR: one subsidy of € 6.170.529 split over two lines
    expect(cost2022('jeugdbescherming') + cost2022('jeugdreclassering')).toBeCloseTo(6170529, 0);
    // Veilig Thuis: Noord-Limburg's share of € 4.486.000 by meldingen 1.872 / 3.553
    expect(cost2022('veilig-thuis')).toBeCloseTo((4486000 * 1872) / 3553, 0);
  });

  it('calibrated segments carry their realisation figures', () => {
    for (const id of ['verblijf-behandeling', 'opname-vervangende-behandeling', 'jeugdzorgplus', 'crisisbedden']) {
      const seg = model.segments.find((s) => s.id === id)!;
      expect(seg.kind).toBe('volume');
      if (seg.kind !== 'volume') continue;
      expect(seg.calibration?.turnover, id).toBe(SEED_TURNOVER[id]);
      // unique clients of the realisation year = stock on 1 January + inflow
      const clients = seg.inflowPerYear * (1 + seg.avgDurationMonths / 12);
      expect(Math.abs(clients / seg.calibration!.clients - 1), id).toBeLessThan(0.001);
    }
    const jzp = model.segments.find((s) => s.id === 'jeugdzorgplus');
    expect(jzp?.kind === 'volume' && jzp.calibration?.avgDaysPerClient).toBe(115);
  });

  it('every segment, gemeente and the funding name a source; estimates are flagged', () => {
    for (const seg of model.segments) {
      expect(seg.source, seg.id).toMatch(/\S{10,}/);
      expect(seg.taakveld, seg.id).toBeDefined();
      expect(seg.group, seg.id).toBeDefined();
      if (seg.source!.startsWith('Schatting')) expect(seg.estimate, seg.id).toBe(true);
      // a figure from the seeds names the document file
      if (seg.estimate === false) expect(seg.source, seg.id).toContain('003_60f469445e7c1faa.txt');
    }
    const estimated = model.segments.filter((s) => s.estimate).map((s) => s.id);
    expect(estimated).toEqual(expect.arrayContaining(['ambulante-begeleiding', 'ambulante-ggz', 'dagbesteding', 'pleegzorg', 'gezinshuizen', 'veilig-thuis']));
    for (const g of model.gemeenten) {
      expect(g.source, g.id).toMatch(/\S{10,}/);
      expect(g.estimate, g.id).toBe(true);
    }
    expect(model.funding.estimate).toBe(true);
    expect(model.funding.source).toMatch(/Deskundigencommissie/);
  });

  it('Venlo youth 0–17 from CBS 71488ned: 0–15 + 3/5 of 15–20', () => {
    expect(model.gemeenten.find((g) => g.id === 'venlo')!.youth0to17).toBe(Math.round(4599 + 4667 + 5078 + 0.6 * 5498));
  });

  it('the regional total is plausible against the CBS totals (Venlo ~€ 42 mln in 2024)', () => {
    const total = base.totals[0]!.cost;
    expect(total).toBeGreaterThan(70e6);
    expect(total).toBeLessThan(110e6);
    // Venlo's solidarity share of the total, brought to 2024 prices, is near its CBS 2024 realisation
    const venlo = base.gemeenten.find((g) => g.id === 'venlo')!.years[0]!.cost * 1.0643 * 1.0571;
    expect(venlo / 41869000).toBeGreaterThan(0.85);
    expect(venlo / 41869000).toBeLessThan(1.15);
  });
});

describe('models/scenarios', () => {
  const model = loadModel();
  const files = readdirSync(`${modelsDir}scenarios`).filter((f) => f.endsWith('.json'));
  const scenarios = new Map<string, Scenario>();
  for (const f of files) {
    const r = parseScenario(readJson(`${modelsDir}scenarios/${f}`), model);
    if (r.ok) scenarios.set(f, r.value);
  }

  it('ships at least "Ongewijzigd beleid" and "Beleidsplan KPI\'s"', () => {
    expect(files).toEqual(expect.arrayContaining(['ongewijzigd-beleid.json', 'beleidsplan-kpis.json']));
  });

  it.each(files)('%s validates against the default model', (f) => {
    const r = parseScenario(readJson(`${modelsDir}scenarios/${f}`), model);
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual([]);
  });

  it('every assumption and substitution cites its source', () => {
    for (const [f, s] of scenarios) {
      for (const [id, a] of Object.entries(s.assumptions)) expect(a.source, `${f} ${id}`).toMatch(/\S{10,}/);
      for (const sub of s.substitutions) expect(sub.source, f).toMatch(/\S{10,}/);
    }
  });

  it("the KPI scenario: ambulant uren −15% versus 2022 from 2026, dagbesteding inflow −10% a year, GGZ duration −10% in 2025", () => {
    const kpi = scenarios.get('beleidsplan-kpis.json')!;
    const r = simulate(model, kpi);
    const line = (id: string) => {
      const l = r.lines.find((x) => x.id === id)!;
      if (l.kind !== 'volume') throw new Error(id);
      return l;
    };
    const amb = line('ambulante-begeleiding');
    const u0 = amb.years[0]!.unitsPerClientMonth;
    expect(amb.years[1]!.unitsPerClientMonth / u0).toBeCloseTo(0.95, 9);
    expect(amb.years[3]!.unitsPerClientMonth / u0).toBeCloseTo(0.857375, 9);
    expect(amb.years[4]!.unitsPerClientMonth / u0).toBeCloseTo(0.85, 5);
    expect(amb.years[6]!.unitsPerClientMonth / u0).toBeCloseTo(0.85, 5);
    const dag = line('dagbesteding');
    expect(dag.years[6]!.inflowBeforeSubstitution / dag.years[0]!.inflowBeforeSubstitution).toBeCloseTo(0.9 ** 6, 9);
    const ggz = line('ambulante-ggz');
    expect(ggz.years[3]!.durationMonths / ggz.years[0]!.durationMonths).toBeCloseTo(0.9, 5);
    // KPIs lower the cost versus Ongewijzigd beleid in 2028
    const on = simulate(model, scenarios.get('ongewijzigd-beleid.json')!);
    expect(r.totals[6]!.cost).toBeLessThan(on.totals[6]!.cost);
  });
});
