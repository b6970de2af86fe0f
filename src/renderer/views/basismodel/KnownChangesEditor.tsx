/**
 * The model's bekende ontwikkelingen (woonplaatsbeginsel, landelijk tarief, …), editable in the Basismodel view:
 * name, side, kind, amounts per year (region; per gemeente where it has them), the formula's % and first year,
 * the range and the source; a change added or removed. Every edit goes through editModel (parseModel, the model's
 * undo history); scenarios switch the changes on (Rijksmiddelen view).
 */
import { useState } from 'react';
import type { KnownChange } from '../../../shared/formats/knownChanges';
import type { Model } from '../../../shared/formats/model';
import { NumberField, SelectField, TextField } from '../../components/fields';
import {
  addKnownChange,
  removeKnownChange,
  setKnownChangeAmount,
  setKnownChangeField,
  setKnownChangeFormula,
  setKnownChangeRange,
  stripKnownChange,
  updateKnownChange,
} from '../../lib/edits/knownChanges';
import { useData } from '../../stores/data';
import { useUi } from '../../stores/ui';

const SIDES = [
  { value: 'lasten', label: 'lasten' },
  { value: 'baten', label: 'baten' },
] as const;
const KINDS = [
  { value: 'structureel', label: 'structureel (loopt door na het laatste jaar)' },
  { value: 'incidenteel', label: 'incidenteel (alleen de genoemde jaren)' },
] as const;

export function KnownChangesEditor({ model }: { model: Model }) {
  const editModel = useData((s) => s.editModel);
  const changes = model.knownChanges ?? [];

  function add() {
    const issues = editModel((m) => addKnownChange(m, 'Nieuwe ontwikkeling').model);
    if (issues.length > 0)
      useUi.getState().notify({ kind: 'error', message: 'Ontwikkeling kon niet worden toegevoegd', issues });
  }

  async function remove(c: KnownChange) {
    // every scenario is loaded so its switch for this change goes too
    await useData.getState().ensureLoaded(useData.getState().scenarios.map((s) => s.id));
    const issues = useData.getState().editModel(
      (m) => removeKnownChange(m, c.id),
      (s) => stripKnownChange(s, c.id),
    );
    if (issues.length > 0) {
      useUi.getState().notify({ kind: 'error', message: 'Ontwikkeling kon niet worden verwijderd', issues });
      return;
    }
    useUi.getState().notify({
      kind: 'info',
      message: `Ontwikkeling "${c.name}" is verwijderd, ook uit de scenario's die haar aanzetten.`,
      action: { label: 'Ongedaan maken', run: () => useData.getState().undo() },
    });
  }

  return (
    <section className="card" aria-labelledby="bm-known-h">
      <h2 id="bm-known-h">Bekende ontwikkelingen</h2>
      <p className="meta">
        Ontwikkelingen die de begroting als eigen regel naast de indexatie raamt. Bedragen zijn het effect op de eigen
        kant (positief = meer lasten of meer baten), in euro per jaar. Structureel: het laatste bedrag geldt ook in
        latere jaren. Een scenario zet ze aan (Rijksmiddelen). Een leeg jaar telt niet mee.
      </p>
      {changes.length === 0 ? <p>Het model heeft geen bekende ontwikkelingen.</p> : null}
      {changes.map((c, i) => (
        <KnownChangeFields key={c.id} model={model} change={c} index={i} onRemove={() => void remove(c)} />
      ))}
      <div className="row">
        <button type="button" className="small" onClick={add} data-testid="kc-add">
          Ontwikkeling toevoegen
        </button>
      </div>
    </section>
  );
}

