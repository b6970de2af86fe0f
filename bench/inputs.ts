/**
 * The inputs the benchmark suites share: the bundled default model and its
 * scenarios, validated as the app validates them, and the ranges the analysis
 * benches put on every part of the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Model } from '../src/shared/formats/model';
import type { Scenario } from '../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../src/shared/formats/validate';

const models = new URL('../models/', import.meta.url);

/** JSON from models/ (rel: e.g. 'noord-limburg.json' or 'scenarios/ongewijzigd-beleid.json'). */
export function readModelsJson(rel: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(rel, models)), 'utf8'));
}

/** The value of a parse, or a thrown error with the Dutch issues: a bench on invalid input measures nothing. */
export function valid<T>(r: { ok: true; value: T } | { ok: false; issues: { message: string }[] }, what = ''): T {
  if (!r.ok) throw new Error(`${what ? `${what}: ` : ''}${r.issues.map((i) => i.message).join('\n')}`);
  return r.value;
}

export function defaultModel(): Model {
  return valid(parseModel(readModelsJson('noord-limburg.json')), 'noord-limburg.json');
}

/** A bundled scenario by file name, e.g. 'beleidsplan-kpis.json'. */
export function bundledScenario(model: Model, file: string): Scenario {
  return valid(parseScenario(readModelsJson(`scenarios/${file}`), model), file);
}

/**
 * The bundled scenarios carry no ranges; for a Monte Carlo that varies every
 * part of the engine each volume segment's inflow, price and yearly
 * percentages, every budget line and the funding index get one.
 */
export function withBenchRanges(model: Model, scenario: Scenario): Scenario {
  const ranges: Record<string, Record<string, { low: number; high: number }>> = {};
  for (const s of model.segments) {
    ranges[s.id] =
      s.kind === 'volume'
        ? {
            inflowPerYear: { low: s.inflowPerYear * 0.9, high: s.inflowPerYear * 1.15 },
            pricePerUnit: { low: s.pricePerUnit * 0.97, high: s.pricePerUnit * 1.05 },
            inflowChangePct: { low: -2, high: 3 },
            priceIndexPct: { low: -1, high: 1.5 },
          }
        : { amount: { low: s.amount * 0.95, high: s.amount * 1.1 } };
  }
  return valid(parseScenario({ ...scenario, ranges, funding: { ...scenario.funding, ranges: { indexPct: { low: -1, high: 1 } } } }, model));
}

/**
 * The default model grown to `segments` segments (its 17 repeated; the first
 * 17 keep their ids, so the bundled scenarios still apply): the largest model
 * the limits allow has 500. For the jobs bench and the job tests.
 */
export function largeModel(segments = 500): Model {
  const base = defaultModel();
  const grown = Array.from({ length: segments }, (_, i) => {
    const s = base.segments[i % base.segments.length]!;
    const copy = Math.floor(i / base.segments.length);
    return copy === 0 ? s : { ...s, id: `${s.id}-${copy + 1}`, name: `${s.name} (${copy + 1})` };
  });
  return valid(parseModel({ ...base, name: `${base.name} (${segments} segmenten)`, segments: grown }), `model met ${segments} segmenten`);
}
