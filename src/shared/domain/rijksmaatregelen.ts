/**
 * Library of national decisions on the Rijksmiddelen jeugd ("Rijksmaatregelen")
 * that a controller shows as separate lines in the meerjarenraming. Amounts are
 * national, in euro per year (+ more money for gemeenten, − less); a scenario
 * switches a measure on, and its regional effect is the national amount × the
 * model's `funding.nationalShare`. Each source is cited through sources.ts (publisher, title, year).
 *
 * Some measures are alternatives for the same money (an earlier and a later
 * agreement); `excludes` lists them so a scenario cannot count both.
 */
import { cite } from './sources';

export type MeasureKind = 'structureel' | 'incidenteel';

export interface Rijksmaatregel {
  id: string;
  name: string;
  kind: MeasureKind;
  /** national amount in euro by year; a year not listed is 0 */
  national: Readonly<Record<string, number>>;
  /** for a structureel measure: the amount continues after the last listed year */
  continues: boolean;
  source: string;
  /** how the amounts were read from the source, and what they do not include */
  note?: string;
  /** ids of measures that count the same money: never on together */
  excludes?: readonly string[];
  /**
   * How uncertain the amount is, in % of it (low ≤ 0 ≤ high): Monte Carlo draws a factor
   * 1 + pct/100 from the triangle (low, 0, high) and multiplies every year's amount by it.
   */
  range?: { lowPct: number; highPct: number; source: string };
}

const MLN = 1_000_000;

export const RIJKSMAATREGELEN: readonly Rijksmaatregel[] = [
  {
    id: 'stelpost-hervormingsagenda',
    name: 'Stelpost Hervormingsagenda (afspraak augustus 2022)',
    kind: 'incidenteel',
    national: { '2024': 1265 * MLN, '2025': 758 * MLN, '2026': 367 * MLN },
    continues: false,
    source: cite('vng-stelposten', 'augustus 2022: stelpost € 1.265 mln (2024), € 758 mln (2025), € 367 mln (2026)'),
    note: `Landelijke bedragen die gemeenten als stelpost mochten ramen (${cite('circulaire-stelpost-jeugd-2021')}: 2023–2025 hoogstens 75% van de Commissie van Wijzen-bedragen).`,
    range: {
      lowPct: -25,
      highPct: 0,
      source: `aanname: Gemeenten mochten hoogstens 75% van de Commissie van Wijzen-bedragen ramen (${cite('circulaire-stelpost-jeugd-2021')}): tot 25% minder dan de stelpost`,
    },
  },
  {
    id: 'lagere-uitgaven-2022',
    name: 'Lagere uitgaven Hervormingsagenda (afspraak augustus 2022)',
    kind: 'incidenteel',
    national: { '2024': -100 * MLN, '2025': -500 * MLN, '2026': -500 * MLN },
    continues: false,
    source: cite('vng-stelposten', 'augustus 2022: lagere uitgaven € 100 / 500 / 500 mln (2024/2025/2026)'),
    note: 'Het oorspronkelijke besparingspad; vervangen door het principeakkoord van 18-04-2023 (maatregel "besparing-hervormingsagenda").',
    excludes: ['besparing-hervormingsagenda'],
    range: {
      lowPct: -100,
      highPct: 0,
      source: `aanname: Bevroren bij het principeakkoord (${cite('hervormingsagenda-principeakkoord', '18-04-2023')}): de korting kan geheel vervallen`,
    },
  },
  {
    id: 'besparing-hervormingsagenda',
    name: 'Besparing Hervormingsagenda (principeakkoord 2023)',
    kind: 'structureel',
    national: { '2025': -500 * MLN, '2026': -1000 * MLN },
    continues: true,
    source: `${cite('hervormingsagenda-principeakkoord', '18-04-2023')}: besparingen 2023–2025 bevroren, de extra € 100 mln voor 2024 vervalt, gemeenten ramen de volle besparing van € 1 mld vanaf 2026`,
    note: '2025: de bevroren € 500 mln uit de afspraak van 2022 (aanname); vanaf 2026 structureel € 1 mld. De Deskundigencommissie (30-01-2025) acht deze besparing niet haalbaar en adviseert haar vanaf 2028 als pm te ramen.',
    excludes: ['lagere-uitgaven-2022'],
    range: {
      lowPct: -100,
      highPct: 0,
      source: `aanname: De Deskundigencommissie acht de besparing niet haalbaar en adviseert haar vanaf 2028 als pm te ramen (${cite('deskundigencommissie-groeipijn', '30-01-2025')}): van volledig tot niet doorgevoerd`,
    },
  },
  {
    id: 'korting-511-mln',
    name: 'Korting € 511 mln (Rutte IV) vanaf 2026',
    kind: 'structureel',
    national: { '2026': -511 * MLN },
    continues: true,
    source: `${cite('hervormingsagenda-principeakkoord', '2023: aparte besparing Rutte IV van € 511 mln')}; ${cite('voorjaarsnota-2024-jeugd', 'korting voor 2025 geschrapt, vanaf 2026 nog geraamd')}`,
    range: {
      lowPct: -100,
      highPct: 0,
      source: `aanname: De korting voor 2025 is al geschrapt (${cite('voorjaarsnota-2024-jeugd')}); ook de latere jaren kunnen vervallen`,
    },
  },
  {
    id: 'deskundigencommissie-50pct',
    name: 'Compensatie 50% van het tekort (advies Deskundigencommissie)',
    kind: 'incidenteel',
    national: { '2025': 414 * MLN, '2026': 414 * MLN, '2027': 414 * MLN },
    continues: false,
    source: `${cite('deskundigencommissie-groeipijn', '30-01-2025')}: tekort € 628 mln (2023) en ca. € 828 mln (2024); het Rijk zou de helft moeten betalen`,
    note: 'Aanname: de helft van het tekort over 2024 (€ 828 mln × 50% = € 414 mln) per jaar in 2025–2027, tot het volgende advies begin 2027. Alternatief voor "voorjaarsnota-2025-extra".',
    excludes: ['voorjaarsnota-2025-extra'],
    range: {
      lowPct: -25,
      highPct: 25,
      source: `aanname: Het tekort was € 628 mln (2023) en ca. € 828 mln (2024) (${cite('deskundigencommissie-groeipijn', '30-01-2025')}): de helft van 2023 ligt 24% onder de aanname; een groter tekort geeft evenveel meer`,
    },
  },
  {
    id: 'voorjaarsnota-2025-extra',
    name: 'Extra middelen Voorjaarsnota 2025 (ca. € 3 mld 2025–2027)',
    kind: 'incidenteel',
    national: { '2025': 1000 * MLN, '2026': 1000 * MLN, '2027': 1000 * MLN },
    continues: false,
    source: cite('voorjaarsnota-2025-jeugd', 'ongeveer € 3 mld voor gemeenten in 2025–2027'),
    note: 'Aanname: gelijk verdeeld, € 1 mld per jaar. De uitwerking van het advies van de Deskundigencommissie; alternatief voor "deskundigencommissie-50pct".',
    excludes: ['deskundigencommissie-50pct'],
    range: {
      lowPct: -10,
      highPct: 10,
      source: `aanname: "Ongeveer € 3 mld" (${cite('voorjaarsnota-2025-jeugd')}); de verdeling over de jaren is een aanname`,
    },
  },
  {
    id: 'eigen-bijdrage',
    name: 'Eigen bijdrage jeugdhulp vanaf 2028',
    kind: 'structureel',
    national: { '2028': -260 * MLN },
    continues: true,
    source: cite('voorjaarsnota-2025-jeugd', 'een eigen bijdrage moet vanaf 2028 ongeveer € 260 mln per jaar besparen'),
    note: 'Uitname uit de Rijksmiddelen. De inkomsten uit eigen bijdragen of het lagere gebruik zijn niet inbegrepen: neem die op als aanname bij de segmenten.',
    range: {
      lowPct: -100,
      highPct: 0,
      source: `aanname: Een voornemen dat nog wetgeving vraagt (${cite('voorjaarsnota-2025-jeugd')}): de uitname kan kleiner uitvallen of vervallen`,
    },
  },
  {
    id: 'kortere-trajecten',
    name: 'Kortere trajecten vanaf 2028',
    kind: 'structureel',
    national: { '2028': -70 * MLN },
    continues: true,
    source: cite('voorjaarsnota-2025-jeugd', 'kortere trajecten moeten vanaf 2028 ongeveer € 70 mln per jaar besparen'),
    note: 'Uitname uit de Rijksmiddelen. De lagere lasten volgen alleen als de trajecten ook korter worden: neem dat op als durationChangePct bij de segmenten.',
    range: {
      lowPct: -100,
      highPct: 0,
      source: `aanname: Een voornemen zonder uitgewerkte maatregel (${cite('voorjaarsnota-2025-jeugd')}): de uitname kan kleiner uitvallen of vervallen`,
    },
  },
];

