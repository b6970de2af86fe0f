/**
 * Builds models/scenarios/beleidsplan-kpis.json: "Beleidsplan KPI's" = the assumptions of "Ongewijzigd
 * beleid" (autonome ontwikkeling, indexatie, the Rijksmiddelen path and their ranges) plus the
 * quantifiable KPI's and ontwikkeldoelen of Bijlage 8 of the Regionaal Beleidsplan Jeugd as named
 * beleidsmaatregelen (scenario.policies), each citing its line, with a realisatiepercentage and a range.
 * Every derived figure is computed here from the model and the numbers it rests on.
 *
 *   npx tsx scripts/build-beleidsplan-kpis.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cite } from '../src/shared/domain/sources';
import { parseModel, parseScenario } from '../src/shared/formats/validate';
import type { VolumeSegment } from '../src/shared/formats/model';

const file = fileURLToPath(new URL('../models/scenarios/beleidsplan-kpis.json', import.meta.url));
const baseFile = fileURLToPath(new URL('../models/scenarios/ongewijzigd-beleid.json', import.meta.url));
const modelFile = fileURLToPath(new URL('../models/noord-limburg.json', import.meta.url));
const parsedModel = parseModel(JSON.parse(readFileSync(modelFile, 'utf8')));
if (!parsedModel.ok) throw new Error(parsedModel.issues.map((i) => i.message).join('\n'));
const model = parsedModel.value;
const base = JSON.parse(readFileSync(baseFile, 'utf8')) as Record<string, unknown>;

const nl = (x: number, d = 2) => x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const euro = (x: number) => `€ ${Math.round(x).toLocaleString('nl-NL')}`;
const seg = (id: string): VolumeSegment => {
  const s = model.segments.find((x) => x.id === id);
  if (!s || s.kind !== 'volume') throw new Error(`${id}: geen volumesegment`);
  return s;
};
/** The same yearly % in each of the given years. */
const each = (years: number[], pct: number) => Object.fromEntries(years.map((y) => [String(y), round4(pct)]));
/** The yearly % that reaches a total factor in n equal steps. */
const stepTo = (factor: number, n: number) => (factor ** (1 / n) - 1) * 100;

const B8 = (part: string) => cite('beleidsplan-noord-limburg', `Bijlage 8, ${part}`);
const PLAN = (part: string) => cite('beleidsplan-noord-limburg', part);

// ── Realisatie: how much of the intended effect the region achieves ───────────────────────────
const REALISATIE_BASIS =
  `De regio kijkt zelf terug: partijen kwamen in de eerste jaren "onvoldoende toe aan de transformatieopgave", die "een complexe opgave en één van de lange adem" is (${PLAN('§ 2.1')}); ` +
  `de gemiddelde duur van trajecten bleek niet in kaart te brengen (${PLAN('§ 2.1.3')}), dus voor de duur-KPI's is er geen nulmeting; en landelijk haalden de besparingen van de Hervormingsagenda hun doel niet (${cite('deskundigencommissie-groeipijn', '30-01-2025')}). ` +
  `Daarom 50%: de helft van het beoogde effect, met een bandbreedte van 25% tot 75% (de bron geeft geen spreiding; de breedte is een inschatting).`;
const range = (low: number, high: number, why: string) => ({ realisatiePct: { low, high, source: why } });
const RANGE_50 = range(
  25,
  75,
  'aanname: tussen een kwart en driekwart van het beoogde effect; zie de onderbouwing van de realisatie.',
);

// ── The measures ─────────────────────────────────────────────────────────────────────────────
const Y3 = [2023, 2024, 2025];
const policies: Record<string, unknown>[] = [];

// Ambulant: uren per cliënt −5% per jaar, max −15% t.o.v. 2022
const last = (0.85 / 0.95 ** 3 - 1) * 100;
const ambulantUren = { ...each(Y3, -5), '2026': round4(last) };
policies.push({
  id: 'ambulant-uren',
  name: 'Ambulant: minder uren per cliënt (−5% per jaar, max. −15%)',
  source:
    `${B8('segment Ambulant, KPI 3 (Ambulant Duurzaam en Ambulant Perspectief)')}: "Elk jaar daalt de gemiddelde ingezette uren per cliënt met 5% t.o.v. het voorgaande jaar, met een max van 15% ten opzichte van 2022." ` +
    `Beoogd: −5% in 2023, 2024 en 2025 en ${nl(last, 4)}% in 2026, samen precies −15% t.o.v. 2022; op ambulante begeleiding en behandeling (niet op jeugd-GGZ en dyslexie, die eigen KPI's hebben).`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: {
    'ambulante-begeleiding': { intensityChangePct: ambulantUren },
    'ambulante-behandeling': { intensityChangePct: ambulantUren },
  },
});

