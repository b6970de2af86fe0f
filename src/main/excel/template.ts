/**
 * "Sjabloon downloaden": a workbook in the shape of the model file, filled
 * with a model (or empty), with instructions first and Excel data validation
 * on choice and number columns. importModel.ts reads it back; export →
 * import gives the identical model (test/excel/template.test.ts).
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { Model } from '../../shared/formats/model';
import { TAAKVELD_CODES, TAAKVELDEN } from '../../shared/domain/taakvelden';
import {
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_DURATION_MONTHS,
  MAX_GEMEENTEN,
  MAX_HORIZON_YEARS,
  MAX_SEGMENTS,
  MAX_UNITS_PER_CLIENT_MONTH,
  MAX_YEAR,
  MIN_YEAR,
  limitNumber,
} from '../../shared/formats/limits';
import { setText } from './safeText';
import { citeSource } from '../../shared/domain/sources';
import { formatInteger } from '../../shared/locale/numbers';
import { LIMITS } from './zipGuard';
import { applyStyle, FMT_SHARE, headerStyle, inputStyle, noteStyle, titleStyle, bodyFont } from './styles';
import {
  CALIBRATION_COLUMNS,
  FUNDING_FIELDS,
  GEBRUIK_FIRST_HEADER,
  GEMEENTE_COLUMNS,
  INDEX_HEADER,
  KNOWN_CHANGES_HEADER_ROW,
  KNOWN_CHANGE_AMOUNTS_HEADER_ROW,
  KNOWN_CHANGE_AMOUNT_COLUMNS,
  KNOWN_CHANGE_COLUMNS,
  MODEL_FIELDS,
  REALISATIE_COLUMNS,
  REALISATIE_FUNDING_COLUMNS,
  REALISATIE_FUNDING_HEADER_ROW,
  REALISATIE_HEADER_ROW,
  REALISATIE_LAST_YEAR,
  REGIO,
  SEGMENT_COLUMNS,
  TEMPLATE_SHEETS,
  splitChoice,
  type ColumnDef,
} from './templateLayout';

/** Rows that get data validation beyond the filled ones, so new rows are checked too. */
const SPARE_ROWS = 200;

type CellInput = string | number | boolean | undefined;

interface DataValidationLike {
  type: 'list' | 'decimal' | 'whole';
  allowBlank: boolean;
  formulae: (string | number)[];
  operator?: 'between' | 'greaterThanOrEqual';
  showErrorMessage: boolean;
  errorTitle?: string;
  error?: string;
  showInputMessage?: boolean;
  prompt?: string;
}

/** ExcelJS has the collection but not its type in index.d.ts. */
function validations(ws: Worksheet): { add(address: string, validation: DataValidationLike): void } {
  return (ws as unknown as { dataValidations: { add(address: string, validation: DataValidationLike): void } })
    .dataValidations;
}

export function buildTemplate(model?: Model): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jeugdplanner';
  writeInstructions(wb.addWorksheet(TEMPLATE_SHEETS.instructies));
  writeModelSheet(wb.addWorksheet(TEMPLATE_SHEETS.model), model);
  writeTable(
    wb.addWorksheet(TEMPLATE_SHEETS.segmenten),
    SEGMENT_COLUMNS,
    (model?.segments ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      group: s.group,
      inflowPerYear: s.kind === 'volume' ? s.inflowPerYear : undefined,
      avgDurationMonths: s.kind === 'volume' ? s.avgDurationMonths : undefined,
      unit: s.kind === 'volume' ? s.unit : undefined,
      unitsPerClientMonth: s.kind === 'volume' ? s.unitsPerClientMonth : undefined,
      pricePerUnit: s.kind === 'volume' ? s.pricePerUnit : undefined,
      openingClients: s.kind === 'volume' ? s.openingClients : undefined,
      amount: s.kind === 'budget' ? s.amount : undefined,
      taakveld: s.taakveld,
      split: splitChoice(s.split),
      solidarityPct: typeof s.split === 'object' ? s.split.solidarityPct : undefined,
      source: citeSource(s.source),
      estimate: s.estimate,
      note: citeSource(s.note),
    })),
    { taakveld: TAAKVELD_CODES },
  );
  writeTable(
    wb.addWorksheet(TEMPLATE_SHEETS.gemeenten),
    GEMEENTE_COLUMNS,
    (model?.gemeenten ?? []).map((g) => ({ ...g, source: citeSource(g.source) })),
  );
  writeFunding(wb.addWorksheet(TEMPLATE_SHEETS.rijksmiddelen), model);
  writeUsage(wb.addWorksheet(TEMPLATE_SHEETS.gebruik), model);
  writeTable(
    wb.addWorksheet(TEMPLATE_SHEETS.kalibratie),
    CALIBRATION_COLUMNS,
    (model?.segments ?? []).flatMap((s) =>
      s.kind === 'volume' && s.calibration ? [{ segment: s.id, ...s.calibration }] : [],
    ),
  );
  writeRealisatie(wb.addWorksheet(TEMPLATE_SHEETS.realisatie), model);
  writeRealisatieFunding(wb.addWorksheet(TEMPLATE_SHEETS.realisatieRijksmiddelen), model);
  writeKnownChanges(wb.addWorksheet(TEMPLATE_SHEETS.ontwikkelingen), model);
  writeKnownChangeAmounts(wb.addWorksheet(TEMPLATE_SHEETS.ontwikkelingBedragen), model);
  return wb;
}

