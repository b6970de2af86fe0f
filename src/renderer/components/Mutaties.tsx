/**
 * Mutatieoverzicht ("waar komt het verschil vandaan?"): the open scenario against a reference — the
 * vastgestelde begroting (a version marked vastgesteld) by default, else Ongewijzigd beleid, or any other
 * scenario of the model — per year split into basismodel, prijs, volume, beleid and Rijk
 * (shared/analysis/mutaties.ts). The table is the accessible form of the waterfall.
 */
import { Fragment, useEffect, useId, useMemo, useState } from 'react';
import {
  CATEGORY_LABELS,
  categoryTotals,
  effectiveLines,
  mutatieOverzicht,
  type CentsByYear,
  type MutatieCategory,
  type MutatieOverzicht,
} from '../../shared/analysis/mutaties';
import { WaterfallChart, type WaterfallStep } from '../charts/WaterfallChart';
import { useCurrent, useData } from '../stores/data';
import { useMutaties, type MutatieChoice } from '../stores/mutaties';
import { formatTimestamp } from '../../shared/locale/dates';
import { AmountScope, CostDelta, Euro, Saldo } from './money';
import { TableTools } from './TableTools';
import { YearHeadRow } from './tables';

export type MutatieField = keyof CentsByYear;

const FIELD_LABELS: Record<MutatieField, string> = { saldo: 'saldo', lasten: 'lasten', baten: 'baten' };
const LEVEL_LABELS: Record<MutatieField, string> = { saldo: 'Saldo', lasten: 'Lasten', baten: 'Baten' };
const SHORT: Record<MutatieCategory, string> = {
  basismodel: 'Basismodel',
  prijs: 'Prijs',
  volume: 'Volume',
  beleid: 'Beleid',
  rijk: 'Rijk',
  overig: 'Overig',
};
/** The categories every overzicht shows (with € 0 when nothing changed); 'overig' only when it has lines. */
const MAIN: MutatieCategory[] = ['basismodel', 'prijs', 'volume', 'beleid', 'rijk'];

export interface MutatieView {
  overzicht?: MutatieOverzicht;
  referenceName: string;
  targetName: string;
  choice: MutatieChoice | undefined;
  options: { value: string; label: string }[];
  choose(value: string): void;
}

function versionLabel(v: { note?: string; createdAt: string; scenarioName: string }): string {
  const when = Number.isNaN(Date.parse(v.createdAt)) ? v.createdAt : formatTimestamp(new Date(v.createdAt));
  return `Vastgestelde begroting (${v.note ? `${v.note}, ` : ''}${v.scenarioName}, ${when})`;
}

/** The overzicht of the open scenario against the chosen (or default) reference; recomputed on every edit. */
export function useMutatieOverzicht(): MutatieView {
  const current = useCurrent();
  const modelId = useData((s) => s.modelRecord?.id);
  const scenarios = useData((s) => s.scenarios);
  const working = useData((s) => s.working);
  const vastgesteld = useMutaties((s) => s.vastgesteld);
  const chosen = useMutaties((s) => s.choice);

  useEffect(() => {
    if (modelId !== undefined) void useMutaties.getState().load(modelId);
  }, [modelId]);

  const fallback = scenarios.find((s) => s.id !== current?.id && /^ongewijzigd beleid/i.test(s.name))?.id;
  const choice: MutatieChoice | undefined =
    chosen === 'vastgesteld' && !vastgesteld ? fallback : (chosen ?? (vastgesteld ? 'vastgesteld' : fallback));
  const refId = typeof choice === 'number' ? choice : undefined;
  useEffect(() => {
    if (refId !== undefined) void useData.getState().ensureLoaded([refId]);
  }, [refId]);

  const model = current?.model;
  const scenario = current?.scenario;
  const refScenario = refId !== undefined ? working[refId] : undefined;
  const overzicht = useMemo(() => {
    if (!model || !scenario) return undefined;
    if (choice === 'vastgesteld' && vastgesteld)
      return mutatieOverzicht(
        { model: vastgesteld.model, scenario: vastgesteld.scenario, result: vastgesteld.result },
        { model, scenario },
      );
    if (refScenario) return mutatieOverzicht({ model, scenario: refScenario }, { model, scenario });
    return undefined;
  }, [model, scenario, choice, vastgesteld, refScenario]);

  const options = [
    ...(vastgesteld ? [{ value: 'vastgesteld', label: versionLabel(vastgesteld) }] : []),
    ...scenarios.filter((s) => s.id !== current?.id).map((s) => ({ value: String(s.id), label: `Scenario ${s.name}` })),
  ];
  const referenceName =
    choice === 'vastgesteld' && vastgesteld
      ? versionLabel(vastgesteld)
      : refId !== undefined
        ? `scenario ${scenarios.find((s) => s.id === refId)?.name ?? ''}`
        : '';
  return {
    ...(overzicht ? { overzicht } : {}),
    referenceName,
    targetName: current?.scenario.name ?? '',
    choice,
    options,
    choose: (value) => useMutaties.getState().choose(value === 'vastgesteld' ? 'vastgesteld' : Number(value)),
  };
}

