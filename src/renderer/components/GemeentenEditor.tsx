/** The gemeenten of the model (name, jeugdigen, share in the Rijksmiddelen), editable: shared by Per gemeente and Basismodel. */
import type { Model } from '../../shared/formats/model';
import type { SimulationResult } from '../../shared/engine/result';
import { formatPct } from '../../shared/locale/numbers';
import { NumberField } from './fields';
import { SourceNote } from './money';
import { setFundingShare, updateGemeente } from '../lib/edits/model';
import { useData } from '../stores/data';

export function GemeentenEditor({ model, result }: { model: Model; result: SimulationResult }) {
  const editModel = useData((s) => s.editModel);
  const totalYouth = model.gemeenten.reduce((t, g) => t + g.youth0to17, 0);
  return (
    <section className="card" aria-labelledby="gem-edit-h">
      <h2 id="gem-edit-h">Gemeenten: jeugdigen en aandeel Rijksmiddelen</h2>
      <p className="meta">
        Het aantal jeugdigen (0–17) bepaalt de solidariteitssleutel. Het aandeel in de Rijksmiddelen is leeg = naar
        aantal jeugdigen. Als elke gemeente een aandeel heeft, moeten ze optellen tot 100%; wijzigt u er één, dan worden
        de andere naar verhouding aangepast.
      </p>
      <div className="table-scroll">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Gemeente</th>
              <th scope="col">Jeugdigen 0–17</th>
              <th scope="col" className="num">
                Solidariteitssleutel
              </th>
              <th scope="col">Aandeel Rijksmiddelen (%)</th>
              <th scope="col" className="num">
                Gebruikt aandeel
              </th>
              <th scope="col">Bron</th>
            </tr>
          </thead>
          <tbody>
            {model.gemeenten.map((g, k) => (
              <tr key={g.id}>
                <th scope="row">{g.name}</th>
                <td>
                  <NumberField
                    label={`Jeugdigen 0–17 ${g.name}`}
                    hideLabel
                    decimals={0}
                    allowEmpty={false}
                    value={g.youth0to17}
                    path={`gemeenten[${k}].youth0to17`}
                    testId={`youth-${g.id}`}
                    onCommit={(v) => editModel((m) => updateGemeente(m, g.id, 'youth0to17', v))}
                  />
                </td>
                <td className="num">{formatPct((100 * g.youth0to17) / totalYouth, 2)}</td>
                <td>
                  <NumberField
                    label={`Aandeel Rijksmiddelen ${g.name} (%)`}
                    hideLabel
                    suffix="%"
                    decimals={3}
                    value={g.fundingShare !== undefined ? g.fundingShare * 100 : undefined}
                    path={`gemeenten[${k}].fundingShare`}
                    testId={`fshare-${g.id}`}
                    onCommit={(v) => editModel((m) => setFundingShare(m, g.id, v === undefined ? undefined : v / 100))}
                  />
                </td>
                <td className="num">{formatPct(100 * (result.gemeenten[k]?.fundingShare ?? 0), 2)}</td>
                <td>
                  <SourceNote source={g.source} estimate={g.estimate} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
