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
  type RealisedFigure,
  type RealisedFunding,
  type Segment,
  type VolumeSegment,
} from '../src/shared/formats/model';
import { parseModel } from '../src/shared/formats/validate';
import { simulate } from '../src/shared/engine/simulate';
import { emptyScenario } from '../src/shared/formats/scenario';
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
 * Jeugdigen 0–17 per gemeente, from CBS population figures (never from spending).
 * - Venlo: CBS 71488ned, 1-1-2022: 0–5 4.599, 5–10 4.667, 10–15 5.078, 15–20 5.498;
 *   0–17 = 0–15 + 3/5 × (15–20) = 14.344 + 3.298,8 = 17.643 (five-year band split evenly).
 * - Horst aan de Maas: CBS 71488ned, 1-1-2025: 0–5 1.888, 5–10 1.900 (the 10–15 and 15–20 rows were not
 *   seen); 0–17 = 0–10 × Venlo's ratio 0–17 / 0–10 (17.643 / 9.266).
 * - Peel en Maas (1-1-2023 45.276), Beesel (30-9-2023 13.422), Bergen (L.) (1-1-2024 13.151): CBS inwoners ×
 *   Venlo's share of 0–17 in its population (17.643 / 102.136, CBS 71488ned 1-1-2022).
 * - Venray: no CBS figure found; the Etil prognosis (Progneff 2018) gives 0–17: 8.104 (2019) → 7.776 (2024),
 *   linear to 1-1-2022.
 * - Gennep: no figure found; the rest of the regional 0–17 (beleidsplan § 4.1: ruim 53.000 jongeren 0–19,
 *   × 18/20 = 47.700) after the other six.
 */
const VENLO_0_17 = 4599 + 4667 + 5078 + (3 / 5) * 5498;
const VENLO_0_10 = 4599 + 4667;
const VENLO_POP = 102136;
const VENLO_SHARE = VENLO_0_17 / VENLO_POP;
const VENLO = Math.round(VENLO_0_17);
const HORST = Math.round((1888 + 1900) * (VENLO_0_17 / VENLO_0_10));
const PEEL = Math.round(45276 * VENLO_SHARE);
const BEESEL = Math.round(13422 * VENLO_SHARE);
const BERGEN = Math.round(13151 * VENLO_SHARE);
const VENRAY = Math.round(8104 - ((8104 - 7776) * 3) / 5);
const REGION_0_17 = Math.round((53000 * 18) / 20);
const GENNEP = REGION_0_17 - VENLO - HORST - PEEL - BEESEL - BERGEN - VENRAY;
const pct = (x: number) => `${nl(x * 100)}%`;
const SHARE_NOTE = `het aandeel 0–17 in de bevolking van Venlo (${cite('cbs-71488', '1-1-2022')}: ${nl(VENLO_0_17, 0)} van ${nl(VENLO_POP, 0)} = ${pct(VENLO_SHARE)})`;

