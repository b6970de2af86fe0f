/**
 * Realisatie: the realised figures of the model (docs/formats.md, "Realisatie") per year ×
 * segment, for the region or one gemeente; each figure editable with its source (edits go
 * through editModel: checked, saved, undoable), the import, and "Hoe goed was de raming?" —
 * the backtest of shared/analysis/backtest.
 */
import { useMemo, useState } from 'react';
import type { Model } from '../../shared/formats/model';
import type { SimulationResult } from '../../shared/engine/result';
import type { Scenario } from '../../shared/formats/scenario';
import { backtest } from '../../shared/analysis/backtest';
import { citeSource } from '../../shared/domain/sources';
import { formatEuro, formatPct } from '../../shared/locale/numbers';
import { NumberField, SelectField, TextField } from '../components/fields';
import { AmountScope, Euro, SourceNote } from '../components/money';
import { TableTools } from '../components/TableTools';
import { YearHeadRow } from '../components/tables';
import { useCurrentResult } from '../hooks';
import { figurePath, realisedFigure, setFigureField, type FigureField } from '../lib/realisatieEdit';
import { useRealisatieImport } from '../lib/realisatieImport';
import { useCurrent, useData } from '../stores/data';

const REGION = '';

interface Cell {
  segmentId: string;
  year: number;
}

export function Realisatie() {
  const current = useCurrent();
  const result = useCurrentResult();
  const [scope, setScope] = useState<string>(REGION);
  const [cell, setCell] = useState<Cell>();
  if (!current || !result) return null;
  const { model, scenario } = current;
  const r = model.realisatie;
  const importButton = (
    <button
      type="button"
      className="secondary"
      onClick={() => useRealisatieImport.getState().show()}
      data-testid="realisatie-view-import"
    >
      Realisatie importeren (CSV/Excel)…
    </button>
  );
  if (!r) {
    return (
      <div className="view realisatie">
        <header className="view-head">
          <h1>Realisatie</h1>
          <p className="lead">Wat er in afgelopen jaren echt is uitgegeven en hoeveel jeugdigen zorg kregen.</p>
        </header>
        <section className="card" data-testid="realisatie-empty">
          <p>
            Dit model heeft nog geen realisatie: alle jaren vanaf {model.baseYear} zijn een raming. Importeer de
            gerealiseerde cijfers (bijvoorbeeld een CBS-export of een export per iJw-productcategorie); daarna toont de
            app voor die jaren de realisatie en begint de raming bij het laatste gerealiseerde jaar.
          </p>
          <p>{importButton}</p>
        </section>
      </div>
    );
  }
  const gemeente = model.gemeenten.find((g) => g.id === scope);
  const years: number[] = [];
  for (let y = model.baseYear; y <= r.lastYear; y++) years.push(y);
  const scopeOptions = [
    { value: REGION, label: 'Regio (totaal)' },
    ...model.gemeenten.map((g) => ({ value: g.id, label: g.name })),
  ];
  const selected =
    cell && model.segments.some((s) => s.id === cell.segmentId) && cell.year <= r.lastYear ? cell : undefined;

  return (
    <div className="view realisatie">
      <header className="view-head">
        <h1>Realisatie</h1>
        <p className="lead">
          Gerealiseerd t/m <strong data-testid="realisatie-last-year">{r.lastYear}</strong>: de jaren {model.baseYear}–
          {r.lastYear} tonen overal de realisatie, de raming begint bij {r.lastYear}
          {r.lastYear < model.endYear ? ` en loopt van ${r.lastYear + 1} t/m ${model.endYear}` : ''}.
        </p>
        <p>{importButton}</p>
      </header>
      <section className="card" aria-labelledby="real-h">
        <div className="chart-head">
          <h2 id="real-h">Gerealiseerde lasten per segment{gemeente ? `: ${gemeente.name}` : ''}</h2>
          <SelectField
            label="Regio of gemeente"
            value={scope}
            options={scopeOptions}
            onChange={(v) => setScope(v)}
            testId="realisatie-scope"
          />
        </div>
        <p className="meta">
          Kies een cijfer om het aan te passen, met zijn bron.
          {gemeente
            ? ' Grijs en cursief: deze gemeente heeft geen eigen cijfer; het bedrag is het regiocijfer verdeeld naar de verdeelsleutel van de regel.'
            : ''}
        </p>
        <TableTools label="Gerealiseerde lasten" />
        <AmountScope>
          <RealisedTable
            model={model}
            result={result}
            years={years}
            gemeenteId={gemeente?.id}
            selected={selected}
            onSelect={setCell}
          />
        </AmountScope>
        {selected ? (
          <FigureEditor
            key={`${scope}:${selected.segmentId}:${selected.year}`}
            model={model}
            gemeenteId={gemeente?.id}
            cell={selected}
          />
        ) : null}
        <SourceList model={model} years={years} gemeenteId={gemeente?.id} />
      </section>
      <BacktestCard model={model} scenario={scenario} />
    </div>
  );
}

