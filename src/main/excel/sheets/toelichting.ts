/**
 * Toelichting: what the workbook is (region, model, scenarios, versions, unit),
 * how to read each sheet, and the documents its figures cite.
 */
import type ExcelJS from 'exceljs';
import { ENGINE_VERSION } from '../../../shared/engine/version';
import { citeSource, reference, referencedSources } from '../../../shared/domain/sources';
import { formatDateTime } from '../../../shared/locale/dates';
import { setText } from '../safeText';
import { FMT_DATETIME, applyStyle, bodyFont, setupPage, titleStyle } from '../styles';
import { SHEETS, type Context } from '../kit/context';
import { formatNum } from '../kit/cells';
import { analysisGuide } from './analysis';

export function buildToelichting(wb: ExcelJS.Workbook, ctx: Context): void {
  const ws = wb.addWorksheet(SHEETS.toelichting);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 100;
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
  scenarios.forEach((s, i) => {
    kv(scenarios.length > 1 ? `Scenario ${i + 1}` : 'Scenario', s.scenario.name);
    if (s.scenario.description) kv('Beschrijving', s.scenario.description);
  });
  kv('Gemaakt op', formatDateTime(generatedAt));
  kv('Gemaakt op (datum/tijd)', generatedAt, FMT_DATETIME);
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
  const h = ws.getCell(row++, 1);
  setText(h, 'Zo leest u deze bijlage');
  applyStyle(h, { font: { ...bodyFont, bold: true, size: 11 } });
  const guide: [string, string][] = [
    [
      SHEETS.samenvatting,
      'Lasten per segment per jaar, Totaal lasten (formule SOM), Rijksmiddelen als baten, gesplitst in structureel (indexpad) en incidenteel (eenmalige bijstellingen), en het saldo (formule baten − lasten). Een negatief saldo (rood, met minteken) is een tekort.',
    ],
    [
      SHEETS.perGemeente,
      scope.kind === 'region'
        ? 'Per gemeente de lasten per regel met de gebruikte verdeelsleutel (aandeel in de regionale regel), de baten volgens het aandeel Rijksmiddelen en het saldo. De som van de saldi is het saldo van de regio.'
        : 'De lasten van deze gemeente per regel met de gebruikte verdeelsleutel (aandeel in de regionale regel), de baten volgens het aandeel Rijksmiddelen en het saldo.',
    ],
    [
      SHEETS.taakvelden,
      'Lasten per Iv3-taakveld (codes vanaf begroting 2023). Elke cel is de som van de bijbehorende cellen op Samenvatting; segmenten zonder taakveld staan onder "Niet toegewezen". De controlerij hoort overal 0 te zijn.',
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
  setupPage(ws, { scopeLabel: ctx.scopeName, scenarioLabel: ctx.scenarioLabel });
  ws.pageSetup.orientation = 'portrait';
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
