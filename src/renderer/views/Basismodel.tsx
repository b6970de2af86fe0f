/**
 * Basismodel: the regional budget itself — segments with their base figures,
 * unit, price, taakveld and source; the Rijksmiddelen; the gemeenten. Every
 * edit is checked with parseModel before it is applied and then saved
 * automatically through models.save. "Bereken uit realisatie" fills inflow,
 * opening stock, duration and price from one realisation year (engine/calibrate).
 */
import { useId, useState } from 'react';
import type { Calibration, Model, Segment, VolumeSegment } from '../../shared/formats/model';
import { TAAKVELDEN, TAAKVELD_CODES } from '../../shared/domain/taakvelden';
import { calibrate, type CalibrationResult } from '../../shared/engine/calibrate';
import { formatEuro, formatEuroCents, formatNumber, parseDutchNumber } from '../../shared/locale/numbers';
import { Dialog } from '../components/Dialog';
import { NumberField, SelectField, TextField, pickIssue } from '../components/fields';
import { SourceNote } from '../components/money';
import { citeSource } from '../../shared/domain/sources';
import { PlausibilityList } from '../components/Plausibility';
import { useCurrentResult, usePlausibility } from '../hooks';
import { addBudgetSegment, addVolumeSegment, removeSegment, setSegmentField } from '../lib/edits/model';
import { setYearValue, stripSegment } from '../lib/edits/scenario';
import { useCurrent, useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { GemeentenEditor } from '../components/GemeentenEditor';
import { KnownChangesEditor } from './basismodel/KnownChangesEditor';
import { useRealisatieImport } from '../lib/realisatieImport';

export function Basismodel() {
  const current = useCurrent();
  const result = useCurrentResult();
  const selected = useUi((s) => s.selectedSegmentId);
  const editModel = useData((s) => s.editModel);
  if (!current || !result) return null;
  const { model } = current;
  const segment = model.segments.find((s) => s.id === selected) ?? model.segments[0]!;

  function add(kind: 'volume' | 'budget') {
    let newId: string | undefined;
    const issues = editModel((m) => {
      const next = kind === 'volume' ? addVolumeSegment(m, 'Nieuw segment') : addBudgetSegment(m, 'Nieuwe budgetregel');
      newId = next.segments[next.segments.length - 1]!.id;
      return next;
    });
    if (issues.length > 0)
      useUi.getState().notify({ kind: 'error', message: 'Segment kon niet worden toegevoegd', issues });
    else if (newId) useUi.getState().selectSegment(newId);
  }

  async function remove(seg: Segment) {
    if (model.segments.length <= 1) {
      useUi.getState().notify({ kind: 'error', message: 'Een model moet minstens één segment bevatten.' });
      return;
    }
    // load every scenario so their references to the segment can be removed too
    await useData.getState().ensureLoaded(useData.getState().scenarios.map((s) => s.id));
    const issues = useData.getState().editModel(
      (m) => removeSegment(m, seg.id),
      (s) =>
        s.assumptions[seg.id] || s.substitutions.some((r) => r.from === seg.id || r.to === seg.id)
          ? stripSegment(s, seg.id)
          : s,
    );
    if (issues.length > 0) {
      useUi.getState().notify({ kind: 'error', message: 'Segment kon niet worden verwijderd', issues });
      return;
    }
    // no "are you sure?": the removal is one step in the base model's undo history, offered right here
    useUi.getState().notify({
      kind: 'info',
      message: `Segment "${seg.name}" is verwijderd, met zijn aannames en substitutieregels in alle scenario's.`,
      action: { label: 'Ongedaan maken', run: () => useData.getState().undo() },
    });
  }

  return (
    <div className="view basismodel">
      <header className="view-head">
        <h1>Basismodel</h1>
        <p className="lead">
          De regionale begroting in het basisjaar {model.baseYear}: segmenten, basiscijfers en bronnen. Wijzigingen
          gelden voor alle scenario's en worden direct opgeslagen.
        </p>
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => useRealisatieImport.getState().show()}
            data-testid="realisatie-import-open"
          >
            Realisatie importeren (CSV/Excel)…
          </button>
        </p>
      </header>
      <PlausibilityList />
      <section className="card" aria-labelledby="model-h">
        <h2 id="model-h">Model</h2>
        <div className="row">
          <TextField
            label="Naam van het model"
            value={model.name}
            path="name"
            onCommit={(v) => editModel((m) => ({ ...m, name: v }))}
          />
          <p className="meta">
            Jaren {model.baseYear}–{model.endYear}
          </p>
        </div>
      </section>
      <div className="split-pane">
        <nav aria-label="Segmenten van het model" className="segment-list">
          <ul>
            {model.segments.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  aria-current={s.id === segment.id ? 'true' : undefined}
                  onClick={() => useUi.getState().selectSegment(s.id)}
                  data-testid={`bm-seg-${s.id}`}
                >
                  <span>{s.name}</span>
                  {s.estimate ? <span className="badge estimate">schatting</span> : null}
                </button>
              </li>
            ))}
          </ul>
          <div className="row" style={{ marginTop: '0.5rem' }}>
            <button type="button" className="small" onClick={() => add('volume')}>
              Volumesegment toevoegen
            </button>
            <button type="button" className="small secondary" onClick={() => add('budget')}>
              Budgetregel toevoegen
            </button>
          </div>
        </nav>
        <SegmentEditor
          key={segment.id}
          model={model}
          segment={segment}
          onRemove={() => void remove(segment)}
          baseCost={result.lines.find((l) => l.id === segment.id)?.years[0]?.cost ?? 0}
        />
      </div>
      <FundingEditor model={model} />
      <GemeentenEditor model={model} result={result} />
      <KnownChangesEditor model={model} />
    </div>
  );
}

