/**
 * The prevention effect of the transformation budget: an explicit assumption
 * (labelled as such everywhere) that extra budget lowers the inflow of chosen
 * segments. Editor for the extra budget per year and the effects (% per
 * € 100.000, lag, ceiling, source), and what it does: the inflow change per
 * affected segment, the extra cost line and the saldo with and without.
 */
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import { PREVENTION_LINE_NAME, type PreventionEffect } from '../../../shared/formats/prevention';
import { formatEuro, formatNumber, formatPct } from '../../../shared/locale/numbers';
import { ChartFrame } from '../../components/ChartFrame';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { Euro, Saldo, SourceNote } from '../../components/money';
import { YearHeadRow } from '../../components/tables';
import { useData } from '../../stores/data';
import {
  addEffect,
  addPrevention,
  removeEffect,
  removePrevention,
  setExtraBudget,
  setPreventionText,
  updateEffect,
} from '../../lib/edits/funding';
import { preventionEffect, type PreventionEffectSummary } from './derive';
import { PreventionChart, preventionLegend } from './PreventionChart';
import { citeSource } from '../../../shared/domain/sources';

/** The model's own transformation budget line, when it has one (shown as context, not changed here). */
function transformationLine(model: Model) {
  const seg = model.segments.find((s) => s.kind === 'budget' && /transformatie/i.test(`${s.id} ${s.name}`));
  return seg?.kind === 'budget' ? seg : undefined;
}

