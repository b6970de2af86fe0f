/**
 * Builds models/noord-limburg.json, the default model of regio Noord-Limburg,
 * from the seed figures (Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3
 * and § 5.1) and the public figures in shared/domain/facts.md.
 *
 * Why a script: every derived number (calibrated inflow and price, the JB/JR
 * split, the Veilig Thuis share, the youth per gemeente, the Rijksmiddelen) is
 * computed here from the figures it rests on, so the reasoning is reviewable and
 * re-runnable. The JSON it writes is the product; this script is its working.
 *
 *   npx tsx scripts/build-default-model.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calibrate, DAYS_PER_MONTH } from '../src/shared/engine/calibrate';
import {
  MODEL_FORMAT,
  type BudgetSegment,
  type Gemeente,
  type Model,
  type Segment,
  type VolumeSegment,
} from '../src/shared/formats/model';
import { parseModel } from '../src/shared/formats/validate';
import { formatEuro } from '../src/shared/locale/numbers';
import { cite } from '../src/shared/domain/sources';

/** Citations come from the one mapping in src/shared/domain/sources.ts: title, part and year, never a file name. */
const plan = (detail: string) => cite('beleidsplan-noord-limburg', detail);
const CBS_LASTEN = `${cite('cbs-83454')} (lasten jeugdzorg per gemeente)`;

/** Rounds model figures to 4 decimals: exact enough (< 0,01% off) and readable in the file. */
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
/** Calibrated figures keep 8 decimals so the base year reproduces the seed turnover to the euro. */
const r8 = (x: number) => Math.round(x * 1e8) / 1e8;
const euro = (x: number) => formatEuro(x);
/** A figure inside a Dutch source text: 82,5 */
const nl = (x: number, decimals = 2) => x.toLocaleString('nl-NL', { maximumFractionDigits: decimals });

// ---------------------------------------------------------------- gemeenten
/*
 * Jeugdigen 0–17 per gemeente (1-1-2022).
 * - Venlo: CBS 71488ned, 1-1-2022: 0–5 4.599, 5–10 4.667, 10–15 5.078, 15–20 5.498;
 *   0–17 = 0–15 + 3/5 × (15–20) = 14.344 + 3.298,8 = 17.643 (five-year band split evenly).
 * - Regio: ruim 53.000 jongeren 0–19 (beleidsplan § 4.1) → 0–17 ≈ 53.000 × 18/20 = 47.700.
 * - Beesel: 395 jeugdigen in jeugdhulp = 13,5% van de onder-23-jarigen → 2.926 onder-23;
 *   0–17 ≈ 2.926 × 18/23 = 2.290 (ages evenly spread).
 * - Bergen, Gennep: the same lasten per jeugdige as Beesel (CBS 83454NED, 2021 gerealiseerd):
 *   Beesel € 3.871k / 2.290 = € 1.690 per jeugdige → Bergen 3.374k / 1.690 = 1.996, Gennep 3.964k / 1.690 = 2.345.
 * - Horst aan de Maas, Peel en Maas, Venray: the rest of the regional 47.700, evenly (no figure found).
 */
const VENLO = Math.round(4599 + 4667 + 5078 + (3 / 5) * 5498);
const REGION_0_17 = Math.round((53000 * 18) / 20);
const BEESEL_U23 = 395 / 0.135;
const BEESEL = Math.round((BEESEL_U23 * 18) / 23);
const perYouth = 3871000 / BEESEL;
const BERGEN = Math.round(3374000 / perYouth);
const GENNEP = Math.round(3964000 / perYouth);
const REST = REGION_0_17 - VENLO - BEESEL - BERGEN - GENNEP;
const REST_EACH = Math.floor(REST / 3);

