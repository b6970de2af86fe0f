/**
 * The plausibility warnings of the current scenario not yet accepted: values
 * that are valid but far outside the model's own range ("Klopt dit?"). Shown on
 * Overzicht (and where the inputs are edited) until the user accepts each one;
 * accepted warnings are remembered per scenario in the settings.
 */
import { usePlausibility } from '../hooks';

export function PlausibilityList({ title = 'Klopt dit? Opvallende waarden' }: { title?: string }) {
  const { warnings, accept } = usePlausibility();
  if (warnings.length === 0) return null;
  return (
    <section className="card plausibility" aria-labelledby="plaus-h" data-testid="plausibility">
      <h2 id="plaus-h">{title}</h2>
      <p className="meta">
        Deze waarden zijn toegestaan en worden meegerekend, maar liggen ver buiten wat het model kent. Controleer ze, of
        bevestig dat ze kloppen.
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w.key} data-testid="plausibility-item" data-path={w.path}>
            {w.message}{' '}
            <button type="button" className="small secondary" onClick={() => accept(w.key)}>
              Ja, dit klopt
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
