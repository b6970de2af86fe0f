/**
 * Presentatie for the raadscommissie: full screen, large type, high contrast,
 * keyboard (←/→, PageUp/PageDown, Home/End, Esc). Slides are built from the
 * current scenario(s). All slides are rendered, only one is shown on screen;
 * the print stylesheet prints each on its own landscape page ("Afdrukken / PDF").
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { SimulationResult } from '../../shared/engine/result';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { formatEuro, formatNumber, formatPctChange } from '../../shared/locale/numbers';
import { CompareChart } from '../charts/CompareChart';
import { GemeenteChart } from '../charts/GemeenteChart';
import { TrendChart } from '../charts/TrendChart';
import { segmentColor } from '../charts/palette';
import { Saldo, SourceNote } from '../components/money';
import { citeSource, referencedSources, SOURCES, type SourceId } from '../../shared/domain/sources';
import { useCurrentResult, useResults } from '../hooks';
import { headline } from '../lib/derive';
import { groupAssumptions, pctList } from '../lib/assumptionSummary';
import { saveChartAsPng, type LegendItem } from '../lib/png';
import { useCurrent, useData } from '../stores/data';
import { useUi } from '../stores/ui';
import { CompareTable, useCompareSelection } from '../components/CompareTable';
import { GemeenteTable } from '../components/GemeenteTable';
import { Headlines, trendLegend } from '../components/Headlines';
import { HoeZekerSlide } from '../components/HoeZekerSlide';
import { MutatiesTable, useMutatieOverzicht, waterfallSteps, type MutatieView } from '../components/Mutaties';
import { WaterfallChart } from '../charts/WaterfallChart';
import { rangeCount } from '../analysis/hooks';

/** Chart width for slides: fixed, because hidden slides (and print) cannot be measured. */
function useSlideWidth(): number {
  const [w, setW] = useState(() => Math.min(1500, Math.max(640, window.innerWidth - 130)));
  useEffect(() => {
    const on = () => setW(Math.min(1500, Math.max(640, window.innerWidth - 130)));
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return w;
}

function PngButton({
  target,
  title,
  legend,
}: {
  target: React.RefObject<HTMLDivElement | null>;
  title: string;
  legend: readonly LegendItem[];
}) {
  return (
    <button
      type="button"
      className="secondary small no-print"
      onClick={() => {
        if (target.current)
          void saveChartAsPng(target.current, title, legend).catch((e: unknown) =>
            useUi.getState().notify({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
          );
      }}
    >
      Grafiek opslaan als PNG
    </button>
  );
}

function ChartSlide({
  title,
  legend,
  children,
  table,
}: {
  title: string;
  legend: readonly LegendItem[];
  children: ReactNode;
  table?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <>
      <div className="chart-head">
        <h1>{title}</h1>
        <PngButton target={ref} title={title} legend={legend} />
      </div>
      <div ref={ref}>{children}</div>
      {table}
    </>
  );
}

export function Presentatie() {
  const current = useCurrent();
  const result = useCurrentResult();
  const slide = useUi((s) => s.presentation.slide);
  const setSlide = useUi((s) => s.setSlide);
  const { ids, referenceId } = useCompareSelection();
  const series = useResults(ids);
  const rootRef = useRef<HTMLDivElement>(null);
  const width = useSlideWidth();
  const mutaties = useMutatieOverzicht();

  useEffect(() => {
    void useData.getState().ensureLoaded(ids);
  }, [ids]);

  // Full screen when the browser allows it. In full screen the browser (or Electron) takes Esc
  // itself to leave full screen and the page never sees the key; so when full screen ends
  // while the presentation is open, the presentation ends too: one Esc, not two.
  useEffect(() => {
    rootRef.current?.focus();
    const el = document.documentElement;
    let entered = false;
    let leaving = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered && !leaving) useUi.getState().setView('overzicht');
    };
    document.addEventListener('fullscreenchange', onChange);
    if (document.fullscreenEnabled && !document.fullscreenElement) void el.requestFullscreen?.().catch(() => undefined);
    return () => {
      leaving = true;
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  if (!current || !result) return null;
  const slides = buildSlides(current.model, current.scenario, result, series, referenceId, width, mutaties);
  const n = slides.length;
  const index = Math.min(Math.max(0, slide), n - 1);
  const go = (k: number) => setSlide(Math.min(Math.max(0, k), n - 1));
  const exit = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    useUi.getState().setView('overzicht');
  };

  function onKey(e: React.KeyboardEvent) {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
    switch (e.key) {
      case 'ArrowRight':
      case 'PageDown':
      case ' ':
        e.preventDefault();
        go(index + 1);
        break;
      case 'ArrowLeft':
      case 'PageUp':
        e.preventDefault();
        go(index - 1);
        break;
      case 'Home':
        e.preventDefault();
        go(0);
        break;
      case 'End':
        e.preventDefault();
        go(n - 1);
        break;
      case 'Escape':
        e.preventDefault();
        exit();
        break;
    }
  }

  return (
    <div
      className="presentation"
      ref={rootRef}
      tabIndex={-1}
      onKeyDown={onKey}
      role="region"
      aria-roledescription="presentatie"
      aria-label={`Presentatie ${current.scenario.name}`}
      data-testid="presentation"
    >
      {slides.map((s, k) => (
        <section
          key={s.id}
          className="slide"
          style={k === index ? undefined : { display: 'none' }}
          aria-hidden={k === index ? undefined : true}
          aria-roledescription="dia"
          aria-label={`Dia ${k + 1} van ${n}: ${s.title}`}
          // a slide whose content is taller than the screen scrolls: the keyboard must reach it too
          tabIndex={k === index ? 0 : -1}
          data-slide={s.id}
          data-active={k === index ? 'true' : 'false'}
        >
          {s.body}
          <p className="print-only source">
            {current.model.name} · scenario {current.scenario.name} · dia {k + 1} van {n}
          </p>
        </section>
      ))}
      <div className="pres-bar" role="toolbar" aria-label="Presentatie bedienen">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          ← Vorige
        </button>
        <span aria-live="polite" data-testid="slide-counter">
          Dia {index + 1} van {n}: {slides[index]!.title}
        </span>
        <button type="button" onClick={() => go(index + 1)} disabled={index === n - 1}>
          Volgende →
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => window.print()}>
          Afdrukken / PDF
        </button>
        <button type="button" onClick={exit}>
          Sluiten (Esc)
        </button>
      </div>
    </div>
  );
}

interface Slide {
  id: string;
  title: string;
  body: ReactNode;
}

function buildSlides(
  model: Model,
  scenario: Scenario,
  result: SimulationResult,
  series: ReturnType<typeof useResults>,
  referenceId: number | undefined,
  width: number,
  mutaties: MutatieView,
): Slide[] {
  const h = headline(result);
  const slides: Slide[] = [
    {
      id: 'opgave',
      title: 'De opgave in één getal',
      body: (
        <>
          <h1>De opgave: saldo jeugdhulp {h.endYear}</h1>
          <p className="big-number" data-testid="big-number">
            <Saldo value={h.balanceEnd} label />
          </p>
          <p className="sub">
            {model.name}, scenario "{scenario.name}". Cumulatief {h.baseYear}–{h.endYear}:{' '}
            <Saldo value={h.cumulativeBalance} label />. De lasten stijgen van {formatEuro(h.costBase)} naar{' '}
            {formatEuro(h.costEnd)} ({formatPctChange(h.costChangePct)}).
          </p>
          <Headlines result={result} large />
        </>
      ),
    },
    {
      id: 'trend',
      title: 'Lasten en Rijksmiddelen',
      body: (
        <ChartSlide title={`Lasten per groep en Rijksmiddelen ${h.baseYear}–${h.endYear}`} legend={trendLegend(result)}>
          <TrendChart result={result} large width={width} height={470} />
        </ChartSlide>
      ),
    },
  ];
  if (series.length >= 2) {
    slides.push({
      id: 'vergelijking',
      title: "Scenario's vergeleken",
      body: (
        <ChartSlide
          title="Saldo per jaar: scenario's vergeleken"
          legend={series.map((s, i) => ({ label: s.name, color: segmentColor(i) }))}
          table={<CompareTable series={series} referenceId={referenceId} />}
        >
          <CompareChart series={series} large width={width} height={330} />
        </ChartSlide>
      ),
    });
  }
  const o = mutaties.overzicht;
  if (o && o.years.length > 0) {
    const last = o.years.length - 1;
    const title = `Waar komt het verschil vandaan? Saldo ${o.years[last]}`;
    slides.push({
      id: 'mutaties',
      title: 'Waar komt het verschil vandaan?',
      body: (
        <ChartSlide
          title={title}
          legend={[
            { label: 'saldo', color: '#0B4F8A' },
            { label: 'voordelig', color: '#1B7F3B' },
            { label: 'nadelig', color: '#B00020' },
          ]}
          table={
            <MutatiesTable
              overzicht={o}
              field="saldo"
              referenceName={mutaties.referenceName}
              targetName={mutaties.targetName}
              compact
            />
          }
        >
          <p className="sub">
            Scenario "{mutaties.targetName}" ten opzichte van {mutaties.referenceName}.
          </p>
          <WaterfallChart
            steps={waterfallSteps(o, last, 'Referentie')}
            large
            width={width}
            height={300}
            label={`Watervalgrafiek: saldo ${o.years[last]} van de referentie naar het scenario, per onderdeel. De tabel geeft dezelfde cijfers.`}
          />
        </ChartSlide>
      ),
    });
  }
  slides.push({
    id: 'gemeenten',
    title: 'Saldo per gemeente',
    body: (
      <ChartSlide
        title={`Saldo per gemeente ${h.endYear}`}
        legend={[
          { label: 'tekort', color: '#B00020' },
          { label: 'overschot', color: '#1B7F3B' },
        ]}
      >
        <GemeenteChart result={result} year={h.endYear} large width={width} />
        <div className="screen-only sr-only">
          <GemeenteTable result={result} metric="balance" />
        </div>
      </ChartSlide>
    ),
  });
  // only with ranges: without them there is no band to show
  if (rangeCount(model, scenario) > 0)
    slides.push({ id: 'hoe-zeker', title: 'Hoe zeker is dit?', body: <HoeZekerSlide model={model} width={width} /> });
  slides.push({
    id: 'aannames',
    title: 'Belangrijkste aannames en bronnen',
    body: <AssumptionsSlide model={model} scenario={scenario} />,
  });
  slides.push({ id: 'bronnen', title: 'Bijlage: bron per regel', body: <SourcesAppendixSlide model={model} /> });
  return slides;
}

function AssumptionsSlide({ model, scenario }: { model: Model; scenario: Scenario }) {
  const segName = (id: string) => model.segments.find((s) => s.id === id)?.name ?? id;
  const groups = groupAssumptions(model, scenario);
  return (
    <>
      <h1>Belangrijkste aannames en bronnen</h1>
      <h2>Scenario "{scenario.name}"</h2>
      {groups.length === 0 &&
      scenario.substitutions.length === 0 &&
      !scenario.policies?.length &&
      !scenario.funding.indexPct &&
      !scenario.funding.adjustments ? (
        <p>Ongewijzigd beleid: geen aanpassingen op het basismodel.</p>
      ) : (
        <ul className="assumptions" data-testid="assumption-list">
          {groups.map((g) => (
            <li key={g.segments.join('|')}>
              {g.segments.length > 3 ? (
                <>
                  <strong>{g.segments.length} regels</strong> <span className="source">({g.segments.join(', ')})</span>
                </>
              ) : (
                <strong>{g.segments.join(', ')}</strong>
              )}
              : {g.text}
              {g.source ? (
                <span className="source"> — bron: {citeSource(g.source)}</span>
              ) : (
                <span className="source missing"> — bron: niet vermeld</span>
              )}
            </li>
          ))}
          {scenario.substitutions.map((r, i) => (
            <li key={`s${i}`}>
              <strong>Substitutie</strong> van {segName(r.from)} naar {segName(r.to)}:{' '}
              {Object.entries(r.sharePct)
                .map(([y, v]) => `${y}: ${formatNumber(v, 1)}%`)
                .join(', ')}
              {r.source ? <span className="source"> — bron: {citeSource(r.source)}</span> : null}
            </li>
          ))}
          {scenario.policies?.map((p) => (
            <li key={`p-${p.id}`} data-testid={`slide-policy-${p.id}`}>
              <strong>{p.name}</strong> (realisatie {formatNumber(p.realisatiePct, 0)}%
              {p.ranges?.realisatiePct
                ? `, ${formatNumber(p.ranges.realisatiePct.low, 0)}–${formatNumber(p.ranges.realisatiePct.high, 0)}%`
                : ''}
              ){p.source ? <span className="source"> — bron: {citationOnly(citeSource(p.source))}</span> : null}
            </li>
          ))}
          {scenario.funding.indexPct || scenario.funding.adjustments ? (
            <li>
              <strong>Rijksmiddelen</strong>:{' '}
              {pctList(scenario.funding.indexPct) ? `index ${pctList(scenario.funding.indexPct)}` : ''}
              {scenario.funding.adjustments
                ? ` incidenteel ${Object.entries(scenario.funding.adjustments)
                    .map(([y, v]) => `${y}: ${formatEuro(v)}`)
                    .join(', ')}`
                : ''}
              {scenario.funding.source ? (
                <span className="source"> — bron: {citeSource(scenario.funding.source)}</span>
              ) : null}
            </li>
          ) : null}
        </ul>
      )}
      <h2>Bronnen van de basiscijfers {model.baseYear}</h2>
      <ul className="source-groups" data-testid="source-groups">
        {sourceGroups(model).map((g) => (
          <li key={g.title}>
            <strong>{g.title}</strong>: {g.rows.join(', ')}
          </li>
        ))}
      </ul>
      <p className="source">Tabel, bijlage en jaar per regel: zie de bijlage (volgende dia).</p>
    </>
  );
}

/** A measure's citation without the quoted line and the reasoning after it (the slide has room for the reference only). */
function citationOnly(source: string): string {
  const quote = source.indexOf(': "');
  return quote > 0 ? source.slice(0, quote) : source;
}

/** The rows of the base model (segments and Rijksmiddelen) with their source and whether it is an estimate. */
function sourceRows(model: Model): { name: string; source: string | undefined; estimate: boolean }[] {
  return [
    ...model.segments.map((s) => ({ name: s.name, source: s.source, estimate: s.estimate === true })),
    { name: 'Rijksmiddelen', source: model.funding.source, estimate: model.funding.estimate === true },
  ];
}

/**
 * The base figures grouped by the document they come from (a row citing two documents is under both),
 * then the estimates and the rows citing no known document: short enough for one slide.
 */
function sourceGroups(model: Model): { title: string; rows: string[] }[] {
  const rows = sourceRows(model);
  const groups = new Map<string, string[]>();
  const add = (title: string, name: string) => {
    const list = groups.get(title) ?? [];
    if (!list.includes(name)) list.push(name);
    groups.set(title, list);
  };
  const order = Object.keys(SOURCES) as SourceId[];
  const byDoc = rows.map((r) => ({ r, docs: referencedSources([r.source]) }));
  for (const id of order) for (const { r, docs } of byDoc) if (docs.includes(id)) add(SOURCES[id].short, r.name);
  for (const { r, docs } of byDoc) {
    if (r.estimate) add('Schatting (redenering per regel in de bijlage)', r.name);
    else if (docs.length === 0) add(r.source ? 'Overige bronnen (zie de bijlage)' : 'Bron niet vermeld', r.name);
  }
  return [...groups].map(([title, names]) => ({ title, rows: names }));
}

/** The appendix: the source of every row, with table, part and year. */
function SourcesAppendixSlide({ model }: { model: Model }) {
  return (
    <>
      <h1>Bijlage: bron per regel</h1>
      <div
        className="table-scroll slide-scroll"
        tabIndex={0}
        role="region"
        aria-label="Bron per regel van het basismodel"
      >
        <table className="data sources-table">
          <thead>
            <tr>
              <th scope="col">Regel</th>
              <th scope="col">Bron (document, tabel of bijlage, jaar)</th>
            </tr>
          </thead>
          <tbody>
            {sourceRows(model).map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>
                  <SourceNote source={r.source} estimate={r.estimate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