const youth: Record<string, { name: string; cbsCode: string; youth: number; source: string; estimate: boolean }> = {
  beesel: {
    name: 'Beesel',
    cbsCode: 'GM0889',
    youth: BEESEL,
    estimate: true,
    source: `${cite('omroep-peel-en-maas-inwoners')}: Beesel 13.422 inwoners op 30-09-2023. 0–17 geschat met ${SHARE_NOTE}: ${nl(BEESEL, 0)}.`,
  },
  bergen: {
    name: 'Bergen (L.)',
    cbsCode: 'GM0893',
    youth: BERGEN,
    estimate: true,
    source: `CBS, inwoners op 1-1-2024: 13.151 (${cite('wikipedia-bergen-limburg')}). 0–17 geschat met ${SHARE_NOTE}: ${nl(BERGEN, 0)}.`,
  },
  gennep: {
    name: 'Gennep',
    cbsCode: 'GM0907',
    youth: GENNEP,
    estimate: true,
    source: `Schatting (geen CBS-cijfer gevonden): regio 0–17 ≈ ${nl(REGION_0_17, 0)} (${plan('§ 4.1')}: ruim 53.000 jongeren 0–19, × 18/20) min de zes andere gemeenten = ${nl(GENNEP, 0)}. Niet afgeleid uit de lasten. Onzeker: "ruim 53.000" is een ondergrens, dus eerder meer.`,
  },
  horst: {
    name: 'Horst aan de Maas',
    cbsCode: 'GM1507',
    youth: HORST,
    estimate: true,
    source: `${cite('cbs-71488', '1-1-2025')}: 0–5 jaar 1.888, 5–10 jaar 1.900 (de klassen 10–15 en 15–20 zijn niet gezien). 0–17 geschat als 0–10 × de verhouding 0–17 / 0–10 van Venlo (${cite('cbs-71488', '1-1-2022')}: ${nl(VENLO_0_17, 0)} / ${nl(VENLO_0_10, 0)}) = ${nl(HORST, 0)}.`,
  },
  peelenmaas: {
    name: 'Peel en Maas',
    cbsCode: 'GM1894',
    youth: PEEL,
    estimate: true,
    source: `${cite('omroep-peel-en-maas-inwoners')}: Peel en Maas 45.276 inwoners op 1-1-2023. 0–17 geschat met ${SHARE_NOTE}: ${nl(PEEL, 0)}.`,
  },
  venlo: {
    name: 'Venlo',
    cbsCode: 'GM0983',
    youth: VENLO,
    estimate: true,
    source: `${cite('cbs-71488', '1-1-2022')}: 0–15 = 4.599 + 4.667 + 5.078 = 14.344; 15–20 = 5.498, waarvan 3/5 als 15–17 geteld (de vijfjaarsklasse splitst niet bij 18) → ${nl(VENLO, 0)}.`,
  },
  venray: {
    name: 'Venray',
    cbsCode: 'GM0984',
    youth: VENRAY,
    estimate: true,
    source: `Schatting (geen CBS-cijfer gevonden): ${cite('hallo-venray-progneff')}: jongeren 0–17 van 8.104 (2019) naar 7.776 (2024); lineair op 1-1-2022: ${nl(VENRAY, 0)}. Niet afgeleid uit de lasten.`,
  },
};

/*
 * fundingShare: each gemeente's share of the Rijksmiddelen in years without realised Rijksmiddelen per
 * gemeente: the youth share (the realised years carry each gemeente's own amount, see realisatie below),
 * rounded to 4 decimals with the last gemeente taking the rest so they sum to 1.
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
    cbsCode: g.cbsCode,
    youth0to17: g.youth,
    fundingShare: share,
    source: `CBS-gemeentecode ${g.cbsCode} (CBS StatLine, dimensie Regio's). Jeugdigen 0–17: ${g.source} fundingShare: aandeel jeugdigen 0–17 in de regio (zoals de Rijksmiddelen per gemeente hieronder geschat zijn).`,
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

// ---------------------------------------------------------------- realised lasten per gemeente (CBS scope)
/*
 * Lasten jeugdzorg (jeugdhulp + jeugdbescherming + jeugdreclassering, the scope of CBS 83454NED) per gemeente
 * 2022–2024. Published (CBS StatLine 83454NED, gerealiseerd): Venlo 2024 € 41.869k (voorlopig); Beesel € 3.871k,
 * Bergen € 3.374k and Gennep € 3.964k for 2021 (voorlopig). Everything else is estimated:
 *   - growth per year: the national average 2015–2024, € 3,6 → € 8,1 mld in 9 years = 9,43% per year
 *     (Deskundigencommissie, "Groeipijn"); Venlo 2022 and 2023 back from 2024, Beesel, Bergen, Gennep from 2021;
 *   - Horst aan de Maas, Peel en Maas, Venray: the lasten per jeugdige 0–17 of Beesel, Bergen and Gennep in 2021,
 *     × their own jeugdigen, then the same growth.
 * Veilig Thuis and the regional budget of § 5.1 are outside the CBS scope; they are realised separately below.
 */
