/** A chart with its heading, a PNG download and the numbers as a table (the text alternative). */
import { useRef, useState, type ReactNode } from 'react';
import { saveChartAsPng, type LegendItem } from '../lib/png';
import { useUi } from '../stores/ui';
import { AmountScope } from './money';
import { TableTools } from './TableTools';

interface Props {
  title: string;
  legend?: readonly LegendItem[];
  chart: ReactNode;
  table: ReactNode;
  /** heading level inside the page structure */
  level?: 2 | 3;
  testId?: string;
}

export function ChartFrame({ title, legend, chart, table, level = 2, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // the table is only built while it is shown: it is large, and the chart updates on every keystroke
  const [tableOpen, setTableOpen] = useState(false);
  const Heading = level === 2 ? 'h2' : 'h3';
  async function save() {
    if (!ref.current) return;
    try {
      await saveChartAsPng(ref.current, title, legend);
    } catch (e) {
      useUi.getState().notify({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }
  return (
    <section className="chart-frame" aria-label={title} data-testid={testId}>
      <div className="chart-head">
        <Heading>{title}</Heading>
        <button type="button" className="secondary small" onClick={() => void save()}>
          Grafiek opslaan als PNG
        </button>
      </div>
      <div ref={ref}>{chart}</div>
      <details className="table-alt" onToggle={(e) => setTableOpen(e.currentTarget.open)}>
        <summary>Toon als tabel</summary>
        {tableOpen ? (
          <>
            <TableTools label={title} />
            <AmountScope>{table}</AmountScope>
          </>
        ) : null}
      </details>
    </section>
  );
}
