/**
 * Aannames: per segment and year the percentage changes, with the resulting
 * absolute value from the simulation beside each one; substitution rules; the
 * Rijksmiddelen index and one-off adjustments. Every input is validated with
 * parseScenario before it is applied (see stores/data.editScenario).
 */
import { useMemo } from 'react';
import type { AssumptionField, Scenario } from '../../shared/formats/scenario';
import type { Model, Segment } from '../../shared/formats/model';
import type { LineResult, SimulationResult, VolumeYear } from '../../shared/engine/result';
import { formatEuro, formatEuroCents, formatNumber } from '../../shared/format/numbers';
import { TAAKVELDEN, isTaakveldCode } from '../../shared/domain/taakvelden';
import { SaldoChart } from '../charts/TrendChart';
import { ChartFrame } from '../components/ChartFrame';
import { NumberField, SelectField, TextField } from '../components/fields';
import { TotalsTable } from '../components/tables';
import { Euro, SourceNote } from '../components/money';
import { useCurrentResult } from '../hooks';
import { useCurrent, useData } from '../stores/data';
import { useUi } from '../stores/ui';
import {
  addSubstitution, removeSubstitution, setAssumption, setAssumptionSource, setFundingAdjustment, setFundingIndex,
  setSubstitutionShare, updateSubstitution,
} from '../lib/scenarioEdit';

interface FieldDef {
  field: AssumptionField;
  label: string;
  /** the absolute value in effect that year, as text */
  absolute: (y: VolumeYear, seg: Segment) => string;
}

const VOLUME_FIELDS: FieldDef[] = [
  { field: 'inflowChangePct', label: 'Instroom', absolute: (y) => `${formatNumber(y.inflowBeforeSubstitution, 1)} per jaar` },
  { field: 'durationChangePct', label: 'Trajectduur', absolute: (y) => `${formatNumber(y.durationMonths, 1)} mnd` },
  {
    field: 'intensityChangePct',
    label: 'Intensiteit',
    absolute: (y, seg) => `${formatNumber(y.unitsPerClientMonth, 2)} ${seg.kind === 'volume' ? seg.unit : ''}/cliëntmnd`,
  },
  { field: 'priceIndexPct', label: 'Tarief', absolute: (y) => formatEuroCents(y.pricePerUnit) },
];