const GROWTH = (8.1 / 3.6) ** (1 / 9);
const GROWTH_TEXT = `${nl((GROWTH - 1) * 100)}% per jaar, de landelijke groei van de uitgaven jeugd 2015–2024 (€ 3,6 → € 8,1 mld, ${cite('deskundigencommissie-groeipijn', '30-01-2025')})`;
const REALISED_YEARS = [2022, 2023, 2024] as const;
const LAST_YEAR = 2024;
const CBS_2021: Record<string, number> = { beesel: 3871000, bergen: 3374000, gennep: 3964000 };
const SMALL3_2021 = CBS_2021.beesel! + CBS_2021.bergen! + CBS_2021.gennep!;
const PER_YOUTH_2021 = SMALL3_2021 / (BEESEL + BERGEN + GENNEP);
const VENLO_2024 = 41869000;

interface GemeenteTotal {
  amount: number;
  estimate: boolean;
  source: string;
}
function gemeenteTotal(id: string, year: number): GemeenteTotal {
  if (id === 'venlo') {
    if (year === 2024)
      return {
        amount: VENLO_2024,
        estimate: false,
        source: `${CBS_LASTEN}, Venlo, JZ Totaal jeugdzorg, 2024 gerealiseerd (voorlopig): € 41.869k (begroot € 42.786k; jeugdhulp € 37.920k, JB € 3.399k, JR € 550k)`,
      };
    const amount = VENLO_2024 / GROWTH ** (2024 - year);
    return {
      amount,
      estimate: true,
      source: `Schatting: Venlo 2024 gerealiseerd € 41.869k (${CBS_LASTEN}, voorlopig) teruggerekend naar ${year} met ${GROWTH_TEXT} = ${euro(amount)}; het CBS-cijfer van ${year} is niet gevonden`,
    };
  }
  if (CBS_2021[id] !== undefined) {
    const amount = CBS_2021[id]! * GROWTH ** (year - 2021);
    return {
      amount,
      estimate: true,
      source: `Schatting: ${youth[id]!.name} 2021 gerealiseerd € ${nl(CBS_2021[id]! / 1000, 0)}k (${CBS_LASTEN}, voorlopig) doorgetrokken naar ${year} met ${GROWTH_TEXT} = ${euro(amount)}; het CBS-cijfer van ${year} is niet gevonden`,
    };
  }
  const base = PER_YOUTH_2021 * youth[id]!.youth;
  const amount = base * GROWTH ** (year - 2021);
  return {
    amount,
    estimate: true,
    source: `Schatting (geen cijfer gevonden): de lasten per jeugdige 0–17 van Beesel, Bergen en Gennep in 2021 (${CBS_LASTEN}, samen € 11.209k voor ${nl(BEESEL + BERGEN + GENNEP, 0)} jeugdigen = ${euro(PER_YOUTH_2021)}) × ${nl(youth[id]!.youth, 0)} jeugdigen = ${euro(base)} in 2021, doorgetrokken naar ${year} met ${GROWTH_TEXT} = ${euro(amount)}`,
  };
}
const CBS_SCOPE_2022 = ids.reduce((t, id) => t + gemeenteTotal(id, 2022).amount, 0);

// ---------------------------------------------------------------- estimated segments
/*
 * What the seeds do not give: the base year 2022 of the segments without a source is the estimated realised
 * total 2022 in the CBS scope (above) minus the seed lines in that scope (all but Veilig Thuis and the regional
 * budget), spread over the segments of the beleidsplan.
 */
