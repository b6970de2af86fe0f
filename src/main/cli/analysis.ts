/**
 * The analysis part of `npm run simulate`: `--montecarlo N [--seed S]`,
 * `--tornado` and `--goal-seek SPEC`. Pure: takes the loaded model and
 * scenario and the options, returns the extra JSON fields and the extra text.
 * The same functions as the UI (src/shared/analysis), so they cannot disagree.
 */
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { runMonteCarloSync, type MonteCarloResult, type Percentiles } from '../../shared/analysis/montecarlo';
import { tornado, type TornadoResult } from '../../shared/analysis/tornado';
import { goalSeek, type GoalSeekResult } from '../../shared/analysis/goalseek';
import { parseGoalSeekSpec } from '../../shared/analysis/goalseekSpec';
import { backtest, type BacktestResult } from '../../shared/analysis/backtest';
import { formatEuro, formatNumber, formatPct } from '../../shared/locale/numbers';

export interface AnalysisOptions {
  montecarlo?: number;
  seed?: number;
  tornado?: boolean;
  goalSeek?: string;
  backtest?: boolean;
}

/** The results themselves go along, so --xlsx writes these instead of running them again. */
export type AnalysisOutput =
  | { ok: true; json: Record<string, unknown>; text: string; montecarlo?: MonteCarloResult; tornado?: TornadoResult }
  | { ok: false; errors: string[] };

const TORNADO_ROWS = 15;

