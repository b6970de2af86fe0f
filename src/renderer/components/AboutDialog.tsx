/**
 * Help → Over (and the header button "Over"): what a functioneel beheerder asks
 * first — which version and rekenkern, where the data is, how the app runs,
 * where the figures of the model come from, and the licence.
 */
import { useEffect } from 'react';
import type { Model } from '../../shared/formats/model';
import { useData } from '../stores/data';
import { useStartup } from '../stores/startup';
import { useUi } from '../stores/ui';
import { Dialog } from './Dialog';
import { citeSource } from '../../shared/domain/sources';

/** The licence in package.json; the About dialog names it so users know what they may do with the program. */
export const LICENCE = 'EUPL-1.2 (European Union Public Licence)';

export interface SourcesSummary {
  segments: number;
  segmentsWithSource: number;
  segmentsEstimated: number;
  gemeenten: number;
  gemeentenEstimated: number;
  fundingEstimated: boolean;
  fundingHasSource: boolean;
}

/** Counts, per kind of figure, how many have a source and how many are estimates. */
export function summariseSources(model: Model): SourcesSummary {
  return {
    segments: model.segments.length,
    segmentsWithSource: model.segments.filter((s) => s.source && s.source.trim() !== '').length,
    segmentsEstimated: model.segments.filter((s) => s.estimate === true).length,
    gemeenten: model.gemeenten.length,
    gemeentenEstimated: model.gemeenten.filter((g) => g.estimate === true).length,
    fundingEstimated: model.funding.estimate === true,
    fundingHasSource: Boolean(model.funding.source && model.funding.source.trim() !== ''),
  };
}

function ModelSources({ model }: { model: Model }) {
  const s = summariseSources(model);
  return (
    <>
      <dt>Model</dt>
      <dd data-testid="about-model">
        {model.name} (basisjaar {model.baseYear}, t/m {model.endYear})
        {model.description ? <span className="about-description">{citeSource(model.description)}</span> : null}
      </dd>
      <dt>Bronnen</dt>
      <dd data-testid="about-sources">
        <ul className="about-sources">
          <li>
            Segmenten: {s.segmentsWithSource} van {s.segments} met bronvermelding, waarvan {s.segmentsEstimated} geschat
          </li>
          <li>
            Gemeenten: {s.gemeenten}, waarvan {s.gemeentenEstimated} met geschatte aantallen of verdeelsleutel
          </li>
          <li>
            Rijksmiddelen:{' '}
            {s.fundingHasSource
              ? s.fundingEstimated
                ? 'geschat, met toelichting'
                : 'met bronvermelding'
              : 'zonder bronvermelding'}
          </li>
        </ul>
        <span className="meta">De bron van elk cijfer staat bij dat cijfer in Basismodel en Aannames.</span>
      </dd>
    </>
  );
}

export function AboutDialog() {
  const open = useUi((s) => s.dialog === 'over');
  const close = () => useUi.getState().closeDialog('over');
  const info = useStartup((s) => s.info);
  const error = useStartup((s) => s.error);
  const model = useData((s) => s.modelRecord?.model);
  useEffect(() => {
    // normally loaded at startup; ask again if that failed (e.g. the connection was briefly lost)
    if (open && !info) void useStartup.getState().load();
  }, [open, info]);
  return (
    <Dialog title="Over Jeugdplanner" open={open} onClose={close}>
      <p>
        Meerjarenraming jeugdhulp voor de regio Noord-Limburg. Werkt volledig offline; alle gegevens staan in een lokaal
        databasebestand.
      </p>
      {info ? (
        <dl className="about" data-testid="about-info">
          <dt>Versie</dt>
          <dd data-testid="about-version">Jeugdplanner {info.appVersion}</dd>
          <dt>Rekenkern</dt>
          <dd data-testid="about-engine">{info.engineVersion}</dd>
          <dt>Gegevensmap</dt>
          <dd data-testid="about-datadir">{info.dataDir}</dd>
          <dt>Database</dt>
          <dd data-testid="about-db">{info.databasePath}</dd>
          <dt>Werkwijze</dt>
          <dd data-testid="about-transport">
            {info.transport === 'electron'
              ? 'desktopapp'
              : 'browsermodus (lokale server op 127.0.0.1, alleen op deze computer bereikbaar)'}
          </dd>
          {model ? <ModelSources model={model} /> : null}
          <dt>Licentie</dt>
          <dd data-testid="about-licence">{LICENCE}</dd>
        </dl>
      ) : error ? (
        <p className="field-error">{error}</p>
      ) : (
        <p>Gegevens laden…</p>
      )}
    </Dialog>
  );
}