function SegmentEditor({
  model,
  segment,
  onRemove,
  baseCost,
}: {
  model: Model;
  segment: Segment;
  onRemove: () => void;
  baseCost: number;
}) {
  const editModel = useData((s) => s.editModel);
  const [calOpen, setCalOpen] = useState(false);
  const index = model.segments.findIndex((s) => s.id === segment.id);
  const p = `segments[${index}]`;
  const set = (key: string, value: unknown) => editModel((m) => setSegmentField(m, segment.id, key, value));
  const { warnings, accept } = usePlausibility();
  /** the plausibility warning of a figure of this segment, for beside its field */
  const warn = (field: string) => {
    const w = warnings.find((x) => x.path === `${p}.${field}`);
    return w ? { warning: w.message, onAcceptWarning: () => accept(w.key) } : {};
  };
  const taakveldOptions = [
    { value: '', label: '— geen —' },
    ...TAAKVELD_CODES.map((c) => ({ value: c, label: `${c} ${TAAKVELDEN[c]}` })),
  ];

  return (
    <section className="card" aria-labelledby="bm-seg-h" data-testid="segment-editor">
      <div className="chart-head">
        <h2 id="bm-seg-h">{segment.name}</h2>
        <div className="row">
          {segment.kind === 'volume' ? (
            <button type="button" className="small" onClick={() => setCalOpen(true)}>
              Bereken uit realisatie…
            </button>
          ) : null}
          <button type="button" className="danger small" onClick={onRemove}>
            Segment verwijderen
          </button>
        </div>
      </div>
      <p className="meta">
        id: <code>{segment.id}</code> · {segment.kind === 'volume' ? 'volumesegment' : 'budgetregel'} · lasten{' '}
        {model.baseYear}: {formatEuro(baseCost)} · <SourceNote source={segment.source} estimate={segment.estimate} />
      </p>
      <div className="row">
        <TextField
          label="Naam"
          value={segment.name}
          path={`${p}.name`}
          onCommit={(v) => set('name', v)}
          testId="bm-name"
        />
        <TextField
          label="Groep (optioneel)"
          value={segment.group ?? ''}
          path={`${p}.group`}
          onCommit={(v) => set('group', v === '' ? undefined : v)}
        />
        <SelectField
          label="Taakveld (Iv3)"
          value={segment.taakveld ?? ''}
          options={taakveldOptions}
          path={`${p}.taakveld`}
          onChange={(v) => set('taakveld', v === '' ? undefined : v)}
        />
      </div>
      {segment.kind === 'volume' ? (
        <div className="row">
          <NumberField
            label="Instroom per jaar"
            allowEmpty={false}
            value={segment.inflowPerYear}
            path={`${p}.inflowPerYear`}
            onCommit={(v) => set('inflowPerYear', v)}
            testId="bm-inflow"
            {...warn('inflowPerYear')}
          />
          <NumberField
            label="Gem. trajectduur (maanden)"
            allowEmpty={false}
            value={segment.avgDurationMonths}
            path={`${p}.avgDurationMonths`}
            onCommit={(v) => set('avgDurationMonths', v)}
            testId="bm-duration"
          />
          <NumberField
            label="Eenheden per cliëntmaand"
            placeholder="1"
            value={segment.unitsPerClientMonth}
            path={`${p}.unitsPerClientMonth`}
            onCommit={(v) => set('unitsPerClientMonth', v)}
          />
          <TextField label="Eenheid" value={segment.unit} path={`${p}.unit`} onCommit={(v) => set('unit', v)} />
          <NumberField
            label="Prijs per eenheid (€)"
            allowEmpty={false}
            value={segment.pricePerUnit}
            path={`${p}.pricePerUnit`}
            onCommit={(v) => set('pricePerUnit', v)}
            testId="bm-price"
            {...warn('pricePerUnit')}
          />
          <NumberField
            label="Cliënten op 1 januari"
            placeholder="evenwicht"
            value={segment.openingClients}
            path={`${p}.openingClients`}
            onCommit={(v) => set('openingClients', v)}
            hint="leeg = evenwicht (instroom × duur / 12)"
          />
        </div>
      ) : (
        <div className="row">
          <NumberField
            label={`Bedrag ${model.baseYear} (€)`}
            allowEmpty={false}
            decimals={2}
            value={segment.amount}
            path={`${p}.amount`}
            onCommit={(v) => set('amount', v)}
            testId="bm-amount"
            {...warn('amount')}
          />
        </div>
      )}
      <div className="row">
        <TextField
          label="Bron van de basiscijfers"
          value={citeSource(segment.source ?? '')}
          path={`${p}.source`}
          onCommit={(v) => set('source', v === '' ? undefined : v)}
          className="wide"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={segment.estimate === true}
            onChange={(e) => void set('estimate', e.target.checked ? true : undefined)}
          />
          Dit is een schatting
        </label>
      </div>
      <TextField
        label="Notitie"
        value={segment.note ?? ''}
        multiline
        path={`${p}.note`}
        onCommit={(v) => set('note', v === '' ? undefined : v)}
      />
      {segment.kind === 'volume' && segment.calibration ? (
        <p className="meta" data-testid="calibration-note">
          Berekend uit realisatie {segment.calibration.year}: {formatNumber(segment.calibration.clients, 0)} jeugdigen,
          omzet {formatEuro(segment.calibration.turnover)}
          {segment.calibration.durationMonths !== undefined
            ? `, duur ${formatNumber(segment.calibration.durationMonths, 1)} mnd`
            : ''}
          {segment.calibration.avgDaysPerClient !== undefined
            ? `, ${formatNumber(segment.calibration.avgDaysPerClient, 1)} dagen per jeugdige`
            : ''}
          {segment.calibration.source ? ` (bron: ${citeSource(segment.calibration.source)})` : ''}.
        </p>
      ) : null}
      {segment.kind === 'volume' ? (
        <CalibrationDialog open={calOpen} onClose={() => setCalOpen(false)} model={model} segment={segment} />
      ) : null}
    </section>
  );
}

