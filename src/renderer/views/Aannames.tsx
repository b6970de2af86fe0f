/**
 * Aannames: per segment and year the percentage changes, with the resulting
 * absolute value from the simulation beside each one; substitution rules; the
 * Rijksmiddelen index and one-off adjustments. Every input is validated with
 * parseScenario before it is applied (see stores/data.editScenario).
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { AssumptionField, Scenario } from '../../shared/formats/scenario';
import type { Model, Segment } from '../../shared/formats/model';
import type { LineResult, VolumeYear } from '../../shared/engine/result';
import { formatEuro, formatEuroCents, formatNumber } from '../../shared/locale/numbers';
import { TAAKVELDEN, isTaakveldCode } from '../../shared/domain/taakvelden';
import { SaldoChart } from '../charts/TrendChart';
import { ChartFrame } from '../components/ChartFrame';
import { NumberField, SelectField, TextField, pickIssue } from '../components/fields';
import { TotalsTable, YearHeadRow } from '../components/tables';
import { Euro, SourceNote } from '../components/money';
import { citeSource } from '../../shared/domain/sources';
import { PlausibilityList } from '../components/Plausibility';
import { useCurrentResult, usePlausibility } from '../hooks';
import { useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { AutonomousAssumptions } from './aannames/Autonomous';
import { PolicyAssumptions } from './aannames/Policies';
import {
  addSubstitution,
  removeSubstitution,
  setAssumption,
  setAssumptionSource,
  setFundingAdjustment,
  setFundingIndex,
  setSubstitutionShare,
  updateSubstitution,
} from '../lib/edits/scenario';

const NO_RULES: Scenario['substitutions'] = [];

interface FieldDef {
  field: AssumptionField;
  label: string;
  /** the unit of the absolute values, said once in the row header so the year columns stay narrow */
  unit: (seg: Segment) => string;
  /** the absolute value in effect that year, as text */
  absolute: (y: VolumeYear) => string;
}

const VOLUME_FIELDS: FieldDef[] = [
  {
    field: 'inflowChangePct',
    label: 'Instroom',
    unit: () => 'jeugdigen per jaar',
    absolute: (y) => formatNumber(y.inflowBeforeSubstitution, 1),
  },
  {
    field: 'durationChangePct',
    label: 'Trajectduur',
    unit: () => 'maanden',
    absolute: (y) => formatNumber(y.durationMonths, 1),
  },
  {
    field: 'intensityChangePct',
    label: 'Intensiteit',
    unit: (seg) => `${seg.kind === 'volume' ? seg.unit : 'eenheden'} per cliëntmaand`,
    absolute: (y) => formatNumber(y.unitsPerClientMonth, 2),
  },
  {
    field: 'priceIndexPct',
    label: 'Tarief',
    unit: (seg) => `€ per ${seg.kind === 'volume' ? seg.unit : 'eenheid'}`,
    absolute: (y) => formatEuroCents(y.pricePerUnit),
  },
];

/**
 * The years shown, from the model (stable between keystrokes, unlike result.years,
 * which is a new array on every engine run).
 */
function useYears(model: Model): { years: number[]; later: number[] } {
  return useMemo(() => {
    const years: number[] = [];
    for (let y = model.baseYear; y <= model.endYear; y++) years.push(y);
    return { years, later: years.slice(1) };
  }, [model.baseYear, model.endYear]);
}

/** A part of the current scenario; the component re-renders only when that part's identity changes. */
function useScenarioPart<T>(pick: (s: Scenario) => T): T | undefined {
  return useData((s) => {
    const sc = s.currentId !== undefined ? s.working[s.currentId] : undefined;
    return sc ? pick(sc) : undefined;
  });
}

/*
 * Why the view is split in parts that each subscribe to their own slice: a
 * keystroke in one percentage changes the scenario, and re-rendering the whole
 * view (every table, the substitution rules, the funding table) cost more than
 * a frame. Now a keystroke re-renders the saldo chart, the edited segment's
 * table (and there only rows whose values changed) and the funding totals.
 */
