/**
 * The Excel dialogs: "Exporteren naar Excel…" (begrotingsbijlage for 1–5
 * scenarios, region / one gemeente / all as a zip, euro or × € 1.000, optional
 * analysis sheets), "Sjabloon downloaden…" (empty or filled with the current
 * model) and "Importeren uit Excel…" (a filled-in template becomes a model; on
 * failure every cell-level issue is listed and nothing is saved). The work
 * happens in main (excel.* in shared/api); these dialogs only choose and carry.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  MAX_EXPORT_SCENARIOS,
  type ApiError,
  type ApiRequest,
  type ApiResult,
  type FileExport,
  type VersionSummary,
} from '../../shared/api';
import { defaultBegrotingsjaar, modelYears } from '../../shared/years';
import { formatDateTime } from '../../shared/locale/dates';
import { callResult } from '../api/call';
import { downloadExport } from '../lib/download';
import { useExcelDialog } from '../stores/excelDialog';
import { bytesToBase64, checkImportFile, importFailure, type ImportFailure } from '../lib/excelFiles';
import { useAnalysis } from '../stores/analysis';
import { useData } from '../stores/data';
import { useMutaties } from '../stores/mutaties';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';
import { FilePicker } from './FilePicker';
import { NumberField } from './fields';
import { JobProgressBox, useJobProgress } from './JobProgress';
import { CANCELLED_MESSAGE } from '../lib/jobProgress';

type Scope = 'region' | 'gemeente' | 'all';

/**
 * Busy / done / error state of a dialog that asks main for a file and saves it:
 * the export and the template dialog both run this same sequence. The request
 * gets a jobKey, so its progress and "Annuleren" show while it runs (job).
 */
function useFileDownload() {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const job = useJobProgress();
  async function download(produce: (jobKey: string) => Promise<ApiResult<FileExport>>): Promise<void> {
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    setCancelled(false);
    try {
      const result = await job.track(produce);
      if (!result.ok) {
        if (result.error.code === 'cancelled') setCancelled(true);
        else setError(result.error);
        return;
      }
      downloadExport(result.value);
      setDone(result.value.fileName);
    } finally {
      setBusy(false);
    }
  }
  return { busy, done, error, cancelled, job, download };
}

/** The cancel outcome: nothing was made or stored. Focused, so focus does not drop out of the dialog with the removed Annuleren button. */
function CancelledNote({ testId }: { testId: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p className="notice info" role="status" tabIndex={-1} ref={ref} data-testid={testId}>
      {CANCELLED_MESSAGE}
    </p>
  );
}