export function Aannames() {
  const current = useCurrent();
  const result = useCurrentResult();
  const selected = useUi((s) => s.selectedSegmentId);
  if (!current || !result) return null;
  const { model, scenario } = current;
  const segment = model.segments.find((s) => s.id === selected) ?? model.segments[0]!;
  const line = result.lines.find((l) => l.id === segment.id)!;
  return (
    <div className="view aannames">
      <header className="view-head">
        <h1>Aannames</h1>
        <p className="lead">
          Wijzigingen per jaar in procenten; een percentage geldt vanaf 1 januari van dat jaar en blijft doorwerken. Leeg = 0%.
          Naast elk percentage staat de waarde die daaruit volgt.
        </p>
      </header>
      <ChartFrame
        title="Effect op het saldo per jaar (baten − lasten)"
        legend={[{ label: 'Saldo (rood = tekort)', color: '#B00020' }]}
        chart={<SaldoChart result={result} height={150} />}
        table={<TotalsTable result={result} />}
        testId="aannames-saldo"
      />
      <div className="split-pane">
        <nav aria-label="Segmenten" className="segment-list">
          <h2 className="sr-only">Segmenten</h2>
          <ul>
            {model.segments.map((s) => {
              const changed = scenario.assumptions[s.id] !== undefined;
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    aria-current={s.id === segment.id ? 'true' : undefined}
                    onClick={() => useUi.getState().selectSegment(s.id)}
                    data-testid={`seg-btn-${s.id}`}
                  >
                    <span>{s.name}</span>
                    {changed ? <span className="badge changed" title="Dit scenario wijzigt dit segment">gewijzigd</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="segment-detail">
          <SegmentAssumptions model={model} scenario={scenario} segment={segment} line={line} result={result} />
        </div>
      </div>
      <Substitutions model={model} scenario={scenario} result={result} />
      <FundingAssumptions model={model} scenario={scenario} result={result} />
    </div>
  );
}

function SegmentAssumptions({ model, scenario, segment, line, result }: { model: Model; scenario: Scenario; segment: Segment; line: LineResult; result: SimulationResult }) {
  const edit = useData((s) => s.editScenario);
  const years = result.years;
  const later = years.slice(1);
  const a = scenario.assumptions[segment.id];
  const taakveld = segment.taakveld && isTaakveldCode(segment.taakveld) ? `${segment.taakveld} ${TAAKVELDEN[segment.taakveld]}` : segment.taakveld;

  return (
    <section aria-labelledby="seg-h" className="card" data-testid="segment-assumptions">
      <h2 id="seg-h">{segment.name}</h2>
      <p className="meta">
        {segment.group ? <>Groep: {segment.group} · </> : null}
        {taakveld ? <>Taakveld {taakveld} · </> : null}
        {segment.kind === 'volume' ? (
          <>
            Basis {model.baseYear}: instroom {formatNumber(segment.inflowPerYear, 1)} per jaar, duur {formatNumber(segment.avgDurationMonths, 1)} mnd,{' '}
            {formatNumber(segment.unitsPerClientMonth ?? 1, 2)} {segment.unit} per cliëntmaand à {formatEuroCents(segment.pricePerUnit)}
          </>
        ) : (
          <>Budgetregel: {formatEuro(segment.amount)} in {model.baseYear}</>
        )}
      </p>
      <p className="meta">
        <SourceNote source={segment.source} estimate={segment.estimate} />
        {segment.kind === 'volume' && segment.calibration ? (
          <span className="source">
            {' '}
            · berekend uit realisatie {segment.calibration.year}: {formatNumber(segment.calibration.clients, 0)} jeugdigen, omzet{' '}
            {formatEuro(segment.calibration.turnover)}
            {segment.calibration.source ? ` (${segment.calibration.source})` : ''}
          </span>
        ) : null}
      </p>
      <div className="table-scroll">
        <table className="data assumptions-table">
          <thead>
            <tr>
              <th scope="col">Aanname</th>
              <th scope="col" className="num">{years[0]} (basis)</th>
              {later.map((y) => (
                <th scope="col" key={y} className="num">
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {segment.kind === 'volume' && line.kind === 'volume'
              ? VOLUME_FIELDS.map((f) => (
                  <tr key={f.field}>
                    <th scope="row">{f.label} (%)</th>
                    <td className="num base-cell">{f.absolute(line.years[0]!, segment)}</td>
                    {later.map((y, k) => (
                      <td key={y}>
                        <NumberField
                          label={`${f.label} ${segment.name} ${y} (%)`}
                          hideLabel
                          suffix="%"
                          value={a?.[f.field]?.[String(y)]}
                          path={`assumptions.${segment.id}.${f.field}.${y}`}
                          testId={`a-${segment.id}-${f.field}-${y}`}
                          onCommit={(v) => edit((s) => setAssumption(s, segment.id, f.field, y, v), `${segment.id}.${f.field}.${y}`)}
                        />
                        <span className="abs" data-testid={`abs-${segment.id}-${f.field}-${y}`}>
                          → {f.absolute(line.years[k + 1]!, segment)}
                        </span>
                      </td>
                    ))}
                  </tr>
                ))
              : (
                <tr>
                  <th scope="row">Budget (%)</th>
                  <td className="num base-cell">{formatEuro(line.years[0]!.cost)}</td>
                  {later.map((y, k) => (
                    <td key={y}>
                      <NumberField
                        label={`Budget ${segment.name} ${y} (%)`}
                        hideLabel
                        suffix="%"
                        value={a?.amountChangePct?.[String(y)]}
                        path={`assumptions.${segment.id}.amountChangePct.${y}`}
                        testId={`a-${segment.id}-amountChangePct-${y}`}
                        onCommit={(v) => edit((s) => setAssumption(s, segment.id, 'amountChangePct', y, v), `${segment.id}.amountChangePct.${y}`)}
                      />
                      <span className="abs" data-testid={`abs-${segment.id}-amountChangePct-${y}`}>→ {formatEuro(line.years[k + 1]!.cost)}</span>
                    </td>
                  ))}
                </tr>
              )}
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
      <TextField
        label="Onderbouwing van deze aannames (bron, KPI of afspraak)"
        value={a?.source ?? ''}
        path={`assumptions.${segment.id}.source`}
        onCommit={(v) => edit((s) => setAssumptionSource(s, segment.id, v), `${segment.id}.source`)}
        testId={`a-${segment.id}-source`}
      />
    </section>
  );
}

function Substitutions({ model, scenario, result }: { model: Model; scenario: Scenario; result: SimulationResult }) {
  const edit = useData((s) => s.editScenario);
  const volume = useMemo(() => model.segments.filter((s) => s.kind === 'volume'), [model]);
  const later = result.years.slice(1);
  const options = volume.map((s) => ({ value: s.id, label: s.name }));
  const canAdd = volume.length >= 2;
  return (
    <section aria-labelledby="subst-h" className="card">
      <h2 id="subst-h">Substitutie (verschuiving van instroom tussen segmenten)</h2>
      <p className="meta">Het aandeel van de instroom van het ene segment dat in dat jaar naar het andere gaat, bijvoorbeeld van verblijf naar ambulant.</p>
      {scenario.substitutions.length === 0 ? <p>Geen substitutieregels in dit scenario.</p> : null}
      {scenario.substitutions.map((rule, i) => (
        <fieldset key={i} className="subst-rule" data-testid={`subst-${i}`}>
          <legend>Regel {i + 1}</legend>
          <div className="row">
            <SelectField
              label="Van"
              value={rule.from}
              options={options}
              onChange={(v) => void edit((s) => updateSubstitution(s, i, { from: v }))}
            />
            <SelectField label="Naar" value={rule.to} options={options} onChange={(v) => void edit((s) => updateSubstitution(s, i, { to: v }))} />
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
                testId={`subst-${i}-${y}`}
                onCommit={(v) => edit((s) => setSubstitutionShare(s, i, y, v), `subst.${i}.${y}`)}
              />
            ))}
          </div>
          <TextField
            label="Bron of afspraak"
            value={rule.source ?? ''}
            onCommit={(v) => edit((s) => updateSubstitution(s, i, v === '' ? { source: undefined } : { source: v }), `subst.${i}.source`)}
          />
        </fieldset>
      ))}
      <button
        type="button"
        disabled={!canAdd}
        onClick={() => {
          const from = volume[volume.length - 1]!.id;
          const to = volume[0]!.id;
          const issues = edit((s) => addSubstitution(s, { from, to, sharePct: {} }));
          if (issues.length > 0) useUi.getState().notify({ kind: 'error', message: 'Regel kon niet worden toegevoegd', issues });
        }}
      >
        Substitutieregel toevoegen
      </button>
      {!canAdd ? <p className="meta">Substitutie vraagt minstens twee volumesegmenten.</p> : null}
    </section>
  );
}

function FundingAssumptions({ model, scenario, result }: { model: Model; scenario: Scenario; result: SimulationResult }) {
  const edit = useData((s) => s.editScenario);
  const later = result.years.slice(1);
  return (
    <section aria-labelledby="funding-h" className="card">
      <h2 id="funding-h">Rijksmiddelen</h2>
      <p className="meta">
        Basis {model.baseYear}: {formatEuro(model.funding.baseAmount)} · <SourceNote source={model.funding.source} estimate={model.funding.estimate} />
      </p>
      <div className="table-scroll">
        <table className="data assumptions-table">
          <thead>
            <tr>
              <th scope="col">Aanname</th>
              {later.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
            </tr>
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
                      value={scenario.funding.indexPct?.[String(y)]}
                      placeholder={modelPct !== undefined ? formatNumber(modelPct, 2) : '0'}
                      path={`funding.indexPct.${y}`}
                      testId={`f-index-${y}`}
                      onCommit={(v) => edit((s) => setFundingIndex(s, y, v), `funding.index.${y}`)}
                    />
                    <span className="abs">→ {formatEuro(result.totals[k + 1]!.fundingBaseline)}</span>
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
                    value={scenario.funding.adjustments?.[String(y)]}
                    placeholder="0"
                    path={`funding.adjustments.${y}`}
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
                  <Euro value={result.totals[k + 1]!.funding} />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="meta">
        Een leeg indexveld volgt het model{model.funding.indexPct ? ` (grijs weergegeven)` : ' (0%)'}. Incidentele bedragen tellen alleen in dat jaar en werken
        niet door.
      </p>
      <TextField
        label="Bron van de aannames over Rijksmiddelen"
        value={scenario.funding.source ?? ''}
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
}
