/**
 * Beleidsmaatregelen (scenario.policies, docs/formats.md): each measure with its name, the line of the
 * beleidsplan it rests on, its realisatie (editable: an edit goes through parseScenario and the undo
 * history like every other; invalid input is shown and never applied), its Monte Carlo range and its
 * effects — the intended percentage and what counts at this realisatie — and its effect on the saldo.
 */
import { memo, useDeferredValue, useMemo } from 'react';
import type { Model } from '../../../shared/formats/model';
import type { Scenario } from '../../../shared/formats/scenario';
import { POLICY_EFFECT_FIELDS, type Policy, type PolicyEffectField } from '../../../shared/formats/policies';
import { realisedPct } from '../../../shared/engine/policies';
import { simulate } from '../../../shared/engine/simulate';
import { citeSource } from '../../../shared/domain/sources';
import { formatEuro, formatNumber, formatPct, formatPctChange } from '../../../shared/locale/numbers';
import { NumberField, type Commit } from '../../components/fields';
import { YearHeadRow } from '../../components/tables';
import { useData } from '../../stores/data';
import { setPolicyRange, setPolicyRealisatie } from '../../lib/edits/scenario';

const FIELD_LABEL: Record<PolicyEffectField, string> = {
  inflowChangePct: 'instroom',
  durationChangePct: 'trajectduur',
  intensityChangePct: 'eenheden per cliëntmaand',
  amountChangePct: 'bedrag',
};

/** "−5,00% (nu −2,50%)": the intended effect and what counts at the current realisatie. */
function cell(pct: number | undefined, realisatie: number): string {
  if (pct === undefined) return '';
  return `${formatPctChange(pct, 2)} (nu ${formatPctChange(realisedPct(pct, realisatie), 2)})`;
}

/** The saldo of the last year with and without each policy: what the measure is worth at its realisatie. */
function useSaldoEffects(model: Model, scenario: Scenario | undefined): number[] {
  return useMemo(() => {
    const policies = scenario?.policies;
    if (!scenario || !policies || policies.length === 0) return [];
    const last = (s: Scenario) => simulate(model, s, { perGemeente: false }).totals.at(-1)!.balance;
    const all = last(scenario);
    return policies.map((p) => all - last({ ...scenario, policies: policies.filter((q) => q !== p) }));
  }, [model, scenario]);
}

const NO_POLICIES: readonly Policy[] = [];

export function PolicyAssumptions({ model }: { model: Model }) {
  const scenario = useData((s) => (s.currentId !== undefined ? s.working[s.currentId] : undefined));
  const scenarioId = useData((s) => s.currentId);
  const edit = useData((s) => s.editScenario);
  // 1 + n engine runs: deferred, so a keystroke elsewhere in Aannames paints first and this follows
  const effects = useSaldoEffects(model, useDeferredValue(scenario));
  const policies = scenario?.policies ?? NO_POLICIES;
  const later = useMemo(() => {
    const out: number[] = [];
    for (let y = model.baseYear + 1; y <= model.endYear; y++) out.push(y);
    return out;
  }, [model.baseYear, model.endYear]);
  const names = useMemo(() => new Map(model.segments.map((s) => [s.id, s.name])), [model.segments]);
  return (
    <section aria-labelledby="policies-h" className="card" data-testid="policies">
      <h2 id="policies-h">Beleidsmaatregelen</h2>
      {policies.length === 0 ? (
        <p className="meta">
          Dit scenario heeft geen beleidsmaatregelen. Het meegeleverde scenario &quot;Beleidsplan KPI&apos;s&quot; bevat
          de meetbare KPI&apos;s en ontwikkeldoelen uit Bijlage 8 van het Regionaal Beleidsplan Jeugd als maatregelen.
        </p>
      ) : (
        <p className="meta">
          Elke maatregel werkt met de realisatie × het beoogde effect, bovenop de eigen percentages van het segment en
          vóór de autonome ontwikkeling. Realisatie 0% = geen effect, 100% = het volle beoogde effect. De Monte Carlo
          trekt de realisatie uit de bandbreedte.
        </p>
      )}
      {policies.map((p, i) => (
        <PolicyCard
          key={p.id}
          policy={p}
          index={i}
          later={later}
          names={names}
          saldoEffect={effects[i]}
          endYear={model.endYear}
          draftScope={String(scenarioId)}
          onRealisatie={(v) =>
            v === undefined ? [] : edit((s) => setPolicyRealisatie(s, i, v), `policies.${i}.realisatiePct`)
          }
          onRange={(end, v) => edit((s) => setPolicyRange(s, i, end, v), `policies.${i}.ranges.${end}`)}
        />
      ))}
    </section>
  );
}