const BY_ID = new Map(RIJKSMAATREGELEN.map((m) => [m.id, m]));

export function findMeasure(id: string): Rijksmaatregel | undefined {
  return BY_ID.get(id);
}

/**
 * The national amount of a measure in each year: the listed amounts, and for a
 * measure that `continues`, the last listed amount in every later year.
 */
export function nationalAmounts(measure: Rijksmaatregel, years: readonly number[]): number[] {
  const listed = Object.keys(measure.national)
    .map(Number)
    .sort((a, b) => a - b);
  return years.map((y) => {
    const own = measure.national[String(y)];
    if (own !== undefined) return own;
    if (!measure.continues) return 0;
    let last: number | undefined;
    for (const year of listed) if (year <= y) last = year;
    return last === undefined ? 0 : measure.national[String(last)]!;
  });
}

/**
 * An estimate of Noord-Limburg's share of the national jeugd budget, for a
 * model's `funding.nationalShare` when no better figure is at hand: by
 * population, ruim 270.000 inwoners of about 17,9 mln.
 */
export const NOORD_LIMBURG_NATIONAL_SHARE = {
  value: 270_000 / 17_900_000,
  source: `Schatting naar inwonertal: ruim 270.000 inwoners (${cite('beleidsplan-noord-limburg', '§ 4.1')}) van ca. 17,9 mln in Nederland (${cite('cbs-bevolking')}) = ca. 1,51%. Het aandeel in het landelijke jeugdbudget kan afwijken door de verdeelsleutel van het gemeentefonds.`,
  estimate: true,
} as const;