const youth: Record<string, { name: string; youth: number; source: string; estimate: boolean }> = {
  beesel: {
    name: 'Beesel',
    youth: BEESEL,
    estimate: true,
    source: `Schatting: ${cite('omroep-peel-en-maas')} (jaar niet vermeld, onbevestigd): 395 jeugdigen in jeugdhulp = 13,5% van de onder-23-jarigen → ${nl(Math.round(BEESEL_U23), 0)} onder-23; 0–17 ≈ × 18/23 = ${BEESEL} (leeftijden gelijk verdeeld).`,
  },
  bergen: {
    name: 'Bergen (L.)',
    youth: BERGEN,
    estimate: true,
    source: `Schatting: zelfde lasten per jeugdige als Beesel (${CBS_LASTEN}, 2021 gerealiseerd, voorlopig: Beesel € 3.871k, Bergen € 3.374k) → 3.374.000 / ${Math.round(perYouth)} = ${BERGEN}.`,
  },
  gennep: {
    name: 'Gennep',
    youth: GENNEP,
    estimate: true,
    source: `Schatting: zelfde lasten per jeugdige als Beesel (${CBS_LASTEN}, 2021 gerealiseerd, voorlopig: Gennep € 3.964k) → 3.964.000 / ${Math.round(perYouth)} = ${GENNEP}.`,
  },
  horst: {
    name: 'Horst aan de Maas',
    youth: REST_EACH,
    estimate: true,
    source: `Schatting: regio 0–17 ≈ ${REGION_0_17} (${plan('§ 4.1')}: ruim 53.000 jongeren 0–19, × 18/20) min Venlo, Beesel, Bergen en Gennep = ${REST}, gelijk verdeeld over Horst aan de Maas, Peel en Maas en Venray (geen cijfer per gemeente gevonden).`,
  },
  peelenmaas: {
    name: 'Peel en Maas',
    youth: REST_EACH,
    estimate: true,
    source: `Schatting: als Horst aan de Maas (rest van de regio ${REST}, gelijk verdeeld over drie gemeenten; geen cijfer per gemeente gevonden).`,
  },
  venlo: {
    name: 'Venlo',
    youth: VENLO,
    estimate: true,
    source: `${cite('cbs-71488', '1-1-2022')}: 0–15 = 4.599 + 4.667 + 5.078 = 14.344; 15–20 = 5.498, waarvan 3/5 als 15–17 geteld (schatting: de vijfjaarsklasse splitst niet bij 18) → ${VENLO}.`,
  },
  venray: {
    name: 'Venray',
    youth: REST - 2 * REST_EACH,
    estimate: true,
    source: `Schatting: als Horst aan de Maas (rest van de regio ${REST}, gelijk verdeeld over drie gemeenten; geen cijfer per gemeente gevonden).`,
  },
};

/*
 * fundingShare: each gemeente's share of the Rijksmiddelen. The real split follows the
 * gemeentefonds' objective verdeelmodel, which the sources do not give; estimated as the
 * youth share, rounded to 4 decimals with the last gemeente taking the rest so they sum to 1.
 */
const totalYouth = Object.values(youth).reduce((t, g) => t + g.youth, 0);
const ids = Object.keys(youth);
let assigned = 0;
const gemeenten: Gemeente[] = ids.map((id, k) => {
  const g = youth[id]!;
  const share = k === ids.length - 1 ? r4(1 - assigned) : r4(g.youth / totalYouth);
  assigned += share;
  return {
    id,
    name: g.name,
    youth0to17: g.youth,
    fundingShare: share,
    source: `Jeugdigen 0–17: ${g.source} fundingShare: geschat als aandeel jeugdigen 0–17 in de regio (het objectieve verdeelmodel van het gemeentefonds staat niet in de bronnen).`,
    estimate: g.estimate,
  };
});

// ---------------------------------------------------------------- seed segments (Bijlage 3)
interface SeedVolume {
  id: string;
  name: string;
  group: string;
  taakveld: VolumeSegment['taakveld'];
  year: number;
  clients: number;
  turnover: number;
  durationMonths?: number;
  avgDaysPerClient?: number;
  /** price per day (etmaal) rather than per client-month */
  perDay: boolean;
  table: string;
  durationNote?: string;
}

function seedVolume(s: SeedVolume): VolumeSegment {
  const c = calibrate({
    clients: s.clients,
    turnover: s.turnover,
    ...(s.durationMonths !== undefined
      ? { durationMonths: s.durationMonths }
      : { avgDaysPerClient: s.avgDaysPerClient! }),
  });
  const figures =
    s.avgDaysPerClient !== undefined
      ? `${s.clients} jeugdigen, gemiddeld ${s.avgDaysPerClient} dagen per jeugdige, omzet ${euro(s.turnover)}`
      : `${s.clients} jeugdigen, omzet ${euro(s.turnover)}`;
  const derivation =
    s.avgDaysPerClient !== undefined
      ? `cliëntmaanden = ${s.clients} × ${s.avgDaysPerClient} / 30,44 = ${nl(c.clientMonths)}; in zorg op 1 januari = ${nl(c.openingClients)}; instroom = ${s.clients} − ${nl(c.openingClients)} = ${nl(c.inflowPerYear)} per jaar; duur = 12 × in zorg / instroom = ${nl(c.avgDurationMonths)} maanden`
      : `instroom = ${s.clients} / (1 + ${s.durationMonths}/12) = ${nl(c.inflowPerYear)} per jaar; in zorg op 1 januari = ${nl(c.openingClients)}`;
  const price = s.perDay ? c.pricePerClientMonth / DAYS_PER_MONTH : c.pricePerClientMonth;
  return {
    id: s.id,
    name: s.name,
    group: s.group,
    kind: 'volume',
    taakveld: s.taakveld,
    inflowPerYear: r8(c.inflowPerYear),
    avgDurationMonths: r8(c.avgDurationMonths),
    ...(s.perDay ? { unitsPerClientMonth: DAYS_PER_MONTH } : {}),
    unit: s.perDay ? 'etmaal' : 'cliëntmaand',
    pricePerUnit: r8(price),
    source: `${plan(`Bijlage 3, tabel ${s.table}, ${s.year}`)}, kolom Limburg-Noord: ${figures}. Gekalibreerd (stabiele toestand): ${derivation}; prijs = omzet / cliëntmaanden = ${s.perDay ? `${euro(c.pricePerClientMonth)} per cliëntmaand = € ${nl(price)} per etmaal` : `${euro(c.pricePerClientMonth)} per cliëntmaand`}. Bedragen van ${s.year}, zonder indexatie als 2022 gebruikt.${s.durationNote ? ` ${s.durationNote}` : ''}`,
    estimate: false,
    calibration: {
      year: s.year,
      clients: s.clients,
      turnover: s.turnover,
      ...(s.durationMonths !== undefined
        ? { durationMonths: s.durationMonths }
        : { avgDaysPerClient: s.avgDaysPerClient! }),
      source: plan(`Bijlage 3, tabel ${s.table}, ${s.year}`),
    },
  };
}