// GGZ: trajectduur −10% in 2025
const ggzDuur = stepTo(0.9, 3);
policies.push({
  id: 'ggz-trajectduur',
  name: 'GGZ: trajecten 10% korter in 2025',
  source:
    `${B8('segment Ambulant, GGZ KPI 1')}: "De gemiddelde duur van een traject is in 2025 met minimaal 10% afgenomen t.o.v. 2022, waarbij trajecten 'volgens plan' afgerond zijn." ` +
    `Beoogd: ${nl(ggzDuur, 4)}% per jaar in 2023–2025, samen −10%; daarna gelijk.`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: { 'ambulante-ggz': { durationChangePct: each(Y3, ggzDuur) } },
});

// GGZ: lichtere inzet (85% Licht/Midden; basis:specialistisch 60:40)
const ggz = seg('ambulante-ggz');
const hours = ggz.unitsPerClientMonth ?? 1;
const basisHours = hours / (0.5 * 1 + 0.5 * 2);
const newHours = 0.6 * basisHours + 0.4 * 2 * basisHours;
const mixFactor = newHours / hours;
const ggzMix = stepTo(mixFactor, 3);
policies.push({
  id: 'ggz-lichtere-inzet',
  name: 'GGZ: lichtere inzet (85% Licht/Midden, basis:specialistisch 60:40)',
  source:
    `${B8('segment Ambulant, GGZ KPI 4')}: "In 2025 is minimaal 85% van de cliënten behandeld middels intensiteiten Licht en Midden." en ontwikkeldoel 8: "Over 3 jaar is de verhouding cliënt aantallen generalistische basis GGZ en specialistische GGZ 60% tegenover 40%." ` +
    `Het model heeft één GGZ-segment, dus is dit geen verschuiving tussen twee segmenten maar een lichtere mix binnen ambulante GGZ: minder uren per cliëntmaand. ` +
    `AANNAME (de bronnen geven de huidige verhouding niet): nu 50:50 basis:specialistisch, en een specialistische cliëntmaand vraagt twee keer de uren van een basis-cliëntmaand; met het gemiddelde van het model (${nl(hours, 0)} uur) is dat ${nl(basisHours)} en ${nl(2 * basisHours)} uur. ` +
    `Bij 60:40 wordt het gemiddelde ${nl(newHours)} uur: ${nl((mixFactor - 1) * 100)}%, in 2023–2025 (${nl(ggzMix, 4)}% per jaar). De 85% Licht/Midden-KPI wijst dezelfde kant op en overlapt grotendeels (basis-GGZ is vooral Licht en Midden): niet apart opgeteld, om niet dubbel te tellen.`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: { 'ambulante-ggz': { intensityChangePct: each(Y3, ggzMix) } },
});

