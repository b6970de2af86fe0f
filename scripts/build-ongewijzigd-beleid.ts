/**
 * Updates models/scenarios/ongewijzigd-beleid.json: "Ongewijzigd beleid" = autonome ontwikkeling +
 * indexatie, with the Rijksmiddelen on a gemeentefonds path. The segment price indices (VNG) and the
 * ranges already in the file stay; this script adds the autonomous drivers and their ranges, the funding
 * path and its ranges, and switches on the model's bekende ontwikkelingen, each figure computed here from
 * the published figures it rests on. It also gives the other bundled scenarios the base amount's range.
 *
 *   npx tsx scripts/build-ongewijzigd-beleid.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cite } from '../src/shared/domain/sources';
import { parseModel, parseScenario } from '../src/shared/formats/validate';
import { formatEuro } from '../src/shared/locale/numbers';

const file = fileURLToPath(new URL('../models/scenarios/ongewijzigd-beleid.json', import.meta.url));
const modelFile = fileURLToPath(new URL('../models/noord-limburg.json', import.meta.url));
const model = parseModel(JSON.parse(readFileSync(modelFile, 'utf8')));
if (!model.ok) throw new Error(model.issues.map((i) => i.message).join('\n'));
const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

const nl = (x: number, d = 2) => x.toLocaleString('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d });
const YEARS = [2023, 2024, 2025, 2026, 2027, 2028];

// ── Rijksmiddelen: the gemeentefonds path ──────────────────────────────────────────────────────
/** Algemene uitkering "overig" 2022, € mln (Miljoenennota 2023, bijlage Gemeentefonds en Provinciefonds). */
const AU_2022 = 33264;
/** Cumulative accres Gemeentefonds per year, € mln, stand Voorjaarsnota 2023 (tabel 66). */
const ACCRES: Record<number, number> = {
  2023: 586.7,
  2024: 3612.5,
  2025: 6439.7,
  2026: 6855.9,
  2027: 8230.3,
  2028: 9784.1,
};
const indexPct: Record<string, number> = {};
let prev = AU_2022;
for (const y of YEARS) {
  const level = AU_2022 + ACCRES[y]!;
  indexPct[String(y)] = Math.round((level / prev - 1) * 1e6) / 1e4;
  prev = level;
}
const pctList = YEARS.map((y) => `${y} ${nl(indexPct[String(y)]!)}%`).join(', ');
const fundingSource =
  `Rijksmiddelen volgen het gemeentefonds, niet de tariefindex: de jeugdmiddelen zitten in de algemene uitkering en groeien met het accres. ` +
  `Accres (cumulatief, stand ${cite('voorjaarsnota-2023-accres')}) ${YEARS.map((y) => `${y} € ${nl(ACCRES[y]!, 1)} mln`).join('; ')}, ` +
  `op de algemene uitkering 2022 van € ${nl(AU_2022, 0)} mln (${cite('miljoenennota-2023-gemeentefonds')}): groei per jaar ${pctList}. ` +
  `2023–2025: volumedeel van het accres vastgezet (bevroren) op de stand Voorjaarsnota 2022, alleen loon- en prijsontwikkeling werkt door; ` +
  `2026: geen koppeling meer aan de rijksuitgaven ("trap op, trap af" vervalt) en de opschalingskorting keert terug: het "ravijn", hier ca. 1% groei; ` +
  `vanaf 2027 indexatie met het bbp (${cite('miljoenennota-2024-accres')}; ${cite('voorjaarsnota-2024-accres')}). ` +
  `Benadering: het accres is een groei van de hele algemene uitkering; dat de jeugdmiddelen daarin even hard groeien is een aanname.`;

// ── Autonome ontwikkeling ──────────────────────────────────────────────────────────────────────
const USAGE = 1.5;
const SEVERITY = 1;
const yearly = (pct: number) => Object.fromEntries(YEARS.map((y) => [String(y), pct]));
const nominal = ((8.1 / 3.6) ** (1 / 9) - 1) * 100;
const autonomousSource =
  `Gebruik per jeugdige +${nl(USAGE, 1)}% en zwaarte +${nl(SEVERITY, 0)}% per jaar (aanname, onderbouwd): landelijk stegen de uitgaven jeugdzorg van € 3,6 mld (2015) naar € 8,1 mld (2024), ` +
  `${nl(nominal, 1)}% per jaar nominaal (${cite('deskundigencommissie-groeipijn', '30-01-2025')}). Haal je daar de prijsindex af (2023–2025 gemiddeld ca. 5,4% volgens ${cite('vng-indexatie')}, ` +
  `daarvoor lager), dan blijft ruim 4–5% per jaar volume over. Een deel daarvan is de ingroei na de decentralisatie van 2015 en het beleid van de Hervormingsagenda remt; ` +
  `daarom rekent dit scenario met ongeveer de helft: ${nl(USAGE + SEVERITY, 1)}% per jaar, verdeeld over meer jeugdigen in zorg (gebruik) en zwaardere trajecten (zwaarte). ` +
  `Demografie: een prognose van het aantal jeugdigen 0–17 per gemeente staat niet in de bronnen; zonder prognose blijft het aantal op het niveau van het model (${cite('cbs-71488')}, 1-1-2022) — vul een prognose in om het effect te zien. ` +
  `Loon en prijs: de segmenten volgen het gecombineerde VNG-indexadvies (OVA 90% + PCC 10%) in hun eigen prijsindex; de losse OVA- en PCC-cijfers staan niet in de bronnen, daarom zijn loon en prijs hier niet apart ingevuld (dat zou dubbel indexeren).`;