/** Category totals of the saldo in one year, from the reference's saldo to the scenario's (euro). */
export function waterfallSteps(o: MutatieOverzicht, yearIndex: number, referenceLabel: string): WaterfallStep[] {
  const steps: WaterfallStep[] = [{ label: referenceLabel, value: o.reference.saldo[yearIndex]! / 100, kind: 'total' }];
  for (const c of categoryTotals(o)) {
    const v = c.saldo[yearIndex]!;
    if (v !== 0 || MAIN.includes(c.category)) steps.push({ label: SHORT[c.category], value: v / 100, kind: 'delta' });
  }
  steps.push({ label: 'Scenario', value: o.target.saldo[yearIndex]! / 100, kind: 'total' });
  return steps;
}

function Amount({ cents, field, delta }: { cents: number; field: MutatieField; delta?: boolean }) {
  const value = cents / 100;
  if (field === 'saldo') return <Saldo value={value} />;
  if (field === 'lasten' && delta) return <CostDelta value={value} />;
  return <Euro value={value} />;
}

/** The table per year × component, with category subtotals; `compact`: the category rows only (slide). */
export function MutatiesTable({
  overzicht: o,
  field,
  referenceName,
  targetName,
  compact,
}: {
  overzicht: MutatieOverzicht;
  field: MutatieField;
  referenceName: string;
  targetName: string;
  compact?: boolean;
}) {
  const lines = effectiveLines(o);
  const totals = categoryTotals(o);
  const cats = totals.filter((c) => MAIN.includes(c.category) || lines.some((l) => l.category === c.category));
  const row = (values: number[], delta: boolean) =>
    values.map((v, k) => (
      <td key={o.years[k]} className="num">
        <Amount cents={v} field={field} delta={delta} />
      </td>
    ));
  return (
    <div className="table-scroll">
      <table className="data mutaties-table" data-testid="mutaties-table" data-field={field}>
        <caption className="sr-only">
          Mutatieoverzicht ({FIELD_LABELS[field]}): scenario {targetName} ten opzichte van {referenceName}
        </caption>
        <thead>
          <YearHeadRow label={`Mutatie (${FIELD_LABELS[field]})`} years={o.years} />
        </thead>
        <tbody>
          <tr className="ref" data-row="reference">
            <th scope="row">{LEVEL_LABELS[field]} referentie</th>
            {row(o.reference[field], false)}
          </tr>
          {cats.map((c) => (
            <Fragment key={c.category}>
              <tr className="subtotal" data-category={c.category}>
                <th scope="row">{CATEGORY_LABELS[c.category]}</th>
                {row(c[field], true)}
              </tr>
              {compact
                ? null
                : lines
                    .filter((l) => l.category === c.category)
                    .map((l) => (
                      <tr key={l.id} data-line={l.id}>
                        <th scope="row" className="indent">
                          {l.label}
                        </th>
                        {row(l[field], true)}
                      </tr>
                    ))}
            </Fragment>
          ))}
          <tr className="total" data-row="total">
            <th scope="row">Totaal mutaties</th>
            {row(o.total[field], true)}
          </tr>
          <tr className="total" data-row="target">
            <th scope="row">{LEVEL_LABELS[field]} scenario</th>
            {row(o.target[field], false)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The Mutaties panel (Vergelijken): reference chooser, waterfall for a chosen year, the table. */
export function MutatiesPanel() {
  const view = useMutatieOverzicht();
  const refId = useId();
  const fieldId = useId();
  const yearId = useId();
  const [field, setField] = useState<MutatieField>('saldo');
  const [year, setYear] = useState<number | undefined>();
  const o = view.overzicht;
  const yearIndex = o ? Math.max(0, year !== undefined ? o.years.indexOf(year) : o.years.length - 1) : 0;
  const shownYear = o?.years[yearIndex];
  return (
    <section className="card" aria-labelledby="mutaties-h" data-testid="mutaties">
      <h2 id="mutaties-h">Mutatieoverzicht: waar komt het verschil vandaan?</h2>
      <p className="meta">
        Het verschil tussen scenario "{view.targetName}" en de referentie, per jaar verdeeld over basismodel en
        realisatie, prijs, volume, beleid (elke maatregel apart) en Rijksmiddelen. De onderdelen worden één voor één van
        de referentie naar het scenario gezet, in die volgorde; ze tellen precies op tot het totale verschil.
      </p>
      <div className="row">
        <div className="field inline">
          <label htmlFor={refId}>Referentie</label>
          <select
            id={refId}
            value={view.choice === undefined ? '' : String(view.choice)}
            onChange={(e) => view.choose(e.target.value)}
            data-testid="mut-reference"
          >
            {view.choice === undefined ? <option value="">Kies een referentie</option> : null}
            {view.options.map((opt) => (
              <option key={opt.value} value={opt.value}>
                {opt.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field inline">
          <label htmlFor={fieldId}>Bedrag</label>
          <select
            id={fieldId}
            value={field}
            onChange={(e) => setField(e.target.value as MutatieField)}
            data-testid="mut-field"
          >
            <option value="saldo">Saldo</option>
            <option value="lasten">Lasten</option>
            <option value="baten">Baten (Rijksmiddelen)</option>
          </select>
        </div>
        {o ? (
          <div className="field inline">
            <label htmlFor={yearId}>Jaar van de waterval</label>
            <select
              id={yearId}
              value={shownYear}
              onChange={(e) => setYear(Number(e.target.value))}
              data-testid="mut-year"
            >
              {o.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {!o ? (
        <p role="status">
          {view.options.length === 0
            ? "Er is nog geen referentie: markeer een versie als vastgesteld (Scenario's) of maak een tweede scenario."
            : 'Kies een referentie.'}
        </p>
      ) : (
        <>
          <p data-testid="mut-heading">
            Scenario <strong>{view.targetName}</strong> ten opzichte van <strong>{view.referenceName}</strong>.{' '}
            {field === 'lasten'
              ? 'Meer lasten (rood, +) verlagen het saldo.'
              : 'Een positief verschil is voordelig, een negatief nadelig (rood).'}
          </p>
          <WaterfallChart
            steps={waterfallSteps(o, yearIndex, 'Referentie')}
            label={`Watervalgrafiek: saldo ${shownYear} van de referentie naar het scenario, per onderdeel. De tabel hieronder geeft dezelfde cijfers.`}
          />
          <TableTools label="Mutatieoverzicht" />
          <AmountScope>
            <MutatiesTable
              overzicht={o}
              field={field}
              referenceName={view.referenceName}
              targetName={view.targetName}
            />
          </AmountScope>
        </>
      )}
    </section>
  );
}