function KnownChangeFields({
  model,
  change: c,
  index,
  onRemove,
}: {
  model: Model;
  change: KnownChange;
  index: number;
  onRemove: () => void;
}) {
  const editModel = useData((s) => s.editModel);
  const p = `knownChanges[${index}]`;
  const set = (key: keyof KnownChange, value: unknown) => editModel((m) => setKnownChangeField(m, c.id, key, value));
  const years: number[] = [];
  for (let y = model.baseYear + 1; y <= model.endYear; y++) years.push(y);
  // gemeenten chosen here show their (still empty) years until a first amount makes them part of the change
  const [opened, setOpened] = useState<readonly string[]>([]);
  const gemeenten = model.gemeenten.filter((g) => c.perGemeente?.[g.id] !== undefined || opened.includes(g.id));
  const others = model.gemeenten.filter((g) => !gemeenten.includes(g));
  const headingId = `kc-${c.id}-h`;

  const amountRow = (gemeente: string | undefined, label: string) => {
    const series = gemeente === undefined ? c.amount : c.perGemeente?.[gemeente];
    const where = gemeente ?? 'regio';
    return (
      <div className="row years-row" role="group" aria-label={`${c.name}: bedragen ${label}`}>
        {years.map((y) => (
          <NumberField
            key={y}
            label={`${label} ${y} (€)`}
            decimals={2}
            value={series?.[String(y)]}
            path={gemeente === undefined ? `${p}.amount.${y}` : `${p}.perGemeente.${gemeente}.${y}`}
            draftKey={`kc:${c.id}:${where}:${y}`}
            onCommit={(v) =>
              editModel((m) => setKnownChangeAmount(m, c.id, gemeente, y, v), undefined, `kc:${c.id}:${where}:${y}`)
            }
            testId={`kc-${c.id}-amount-${where}-${y}`}
          />
        ))}
      </div>
    );
  };

  return (
    <fieldset className="known-change" aria-labelledby={headingId} data-testid={`kc-${c.id}`}>
      <h3 id={headingId}>{c.name}</h3>
      <div className="row">
        <TextField
          label="Naam"
          className="wide"
          value={c.name}
          path={`${p}.name`}
          onCommit={(v) => set('name', v)}
          testId={`kc-${c.id}-name`}
        />
        <SelectField
          label="Kant"
          value={c.side}
          options={SIDES}
          path={`${p}.side`}
          onChange={(v) => set('side', v)}
          testId={`kc-${c.id}-side`}
        />
        <SelectField
          label="Soort"
          value={c.kind}
          options={KINDS}
          path={`${p}.kind`}
          onChange={(v) => set('kind', v)}
          testId={`kc-${c.id}-kind`}
        />
      </div>
      {c.amount !== undefined || c.pctOfSegments === undefined ? amountRow(undefined, 'Regio') : null}
      {gemeenten.map((g) => (
        <div key={g.id}>{amountRow(g.id, g.name)}</div>
      ))}
      {others.length > 0 ? (
        <div className="row">
          <SelectField
            label="Bedragen voor een gemeente toevoegen"
            value=""
            placeholder="kies een gemeente…"
            options={others.map((g) => ({ value: g.id, label: g.name }))}
            onChange={(id) => setOpened((o) => [...o, id])}
            testId={`kc-${c.id}-add-gemeente`}
          />
        </div>
      ) : null}
      {c.pctOfSegments ? (
        <div className="row">
          <NumberField
            label={`Formule: % van de lasten van ${c.pctOfSegments.segments.length} segment(en)`}
            suffix="%"
            allowEmpty={false}
            value={c.pctOfSegments.pct}
            path={`${p}.pctOfSegments.pct`}
            onCommit={(v) => editModel((m) => setKnownChangeFormula(m, c.id, 'pct', v ?? 0))}
            hint={c.pctOfSegments.segments.map((id) => model.segments.find((s) => s.id === id)?.name ?? id).join(', ')}
            testId={`kc-${c.id}-pct`}
          />
          <NumberField
            label="Formule: vanaf jaar"
            decimals={0}
            allowEmpty={false}
            value={c.pctOfSegments.fromYear}
            path={`${p}.pctOfSegments.fromYear`}
            onCommit={(v) => editModel((m) => setKnownChangeFormula(m, c.id, 'fromYear', v ?? 0))}
            testId={`kc-${c.id}-from`}
          />
        </div>
      ) : null}
      <div className="row">
        <NumberField
          label="Bandbreedte laag (% van het bedrag)"
          suffix="%"
          value={c.range?.lowPct}
          path={`${p}.range.lowPct`}
          onCommit={(v) => editModel((m) => setKnownChangeRange(m, c.id, 'lowPct', v))}
          testId={`kc-${c.id}-low`}
        />
        <NumberField
          label="Bandbreedte hoog (% van het bedrag)"
          suffix="%"
          value={c.range?.highPct}
          path={`${p}.range.highPct`}
          onCommit={(v) => editModel((m) => setKnownChangeRange(m, c.id, 'highPct', v))}
          testId={`kc-${c.id}-high`}
        />
        {c.range ? (
          <TextField
            label="Waarom deze bandbreedte"
            className="wide"
            value={c.range.source ?? ''}
            path={`${p}.range.source`}
            onCommit={(v) =>
              editModel((m) =>
                updateKnownChange(m, c.id, (k) => {
                  if (!k.range) return k;
                  const range = { ...k.range };
                  if (v === '') delete range.source;
                  else range.source = v;
                  return { ...k, range };
                }),
              )
            }
            testId={`kc-${c.id}-range-source`}
          />
        ) : null}
      </div>
      <TextField
        label="Bron (document, tabel en jaar)"
        className="wide"
        multiline
        value={c.source}
        path={`${p}.source`}
        onCommit={(v) => set('source', v)}
        testId={`kc-${c.id}-source`}
      />
      <div className="row">
        <button type="button" className="small secondary" onClick={onRemove} data-testid={`kc-${c.id}-remove`}>
          Ontwikkeling verwijderen
        </button>
      </div>
    </fieldset>
  );
}
