/**
 * Bekende ontwikkelingen as switches (issue 11, item 2): the known changes of the base model
 * (woonplaatsbeginsel, landelijk tarief JB/JR, …), each with its side (lasten or baten), kind,
 * amount per year for the region and per gemeente where it names one, the formula, the range that
 * Monte Carlo draws, and its source. A switch goes through the store's editScenario (undo, autosave,
 * the same validation as a scenario file). The amounts come from the engine: a change that is off
 * is shown as it would be when switched on.
 */
import { useId, useMemo } from 'react';
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import type { KnownChange } from '../../../shared/formats/knownChanges';
import type { KnownChangeResult } from '../../../shared/engine/result';
import { simulate } from '../../../shared/engine/simulate';
import { citeSource } from '../../../shared/domain/sources';
import { modelYears } from '../../../shared/years';
import { formatEuro, formatNumber } from '../../../shared/locale/numbers';
import { YearHeadRow } from '../../components/tables';
import { useData } from '../../stores/data';
import { isKnownChangeOn, setKnownChange } from '../../lib/edits/funding';

/** The change's amounts as the engine computes them with the change on (the scenario as it is otherwise). */
function preview(model: Model, scenario: Scenario, id: string): KnownChangeResult | undefined {
  const on = { ...scenario, knownChanges: { ...scenario.knownChanges, [id]: true } };
  return simulate(model, on, { perGemeente: false }).knownChanges?.find((c) => c.id === id);
}

function pct(x: number): string {
  return `${x > 0 ? '+' : ''}${formatNumber(x, 2)}%`;
}

function ChangeCard({
  change,
  model,
  scenario,
  years,
}: {
  change: KnownChange;
  model: Model;
  scenario: Scenario;
  years: number[];
}) {
  const edit = useData((s) => s.editScenario);
  const id = useId();
  const on = isKnownChangeOn(scenario, change.id);
  const shown = useMemo(() => preview(model, scenario, change.id), [model, scenario, change.id]);
  const gemeenten = model.gemeenten.filter((g) => shown?.perGemeente[g.id] !== undefined);
  const formula = change.pctOfSegments;
  const names = new Map(model.segments.map((s) => [s.id, s.name]));
  return (
    <article
      className={`measure known-change ${on ? 'on' : ''}`}
      data-testid={`known-change-${change.id}`}
      aria-labelledby={`${id}-name`}
    >
      <div className="measure-head">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={on}
            data-testid={`known-change-switch-${change.id}`}
            onChange={(e) => edit((s) => setKnownChange(s, change.id, e.target.checked))}
          />
          <span id={`${id}-name`} className="measure-name">
            {change.name}
          </span>
        </label>
        <span className={`badge kind ${change.kind}`}>{change.kind}</span>
        <span className="badge">{change.side}</span>
        {change.estimate ? <span className="badge estimate">schatting</span> : null}
        <span className="measure-state">{on ? 'aan' : 'uit'}</span>
      </div>
      <div className="table-scroll">
        <table className="data measure-table">
          <thead>
            <YearHeadRow label={change.side === 'lasten' ? 'Lasten (+ meer)' : 'Baten (+ meer)'} years={years} />
          </thead>
          <tbody>
            {gemeenten.map((g) => (
              <tr key={g.id} className="derived">
                <th scope="row">{g.name}</th>
                {shown!.perGemeente[g.id]!.map((v, k) => (
                  <td key={years[k]} className="num">
                    {v === 0 ? '–' : formatEuro(v)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Regio</th>
              {(shown?.years ?? years.map(() => 0)).map((v, k) => (
                <td
                  key={years[k]}
                  className="num"
                  data-year={years[k]}
                  data-testid={`known-change-amount-${change.id}-${years[k]}`}
                >
                  {v === 0 ? '–' : formatEuro(v)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {formula ? (
        <p className="meta">
          Formule: {pct(formula.pct)} van de lasten van {formula.segments.map((s) => names.get(s) ?? s).join(', ')},
          vanaf {formula.fromYear}.
        </p>
      ) : null}
      {change.range ? (
        <p className="meta" data-testid={`known-change-range-${change.id}`}>
          Bandbreedte (Monte Carlo): {pct(change.range.lowPct)} tot {pct(change.range.highPct)} van het bedrag
          {change.range.source ? ` — ${citeSource(change.range.source)}` : ''}
        </p>
      ) : null}
      <p className="source">bron: {citeSource(change.source)}</p>
      {change.note ? <p className="meta">{citeSource(change.note)}</p> : null}
      {change.kind === 'structureel' && !formula ? (
        <p className="meta">Structureel: het laatste bedrag loopt in latere jaren door.</p>
      ) : null}
    </article>
  );
}

export function KnownChangesList({ model, scenario }: { model: Model; scenario: Scenario }) {
  const years = modelYears(model);
  const changes = model.knownChanges ?? [];
  if (changes.length === 0)
    return (
      <p className="meta" data-testid="known-changes-none">
        Het basismodel bevat geen bekende ontwikkelingen. Ze staan in het modelbestand (knownChanges) met bron, bedrag
        of formule en bandbreedte.
      </p>
    );
  return (
    <div className="measure-list" data-testid="known-changes">
      {changes.map((c) => (
        <ChangeCard key={c.id} change={c} model={model} scenario={scenario} years={years} />
      ))}
    </div>
  );
}