const OUTSIDE_CBS = new Set(['veilig-thuis', 'transformatie-preventie']);
const seedScope =
  [verblijf, ovb, jzp, crisisbedden].reduce(
    (t, s) => t + s.inflowPerYear * s.avgDurationMonths * (s.unitsPerClientMonth ?? 1) * s.pricePerUnit,
    0,
  ) +
  crisisdienst.amount +
  jb.amount +
  jr.amount;
const seedTotal = seedScope + VT + 500000;
const REMAINDER = CBS_SCOPE_2022 - seedScope;

const TOTAL_NOTE = `Regionaal totaal lasten jeugdzorg 2022 (het bereik van ${CBS_LASTEN}: jeugdhulp, jeugdbescherming en jeugdreclassering) geschat op ${euro(CBS_SCOPE_2022)}: de som van de zeven gemeenten in de realisatie van dit model (Venlo 2024 en Beesel, Bergen en Gennep 2021 uit het CBS, met ${GROWTH_TEXT}; Horst aan de Maas, Peel en Maas en Venray met de lasten per jeugdige van Beesel, Bergen en Gennep). Na aftrek van de bronregels in dat bereik (${euro(seedScope)}) blijft ${euro(REMAINDER)} voor ambulant, dagbesteding/dagbehandeling en wonen.`;

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
    taakveld: '6.74a',
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
 * Rijksmiddelen jeugd per gemeente: no gemeente's own circulaire figure was found (the per-inwoner amounts in
 * local news — Peel en Maas € 186, Beesel € 219, year not stated — are far below any lasten and not used).
 * Estimated per gemeente, independent of its spending: the national jeugd budget per jeugdige 0–17 in 2024
 * × its own jeugdigen. National budget 2024 = € 8,1 mld spending − € 828 mln shortfall (Deskundigencommissie);
 * national jeugdigen 0–17: bijna 3,4 mln (CBS, 1-1-2019). 2023 and 2022 back with the VNG index (the model's
 * funding index). Range ±15%: the objective verdeelmodel of the gemeentefonds weighs more than youth (the
 * local-news figures per inwoner differ by 18% between Peel en Maas and Beesel).
 */
const NATIONAL_BUDGET_2024 = 8.1e9 - 828e6;
const NATIONAL_YOUTH = 3.4e6;
const PER_YOUTH_FUNDING_2024 = NATIONAL_BUDGET_2024 / NATIONAL_YOUTH;
const FUNDING_INDEX: Record<number, number> = { 2023: 6.43, 2024: 5.71 };
function perYouthFunding(year: number): number {
  let f = PER_YOUTH_FUNDING_2024;
  for (let y = 2024; y > year; y--) f /= 1 + FUNDING_INDEX[y]! / 100;
  return f;
}
const fundingFor = (id: string, year: number) => youth[id]!.youth * perYouthFunding(year);
const BASE_FUNDING = Math.round(ids.reduce((t, id) => t + fundingFor(id, 2022), 0));
const fundingSource = (id: string, year: number) => {
  const amount = fundingFor(id, year);
  return `Schatting (geen circulairebedrag van de gemeente gevonden): het landelijke jeugdbudget per jeugdige 0–17 (€ 8,1 mld uitgaven 2024 min € 828 mln tekort, ${cite('deskundigencommissie-groeipijn', '30-01-2025')}, gedeeld door bijna 3,4 mln jeugdigen 0–17, ${cite('cbs-jeugdzorg-2019')}) = ${euro(PER_YOUTH_FUNDING_2024)} in 2024${year < 2024 ? `, terug naar ${year} met de VNG-index (${cite('vng-indexatie')}) = ${euro(perYouthFunding(year))}` : ''}, × ${nl(youth[id]!.youth, 0)} jeugdigen = ${euro(amount)}. Bandbreedte ±15% (${euro(amount * 0.85)} – ${euro(amount * 1.15)}): het verdeelmodel van het gemeentefonds weegt meer dan het aantal jeugdigen (${cite('omroep-peel-en-maas')}: per inwoner Peel en Maas € 186, Beesel € 219, jaar niet vermeld).`;
};
/*
 * Region's share of national measures = its share of the national jeugd budget (issue 11): its Rijksmiddelen
 * 2024 over the national budget 2024; with the per-jeugdige estimate above this is its share of the national
 * jeugdigen 0–17.
 */