// GGZ: schadelijke wachtlijst halveren — raises cost: more clients served sooner
const WAIT_SHARE = 0.1;
const waiting = ggz.inflowPerYear * WAIT_SHARE;
// The list is cleared in the raming years up to the KPI's 2025: a step up in a realised year would not count
// (the raming starts from the realised figures), but its step back would: a saving that never was.
const lastRealised = model.realisatie?.lastYear ?? model.baseYear;
const CLEAR_FROM = Math.max(lastRealised + 1, 2023);
if (CLEAR_FROM > 2025) throw new Error('de wachtlijst-KPI (2025) ligt geheel in de realisatie: pas de maatregel aan');
const CLEAR_YEARS = CLEAR_FROM === 2025 ? '2025' : `${CLEAR_FROM}–2025`;
const extraPerYear = waiting / 2 / (2025 - CLEAR_FROM + 1);
const up = (extraPerYear / ggz.inflowPerYear) * 100;
const down = (1 / (1 + up / 100) - 1) * 100;
policies.push({
  id: 'ggz-wachtlijst',
  name: 'GGZ: schadelijke wachtlijst gehalveerd in 2025 (kost geld)',
  source:
    `${B8('segment Ambulant, GGZ KPI 3')}: "In 2025 is de schadelijke wachtlijst minstens teruggebracht naar 50% ten opzichte van 2022." en ontwikkeldoel 6: "De komende 3 jaar de schadelijke wachtlijsten halveren." ` +
    `Een kortere wachtlijst betekent dat jeugdigen eerder in zorg komen: in de jaren waarin de lijst wordt weggewerkt is de instroom hoger, dus de lasten stijgen. ` +
    `AANNAME (de omvang van de lijst staat niet in de bronnen; wel dat er in Noord-Limburg schadelijke wachtlijsten zijn, ${PLAN('§ 2.1.2')}; landelijke cijfers over wachtlijsten in de jeugdzorg zijn er niet, ${cite('jeugdautoriteit-stand-2023')}): ` +
    `in de jeugd-GGZ wachtte een op de vijf kinderen langer dan twee maanden op een intake (${cite('nrc-wachttijden-jeugd-ggz-2017')}); wacht een vijfde van de instroom 3 tot 6 maanden te lang, dan staat er op elk moment 5% tot 10% van een jaar instroom op de schadelijke wachtlijst. ` +
    `Dit scenario neemt de bovenkant: ${nl(WAIT_SHARE * 100, 0)}% van een jaar instroom jeugd-GGZ, ${nl(waiting, 0)} jeugdigen in 2022; ` +
    `de helft daarvan (${nl(waiting / 2, 0)}) komt in de ramingsjaren t/m 2025 (${CLEAR_YEARS}; t/m ${lastRealised} is realisatie) extra in zorg, ${nl(extraPerYear, 1)} per jaar: instroom +${nl(up, 4)}% in ${CLEAR_FROM} en vanaf 2026 weer terug (${nl(down, 4)}%; bij een gedeeltelijke realisatie blijft daarvan minder dan 0,01% over, omdat elke stap apart met de realisatie wordt geschaald).`,
  realisatiePct: 50,
  realisatieSource: `${REALISATIE_BASIS} Voor de wachtlijst komt daar bij dat die vooral door capaciteitstekort ontstaat (${PLAN('§ 2.1.2 en Bijlage 5')}): wegwerken vraagt personeel dat er niet vanzelf is.`,
  ranges: RANGE_50,
  effects: { 'ambulante-ggz': { inflowChangePct: { [String(CLEAR_FROM)]: round4(up), '2026': round4(down) } } },
});

// Dagbehandeling: gemiddeld 7 maanden vanaf 2024
const dagbehandeling = seg('dagbehandeling');
const dbh = (7 / dagbehandeling.avgDurationMonths - 1) * 100;
policies.push({
  id: 'dagbehandeling-7-maanden',
  name: 'Dagbehandeling: hoogstens 7 maanden vanaf 2024',
  source:
    `${B8('segment Dagbesteding en dagbehandeling, KPI 1')}: "Vanaf 2024 is minimaal 90% van alle jongeren niet langer dan zeven maanden in een vorm van dagbehandeling." ` +
    `Benaderd als gemiddelde trajectduur 7 maanden vanaf 2024: van de geschatte ${nl(dagbehandeling.avgDurationMonths, 0)} maanden in het model is dat ${nl(dbh, 4)}% (het gemiddelde ligt bij 90% ≤ 7 maanden waarschijnlijk nog lager: voorzichtige benadering).`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: { dagbehandeling: { durationChangePct: { '2024': round4(dbh) } } },
});