/** Memoised without comparing onRealisatie (a fresh closure per render that does the same for the same index). */
const PolicyCard = memo(PolicyCardImpl, (a, b) => {
  for (const key of Object.keys(a) as (keyof PolicyCardProps)[])
    if (key !== 'onRealisatie' && key !== 'onRange' && a[key] !== b[key]) return false;
  return true;
});

interface PolicyCardProps {
  policy: Policy;
  index: number;
  later: readonly number[];
  names: ReadonlyMap<string, string>;
  saldoEffect: number | undefined;
  endYear: number;
  draftScope: string;
  onRealisatie: Commit<number | undefined>;
  onRange: (end: 'low' | 'high', value: number | undefined) => ReturnType<Commit<number | undefined>>;
}

function PolicyCardImpl({
  policy: p,
  index: i,
  later,
  names,
  saldoEffect,
  endYear,
  draftScope,
  onRealisatie,
  onRange,
}: PolicyCardProps) {
  const headingId = `policy-${p.id}-h`;
  const range = p.ranges?.realisatiePct;
  const rows: { key: string; label: string; values: (number | undefined)[] }[] = [];
  for (const [segmentId, effect] of Object.entries(p.effects)) {
    for (const field of POLICY_EFFECT_FIELDS) {
      const map = effect[field];
      if (!map) continue;
      rows.push({
        key: `${segmentId}-${field}`,
        label: `${names.get(segmentId) ?? segmentId}: ${FIELD_LABEL[field]}`,
        values: later.map((y) => map[String(y)]),
      });
    }
  }
  p.substitutions.forEach((r, j) =>
    rows.push({
      key: `sub-${j}`,
      label: `Verschuiving ${names.get(r.from) ?? r.from} → ${names.get(r.to) ?? r.to} (aandeel van de instroom)`,
      values: later.map((y) => r.sharePct[String(y)]),
    }),
  );
  return (
    <article className="policy" aria-labelledby={headingId} data-testid={`policy-${p.id}`}>
      <h3 id={headingId}>{p.name}</h3>
      {p.source ? (
        <p className="meta policy-source" data-testid={`policy-${p.id}-source`}>
          <span className="sr-only">Bron: </span>
          {citeSource(p.source)}
        </p>
      ) : null}
      <div className="row">
        <NumberField
          label={`Realisatie van "${p.name}" (% van het beoogde effect)`}
          suffix="%"
          allowEmpty={false}
          value={p.realisatiePct}
          path={`policies[${i}].realisatiePct`}
          draftKey={`${draftScope}:policies.${p.id}.realisatiePct`}
          testId={`policy-${p.id}-realisatie`}
          hint={
            range
              ? `Bandbreedte in de Monte Carlo: ${formatPct(range.low, 0)} tot ${formatPct(range.high, 0)}.`
              : 'Geen bandbreedte: de Monte Carlo houdt deze realisatie vast.'
          }
          onCommit={onRealisatie}
        />
        <fieldset className="policy-range">
          <legend>Bandbreedte van de realisatie in de Monte Carlo (leeg = geen)</legend>
          {(['low', 'high'] as const).map((end) => (
            <NumberField
              key={end}
              label={end === 'low' ? 'Laagste (%)' : 'Hoogste (%)'}
              suffix="%"
              value={range?.[end]}
              placeholder="geen"
              path={`policies[${i}].ranges.realisatiePct.${end}`}
              draftKey={`${draftScope}:policies.${p.id}.ranges.${end}`}
              testId={`policy-${p.id}-range-${end}`}
              onCommit={(v) => onRange(end, v)}
            />
          ))}
        </fieldset>
        {saldoEffect !== undefined ? (
          <p className="policy-effect" data-testid={`policy-${p.id}-saldo`}>
            Effect op het saldo {endYear}: <strong>{formatEuro(saldoEffect)}</strong>
          </p>
        ) : null}
      </div>
      {p.realisatieSource || range?.source ? (
        <details>
          <summary>Waarom deze realisatie?</summary>
          {p.realisatieSource ? <p className="meta">{citeSource(p.realisatieSource)}</p> : null}
          {range?.source ? <p className="meta">Bandbreedte: {citeSource(range.source)}</p> : null}
        </details>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data assumptions-table" data-testid={`policy-${p.id}-effects`}>
            <caption className="sr-only">
              Beoogd effect van {p.name} per jaar, en tussen haakjes wat telt bij {formatNumber(p.realisatiePct, 2)}%
              realisatie
            </caption>
            <thead>
              <YearHeadRow label="Effect (beoogd, nu)" years={later} />
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, k) => (
                    <td key={later[k]} className="num">
                      {r.key.startsWith('sub-') && v !== undefined
                        ? `${formatPct(v, 1)} (nu ${formatPct(realisedPct(v, p.realisatiePct), 1)})`
                        : cell(v, p.realisatiePct)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </article>
  );
}
