/**
 * Analyse: how sure are we (Onzekerheid: ranges and Monte Carlo bands), what
 * matters most (Gevoeligheid: tornado), and what would close the gap
 * (Doelzoeken). The heavy work runs in the analysis worker.
 */
import { useCurrent } from '../stores/data';
import { useAnalysis, type AnalyseTab } from '../stores/analysis';
import { Onzekerheid } from './analyse/Onzekerheid';
import { Gevoeligheid } from './analyse/Gevoeligheid';
import { Doelzoeken } from './analyse/Doelzoeken';

const TABS: { id: AnalyseTab; label: string }[] = [
  { id: 'onzekerheid', label: 'Onzekerheid' },
  { id: 'gevoeligheid', label: 'Gevoeligheid' },
  { id: 'doelzoeken', label: 'Doelzoeken' },
];

export function Analyse() {
  const current = useCurrent();
  const tab = useAnalysis((s) => s.tab);
  if (!current) return null;
  const { model, scenario } = current;
  function onKey(e: React.KeyboardEvent, i: number) {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : undefined;
    if (next === undefined) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length]!;
    useAnalysis.getState().setTab(t.id);
    document.getElementById(`analyse-tab-${t.id}`)?.focus();
  }
  return (
    <div className="view analyse">
      <header className="view-head">
        <h1>Analyse</h1>
        <p className="lead">
          {model.name} · scenario <strong>{scenario.name}</strong> · hoe zeker is de uitkomst, welke aanname doet ertoe,
          en wat is er nodig voor een sluitend saldo?
        </p>
      </header>
      <div className="tabs" role="tablist" aria-label="Analyse">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`analyse-tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`analyse-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={tab === t.id ? 'active' : 'secondary'}
            onClick={() => useAnalysis.getState().setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
            data-testid={`analyse-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`analyse-panel-${tab}`}
        aria-labelledby={`analyse-tab-${tab}`}
        className="tab-panel"
        data-testid={`analyse-panel-${tab}`}
      >
        {tab === 'onzekerheid' ? <Onzekerheid model={model} scenario={scenario} /> : null}
        {tab === 'gevoeligheid' ? <Gevoeligheid model={model} /> : null}
        {tab === 'doelzoeken' ? <Doelzoeken model={model} scenario={scenario} /> : null}
      </div>
    </div>
  );
}