export function Aannames() {
  const model = useData((s) => s.modelRecord?.model);
  const ready = useData((s) => s.currentId !== undefined && s.working[s.currentId] !== undefined);
  if (!model || !ready) return null;
  return (
    <div className="view aannames">
      <header className="view-head">
        <h1>Aannames</h1>
        <p className="lead">
          Wijzigingen per jaar in procenten; een percentage geldt vanaf 1 januari van dat jaar en blijft doorwerken.
          Leeg = 0%. Naast elk percentage staat de waarde die daaruit volgt.
        </p>
      </header>
      <PlausibilityList />
      <AannamesSaldo />
      <div className="split-pane">
        <SegmentList model={model} />
        <div className="segment-detail">
          <SelectedSegment model={model} />
        </div>
      </div>
      <PolicyAssumptions model={model} />
      <Substitutions model={model} />
      <FundingAssumptions model={model} />
      {/* after the segments, so the keyboard reaches a segment's fields first */}
      <AutonomousAssumptions model={model} />
    </div>
  );
}

const SALDO_LEGEND = [{ label: 'Saldo (rood = tekort)', color: '#B00020' }];

function AannamesSaldo() {
  const result = useCurrentResult();
  if (!result) return null;
  return (
    <ChartFrame
      title="Effect op het saldo per jaar (baten − lasten)"
      legend={SALDO_LEGEND}
      chart={<SaldoChart result={result} height={150} />}
      table={<TotalsTable result={result} />}
      testId="aannames-saldo"
    />
  );
}

