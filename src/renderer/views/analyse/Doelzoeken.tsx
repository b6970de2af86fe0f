/**
 * Analyse → Doelzoeken: which value of one assumption gives a target saldo
 * (default € 0) in a target year? The search runs in the worker; the answer is
 * the value found with its saldo (within € 1.000), or "niet haalbaar" with the
 * reachable range. "Toepassen op scenario" puts it in with applyGoalSeekResult
 * through the store's editScenario: one undoable, autosaved edit.
 */
import { useState } from 'react';
import type { Model } from '../../../shared/formats/model';
import type { AssumptionField, Scenario } from '../../../shared/formats/scenario';
import {
  applyGoalSeekResult,
  checkGoalSeekSpec,
  type GoalSeekResult,
  type GoalSeekSpec,
  type GoalSeekVariable,
} from '../../../shared/analysis/goalseek';
import { makeIssue } from '../../../shared/formats/issues';
import { formatEuro, formatNumber } from '../../../shared/locale/numbers';
import { modelYears } from '../../../shared/years';
import { NumberField, SelectField } from '../../components/fields';
import { Saldo } from '../../components/money';
import { AnalysisCancelled, runAnalysis } from '../../analysis/client';
import { useData } from '../../stores/data';

type Kind = GoalSeekVariable['kind'];

const VOLUME_FIELDS: { value: AssumptionField; label: string }[] = [
  { value: 'inflowChangePct', label: 'instroom (% verandering)' },
  { value: 'durationChangePct', label: 'trajectduur (% verandering)' },
  { value: 'intensityChangePct', label: 'intensiteit (% verandering)' },
  { value: 'priceIndexPct', label: 'tarief (% index)' },
];

interface Form {
  kind: Kind;
  segment: string;
  field: AssumptionField;
  from: string;
  to: string;
  mode: 'step' | 'yearly';
  fromYear: number;
  targetYear: number;
  target: number;
}

type Outcome =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'error'; message: string }
  | { state: 'done'; result: GoalSeekResult; scenario: Scenario; model: Model }
  | { state: 'applied'; result: GoalSeekResult };

export function buildSpec(f: Form): GoalSeekSpec {
  const variable: GoalSeekVariable =
    f.kind === 'assumption'
      ? { kind: 'assumption', segment: f.segment, field: f.field, fromYear: f.fromYear, mode: f.mode }
      : f.kind === 'fundingIndex'
        ? { kind: 'fundingIndex', fromYear: f.fromYear, mode: f.mode }
        : { kind: 'substitution', from: f.from, to: f.to, fromYear: f.fromYear };
  return { variable, targetYear: f.targetYear, target: f.target };
}