// Dagbesteding: 80% uitstroom binnen 12 maanden (duurzame daginvulling)
const dagbesteding = seg('dagbesteding');
const DUURZAAM_SHARE = 0.5;
const target = 12 / Math.log(5);
const nowWithin12 = 1 - Math.exp(-12 / dagbesteding.avgDurationMonths);
const mixed = DUURZAAM_SHARE * target + (1 - DUURZAAM_SHARE) * dagbesteding.avgDurationMonths;
const dbsFactor = mixed / dagbesteding.avgDurationMonths;
const dbsStep = stepTo(dbsFactor, 3);
policies.push({
  id: 'dagbesteding-uitstroom',
  name: 'Dagbesteding: 80% uitstroom binnen 12 maanden (duurzame daginvulling)',
  source:
    `${B8('segment Dagbesteding en dagbehandeling, KPI 4')} (en ontwikkeldoel 11): "In 80% van de trajecten duurzame daginvulling wordt binnen 12 maanden uitstroom gerealiseerd naar een reguliere voorziening van opvang, arbeid of scholing." ` +
    `Een KPI over doorstroom en uitstroom, dus over de duur, niet over de instroom. In het model verlaat elke maand 1/D van de cliënten de zorg; binnen 12 maanden stroomt dan 1 − e^(−12/D) uit: nu (D = ${nl(dagbesteding.avgDurationMonths, 0)} maanden) ${nl(nowWithin12 * 100, 1)}%, en 80% vraagt D = 12 / ln 5 = ${nl(target)} maanden. ` +
    `AANNAME: duurzame daginvulling is de helft van de dagbesteding (de andere helft is ontwikkelproblematiek en ernstig meervoudige beperking, waar de KPI niet over gaat); het gemiddelde wordt ${nl(mixed)} maanden, ${nl((dbsFactor - 1) * 100)}%. ` +
    `De KPI noemt geen jaar; de nieuwe contracten gaan in 2022–2023 in, dus bereikt in 2025: ${nl(dbsStep, 4)}% per jaar in 2023–2025.`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: { dagbesteding: { durationChangePct: each(Y3, dbsStep) } },
});

// Dagbesteding: 10% minder doorstroom per jaar (from dagbehandeling), scoped to the doorstroom
const DOORSTROOM_SHARE = 0.25;
const years = [2023, 2024, 2025, 2026, 2027, 2028];
const level = (k: number) => 1 - DOORSTROOM_SHARE + DOORSTROOM_SHARE * 0.9 ** k;
const doorstroom = Object.fromEntries(years.map((y, i) => [String(y), round4((level(i + 1) / level(i) - 1) * 100)]));
const outflowDbh = dagbehandeling.inflowPerYear;
policies.push({
  id: 'dagbesteding-doorstroom',
  name: 'Dagbesteding: elk jaar 10% minder doorstroom vanuit dagbehandeling',
  source:
    `${B8('segment Dagbesteding en dagbehandeling, KPI 3')} (en ontwikkeldoel 10, onder "Terug naar school"): "Vanaf 2023 stroomt elk kalenderjaar 10% van alle jeugdigen minder door naar vormen van dagbesteding ten opzichte van het voorliggend jaar." ` +
    `Het gaat om doorstroom (uit dagbehandeling, zie KPI 2: "stroomt na de inzet van dagbehandeling door naar passend onderwijs, dagbesteding of kinderopvang"), niet om alle instroom in dagbesteding. ` +
    `AANNAME: een kwart van de instroom in dagbesteding is zulke doorstroom (in het model verlaten ${nl(outflowDbh, 0)} jeugdigen per jaar de dagbehandeling; gaat een op de vier door naar dagbesteding, dan is dat ${nl(outflowDbh / 4, 0)}, ${nl((outflowDbh / 4 / dagbesteding.inflowPerYear) * 100, 0)}% van de ${nl(dagbesteding.inflowPerYear, 0)} instroom). ` +
    `Alleen dat deel daalt 10% per jaar: de instroom is in 2028 ${nl((level(6) - 1) * 100, 1)}% lager dan in 2022, niet −46,9% zoals bij 10% minder op alle instroom.`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: { dagbesteding: { inflowChangePct: doorstroom } },
});

