import { simulate } from '../../shared/engine/simulate';
import { checkScenarioAgainstModel } from '../../shared/formats/validate';
import { issuesToText } from '../../shared/formats/issues';
import { UserError } from '../errors';
import type { HandlerMap } from './context';

export const simulateHandlers: HandlerMap<'simulate'> = {
  simulate: (req) => {
    const issues = checkScenarioAgainstModel(req.scenario, req.model);
    if (issues.length > 0) throw new UserError('validation', `Het scenario past niet bij het model:\n${issuesToText(issues)}`, issues);
    return simulate(req.model, req.scenario);
  },
};