// ── Bekende ontwikkelingen (model.knownChanges) ──────────────────────────────────────────────────
/*
 * Switched on: a begroting of ongewijzigd beleid includes the effects of existing law and of decisions
 * already taken, as separate lines next to indexation (Venlo budgets each of these three).
 */
const KNOWN = ['woonplaatsbeginsel', 'landelijk-tarief-jbjr', 'tarieven-2026'] as const;
for (const id of KNOWN)
  if (!model.value.knownChanges?.some((c) => c.id === id)) throw new Error(`model mist bekende ontwikkeling ${id}`);
const knownText =
  'Bekende ontwikkelingen staan aan, omdat een begroting bij ongewijzigd beleid de gevolgen van bestaande wetgeving en genomen besluiten opneemt, als aparte regels naast de indexatie (zoals Venlo ze begroot): ' +
  `het woonplaatsbeginsel (Jeugdwet 2022; ${cite('venlo-begroting-2024')}), het landelijk tarief jeugdbescherming en jeugdreclassering (${cite('venlo-begroting-2025')}) ` +
  `en de reële tarieven 2026 na het kostendekkendheidsonderzoek (${cite('venlo-begroting-2026')}). Venlo's regel "Jeugdzorg (autonome ontwikkelingen)" zit niet apart in dit scenario: die is de autonome ontwikkeling hierboven.`;

// ── Ranges on the autonomous drivers (a shift in percentage points, as other yearly percentages) ─
const autonomousRanges = {
  usageChangePct: {
    low: -1.5,
    high: 1.5,
    source: `aanname: de landelijke volumegroei was ruim 4–5% per jaar (${cite('deskundigencommissie-groeipijn', '30-01-2025')}); dit scenario rekent met de helft. Gebruik tussen 0% en 3% per jaar: van een trendbreuk door de Hervormingsagenda tot de helft van de landelijke trend.`,
  },
  severityChangePct: {
    low: -1,
    high: 1,
    source: `aanname: zwaarte tussen 0% en 2% per jaar; Venlo ziet trajecten intensiever en langduriger worden (${cite('venlo-begroting-2024')}), het beleid stuurt op kortere trajecten.`,
  },
};

const base = model.value.funding.baseAmount;
const baseAmountRange = {
  low: Math.round(base * 0.85),
  high: Math.round(base * 1.15),
  source: `aanname: het basisbedrag ${formatEuro(base)} is de som van de gemeenten, elk geschat als het landelijke jeugdbudget per jeugdige 0–17 × de eigen jeugdigen; het verdeelmodel van het gemeentefonds weegt meer dan het aantal jeugdigen (per inwoner verschillen Peel en Maas en Beesel 18%, ${cite('omroep-peel-en-maas')}), dus ±15%.`,
};
const scenario = {
  ...raw,
  description:
    'Autonome ontwikkeling en indexatie: gebruik per jeugdige +1,5% en zwaarte +1% per jaar (landelijke trend, gehalveerd), tarieven en subsidies volgen het VNG-indexadvies (OVA/PCC); ' +
    'het regionaal budget transformatie en preventie blijft € 500.000 per jaar (beleidsplan § 5.1). De Rijksmiddelen volgen het accres van het gemeentefonds (bevroren 2023–2025, het "ravijn" van 2026). ' +
    knownText,
  autonomous: {
    usageChangePct: yearly(USAGE),
    severityChangePct: yearly(SEVERITY),
    ranges: autonomousRanges,
    source: autonomousSource,
  },
  knownChanges: Object.fromEntries(KNOWN.map((id) => [id, true])),
  funding: {
    indexPct,
    source: fundingSource,
    ranges: {
      baseAmount: baseAmountRange,
      indexPct: {
        low: -0.5,
        high: 0.5,
        source: `aanname: elke circulaire stelt het accres bij; in de Voorjaarsnota 2023 steeg de stand 2024 van € 3.224,0 mln naar € 3.612,5 mln, ruim 1% van de algemene uitkering (${cite('voorjaarsnota-2023-accres')}). Daarom ±0,5 procentpunt per jaar, ca. ±3% op het niveau van 2028.`,
      },
    },
  },
};

const parsed = parseScenario(scenario, model.value);
if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
writeFileSync(file, `${JSON.stringify(scenario, null, 2)}\n`);

// The base amount gets the same range in the other bundled scenarios (issue 11, item 4).
for (const other of ['beleidsplan-kpis.json', 'rijksmaatregelen.json']) {
  const otherFile = fileURLToPath(new URL(`../models/scenarios/${other}`, import.meta.url));
  const s = JSON.parse(readFileSync(otherFile, 'utf8')) as { funding: { ranges?: Record<string, unknown> } };
  s.funding.ranges = { ...s.funding.ranges, baseAmount: baseAmountRange };
  const ok = parseScenario(s, model.value);
  if (!ok.ok) throw new Error(ok.issues.map((i) => `${other} ${i.path}: ${i.message}`).join('\n'));
  writeFileSync(otherFile, `${JSON.stringify(s, null, 2)}\n`);
}
console.log(`geschreven: ${file}\nRijksmiddelen-index ${pctList}`);
