/**
 * Autonome ontwikkeling (scenario.autonomous, docs/formats.md): its drivers as visible, editable
 * lines — demografie per gemeente, gebruik, zwaarte, loon and prijs with the weight — and their source.
 */
import type { Model } from '../../../shared/formats/model';
import { DEFAULT_WAGE_WEIGHT_PCT, type Scenario } from '../../../shared/formats/scenario';
import { citeSource } from '../../../shared/domain/sources';
import { formatNumber } from '../../../shared/locale/numbers';
import { NumberField, TextField } from '../../components/fields';
import { YearHeadRow } from '../../components/tables';
import { useData } from '../../stores/data';
import {
  setAutonomousPct,
  setAutonomousSource,
  setAutonomousWeight,
  setYouthPrognosis,
  type AutonomousPctField,
} from '../../lib/edits/scenario';

const PCT_ROWS: { field: AutonomousPctField; label: string }[] = [
  { field: 'usageChangePct', label: 'Gebruik per jeugdige (%)' },
  { field: 'severityChangePct', label: 'Zwaarte: eenheden per cliëntmaand (%)' },
  { field: 'wageIndexPct', label: 'Loon, OVA/cao (%)' },
  { field: 'materialIndexPct', label: 'Prijs, PCC (%)' },
];

/** The youth in effect in year k for one gemeente: the last prognosis up to k, else the model's figure. */
function youthInEffect(
  auto: Scenario['autonomous'],
  gemeenteId: string,
  fallback: number,
  later: readonly number[],
  k: number,
): number {
  const series = auto?.youth0to17?.[gemeenteId];
  let value = fallback;
  for (let j = 0; j <= k; j++) {
    const v = series?.[String(later[j])];
    if (v !== undefined) value = v;
  }
  return value;
}

export function AutonomousAssumptions({ model }: { model: Model }) {
  const auto = useData((s) => (s.currentId !== undefined ? s.working[s.currentId]?.autonomous : undefined));
  const edit = useData((s) => s.editScenario);
  const scenarioId = useData((s) => s.currentId);
  const later: number[] = [];
  for (let y = model.baseYear + 1; y <= model.endYear; y++) later.push(y);
  return (
    <section aria-labelledby="auto-h" className="card" data-testid="autonomous">
      <h2 id="auto-h">Autonome ontwikkeling</h2>
      <p className="meta">
        Geldt voor alle volumesegmenten, bovenop hun eigen percentages: instroom × demografie × gebruik, eenheden ×
        zwaarte, tarief × (loon × gewicht + prijs × (1 − gewicht)). Leeg = 0% (demografie: het laatst bekende aantal
        jeugdigen).
      </p>
      <div className="table-scroll">
        <table className="data assumptions-table">
          <thead>
            <YearHeadRow label="Driver" years={later} />
          </thead>
          <tbody>
            {PCT_ROWS.map(({ field, label }) => (
              <tr key={field} data-testid={`auto-row-${field}`}>
                <th scope="row">{label}</th>
                {later.map((y) => (
                  <td key={y}>
                    <NumberField
                      label={`${label} ${y}`}
                      hideLabel
                      suffix="%"
                      value={auto?.[field]?.[String(y)]}
                      placeholder="0"
                      path={`autonomous.${field}.${y}`}
                      draftKey={`${scenarioId}:autonomous.${field}.${y}`}
                      testId={`auto-${field}-${y}`}
                      onCommit={(v) => edit((s) => setAutonomousPct(s, field, y, v), `autonomous.${field}.${y}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
            {model.gemeenten.map((g) => (
              <tr key={g.id} data-testid={`auto-youth-${g.id}`}>
                <th scope="row">Jeugdigen 0–17 {g.name}</th>
                {later.map((y, k) => (
                  <td key={y}>
                    <NumberField
                      label={`Jeugdigen 0–17 ${g.name} ${y}`}
                      hideLabel
                      decimals={0}
                      value={auto?.youth0to17?.[g.id]?.[String(y)]}
                      placeholder={formatNumber(youthInEffect(auto, g.id, g.youth0to17, later, k), 0)}
                      path={`autonomous.youth0to17.${g.id}.${y}`}
                      draftKey={`${scenarioId}:autonomous.youth0to17.${g.id}.${y}`}
                      testId={`auto-youth-${g.id}-${y}`}
                      onCommit={(v) => edit((s) => setYouthPrognosis(s, g.id, y, v), `autonomous.youth.${g.id}.${y}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NumberField
        label="Gewicht loon in de prijsindex (%)"
        suffix="%"
        value={auto?.wageWeightPct}
        placeholder={String(DEFAULT_WAGE_WEIGHT_PCT)}
        path="autonomous.wageWeightPct"
        draftKey={`${scenarioId}:autonomous.wageWeightPct`}
        testId="auto-wage-weight"
        onCommit={(v) => edit((s) => setAutonomousWeight(s, v), 'autonomous.wageWeightPct')}
      />
      <TextField
        label="Bron en onderbouwing van de autonome ontwikkeling"
        multiline
        value={citeSource(auto?.source ?? '')}
        path="autonomous.source"
        onCommit={(v) => edit((s) => setAutonomousSource(s, v), 'autonomous.source')}
      />
    </section>
  );
}
