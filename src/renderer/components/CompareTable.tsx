/** The comparison table and selection, shared by Vergelijken and the presentation: saldo per scenario per year and the difference to a reference. */
import { useMemo } from 'react';
import { type CompareSeries } from '../charts/CompareChart';
import { Saldo } from './money';
import { YearHeadRow } from './tables';
import { useData } from '../stores/data';
import { useUi } from '../stores/ui';

export const MAX_COMPARE = 4;

/** Default choice: the open scenario and the next ones, up to 2. */
export function useCompareSelection(): { ids: number[]; referenceId: number | undefined } {
  const scenarios = useData((s) => s.scenarios);
  const currentId = useData((s) => s.currentId);
  const chosen = useUi((s) => s.compareIds);
  const ref = useUi((s) => s.referenceId);
  return useMemo(() => {
    const valid = chosen.filter((id) => scenarios.some((s) => s.id === id));
    const ids =
      valid.length > 0
        ? valid
        : [...new Set([currentId, ...scenarios.map((s) => s.id)])]
            .filter((x): x is number => x !== undefined)
            .slice(0, 2);
    return { ids, referenceId: ref !== undefined && ids.includes(ref) ? ref : ids[0] };
  }, [chosen, ref, scenarios, currentId]);
}

export function CompareTable({
  series,
  referenceId,
}: {
  series: readonly CompareSeries[];
  referenceId: number | undefined;
}) {
  const ref = series.find((s) => s.id === referenceId) ?? series[0];
  if (!ref) return null;
  const years = ref.result.years;
  return (
    <div className="table-scroll">
      <table className="data wrap-rows" data-testid="compare-table">
        <thead>
          <YearHeadRow label="Saldo per jaar" years={years}>
            <th scope="col" className="num">
              Cumulatief
            </th>
          </YearHeadRow>
        </thead>
        <tbody>
          {series.map((s) => {
            const cum = s.result.totals.reduce((t, y) => t + y.balance, 0);
            return (
              <tr key={s.id} data-scenario={s.name} className={s.id === ref.id ? 'ref' : undefined}>
                <th scope="row">
                  {s.name}
                  {s.id === ref.id ? ' (referentie)' : ''}
                </th>
                {s.result.totals.map((t) => (
                  <td key={t.year} className="num">
                    <Saldo value={t.balance} />
                  </td>
                ))}
                <td className="num">
                  <Saldo value={cum} />
                </td>
              </tr>
            );
          })}
          {series
            .filter((s) => s.id !== ref.id)
            .map((s) => {
              const diff = s.result.totals.map((t, k) => t.balance - ref.result.totals[k]!.balance);
              return (
                <tr key={`d${s.id}`} className="derived" data-diff={s.name}>
                  <th scope="row">
                    Verschil {s.name} t.o.v. {ref.name}
                  </th>
                  {diff.map((d, k) => (
                    <td key={k} className="num" data-year={years[k]}>
                      <Saldo value={d} />
                    </td>
                  ))}
                  <td className="num">
                    <Saldo value={diff.reduce((a, b) => a + b, 0)} />
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}
