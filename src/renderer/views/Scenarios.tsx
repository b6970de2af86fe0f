/**
 * Scenario's: list, new, duplicate, rename, delete (with "Ongedaan maken"),
 * description, and the version history ("wat lag er in de commissie van 12
 * oktober?"): freeze a version with a note, view what it showed, restore it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { VersionRecord, VersionSummary } from '../../shared/api';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/fields';
import { Saldo, Euro } from '../components/money';
import { uniqueName } from '../menu';
import { call } from '../api/call';
import { useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { useMutaties } from '../stores/mutaties';
import { formatTimestamp } from '../../shared/locale/dates';
import { citeSource } from '../../shared/domain/sources';

const KIND_NL: Record<VersionSummary['kind'], string> = {
  manual: 'vastgelegd',
  auto: 'automatisch',
  'before-restore': 'vóór terugzetten',
};

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatTimestamp(d);
}

export function Scenarios() {
  const scenarios = useData((s) => s.scenarios);
  const currentId = useData((s) => s.currentId);
  const working = useData((s) => s.working);
  const current = currentId !== undefined ? working[currentId] : undefined;
  const data = useData.getState;

  async function remove(id: number, name: string) {
    await data().deleteScenario(id);
    useUi.getState().notify({
      kind: 'info',
      message: `Scenario "${name}" is verwijderd.`,
      action: { label: 'Ongedaan maken', run: () => void useData.getState().undeleteScenario(id) },
    });
  }

  return (
    <div className="view scenarios">
      <header className="view-head">
        <h1>Scenario's</h1>
        <p className="lead">
          Alles wordt automatisch opgeslagen. Leg een versie vast voordat u een scenario presenteert, zodat u later kunt
          terugzien wat er lag.
        </p>
      </header>
      <section className="card" aria-labelledby="list-h">
        <div className="chart-head">
          <h2 id="list-h">Scenario's van dit model</h2>
          <button
            type="button"
            onClick={() =>
              void data().createScenario(
                uniqueName(
                  'Nieuw scenario',
                  scenarios.map((s) => s.name),
                ),
              )
            }
          >
            Nieuw scenario
          </button>
        </div>
        <table className="data list-table" data-testid="scenario-list">
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Laatst gewijzigd</th>
              <th scope="col" className="num">
                Versies
              </th>
              <th scope="col">Acties</th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((s) => (
              <tr key={s.id} data-scenario={s.name} className={s.id === currentId ? 'ref' : undefined}>
                <th scope="row">
                  {s.name} {s.id === currentId ? <span className="badge changed">geopend</span> : null}
                </th>
                <td>{formatDateTime(s.updatedAt)}</td>
                <td className="num">{s.versionCount}</td>
                <td>
                  <div className="row">
                    {s.id !== currentId ? (
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => void data().selectScenario(s.id)}
                        aria-label={`Openen: ${s.name}`}
                      >
                        Openen
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Dupliceren: ${s.name}`}
                      onClick={() =>
                        void data().duplicateScenario(
                          s.id,
                          uniqueName(
                            `${s.name} (kopie)`,
                            scenarios.map((x) => x.name),
                          ),
                        )
                      }
                    >
                      Dupliceren
                    </button>
                    <button
                      type="button"
                      className="danger small"
                      aria-label={`Verwijderen: ${s.name}`}
                      onClick={() => void remove(s.id, s.name)}
                    >
                      Verwijderen
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {current && currentId !== undefined ? (
        <>
          <section className="card" aria-labelledby="details-h">
            <h2 id="details-h">Geopend scenario</h2>
            <TextField
              label="Naam"
              value={current.name}
              path="name"
              testId="scenario-name"
              onCommit={(v) => data().renameScenario(currentId, v)}
            />
            <TextField
              label="Toelichting en notities"
              multiline
              value={citeSource(current.description ?? '')}
              path="description"
              testId="scenario-description"
              onCommit={(v) => data().setDescription(currentId, v)}
            />
          </section>
          <Versions scenarioId={currentId} />
        </>
      ) : null}
    </div>
  );
}

function Versions({ scenarioId }: { scenarioId: number }) {
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [note, setNote] = useState('');
  const [shown, setShown] = useState<VersionRecord | undefined>();
  const [busy, setBusy] = useState(false);
  const modelId = useData((s) => s.modelRecord?.id);
  const vastgesteld = useMutaties((s) => (s.modelId === modelId ? s.vastgesteld : undefined));
  useEffect(() => {
    if (modelId !== undefined) void useMutaties.getState().load(modelId);
  }, [modelId]);

  const reload = useCallback(async () => {
    const list = await call('versions.list', { scenarioId });
    if (list) setVersions(list);
  }, [scenarioId]);
  useEffect(() => {
    setShown(undefined);
    void reload();
  }, [reload]);

  async function freeze() {
    setBusy(true);
    await useData.getState().flush();
    const v = await call('versions.create', { scenarioId, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (!v) return;
    setNote('');
    await reload();
    await useData.getState().reloadScenarios();
    useUi.getState().notify({ kind: 'info', message: `Versie vastgelegd${v.note ? `: ${v.note}` : ''}.` });
  }

  async function markVastgesteld(v: VersionSummary, on: boolean) {
    const updated = await call('versions.setVastgesteld', { id: v.id, vastgesteld: on });
    if (!updated) return;
    await reload();
    if (modelId !== undefined) await useMutaties.getState().load(modelId);
    const what = `Versie van ${formatDateTime(v.createdAt)}${v.note ? ` (${v.note})` : ''}`;
    useUi.getState().notify({
      kind: 'info',
      message: on
        ? `${what} is gemarkeerd als vastgestelde begroting. Het mutatieoverzicht (Vergelijken) vergelijkt hiermee.`
        : `${what} is niet meer gemarkeerd als vastgesteld.`,
    });
  }

  async function show(id: number) {
    const rec = await call('versions.get', { id });
    if (rec) setShown(rec);
  }

  async function restore(v: VersionSummary) {
    const ok = await useData.getState().restoreVersion(v.id);
    if (!ok) return;
    setShown(undefined);
    await reload();
    useUi.getState().notify({
      kind: 'info',
      message: `Versie van ${formatDateTime(v.createdAt)}${v.note ? ` (${v.note})` : ''} is teruggezet. Wat er stond is eerst als versie bewaard.`,
    });
  }

  return (
    <section className="card" aria-labelledby="versions-h">
      <h2 id="versions-h">Versiegeschiedenis</h2>
      <div className="row">
        <div className="field text-field">
          <label htmlFor="version-note">Notitie bij de versie</label>
          <input
            id="version-note"
            type="text"
            value={note}
            maxLength={500}
            placeholder="bijv. raadscommissie 12 oktober"
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="button" onClick={() => void freeze()} disabled={busy}>
          Versie vastleggen
        </button>
      </div>
      <p className="meta">
        Markeer de versie die de raad heeft vastgesteld als <strong>vastgesteld</strong>: het mutatieoverzicht
        (Vergelijken) zet elk scenario van dit model daartegen af. Per model is er één vastgestelde versie; een nieuwe
        markering vervangt de vorige.
      </p>
      <p className="meta" data-testid="vastgesteld-status">
        {vastgesteld
          ? `Vastgesteld: de versie van ${formatDateTime(vastgesteld.createdAt)}${vastgesteld.note ? ` (${vastgesteld.note})` : ''} van scenario "${vastgesteld.scenarioName}".`
          : vastgesteld === null
            ? 'Er is voor dit model nog geen versie als vastgesteld gemarkeerd.'
            : ''}
      </p>
      {versions.length === 0 ? (
        <p>Nog geen versies.</p>
      ) : (
        <table className="data list-table" data-testid="version-list">
          <thead>
            <tr>
              <th scope="col">Moment</th>
              <th scope="col">Notitie</th>
              <th scope="col">Soort</th>
              <th scope="col">Rekenkern</th>
              <th scope="col">Acties</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-version-note={v.note ?? ''}>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>
                  {v.note ?? '—'}{' '}
                  {v.vastgesteld ? (
                    <span
                      className="badge vastgesteld"
                      data-testid="badge-vastgesteld"
                      title="De begroting zoals de raad die vaststelde: de referentie van het mutatieoverzicht"
                    >
                      vastgesteld
                    </span>
                  ) : null}
                </td>
                <td>{KIND_NL[v.kind]}</td>
                <td>{v.engineVersion}</td>
                <td>
                  <div className="row">
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => void show(v.id)}
                      aria-label={`Bekijken: versie ${v.note ?? formatDateTime(v.createdAt)}`}
                    >
                      Bekijken
                    </button>
                    <button
                      type="button"
                      className="small"
                      onClick={() => void restore(v)}
                      aria-label={`Terugzetten: versie ${v.note ?? formatDateTime(v.createdAt)}`}
                    >
                      Terugzetten
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      aria-pressed={v.vastgesteld}
                      onClick={() => void markVastgesteld(v, !v.vastgesteld)}
                      aria-label={`${v.vastgesteld ? 'Vastgesteld opheffen' : 'Markeer als vastgesteld'}: versie ${v.note ?? formatDateTime(v.createdAt)}`}
                      data-testid="toggle-vastgesteld"
                    >
                      {v.vastgesteld ? 'Vastgesteld opheffen' : 'Markeer als vastgesteld'}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog
        title={
          shown ? `Versie ${shown.note ? `"${shown.note}"` : ''} van ${formatDateTime(shown.createdAt)}` : 'Versie'
        }
        open={shown !== undefined}
        onClose={() => setShown(undefined)}
      >
        {shown ? <VersionView version={shown} /> : null}
      </Dialog>
    </section>
  );
}

function VersionView({ version }: { version: VersionRecord }) {
  const stored = version.result;
  const now = version.recomputed;
  return (
    <div data-testid="version-view">
      <p className="meta">
        Scenario "{version.scenario.name}" · app {version.appVersion} · rekenkern {version.engineVersion}
      </p>
      {version.differs ? (
        <p className="notice error" role="alert" data-testid="version-differs">
          Let op: de huidige rekenkern geeft voor deze invoer een andere uitkomst dan toen. Hieronder staan beide: wat
          er toen is gepresenteerd en wat er nu uit komt.
        </p>
      ) : (
        <p>De huidige rekenkern geeft voor deze invoer precies dezelfde uitkomst als toen.</p>
      )}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Jaar</th>
            <th scope="col" className="num">
              Lasten (toen)
            </th>
            <th scope="col" className="num">
              Saldo (toen)
            </th>
            {version.differs ? (
              <>
                <th scope="col" className="num">
                  Lasten (nu)
                </th>
                <th scope="col" className="num">
                  Saldo (nu)
                </th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {stored.totals.map((t, k) => (
            <tr key={t.year}>
              <th scope="row">{t.year}</th>
              <td className="num">
                <Euro value={t.cost} />
              </td>
              <td className="num">
                <Saldo value={t.balance} />
              </td>
              {version.differs ? (
                <>
                  <td className="num">
                    <Euro value={now.totals[k]?.cost ?? 0} />
                  </td>
                  <td className="num">
                    <Saldo value={now.totals[k]?.balance ?? 0} />
                  </td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
