/**
 * The messages between the UI thread and the analysis worker. Plain data only
 * (structured clone): model and scenario go in, results come out.
 */
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import type { MonteCarloProgress, MonteCarloResult } from '../../shared/analysis/montecarlo';
import type { TornadoResult } from '../../shared/analysis/tornado';
import type { GoalSeekResult, GoalSeekSpec } from '../../shared/analysis/goalseek';

export type AnalysisJob =
  | { kind: 'montecarlo'; model: Model; scenario: Scenario; draws: number; seed: number }
  | { kind: 'tornado'; model: Model; scenario: Scenario; year: number; sortBy: 'cumulative' | 'year' }
  | { kind: 'goalseek'; model: Model; scenario: Scenario; spec: GoalSeekSpec };

export interface AnalysisResults {
  montecarlo: MonteCarloResult;
  tornado: TornadoResult;
  goalseek: GoalSeekResult;
}

export type ToWorker = { type: 'run'; id: number; job: AnalysisJob } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: MonteCarloProgress }
  | { type: 'result'; id: number; result: AnalysisResults[AnalysisJob['kind']] }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };
