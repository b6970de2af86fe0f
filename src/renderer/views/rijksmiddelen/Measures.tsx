/**
 * The library of Rijksmaatregelen as switches. Each measure shows its national
 * amount per year, the regional amount (national × the model's nationalShare,
 * whose source is shown once above the list), structureel/incidenteel and its
 * source. A switch goes through the store's editScenario (undo, autosave, the
 * same validation as a scenario file); when the validation refuses a
 * combination, the measure says why in words, next to the switch.
 */
import { useEffect, useId, useState } from 'react';
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import {
  RIJKSMAATREGELEN,
  findMeasure,
  nationalAmounts,
  NOORD_LIMBURG_NATIONAL_SHARE,
  type Rijksmaatregel,
} from '../../../shared/domain/rijksmaatregelen';
import { modelYears } from '../../../shared/years';
import { formatEuro, formatNumber, formatPct } from '../../../shared/locale/numbers';
import { NumberField, TextField } from '../../components/fields';
import { YearHeadRow } from '../../components/tables';
import { useData } from '../../stores/data';
import { isMeasureOn, setMeasure } from '../../lib/edits/funding';
import { citeSource } from '../../../shared/domain/sources';

/** National amounts read best in millions, as the sources state them: "€ -511 mln". */
function millions(value: number): string {
  return `€ ${formatNumber(value / 1_000_000, 0)} mln`;
}

export function NationalShare({ model }: { model: Model }) {
  const editModel = useData((s) => s.editModel);
  const share = model.funding.nationalShare;
  if (!share) {
    return (
      <div className="notice info" data-testid="national-share-missing">
        <p>
          Dit model heeft geen <strong>aandeel in het landelijke jeugdbudget</strong>. Dat aandeel is nodig om een
          Rijksmaatregel naar de regio door te rekenen (regio = landelijk bedrag × aandeel).
        </p>
        <p className="meta">
          Schatting naar inwonertal: {formatPct(NOORD_LIMBURG_NATIONAL_SHARE.value * 100, 2)} —{' '}
          {NOORD_LIMBURG_NATIONAL_SHARE.source}
        </p>
        <button
          type="button"
          onClick={() =>
            editModel((m) => ({ ...m, funding: { ...m.funding, nationalShare: { ...NOORD_LIMBURG_NATIONAL_SHARE } } }))
          }
        >
          Deze schatting overnemen in het model
        </button>
      </div>
    );
  }
  return (
    <div className="national-share" data-testid="national-share">
      <NumberField
        label="Aandeel regio in het landelijke jeugdbudget (model)"
        suffix="%"
        decimals={4}
        allowEmpty={false}
        value={share.value * 100}
        path="funding.nationalShare.value"
        testId="national-share-value"
        onCommit={(v) =>
          v === undefined
            ? []
            : editModel((m) =>
                m.funding.nationalShare
                  ? { ...m, funding: { ...m.funding, nationalShare: { ...m.funding.nationalShare, value: v / 100 } } }
                  : m,
              )
        }
      />
      <p className="meta">
        {share.estimate ? <span className="badge estimate">schatting</span> : null} Regio = landelijk bedrag ×{' '}
        {formatPct(share.value * 100, 3)}.
      </p>
      <TextField
        label="Bron van het aandeel"
        multiline
        value={citeSource(share.source)}
        path="funding.nationalShare.source"
        onCommit={(text) =>
          editModel((m) =>
            m.funding.nationalShare
              ? { ...m, funding: { ...m.funding, nationalShare: { ...m.funding.nationalShare, source: text } } }
              : m,
          )
        }
      />
      <p className="meta">Het aandeel hoort bij het basismodel en geldt voor alle scenario's van dit model.</p>
    </div>
  );
}

/** A refusal in words: which measure already counts the same money. */
function explainRefusal(measure: Rijksmaatregel, scenario: Scenario, messages: string[]): string {
  const clash = (measure.excludes ?? [])
    .map((id) => findMeasure(id))
    .filter((m): m is Rijksmaatregel => m !== undefined && isMeasureOn(scenario, m.id));
  const reason =
    clash.length > 0
      ? `Kan niet aan: "${measure.name}" gaat over hetzelfde geld als "${clash.map((m) => m.name).join('", "')}", die al aan staat. Zet die eerst uit.`
      : 'Kan niet aan.';
  return `${reason} (${messages.join('; ')})`;
}

function MeasureCard({
  measure,
  model,
  scenario,
  years,
}: {
  measure: Rijksmaatregel;
  model: Model;
  scenario: Scenario;
  years: number[];
}) {
  const edit = useData((s) => s.editScenario);
  const [refusal, setRefusal] = useState<string | undefined>();
  const id = useId();
  const on = isMeasureOn(scenario, measure.id);
  const share = model.funding.nationalShare?.value;
  const national = nationalAmounts(measure, years);
  const excludes = (measure.excludes ?? []).map((x) => findMeasure(x)?.name ?? x);
  // a refusal explains one attempt; once the switches change (undo, another switch) it no longer holds
  useEffect(() => setRefusal(undefined), [scenario.measures]);
  function toggle(next: boolean) {
    const issues = edit((s) => setMeasure(s, measure.id, next));
    setRefusal(
      issues.length > 0
        ? explainRefusal(
            measure,
            scenario,
            issues.map((i) => i.message),
          )
        : undefined,
    );
  }
  return (
    <article
      className={`measure ${on ? 'on' : ''}`}
      data-testid={`measure-${measure.id}`}
      aria-labelledby={`${id}-name`}
    >
      <div className="measure-head">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            aria-describedby={`${id}-refusal`}
            data-testid={`measure-switch-${measure.id}`}
            onChange={(e) => toggle(e.target.checked)}
          />
          <span id={`${id}-name`} className="measure-name">
            {measure.name}
          </span>
        </label>
        <span className={`badge kind ${measure.kind}`}>{measure.kind}</span>
        <span className="measure-state">{on ? 'aan' : 'uit'}</span>
      </div>
      <p
        id={`${id}-refusal`}
        className="field-error measure-refusal"
        role={refusal ? 'alert' : undefined}
        data-testid={`measure-refusal-${measure.id}`}
      >
        {refusal ?? ''}
      </p>
      <div className="table-scroll">
        <table className="data measure-table">
          <thead>
            <YearHeadRow label="Bedrag" years={years} />
          </thead>
          <tbody>
            <tr className="derived">
              <th scope="row">Landelijk</th>
              {national.map((v, k) => (
                <td key={years[k]} className="num">
                  {v === 0 ? '–' : millions(v)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Regio (× aandeel)</th>
              {national.map((v, k) => (
                <td
                  key={years[k]}
                  className="num"
                  data-year={years[k]}
                  data-testid={`measure-regional-${measure.id}-${years[k]}`}
                >
                  {share === undefined ? '—' : v === 0 ? '–' : formatEuro(v * share)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="source">bron: {measure.source}</p>
      {measure.note ? <p className="meta">{measure.note}</p> : null}
      {measure.range ? (
        <p className="meta" data-testid={`measure-range-${measure.id}`}>
          Bandbreedte (Monte Carlo): {formatPct(measure.range.lowPct, 0)} tot {formatPct(measure.range.highPct, 0)} van
          het bedrag — {measure.range.source}
        </p>
      ) : null}
      {measure.continues ? (
        <p className="meta">
          Structureel: het laatste bedrag loopt na {Object.keys(measure.national).sort().at(-1)} door.
        </p>
      ) : null}
      {excludes.length > 0 ? (
        <p className="meta">Niet samen met: {excludes.join(', ')} (gaat over hetzelfde geld).</p>
      ) : null}
    </article>
  );
}

export function MeasuresLibrary({ model, scenario }: { model: Model; scenario: Scenario }) {
  const years = modelYears(model);
  return (
    <div className="measure-list">
      {RIJKSMAATREGELEN.map((m) => (
        <MeasureCard key={m.id} measure={m} model={model} scenario={scenario} years={years} />
      ))}
    </div>
  );
}
