/**
 * "Realisatie importeren": a CSV or XLSX with realised figures (CBS StatLine export, iJw
 * productcategorie export) → column mapping → code table → preview per gemeente × segment × year
 * → save. The service does the reading and checking (realisatie.preview / realisatie.apply); every
 * step here sends the whole choice again, so what is saved is what the preview showed.
 */
import { useEffect, useState } from 'react';
import type { ApiError, RealisatiePreview } from '../../shared/api';
import type { SegmentImportStatus } from '../../shared/realisatie/plan';
import { FIELD_LABELS, IMPORT_FIELDS, type CodeTable, type ColumnMappingInput } from '../../shared/realisatie/mapping';
import { getApi } from '../api/client';
import { useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { bytesToBase64 } from '../lib/excelFiles';
import { NEGEREN, previewRows, setCode, useRealisatieImport } from '../lib/realisatieImport';
import { Dialog } from './Dialog';
import { FilePicker } from './FilePicker';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_SHOWN = 400;
/** what the preview checks the model with while the user has not typed the source yet */
const PREVIEW_SOURCE = 'bron nog in te vullen';

export function RealisatieImportDialog() {
  const open = useRealisatieImport((s) => s.open);
  return (
    <Dialog title="Realisatie importeren" open={open} onClose={() => useRealisatieImport.getState().close()}>
      {open ? <ImportRealisatieForm /> : null}
    </Dialog>
  );
}

interface FileChoice {
  name: string;
  content: string;
}

function ImportRealisatieForm() {
  const record = useData((s) => s.modelRecord);
  const [file, setFile] = useState<FileChoice>();
  const [source, setSource] = useState('');
  const [mapping, setMapping] = useState<ColumnMappingInput>();
  const [codes, setCodes] = useState<CodeTable>();
  const [preview, setPreview] = useState<RealisatiePreview>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string>();
  const [saved, setSaved] = useState<string>();
  const [outcome, setOutcome] = useState<HTMLElement | null>(null);
  useEffect(() => outcome?.focus(), [outcome]);

  async function run(next: {
    file?: FileChoice;
    mapping?: ColumnMappingInput | undefined;
    codes?: CodeTable | undefined;
  }) {
    const f = next.file ?? file;
    if (!f || !record) return;
    const m = 'mapping' in next ? next.mapping : mapping;
    const c = 'codes' in next ? next.codes : codes;
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    await useData.getState().flush();
    const r = await getApi().call('realisatie.preview', {
      modelId: record.id,
      fileName: f.name,
      content: f.content,
      encoding: 'base64',
      // the source only becomes the figures' source text on saving (and is required there); the preview does not depend on it
      source: source.trim() || PREVIEW_SOURCE,
      ...(m ? { mapping: m } : {}),
      ...(c ? { codes: c } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setPreview(r.value);
    setMapping(r.value.mapping);
    setCodes(r.value.codes);
  }

  async function choose(chosen: File) {
    if (chosen.size > MAX_BYTES) {
      setError(`${chosen.name}: het bestand is groter dan 10 MB.`);
      return;
    }
    const f = { name: chosen.name, content: bytesToBase64(new Uint8Array(await chosen.arrayBuffer())) };
    setFile(f);
    // a new file: the service suggests (or remembers) the mapping; the code table stays
    setMapping(undefined);
    await run({ file: f, mapping: undefined });
  }

  async function save() {
    if (!file || !record || !preview) return;
    setBusy(true);
    await useData.getState().flush();
    const r = await getApi().call('realisatie.apply', {
      modelId: record.id,
      fileName: file.name,
      content: file.content,
      encoding: 'base64',
      source,
      baseRevision: preview.baseRevision,
      ...(mapping ? { mapping } : {}),
      ...(codes ? { codes } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    await useData.getState().replaceModelRecord(r.value.record);
    const n = r.value.changes.filter((c) => c.status !== 'gelijk').length;
    const message = `${file.name}: ${n} realisatiecijfer${n === 1 ? '' : 's'} opgeslagen in "${r.value.record.name}".`;
    useUi.getState().notify({ kind: 'info', message });
    setSaved(message);
    setPreview(undefined);
  }

  const segments = record?.model.segments ?? [];
  const rows = preview ? previewRows(preview.changes) : [];
  const issues = typeof error === 'object' && error.issues ? error.issues : (preview?.issues ?? []);
  const canSave =
    !!preview && preview.issues.length === 0 && preview.changes.length > 0 && source.trim() !== '' && !busy;

  return (
    <div className="excel-form realisatie-import" data-testid="realisatie-import">
      <p>
        Kies een CSV- of Excel-bestand met gerealiseerde cijfers, bijvoorbeeld een CBS StatLine-export (83454NED
        "Gemeentelijke kosten; jeugdzorg, regio") of een export per iJw-productcategorie. U ziet eerst wat er verandert;
        pas bij "Opslaan" wordt het model gewijzigd, en bij één fout wordt niets opgeslagen.
      </p>
      <FilePicker
        label="Bestand"
        accept=".csv,.txt,.xlsx,text/csv"
        testId="realisatie-import-file"
        disabled={busy}
        onFile={(f) => void choose(f)}
      />
      <label className="field">
        <span>Bron van de cijfers (document, tabel, jaar)</span>
        <input
          type="text"
          value={source}
          maxLength={500}
          placeholder="bijv. CBS StatLine 83454NED, Gemeentelijke kosten; jeugdzorg, regio, 2024"
          data-testid="realisatie-import-source"
          onChange={(e) => setSource(e.target.value)}
        />
      </label>
      <p aria-live="polite" data-testid="realisatie-import-status">
        {busy ? 'Bezig…' : ''}
      </p>

      {preview && preview.header.length > 0 ? (
        <fieldset data-testid="realisatie-import-mapping">
          <legend>
            Kolommen (
            {preview.mappingOrigin === 'remembered'
              ? 'onthouden van een eerder bestand met deze kolommen'
              : preview.mappingOrigin === 'suggested'
                ? 'voorgesteld uit de kolomnamen'
                : 'uw keuze'}
            )
          </legend>
          {IMPORT_FIELDS.map((f) => (
            <label key={f} className="field">
              <span>{FIELD_LABELS[f]}</span>
              <select
                value={(mapping?.[f] as string | undefined) ?? ''}
                disabled={busy}
                data-testid={`realisatie-map-${f}`}
                onChange={(e) => {
                  const next = { ...(mapping ?? { segment: '', jaar: '' }) } as Record<string, unknown>;
                  if (e.target.value === '') delete next[f];
                  else next[f] = e.target.value;
                  void run({ mapping: next as ColumnMappingInput });
                }}
              >
                <option value="">{f === 'segment' || f === 'jaar' ? '— kies een kolom —' : '— geen —'}</option>
                {preview.header
                  .filter((h) => h !== '')
                  .map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
              </select>
            </label>
          ))}
          <label className="field">
            <span>lasten in</span>
            <select
              value={mapping?.lastenUnit ?? 'euro'}
              disabled={busy}
              data-testid="realisatie-map-unit"
              onChange={(e) =>
                void run({
                  mapping: {
                    ...(mapping ?? { segment: '', jaar: '' }),
                    lastenUnit: e.target.value as 'euro' | 'thousand',
                  },
                })
              }
            >
              <option value="euro">euro</option>
              <option value="thousand">× € 1.000 (zoals CBS)</option>
            </select>
          </label>
        </fieldset>
      ) : null}

      {preview && preview.segmentCodes.length > 0 ? (
        <fieldset data-testid="realisatie-import-codes">
          <legend>Codetabel: productcategorie of zorgvorm → segment</legend>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Waarde in het bestand</th>
                <th scope="col">Rijen</th>
                <th scope="col">Segment</th>
              </tr>
            </thead>
            <tbody>
              {preview.segmentCodes.map((c) => {
                const known = preview.knownCodes.find(
                  (k) => k.code.toLowerCase() === c.value.toLowerCase() || c.value.startsWith(`${k.code} `),
                );
                const current = c.via === 'onbekend' ? '' : c.segmentId === null ? NEGEREN : (c.segmentId ?? '');
                return (
                  <tr key={c.value}>
                    <td>
                      {c.value}
                      {known && known.code !== c.value ? ` (${known.label})` : ''}
                    </td>
                    <td className="num">{c.count}</td>
                    <td>
                      <select
                        value={current}
                        disabled={busy}
                        aria-label={`Segment voor ${c.value}`}
                        data-testid={`realisatie-code-${c.value}`}
                        onChange={(e) => void run({ codes: setCode(codes ?? {}, c.value, e.target.value) })}
                      >
                        <option value="">— niet gekoppeld —</option>
                        <option value={NEGEREN}>negeren</option>
                        {segments.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ) : null}

      {issues.length > 0 || error ? (
        <div className="notice error" role="alert" tabIndex={-1} ref={setOutcome} data-testid="realisatie-import-error">
          <p>
            <strong>
              {typeof error === 'string'
                ? error
                : error
                  ? error.message.split('\n')[0]
                  : `${preview?.fileName ?? 'Het bestand'}: ${issues.length} ${issues.length === 1 ? 'probleem' : 'problemen'}; er wordt niets opgeslagen.`}
            </strong>
          </p>
          {issues.length > 0 ? (
            <ul className="issue-list" data-testid="realisatie-import-issues">
              {issues.map((i, k) => (
                <li key={k}>{i.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {preview
        ? preview.notices
            .filter((n) => n.startsWith('Let op'))
            .map((n, k) => (
              <div key={k} className="notice" role="note" data-testid="realisatie-import-warning">
                <p>{n}</p>
              </div>
            ))
        : null}
      {preview && preview.notices.some((n) => !n.startsWith('Let op')) ? (
        <ul className="import-notices" data-testid="realisatie-import-notices">
          {preview.notices
            .filter((n) => !n.startsWith('Let op'))
            .map((n, k) => (
              <li key={k}>{n}</li>
            ))}
        </ul>
      ) : null}

      {preview && preview.segments.length > 0 ? (
        <ul className="import-notices" data-testid="realisatie-import-segments" aria-label="Per segment">
          {preview.segments.map((x) => (
            <li key={x.segmentId} data-status={x.status}>
              <strong>{x.segmentName}</strong>: {segmentStatusText(x)}
            </li>
          ))}
        </ul>
      ) : null}

      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data" data-testid="realisatie-import-preview">
            <caption>
              Voorvertoning: {rows.length} cijfer{rows.length === 1 ? '' : 's'} (
              {preview!.changes.filter((c) => c.status === 'nieuw').length} nieuw,{' '}
              {preview!.changes.filter((c) => c.status === 'gewijzigd').length} gewijzigd)
            </caption>
            <thead>
              <tr>
                <th scope="col">Gemeente</th>
                <th scope="col">Segment</th>
                <th scope="col">Jaar</th>
                <th scope="col">Lasten nu</th>
                <th scope="col">Lasten nieuw</th>
                <th scope="col">Verschil</th>
                <th scope="col">Jeugdigen</th>
                <th scope="col">Volume</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_SHOWN).map((r) => (
                <tr key={r.key}>
                  <td>{r.gemeente}</td>
                  <td>{r.segment}</td>
                  <td>{r.year}</td>
                  <td className="num">{r.lastenOld}</td>
                  <td className="num">{r.lastenNew}</td>
                  <td className="num">{r.lastenDiff}</td>
                  <td className="num">{r.clients}</td>
                  <td className="num">{r.volume}</td>
                  <td>{r.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > MAX_SHOWN ? (
            <p>
              De eerste {MAX_SHOWN} van {rows.length} cijfers staan hierboven; opslaan bewaart ze alle.
            </p>
          ) : null}
        </div>
      ) : null}

      {saved ? (
        <div className="notice info" role="status" tabIndex={-1} ref={setOutcome} data-testid="realisatie-import-done">
          <p>{saved}</p>
        </div>
      ) : null}

      <div className="row">
        <button type="button" disabled={!canSave} onClick={() => void save()} data-testid="realisatie-import-save">
          Opslaan
        </button>
        {preview && source.trim() === '' ? <span>Vul eerst de bron in.</span> : null}
      </div>
    </div>
  );
}

/** What the import does with one segment, in the controller's words. */
function segmentStatusText(x: SegmentImportStatus): string {
  const years = x.years.join(', ');
  if (x.status === 'vervangen') return `vervangen door het bestand (${years})`;
  if (x.status === 'behouden') return `niet in het bestand, blijft zoals het was (${years})`;
  return 'geen realisatie (niet in het bestand)';
}