const GROUP_OVB = 'Opname vervangende behandeling en behandeling met verblijf';
const GROUP_WONEN = 'Wonen';
const GROUP_DAG = 'Dagbesteding en dagbehandeling';
const GROUP_AMB = 'Ambulant';
const GROUP_CRISIS = 'Crisishulp';
const GROUP_JZP = 'JeugdzorgPlus';
const GROUP_JBJR = 'Jeugdbescherming en jeugdreclassering';
const GROUP_REGIO = 'Regionale taken';

const verblijf = seedVolume({
  id: 'verblijf-behandeling',
  name: 'Behandeling met verblijf',
  group: GROUP_OVB,
  taakveld: '6.73c',
  year: 2019,
  clients: 165,
  turnover: 6600000,
  durationMonths: 12,
  perDay: true,
  table: 'Verblijf met behandeling',
  durationNote: 'Aanname (niet in de bron): gemiddelde verblijfsduur 12 maanden.',
});
const ovb = seedVolume({
  id: 'opname-vervangende-behandeling',
  name: 'Opname vervangende behandeling',
  group: GROUP_OVB,
  taakveld: '6.72b',
  year: 2019,
  clients: 103,
  turnover: 900000,
  durationMonths: 6,
  perDay: false,
  table: 'Verblijf met behandeling',
  durationNote: 'Aanname (niet in de bron): gemiddelde trajectduur 6 maanden (intensieve ambulante behandeling thuis).',
});
const jzp = seedVolume({
  id: 'jeugdzorgplus',
  name: 'JeugdzorgPlus (gesloten plaatsing)',
  group: GROUP_JZP,
  taakveld: '6.74c',
  year: 2020,
  clients: 29,
  turnover: 1492689,
  avgDaysPerClient: 115,
  perDay: true,
  table: 'JeugdzorgPlus',
});
const crisisbedden = seedVolume({
  id: 'crisisbedden',
  name: 'Crisisbedden',
  group: GROUP_CRISIS,
  taakveld: '6.74b',
  year: 2020,
  clients: 77,
  turnover: 414248,
  durationMonths: 1,
  perDay: true,
  table: 'Crisishulp',
  durationNote:
    'Aanname (niet in de bron): een crisisplaatsing duurt gemiddeld 1 maand (de kortste duur die het model toestaat).',
});

function seedBudget(b: Omit<BudgetSegment, 'kind'>): BudgetSegment {
  return { kind: 'budget', ...b };
}

const crisisdienst = seedBudget({
  id: 'crisisdienst',
  name: 'Crisisdienst Jeugd (subsidie/inkoop)',
  group: GROUP_CRISIS,
  taakveld: '6.74b',
  amount: 584200,
  source: `${plan('Bijlage 3, tabel Crisishulp, 2020')}, kolom Limburg-Noord: subsidie/inkoop crisisdienst Jeugd € 584.200 (452 crisismeldingen). Bedrag van 2020, zonder indexatie als 2022 gebruikt.`,
  estimate: false,
});

/*
 * JB/JR subsidie € 6.170.529 (2020) for 81 JR, 531 OTS and 145 voogdij. Iv3 since 2023 books
 * jeugdbescherming (6.82a) and jeugdreclassering (6.82b) apart: split by client counts 676 : 81.
 */
