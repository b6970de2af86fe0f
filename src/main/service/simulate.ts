import { simulate } from '../../shared/engine/simulate';
import { checkScenarioAgainstModel } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { StorageError } from '../storage/errors';
import type { Model } from '../../shared/formats/model';
import type { HandlerMap } from './context';

/**
 * From this much work (segments × (gemeenten + 1) × years) simulate runs in a job worker. Below it the
 * engine answers sooner than a worker starts (measured: the default model, 17 × 8 × 7 ≈ 1.000, under
 * 1 ms; 500 segments × 8 × 31 years ≈ 124.000, about 40 ms; 500 × 101 × 31 ≈ 1,6 mln, about 200 ms).
 */
export const SIMULATE_IN_WORKER_FROM = 200_000;

export function simulateWork(model: Model): number {
  return model.segments.length * (model.gemeenten.length + 1) * (model.endYear - model.baseYear + 1);
}

export const simulateHandlers: HandlerMap<'simulate'> = {
  simulate: (req, ctx) => {
    const issues = checkScenarioAgainstModel(req.scenario, req.model);
    if (issues.length > 0) throw new StorageError('validation', `Het scenario past niet bij het model:\n${issuesToText(issues)}`, issues);
    if (simulateWork(req.model) >= SIMULATE_IN_WORKER_FROM) return ctx.jobs.run('simulate', { model: req.model, scenario: req.scenario }, ctx.signal);
    return simulate(req.model, req.scenario);
  },
};