export function Doelzoeken({ model, scenario }: { model: Model; scenario: Scenario }) {
  const volume = model.segments.filter((s) => s.kind === 'volume');
  const years = modelYears(model).slice(1);
  const [form, setForm] = useState<Form>(() => ({
    kind: 'assumption',
    segment: volume[0]?.id ?? model.segments[0]!.id,
    field: 'inflowChangePct',
    from: volume[0]?.id ?? '',
    to: volume[1]?.id ?? '',
    mode: 'step',
    fromYear: Math.min(model.baseYear + 3, model.endYear),
    targetYear: model.endYear,
    target: 0,
  }));
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const update = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setOutcome((o) => (o.state === 'running' ? o : { state: 'idle' }));
  };
  const seg = model.segments.find((s) => s.id === form.segment);
  const fieldOptions =
    seg?.kind === 'budget'
      ? [{ value: 'amountChangePct' as AssumptionField, label: 'budget (% verandering)' }]
      : VOLUME_FIELDS;
  const field = fieldOptions.some((o) => o.value === form.field) ? form.field : fieldOptions[0]!.value;
  const spec = buildSpec({ ...form, field });
  const problems = checkGoalSeekSpec(model, spec);

  async function run() {
    setOutcome({ state: 'running' });
    try {
      const result = await runAnalysis({ kind: 'goalseek', model, scenario, spec }).promise;
      setOutcome({ state: 'done', result, scenario, model });
    } catch (e) {
      if (e instanceof AnalysisCancelled) setOutcome({ state: 'idle' });
      else setOutcome({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }

  // an answer belongs to the scenario it was computed on: after any other change it must be sought again
  const stale = outcome.state === 'done' && (outcome.scenario !== scenario || outcome.model !== model);

  function apply() {
    if (outcome.state !== 'done' || stale) return;
    const issues = useData.getState().editScenario((s) => applyGoalSeekResult(s, outcome.result));
    if (issues.length > 0) setOutcome({ state: 'error', message: issues.map((i) => i.message).join('; ') });
    else setOutcome({ state: 'applied', result: outcome.result });
  }

  const yearOptions = years.map((y) => ({ value: String(y), label: String(y) }));
  const segName = (id: string) => model.segments.find((s) => s.id === id)?.name ?? id;
  return (
    <section className="card" aria-labelledby="gs-h" data-testid="goalseek">
      <h2 id="gs-h">Doelzoeken: wat is er nodig voor een sluitend saldo?</h2>
      <p className="hint">
        Kies één aanname; het programma zoekt de waarde die in het doeljaar het doelsaldo geeft (binnen € 1.000), binnen
        wat het scenarioformaat toestaat (bijv. een trajectduur van minstens 1 maand, aandelen samen hoogstens 100%).
      </p>
      <div className="controls-row wrap">
        <SelectField<Kind>
          label="Aanname"
          value={form.kind}
          options={[
            { value: 'assumption', label: 'Aanname van een segment of budgetregel' },
            { value: 'substitution', label: 'Substitutie (aandeel van → naar)' },
            { value: 'fundingIndex', label: 'Rijksmiddelen: index' },
          ]}
          onChange={(kind) => update({ kind })}
          testId="gs-kind"
        />
        {form.kind === 'assumption' ? (
          <>
            <SelectField
              label="Segment"
              value={form.segment}
              options={model.segments.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(segment) => update({ segment })}
              testId="gs-segment"
            />
            <SelectField<AssumptionField>
              label="Veld"
              value={field}
              options={fieldOptions}
              onChange={(f) => update({ field: f })}
              testId="gs-field"
            />
          </>
        ) : null}
        {form.kind === 'substitution' ? (
          <>
            <SelectField
              label="Van"
              value={form.from}
              options={volume.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(from) => update({ from })}
              testId="gs-from"
            />
            <SelectField
              label="Naar"
              value={form.to}
              options={volume.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(to) => update({ to })}
              testId="gs-to"
            />
          </>
        ) : null}
        {form.kind !== 'substitution' ? (
          <SelectField<'step' | 'yearly'>
            label="Hoe"
            value={form.mode}
            options={[
              { value: 'step', label: 'eenmalige stap in het vanaf-jaar (werkt door)' },
              { value: 'yearly', label: 'elk jaar vanaf het vanaf-jaar (trend)' },
            ]}
            onChange={(mode) => update({ mode })}
            testId="gs-mode"
          />
        ) : null}
        <SelectField
          label="Vanaf jaar"
          value={String(form.fromYear)}
          options={yearOptions}
          onChange={(v) => update({ fromYear: Number(v) })}
          testId="gs-from-year"
        />
        <SelectField
          label="Doeljaar"
          value={String(form.targetYear)}
          options={yearOptions}
          onChange={(v) => update({ targetYear: Number(v) })}
          testId="gs-target-year"
        />
        <NumberField
          label="Doelsaldo"
          value={form.target}
          onCommit={(v) => {
            if (v === undefined) return [makeIssue('doelsaldo', 'mag niet leeg zijn (standaard € 0)')];
            update({ target: v });
            return [];
          }}
          allowEmpty={false}
          suffix="€"
          decimals={0}
          testId="gs-target"
          className="wide-number"
        />
        <button
          type="button"
          onClick={() => void run()}
          disabled={problems.length > 0 || outcome.state === 'running'}
          data-testid="gs-run"
        >
          {outcome.state === 'running' ? 'Zoeken…' : 'Zoek de waarde'}
        </button>
      </div>
      {problems.length > 0 ? (
        <ul className="field-error" data-testid="gs-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div
        aria-live="polite"
        data-testid="gs-outcome"
        data-state={outcome.state === 'done' ? outcome.result.status : outcome.state}
      >
        {outcome.state === 'error' ? <p className="field-error">Doelzoeken mislukt: {outcome.message}</p> : null}
        {outcome.state === 'done' && outcome.result.status === 'gevonden' ? (
          <div className="gs-found">
            <p className="gs-value">
              Gevonden: <strong data-testid="gs-value">{formatNumber(outcome.result.value, 4)}%</strong>{' '}
              <span className="sub">(nu {formatNumber(outcome.result.current.value, 4)}%)</span>
            </p>
            <p>
              {outcome.result.label}. Saldo {outcome.result.spec.targetYear} daarmee:{' '}
              <Saldo value={outcome.result.balance} label /> (doel {formatEuro(outcome.result.spec.target)}, nu{' '}
              <Saldo value={outcome.result.current.balance} />
              ).
            </p>
            {stale ? (
              <p className="field-error">Het scenario is intussen gewijzigd: zoek opnieuw voordat u toepast.</p>
            ) : (
              <button type="button" onClick={apply} data-testid="gs-apply">
                Toepassen op scenario
              </button>
            )}
          </div>
        ) : null}
        {outcome.state === 'done' && outcome.result.status === 'niet-haalbaar' ? (
          <div className="gs-infeasible notice error" role="alert">
            <p>
              <strong>Niet haalbaar.</strong> {outcome.result.message.replace(/^Niet haalbaar: /, '')}
            </p>
            <p className="source">
              Bereikbaar saldo {outcome.result.spec.targetYear}: van{' '}
              <Saldo value={outcome.result.reachable.lowest.balance} /> (bij{' '}
              {formatNumber(outcome.result.reachable.lowest.value, 2)}%) tot{' '}
              <Saldo value={outcome.result.reachable.highest.balance} /> (bij{' '}
              {formatNumber(outcome.result.reachable.highest.value, 2)}%).
            </p>
          </div>
        ) : null}
        {outcome.state === 'applied' ? (
          <p className="notice" data-testid="gs-applied">
            Toegepast op het scenario: {outcome.result.label} ={' '}
            {outcome.result.status === 'gevonden' ? `${formatNumber(outcome.result.value, 4)}%` : ''}. Ongedaan maken
            met Ctrl+Z.
          </p>
        ) : null}
      </div>
      {form.kind === 'substitution' && form.from && form.to ? (
        <p className="source">
          Substitutie {segName(form.from)} → {segName(form.to)}: het aandeel geldt voor elk jaar vanaf {form.fromYear};
          bestaat de regel nog niet, dan komt hij erbij.
        </p>
      ) : null}
    </section>
  );
}