const JBJR = 6170529;
const JB = r4((JBJR * (531 + 145)) / (531 + 145 + 81));
const JR = r4(JBJR - JB);
const jbjrSource = `${plan('Bijlage 3, tabel Jeugdbescherming en Jeugdreclassering, 2020')}, kolom Limburg-Noord: subsidie € 6.170.529 voor 81 JR, 531 OTS en 145 voogdij. Verdeeld over de taakvelden 6.82a/6.82b naar aantal jeugdigen: JB (OTS + voogdij) 676, JR 81 (verdeling is een schatting; de bron geeft één subsidie). Bedrag van 2020, zonder indexatie als 2022 gebruikt.`;
const jb = seedBudget({
  id: 'jeugdbescherming',
  name: 'Jeugdbescherming (subsidie GI)',
  group: GROUP_JBJR,
  taakveld: '6.82a',
  amount: JB,
  source: `${jbjrSource} JB = 6.170.529 × 676/757 = ${euro(JB)}.`,
  estimate: false,
});
const jr = seedBudget({
  id: 'jeugdreclassering',
  name: 'Jeugdreclassering (subsidie GI)',
  group: GROUP_JBJR,
  taakveld: '6.82b',
  amount: JR,
  source: `${jbjrSource} JR = 6.170.529 × 81/757 = ${euro(JR)}.`,
  estimate: false,
});

/* Veilig Thuis € 4.486.000 is for all of Noord- en Midden-Limburg: share of Limburg-Noord by meldingen 1.872 / 3.553. */
const VT = r4((4486000 * 1872) / 3553);
const veiligThuis = seedBudget({
  id: 'veilig-thuis',
  name: 'Veilig Thuis (aandeel Noord-Limburg)',
  group: GROUP_REGIO,
  taakveld: '7.1',
  amount: VT,
  source: `${plan('Bijlage 3, tabel Veilig Thuis, 2020')} (daar uit het Jaarverslag Veilig Thuis 2020): subsidie € 4.486.000 voor heel Noord- en Midden-Limburg. Aandeel Noord-Limburg geschat naar aandeel meldingen: 1.872 / 3.553 → ${euro(VT)}. Taakveld 7.1 Volksgezondheid is een aanname (de taakveldindeling van het Iv3-informatievoorschrift 2023 noemt Veilig Thuis niet bij jeugd; controleer de eigen begroting).`,
  estimate: true,
});
const transformatie = seedBudget({
  id: 'transformatie-preventie',
  name: 'Regionaal budget transformatie en preventie',
  group: GROUP_REGIO,
  taakveld: '6.1',
  amount: 500000,
  source: `${plan('§ 5.1 Regionaal budget')}: € 500.000 per jaar. Taakveld 6.1 (Samenkracht en burgerparticipatie) is een afleiding: preventie en versterken van de omgeving (de jeugdtaakvelden van het Iv3-informatievoorschrift 2023 dekken dit budget niet).`,
  estimate: false,
});

// ---------------------------------------------------------------- estimated segments
/*
 * What the seeds do not give. The regional total of lasten 2022 is estimated from CBS 83454NED
 * (public figures) and the rest after the seed lines is spread over the segments of the beleidsplan.
 *   Venlo 2024 gerealiseerd € 41.869k, terug naar 2022-prijzen met de VNG-index (6,43% 2023, 5,71% 2024):
 *     41.869 / 1,0643 / 1,0571 = € 37.214k
 *   Beesel + Bergen + Gennep 2021 gerealiseerd: 3.871 + 3.374 + 3.964 = € 11.209k (as 2022; € 1.690 per jeugdige)
 *   Horst aan de Maas, Peel en Maas, Venray: € 1.690 per jeugdige (as the three small gemeenten)
 */
const venlo2022 = 41869000 / 1.0643 / 1.0571;
const small3 = 3871000 + 3374000 + 3964000;
const small3Youth = BEESEL + BERGEN + GENNEP;
const rest3 = (small3 / small3Youth) * REST;
const REGION_TOTAL = venlo2022 + small3 + rest3;
const seedTotal =
  [verblijf, ovb, jzp, crisisbedden].reduce(
    (t, s) => t + s.inflowPerYear * s.avgDurationMonths * (s.unitsPerClientMonth ?? 1) * s.pricePerUnit,
    0,
  ) +
  crisisdienst.amount +
  jb.amount +
  jr.amount +
  VT +
  500000;
const REMAINDER = REGION_TOTAL - seedTotal;

const TOTAL_NOTE = `Regionaal totaal lasten 2022 geschat op ${euro(REGION_TOTAL)} uit ${CBS_LASTEN}: Venlo 2024 gerealiseerd € 41.869k, teruggerekend naar 2022 met de VNG-indexcijfers 6,43% (2023) en 5,71% (2024) = ${euro(venlo2022)}; Beesel, Bergen en Gennep 2021 gerealiseerd samen € 11.209k (= 2022 aangenomen); Horst aan de Maas, Peel en Maas en Venray met dezelfde lasten per jeugdige als die drie (${euro(small3 / small3Youth)}) = ${euro(rest3)}. Na aftrek van de bronregels (${euro(seedTotal)}) blijft ${euro(REMAINDER)} voor ambulant, dagbesteding/dagbehandeling en wonen.`;