/** The segments, with a "gewijzigd" marker; re-renders only when the set of changed segments changes. */
const SegmentList = memo(function SegmentList({ model }: { model: Model }) {
  const selected = useUi((s) => s.selectedSegmentId);
  const changedKey = useScenarioPart((sc) => Object.keys(sc.assumptions).sort().join('\n')) ?? '';
  const changed = useMemo(() => new Set(changedKey.split('\n')), [changedKey]);
  const current = model.segments.find((s) => s.id === selected) ?? model.segments[0]!;
  return (
    <nav aria-label="Segmenten" className="segment-list">
      <h2 className="sr-only">Segmenten</h2>
      <ul>
        {model.segments.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              aria-current={s.id === current.id ? 'true' : undefined}
              onClick={() => useUi.getState().selectSegment(s.id)}
              data-testid={`seg-btn-${s.id}`}
            >
              <span className="segment-name">{s.name}</span>
              {changed.has(s.id) ? (
                <span className="badge changed" title="Dit scenario wijzigt dit segment">
                  gewijzigd
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});

function SelectedSegment({ model }: { model: Model }) {
  const selected = useUi((s) => s.selectedSegmentId);
  const result = useCurrentResult();
  const segment = model.segments.find((s) => s.id === selected) ?? model.segments[0]!;
  const assumption = useScenarioPart((sc) => sc.assumptions[segment.id]);
  const line = result?.lines.find((l) => l.id === segment.id);
  if (!line) return null;
  return <SegmentAssumptions model={model} segment={segment} assumption={assumption} line={line} />;
}

type SegmentAssumption = Scenario['assumptions'][string];

function SegmentAssumptions({
  model,
  segment,
  assumption: a,
  line,
}: {
  model: Model;
  segment: Segment;
  assumption: SegmentAssumption | undefined;
  line: LineResult;
}) {
  const { years, later } = useYears(model);
  const { warnings, accept } = usePlausibility();
  const warned = useMemo(() => {
    const byField: Record<string, Record<string, { message: string; key: string }>> = {};
    const prefix = `assumptions.${segment.id}.`;
    for (const w of warnings) {
      if (!w.path.startsWith(prefix)) continue;
      const [field, year] = w.path.slice(prefix.length).split('.');
      if (field && year) (byField[field] ??= {})[year] = { message: w.message, key: w.key };
    }
    return byField;
  }, [warnings, segment.id]);
  const taakveld =
    segment.taakveld && isTaakveldCode(segment.taakveld)
      ? `${segment.taakveld} ${TAAKVELDEN[segment.taakveld]}`
      : segment.taakveld;

  return (
    <section aria-labelledby="seg-h" className="card" data-testid="segment-assumptions">
      <h2 id="seg-h">{segment.name}</h2>
      <SegmentMeta model={model} segment={segment} taakveld={taakveld} />
      <div className="table-scroll">
        <table className="data assumptions-table">
          <thead>
            <tr>
              <th scope="col">Aanname</th>
              <th scope="col" className="num">
                {years[0]} (basis)
              </th>
              {later.map((y) => (
                <th scope="col" key={y} className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {segment.kind === 'volume' && line.kind === 'volume'
              ? VOLUME_FIELDS.map((f) => {
                  const abs = line.years.map((y) => f.absolute(y));
                  return (
                    <AssumptionRow
                      key={f.field}
                      segment={segment}
                      field={f.field}
                      label={f.label}
                      unit={f.unit(segment)}
                      later={later}
                      values={a?.[f.field]}
                      absolute={abs}
                      absKey={abs.join('\n')}
                      warnings={warned[f.field]}
                      onAccept={accept}
                    />
                  );
                })
              : (() => {
                  const abs = line.years.map((y) => formatEuro(y.cost));
                  return (
                    <AssumptionRow
                      segment={segment}
                      field="amountChangePct"
                      label="Budget"
                      unit="lasten in €"
                      later={later}
                      values={a?.amountChangePct}
                      absolute={abs}
                      absKey={abs.join('\n')}
                      warnings={warned.amountChangePct}
                      onAccept={accept}
                    />
                  );
                })()}
            {line.kind === 'volume' ? (
              <tr className="derived">
                <th scope="row">Instroom na substitutie</th>
                {line.years.map((y) => (
                  <td key={y.year} className="num">
                    {formatNumber(y.inflow, 1)}
                  </td>
                ))}
              </tr>
            ) : null}
            <tr className="total">
              <th scope="row">Lasten</th>
              {line.years.map((y) => (
                <td key={y.year} className="num" data-testid={`seg-cost-${segment.id}-${y.year}`}>
                  <Euro value={y.cost} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <SourceField segmentId={segment.id} source={a?.source ?? ''} />
    </section>
  );
}

const SegmentMeta = memo(function SegmentMeta({
  model,
  segment,
  taakveld,
}: {
  model: Model;
  segment: Segment;
  taakveld: string | undefined;
}) {
  return (
    <>
      <p className="meta">
        {segment.group ? <>Groep: {segment.group} · </> : null}
        {taakveld ? <>Taakveld {taakveld} · </> : null}
        {segment.kind === 'volume' ? (
          <>
            Basis {model.baseYear}: instroom {formatNumber(segment.inflowPerYear, 1)} per jaar, duur{' '}
            {formatNumber(segment.avgDurationMonths, 1)} mnd, {formatNumber(segment.unitsPerClientMonth ?? 1, 2)}{' '}
            {segment.unit} per cliëntmaand à {formatEuroCents(segment.pricePerUnit)}
          </>
        ) : (
          <>
            Budgetregel: {formatEuro(segment.amount)} in {model.baseYear}
          </>
        )}
      </p>
      <p className="meta">
        <SourceNote source={segment.source} estimate={segment.estimate} />
        {segment.kind === 'volume' && segment.calibration ? (
          <span className="source">
            {' '}
            · berekend uit realisatie {segment.calibration.year}: {formatNumber(segment.calibration.clients, 0)}{' '}
            jeugdigen, omzet {formatEuro(segment.calibration.turnover)}
            {segment.calibration.source ? ` (${citeSource(segment.calibration.source)})` : ''}
          </span>
        ) : null}
      </p>
    </>
  );
});

interface AssumptionRowProps {
  segment: Segment;
  field: AssumptionField;
  label: string;
  /** what the absolute values beside the percentages are in */
  unit: string;
  later: readonly number[];
  /** the percentages per year of this field (same object while the field is not edited) */
  values: Record<string, number> | undefined;
  /** the absolute value per year (base year first), as shown */
  absolute: readonly string[];
  /** absolute joined: rows whose shown values did not change are not rendered again */
  absKey: string;
  /** plausibility warnings of this row by year (not yet accepted) */
  warnings: Record<string, { message: string; key: string }> | undefined;
  onAccept: (key: string) => void;
}

/** One assumption (e.g. Instroom) over the years: the percentages and the values that follow from them. */
const AssumptionRow = memo(
  function AssumptionRow({
    segment,
    field,
    label,
    unit,
    later,
    values,
    absolute,
    warnings,
    onAccept,
  }: AssumptionRowProps) {
    const edit = useData((s) => s.editScenario);
    const scenarioId = useData((s) => s.currentId);
    return (
      <tr>
        <th scope="row">
          {label} (%)<span className="row-unit">→ {unit}</span>
        </th>
        <td className="num base-cell">{absolute[0]}</td>
        {later.map((y, k) => (
          <td key={y}>
            <NumberField
              label={`${label} ${segment.name} ${y} (%)`}
              hideLabel
              suffix="%"
              value={values?.[String(y)]}
              path={`assumptions.${segment.id}.${field}.${y}`}
              draftKey={`${scenarioId}:assumptions.${segment.id}.${field}.${y}`}
              testId={`a-${segment.id}-${field}-${y}`}
              warning={warnings?.[String(y)]?.message}
              onAcceptWarning={() => {
                const w = warnings?.[String(y)];
                if (w) onAccept(w.key);
              }}
              onCommit={(v) => edit((s) => setAssumption(s, segment.id, field, y, v), `${segment.id}.${field}.${y}`)}
            />
            <span className="abs" data-testid={`abs-${segment.id}-${field}-${y}`}>
              → {absolute[k + 1]}
            </span>
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.segment === b.segment &&
    a.field === b.field &&
    a.label === b.label &&
    a.unit === b.unit &&
    a.later === b.later &&
    a.values === b.values &&
    a.absKey === b.absKey &&
    warnKey(a.warnings) === warnKey(b.warnings),
);

function warnKey(w: AssumptionRowProps['warnings']): string {
  return w
    ? Object.values(w)
        .map((x) => x.key)
        .join('|')
    : '';
}

const SourceField = memo(function SourceField({ segmentId, source }: { segmentId: string; source: string }) {
  const edit = useData((s) => s.editScenario);
  return (
    <TextField
      label="Onderbouwing van deze aannames (bron, KPI of afspraak)"
      value={citeSource(source)}
      path={`assumptions.${segmentId}.source`}
      onCommit={(v) => edit((s) => setAssumptionSource(s, segmentId, v), `${segmentId}.source`)}
      testId={`a-${segmentId}-source`}
    />
  );
});

/** Re-renders only when the substitution rules (or the model) change, not on every assumption keystroke. */
function Substitutions({ model }: { model: Model }) {
  const edit = useData((s) => s.editScenario);
  const scenarioId = useData((s) => s.currentId);
  const substitutions = useScenarioPart((sc) => sc.substitutions) ?? NO_RULES;
  const { later } = useYears(model);
  const volume = useMemo(() => model.segments.filter((s) => s.kind === 'volume'), [model]);
  const options = useMemo(() => volume.map((s) => ({ value: s.id, label: s.name })), [volume]);
  const canAdd = volume.length >= 2;
  // a new rule is chosen here first; it enters the scenario only when both sides are chosen and valid
  const [pending, setPending] = useState<{ from: string; to: string; scenarioId: number | undefined } | undefined>();
  const [pendingError, setPendingError] = useState<string | undefined>();
  const draft = pending && pending.scenarioId === scenarioId ? pending : undefined;

  function choose(side: 'from' | 'to', id: string) {
    if (!draft) return;
    const next = { ...draft, [side]: id };
    setPending(next);
    if (next.from === '' || next.to === '') {
      setPendingError(undefined);
      return;
    }
    const issues = edit((s) => addSubstitution(s, { from: next.from, to: next.to, sharePct: {} }), undefined);
    if (issues.length > 0)
      setPendingError(
        `${pickIssue(issues, `substitutions[${substitutions.length}]`) ?? 'niet toegestaan'} (nog niet toegevoegd)`,
      );
    else {
      setPending(undefined);
      setPendingError(undefined);
    }
  }

  return (
    <section aria-labelledby="subst-h" className="card">
      <h2 id="subst-h">Substitutie (verschuiving van instroom tussen segmenten)</h2>
      <p className="meta">
        Het aandeel van de instroom van het ene segment dat in dat jaar naar het andere gaat, bijvoorbeeld van verblijf
        naar ambulant.
      </p>
      {substitutions.length === 0 && !draft ? <p>Geen substitutieregels in dit scenario.</p> : null}
      {substitutions.map((rule, i) => (
        <fieldset key={i} className="subst-rule" data-testid={`subst-${i}`}>
          <legend>Regel {i + 1}</legend>
          <div className="row">
            <SelectField
              label="Van"
              value={rule.from}
              options={options}
              path={`substitutions[${i}].from`}
              testId={`subst-${i}-from`}
              onChange={(v) => edit((s) => updateSubstitution(s, i, { from: v }))}
            />
            <SelectField
              label="Naar"
              value={rule.to}
              options={options}
              path={`substitutions[${i}].to`}
              testId={`subst-${i}-to`}
              onChange={(v) => edit((s) => updateSubstitution(s, i, { to: v }))}
            />
            <button type="button" className="danger small" onClick={() => void edit((s) => removeSubstitution(s, i))}>
              Regel {i + 1} verwijderen
            </button>
          </div>
          <div className="row years-row">
            {later.map((y) => (
              <NumberField
                key={y}
                label={`${y}`}
                suffix="%"
                value={rule.sharePct[String(y)]}
                path={`substitutions[${i}].sharePct.${y}`}
                draftKey={`${scenarioId}:substitutions[${i}].sharePct.${y}`}
                testId={`subst-${i}-${y}`}
                onCommit={(v) => edit((s) => setSubstitutionShare(s, i, y, v), `subst.${i}.${y}`)}
              />
            ))}
          </div>
          <TextField
            label="Bron of afspraak"
            value={citeSource(rule.source ?? '')}
            onCommit={(v) =>
              edit(
                (s) => updateSubstitution(s, i, v === '' ? { source: undefined } : { source: v }),
                `subst.${i}.source`,
              )
            }
          />
        </fieldset>
      ))}
      {draft ? (
        <fieldset className="subst-rule new-rule" data-testid="subst-new">
          <legend>Nieuwe regel (wordt toegevoegd zodra van en naar gekozen zijn)</legend>
          <div className="row">
            <SelectField
              label="Van"
              value={draft.from}
              options={options}
              placeholder="kies…"
              testId="subst-new-from"
              onChange={(v) => choose('from', v)}
            />
            <SelectField
              label="Naar"
              value={draft.to}
              options={options}
              placeholder="kies…"
              testId="subst-new-to"
              onChange={(v) => choose('to', v)}
            />
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                setPending(undefined);
                setPendingError(undefined);
              }}
            >
              Annuleren
            </button>
          </div>
          <p className="field-error" aria-live="polite" data-testid="subst-new-error">
            {pendingError ?? ''}
          </p>
        </fieldset>
      ) : null}
      <button
        type="button"
        disabled={!canAdd || draft !== undefined}
        onClick={() => {
          setPending({ from: '', to: '', scenarioId });
          setPendingError(undefined);
        }}
      >
        Substitutieregel toevoegen
      </button>
      {!canAdd ? <p className="meta">Substitutie vraagt minstens twee volumesegmenten.</p> : null}
    </section>
  );
}

/**
 * The Rijksmiddelen inputs. The engine's funding figures are passed on as text,
 * so the table is rendered again only when a shown amount changed (an
 * assumption keystroke changes the lasten, not the baten).
 */
function FundingAssumptions({ model }: { model: Model }) {
  const funding = useScenarioPart((sc) => sc.funding);
  const result = useCurrentResult();
  if (!funding || !result) return null;
  const baseline = result.totals.slice(1).map((t) => formatEuro(t.fundingBaseline));
  const total = result.totals.slice(1).map((t) => t.funding);
  return (
    <FundingTable
      model={model}
      funding={funding}
      baseline={baseline}
      total={total}
      amountsKey={`${baseline.join('|')}#${total.join('|')}`}
    />
  );
}

interface FundingTableProps {
  model: Model;
  funding: Scenario['funding'];
  /** per later year: the Rijksmiddelen from the index path, formatted */
  baseline: readonly string[];
  /** per later year: the Rijksmiddelen in total */
  total: readonly number[];
  amountsKey: string;
}

const FundingTable = memo(
  function FundingTable({ model, funding, baseline, total }: FundingTableProps) {
    const edit = useData((s) => s.editScenario);
    const scenarioId = useData((s) => s.currentId);
    const { later } = useYears(model);
    const section = useRef<HTMLElement>(null);
    const pending = useUi((s) => s.pendingSection);
    // opened from Rijksmiddelen ("naar de aannames"): this section comes into view with its first field focused
    useEffect(() => {
      if (pending !== 'funding' || !section.current) return;
      section.current.scrollIntoView({ block: 'start' });
      section.current.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
      useUi.getState().sectionShown();
    }, [pending]);
    return (
      <section aria-labelledby="funding-h" className="card" ref={section}>
        <h2 id="funding-h">Rijksmiddelen</h2>
        <p className="meta">
          Basis {model.baseYear}: {formatEuro(model.funding.baseAmount)} ·{' '}
          <SourceNote source={model.funding.source} estimate={model.funding.estimate} />
        </p>
        <div className="table-scroll">
          <table className="data assumptions-table">
            <thead>
              <YearHeadRow label="Aanname" years={later} />
            </thead>
            <tbody>
              <tr>
                <th scope="row">Index (%)</th>
                {later.map((y, k) => {
                  const modelPct = model.funding.indexPct?.[String(y)];
                  return (
                    <td key={y}>
                      <NumberField
                        label={`Index Rijksmiddelen ${y} (%)`}
                        hideLabel
                        suffix="%"
                        value={funding.indexPct?.[String(y)]}
                        placeholder={modelPct !== undefined ? formatNumber(modelPct, 2) : '0'}
                        path={`funding.indexPct.${y}`}
                        draftKey={`${scenarioId}:funding.indexPct.${y}`}
                        testId={`f-index-${y}`}
                        onCommit={(v) => edit((s) => setFundingIndex(s, y, v), `funding.index.${y}`)}
                      />
                      <span className="abs">→ {baseline[k]}</span>
                    </td>
                  );
                })}
              </tr>
              <tr>
                <th scope="row">Incidenteel (€)</th>
                {later.map((y) => (
                  <td key={y}>
                    <NumberField
                      label={`Incidentele aanpassing Rijksmiddelen ${y} (€)`}
                      hideLabel
                      decimals={0}
                      value={funding.adjustments?.[String(y)]}
                      placeholder="0"
                      path={`funding.adjustments.${y}`}
                      draftKey={`${scenarioId}:funding.adjustments.${y}`}
                      testId={`f-adj-${y}`}
                      onCommit={(v) => edit((s) => setFundingAdjustment(s, y, v), `funding.adj.${y}`)}
                    />
                  </td>
                ))}
              </tr>
              <tr className="total">
                <th scope="row">Rijksmiddelen</th>
                {later.map((y, k) => (
                  <td key={y} className="num" data-testid={`funding-${y}`}>
                    <Euro value={total[k]!} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <p className="meta">
          Een leeg indexveld volgt het model{model.funding.indexPct ? ` (grijs weergegeven)` : ' (0%)'}. Incidentele
          bedragen tellen alleen in dat jaar en werken niet door.
        </p>
        <TextField
          label="Bron van de aannames over Rijksmiddelen"
          value={citeSource(funding.source ?? '')}
          onCommit={(v) =>
            edit((s) => {
              const funding = { ...s.funding };
              if (v === '') delete funding.source;
              else funding.source = v;
              return { ...s, funding };
            }, 'funding.source')
          }
        />
      </section>
    );
  },
  (a, b) => a.model === b.model && a.funding === b.funding && a.amountsKey === b.amountsKey,
);
