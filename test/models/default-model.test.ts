/** The bundled model and scenarios: valid, sourced, and the seed segments reproduce the seed turnover. */
import { readFileSync, readdirSync } from 'node:fs';
import { REPO_ROOT, withoutRanges } from '../fixtures';
import { describe, expect, it } from 'vitest';
import { parseModel, parseScenario } from '../../src/shared/formats/validate';
import { simulate } from '../../src/shared/engine/simulate';
import { emptyScenario, type Scenario } from '../../src/shared/formats/scenario';
import type { Model } from '../../src/shared/formats/model';
import { listParameters } from '../../src/shared/analysis/parameters';
import { runMonteCarloSync } from '../../src/shared/analysis/montecarlo';
import { cite } from '../../src/shared/domain/sources';

const modelsDir = `${REPO_ROOT}/models/`;
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function loadModel(): Model {
  const r = parseModel(readJson(`${modelsDir}noord-limburg.json`));
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

/** The seed figures (Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3 and § 5.1) per segment id: the turnover to reproduce. */
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
    // read as model@2 whatever the file's own format (model@1 files are migrated on read)
    expect(model.format).toBe('jeugdbegroting/model@2');
    expect(['jeugdbegroting/model@1', 'jeugdbegroting/model@2']).toContain((readJson(`${modelsDir}noord-limburg.json`) as { format: string }).format);
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
      if (seg.estimate === false) expect(seg.source, seg.id).toContain('Regionaal Beleidsplan Jeugd 2022 en verder');
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

  it('the verdeelsleutel follows the regional practice: solidarity for crisis, JeugdzorgPlus, verblijf and JB/JR, use for the rest', () => {
    const solidarity = ['verblijf-behandeling', 'opname-vervangende-behandeling', 'crisisdienst', 'crisisbedden', 'jeugdzorgplus', 'jeugdbescherming', 'jeugdreclassering', 'veilig-thuis', 'transformatie-preventie'];
    const use = ['pleegzorg', 'gezinshuizen', 'dagbehandeling', 'dagbesteding', 'ambulante-begeleiding', 'ambulante-behandeling', 'ambulante-ggz', 'dyslexie'];
    expect(model.segments.map((s) => s.id).sort()).toEqual([...solidarity, ...use].sort());
    for (const id of solidarity) expect(model.segments.find((s) => s.id === id)!.split).toBe('solidarity');
    for (const id of use) expect(model.segments.find((s) => s.id === id)!.split).toBe('usage-average-3');
    // cited by title and part, and said to be derived where the source is vague
    expect(model.description).toContain(cite('beleidsplan-noord-limburg', 'Bijlage 5 Marktanalyse, Financiën: "verdeelsleutel jeugd: deels solidariteit, deels realisatie"'));
    expect(model.description).toContain('Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 5');
    expect(model.description).toContain('is afgeleid');
    // a use line says which years it used, or why it fell back
    for (const id of use) {
      const line = base.lines.find((l) => l.id === id)!;
      expect(line.splitBasis !== undefined || line.splitNote !== undefined).toBe(true);
    }
    for (const id of solidarity) expect(base.lines.find((l) => l.id === id)!.splitNote).toBeUndefined();
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

  /**
   * Saldo per year 2022–2028 of each bundled scenario, computed before the ranges were added
   * (round 3): ranges never change the ordinary result, so these must stay exactly as they were.
   */
  const BALANCE_BEFORE_RANGES: Record<string, number[]> = {
    'beleidsplan-kpis.json': [-8997878.737581968, -7465148.4691134095, -4355793.018867716, -1091747.7285424024, 336104.81288677454, 1241753.0726123601, 1958431.7332372665],
    // since issue 11: autonome ontwikkeling (gebruik +1,5%, zwaarte +1% per jaar) and the gemeentefonds path;
    // item 2: the bekende ontwikkelingen woonplaatsbeginsel, landelijk tarief JB/JR and tarieven 2026 switched on
    'ongewijzigd-beleid.json': [-8997878.737581968, -14510093.803059846, -17561582.010087878, -16853666.12694262, -30946802.521121323, -33587396.57389535, -36119390.98719987],
    'rijksmaatregelen.json': [-8997878.737581968, -9544292.34040849, -10060721.43304585, -4322413.85750781, -16935379.203945532, -17190025.434044167, -33716937.81989527],
  };
  const COST_2028_BEFORE_RANGES: Record<string, number> = {
    'beleidsplan-kpis.json': 97558711.02607027,
    'ongewijzigd-beleid.json': 138388233.84454644,
    'rijksmaatregelen.json': 110718650.5792028,
  };

  it('every bundled scenario parses, and each has ranges', () => {
    expect(Object.keys(BALANCE_BEFORE_RANGES).sort()).toEqual([...files].sort());
    for (const f of files) {
      expect(scenarios.has(f), f).toBe(true);
      expect(listParameters(model, scenarios.get(f)!).length, f).toBeGreaterThanOrEqual(20);
    }
  });

  it('every range names what it rests on; a judgement says "aanname"', () => {
    for (const [f, s] of scenarios) {
      const params = listParameters(model, s);
      for (const p of params) {
        expect(p.fromRange, `${f} ${p.key}`).toBe(true);
        expect(p.rangeSource, `${f} ${p.key}`).toMatch(/\S{10,}/);
        expect(p.rangeSource, `${f} ${p.key}`).toMatch(/^aanname/);
        expect(p.low, `${f} ${p.key}`).toBeLessThan(p.high);
      }
      // the price index and the Rijksmiddelen index are in every scenario
      expect(params.some((p) => p.key === 'funding.ranges.indexPct'), f).toBe(true);
      expect(params.filter((p) => p.key.endsWith('.priceIndexPct')).length, f).toBe(12);
      expect(params.filter((p) => p.key.endsWith('.amountChangePct')).length, f).toBe(4);
    }
    // the KPI scenario: each KPI's realisation, and the substitution share
    const kpiKeys = listParameters(model, scenarios.get('beleidsplan-kpis.json')!).map((p) => p.key);
    expect(kpiKeys).toEqual(
      expect.arrayContaining([
        'ranges.ambulante-begeleiding.intensityChangePct',
        'ranges.ambulante-behandeling.intensityChangePct',
        'ranges.dagbesteding.inflowChangePct',
        'ranges.ambulante-ggz.durationChangePct',
        'substitutions.0.ranges.sharePct',
      ]),
    );
  });

  it.each(files)('%s: the ordinary result is exactly what it was before the ranges (and equals the scenario without them)', (f) => {
    const s = scenarios.get(f)!;
    const r = simulate(model, s, { perGemeente: true });
    expect(r.totals.map((t) => t.balance)).toEqual(BALANCE_BEFORE_RANGES[f]);
    expect(r.totals.at(-1)!.cost).toBe(COST_2028_BEFORE_RANGES[f]);
    expect(r).toEqual(simulate(model, withoutRanges(s), { perGemeente: true }));
  });

  it('the KPI scenario is the best case of its own KPIs: P50 below the ordinary saldo 2028 (seed 20220101, 2.000 draws)', () => {
    const mc = runMonteCarloSync({ model, scenario: scenarios.get('beleidsplan-kpis.json')!, draws: 2000, seed: 20220101 });
    const last = mc.years.at(-1)!;
    expect(last.balance.p10).toBeLessThan(last.balance.p50);
    expect(last.balance.p50).toBeLessThan(last.balance.p90);
    // the KPI ranges are one-sided (realised 0–100%), so the middle of the band lies below the scenario
    expect(last.balance.p50).toBeLessThan(last.deterministic.balance);
    expect(last.deficitProbability).toBeGreaterThan(0);
    expect(last.deficitProbability).toBeLessThan(1);
  });
});
