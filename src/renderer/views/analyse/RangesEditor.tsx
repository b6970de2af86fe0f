/**
 * Bandbreedtes per aanname: add one from a list of every assumption that can
 * take a range, then edit low, high and the source as you type. Every change
 * goes through the data store's editScenario (validated with the scenario's
 * own rules, undoable, autosaved); a rejected value shows the message of its
 * field and changes nothing.
 */
import { useId, useState } from 'react';
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import { makeIssue } from '../../../shared/formats/issues';
import { formatEuro, formatNumber, formatPctChange } from '../../../shared/locale/numbers';
import { NumberField, TextField } from '../../components/fields';
import {
  defaultRange,
  likelyValue,
  patchRange,
  presentRanges,
  rangeOptions,
  rangePath,
  setRange,
  shiftedPercentages,
  type RangeOption,
} from '../../lib/edits/ranges';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';
import { citeSource } from '../../../shared/domain/sources';
import { listParameters } from '../../../shared/analysis/parameters';

function formatValue(v: number, unit: string): string {
  if (unit === '€') return formatEuro(v);
  if (unit === '%') return `${formatNumber(v, 2)}%`;
  return `${formatNumber(v, 2)} ${unit}`;
}

/** What the range is around: the base figure, or the yearly percentages it shifts. */
function LikelyCell({ model, scenario, option }: { model: Model; scenario: Scenario; option: RangeOption }) {
  if (!option.shift)
    return <span className="num">{formatValue(likelyValue(model, option.target, scenario), option.unit)}</span>;
  const pcts = Object.entries(shiftedPercentages(model, scenario, option.target)).sort(
    ([a], [b]) => Number(a) - Number(b),
  );
  const shown = pcts.filter(([, v]) => v !== 0);
  return (
    <span className="likely-shift">
      0 %-punt rond{' '}
      {shown.length === 0
        ? 'de aanname (nu 0% in elk jaar)'
        : shown
            .map(
              ([y, v]) =>
                `${y}: ${option.target.kind === 'substitution' ? `${formatNumber(v, 2)}%` : formatPctChange(v)}`,
            )
            .join(', ')}
    </span>
  );
}

function edit(fn: (s: Scenario) => Scenario, mergeKey?: string) {
  return useData.getState().editScenario(fn, mergeKey);
}

