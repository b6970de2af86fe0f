import fs from 'node:fs';
import path from 'node:path';
import type { Model } from '../../../src/shared/formats/model';

export const FIXTURES = path.join(__dirname, '../../fixtures/realisatie');
export const readFixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

export const GEMEENTEN = [
  { id: 'beesel', name: 'Beesel', cbsCode: 'GM0889', youth0to17: 2400 },
  { id: 'bergen', name: 'Bergen (L.)', cbsCode: 'GM0893', youth0to17: 2100 },
  { id: 'gennep', name: 'Gennep', cbsCode: 'GM0907', youth0to17: 2800 },
  { id: 'horst', name: 'Horst aan de Maas', cbsCode: 'GM1507', youth0to17: 8400 },
  { id: 'peelenmaas', name: 'Peel en Maas', cbsCode: 'GM1894', youth0to17: 8000 },
  { id: 'venlo', name: 'Venlo', cbsCode: 'GM0983', youth0to17: 17600 },
  { id: 'venray', name: 'Venray', cbsCode: 'GM0984', youth0to17: 8500 },
] as const;

const volume = (id: string, name: string, unit: string) => ({
  id,
  name,
  kind: 'volume' as const,
  inflowPerYear: 100,
  avgDurationMonths: 6,
  unit,
  pricePerUnit: 100,
});

/** A Noord-Limburg-like test model (invented figures): 7 gemeenten with CBS codes, segment ids as the default model. */
export function nlModel(): Model {
  return {
    format: 'jeugdbegroting/model@2',
    name: 'Testregio Noord-Limburg',
    baseYear: 2022,
    endYear: 2028,
    gemeenten: GEMEENTEN.map((g) => ({ ...g })),
    segments: [
      volume('dagbehandeling', 'Dagbehandeling', 'dagdeel'),
      volume('verblijf-behandeling', 'Behandeling met verblijf', 'etmaal'),
      volume('crisisbedden', 'Crisisbedden', 'etmaal'),
      { id: 'jeugdbescherming', name: 'Jeugdbescherming (subsidie GI)', kind: 'budget', amount: 5_000_000 },
      { id: 'jeugdreclassering', name: 'Jeugdreclassering (subsidie GI)', kind: 'budget', amount: 800_000 },
    ],
    funding: { baseAmount: 60_000_000 },
  };
}