type FigureRow = Partial<Record<(typeof REALISATIE_COLUMNS)[number]['key'], CellInput>>;

/** One instruction line above a table (a single cell: merged cells are refused on import). */
function instruction(ws: Worksheet, text: string): void {
  const c = ws.getCell(1, 1);
  setText(c, text);
  applyStyle(c, { ...noteStyle, font: { ...noteStyle.font, size: 10, italic: true }, alignment: { wrapText: false } });
}

/**
 * Blad Realisatie: the last realised year, then one long table of realised figures (the region first, then each
 * gemeente; per segment in the model's order, per year), pre-filled with the model's realisatie.
 */
function writeRealisatie(ws: Worksheet, model: Model | undefined): void {
  instruction(
    ws,
    'Realisatie: per jaar t/m het laatste gerealiseerde jaar, per segment een rij voor de regio (gemeente "regio" of leeg) en waar bekend per gemeente. ' +
      'Lasten en bron zijn verplicht; bij een volumesegment ook het aantal jeugdigen voor de regio. Volume in de eenheid van het segment. Gele cellen vult u in.',
  );
  const r = model?.realisatie;
  const label = ws.getCell(REALISATIE_LAST_YEAR.row, 1);
  setText(label, REALISATIE_LAST_YEAR.label);
  label.font = { ...bodyFont, bold: true };
  const yearDef: ColumnDef = {
    key: 'lastYear',
    header: REALISATIE_LAST_YEAR.label,
    kind: 'integer',
    width: 0,
    min: MIN_YEAR,
    max: MAX_YEAR,
    help: 'Het laatste jaar met gerealiseerde cijfers (t/m dit jaar toont de app de realisatie); leeg = geen realisatie.',
  };
  put(ws, REALISATIE_LAST_YEAR.row, 2, r?.lastYear, yearDef);
  applyStyle(ws.getCell(REALISATIE_LAST_YEAR.row, 2), inputStyle);
  validate(ws, 2, REALISATIE_LAST_YEAR.row, REALISATIE_LAST_YEAR.row, yearDef);

  const unitOf = new Map((model?.segments ?? []).map((s) => [s.id, s.kind === 'volume' ? s.unit : undefined]));
  const order = (ids: string[]) => {
    const known = (model?.segments ?? []).map((s) => s.id).filter((id) => ids.includes(id));
    return [...known, ...ids.filter((id) => !known.includes(id))]; // ids not (yet) in the model still go out
  };
  const rows: FigureRow[] = [];
  const add = (gemeente: string, byId: NonNullable<typeof r>['segments']) => {
    for (const sid of order(Object.keys(byId))) {
      const years = Object.keys(byId[sid]!).sort((a, b) => Number(a) - Number(b));
      for (const y of years) {
        const f = byId[sid]![y]!;
        rows.push({
          gemeente,
          segment: sid,
          year: Number(y),
          clients: f.clients,
          started: f.started,
          ended: f.ended,
          lasten: f.lasten,
          volume: f.volume,
          unit: unitOf.get(sid),
          source: f.source,
          estimate: f.estimate,
          note: f.note,
        });
      }
    }
  };
  if (r) {
    add(REGIO, r.segments);
    const gemeenten = Object.keys(r.gemeenten ?? {});
    const ordered = [
      ...(model?.gemeenten ?? []).map((g) => g.id).filter((id) => gemeenten.includes(id)),
      ...gemeenten.filter((id) => !(model?.gemeenten ?? []).some((g) => g.id === id)),
    ];
    for (const gid of ordered) add(gid, r.gemeenten![gid]!.segments ?? {});
  }
  writeTable(ws, REALISATIE_COLUMNS, rows, {}, { headerAt: REALISATIE_HEADER_ROW, input: (k) => k !== 'unit' });
  // segment id: a drop-down of the ids on Segmenten (a list in quotes would exceed Excel's 255 characters)
  const segCol = REALISATIE_COLUMNS.findIndex((c) => c.key === 'segment') + 1;
  const letter = ws.getColumn(segCol).letter;
  const lastSegmentRow = (model?.segments.length ?? 0) + 1 + SPARE_ROWS;
  validations(ws).add(
    `${letter}${REALISATIE_HEADER_ROW + 1}:${letter}${REALISATIE_HEADER_ROW + rows.length + SPARE_ROWS}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [`${TEMPLATE_SHEETS.segmenten}!$A$2:$A$${lastSegmentRow}`],
      showErrorMessage: true,
      errorTitle: 'Onbekend segment',
      error: 'Kies een segment id uit blad Segmenten (kolom id).',
      showInputMessage: true,
      prompt: 'Id van het segment (blad Segmenten).',
    },
  );
}

/** Blad Realisatie Rijksmiddelen: per gemeente per year the Rijksmiddelen jeugd with their source. */
function writeRealisatieFunding(ws: Worksheet, model: Model | undefined): void {
  instruction(
    ws,
    'Rijksmiddelen jeugd per gemeente per gerealiseerd jaar (circulaire gemeentefonds of de eigen begroting), met bron. Een jaar staat bij alle gemeenten of bij geen. Gele cellen vult u in.',
  );
  const rows: Partial<Record<(typeof REALISATIE_FUNDING_COLUMNS)[number]['key'], CellInput>>[] = [];
  const g = model?.realisatie?.gemeenten ?? {};
  const ids = [
    ...(model?.gemeenten ?? []).map((x) => x.id).filter((id) => id in g),
    ...Object.keys(g).filter((id) => !(model?.gemeenten ?? []).some((x) => x.id === id)),
  ];
  for (const gid of ids) {
    const byYear = g[gid]!.rijksmiddelen ?? {};
    for (const y of Object.keys(byYear).sort((a, b) => Number(a) - Number(b))) {
      const f = byYear[y]!;
      rows.push({
        gemeente: gid,
        year: Number(y),
        amount: f.amount,
        source: f.source,
        estimate: f.estimate,
        note: f.note,
      });
    }
  }
  writeTable(ws, REALISATIE_FUNDING_COLUMNS, rows, {}, { headerAt: REALISATIE_FUNDING_HEADER_ROW, input: () => true });
}

/** Blad Bekende ontwikkelingen: one row per known change (its amounts are on blad Bedragen ontwikkelingen). */
function writeKnownChanges(ws: Worksheet, model: Model | undefined): void {
  instruction(
    ws,
    "Bekende ontwikkelingen (bijv. woonplaatsbeginsel, landelijk tarief): één rij per ontwikkeling. Geef bedragen op blad Bedragen ontwikkelingen, of een formule (% van de lasten van segmenten, vanaf een jaar). Scenario's zetten ze aan. Gele cellen vult u in.",
  );
  const rows = (model?.knownChanges ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    side: c.side,
    kind: c.kind,
    pct: c.pctOfSegments?.pct,
    segments: c.pctOfSegments?.segments.join(', '),
    fromYear: c.pctOfSegments?.fromYear,
    splitAs: c.splitAs,
    lowPct: c.range?.lowPct,
    highPct: c.range?.highPct,
    rangeSource: c.range?.source,
    source: c.source,
    estimate: c.estimate,
    note: c.note,
  }));
  writeTable(ws, KNOWN_CHANGE_COLUMNS, rows, {}, { headerAt: KNOWN_CHANGES_HEADER_ROW, input: () => true });
}

/** Blad Bedragen ontwikkelingen: one long table, a row per change × gemeente (or regio) × year. */
function writeKnownChangeAmounts(ws: Worksheet, model: Model | undefined): void {
  instruction(
    ws,
    'Bedragen van de bekende ontwikkelingen: per rij een ontwikkeling (id), een gemeente (id, of "regio" of leeg voor de hele regio), een jaar en het bedrag in euro. Positief = meer lasten (of meer baten). Gele cellen vult u in.',
  );
  const rows: Partial<Record<(typeof KNOWN_CHANGE_AMOUNT_COLUMNS)[number]['key'], CellInput>>[] = [];
  const years = (byYear: Record<string, number>) => Object.keys(byYear).sort((a, b) => Number(a) - Number(b));
  for (const c of model?.knownChanges ?? []) {
    if (c.amount)
      for (const y of years(c.amount))
        rows.push({ change: c.id, gemeente: REGIO, year: Number(y), amount: c.amount[y] });
    for (const [gid, byYear] of Object.entries(c.perGemeente ?? {}))
      for (const y of years(byYear)) rows.push({ change: c.id, gemeente: gid, year: Number(y), amount: byYear[y] });
  }
  writeTable(
    ws,
    KNOWN_CHANGE_AMOUNT_COLUMNS,
    rows,
    {},
    { headerAt: KNOWN_CHANGE_AMOUNTS_HEADER_ROW, input: () => true },
  );
}

function put(ws: Worksheet, row: number, col: number, value: CellInput, def: Pick<ColumnDef, 'kind'>): void {
  const cell = ws.getCell(row, col);
  if (value === undefined) return;
  if (def.kind === 'yesno') setText(cell, value ? 'ja' : 'nee');
  else if (typeof value === 'number') {
    cell.value = value; // full precision: the import must give back exactly this number
    if (def.kind === 'fraction') cell.numFmt = FMT_SHARE;
  } else setText(cell, String(value));
  cell.font = bodyFont;
}

function header(ws: Worksheet, row: number, cols: readonly ColumnDef[]): void {
  cols.forEach((c, i) => {
    const cell = ws.getCell(row, i + 1);
    setText(cell, c.header);
    applyStyle(cell, headerStyle);
    ws.getColumn(i + 1).width = c.width;
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: row, activeCell: `A${row + 1}` }];
}

function validate(
  ws: Worksheet,
  col: number,
  firstRow: number,
  lastRow: number,
  def: ColumnDef,
  choices?: readonly string[],
): void {
  const range = `${ws.getColumn(col).letter}${firstRow}:${ws.getColumn(col).letter}${lastRow}`;
  const list = choices ?? def.choices;
  const prompt = def.help ? { showInputMessage: true, prompt: def.help.slice(0, 250) } : {};
  if (list) {
    validations(ws).add(range, {
      type: 'list',
      allowBlank: !def.required,
      formulae: [`"${list.join(',')}"`],
      showErrorMessage: true,
      errorTitle: `Ongeldige ${def.header}`,
      error: `Kies uit: ${list.join(', ')}`.slice(0, 250),
      ...prompt,
    });
  } else if (def.kind === 'number' || def.kind === 'integer' || def.kind === 'fraction') {
    // the limits of the format (formats/limits): Excel warns while typing, the import refuses
    const min = def.min ?? 0;
    const bounded = def.kind === 'fraction' || def.max !== undefined;
    const shown = (x: number) => (def.kind === 'integer' ? String(x) : limitNumber(x));
    validations(ws).add(range, {
      type: def.kind === 'integer' ? 'whole' : 'decimal',
      allowBlank: !def.required,
      operator: bounded ? 'between' : 'greaterThanOrEqual',
      formulae: def.kind === 'fraction' ? [0, 1] : def.max !== undefined ? [min, def.max] : [min],
      showErrorMessage: true,
      errorTitle: `Ongeldige ${def.header}`,
      error:
        def.kind === 'fraction'
          ? 'Typ een percentage tussen 0% en 100%.'
          : def.max !== undefined
            ? `Typ een ${def.kind === 'integer' ? 'heel getal' : 'getal'} van ${shown(min)} tot en met ${shown(def.max)}.`
            : 'Typ een getal van 0 of meer.',
      ...prompt,
    });
  }
}

function writeTable<K extends string>(
  ws: Worksheet,
  cols: readonly ColumnDef<K>[],
  rows: readonly Partial<Record<K, CellInput>>[],
  extraChoices: Partial<Record<K, readonly string[]>> = {},
  options: { headerAt?: number; input?: (key: K) => boolean } = {},
): void {
  const at = options.headerAt ?? 1;
  header(ws, at, cols);
  rows.forEach((r, i) => cols.forEach((c, j) => put(ws, at + 1 + i, j + 1, r[c.key], c)));
  const last = rows.length + at + SPARE_ROWS;
  cols.forEach((c, j) => {
    if (options.input?.(c.key)) {
      // the cells to fill look like inputs: the filled rows and some room below
      for (let r = at + 1; r <= Math.min(last, at + rows.length + 50); r++)
        applyStyle(ws.getCell(r, j + 1), inputStyle);
    }
    if (c.kind === 'text') return; // free text: nothing to restrict
    validate(ws, j + 1, at + 1, last, c, extraChoices[c.key]);
    if (c.kind === 'fraction')
      for (let r = rows.length + at + 1; r <= Math.min(last, rows.length + at + 49); r++)
        ws.getCell(r, j + 1).numFmt = FMT_SHARE;
  });
}

function keyValue(ws: Worksheet, row: number, def: ColumnDef, value: CellInput): void {
  const k = ws.getCell(row, 1);
  setText(k, def.header);
  k.font = { ...bodyFont, bold: true };
  put(ws, row, 2, value, def);
  if (def.kind !== 'text') validate(ws, 2, row, row, def);
}

/** A "veld | waarde" block from row 1: the header, then one row per field (what importModel's keyValues reads). */
function keyValueBlock<K extends string>(
  ws: Worksheet,
  widths: [number, number],
  fields: readonly ColumnDef<K>[],
  values: Record<K, CellInput>,
): void {
  ws.getColumn(1).width = widths[0];
  ws.getColumn(2).width = widths[1];
  header(ws, 1, [
    { key: 'k', header: 'veld', kind: 'text', width: widths[0] },
    { key: 'v', header: 'waarde', kind: 'text', width: widths[1] },
  ]);
  fields.forEach((f, i) => keyValue(ws, i + 2, f, values[f.key]));
}

function writeModelSheet(ws: Worksheet, model: Model | undefined): void {
  const values: Record<(typeof MODEL_FIELDS)[number]['key'], CellInput> = {
    name: model?.name,
    description: model?.description,
    baseYear: model?.baseYear,
    endYear: model?.endYear,
  };
  keyValueBlock(ws, [30, 60], MODEL_FIELDS, values);
}

function writeFunding(ws: Worksheet, model: Model | undefined): void {
  const f = model?.funding;
  const values: Record<(typeof FUNDING_FIELDS)[number]['key'], CellInput> = {
    baseAmount: f?.baseAmount,
    source: citeSource(f?.source),
    estimate: f?.estimate,
    nationalShare: f?.nationalShare?.value,
    nationalShareSource: citeSource(f?.nationalShare?.source),
    nationalShareEstimate: f?.nationalShare?.estimate,
  };
  keyValueBlock(ws, [32, 50], FUNDING_FIELDS, values);
  const tableRow = FUNDING_FIELDS.length + 3;
  const yearDef: ColumnDef = { key: 'year', header: INDEX_HEADER.year, kind: 'integer', width: 32 };
  const pctDef: ColumnDef = { key: 'pct', header: INDEX_HEADER.pct, kind: 'percentage', width: 50 };
  [yearDef, pctDef].forEach((d, i) => {
    const c = ws.getCell(tableRow, i + 1);
    setText(c, d.header);
    applyStyle(c, headerStyle);
  });
  const years: number[] = [];
  if (model) for (let y = model.baseYear + 1; y <= model.endYear; y++) years.push(y);
  // Years the model names outside its range still go out, so the import reports them instead of losing them.
  for (const key of Object.keys(f?.indexPct ?? {})) if (!years.includes(Number(key))) years.push(Number(key));
  years.forEach((y, i) => {
    put(ws, tableRow + 1 + i, 1, y, yearDef);
    put(ws, tableRow + 1 + i, 2, f?.indexPct?.[String(y)], pctDef);
  });
  const note = ws.getCell(tableRow + years.length + 2, 1);
  setText(note, 'Index: typ 2,5 voor 2,5% (of 2,5% in een cel met procentopmaak). Een leeg jaar betekent 0%.');
  applyStyle(note, { ...noteStyle, alignment: { wrapText: false } });
}

function writeUsage(ws: Worksheet, model: Model | undefined): void {
  const gemeenten = model?.gemeenten ?? [];
  const cols: ColumnDef[] = [
    { key: 'segment', header: GEBRUIK_FIRST_HEADER, kind: 'text', width: 16 },
    ...gemeenten.map((g): ColumnDef => ({ key: g.id, header: g.id, kind: 'fraction', width: 12 })),
  ];
  header(ws, 1, cols);
  const rows = (model?.segments ?? []).filter((s) => s.usageShare && Object.keys(s.usageShare).length > 0);
  rows.forEach((s, i) => {
    put(ws, i + 2, 1, s.id, cols[0]!);
    // keys that are not (yet) gemeenten of the model get their own column, so nothing is dropped silently
    for (const gid of Object.keys(s.usageShare!)) {
      let col = cols.findIndex((c) => c.key === gid);
      if (col < 0) {
        cols.push({ key: gid, header: gid, kind: 'fraction', width: 12 });
        col = cols.length - 1;
        setText(ws.getCell(1, col + 1), gid);
        applyStyle(ws.getCell(1, col + 1), headerStyle);
      }
      put(ws, i + 2, col + 1, s.usageShare![gid], cols[col]!);
    }
  });
}

/** "10 MB" (whole megabytes, as the limits are) */
function mb(bytes: number): string {
  return `${formatInteger(bytes / 1024 / 1024)} MB`;
}

function writeInstructions(ws: Worksheet): void {
  ws.getColumn(1).width = 110;
  const lines: [string, 'title' | 'head' | 'text'][] = [
    ['Sjabloon regionaal jeugdbudget — Jeugdplanner', 'title'],
    [
      'Vul de bladen in en importeer het bestand in Jeugdplanner als Excel-sjabloon. Er wordt pas iets opgeslagen als alles klopt; anders krijgt u een lijst met alle fouten, met blad en cel.',
      'text',
    ],
    ['Bladen', 'head'],
    ['Model: naam, omschrijving, basisjaar en eindjaar van de meerjarenraming.', 'text'],
    [
      'Segmenten: één rij per segment. Soort "volume" (instroom × duur × intensiteit × tarief) of "budget" (vast bedrag per jaar). Vul bij volume de kolommen instroom t/m beginstand, bij budget alleen het bedrag.',
      'text',
    ],
    [
      'Gemeenten: de gemeenten van de regio met het aantal jeugdigen 0–17 en (optioneel) hun aandeel in de Rijksmiddelen als percentage.',
      'text',
    ],
    [
      'Rijksmiddelen: het basisbedrag in het basisjaar met bron, en de index per jaar (in procenten t.o.v. het vorige jaar).',
      'text',
    ],
    [
      'Gebruiksaandelen: alleen voor segmenten met verdeling "gebruik" of "gemengd" (vast aandeel): per gemeente het aandeel in het gebruik (percentage). Bij "vorig jaar" en "gemiddeld 3 jaar" volgt het gebruik uit de realisatie per gemeente.',
      'text',
    ],
    ['Kalibratie (optioneel): de realisatiecijfers waarop een volumesegment is afgestemd.', 'text'],
    [
      'Realisatie (optioneel): het laatste gerealiseerde jaar (cel B2) en één lange tabel met per rij een gemeente (of "regio"), segment en jaar: jeugdigen, trajecten begonnen en beëindigd, lasten, volume (in de eenheid van het segment) en bron. Elk segment met realisatie heeft een regiorij voor elk jaar van het basisjaar t/m het laatste gerealiseerde jaar; de gemeenten tellen op tot hoogstens de regio.',
      'text',
    ],
    [
      'Realisatie Rijksmiddelen (optioneel): per gemeente per gerealiseerd jaar de Rijksmiddelen jeugd met bron; een jaar staat bij alle gemeenten of bij geen.',
      'text',
    ],
    [
      "Bekende ontwikkelingen (optioneel): één rij per ontwikkeling (bijv. woonplaatsbeginsel, landelijk tarief) met kant (lasten of baten), soort (structureel: het laatste bedrag loopt door; incidenteel: alleen de genoemde jaren), eventueel een formule (% van de lasten van segmenten vanaf een jaar), bandbreedte en bron. Scenario's zetten ze aan.",
      'text',
    ],
    [
      'Bedragen ontwikkelingen (optioneel): één lange tabel met per rij een ontwikkeling (id), een gemeente (of "regio"), een jaar en het bedrag in euro; positief = meer lasten of meer baten.',
      'text',
    ],
    ['Regels', 'head'],
    ['Getallen: typ ze als getal (1234,5). Tekst als "twaalf" wordt geweigerd met de cel erbij.', 'text'],
    [
      'Formules: in een getalcel wordt de door Excel berekende waarde overgenomen (u krijgt een melding per cel). Een formule zonder berekende waarde wordt geweigerd: open en bewaar het bestand eerst in Excel.',
      'text',
    ],
    [
      'Samengevoegde cellen zijn niet toegestaan op de invulbladen: de positie van een waarde is dan niet eenduidig.',
      'text',
    ],
    [
      'Lege rijen worden overgeslagen. Extra bladen (bijv. eigen berekeningen) worden genegeerd, met een melding.',
      'text',
    ],
    [
      'Kolommen worden herkend aan hun kop; de volgorde mag u wijzigen, de koppen niet. Onbekende kolommen worden genegeerd, met een melding.',
      'text',
    ],
    ['Taakvelden: alleen de Iv3-codes vanaf begroting 2023:', 'text'],
    ...TAAKVELD_CODES.map((c): [string, 'text'] => [`   ${c}  ${TAAKVELDEN[c]}`, 'text']),
    [
      'Bron en schatting: noem bij elk basisgegeven de bron (document, tabel, jaar). Zet "schatting" op ja als het cijfer geen gepubliceerde bron heeft.',
      'text',
    ],
    [
      `Grenzen (zodat inlezen snel gaat en weinig geheugen kost): het bestand hoogstens ${mb(LIMITS.fileBytes)}; per blad van het sjabloon hoogstens ${formatInteger(LIMITS.sheetRows)} rijen en ${formatInteger(LIMITS.sheetCells)} cellen; een extra blad hoogstens ${formatInteger(LIMITS.extraSheetCells)} cellen; de hele werkmap hoogstens ${formatInteger(LIMITS.totalCells)} cellen en uitgepakt ${mb(LIMITS.xmlBytes)} aan bladen en tekst. Gegevensvalidatie niet op hele kolommen.`,
      'text',
    ],
    [
      `Grenzen van het model: hoogstens ${limitNumber(MAX_SEGMENTS)} segmenten en ${limitNumber(MAX_GEMEENTEN)} gemeenten; jaren ${MIN_YEAR}–${MAX_YEAR}, ` +
        `eindjaar hoogstens ${MAX_HORIZON_YEARS} jaar na het basisjaar; bedragen tot € ${limitNumber(MAX_AMOUNT)}; duur tot ${MAX_DURATION_MONTHS} maanden; ` +
        `aantallen tot ${limitNumber(MAX_COUNT)}; eenheden per cliëntmaand tot ${limitNumber(MAX_UNITS_PER_CLIENT_MONTH)}. ` +
        'Een naam is één regel (geen Alt+Enter). Excel waarschuwt al bij het typen; de import weigert een te grote waarde met de cel erbij.',
      'text',
    ],
  ];
  lines.forEach(([text, kind], i) => {
    const c = ws.getCell(i + 1, 1);
    setText(c, text);
    if (kind === 'title') applyStyle(c, titleStyle);
    else if (kind === 'head') c.font = { ...bodyFont, bold: true, size: 11 };
    else {
      c.font = bodyFont;
      c.alignment = { wrapText: true, vertical: 'top' };
    }
  });
}

/** The template as a file: "Sjabloon jeugdbudget - <model>.xlsx". */
export async function exportTemplate(model?: Model): Promise<{ fileName: string; data: Buffer }> {
  const data = Buffer.from(await buildTemplate(model).xlsx.writeBuffer());
  const name = model ? `Sjabloon jeugdbudget - ${model.name}` : 'Sjabloon jeugdbudget';
  return { fileName: `${name.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').slice(0, 150)}.xlsx`, data };
}