function RealisedTable({
  model,
  result,
  years,
  gemeenteId,
  selected,
  onSelect,
}: {
  model: Model;
  result: SimulationResult;
  years: number[];
  gemeenteId: string | undefined;
  selected: Cell | undefined;
  onSelect: (c: Cell) => void;
}) {
  const g = gemeenteId === undefined ? undefined : result.gemeenten.find((x) => x.id === gemeenteId);
  const index = (y: number) => result.years.indexOf(y);
  const funding = gemeenteId === undefined ? undefined : model.realisatie?.gemeenten?.[gemeenteId]?.rijksmiddelen;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="realisatie-table">
        <thead>
          <YearHeadRow label="Segment" years={years} kinds={years.map(() => 'realisatie' as const)} />
        </thead>
        <tbody>
          {model.segments.map((seg, li) => (
            <tr key={seg.id} data-segment={seg.id}>
              <th scope="row">{seg.name}</th>
              {years.map((y) => {
                const f = realisedFigure(model, gemeenteId, seg.id, y);
                const own = f !== undefined;
                const amount = own
                  ? f.lasten
                  : g
                    ? (g.lineCosts[li]?.[index(y)] ?? 0)
                    : (result.lines[li]?.years[index(y)]?.cost ?? 0);
                const isSel = selected?.segmentId === seg.id && selected.year === y;
                const title = own
                  ? `bron: ${citeSource(f.source)}${f.estimate ? ' (schatting)' : ''}${f.note ? ` · ${f.note}` : ''}`
                  : gemeenteId
                    ? 'geen eigen cijfer: verdeeld naar de verdeelsleutel'
                    : 'geen realisatie: nieuw segment (0)';
                return (
                  <td
                    key={y}
                    className={`num ${own ? '' : 'derived'}`}
                    data-year={y}
                    aria-selected={isSel ? 'true' : undefined}
                  >
                    {own ? (
                      <button
                        type="button"
                        className="link cell-button"
                        title={title}
                        onClick={() => onSelect({ segmentId: seg.id, year: y })}
                        data-testid={`realisatie-cell-${seg.id}-${y}`}
                      >
                        <Euro value={amount} />
                        {f.estimate ? <span className="badge estimate">schatting</span> : null}
                      </button>
                    ) : (
                      <span title={title}>
                        <em>
                          <Euro value={amount} />
                        </em>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Totaal lasten</th>
            {years.map((y) => (
              <td key={y} className="num" data-year={y}>
                <Euro value={g ? (g.years[index(y)]?.cost ?? 0) : (result.totals[index(y)]?.cost ?? 0)} />
              </td>
            ))}
          </tr>
          {gemeenteId === undefined && years.some((y) => result.totals[index(y)]?.fundingKind === 'realisatie') ? (
            <tr data-row="rijksmiddelen">
              <th scope="row">Rijksmiddelen jeugd (som van de gemeenten)</th>
              {years.map((y) => {
                const t = result.totals[index(y)];
                return (
                  <td
                    key={y}
                    className="num"
                    data-year={y}
                    title={
                      t?.fundingKind === 'realisatie'
                        ? 'gerealiseerd: som van de eigen bedragen van de gemeenten'
                        : 'niet voor alle gemeenten gerealiseerd: raming'
                    }
                  >
                    {t?.fundingKind === 'realisatie' ? <Euro value={t.funding} /> : '–'}
                  </td>
                );
              })}
            </tr>
          ) : null}
          {funding ? (
            <tr data-row="rijksmiddelen">
              <th scope="row">Rijksmiddelen jeugd</th>
              {years.map((y) => {
                const a = funding[String(y)];
                return (
                  <td
                    key={y}
                    className="num"
                    data-year={y}
                    title={
                      a
                        ? `bron: ${citeSource(a.source)}${a.estimate ? ' (schatting)' : ''}`
                        : 'niet gerealiseerd: raming'
                    }
                  >
                    {a ? <Euro value={a.amount} /> : '–'}
                  </td>
                );
              })}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function FigureEditor({ model, gemeenteId, cell }: { model: Model; gemeenteId: string | undefined; cell: Cell }) {
  const editModel = useData((s) => s.editModel);
  const f = realisedFigure(model, gemeenteId, cell.segmentId, cell.year);
  const seg = model.segments.find((s) => s.id === cell.segmentId)!;
  if (!f) return null;
  const set = (field: FigureField, value: number | string | boolean | undefined) =>
    editModel((m) => setFigureField(m, gemeenteId, cell.segmentId, cell.year, field, value));
  const path = (field: FigureField) => figurePath(gemeenteId, cell.segmentId, cell.year, field);
  const where = gemeenteId ? model.gemeenten.find((g) => g.id === gemeenteId)?.name : 'regio';
  return (
    <div className="figure-editor" data-testid="realisatie-editor">
      <h3>
        {seg.name}, {cell.year} ({where})
      </h3>
      <div className="row">
        <NumberField
          label="Lasten (€)"
          allowEmpty={false}
          decimals={2}
          value={f.lasten}
          path={path('lasten')}
          onCommit={(v) => set('lasten', v)}
          testId="realisatie-edit-lasten"
        />
        <NumberField
          label="Aantal jeugdigen (uniek)"
          value={f.clients}
          path={path('clients')}
          onCommit={(v) => set('clients', v)}
          testId="realisatie-edit-clients"
        />
        {seg.kind === 'volume' ? (
          <NumberField
            label={`Volume (${seg.unit})`}
            value={f.volume}
            path={path('volume')}
            onCommit={(v) => set('volume', v)}
          />
        ) : null}
      </div>
      <div className="row">
        <TextField
          label="Bron (documenttitel, tabel en jaar)"
          className="wide"
          value={citeSource(f.source)}
          path={path('source')}
          onCommit={(v) => set('source', v)}
          testId="realisatie-edit-source"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={f.estimate === true}
            onChange={(e) => void set('estimate', e.target.checked)}
          />
          Dit is een schatting
        </label>
      </div>
      <p className="meta">
        <SourceNote source={f.source} estimate={f.estimate} />
        {f.note ? ` · ${f.note}` : ''}
      </p>
    </div>
  );
}

/** The distinct sources of the figures shown, with how many figures each carries. */
function SourceList({ model, years, gemeenteId }: { model: Model; years: number[]; gemeenteId: string | undefined }) {
  const counts = new Map<string, number>();
  for (const seg of model.segments)
    for (const y of years) {
      const f = realisedFigure(model, gemeenteId, seg.id, y);
      if (f) counts.set(citeSource(f.source), (counts.get(citeSource(f.source)) ?? 0) + 1);
    }
  if (counts.size === 0) return null;
  return (
    <div className="source-list" data-testid="realisatie-sources">
      <h3>Bronnen</h3>
      <ul>
        {[...counts].map(([s, n]) => (
          <li key={s}>
            {s} ({n} {n === 1 ? 'cijfer' : 'cijfers'})
          </li>
        ))}
      </ul>
    </div>
  );
}

function BacktestCard({ model, scenario }: { model: Model; scenario: Scenario }) {
  const outcome = useMemo(() => backtest(model, scenario), [model, scenario]);
  return (
    <section className="card" aria-labelledby="backtest-h" data-testid="backtest">
      <h2 id="backtest-h">Hoe goed was de raming?</h2>
      {!outcome.ok ? (
        <p className="meta" data-testid="backtest-unavailable">
          Nog niet te zeggen: {outcome.error}.
        </p>
      ) : (
        <>
          <p className="meta">
            De raming van {outcome.value.year} zoals de app die had gemaakt vanuit de realisatie van{' '}
            {outcome.value.fromYear}, met de aannames van scenario <strong>{outcome.value.scenarioName}</strong>, naast
            wat er in {outcome.value.year} echt is uitgegeven. Verschil = raming − realisatie: positief is te hoog
            geraamd.
          </p>
          <TableTools label="Hoe goed was de raming?" />
          <AmountScope>
            <div className="table-scroll">
              <table className="data" data-testid="backtest-table">
                <thead>
                  <tr>
                    <th scope="col">Segment</th>
                    <th scope="col" className="num">
                      Raming {outcome.value.year}
                    </th>
                    <th scope="col" className="num">
                      Realisatie {outcome.value.year}
                    </th>
                    <th scope="col" className="num">
                      Verschil
                    </th>
                    <th scope="col" className="num">
                      Verschil %
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[
                    ...outcome.value.lines.map((l) => ({ key: l.id, name: l.name, row: l, total: false })),
                    { key: 'totaal', name: 'Totaal', row: outcome.value.total, total: true },
                  ].map(({ key, name, row, total }) => (
                    <tr key={key} className={total ? 'total' : undefined} data-line={key}>
                      <th scope="row">{name}</th>
                      <td className="num" data-col="forecast">
                        <Euro value={row.forecast} />
                      </td>
                      <td className="num" data-col="realised">
                        <Euro value={row.realised} />
                      </td>
                      <td className="num" data-col="error" data-value={row.error}>
                        {formatEuro(row.error)}
                      </td>
                      <td className="num" data-col="error-pct">
                        {row.errorPct === undefined ? '–' : formatPct(row.errorPct, 1)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </AmountScope>
          {outcome.value.skipped.length > 0 ? (
            <p className="meta">Zonder realisatie, niet vergeleken: {outcome.value.skipped.join(', ')}.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