interface CalForm {
  year: string;
  clients: string;
  turnover: string;
  mode: 'duration' | 'days';
  duration: string;
  days: string;
  source: string;
}

function CalibrationDialog({
  open,
  onClose,
  model,
  segment,
}: {
  open: boolean;
  onClose: () => void;
  model: Model;
  segment: VolumeSegment;
}) {
  const editModel = useData((s) => s.editModel);
  const ids = {
    year: useId(),
    clients: useId(),
    turnover: useId(),
    duration: useId(),
    days: useId(),
    source: useId(),
    msg: useId(),
  };
  const [f, setF] = useState<CalForm>({
    year: String(model.baseYear - 1),
    clients: '',
    turnover: '',
    mode: 'duration',
    duration: String(formatNumber(segment.avgDurationMonths, 1)),
    days: '',
    source: '',
  });
  const [applyError, setApplyError] = useState<string | undefined>();

  const parsed = (() => {
    const year = parseDutchNumber(f.year);
    const clients = parseDutchNumber(f.clients);
    const turnover = parseDutchNumber(f.turnover);
    const second = parseDutchNumber(f.mode === 'duration' ? f.duration : f.days);
    if (f.clients.trim() === '' || f.turnover.trim() === '')
      return { error: 'Vul het aantal jeugdigen en de omzet in.' };
    if (year === undefined || !Number.isInteger(year))
      return { error: `jaar: ${JSON.stringify(f.year)} is geen jaartal` };
    if (clients === undefined) return { error: `aantal jeugdigen: ${JSON.stringify(f.clients)} is geen getal` };
    if (turnover === undefined) return { error: `omzet: ${JSON.stringify(f.turnover)} is geen getal` };
    if (second === undefined)
      return {
        error:
          f.mode === 'duration'
            ? `duur: ${JSON.stringify(f.duration)} is geen getal`
            : `dagen per jeugdige: ${JSON.stringify(f.days)} is geen getal`,
      };
    const input = {
      clients,
      turnover,
      ...(f.mode === 'duration' ? { durationMonths: second } : { avgDaysPerClient: second }),
    };
    try {
      return { year, input, result: calibrate(input) as CalibrationResult };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  })();

  function apply() {
    if (!('result' in parsed) || !parsed.result) return;
    const r = parsed.result;
    const calibration: Calibration = {
      year: parsed.year,
      ...parsed.input,
      ...(f.source.trim() ? { source: f.source.trim() } : {}),
    };
    const units = segment.unitsPerClientMonth ?? 1;
    const issues = editModel((m) => ({
      ...m,
      segments: m.segments.map((s) =>
        s.id === segment.id && s.kind === 'volume'
          ? {
              ...s,
              inflowPerYear: r.inflowPerYear,
              openingClients: r.openingClients,
              avgDurationMonths: r.avgDurationMonths,
              pricePerUnit: r.pricePerClientMonth / units,
              calibration,
            }
          : s,
      ),
    }));
    if (issues.length > 0) setApplyError(pickIssue(issues));
    else onClose();
  }

  const upd = (k: keyof CalForm) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <Dialog title={`Bereken uit realisatie: ${segment.name}`} open={open} onClose={onClose}>
      <p>
        Uit één realisatiejaar (evenwicht verondersteld) volgen instroom, cliënten op 1 januari, trajectduur en prijs,
        zodat de lasten van dat jaar gelijk zijn aan de omzet.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.year}>Realisatiejaar</label>
          <input id={ids.year} value={f.year} onChange={upd('year')} inputMode="numeric" />
        </div>
        <div className="field">
          <label htmlFor={ids.clients}>Aantal jeugdigen (uniek)</label>
          <input
            id={ids.clients}
            value={f.clients}
            onChange={upd('clients')}
            inputMode="decimal"
            data-testid="cal-clients"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.turnover}>Omzet (€)</label>
          <input
            id={ids.turnover}
            value={f.turnover}
            onChange={upd('turnover')}
            inputMode="decimal"
            data-testid="cal-turnover"
          />
        </div>
      </div>
      <fieldset>
        <legend>Duur</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="calmode"
            checked={f.mode === 'duration'}
            onChange={() => setF({ ...f, mode: 'duration' })}
          />{' '}
          gemiddelde trajectduur
        </label>{' '}
        <label className="checkbox">
          <input
            type="radio"
            name="calmode"
            checked={f.mode === 'days'}
            onChange={() => setF({ ...f, mode: 'days' })}
          />{' '}
          dagen zorg per jeugdige in het jaar
        </label>
        <div className="row">
          {f.mode === 'duration' ? (
            <div className="field">
              <label htmlFor={ids.duration}>Trajectduur (maanden)</label>
              <input
                id={ids.duration}
                value={f.duration}
                onChange={upd('duration')}
                inputMode="decimal"
                data-testid="cal-duration"
              />
            </div>
          ) : (
            <div className="field">
              <label htmlFor={ids.days}>Dagen per jeugdige</label>
              <input id={ids.days} value={f.days} onChange={upd('days')} inputMode="decimal" />
            </div>
          )}
          <div className="field text-field">
            <label htmlFor={ids.source}>Bron (bijv. jaarrekening 2023)</label>
            <input id={ids.source} value={f.source} onChange={upd('source')} />
          </div>
        </div>
      </fieldset>
      <div id={ids.msg} aria-live="polite">
        {'error' in parsed ? (
          <p className="field-error">{parsed.error}</p>
        ) : parsed.result ? (
          <table className="data" data-testid="cal-preview">
            <tbody>
              <tr>
                <th scope="row">Instroom per jaar</th>
                <td className="num">{formatNumber(parsed.result.inflowPerYear, 1)}</td>
              </tr>
              <tr>
                <th scope="row">Cliënten op 1 januari</th>
                <td className="num">{formatNumber(parsed.result.openingClients, 1)}</td>
              </tr>
              <tr>
                <th scope="row">Trajectduur</th>
                <td className="num">{formatNumber(parsed.result.avgDurationMonths, 1)} mnd</td>
              </tr>
              <tr>
                <th scope="row">Prijs per cliëntmaand</th>
                <td className="num">{formatEuroCents(parsed.result.pricePerClientMonth)}</td>
              </tr>
            </tbody>
          </table>
        ) : null}
        {applyError ? <p className="field-error">{applyError}</p> : null}
      </div>
      <button type="button" onClick={apply} disabled={!('result' in parsed)}>
        Toepassen op {segment.name}
      </button>
    </Dialog>
  );
}