export function PreventionEditor({ model, scenario }: { model: Model; scenario: Scenario }) {
  const edit = useData((s) => s.editScenario);
  const prevention = scenario.prevention;
  const later =
    model.endYear > model.baseYear
      ? Array.from({ length: model.endYear - model.baseYear }, (_, i) => model.baseYear + 1 + i)
      : [];
  const volume = model.segments.filter((s) => s.kind === 'volume');
  const base = transformationLine(model);

  const intro = (
    <>
      <p>
        <span className="badge estimate">aanname</span> Wat levert extra (of minder) geld voor preventie en
        transformatie op? Leg hier expliciet vast welk effect u verwacht: elke € 100.000 extra geeft een percentage
        minder instroom in gekozen segmenten, na een vertraging, tot een plafond. Het extra budget is een eigen
        lastenregel; het effect duurt zolang het geld wordt uitgegeven.
      </p>
      {base ? (
        <p className="meta">
          Ter vergelijking, in het basismodel: {base.name} {formatEuro(base.amount)} per jaar ·{' '}
          <SourceNote source={base.source} estimate={base.estimate} />
        </p>
      ) : null}
    </>
  );

  if (!prevention) {
    return (
      <>
        {intro}
        <p>Dit scenario heeft geen preventie-aanname.</p>
        <button type="button" data-testid="prevention-add" onClick={() => edit((s) => addPrevention(s))}>
          Preventie-aanname toevoegen
        </button>
      </>
    );
  }

  const newEffect = (): PreventionEffect => ({
    segment: volume[0]?.id ?? '',
    inflowPctPer100k: 0,
    lagYears: 1,
    maxPct: 5,
  });

  return (
    <>
      {intro}
      <div className="grid-2">
        <TextField
          label={`Naam van de lastenregel (leeg = "${PREVENTION_LINE_NAME}")`}
          value={prevention.name ?? ''}
          path="prevention.name"
          testId="prevention-name"
          onCommit={(v) => edit((s) => setPreventionText(s, 'name', v), 'prevention.name')}
        />
        <TextField
          label="Waarop rust deze aanname? (bron)"
          multiline
          value={citeSource(prevention.source ?? '')}
          path="prevention.source"
          testId="prevention-source"
          onCommit={(v) => edit((s) => setPreventionText(s, 'source', v), 'prevention.source')}
        />
      </div>
      {!prevention.source ? (
        <p className="source missing">
          bron: niet vermeld — noem waarop de verwachting rust (onderzoek, ervaring elders, KPI).
        </p>
      ) : null}

      <div className="table-scroll">
        <table className="data assumptions-table" data-testid="prevention-budget">
          <thead>
            <YearHeadRow label="Aanname" years={later} />
          </thead>
          <tbody>
            <tr>
              <th scope="row">Extra transformatiebudget (€)</th>
              {later.map((y) => (
                <td key={y}>
                  <NumberField
                    label={`Extra transformatiebudget ${y} (€)`}
                    hideLabel
                    decimals={0}
                    value={prevention.extraBudget[String(y)]}
                    placeholder="0"
                    path={`prevention.extraBudget.${y}`}
                    testId={`prev-budget-${y}`}
                    onCommit={(v) => edit((s) => setExtraBudget(s, y, v), `prevention.budget.${y}`)}
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="meta">
        Bovenop de budgetregels van het model; een negatief bedrag is minder budget (dan stijgt de instroom, ook
        hoogstens tot het plafond).
      </p>

      <h3>Effecten op de instroom</h3>
      {prevention.effects.length === 0 ? (
        <p className="meta">Nog geen effect: het extra budget kost dan alleen geld.</p>
      ) : null}
      {prevention.effects.map((e, i) => (
        <fieldset key={i} className="prevention-effect" data-testid={`prev-effect-${i}`}>
          <legend>Effect {i + 1}</legend>
          <div className="row">
            <SelectField
              label="Segment (instroom)"
              value={e.segment}
              options={volume.map((s) => ({ value: s.id, label: s.name }))}
              testId={`prev-effect-${i}-segment`}
              path={`prevention.effects[${i}].segment`}
              onChange={(v) => edit((s) => updateEffect(s, i, { segment: v }))}
            />
            <NumberField
              label="Minder instroom per € 100.000 (negatief: meer)"
              suffix="%"
              allowEmpty={false}
              value={e.inflowPctPer100k}
              path={`prevention.effects[${i}].inflowPctPer100k`}
              testId={`prev-effect-${i}-pct`}
              onCommit={(v) =>
                v === undefined
                  ? []
                  : edit((s) => updateEffect(s, i, { inflowPctPer100k: v }), `prevention.effect.${i}.pct`)
              }
            />
            <NumberField
              label="Vertraging (jaren)"
              decimals={0}
              allowEmpty={false}
              value={e.lagYears}
              path={`prevention.effects[${i}].lagYears`}
              testId={`prev-effect-${i}-lag`}
              onCommit={(v) =>
                v === undefined ? [] : edit((s) => updateEffect(s, i, { lagYears: v }), `prevention.effect.${i}.lag`)
              }
            />
            <NumberField
              label="Plafond"
              suffix="%"
              allowEmpty={false}
              value={e.maxPct}
              path={`prevention.effects[${i}].maxPct`}
              testId={`prev-effect-${i}-max`}
              onCommit={(v) =>
                v === undefined ? [] : edit((s) => updateEffect(s, i, { maxPct: v }), `prevention.effect.${i}.max`)
              }
            />
            <button type="button" className="danger small" onClick={() => edit((s) => removeEffect(s, i))}>
              Effect verwijderen
            </button>
          </div>
          <p className="meta">
            {e.inflowPctPer100k < 0
              ? `In jaar j stijgt de instroom met ${formatNumber(-e.inflowPctPer100k, 4)}% × (extra budget van j − ${e.lagYears}) / € 100.000, hoogstens ${formatNumber(e.maxPct, 4)}% (een negatief effect: de maatregel vindt meer hulpvraag, bijv. door vroegsignalering).`
              : `In jaar j daalt de instroom met ${formatNumber(e.inflowPctPer100k, 4)}% × (extra budget van j − ${e.lagYears}) / € 100.000, hoogstens ${formatNumber(e.maxPct, 4)}%.`}
          </p>
          <TextField
            label="Bron of onderbouwing van dit effect"
            value={citeSource(e.source ?? '')}
            path={`prevention.effects[${i}].source`}
            className="wide"
            onCommit={(v) => edit((s) => updateEffect(s, i, { source: v }), `prevention.effect.${i}.source`)}
          />
        </fieldset>
      ))}
      <div className="row">
        <button
          type="button"
          data-testid="prev-effect-add"
          disabled={volume.length === 0}
          onClick={() => edit((s) => addEffect(s, newEffect()))}
        >
          Effect toevoegen
        </button>
        <button
          type="button"
          className="danger"
          data-testid="prevention-remove"
          onClick={() => edit((s) => removePrevention(s))}
        >
          Preventie-aanname verwijderen
        </button>
      </div>
      <PreventionResult model={model} scenario={scenario} />
    </>
  );
}

function PreventionResult({ model, scenario }: { model: Model; scenario: Scenario }) {
  const effect = preventionEffect(model, scenario);
  if (!effect) return null;
  const k = effect.years.length - 1;
  const end = effect.years[k]!;
  const without = effect.balanceWithout[k]!;
  const withP = effect.balanceWith[k]!;
  return (
    <section aria-labelledby="prev-result-h" className="prevention-result">
      <h3 id="prev-result-h">Wat deze aanname doet</h3>
      <dl className="headlines" data-testid="prevention-headlines">
        <div className="headline" data-testid="prev-saldo-without">
          <dt>Saldo {end} zonder preventie-aanname</dt>
          <dd>
            <Saldo value={without} label />
          </dd>
        </div>
        <div className="headline" data-testid="prev-saldo-with">
          <dt>Saldo {end} met preventie-aanname</dt>
          <dd>
            <Saldo value={withP} label />
          </dd>
        </div>
        <div className="headline" data-testid="prev-saldo-diff">
          <dt>Verschil {end}</dt>
          <dd>
            <Saldo value={withP - without} />
          </dd>
        </div>
        <div className="headline">
          <dt>
            Extra budget {effect.years[0]}–{end}
          </dt>
          <dd>
            <Euro value={effect.extraCost.reduce((a, b) => a + b, 0)} />
          </dd>
        </div>
      </dl>
      <ChartFrame
        title={`Effect van de preventie-aanname per jaar (aanname)`}
        level={3}
        legend={preventionLegend(effect)}
        chart={<PreventionChart effect={effect} />}
        table={<PreventionTable effect={effect} />}
        testId="prevention-frame"
      />
      <PreventionTable effect={effect} testId="prevention-table" />
    </section>
  );
}

export function PreventionTable({ effect, testId }: { effect: PreventionEffectSummary; testId?: string }) {
  return (
    <div className="table-scroll">
      <table className="data" data-testid={testId}>
        <thead>
          <YearHeadRow label="Regel" years={effect.years} />
        </thead>
        <tbody>
          <tr data-row="extra">
            <th scope="row">Extra transformatiebudget (lasten)</th>
            {effect.extraCost.map((v, k) => (
              <td key={effect.years[k]} className="num">
                <Euro value={v} />
              </td>
            ))}
          </tr>
          {effect.segments.map((s) => (
            <SegmentRows key={s.id} effect={effect} seg={s} />
          ))}
          <tr className="total" data-row="saldo-without">
            <th scope="row">Saldo zonder preventie-aanname</th>
            {effect.balanceWithout.map((v, k) => (
              <td key={effect.years[k]} className="num">
                <Saldo value={v} />
              </td>
            ))}
          </tr>
          <tr className="total" data-row="saldo-with">
            <th scope="row">Saldo met preventie-aanname</th>
            {effect.balanceWith.map((v, k) => (
              <td key={effect.years[k]} className="num">
                <Saldo value={v} />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

function SegmentRows({
  effect,
  seg,
}: {
  effect: PreventionEffectSummary;
  seg: PreventionEffectSummary['segments'][number];
}) {
  return (
    <>
      <tr data-row={`pct-${seg.id}`}>
        <th scope="row">{seg.name}: instroom lager door preventie</th>
        {seg.pct.map((v, k) => (
          <td key={effect.years[k]} className="num" data-year={effect.years[k]}>
            {formatPct(v, 2)}
          </td>
        ))}
      </tr>
      <tr className="derived" data-row={`inflow-without-${seg.id}`}>
        <th scope="row">{seg.name}: instroom zonder</th>
        {seg.inflowWithout.map((v, k) => (
          <td key={effect.years[k]} className="num" data-year={effect.years[k]}>
            {formatNumber(v, 1)}
          </td>
        ))}
      </tr>
      <tr data-row={`inflow-with-${seg.id}`}>
        <th scope="row">{seg.name}: instroom met</th>
        {seg.inflowWith.map((v, k) => (
          <td key={effect.years[k]} className="num" data-year={effect.years[k]}>
            {formatNumber(v, 1)}
          </td>
        ))}
      </tr>
      <tr data-row={`cost-${seg.id}`}>
        <th scope="row">{seg.name}: verschil in lasten</th>
        {seg.costDelta.map((v, k) => (
          <td key={effect.years[k]} className="num" data-year={effect.years[k]}>
            <Euro value={v} />
          </td>
        ))}
      </tr>
    </>
  );
}
