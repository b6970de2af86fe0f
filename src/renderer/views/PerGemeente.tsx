/**
 * Per gemeente: lasten, baten and saldo per gemeente per year, and the
 * verdeelsleutel per line — shown and changeable; edits go into the model.
 */
import { useId, useState } from 'react';
import type { Model, Segment, Split, UsageBasis } from '../../shared/formats/model';
import type { SimulationResult } from '../../shared/engine/result';
import { formatPct } from '../../shared/locale/numbers';
import { GemeenteChart } from '../charts/GemeenteChart';
import { OVERSCHOT_COLOR, TEKORT_COLOR } from '../charts/palette';
import { ChartFrame } from '../components/ChartFrame';
import { NumberField, SelectField } from '../components/fields';
import { AmountScope } from '../components/money';
import { useCurrentResult } from '../hooks';
import { setSplit, setUsageShare } from '../lib/edits/model';
import { useCurrent, useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { TableTools } from '../components/TableTools';
import { type Metric, METRICS, GemeenteTable } from '../components/GemeenteTable';
import { GemeentenEditor } from '../components/GemeentenEditor';

export function PerGemeente() {
  const current = useCurrent();
  const result = useCurrentResult();
  const yearChoice = useUi((s) => s.gemeenteYear);
  const [metric, setMetric] = useState<Metric>('balance');
  const yearId = useId();
  if (!current || !result) return null;
  const year =
    yearChoice !== undefined && result.years.includes(yearChoice) ? yearChoice : result.years[result.years.length - 1]!;
  return (
    <div className="view per-gemeente">
      <header className="view-head">
        <h1>Per gemeente</h1>
        <p className="lead">
          De lasten worden per regel verdeeld met de verdeelsleutel hieronder. De Rijksmiddelen: in gerealiseerde jaren
          het eigen bedrag van elke gemeente, daarna haar laatst gerealiseerde bedrag geïndexeerd; zonder realisatie
          naar het aandeel per gemeente. De gemeenten tellen precies op tot de regio.
        </p>
      </header>
      <div className="row">
        <div className="field inline">
          <label htmlFor={yearId}>Jaar voor de grafiek</label>
          <select id={yearId} value={year} onChange={(e) => useUi.getState().setGemeenteYear(Number(e.target.value))}>
            {result.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ChartFrame
        title={`Saldo per gemeente ${year}`}
        legend={[
          { label: 'tekort', color: TEKORT_COLOR },
          { label: 'overschot', color: OVERSCHOT_COLOR },
        ]}
        chart={<GemeenteChart result={result} year={year} />}
        table={<GemeenteTable result={result} metric="balance" />}
      />
      <section className="card" aria-labelledby="gem-table-h">
        <div className="chart-head">
          <h2 id="gem-table-h">{METRICS.find((m) => m.value === metric)!.label} per gemeente per jaar</h2>
          <SelectField label="Toon" value={metric} options={METRICS} onChange={setMetric} testId="gemeente-metric" />
        </div>
        <TableTools label="Tabel per gemeente" />
        <AmountScope>
          <GemeenteTable result={result} metric={metric} />
        </AmountScope>
      </section>
      <GemeentenEditor model={current.model} result={result} />
      <VerdeelsleutelEditor model={current.model} result={result} />
    </div>
  );
}

type SplitKind = 'solidarity' | 'usage-previous-year' | 'usage-average-3' | 'usage' | 'mix';
const SPLIT_OPTIONS: { value: SplitKind; label: string }[] = [
  { value: 'solidarity', label: 'Solidariteit (naar jeugdigen)' },
  { value: 'usage-previous-year', label: 'Gebruik vorig jaar (realisatie)' },
  { value: 'usage-average-3', label: 'Gebruik gemiddeld 3 jaar (realisatie)' },
  { value: 'usage', label: 'Gebruik, vast aandeel (zelf invullen)' },
  { value: 'mix', label: 'Mix solidariteit/gebruik' },
];
const USAGE_OPTIONS: { value: UsageBasis; label: string }[] = [
  { value: 'previous-year', label: 'Gebruik vorig jaar (realisatie)' },
  { value: 'average-3', label: 'Gebruik gemiddeld 3 jaar (realisatie)' },
  { value: 'fixed', label: 'Vast aandeel (zelf invullen)' },
];

function splitKind(split: Split | undefined): SplitKind {
  if (split === undefined) return 'solidarity';
  return typeof split === 'object' ? 'mix' : split;
}

/** The use a key follows: 'fixed' = the typed usageShare; undefined for pure solidarity. */
function usageBasis(split: Split | undefined): UsageBasis | undefined {
  if (split === undefined || split === 'solidarity') return undefined;
  if (split === 'usage') return 'fixed';
  if (split === 'usage-previous-year') return 'previous-year';
  if (split === 'usage-average-3') return 'average-3';
  return split.usage ?? 'fixed';
}

function VerdeelsleutelEditor({ model, result }: { model: Model; result: SimulationResult }) {
  const editModel = useData((s) => s.editModel);
  return (
    <section className="card" aria-labelledby="key-h">
      <h2 id="key-h">Verdeelsleutel per regel</h2>
      <p className="meta">
        Per regel: solidariteit (naar aantal jeugdigen), naar gebruik — berekend uit de realisatie per gemeente (vorig
        jaar of gemiddeld over de laatste drie realisatiejaren) of als vast aandeel dat u zelf invult (leeg = naar
        jeugdigen) — of een mix van solidariteit en gebruik. Ontbreekt de realisatie die een sleutel nodig heeft, dan
        staat bij de regel waarop is teruggevallen. De percentages per gemeente zijn de sleutel die nu wordt gebruikt.
      </p>
      <div className="table-scroll">
        <table className="data wrap-rows split-table" data-testid="verdeelsleutel">
          <thead>
            <tr>
              <th scope="col">Regel</th>
              <th scope="col">Verdeling</th>
              {model.gemeenten.map((g) => (
                <th key={g.id} scope="col" className="num">
                  {g.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.segments.map((seg, l) => (
              <SplitRow key={seg.id} seg={seg} index={l} model={model} result={result} editModel={editModel} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SplitRow({
  seg,
  index,
  model,
  result,
  editModel,
}: {
  seg: Segment;
  index: number;
  model: Model;
  result: SimulationResult;
  editModel: ReturnType<typeof useData.getState>['editModel'];
}) {
  const kind = splitKind(seg.split);
  const basis = usageBasis(seg.split);
  const typedUsage = basis === 'fixed';
  const line = result.lines[index];
  const solidarityPct = typeof seg.split === 'object' ? seg.split.solidarityPct : 50;
  return (
    <tr data-segment={seg.id}>
      <th scope="row">{seg.name}</th>
      <td>
        <SelectField
          label={`Verdeling ${seg.name}`}
          hideLabel
          value={kind}
          options={SPLIT_OPTIONS}
          testId={`split-${seg.id}`}
          onChange={(v) => {
            // a new mix follows the realised use of the last 3 years; an old mix keeps its own (typed) use
            const next: Split = v === 'mix' ? { solidarityPct: 50, usage: 'average-3' } : v;
            return editModel((m) => setSplit(m, seg.id, next));
          }}
        />
        {kind === 'mix' && typeof seg.split === 'object' ? (
          <>
            <NumberField
              label={`Solidariteitsdeel ${seg.name} (%)`}
              suffix="%"
              allowEmpty={false}
              value={seg.split.solidarityPct}
              path={`segments[${index}].split.solidarityPct`}
              onCommit={(v) => editModel((m) => setSplit(m, seg.id, mixSplit(v ?? 0, basis ?? 'fixed')))}
            />
            <SelectField
              label={`Gebruiksdeel ${seg.name}`}
              value={basis ?? 'fixed'}
              options={USAGE_OPTIONS}
              testId={`split-usage-${seg.id}`}
              onChange={(v) => editModel((m) => setSplit(m, seg.id, mixSplit(solidarityPct, v)))}
            />
          </>
        ) : null}
        {line?.splitBasis ? (
          <p className="meta" data-testid={`split-basis-${seg.id}`}>
            {line.splitBasis}
          </p>
        ) : null}
        {line?.splitNote ? (
          <p className="meta" role="note" data-testid={`split-note-${seg.id}`}>
            Terugval: {line.splitNote}
          </p>
        ) : null}
      </td>
      {model.gemeenten.map((g, k) => {
        const used = result.gemeenten[k]?.costShares[seg.id] ?? 0;
        return (
          <td key={g.id} className="num" data-gemeente={g.id}>
            {typedUsage ? (
              <NumberField
                label={`Gebruik ${seg.name} ${g.name} (%)`}
                hideLabel
                suffix="%"
                decimals={3}
                value={seg.usageShare?.[g.id] !== undefined ? seg.usageShare[g.id]! * 100 : undefined}
                path={`segments[${index}].usageShare.${g.id}`}
                onCommit={(v) =>
                  editModel((m) => setUsageShare(m, seg.id, g.id, v === undefined ? undefined : v / 100))
                }
              />
            ) : null}
            <span className="abs">{formatPct(100 * used, 2)}</span>
          </td>
        );
      })}
    </tr>
  );
}

/** A mix; the use basis 'fixed' is left out, as in files from before the realised-use keys. */
function mixSplit(solidarityPct: number, usage: UsageBasis): Split {
  return usage === 'fixed' ? { solidarityPct } : { solidarityPct, usage };
}