function ErrorBox({ error, testId }: { error: ApiError; testId: string }) {
  return (
    <div className="notice error excel-error" role="alert" data-testid={testId}>
      <p>{error.message.split('\n')[0]}</p>
      {error.issues && error.issues.length > 0 ? (
        <ul>
          {error.issues.map((i, k) => (
            <li key={k}>{i.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** 'scenario:12' / 'version:7' → the request's reference; '' → none. */
function parseReference(choice: string): ApiRequest<'excel.exportBijlage'>['reference'] {
  const m = /^(scenario|version):(\d+)$/.exec(choice);
  if (!m) return undefined;
  const id = Number(m[2]);
  return m[1] === 'scenario' ? { kind: 'scenario', scenarioId: id } : { kind: 'version', versionId: id };
}

function versionLabel(v: VersionSummary): string {
  const when = formatDateTime(new Date(v.createdAt));
  const kind = v.kind === 'manual' ? '' : v.kind === 'auto' ? ' (automatisch)' : ' (vóór terugzetten)';
  return `${when}${v.note ? ` — ${v.note}` : ''}${kind}`;
}

/** The saved versions of a scenario (newest first); none while loading or when it cannot be read. */
function useScenarioVersions(scenarioId: number | undefined): VersionSummary[] {
  const [state, setState] = useState<{ id: number; list: VersionSummary[] } | undefined>();
  useEffect(() => {
    if (scenarioId === undefined) return;
    let live = true;
    void callResult('versions.list', { scenarioId }).then((r) => {
      if (live && r.ok) setState({ id: scenarioId, list: r.value });
    });
    return () => {
      live = false;
    };
  }, [scenarioId]);
  return state && state.id === scenarioId ? state.list : [];
}

export function ExcelExportDialog() {
  const open = useExcelDialog((s) => s.open === 'export');
  const close = () => useExcelDialog.getState().close('export');
  return (
    <Dialog title="Exporteren naar Excel" open={open} onClose={close}>
      <ExportForm />
    </Dialog>
  );
}

/** Mounted only while the dialog is open, so each opening starts from the current scenario. */
function ExportForm() {
  const scenarios = useData((s) => s.scenarios);
  const currentId = useData((s) => s.currentId);
  const model = useData((s) => s.modelRecord);
  const [chosen, setChosen] = useState<number[]>(() => (currentId !== undefined ? [currentId] : []));
  const [scope, setScope] = useState<Scope>('region');
  const [gemeente, setGemeente] = useState<string>(() => model?.model.gemeenten[0]?.id ?? '');
  const [unit, setUnit] = useState<'euro' | 'thousand'>('euro');
  const [montecarlo, setMontecarlo] = useState(false);
  // the seed and draws shown in Analyse: the sheet Onzekerheid shows the very bands on screen
  const [draws, setDraws] = useState(() => Math.min(50_000, Math.max(100, useAnalysis.getState().draws)));
  const [seed, setSeed] = useState(() => useAnalysis.getState().seed);
  const [tornado, setTornado] = useState(false);
  // the sheet Mutaties: '' none, 'vastgesteld', or a scenario id; by default the vastgestelde begroting if any
  const vastgesteld = useMutaties((s) => (s.modelId === model?.id ? s.vastgesteld : undefined));
  const [mutatieRef, setMutatieRef] = useState<string | undefined>();
  const modelId = model?.id;
  useEffect(() => {
    if (modelId !== undefined) void useMutaties.getState().load(modelId);
  }, [modelId]);
  const mutaties = mutatieRef ?? (vastgesteld ? 'vastgesteld' : '');
  const { busy, done, error, cancelled, job, download } = useFileDownload();
  const name = useId();
  const mutatiesId = useId();
  const [begrotingsjaar, setBegrotingsjaar] = useState(() =>
    model ? defaultBegrotingsjaar(model.model, new Date()) : new Date().getFullYear() + 1,
  );
  // the V/N reference: '' none, 'scenario:<id>' or 'version:<id>'; undefined = not chosen yet (the default applies)
  const [referenceChoice, setReferenceChoice] = useState<string | undefined>();
  // versions of the first chosen scenario (in list order), for "vergelijken met een eerdere versie"
  const firstChosen = scenarios.map((s) => s.id).find((id) => chosen.includes(id));
  const versions = useScenarioVersions(firstChosen);
  if (!model) return null;
  const gemeenten = model.model.gemeenten;
  const years = modelYears(model.model);
  const firstName = scenarios.find((s) => s.id === firstChosen)?.name;
  // default: the vastgestelde version, else Ongewijzigd beleid when it is there and is not what is exported; otherwise no V/N
  const ongewijzigd = scenarios.find((s) => /ongewijzigd beleid/i.test(s.name) && !chosen.includes(s.id));
  // the vastgestelde begroting comes first when it is a version of the first chosen scenario
  const vastgesteldRef =
    vastgesteld && versions.some((v) => v.id === vastgesteld.id) ? `version:${vastgesteld.id}` : undefined;
  const chosenRef = referenceChoice ?? vastgesteldRef ?? (ongewijzigd ? `scenario:${ongewijzigd.id}` : '');
  // a choice that is no longer offered (its scenario is now exported, or the versions are another scenario's): none
  const offered = [
    ...scenarios.filter((s) => !chosen.includes(s.id)).map((s) => `scenario:${s.id}`),
    ...versions.map((v) => `version:${v.id}`),
  ];
  const reference = offered.includes(chosenRef) ? chosenRef : '';
  const referenceRequest = parseReference(reference);

  function toggle(id: number, on: boolean) {
    setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  }

  async function run() {
    if (!model || chosen.length === 0) return;
    await download(async (jobKey) => {
      // the export reads the scenarios from the database: write pending edits first
      await useData.getState().flush();
      // in the order of the list, so "scenario 1" in the comparison sheet is the first one listed
      const ids = scenarios.map((s) => s.id).filter((id) => chosen.includes(id));
      const request: ApiRequest<'excel.exportBijlage'> = {
        modelId: model.id,
        scenarioIds: ids,
        scope: scope === 'gemeente' ? gemeente : scope,
        unit,
        begrotingsjaar,
        ...(referenceRequest ? { reference: referenceRequest } : {}),
        ...(montecarlo || tornado
          ? {
              analysis: { ...(montecarlo ? { montecarlo: { draws, seed } } : {}), ...(tornado ? { tornado: {} } : {}) },
            }
          : {}),
        ...(mutaties === 'vastgesteld' && vastgesteld
          ? { mutaties: { versionId: vastgesteld.id } }
          : mutaties !== '' && mutaties !== 'vastgesteld'
            ? { mutaties: { scenarioId: Number(mutaties) } }
            : {}),
        jobKey,
      };
      return callResult('excel.exportBijlage', request);
    });
  }

  const full = chosen.length >= MAX_EXPORT_SCENARIOS;
  return (
    <div className="excel-form" data-testid="excel-export">
      <p>
        Een begrotingsbijlage met Samenvatting, Per gemeente, Taakvelden, Aannames en Toelichting; totalen en saldi als
        formules, zodat elke som na te rekenen is.
      </p>
      <fieldset>
        <legend>Scenario's (1 tot {MAX_EXPORT_SCENARIOS})</legend>
        <ul className="check-list">
          {scenarios.map((s) => {
            const on = chosen.includes(s.id);
            return (
              <li key={s.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && full}
                    data-testid={`excel-scenario-${s.id}`}
                    onChange={(e) => toggle(s.id, e.target.checked)}
                  />
                  {s.name}
                  {s.id === currentId ? <span className="meta"> (huidig)</span> : null}
                </label>
              </li>
            );
          })}
        </ul>
        <p className="meta" aria-live="polite">
          {chosen.length === 0
            ? 'Kies minstens één scenario.'
            : full
              ? `${MAX_EXPORT_SCENARIOS} gekozen: meer past niet leesbaar op de bladen.`
              : `${chosen.length} gekozen${chosen.length > 1 ? '; het blad Scenariovergelijking vergelijkt ze met het eerste.' : '.'}`}
        </p>
      </fieldset>
      <fieldset>
        <legend>Bereik</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'region'}
            onChange={() => setScope('region')}
            data-testid="excel-scope-region"
          />
          De regio (één werkmap)
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'gemeente'}
            onChange={() => setScope('gemeente')}
            data-testid="excel-scope-gemeente"
          />
          Eén gemeente:
        </label>
        <select
          aria-label="Gemeente"
          value={gemeente}
          disabled={scope !== 'gemeente'}
          data-testid="excel-gemeente"
          onChange={(e) => setGemeente(e.target.value)}
        >
          {gemeenten.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-scope`}
            checked={scope === 'all'}
            onChange={() => setScope('all')}
            data-testid="excel-scope-all"
          />
          Alles: de regio en elke gemeente een eigen werkmap (zip)
        </label>
      </fieldset>
      <fieldset>
        <legend>Bedragen</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-unit`}
            checked={unit === 'euro'}
            onChange={() => setUnit('euro')}
            data-testid="excel-unit-euro"
          />
          In euro
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${name}-unit`}
            checked={unit === 'thousand'}
            onChange={() => setUnit('thousand')}
            data-testid="excel-unit-thousand"
          />
          In × € 1.000 (zoals in de begroting)
        </label>
      </fieldset>
      <fieldset>
        <legend>Meerjarenraming</legend>
        <label className="field">
          <span>Begrotingsjaar</span>
          <select
            value={begrotingsjaar}
            data-testid="excel-begrotingsjaar"
            onChange={(e) => setBegrotingsjaar(Number(e.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <p className="meta">
          Boven elk jaar staat realisatie (tot en met het laatste gerealiseerde jaar), begroting ({begrotingsjaar}) of
          raming.
        </p>
        <label className="field">
          <span>Vergelijken met (V/N: voordelig of nadelig voor het saldo)</span>
          <select value={reference} data-testid="excel-reference" onChange={(e) => setReferenceChoice(e.target.value)}>
            <option value="">Niet vergelijken</option>
            <optgroup label="Ander scenario">
              {scenarios
                .filter((s) => !chosen.includes(s.id))
                .map((s) => (
                  <option key={s.id} value={`scenario:${s.id}`}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
            {versions.length > 0 ? (
              <optgroup label={`Bewaarde versie van ${firstName ?? 'het scenario'}`}>
                {versions.map((v) => (
                  <option key={v.id} value={`version:${v.id}`}>
                    {versionLabel(v)}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Analyse (extra bladen)</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={montecarlo}
            onChange={(e) => setMontecarlo(e.target.checked)}
            data-testid="excel-montecarlo"
          />
          Onzekerheid (Monte Carlo)
        </label>
        {montecarlo ? (
          <div className="row indent">
            <NumberField
              label="Aantal trekkingen"
              decimals={0}
              allowEmpty={false}
              value={draws}
              testId="excel-draws"
              onCommit={(v) => {
                if (v === undefined || !Number.isInteger(v) || v < 100 || v > 50_000) {
                  return [
                    {
                      path: 'draws',
                      problem: '',
                      message: `Aantal trekkingen: ${String(v)} is geen heel getal van 100 tot 50.000`,
                    },
                  ];
                }
                setDraws(v);
                return [];
              }}
            />
            <NumberField
              label="Seed (zelfde seed = zelfde uitkomst)"
              decimals={0}
              allowEmpty={false}
              value={seed}
              testId="excel-seed"
              onCommit={(v) => {
                if (v === undefined || !Number.isInteger(v) || v < 0 || v > 0xffffffff) {
                  return [
                    {
                      path: 'seed',
                      problem: '',
                      message: `Seed: ${String(v)} is geen heel getal van 0 tot 4.294.967.295`,
                    },
                  ];
                }
                setSeed(v);
                return [];
              }}
            />
          </div>
        ) : null}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={tornado}
            onChange={(e) => setTornado(e.target.checked)}
            data-testid="excel-tornado"
          />
          Gevoeligheid (tornado)
        </label>
      </fieldset>
      <fieldset>
        <legend>Mutatieoverzicht (blad Mutaties)</legend>
        <div className="field inline">
          <label htmlFor={mutatiesId}>Referentie</label>
          <select
            id={mutatiesId}
            value={mutaties}
            onChange={(e) => setMutatieRef(e.target.value)}
            data-testid="excel-mutaties"
          >
            <option value="">Geen blad Mutaties</option>
            {vastgesteld ? (
              <option value="vastgesteld">
                Vastgestelde begroting ({vastgesteld.note ? `${vastgesteld.note}, ` : ''}
                {vastgesteld.scenarioName})
              </option>
            ) : null}
            {scenarios.map((s) => (
              <option key={s.id} value={String(s.id)}>
                Scenario {s.name}
              </option>
            ))}
          </select>
        </div>
        <p className="meta">
          Per gekozen scenario het verschil met de referentie, verdeeld over prijs, volume, beleid en Rijksmiddelen
          (alleen in de werkmap van de regio).
        </p>
      </fieldset>
      <div className="row">
        <button
          type="button"
          disabled={busy || chosen.length === 0}
          onClick={() => void run()}
          data-testid="excel-export-run"
        >
          {busy ? 'Bezig met exporteren…' : 'Exporteren'}
        </button>
      </div>
      {busy && job.view ? (
        <JobProgressBox
          view={job.view}
          cancelling={job.cancelling}
          onCancel={() => void job.cancel()}
          testId="excel-export-progress"
        />
      ) : null}
      <p aria-live="polite" data-testid="excel-export-status">
        {done ? `Gedownload: ${done}` : ''}
      </p>
      {cancelled ? <CancelledNote testId="excel-export-cancelled" /> : null}
      {error ? <ErrorBox error={error} testId="excel-export-error" /> : null}
    </div>
  );
}

export function ExcelTemplateDialog() {
  const open = useExcelDialog((s) => s.open === 'template');
  const close = () => useExcelDialog.getState().close('template');
  return (
    <Dialog title="Sjabloon downloaden" open={open} onClose={close}>
      <TemplateForm />
    </Dialog>
  );
}

function TemplateForm() {
  const model = useData((s) => s.modelRecord);
  const { busy, done, error, cancelled, job, download: downloadFile } = useFileDownload();
  async function download(filled: boolean) {
    await downloadFile(async (jobKey) => {
      if (filled) await useData.getState().flush();
      return callResult('excel.template', filled && model ? { modelId: model.id, jobKey } : { jobKey });
    });
  }
  return (
    <div className="excel-form" data-testid="excel-template">
      <p>
        Een Excel-werkmap in de vorm van het basismodel: segmenten met basiscijfers, eenheid, tarief, taakveld en bron;
        gemeenten met jeugdigen en aandeel; Rijksmiddelen. Op het eerste blad staat hoe u het invult. Ingevuld leest u
        het in met "Importeren uit Excel…"; het wordt een nieuw model.
      </p>
      <div className="row">
        <button
          type="button"
          disabled={busy || !model}
          onClick={() => void download(true)}
          data-testid="excel-template-filled"
        >
          Met het huidige model{model ? ` (${model.name})` : ''}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void download(false)}
          data-testid="excel-template-empty"
        >
          Leeg sjabloon
        </button>
      </div>
      <p aria-live="polite" data-testid="excel-template-status">
        {busy ? 'Bezig…' : done ? `Gedownload: ${done}` : ''}
      </p>
      {busy && job.view ? (
        <JobProgressBox
          view={job.view}
          cancelling={job.cancelling}
          onCancel={() => void job.cancel()}
          testId="excel-template-progress"
        />
      ) : null}
      {cancelled ? <CancelledNote testId="excel-template-cancelled" /> : null}
      {error ? <ErrorBox error={error} testId="excel-template-error" /> : null}
    </div>
  );
}

export function ExcelImportDialog() {
  const open = useExcelDialog((s) => s.open === 'import');
  const close = () => useExcelDialog.getState().close('import');
  return (
    <Dialog title="Importeren uit Excel" open={open} onClose={close}>
      <ImportForm />
    </Dialog>
  );
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'done'; modelName: string; notices: string[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; fileName: string; failure: ImportFailure };

function ImportForm() {
  const inputId = useId();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const job = useJobProgress();
  // focus the outcome, so a screen reader reads the list of problems right away
  const [outcomeRef, setOutcomeRef] = useState<HTMLElement | null>(null);
  useEffect(() => outcomeRef?.focus(), [outcomeRef]);

  async function importFile(file: File) {
    const refused = checkImportFile(file);
    if (refused) {
      setState({ kind: 'failed', fileName: file.name, failure: { summary: refused, issues: [], notices: [] } });
      return;
    }
    setState({ kind: 'busy', fileName: file.name });
    const content = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    await useData.getState().flush();
    const result = await job.track((jobKey) =>
      callResult('excel.importModel', { fileName: file.name, content, jobKey }),
    );
    if (!result.ok && result.error.code === 'cancelled') {
      setState({ kind: 'cancelled' });
      return;
    }
    if (!result.ok) {
      setState({ kind: 'failed', fileName: file.name, failure: importFailure(result.error) });
      return;
    }
    const { record, notices } = result.value;
    await useData.getState().replaceModelRecord(record);
    useUi.getState().notify({ kind: 'info', message: `Model "${record.name}" is uit Excel ingelezen en geopend.` });
    setState({ kind: 'done', modelName: record.name, notices });
  }

  return (
    <div className="excel-form" data-testid="excel-import">
      <p>
        Kies een ingevuld sjabloon (.xlsx). Het wordt volledig gecontroleerd; zolang er één fout in staat, wordt er
        niets opgeslagen en ziet u alle fouten tegelijk, met blad en cel. Gelukt, dan wordt het een nieuw model; het
        huidige model blijft bestaan.
      </p>
      <FilePicker
        label="Excel-bestand"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="excel-import-file"
        disabled={state.kind === 'busy'}
        onFile={(file) => void importFile(file)}
      />
      <p aria-live="polite">{state.kind === 'busy' ? `Bezig met ${state.fileName}…` : ''}</p>
      {state.kind === 'busy' && job.view ? (
        <JobProgressBox
          view={job.view}
          cancelling={job.cancelling}
          onCancel={() => void job.cancel()}
          testId="excel-import-progress"
        />
      ) : null}
      {state.kind === 'cancelled' ? <CancelledNote testId="excel-import-cancelled" /> : null}
      {state.kind === 'done' ? (
        <div className="notice info" role="status" tabIndex={-1} ref={setOutcomeRef} data-testid="excel-import-done">
          <p>
            Model <strong>{state.modelName}</strong> is ingelezen, opgeslagen en geopend.
          </p>
          {state.notices.length > 0 ? (
            <>
              <p>Meldingen bij het inlezen:</p>
              <ul data-testid="excel-import-notices">
                {state.notices.map((n, k) => (
                  <li key={k}>{n}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {state.kind === 'failed' ? (
        <div
          className="notice error excel-error"
          role="alert"
          tabIndex={-1}
          ref={setOutcomeRef}
          data-testid="excel-import-error"
          aria-labelledby={`${inputId}-fail`}
        >
          <p id={`${inputId}-fail`}>
            <strong>{state.fileName} is niet ingelezen; er is niets opgeslagen.</strong>
            {state.failure.issues.length > 0
              ? ` ${state.failure.issues.length} ${state.failure.issues.length === 1 ? 'fout' : 'fouten'}:`
              : ''}
          </p>
          {state.failure.issues.length > 0 ? (
            <ul className="issue-list" data-testid="excel-import-issues">
              {state.failure.issues.map((i, k) => (
                <li key={k}>{i.message}</li>
              ))}
            </ul>
          ) : (
            <p>{state.failure.summary}</p>
          )}
          {state.failure.notices.length > 0 ? (
            <>
              <p>Meldingen:</p>
              <ul>
                {state.failure.notices.map((n, k) => (
                  <li key={k}>{n}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The header's "Excel" button: a small menu with the three Excel actions (the
 * same as Bestand in the desktop menu). Esc or a click elsewhere closes it.
 */
export function ExcelMenuButton({
  run,
}: {
  run: (action: 'excel-export' | 'excel-template' | 'excel-import') => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  // keyboard users land on the first item; Esc brings them back to the button
  useEffect(() => {
    if (open) document.getElementById(id)?.querySelector('button')?.focus();
  }, [open, id]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!(e.target instanceof Node) || !document.getElementById(id)?.parentElement?.contains(e.target))
        setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, id]);
  const choose = (action: 'excel-export' | 'excel-template' | 'excel-import') => {
    setOpen(false);
    run(action);
  };
  return (
    <div
      className="menu-button"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          (e.currentTarget.querySelector('[aria-controls]') as HTMLButtonElement | null)?.focus();
        }
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="excel-menu"
        onClick={() => setOpen((o) => !o)}
      >
        Excel ▾
      </button>
      <ul id={id} className="menu-popup" hidden={!open}>
        <li>
          <button type="button" data-testid="excel-menu-export" onClick={() => choose('excel-export')}>
            Exporteren naar Excel…
          </button>
        </li>
        <li>
          <button type="button" data-testid="excel-menu-template" onClick={() => choose('excel-template')}>
            Sjabloon downloaden…
          </button>
        </li>
        <li>
          <button type="button" data-testid="excel-menu-import" onClick={() => choose('excel-import')}>
            Importeren uit Excel…
          </button>
        </li>
      </ul>
    </div>
  );
}

/** All three Excel dialogs, mounted once by the app. */
export function ExcelDialogs() {
  return (
    <>
      <ExcelExportDialog />
      <ExcelTemplateDialog />
      <ExcelImportDialog />
    </>
  );
}
