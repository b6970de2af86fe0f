/**
 * Rijksmiddelen en preventie: how the baten are built up (index path,
 * incidentele bijstellingen, each Rijksmaatregel as its own line), the library
 * of Rijksmaatregelen as switches, the model's bekende ontwikkelingen as switches, and the prevention effect of extra
 * transformation budget as an explicit assumption. The index path and the
 * incidentele bijstellingen are edited on Aannames (one place for one input);
 * this view links there.
 */
import { formatEuro } from '../../shared/locale/numbers';
import { SourceNote } from '../components/money';
import { useCurrentResult } from '../hooks';
import { useCurrent } from '../stores/data';
import { useUi } from '../stores/ui';
import { FundingBreakdownTable } from './rijksmiddelen/FundingBreakdown';
import { MeasuresLibrary, NationalShare } from './rijksmiddelen/Measures';
import { KnownChangesList } from './rijksmiddelen/KnownChanges';
import { PreventionEditor } from './rijksmiddelen/Prevention';

/** Opens Aannames at its Rijksmiddelen section (index and incidentele bijstellingen). */
function goToFundingAssumptions(): void {
  useUi.getState().openSection('aannames', 'funding');
}

export function Rijksmiddelen() {
  const current = useCurrent();
  const result = useCurrentResult();
  if (!current || !result) return null;
  const { model, scenario } = current;
  const endYear = result.years[result.years.length - 1]!;
  const measuresEnd = result.totals[result.totals.length - 1]!.fundingMeasures ?? 0;
  const onCount = result.fundingMeasures?.length ?? 0;
  const known = result.knownChanges ?? [];
  const knownEnd = known.reduce((t, c) => t + (c.side === 'lasten' ? -1 : 1) * c.years[c.years.length - 1]!, 0);
  return (
    <div className="view rijksmiddelen">
      <header className="view-head">
        <h1>Rijksmiddelen en preventie</h1>
        <p className="lead">
          Scenario <strong>{scenario.name}</strong>: de opbouw van de Rijksmiddelen, landelijke maatregelen die u aan-
          of uitzet, en het verwachte effect van extra geld voor preventie.
        </p>
      </header>

      <section aria-labelledby="rm-path-h" className="card">
        <h2 id="rm-path-h">Opbouw Rijksmiddelen</h2>
        <p className="meta">
          Basis {model.baseYear}: {formatEuro(model.funding.baseAmount)} ·{' '}
          <SourceNote source={model.funding.source} estimate={model.funding.estimate} />
        </p>
        <FundingBreakdownTable result={result} />
        <p className="meta">
          Het indexpad en de incidentele bijstellingen stelt u in bij de aannames.{' '}
          <button
            type="button"
            className="secondary small"
            data-testid="rm-goto-aannames"
            onClick={goToFundingAssumptions}
          >
            Index en incidentele bijstellingen wijzigen (Aannames)
          </button>
        </p>
      </section>

      <section aria-labelledby="rm-measures-h" className="card">
        <h2 id="rm-measures-h">Rijksmaatregelen</h2>
        <p>
          Landelijke besluiten over de Rijksmiddelen jeugd, elk als eigen regel in de meerjarenraming. Het bedrag voor
          de regio is het landelijke bedrag × het aandeel van de regio in het landelijke jeugdbudget. Een maatregel
          verandert alleen de baten; een effect op de lasten (bijvoorbeeld kortere trajecten) legt u vast als aanname
          bij de segmenten.
        </p>
        <NationalShare model={model} />
        <p data-testid="measures-summary" aria-live="polite">
          {onCount === 0 ? (
            'Geen maatregel aangezet.'
          ) : (
            <>
              {onCount} {onCount === 1 ? 'maatregel' : 'maatregelen'} aan: samen {formatEuro(measuresEnd)} in {endYear}.
            </>
          )}
        </p>
        <MeasuresLibrary model={model} scenario={scenario} />
      </section>

      <section aria-labelledby="rm-known-h" className="card">
        <h2 id="rm-known-h">Bekende ontwikkelingen</h2>
        <p>
          Bekende veranderingen die een begroting als aparte regel naast de indexatie opneemt, zoals het
          woonplaatsbeginsel en het landelijk tarief jeugdbescherming en jeugdreclassering. Ze staan in het basismodel
          (met bron, bedrag of formule en bandbreedte); hier zet u ze per scenario aan of uit. Een ontwikkeling aan de
          lastenkant is een eigen regel bij de lasten, een aan de batenkant een regel in de opbouw van de Rijksmiddelen.
          In gerealiseerde jaren telt ze niet mee: de realisatie bevat haar al.
        </p>
        <p data-testid="known-changes-summary" aria-live="polite">
          {known.length === 0 ? (
            'Geen bekende ontwikkeling aangezet.'
          ) : (
            <>
              {known.length} {known.length === 1 ? 'ontwikkeling' : 'ontwikkelingen'} aan: samen {formatEuro(knownEnd)}{' '}
              op het saldo in {endYear}.
            </>
          )}
        </p>
        <KnownChangesList model={model} scenario={scenario} />
      </section>

      <section aria-labelledby="rm-prev-h" className="card" data-testid="prevention">
        <h2 id="rm-prev-h">Preventie-effect van het transformatiebudget</h2>
        <PreventionEditor model={model} scenario={scenario} />
      </section>
    </div>
  );
}
