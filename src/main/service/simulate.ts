import { simulate } from '../../shared/engine/simulate';
import { checkScenarioAgainstModel } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { UserError } from '../errors';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import type { SimulationResult } from '../../shared/engine/result';
import type { HandlerMap, ServiceContext } from './context';

/**
 * From this much work (segments × (gemeenten + 1) × years) simulate runs in a job worker. Below it the
 * engine answers sooner than a worker starts (measured: the default model, 17 × 8 × 7 ≈ 1.000, under
 * 1 ms; 500 segments × 8 × 31 years ≈ 124.000, about 40 ms; 500 × 101 × 31 ≈ 1,6 mln, about 200 ms).
 */
export const SIMULATE_IN_WORKER_FROM = 200_000;

export function simulateWork(model: Model): number {
  return model.segments.length * (model.gemeenten.length + 1) * (model.endYear - model.baseYear + 1);
}

/** simulate(), in a job worker when the model is large (the service's thread stays free), else inline. */
export async function simulateOffThread(
  ctx: ServiceContext,
  model: Model,
  scenario: Scenario,
  options: { jobKey?: string | undefined; signal?: AbortSignal | undefined } = { signal: ctx.signal },
): Promise<SimulationResult> {
  if (simulateWork(model) >= SIMULATE_IN_WORKER_FROM)
    return ctx.jobs.run('simulate', { model, scenario }, options.signal, options.jobKey);
  return simulate(model, scenario);
}

/** The same inputs (a model or scenario read before and after an await): compared as stored, as JSON. */
export function sameInputs(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export const simulateHandlers: HandlerMap<'simulate'> = {
  simulate: (req, ctx) => {
    const issues = checkScenarioAgainstModel(req.scenario, req.model);
    if (issues.length > 0)
      throw new UserError('validation', `Het scenario past niet bij het model:\n${issuesToText(issues)}`, issues);
    return simulateOffThread(ctx, req.model, req.scenario, { signal: ctx.signal, jobKey: req.jobKey });
  },
};