/*
 * Check on the client numbers: all volume segments together serve about 10.900 trajectories a year
 * (unique clients per segment N = inflow + stock on 1 January). With about 61.000 jongeren 0–22 in the
 * region (47.700 × 23/18) and 10,7% (Horst aan de Maas 2022) to 13,5% (Beesel) of them in jeugdhulp,
 * that is 6.500–8.200 jeugdigen; a jeugdige often has more than one product, so the order of size fits.
 */
const CLIENTS_NOTE = `Controle: alle volumesegmenten samen tellen circa 10.900 trajecten per jaar; met circa 61.000 jongeren 0–22 in de regio en 10,7% (Horst aan de Maas, 2022) tot 13,5% (Beesel) in jeugdhulp (${cite('hallo-horst')}; ${cite('omroep-peel-en-maas')}) zijn dat 6.500–8.200 jeugdigen, die vaak meer dan één product hebben.`;

/** Share of the remainder per estimated segment: an assumption (no source gives the split), stated in each note. */
interface Estimate {
  id: string;
  name: string;
  group: string;
  taakveld: VolumeSegment['taakveld'];
  share: number;
  unit: string;
  units: number;
  price: number;
  duration: number;
  how: string;
}

const estimates: Estimate[] = [
  {
    id: 'ambulante-begeleiding',
    name: 'Ambulante begeleiding',
    group: GROUP_AMB,
    taakveld: '6.72a',
    share: 0.25,
    unit: 'uur',
    units: 12,
    price: 75,
    duration: 14,
    how: '12 uur per cliëntmaand à € 75, trajectduur 14 maanden',
  },
  {
    id: 'ambulante-behandeling',
    name: 'Ambulante behandeling',
    group: GROUP_AMB,
    taakveld: '6.72b',
    share: 0.17,
    unit: 'uur',
    units: 10,
    price: 100,
    duration: 10,
    how: '10 uur per cliëntmaand à € 100, trajectduur 10 maanden',
  },
  {
    id: 'ambulante-ggz',
    name: 'Ambulante jeugd-GGZ',
    group: GROUP_AMB,
    taakveld: '6.74a',
    share: 0.2,
    unit: 'uur',
    units: 8,
    price: 125,
    duration: 12,
    how: '8 uur per cliëntmaand à € 125, trajectduur 12 maanden',
  },
  {
    id: 'dyslexie',
    name: 'Dyslexiezorg (EED)',
    group: GROUP_AMB,
    taakveld: '6.72d',
    share: 0.02,
    unit: 'cliëntmaand',
    units: 1,
    price: 250,
    duration: 18,
    how: '€ 250 per cliëntmaand, trajectduur 18 maanden',
  },
  {
    id: 'dagbehandeling',
    name: 'Dagbehandeling',
    group: GROUP_DAG,
    taakveld: '6.72b',
    share: 0.09,
    unit: 'dagdeel',
    units: 16,
    price: 110,
    duration: 9,
    how: '16 dagdelen per cliëntmaand à € 110, trajectduur 9 maanden',
  },
  {
    id: 'dagbesteding',
    name: 'Dagbesteding',
    group: GROUP_DAG,
    taakveld: '6.72c',
    share: 0.07,
    unit: 'dagdeel',
    units: 12,
    price: 60,
    duration: 18,
    how: '12 dagdelen per cliëntmaand à € 60, trajectduur 18 maanden',
  },
  {
    id: 'pleegzorg',
    name: 'Pleegzorg',
    group: GROUP_WONEN,
    taakveld: '6.73a',
    share: 0.13,
    unit: 'etmaal',
    units: r4(DAYS_PER_MONTH),
    price: 55,
    duration: 30,
    how: 'etmalen à € 55 (begeleiding en vergoeding), verblijfsduur 30 maanden',
  },
  {
    id: 'gezinshuizen',
    name: 'Gezinshuizen',
    group: GROUP_WONEN,
    taakveld: '6.73b',
    share: 0.07,
    unit: 'etmaal',
    units: r4(DAYS_PER_MONTH),
    price: 180,
    duration: 30,
    how: 'etmalen à € 180, verblijfsduur 30 maanden',
  },
];
if (Math.abs(estimates.reduce((t, e) => t + e.share, 0) - 1) > 1e-9)
  throw new Error('de aandelen van de geschatte segmenten tellen niet op tot 1');

