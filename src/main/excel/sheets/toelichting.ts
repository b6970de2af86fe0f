/**
 * Toelichting: what the workbook is (region, model, scenarios, versions, unit),
 * how to read each sheet, and the documents its figures cite.
 */
import type ExcelJS from 'exceljs';
import { ENGINE_VERSION } from '../../../shared/engine/version';
import { citeSource, reference, referencedSources } from '../../../shared/domain/sources';
import { formatDateTime, localDateCell } from '../../../shared/locale/dates';
import { formatEuro } from '../../../shared/locale/numbers';
import { estimateSentence, estimateSummary, estimateYears } from '../../../shared/formats/estimates';
import { setText } from '../safeText';
import { FMT_DATETIME, applyStyle, bodyFont, titleStyle } from '../styles';
import { SHEETS, type Context } from '../kit/context';
import { formatNum } from '../kit/cells';
import { analysisGuide } from './analysis';
import { printSetup } from '../kit/sheet';

export function buildToelichting(wb: ExcelJS.Workbook, ctx: Context): void {
  const ws = wb.addWorksheet(SHEETS.toelichting);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 72; // A4 portrait at about 95 %; long texts wrap (kit/print.ts)
  const { model, scenarios, generatedAt, appVersion, unit, scope } = ctx.input;
  let row = 1;
  const t = ws.getCell(row++, 1);
  setText(t, `Toelichting begrotingsbijlage jeugdhulp — ${ctx.scopeName}`);
  applyStyle(t, titleStyle);
  row++;
  const kv = (k: string, v: string | number | Date | undefined, numFmt?: string) => {
    const kc = ws.getCell(row, 1);
    setText(kc, k);
    kc.font = { ...bodyFont, bold: true };
    kc.alignment = { vertical: 'top' };
    const vc = ws.getCell(row, 2);
    if (typeof v === 'string' || v === undefined) setText(vc, citeSource(v));
    else vc.value = v;
    if (numFmt) vc.numFmt = numFmt;
    vc.font = bodyFont;
    vc.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    row++;
  };
  kv('Regio', ctx.input.regionName);
  kv(
    'Bijlage voor',
    scope.kind === 'region'
      ? `${ctx.input.regionName} (hele regio)`
      : `${ctx.scopeName} (aandeel van de gemeente in de regio)`,
  );
  kv('Model', model.name);
  if (model.description) kv('Beschrijving model', model.description);
  kv('Jaren', `${model.baseYear}–${model.endYear} (basisjaar ${model.baseYear})`);
  kv('Begrotingsjaar', ctx.input.begrotingsjaar);
  kv('Realisatie, begroting, raming', yearStatusText(ctx));
  kv(
    'Referentie (V/N)',
    ctx.reference
      ? `${ctx.reference.label}. Onder elk scenarioblok op Samenvatting staan de totalen van de referentie en per jaar het verschil: V = voordelig voor het saldo (lagere lasten, hogere baten, hoger saldo), N = nadelig. Het verschil staat als getal in de cel (positief = voordelig); V/N is de celopmaak.`
      : (ctx.referenceProblem ?? 'Geen: de bijlage vergelijkt niet met een eerdere versie of een ander scenario.'),
  );
  scenarios.forEach((s, i) => {
    kv(scenarios.length > 1 ? `Scenario ${i + 1}` : 'Scenario', s.scenario.name);
    if (s.scenario.description) kv('Beschrijving', s.scenario.description);
  });
  kv('Gemaakt op', formatDateTime(generatedAt));
  // As a date cell in Dutch local time: Excel stores no time zone, and the UTC clock was an hour off.
  kv('Gemaakt op (datum/tijd)', localDateCell(generatedAt), FMT_DATETIME);
  kv('Versie Jeugdplanner', appVersion);
  kv('Versie rekenmodel', ENGINE_VERSION);
  const mc = ctx.input.analysis?.montecarlo?.[0];
  if (mc)
    kv(
      'Monte Carlo',
      `${formatNum(mc.draws)} trekkingen, seed ${mc.seed} (dezelfde seed en aannames geven exact dezelfde uitkomst)`,
    );
  kv(
    'Eenheid',
    unit === 'euro'
      ? 'Bedragen in hele euro’s'
      : 'Bedragen × € 1.000 (duizenden euro’s). Elke regel is afgerond op hele duizenden en elk totaal is de som van de afgedrukte regels, zodat de bijlage op papier optelt. Het verschil met het onafgeronde totaal staat eenmaal per blok in de rij "Afrondingsverschil" (onafgerond min afgerond, met één decimaal: 0,4 is € 400).',
  );
  row++;
  // what share of the lasten rests on estimates (src/shared/formats/estimates.ts), for the region
  const eh = ws.getCell(row++, 1);
  setText(eh, 'Wat is geschat?');
  applyStyle(eh, { font: { ...bodyFont, bold: true, size: 11 } });
  kv(
    'Toelichting',
    'Het deel van de lasten (hele regio) dat rust op cijfers die in het model als schatting zijn gemarkeerd, niet op een gepubliceerde bron: elk gerealiseerd jaar en het eerste ramingsjaar (dat voortbouwt op het laatste gerealiseerde jaar).',
  );
  scenarios.forEach(({ scenario, result }, i) => {
    for (const year of estimateYears(result)) {
      const s = estimateSummary(model, result, year);
      if (!s) continue;
      const label = `${s.kind === 'realisatie' ? 'Realisatie' : 'Raming'} ${year}${scenarios.length > 1 ? ` (scenario ${i + 1})` : ''}`;
      kv(label, `${estimateSentence(s)} (${scenario.name})`);
    }
    const focusYear = estimateYears(result).at(-1);
    const focus = focusYear === undefined ? null : estimateSummary(model, result, focusYear);
    if (!focus || i > 0) return;
    for (const l of focus.lines.filter((x) => x.estimated > 0))
      kv('', `${l.name}: ${formatEuro(l.estimated)} van ${formatEuro(l.cost)} geschat in ${focus.year} (${l.basis})`);
  });
  row++;
  const h = ws.getCell(row++, 1);
  setText(h, 'Zo leest u deze bijlage');
  applyStyle(h, { font: { ...bodyFont, bold: true, size: 11 } });
  const guide: [string, string][] = [
    [
      SHEETS.samenvatting,
      'Lasten per segment per jaar met hun taakveld, Totaal lasten (formule SOM), waarvan incidenteel en structureel (het model kent geen eenmalige lasten: alle lasten zijn structureel). De Rijksmiddelen jeugd als baten op taakveld 0.7 (algemene uitkering gemeentefonds), gesplitst in structurele baten (indexpad en structurele Rijksmaatregelen) en incidentele baten (eenmalige bijstellingen en incidentele Rijksmaatregelen). Daaronder het saldo (baten − lasten) en het structureel saldo (structurele baten − structurele lasten): dat laat zien of de structurele lasten met structurele baten gedekt zijn (structureel en reëel evenwicht; BBV art. 19 en de Notitie structurele en incidentele baten en lasten van de Commissie BBV). Een negatief saldo (rood, met minteken) is een tekort.',
    ],
    [
      SHEETS.perGemeente,
      scope.kind === 'region'
        ? 'Per gemeente de lasten per regel met de gebruikte verdeelsleutel (aandeel in de regionale regel), de baten volgens het aandeel Rijksmiddelen en het saldo. De som van de saldi is het saldo van de regio.'
        : 'De lasten van deze gemeente per regel met de gebruikte verdeelsleutel (aandeel in de regionale regel), de baten volgens het aandeel Rijksmiddelen en het saldo.',
    ],
    [
      SHEETS.taakvelden,
      'Lasten per Iv3-taakveld (codes vanaf begroting 2023, Iv3-informatievoorschrift gemeenten 2023). Elke cel is de som van de bijbehorende cellen op Samenvatting; segmenten zonder taakveld staan onder "Niet toegewezen". De controlerij hoort overal 0 te zijn. Daaronder de baten op taakveld 0.7 (Algemene uitkering en overige uitkeringen gemeentefonds: de Rijksmiddelen jeugd komen via de algemene uitkering) en het saldo.',
    ],
    [
      SHEETS.aannames,
      'Alle aannames van het scenario per segment per jaar: de wijziging in procenten en de waarde die daaruit volgt, de substitutie tussen segmenten en het pad van de Rijksmiddelen. Bij elk basisgegeven staat de bron; "schatting" betekent dat het cijfer niet uit een gepubliceerde bron komt.',
    ],
    ...(scenarios.length > 1
      ? [
          [
            SHEETS.vergelijking,
            'Het saldo per scenario (verwijzing naar Samenvatting) en het verschil met scenario 1: V = voordelig (hoger saldo), N = nadelig (lager saldo).',
          ] as [string, string],
        ]
      : []),
    ...(ctx.input.mutaties && scope.kind === 'region'
      ? [
          [
            SHEETS.mutaties,
            `Het mutatieoverzicht: per scenario het saldo van de referentie (${ctx.input.mutaties.referenceName}), de mutaties per soort (basismodel en realisatie, prijs, volume, beleid, Rijksmiddelen; elke maatregel apart) met een subtotaal, het totaal en het saldo van het scenario. V = voordelig, N = nadelig. De onderdelen zijn één voor één van de referentie naar het scenario gezet, in die volgorde; de regels tellen op tot het totale verschil.`,
          ] as [string, string],
        ]
      : []),
    ...analysisGuide(ctx),
    [
      'Rekenwijze',
      'Per segment: instroom × trajectduur bepaalt het aantal jeugdigen in zorg (maandstappen); cliëntmaanden × intensiteit × tarief geeft de lasten. Een percentage voor een jaar geldt vanaf 1 januari van dat jaar en blijft gelden (stapelend). Budgetregels volgen hun eigen wijzigingspercentage.',
    ],
    [
      'Herberekenen',
      'De formules worden bij openen opnieuw berekend; de opgeslagen waarden zijn die van Jeugdplanner en komen tot op de euro overeen.',
    ],
  ];
  for (const [k, v] of guide) kv(k, v);
  row++;
  const bh = ws.getCell(row++, 1);
  setText(bh, 'Bronnen');
  applyStyle(bh, { font: { ...bodyFont, bold: true, size: 11 } });
  kv(
    'Bronvermelding',
    'Elk cijfer noemt zijn bron met de titel van het document, het onderdeel (bijlage, tabel of paragraaf) en het jaar van het cijfer, bijvoorbeeld "Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3, tabel Verblijf met behandeling, 2019". "Schatting" betekent dat het cijfer niet uit een gepubliceerde bron komt; de redenering staat erbij.',
  );
  const cited = referencedSources(workbookSourceTexts(ctx));
  cited.forEach((id, i) => kv(i === 0 ? 'Geciteerde documenten' : '', reference(id)));
  printSetup(ws, ctx, { orientation: 'portrait', printTitleRows: '1:1' });
}