function FundingEditor({ model }: { model: Model }) {
  const editModel = useData((s) => s.editModel);
  const years: number[] = [];
  for (let y = model.baseYear + 1; y <= model.endYear; y++) years.push(y);
  return (
    <section className="card" aria-labelledby="bm-funding-h">
      <h2 id="bm-funding-h">Rijksmiddelen in het model</h2>
      <div className="row">
        <NumberField
          label={`Rijksmiddelen ${model.baseYear} (€)`}
          allowEmpty={false}
          decimals={2}
          value={model.funding.baseAmount}
          path="funding.baseAmount"
          onCommit={(v) => editModel((m) => ({ ...m, funding: { ...m.funding, baseAmount: v ?? 0 } }))}
          testId="bm-funding-base"
        />
        <TextField
          label="Bron"
          className="wide"
          value={citeSource(model.funding.source ?? '')}
          path="funding.source"
          onCommit={(v) =>
            editModel((m) => {
              const funding = { ...m.funding };
              if (v === '') delete funding.source;
              else funding.source = v;
              return { ...m, funding };
            })
          }
        />
      </div>
      <div className="row years-row">
        {years.map((y) => (
          <NumberField
            key={y}
            label={`Index ${y}`}
            suffix="%"
            value={model.funding.indexPct?.[String(y)]}
            path={`funding.indexPct.${y}`}
            onCommit={(v) =>
              editModel((m) => {
                const indexPct = setYearValue(m.funding.indexPct, y, v);
                const funding = { ...m.funding };
                if (indexPct) funding.indexPct = indexPct;
                else delete funding.indexPct;
                return { ...m, funding };
              })
            }
          />
        ))}
      </div>
    </section>
  );
}