const estimated: VolumeSegment[] = estimates.map((e) => {
  const cost = REMAINDER * e.share;
  const perClientMonth = e.units * e.price;
  const inCare = cost / (12 * perClientMonth);
  const inflow = (inCare * 12) / e.duration;
  return {
    id: e.id,
    name: e.name,
    group: e.group,
    kind: 'volume',
    taakveld: e.taakveld,
    inflowPerYear: r4(inflow),
    avgDurationMonths: e.duration,
    ...(e.units !== 1 ? { unitsPerClientMonth: e.units } : {}),
    unit: e.unit,
    pricePerUnit: e.price,
    estimate: true,
    source: `Schatting (geen bron voor dit segment): ${Math.round(e.share * 100)}% van de ${euro(REMAINDER)} die na de bronregels overblijft = ${euro(cost)} in 2022. Aangenomen ${e.how}; daaruit ${nl(inCare)} jeugdigen tegelijk in zorg en een instroom van ${nl(inflow)} per jaar (stabiele toestand). Taakveld volgens ${cite('iv3-2023')}; de indeling van een segment op een taakveld is een afleiding.`,
    note: `${TOTAL_NOTE} ${CLIENTS_NOTE}`,
  };
});

// ---------------------------------------------------------------- Rijksmiddelen
/*
 * The Rijksmiddelen jeugd for the region in 2022 are not in the seeds. The per-inwoner figures in
 * public figures (Peel en Maas € 186, Beesel € 219; year not stated) give 270.000 × € 202,50 ≈ € 54,7 mln:
 * far below the estimated lasten, most likely an older year before the Commissie van Wijzen money.
 * Instead: the national ratio of Rijk funding to spending. Deskundigencommissie (30-01-2025): shortfall
 * about € 828 mln on € 8,1 mld spending in 2024 → the Rijk covered (8,1 − 0,828) / 8,1 = 89,78%.
 */
const COVER = (8.1e9 - 828e6) / 8.1e9;
const modelCost2022 = seedTotal + REMAINDER;
const BASE_FUNDING = Math.round(modelCost2022 * COVER);
/*
 * Region's share of national measures = its share of the national jeugd budget (issue 11): its Rijksmiddelen
 * 2024 (the base amount with the index 2023–2024) over the national budget 2024, spending € 8,1 mld minus the
 * shortfall € 828 mln. Because the base amount rests on the same national cover ratio, this equals the
 * region's share of national spending; the population-based share (1,51%) is shown next to it in the UI.
 */
const NATIONAL_BUDGET_2024 = 8.1e9 - 828e6;
const funding2024 = BASE_FUNDING * 1.0643 * 1.0571;
const NATIONAL_SHARE = Math.round((funding2024 / NATIONAL_BUDGET_2024) * 1e5) / 1e5;

// ---------------------------------------------------------------- verdeelsleutel per gemeente
/**
 * The regional practice: the beleidsplan's market analysis (Bijlage 5, Financiën) names the
 * "verdeelsleutel jeugd: deels solidariteit, deels realisatie" but not which function goes which way.
 * Derived here: the functions the region contracts jointly (crisis, JeugdzorgPlus, verblijf — the segment
 * "opname vervangende behandeling en behandeling met verblijf" — and JB/JR, plus the regional tasks Veilig
 * Thuis and the regional budget of § 5.1) are shared by solidarity (youth 0–17); the rest by use, averaged
 * over the last three realised years (less sensitive to one large case than t−1). Without realised figures
 * per gemeente the use lines fall back to solidarity, which the result says per line.
 */
const SOLIDARITY_LINES = new Set([
  'verblijf-behandeling',
  'opname-vervangende-behandeling',
  'crisisdienst',
  'crisisbedden',
  'jeugdzorgplus',
  'jeugdbescherming',
  'jeugdreclassering',
  'veilig-thuis',
  'transformatie-preventie',
]);
const SPLIT_SOURCE = cite(
  'beleidsplan-noord-limburg',
  'Bijlage 5 Marktanalyse, Financiën: "verdeelsleutel jeugd: deels solidariteit, deels realisatie"',
);

function withRegionalKey<S extends Segment>(seg: S): S {
  return { ...seg, split: SOLIDARITY_LINES.has(seg.id) ? 'solidarity' : 'usage-average-3' };
}

// ---------------------------------------------------------------- bekende ontwikkelingen
/*
 * Known changes a begroting budgets as separate lines next to indexation (issue 11, item 2). Venlo, the
 * largest gemeente (37% of the region's youth 0–17), publishes them per line in its begroting; for the
 * region they are derived from Venlo's figures where the change is regional or national, and marked as an
 * estimate. Amounts: + = more lasten (Venlo's begroting shows them as − on its saldo).
 */
/** Venlo's jeugd lasten begroot 2024 (× € 1.000, CBS 83454NED, 2024 voorlopig): JB 3.784 + JR 398; jeugdhulp 38.604. */
const VENLO_JBJR_2024 = 3784 + 398;
const VENLO_JEUGDHULP_2024 = 38604;
const JBJR_PCT = Math.round((229 / VENLO_JBJR_2024) * 1e4) / 100;
const TARIEF_PCT = Math.round((3745 / VENLO_JEUGDHULP_2024) * 1e4) / 100;
const NOT_CONTRACTED = new Set(['jeugdbescherming', 'jeugdreclassering', 'veilig-thuis', 'transformatie-preventie']);
const allSegments = [verblijf, ovb, ...estimated, crisisdienst, crisisbedden, jzp, jb, jr, veiligThuis, transformatie];
const contracted = allSegments.filter((seg) => !NOT_CONTRACTED.has(seg.id)).map((seg) => seg.id);
const pctText = (x: number) => x.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