// Dyslexie: instroom hoogstens het landelijk gemiddelde
const dys = seg('dyslexie');
const youth = model.gemeenten.reduce((t, g) => t + g.youth0to17, 0);
const age7to12 = (youth * 6) / 18;
const inCare = (dys.inflowPerYear * dys.avgDurationMonths) / 12;
const rate = (inCare / age7to12) * 1000;
const autonomous = base.autonomous as { usageChangePct?: Record<string, number> } | undefined;
const usage = autonomous?.usageChangePct ?? {};
const dysEffect = Object.fromEntries(
  Object.entries(usage).map(([y, pct]) => [y, round4((1 / (1 + pct / 100) - 1) * 100)]),
);
policies.push({
  id: 'dyslexie-landelijk-gemiddelde',
  name: 'Dyslexie: instroom hoogstens het landelijk gemiddelde',
  source:
    `${B8('segment Ambulant, Dyslexie KPI 4')}: "Het aantal nieuwe cliënten blijft gelijk of lager aan het landelijk gemiddelde prevalentiecijfer." (ook KPI 1 en ontwikkeldoel 16: "De toestroom naar dyslexie verminderen."). ` +
    `Landelijk: de vergoedingsregeling rust op een prevalentie van ernstige enkelvoudige dyslexie van ca. 3,6% (${cite('cvz-dyslexie-2007')}); in behandeling waren landelijk 32 per 1.000 kinderen van 7 t/m 12 jaar (2014, ${cite('cbs-dyslexie-2016')}). ` +
    `Regio volgens het model: ${nl(inCare, 0)} jeugdigen tegelijk in zorg op ca. ${nl(age7to12, 0)} kinderen van 7–12 (${nl(youth, 0)} jeugdigen 0–17, zes van de achttien jaargangen): ${nl(rate, 1)} per 1.000, onder het landelijke cijfer. ` +
    `De KPI is hier dus een plafond, geen daling: de instroom groeit niet mee met het gebruik per jeugdige uit de autonome ontwikkeling (dit effect heft die groei op, ${Object.values(dysEffect)[0] !== undefined ? `${nl(Object.values(dysEffect)[0]!, 4)}% per jaar` : 'geen groei'}); de demografie blijft doorwerken.`,
  realisatiePct: 75,
  realisatieSource:
    `Hoger dan de andere maatregelen: dyslexiezorg is streng geprotocolleerd, de aanbieders dragen er gezamenlijk verantwoordelijkheid voor (KPI 4) en de regio ligt al onder het landelijke cijfer, zodat het om vasthouden gaat, niet om omlaag brengen. ` +
    `Bandbreedte 50% tot 100%.`,
  ranges: range(50, 100, 'aanname: vasthouden is haalbaarder dan verlagen; tussen de helft en alles.'),
  effects: { dyslexie: { inflowChangePct: dysEffect } },
});

// Wonen: professionele hulp −10% t.o.v. 2022 vanaf 2025
const PROFESSIONAL_SHARE = 0.5;
const wonen = stepTo(1 - 0.1 * PROFESSIONAL_SHARE, 3);
const pleeg = seg('pleegzorg');
const gezinshuis = seg('gezinshuizen');
policies.push({
  id: 'wonen-professionele-hulp',
  name: 'Wonen: 10% minder professionele hulp vanaf 2025',
  source:
    `${B8('segment Wonen, ontwikkeldoel 3')}: "Vanaf 2025 is de noodzakelijke hulp / begeleiding met 10% afgenomen ten opzichte van 2022 en overgenomen door niet-professionals." ` +
    `AANNAME: de helft van het etmaaltarief (pleegzorg ${euro(pleeg.pricePerUnit)}, gezinshuizen ${euro(gezinshuis.pricePerUnit)}) is hulp en begeleiding; de rest is verblijf en vergoeding, die niet door niet-professionals wordt overgenomen. ` +
    `Dus −5% op de lasten per cliëntmaand in 2025 t.o.v. 2022: ${nl(wonen, 4)}% per jaar in 2023–2025.`,
  realisatiePct: 50,
  realisatieSource: REALISATIE_BASIS,
  ranges: RANGE_50,
  effects: {
    pleegzorg: { intensityChangePct: each(Y3, wonen) },
    gezinshuizen: { intensityChangePct: each(Y3, wonen) },
  },
});