export function RangesEditor({ model, scenario }: { model: Model; scenario: Scenario }) {
  const present = presentRanges(model, scenario);
  const options = rangeOptions(model, scenario);
  const free = options.filter((o) => !present.some((p) => p.id === o.id));
  const [choice, setChoice] = useState<string>('');
  const pickId = useId();
  const selected = free.find((o) => o.id === choice) ?? free[0];
  const groups = [...new Set(free.map((o) => o.group))];

  function add() {
    if (!selected) return;
    const issues = edit((s) => setRange(s, selected.target, defaultRange(model, s, selected.target)));
    if (issues.length > 0)
      useUi
        .getState()
        .notify({ kind: 'error', message: `Bandbreedte voor ${selected.label} kon niet worden toegevoegd`, issues });
    else setChoice('');
  }

  return (
    <section className="card" aria-labelledby="ranges-h" data-testid="ranges-editor">
      <h2 id="ranges-h">Bandbreedtes</h2>
      <p className="hint">
        De meest waarschijnlijke waarde is altijd die van het scenario zelf. Bij een <strong>basiscijfer</strong>{' '}
        (instroom, duur, intensiteit, tarief, budget, Rijksmiddelen, preventie-effect) geeft u de laagste en hoogste
        waarde van het cijfer. Bij een <strong>jaarpercentage</strong> geeft u een verschuiving in procentpunten die
        voor alle jaren tegelijk geldt (laag ≤ 0 ≤ hoog): een schatting die te laag is, is meestal elk jaar te laag.
        Bandbreedtes met dezelfde naam bij <strong>Gekoppeld aan (groep)</strong> (bijv. "vng-index": één prijsindex
        voor alle segmenten) worden samen getrokken, alle laag of alle hoog; laat het veld leeg voor een losse
        bandbreedte.
      </p>
      <div className="add-range">
        <div className="field">
          <label htmlFor={pickId}>Aanname</label>
          <select
            id={pickId}
            value={selected?.id ?? ''}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="range-pick"
          >
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {free
                  .filter((o) => o.group === g)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} disabled={!selected} data-testid="range-add">
          Bandbreedte toevoegen
        </button>
      </div>
      {present.length === 0 ? (
        <p data-testid="ranges-empty">
          Nog geen bandbreedtes: zonder bandbreedte is er geen onzekerheid om door te rekenen.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data ranges-table">
            <thead>
              <tr>
                <th scope="col">Aanname</th>
                <th scope="col">Meest waarschijnlijk</th>
                <th scope="col" className="num">
                  Laag
                </th>
                <th scope="col" className="num">
                  Hoog
                </th>
                <th scope="col">Bron van de bandbreedte</th>
                <th scope="col">Gekoppeld aan (groep)</th>
                <th scope="col">
                  <span className="sr-only">Verwijderen</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {present.map((o) => {
                const path = rangePath(o.target);
                const side = (which: 'low' | 'high') => (v: number | undefined) =>
                  v === undefined
                    ? [
                        makeIssue(
                          `${path}.${which}`,
                          `${which === 'low' ? 'laag' : 'hoog'} mag niet leeg zijn (verwijder de bandbreedte om haar weg te halen)`,
                        ),
                      ]
                    : edit((s) => patchRange(s, o.target, { [which]: v }), `range:${o.id}:${which}`);
                return (
                  <tr key={o.id} data-testid={`range-row-${o.id}`}>
                    <th scope="row">
                      {o.label}
                      <span className="abs">
                        {o.shift
                          ? 'verschuiving in procentpunten, alle jaren'
                          : o.target.kind === 'prevention'
                            ? 'aanname van het scenario, 0–100%'
                            : o.target.kind === 'policy'
                              ? 'realisatie van de maatregel, 0–100%'
                              : 'basiscijfer, absolute waarden'}
                      </span>
                    </th>
                    <td>
                      <LikelyCell model={model} scenario={scenario} option={o} />
                    </td>
                    <td className="num">
                      <NumberField
                        label={`${o.label}: laag`}
                        hideLabel
                        value={o.range.low}
                        onCommit={side('low')}
                        path={`${path}.low`}
                        allowEmpty={false}
                        suffix={o.unit}
                        decimals={o.shift ? 2 : 2}
                        testId={`range-low-${o.id}`}
                      />
                    </td>
                    <td className="num">
                      <NumberField
                        label={`${o.label}: hoog`}
                        hideLabel
                        value={o.range.high}
                        onCommit={side('high')}
                        path={`${path}.high`}
                        allowEmpty={false}
                        suffix={o.unit}
                        decimals={2}
                        testId={`range-high-${o.id}`}
                      />
                    </td>
                    <td>
                      <TextField
                        label={`${o.label}: bron`}
                        hideLabel
                        value={citeSource(o.range.source ?? '')}
                        onCommit={(text) =>
                          edit((s) => patchRange(s, o.target, { source: text }), `range:${o.id}:source`)
                        }
                        path={`${path}.source`}
                        testId={`range-source-${o.id}`}
                      />
                    </td>
                    <td>
                      <TextField
                        label={`${o.label}: gekoppeld aan (groep)`}
                        hideLabel
                        value={o.range.link ?? ''}
                        onCommit={(text) => edit((s) => patchRange(s, o.target, { link: text }), `range:${o.id}:link`)}
                        path={`${path}.link`}
                        testId={`range-link-${o.id}`}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="danger small"
                        onClick={() => edit((s) => setRange(s, o.target, undefined))}
                        data-testid={`range-remove-${o.id}`}
                      >
                        Verwijderen
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FactorRanges model={model} scenario={scenario} />
    </section>
  );
}

/**
 * The ranges of the bekende ontwikkelingen (in the base model) and Rijksmaatregelen (in the library)
 * switched on in this scenario: drawn by Monte Carlo too, as a factor on the amount; shown here,
 * edited where they are kept (the model file; the library).
 */
function FactorRanges({ model, scenario }: { model: Model; scenario: Scenario }) {
  const factors = listParameters(model, scenario).filter(
    (p) => p.target.kind === 'knownChange' || p.target.kind === 'measure',
  );
  if (factors.length === 0) return null;
  const pct = (f: number) => `${f >= 1 ? '+' : ''}${formatNumber((f - 1) * 100, 0)}%`;
  return (
    <>
      <h3>Ook getrokken: bandbreedtes van bekende ontwikkelingen en Rijksmaatregelen</h3>
      <p className="hint">
        Een factor op het hele bedrag van een regel die in dit scenario aan staat (Rijksmiddelen en preventie). Een
        bekende ontwikkeling houdt haar bandbreedte in het basismodel, een Rijksmaatregel in de bibliotheek.
      </p>
      <div className="table-scroll">
        <table className="data ranges-table" data-testid="factor-ranges">
          <thead>
            <tr>
              <th scope="col">Regel</th>
              <th scope="col" className="num">
                Laag
              </th>
              <th scope="col" className="num">
                Hoog
              </th>
              <th scope="col">Bron van de bandbreedte</th>
            </tr>
          </thead>
          <tbody>
            {factors.map((p) => (
              <tr key={p.key} data-testid={`range-row-${p.key}`}>
                <th scope="row">{p.label.replace(' (factor op het bedrag)', '')}</th>
                <td className="num">{pct(p.low)}</td>
                <td className="num">{pct(p.high)}</td>
                <td>{citeSource(p.rangeSource ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