const knownChanges: Model['knownChanges'] = [
  {
    id: 'woonplaatsbeginsel',
    name: 'Woonplaatsbeginsel Jeugd (Jeugdwet 2022)',
    side: 'lasten',
    kind: 'structureel',
    perGemeente: { venlo: { '2024': 2_970_000, '2025': 2_374_000 } },
    range: {
      lowPct: -50,
      highPct: 25,
      source:
        'aanname: de eerste raming (2024) lag al 20% boven die van de jaren erna; hoeveel kosten verschuiven hangt af van enkele dure verblijfstrajecten, daarom −50% tot +25%.',
    },
    source: `${cite('venlo-begroting-2024', 'begrotingsvoorstel "Woonplaatsbeginsel Jeugd": −2.970 (2024), −2.374 (2025, 2026, 2027), × € 1.000')}. Sinds 1-1-2022 betaalt de gemeente waar de jeugdige vóór het verblijf ingeschreven stond (Jeugdwet, woonplaatsbeginsel); dat verschuift kosten tussen gemeenten.`,
    estimate: true,
    note: 'Venlo: het bedrag uit de eigen begroting, structureel vanaf 2025. De andere zes gemeenten noemen (in de gevonden stukken) geen bedrag: geschat op 0, omdat het woonplaatsbeginsel kosten tussen gemeenten verschuift (landelijk per saldo nul) en het gemeentefonds in 2022 op de nieuwe verdeling is aangepast; een gemeente met een eigen raming vult die hier in.',
  },
  {
    id: 'landelijk-tarief-jbjr',
    name: 'Landelijk tarief jeugdbescherming en jeugdreclassering',
    side: 'lasten',
    kind: 'structureel',
    pctOfSegments: { segments: ['jeugdbescherming', 'jeugdreclassering'], pct: JBJR_PCT, fromYear: 2025 },
    range: {
      lowPct: -25,
      highPct: 25,
      source:
        'aanname: het percentage is van één gemeente afgeleid; de regionale tarieven JB/JR lagen niet overal even ver van het landelijke tarief, daarom ±25%.',
    },
    source: `${cite('venlo-begroting-2025', 'begrotingsvoorstel "Meicirculaire 2024: Invoering landelijk tarief jeugdbescherming en jeugdreclassering": −229 (2025), −216 (2026), −217 (2027), −219 (2028), × € 1.000')}; Venlo's begrote lasten JB/JR 2024: € 3.784.000 + € 398.000 (${cite('cbs-83454', 'Venlo, 2024 voorlopig')}).`,
    estimate: true,
    note: `Schatting voor de regio: Venlo's meerkosten 2025 (€ 229.000) zijn ${pctText(JBJR_PCT)}% van zijn lasten JB/JR; de regio rekent met hetzelfde percentage op de lasten van jeugdbescherming en jeugdreclassering, vanaf 2025.`,
  },
  {
    id: 'tarieven-2026',
    name: 'Reële tarieven 2026 jeugdhulp (kostendekkendheidsonderzoek)',
    side: 'lasten',
    kind: 'structureel',
    pctOfSegments: { segments: contracted, pct: TARIEF_PCT, fromYear: 2026 },
    range: {
      lowPct: -40,
      highPct: 20,
      source:
        'aanname: het onderzoek noemt voor Venlo structureel € 3.370.000, de begroting € 3.745.000 (10% meer); het percentage rekent op alle jeugdhulp, ook wat niet gecontracteerd is (pgb, niet-gecontracteerd aanbod), en overschat dus eerder: −40% tot +20%.',
    },
    source: `${cite('venlo-begroting-2026', 'begrotingsvoorstel "Tarieven 2026 Jeugd Gecontracteerd aanbod": −3.745 per jaar 2026–2029, × € 1.000; een onafhankelijk onderzoek naar de kostendekkendheid van de tarieven (AMvB reële tarieven) noemt structureel € 3.370.000 voor jeugd')}; Venlo's begrote lasten jeugdhulp 2024: € 38.604.000 (${cite('cbs-83454', 'Venlo, 2024 voorlopig')}).`,
    estimate: true,
    note: `Schatting voor de regio: de tarieven zijn regionaal ingekocht, dus geldt de verhoging voor alle gemeenten; Venlo's meerkosten zijn ${pctText(TARIEF_PCT)}% van zijn lasten jeugdhulp, en de regio rekent met hetzelfde percentage op de gecontracteerde segmenten (alles behalve jeugdbescherming, jeugdreclassering, Veilig Thuis en het regionale budget), vanaf 2026. Naast de gewone indexatie (Venlo begroot die apart).`,
  },
];