// Verblijf → opname vervangende behandeling
const vb = seg('verblijf-behandeling');
const ovb = seg('opname-vervangende-behandeling');
const perTrajectVb = vb.avgDurationMonths * (vb.unitsPerClientMonth ?? 1) * vb.pricePerUnit;
const perTrajectOvb = ovb.avgDurationMonths * (ovb.unitsPerClientMonth ?? 1) * ovb.pricePerUnit;
const perYearVb = 6_600_000 / 165;
const perYearOvb = 900_000 / 103;
policies.push({
  id: 'verblijf-naar-ovb',
  name: 'Behandeling met verblijf → opname vervangende behandeling',
  source:
    `${B8('segment Opname vervangende behandeling en behandeling met verblijf, ontwikkeldoel 2')}: "De ambitie is daarom de inzet van behandeling met verblijf af te bouwen en zo veel mogelijk om te buigen naar ambulante alternatieven." ` +
    `(en ${PLAN('§ 3.5.2')}: "een verschuiving ... naar intensieve ambulante opname vervangende behandelingen in de thuissituatie"). De bron noemt geen percentage: AANNAME 10% van de instroom in 2023, oplopend met 5 procentpunt per jaar tot 30% in 2027 en 2028 (nieuwe contracten per 1-1-2023). ` +
    `Kosten per verschoven cliënt, met de tarieven van het model: een traject behandeling met verblijf kost ${euro(perTrajectVb)} (${nl(vb.avgDurationMonths, 0)} maanden à ${euro(vb.pricePerUnit)} per etmaal), een traject opname vervangende behandeling ${euro(perTrajectOvb)} (${nl(ovb.avgDurationMonths, 0)} maanden à ${euro(ovb.pricePerUnit)} per cliëntmaand): ${nl((1 - perTrajectOvb / perTrajectVb) * 100, 0)}% minder per cliënt. ` +
    `Onderbouwing: beide tarieven komen uit ${PLAN('Bijlage 3, tabel Verblijf met behandeling, 2019')} (verblijf € 6,6 mln voor 165 jeugdigen = ${euro(perYearVb)}, opname vervangend € 0,9 mln voor 103 jeugdigen = ${euro(perYearOvb)} per jeugdige per jaar: ${nl((1 - perYearOvb / perYearVb) * 100, 0)}% minder zonder aanname over de duur); de trajectduren 12 en 6 maanden zijn aannames van het model. ` +
    `De verschoven jeugdigen zijn zwaarder dan de gemiddelde cliënt van opname vervangende behandeling en hebben soms toch kort verblijf nodig ("tijdelijk en zo kort als mogelijk onderdeel van een ambulant ondersteuningstraject", ontwikkeldoel 2): daarom rekent dit scenario met de helft van de beoogde verschuiving (realisatie 50%).`,
  realisatiePct: 50,
  realisatieSource: `${REALISATIE_BASIS} Voor dit segment worden de harde KPI's pas met de aanbieders uitgewerkt bij de nieuwe overeenkomsten per 1-1-2023 (${B8('segment Opname vervangende behandeling en behandeling met verblijf, KPI')}), en verschoven cliënten hebben soms toch kort verblijf nodig.`,
  ranges: RANGE_50,
  substitutions: [
    {
      from: 'verblijf-behandeling',
      to: 'opname-vervangende-behandeling',
      sharePct: { '2023': 10, '2024': 15, '2025': 20, '2026': 25, '2027': 30, '2028': 30 },
    },
  ],
});

const { name: _name, description: _description, ...rest } = base;
const scenario = {
  format: 'jeugdbegroting/scenario@1',
  name: "Beleidsplan KPI's",
  description:
    `De meetbare KPI's en ontwikkeldoelen uit Bijlage 8 van het Regionaal Beleidsplan Jeugd 2022 en verder, elk als eigen beleidsmaatregel met de regel waarop die rust, bovenop de aannames van "Ongewijzigd beleid" (autonome ontwikkeling, indexatie, Rijksmiddelen). ` +
    `Elke maatregel telt voor een deel: de realisatie (standaard 50%, dyslexie 75%) zegt hoeveel van het beoogde effect de regio haalt, en de Monte Carlo trekt die uit een bandbreedte. ` +
    `Het halveren van de schadelijke wachtlijst in de GGZ kost geld (meer jeugdigen eerder in zorg).`,
  ...rest,
  policies,
};

const parsed = parseScenario(scenario, model);
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);
console.log(`geschreven: ${file}: ${policies.length} beleidsmaatregelen`);