const funding2024 = ids.reduce((t, id) => t + fundingFor(id, 2024), 0);
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
  description: `Standaardmodel van de jeugdhulpregio Noord-Limburg (Beesel, Bergen, Gennep, Horst aan de Maas, Peel en Maas, Venlo, Venray), basisjaar 2022. Bronregels uit het Regionaal Beleidsplan Jeugd 2022 en verder (Bijlage 3, § 5.1); jeugdigen 0–17 per gemeente uit CBS-bevolkingscijfers (niet uit de lasten); realisatie 2022–2024 per gemeente: lasten jeugdzorg uit CBS StatLine 83454NED waar gepubliceerd (Venlo 2024), anders geschat, en over de segmenten verdeeld naar de segmentmix van het model (schatting); Rijksmiddelen per gemeente geschat per jeugdige (bandbreedte ±15%). Overige segmenten zijn schattingen uit publieke cijfers (estimate: true, met toelichting); welk deel van de lasten geschat is, toont het Overzicht. Verdeelsleutel over de gemeenten volgens de regionale praktijk "deels solidariteit, deels realisatie" (${SPLIT_SOURCE}); welke functie hoe wordt verdeeld, noemt de bron niet en is afgeleid: solidariteit (naar jeugdigen 0–17) voor de regionaal gecontracteerde functies crisis, JeugdzorgPlus, verblijf (opname vervangende behandeling en behandeling met verblijf) en jeugdbescherming/jeugdreclassering, en voor Veilig Thuis en het regionale budget; naar gebruik (gemiddeld over de laatste drie realisatiejaren) voor wonen, dagbesteding/dagbehandeling en ambulant. In de gerealiseerde jaren krijgt elke gemeente haar eigen cijfers; zonder realisatie per gemeente vallen de gebruikssleutels terug op solidariteit (de uitkomst meldt dat per regel). Opgebouwd met scripts/build-default-model.ts.`,
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
      source: `Schatting: aandeel van de regio in het landelijke jeugdbudget 2024: € 8,1 mld uitgaven min € 828 mln tekort = ${euro(NATIONAL_BUDGET_2024)} (${cite('deskundigencommissie-groeipijn', '30-01-2025')}). Rijksmiddelen van dit model 2024 (som van de gemeenten, zie realisatie): ${euro(funding2024)} → ${(NATIONAL_SHARE * 100).toLocaleString('nl-NL')}%. Omdat die per jeugdige zijn geschat, is dit gelijk aan het aandeel van de regio in de jeugdigen 0–17 van Nederland; naar inwonertal (270.000 van 17,9 mln) zou het ca. 1,51% zijn.`,
      estimate: true,
    },
    source: `Rijksmiddelen jeugd 2022 = de som van de zeven gemeenten in de realisatie van dit model (${euro(BASE_FUNDING)}); per gemeente geschat als het landelijke jeugdbudget per jeugdige 0–17 × de eigen jeugdigen (zie daar, bandbreedte ±15%). 2022–2024 zijn daarmee gerealiseerde jaren voor de baten (schatting); vanaf 2025 groeien de Rijksmiddelen met de index: ${cite('vng-indexatie')} (OVA 90% + PCC 10%) als benadering van de groei van de Rijksmiddelen: 2023 6,43% en 2024 5,71% (definitief), 2025 3,94% (voorlopig); 2026–2028 2,5% per jaar is een aanname zonder bron. Rijksmaatregelen (Hervormingsagenda, Van Ark) zitten hier niet in: zet ze aan in een scenario.`,
    estimate: true,
  },
  knownChanges,
};