export function runAnalysis(model: Model, scenario: Scenario, options: AnalysisOptions): AnalysisOutput {
  if (options.seed !== undefined && options.montecarlo === undefined) {
    return { ok: false, errors: ['--seed werkt alleen samen met --montecarlo N'] };
  }
  const bt = options.backtest ? backtest(model, scenario) : undefined;
  if (bt && !bt.ok) return { ok: false, errors: [`--backtest: ${bt.error}`] };
  const spec = options.goalSeek === undefined ? undefined : parseGoalSeekSpec(options.goalSeek, model);
  if (spec && !spec.ok) return { ok: false, errors: spec.errors.map((e) => `--goal-seek: ${e}`) };

  const json: Record<string, unknown> = {};
  let text = '';
  let mc: MonteCarloResult | undefined;
  let t: TornadoResult | undefined;
  if (options.montecarlo !== undefined) {
    mc = runMonteCarloSync({
      model,
      scenario,
      draws: options.montecarlo,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    json.montecarlo = {
      draws: mc.draws,
      seed: mc.seed,
      engineVersion: mc.engineVersion,
      parameters: mc.parameters.map((p) => ({
        key: p.key,
        label: p.label,
        mode: p.mode,
        low: p.low,
        likely: p.likely,
        high: p.high,
      })),
    };
    json.bands = mc.years.map((y) => ({
      year: y.year,
      cost: y.cost,
      funding: y.funding,
      balance: y.balance,
      cumulativeBalance: y.cumulativeBalance,
      deficitProbability: y.deficitProbability,
    }));
    text += renderBands(mc);
  }
  if (options.tornado) {
    t = tornado(model, scenario);
    json.tornado = {
      year: t.year,
      base: t.base,
      bars: t.bars.map((b) => ({
        key: b.parameter.key,
        label: b.parameter.label,
        fromRange: b.parameter.fromRange,
        low: b.low,
        high: b.high,
        cumulativeSwing: b.cumulativeSwing,
        yearSwing: b.yearSwing,
      })),
    };
    text += renderTornado(t);
  }
  if (spec?.ok) {
    const r = goalSeek(model, scenario, spec.value);
    json.goalSeek = r;
    text += renderGoalSeek(r);
  }
  if (bt?.ok) {
    json.backtest = bt.value;
    text += renderBacktest(bt.value);
  }
  return { ok: true, json, text, ...(mc ? { montecarlo: mc } : {}), ...(t ? { tornado: t } : {}) };
}

function band(p: Percentiles): string {
  return `${formatEuro(p.p10).padStart(14)} ${formatEuro(p.p50).padStart(14)} ${formatEuro(p.p90).padStart(14)}`;
}

export function renderBands(mc: MonteCarloResult): string {
  const lines = [
    '',
    `Hoe zeker is dit? Monte Carlo: ${formatNumber(mc.draws, 0)} trekkingen, seed ${mc.seed}, ${mc.parameters.length} aannames met een bandbreedte`,
    `${'jaar'.padEnd(6)}${'lasten P10'.padStart(14)} ${'P50'.padStart(14)} ${'P90'.padStart(14)}   ${'saldo P10'.padStart(14)} ${'P50'.padStart(14)} ${'P90'.padStart(14)}   kans op tekort`,
    ...mc.years.map(
      (y) =>
        `${String(y.year).padEnd(6)}${band(y.cost)}   ${band(y.balance)}   ${formatPct(y.deficitProbability * 100, 0).padStart(14)}`,
    ),
  ];
  if (mc.parameters.length === 0)
    lines.push(
      'Geen enkele aanname heeft een bandbreedte: alle trekkingen zijn gelijk aan de uitkomst van het scenario.',
    );
  return `${lines.join('\n')}\n`;
}

export function renderTornado(t: TornadoResult): string {
  const width = 60;
  const fit = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
  const lines = [
    '',
    `Gevoeligheid (tornado): effect op het cumulatieve saldo ${t.fromYear}–${t.toYear} (nu ${formatEuro(t.base.cumulativeBalance)}) en op het saldo ${t.year}; zonder bandbreedte ±${t.defaultPct}%`,
    `${fit('aanname')} ${'bij laag'.padStart(14)} ${'bij hoog'.padStart(14)} ${'verschil'.padStart(14)} ${`saldo ${t.year}`.padStart(14)}`,
    ...t.bars.slice(0, TORNADO_ROWS).map((b) => {
      const dLow = b.low.cumulativeBalance - t.base.cumulativeBalance;
      const dHigh = b.high.cumulativeBalance - t.base.cumulativeBalance;
      return `${fit(b.parameter.label)} ${formatEuro(dLow).padStart(14)} ${formatEuro(dHigh).padStart(14)} ${formatEuro(b.cumulativeSwing).padStart(14)} ${formatEuro(b.yearSwing).padStart(14)}`;
    }),
  ];
  if (t.bars.length > TORNADO_ROWS)
    lines.push(`… en ${t.bars.length - TORNADO_ROWS} aannames met een kleiner effect (alle in --json)`);
  return `${lines.join('\n')}\n`;
}

export function renderGoalSeek(r: GoalSeekResult): string {
  const lines = [
    '',
    `Doelzoeken: ${r.label}, doel saldo ${r.spec.targetYear} = ${formatEuro(r.spec.target)}`,
    r.message,
  ];
  return `${lines.join('\n')}\n`;
}

export function renderBacktest(b: BacktestResult): string {
  const width = Math.max(20, ...b.lines.map((l) => l.name.length));
  const pct = (p: number | undefined) => (p === undefined ? '–' : formatPct(p, 1));
  const row = (name: string, l: BacktestResult['total']) =>
    `${name.padEnd(width)} ${formatEuro(l.forecast).padStart(14)} ${formatEuro(l.realised).padStart(14)} ${formatEuro(l.error).padStart(14)} ${pct(l.errorPct).padStart(8)}`;
  const lines = [
    '',
    `Hoe goed was de raming? ${b.year} geraamd uit de realisatie van ${b.fromYear} met scenario "${b.scenarioName}", vergeleken met de realisatie ${b.year}`,
    `${'segment'.padEnd(width)} ${'raming'.padStart(14)} ${'realisatie'.padStart(14)} ${'verschil'.padStart(14)} ${'%'.padStart(8)}`,
    ...b.lines.map((l) => row(l.name, l)),
    row('Totaal', b.total),
    'Verschil = raming − realisatie (positief: te hoog geraamd), in % van de realisatie.',
  ];
  if (b.skipped.length > 0) lines.push(`Zonder realisatie, niet vergeleken: ${b.skipped.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
