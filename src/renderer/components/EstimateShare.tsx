/**
 * "€ 41 mln van € 96 mln is geschat": how much of the lasten rests on estimates, for the first raming year,
 * with the realised years and the lines behind it on demand (src/shared/formats/estimates.ts).
 */
import type { Model } from '../../shared/formats/model';
import type { SimulationResult } from '../../shared/engine/result';
import { estimateSentence, estimateSummary, estimateYears } from '../../shared/formats/estimates';
import { AmountScope, Euro } from './money';

const yearLabel = (kind: string, year: number) => `${kind === 'realisatie' ? 'Realisatie' : 'Raming'} ${year}`;

export function EstimateShare({ model, result }: { model: Model; result: SimulationResult }) {
  const years = estimateYears(result);
  const focusYear = years.at(-1) ?? result.years[0]!;
  const focus = estimateSummary(model, result, focusYear);
  if (!focus) return null;
  const summaries = years.map((y) => estimateSummary(model, result, y)!);
  return (
    <div className="estimate-share" data-testid="estimate-share">
      <p>
        {focus.kind === 'raming' ? 'Eerste ramingsjaar' : 'Laatste jaar'} {focusYear}:{' '}
        <strong data-testid="estimate-sentence">{estimateSentence(focus)}</strong> (rust op cijfers die in het model als
        schatting zijn gemarkeerd, niet op een gepubliceerde bron).
      </p>
      <details data-testid="estimate-details">
        <summary>Welke regels zijn geschat?</summary>
        <AmountScope>
          <div className="table-scroll">
            <table className="data narrow" data-testid="estimate-years">
              <caption>Geschat deel van de lasten per jaar</caption>
              <thead>
                <tr>
                  <th scope="col">Jaar</th>
                  <th scope="col" className="num">
                    Lasten
                  </th>
                  <th scope="col" className="num">
                    Waarvan geschat
                  </th>
                </tr>
              </thead>
              <tbody>
                {summaries.map((s) => (
                  <tr key={s.year} data-year={s.year}>
                    <th scope="row">{yearLabel(s.kind, s.year)}</th>
                    <td className="num">
                      <Euro value={s.total} />
                    </td>
                    <td className="num">
                      <Euro value={s.estimated} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table className="data" data-testid="estimate-lines">
              <caption>{yearLabel(focus.kind, focus.year)} per regel</caption>
              <thead>
                <tr>
                  <th scope="col">Regel</th>
                  <th scope="col" className="num">
                    Lasten
                  </th>
                  <th scope="col" className="num">
                    Waarvan geschat
                  </th>
                  <th scope="col">Grondslag</th>
                </tr>
              </thead>
              <tbody>
                {focus.lines.map((l) => (
                  <tr key={l.id} data-line={l.id}>
                    <th scope="row">{l.name}</th>
                    <td className="num">
                      <Euro value={l.cost} />
                    </td>
                    <td className="num">
                      <Euro value={l.estimated} />
                    </td>
                    <td>{l.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </AmountScope>
      </details>
    </div>
  );
}
