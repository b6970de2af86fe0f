/**
 * What every numbers table offers: "Kopiëren" (tab-separated, plain numbers: a paste into Excel gives
 * numbers) and the choice between whole euros and × € 1.000. Place it just before the table it serves.
 */
import { useRef, useState } from 'react';
import { tableToTsv } from '../lib/tableText';
import { useTableUnit } from '../stores/tableUnit';

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Electron without the clipboard permission, or an older engine: the selection route still works
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('Het klembord is niet beschikbaar.');
}

export function TableTools({ label }: { label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { unit, setUnit } = useTableUnit();
  const [status, setStatus] = useState('');
  async function copy() {
    const table = findTable(ref.current);
    if (!table) return;
    try {
      await writeClipboard(tableToTsv(table));
      setStatus(`${label}: gekopieerd (${table.rows.length} rijen). Plak in Excel: de bedragen komen als getallen.`);
    } catch (e) {
      setStatus(`Kopiëren lukte niet: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return (
    <div className="table-tools" ref={ref}>
      <button type="button" className="secondary small" onClick={() => void copy()} data-testid="copy-table">
        Kopiëren
      </button>
      <label className="unit-switch">
        <input
          type="checkbox"
          checked={unit === 'duizend'}
          onChange={(e) => setUnit(e.target.checked ? 'duizend' : 'euro')}
        />
        bedragen × € 1.000
      </label>
      <span className="copy-status" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}

/** The first table after the tools, within their common parent. */
function findTable(tools: HTMLElement | null): HTMLTableElement | null {
  let next = tools?.nextElementSibling ?? null;
  while (next) {
    const table = next instanceof HTMLTableElement ? next : next.querySelector('table');
    if (table) return table;
    next = next.nextElementSibling;
  }
  return null;
}