// ---------------------------------------------------------------- realisatie 2022–2024
/*
 * The split of a gemeente's realised lasten over the segments is an estimate: the sources give totals per
 * gemeente, not per segment. Each gemeente's total (CBS scope) is split by the model's own segment mix in 2022
 * (the base-year lasten of each line in the CBS scope over their sum), so every gemeente has a figure for every
 * line and year (the use-based verdeelsleutels then follow each gemeente's total). The region's figure is the
 * sum of the gemeenten. Unique jeugdigen (N, required for a volume segment) = the model's N in 2022 × the
 * volume change, i.e. the change in lasten after the VNG tariff index (6,43% 2023, 5,71% 2024).
 * Veilig Thuis and the regional budget (outside the CBS scope): the region only, the model's amount with the
 * VNG index (Veilig Thuis) or the fixed € 500.000 of § 5.1; split over the gemeenten by solidarity.
 */
const base = simulate(model, emptyScenario('realisatie'));
const cost2022 = new Map(base.lines.map((l) => [l.id, l.years[0]!.cost]));
const scopeIds = model.segments.filter((sg) => !OUTSIDE_CBS.has(sg.id)).map((sg) => sg.id);
const scopeTotal = scopeIds.reduce((t, id) => t + cost2022.get(id)!, 0);
const mix = new Map(scopeIds.map((id) => [id, cost2022.get(id)! / scopeTotal]));
const PRICE: Record<number, number> = { 2022: 1, 2023: 1.0643, 2024: 1.0643 * 1.0571 };
const VENLO_2024_JBJR: Record<string, number> = { jeugdbescherming: 3399000, jeugdreclassering: 550000 };
const VENLO_2024_JH = 37920000;
const jeugdhulpMix = scopeIds.filter((id) => VENLO_2024_JBJR[id] === undefined).reduce((t, id) => t + mix.get(id)!, 0);
const MIX_NOTE = `Verdeeld over de segmenten naar de segmentmix van het model in 2022 (lasten van elk segment in het bereik van ${CBS_LASTEN} gedeeld door hun som); de bron geeft alleen het totaal per gemeente.`;