/** Which years are realisatie, begroting and raming, and why (the heading above each year says it). */
function yearStatusText(ctx: Context): string {
  const { model, begrotingsjaar } = ctx.input;
  const R = model.realisatie?.lastYear;
  const realised = R === undefined ? 'geen (het model heeft geen gerealiseerde cijfers)' : `${model.baseYear}–${R}`;
  return `Boven elk jaar staat of het een realisatie, de begroting of een raming is. Realisatie: ${realised}, de gerealiseerde cijfers van het model. Begroting: ${begrotingsjaar}, het begrotingsjaar. Raming: de andere jaren, ook een lopend jaar tussen de laatste realisatie en het begrotingsjaar — daar staat in een begroting de gewijzigde begroting die de raad vaststelde; de cijfers hier zijn de raming van Jeugdplanner en niet dat besluit. Kies die versie als referentie om ertegen te vergelijken.${partlyEstimatedText(ctx)}`;
}

/** "* 2023: de baten zijn een raming, …" for realisatie years in which some figures are not realised. */
function partlyEstimatedText(ctx: Context): string {
  const parts = ctx.years
    .map((y, k) => [y, ctx.estimatedInRealised[k]!] as const)
    .filter(([, what]) => what.length > 0)
    .map(([y, what]) => `${y}: ${what.join(', ')}`);
  if (parts.length === 0) return '';
  return ` * Realisatie met een raming erin (de baten: niet elke gemeente heeft gerealiseerde Rijksmiddelen; een regel: geen gerealiseerde lasten) — ${parts.join('; ')}.`;
}

/** Every source text the workbook shows: the model's, each scenario's, the Rijksmaatregelen and bekende ontwikkelingen switched on. */
function workbookSourceTexts(ctx: Context): (string | undefined)[] {
  const { model, scenarios } = ctx.input;
  return [
    ...model.segments.flatMap((s) => [s.source, s.note, s.kind === 'volume' ? s.calibration?.source : undefined]),
    ...model.gemeenten.map((g) => g.source),
    model.funding.source,
    model.funding.nationalShare?.source,
    ...scenarios.flatMap(({ scenario, result }) => [
      ...Object.values(scenario.assumptions).map((a) => a?.source),
      ...scenario.substitutions.map((r) => r.source),
      scenario.funding.source,
      ...(result.fundingMeasures ?? []).map((m) => m.source),
      ...(result.knownChanges ?? []).map((c) => c.source),
    ]),
  ];
}