const model: Model = {
  format: MODEL_FORMAT,
  name: 'Regio Noord-Limburg',
  description: `Standaardmodel van de jeugdhulpregio Noord-Limburg (Beesel, Bergen, Gennep, Horst aan de Maas, Peel en Maas, Venlo, Venray), basisjaar 2022. Bronregels uit het Regionaal Beleidsplan Jeugd 2022 en verder (Bijlage 3, § 5.1); overige segmenten, jeugdigen per gemeente en Rijksmiddelen zijn schattingen uit publieke cijfers (estimate: true, met toelichting). Verdeelsleutel over de gemeenten volgens de regionale praktijk "deels solidariteit, deels realisatie" (${SPLIT_SOURCE}); welke functie hoe wordt verdeeld, noemt de bron niet en is afgeleid: solidariteit (naar jeugdigen 0–17) voor de regionaal gecontracteerde functies crisis, JeugdzorgPlus, verblijf (opname vervangende behandeling en behandeling met verblijf) en jeugdbescherming/jeugdreclassering, en voor Veilig Thuis en het regionale budget; naar gebruik (gemiddeld over de laatste drie realisatiejaren) voor wonen, dagbesteding/dagbehandeling en ambulant. Zonder realisatie per gemeente vallen die terug op solidariteit (de uitkomst meldt dat per regel). Opgebouwd met scripts/build-default-model.ts.`,
  baseYear: 2022,
  endYear: 2028,
  gemeenten,
  segments: [
    verblijf,
    ovb,
    ...estimated.filter((s) => s.group === GROUP_WONEN),
    ...estimated.filter((s) => s.group === GROUP_DAG),
    ...estimated.filter((s) => s.group === GROUP_AMB),
    crisisdienst,
    crisisbedden,
    jzp,
    jb,
    jr,
    veiligThuis,
    transformatie,
  ].map(withRegionalKey),
  funding: {
    baseAmount: BASE_FUNDING,
    indexPct: { '2023': 6.43, '2024': 5.71, '2025': 3.94, '2026': 2.5, '2027': 2.5, '2028': 2.5 },
    nationalShare: {
      value: NATIONAL_SHARE,
      source: `Schatting: aandeel van de regio in het landelijke jeugdbudget 2024: € 8,1 mld uitgaven min € 828 mln tekort = ${euro(NATIONAL_BUDGET_2024)} (${cite('deskundigencommissie-groeipijn', '30-01-2025')}). Rijksmiddelen van dit model 2022 (${euro(BASE_FUNDING)}) met de index 2023–2024 naar 2024: ${euro(funding2024)} → ${(NATIONAL_SHARE * 100).toLocaleString('nl-NL')}%. Omdat de Rijksmiddelen zelf met de landelijke dekkingsgraad zijn geschat, is dit gelijk aan het aandeel in de landelijke uitgaven; naar inwonertal (270.000 van 17,9 mln) zou het ca. 1,51% zijn.`,
      estimate: true,
    },
    source: `Schatting Rijksmiddelen jeugd 2022: ${(COVER * 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })}% van de geraamde lasten 2022 (${euro(modelCost2022)}) = ${euro(BASE_FUNDING)}, naar de landelijke verhouding in 2024: tekort circa € 828 mln op € 8,1 mld uitgaven (${cite('deskundigencommissie-groeipijn', '30-01-2025')}). De bedragen per inwoner (${cite('omroep-peel-en-maas')}: Peel en Maas € 186, Beesel € 219, jaar onbekend, onbevestigd) geven 270.000 × € 202,50 ≈ € 54,7 mln; dat ligt ver onder de lasten en is waarschijnlijk van vóór de extra middelen van de Commissie van Wijzen, dus niet gebruikt. Index: ${cite('vng-indexatie')} (OVA 90% + PCC 10%) als benadering van de groei van de Rijksmiddelen: 2023 6,43% en 2024 5,71% (definitief), 2025 3,94% (voorlopig); 2026–2028 2,5% per jaar is een aanname zonder bron. Rijksmaatregelen (Hervormingsagenda, Van Ark) zitten hier niet in: zet ze aan in een scenario.`,
    estimate: true,
  },
  knownChanges,
};

const parsed = parseModel(model);
if (!parsed.ok) {
  console.error(parsed.issues.map((i) => i.message).join('\n'));
  process.exit(1);
}
const out = fileURLToPath(new URL('../models/noord-limburg.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(parsed.value, null, 2)}\n`);
console.log(
  `${out}: ${model.segments.length} segmenten, lasten 2022 ${euro(modelCost2022)}, Rijksmiddelen ${euro(BASE_FUNDING)}, jeugdigen 0–17 ${totalYouth}`,
);
