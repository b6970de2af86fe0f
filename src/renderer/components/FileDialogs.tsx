/** Importeren… / Exporteren…: model and scenario JSON files in and out. (Over: AboutDialog.tsx.) */
import { useState } from 'react';
import { MODEL_FORMAT } from '../../shared/formats/model';
import { isModelFormat } from '../../shared/formats/migrate';
import { SCENARIO_FORMAT } from '../../shared/formats/scenario';
import { parseJsonSyntax } from '../../shared/formats/jsonSyntax';
import { downloadExport } from '../lib/download';
import { call } from '../api/call';
import { useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';
import { FilePicker } from './FilePicker';

/** Which kind of file this is, from its `format` field; a Dutch message when it is neither. */
export function detectFileKind(text: string): { kind: 'model' | 'scenario' } | { error: string } {
  const parsed = parseJsonSyntax(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok) return { error: `Het bestand is geen geldige JSON: ${parsed.message}` };
  const json = parsed.value;
  const format = typeof json === 'object' && json !== null ? (json as { format?: unknown }).format : undefined;
  if (isModelFormat(format)) return { kind: 'model' }; // model@1 too: migrated when read
  if (format === SCENARIO_FORMAT) return { kind: 'scenario' };
  return {
    error: `format: ${JSON.stringify(format ?? null)} is geen bekend bestandsformaat (verwacht "${MODEL_FORMAT}" of "${SCENARIO_FORMAT}")`,
  };
}

export function ImportDialog() {
  const open = useUi((s) => s.dialog === 'import');
  const close = () => useUi.getState().closeDialog('import');
  const [status, setStatus] = useState('');

  async function importFile(file: File) {
    setStatus(`Bezig met ${file.name}…`);
    const text = await file.text();
    const kind = detectFileKind(text);
    if ('error' in kind) {
      setStatus('');
      useUi.getState().notify({ kind: 'error', message: `${file.name}: ${kind.error}` });
      return;
    }
    const data = useData.getState();
    if (kind.kind === 'model') {
      const rec = await call('files.importModel', { fileName: file.name, content: text });
      if (!rec) return setStatus('');
      await data.replaceModelRecord(rec);
      useUi.getState().notify({ kind: 'info', message: `Model "${rec.name}" is geïmporteerd en geopend.` });
    } else {
      const modelId = data.modelRecord?.id;
      if (modelId === undefined) return;
      const rec = await call('files.importScenario', { modelId, fileName: file.name, content: text });
      if (!rec) return setStatus('');
      await data.reloadScenarios();
      await data.selectScenario(rec.id);
      useUi.getState().notify({ kind: 'info', message: `Scenario "${rec.name}" is geïmporteerd.` });
    }
    setStatus('');
    close();
  }

  return (
    <Dialog title="Importeren" open={open} onClose={close}>
      <p>
        Kies een modelbestand ({MODEL_FORMAT}) of een scenariobestand ({SCENARIO_FORMAT}). Het bestand wordt eerst
        volledig gecontroleerd; bij een fout wordt niets opgeslagen.
      </p>
      <FilePicker
        label="JSON-bestand"
        accept=".json,application/json"
        testId="import-file"
        onFile={(file) => void importFile(file)}
      />
      <p aria-live="polite">{status}</p>
    </Dialog>
  );
}

export function ExportDialog() {
  const open = useUi((s) => s.dialog === 'export');
  const close = () => useUi.getState().closeDialog('export');
  const currentId = useData((s) => s.currentId);
  const modelId = useData((s) => s.modelRecord?.id);
  async function exportScenario() {
    if (currentId === undefined) return;
    await useData.getState().flush();
    const file = await call('files.exportScenario', { id: currentId });
    if (file) downloadExport(file);
  }
  async function exportModel() {
    if (modelId === undefined) return;
    await useData.getState().flush();
    const file = await call('files.exportModel', { id: modelId });
    if (file) downloadExport(file);
  }
  return (
    <Dialog title="Exporteren" open={open} onClose={close}>
      <p>
        Sla het huidige scenario of het basismodel op als JSON-bestand, bijvoorbeeld om te delen met een andere
        gemeente.
      </p>
      <div className="row">
        <button type="button" onClick={() => void exportScenario()} disabled={currentId === undefined}>
          Scenario exporteren (JSON)
        </button>
        <button type="button" onClick={() => void exportModel()} disabled={modelId === undefined}>
          Basismodel exporteren (JSON)
        </button>
      </div>
    </Dialog>
  );
}