const realisatie: NonNullable<Model['realisatie']> = { lastYear: LAST_YEAR, segments: {}, gemeenten: {} };
for (const id of ids) {
  const segs: Record<string, Record<string, RealisedFigure>> = {};
  const rijks: Record<string, RealisedFunding> = {};
  for (const year of REALISED_YEARS) {
    const total = gemeenteTotal(id, year);
    const venloCbs = id === 'venlo' && year === 2024;
    for (const sid of scopeIds) {
      const name = model.segments.find((sg) => sg.id === sid)!.name;
      if (venloCbs && VENLO_2024_JBJR[sid] !== undefined) {
        // CBS gives jeugdbescherming and jeugdreclassering apart: taken as published
        (segs[sid] ??= {})['2024'] = {
          lasten: VENLO_2024_JBJR[sid]!,
          source: `${CBS_LASTEN}, Venlo, ${sid === 'jeugdbescherming' ? 'JB 1 Totaal jeugdbescherming: € 3.399k' : 'JR 1 Totaal jeugdreclassering: € 550k'}, 2024 gerealiseerd (voorlopig)`,
          estimate: false,
        };
        continue;
      }
      // Venlo 2024: the rest is jeugdhulp (€ 37.920k), split by the mix of the jeugdhulp lines only
      const lasten = venloCbs
        ? Math.round(VENLO_2024_JH * (mix.get(sid)! / jeugdhulpMix))
        : Math.round(total.amount * mix.get(sid)!);
      (segs[sid] ??= {})[String(year)] = {
        lasten,
        source: venloCbs
          ? `${CBS_LASTEN}, Venlo, JH 1 Totaal jeugdhulp: € 37.920k, 2024 gerealiseerd (voorlopig). Verdeeld over de jeugdhulpsegmenten naar de segmentmix van het model in 2022; de bron geeft alleen het totaal jeugdhulp. Aandeel ${name}: ${pct(mix.get(sid)! / jeugdhulpMix)}.`
          : `${total.source}. ${MIX_NOTE} Aandeel ${name}: ${pct(mix.get(sid)!)}.`,
        estimate: true,
      };
    }
    rijks[String(year)] = { amount: Math.round(fundingFor(id, year)), source: fundingSource(id, year), estimate: true };
  }
  realisatie.gemeenten![id] = { rijksmiddelen: rijks, segments: segs };
}
for (const seg of model.segments) {
  const byYear: Record<string, RealisedFigure> = {};
  for (const year of REALISED_YEARS) {
    const y = String(year);
    let lasten: number;
    let source: string;
    if (OUTSIDE_CBS.has(seg.id)) {
      const amount = seg.kind === 'budget' ? seg.amount : 0;
      lasten = Math.round(seg.id === 'veilig-thuis' ? amount * PRICE[year]! : amount);
      source =
        seg.id === 'veilig-thuis'
          ? `Schatting: het bedrag van het model (${euro(amount)}, ${plan('Bijlage 3, tabel Veilig Thuis, 2020')}) met de VNG-index (${cite('vng-indexatie')}) naar ${year}; valt buiten ${CBS_LASTEN}, geen realisatie gevonden.`
          : `Schatting: het regionale budget van € 500.000 per jaar (${plan('§ 5.1 Regionaal budget')}) als realisatie aangenomen; geen realisatie gevonden.`;
    } else {
      lasten = ids.reduce((t, gid) => t + realisatie.gemeenten![gid]!.segments![seg.id]![y]!.lasten, 0);
      source = `Som van de zeven gemeenten (zie de realisatie per gemeente): ${CBS_LASTEN} waar gepubliceerd (Venlo 2024), anders geschat; ${MIX_NOTE}`;
    }
    const fig: RealisedFigure = { lasten, source, estimate: true };
    if (seg.kind === 'volume') {
      const n2022 = seg.inflowPerYear * (1 + seg.avgDurationMonths / 12);
      const clients = Math.max(1, Math.round((n2022 * lasten) / cost2022.get(seg.id)! / PRICE[year]!));
      fig.clients = clients;
      fig.note = `Aantal jeugdigen geschat: ${nl(n2022, 0)} in 2022 volgens het model × de groei van de lasten na de VNG-tariefindex (${cite('vng-indexatie')}).`;
    }
    byYear[y] = fig;
  }
  realisatie.segments[seg.id] = byYear;
}
model.realisatie = realisatie;

const parsed = parseModel(model);
if (!parsed.ok) {
  console.error(parsed.issues.map((i) => i.message).join('\n'));
  process.exit(1);
}
const out = fileURLToPath(new URL('../models/noord-limburg.json', import.meta.url));
writeFileSync(out, `${JSON.stringify(parsed.value, null, 2)}\n`);
const check = simulate(parsed.value, emptyScenario('controle'), { perGemeente: true });
console.log(
  `${out}: ${model.segments.length} segmenten, lasten 2022 (model zonder realisatie) ${euro(scopeTotal + VT + 500000)}, seedTotal ${euro(seedTotal)}, Rijksmiddelen 2022 ${euro(BASE_FUNDING)}, jeugdigen 0–17 ${totalYouth}`,
);
for (const t of check.totals)
  console.log(`  ${t.year} ${t.kind}: lasten ${euro(t.cost)}, baten ${euro(t.funding)}, saldo ${euro(t.balance)}`);
for (const g of check.gemeenten)
  console.log(`  ${g.name}: 2024 lasten ${euro(g.years[2]!.cost)}, baten ${euro(g.years[2]!.funding)}`);
