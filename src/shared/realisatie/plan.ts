/**
 * A realisatie file (rows of text cells, from CSV or the first sheet of an XLSX) → what changes in
 * the model's realisatie, and the model as it would be saved. Pure: the service reads the file and
 * saves; the preview and the save run this same function, so what is saved is what was shown.
 *
 * Rules (docs/formats.md, "Realisatie importeren"):
 * - the header is the first row with at least two filled cells; rows with fewer filled cells
 *   (titles, "Bron: CBS") are skipped with a notice;
 * - a row is a figure for one gemeente (gemeente column mapped) or for the region (not mapped);
 * - rows whose codes map to the same segment (e.g. two productcategorieën) are added up;
 * - a figure replaces the fields the file gives (lasten, aantal, volume) and keeps the others;
 * - a segment × year with gemeente rows but no region row: the region figure becomes the sum of
 *   the gemeenten when all gemeenten of the model then have a figure; otherwise the existing region
 *   figure stays (and must be at least the sum), and without one the import is refused;
 * - the last realised year becomes the latest year in the file when that is later;
 * - every problem names file, row and column; with any problem there is no model to save.
 */
import type { Model, RealisedFigure, Realisatie } from '../formats/model';
import { parseModel } from '../formats/validate';
import { makeIssue, type ValidationIssue } from '../formats/issues';
import { formatEuro, formatNumber } from '../locale/numbers';
import {
  FIELD_LABELS,
  IMPORT_FIELDS,
  lookupCode,
  type CodeTable,
  type ColumnMappingInput,
  type ImportField,
} from './mapping';
import { normaliseGemeenteCode, normaliseKey, parseNumberCell, parsePeriod, periodProblem } from './values';

export type FigureField = 'clients' | 'lasten' | 'volume' | 'started' | 'ended';
const MEASURES: readonly { field: FigureField; column: ImportField }[] = [
  { field: 'clients', column: 'aantal' },
  { field: 'lasten', column: 'lasten' },
  { field: 'volume', column: 'volume' },
  { field: 'started', column: 'begonnen' },
  { field: 'ended', column: 'beeindigd' },
];

export interface FieldChange {
  old?: number;
  new: number;
  /** new − old (new when there was no figure) */
  diff: number;
}

export interface RealisatieChange {
  /** undefined: the region as a whole */
  gemeenteId?: string;
  gemeenteName?: string;
  segmentId: string;
  segmentName: string;
  year: number;
  status: 'nieuw' | 'gewijzigd' | 'gelijk';
  /** true: the region figure is the sum of the gemeenten in the file */
  derived: boolean;
  fields: Partial<Record<FigureField, FieldChange>>;
  /** the file's row numbers this figure comes from */
  rows: number[];
}

export interface ImportPlanInput {
  model: Model;
  rows: readonly (readonly string[])[];
  fileName: string;
  mapping: ColumnMappingInput;
  codes: CodeTable;
  /** where the figures come from: document title, table and year (required by the model format) */
  source: string;
}

/** A distinct value of the segment column and what it maps to, for the code-table step. */
export interface SegmentCode {
  value: string;
  /** how many data rows have it */
  count: number;
  /** 'tabel': via the code table (segmentId null = negeren); 'segment': the id or name of a segment; 'onbekend': refused */
  via: 'tabel' | 'segment' | 'onbekend';
  segmentId?: string | null;
}

export interface ImportPlan {
  header: string[];
  /** row number of the header (1 = first row of the file) */
  headerRow: number;
  /** data rows read (after the header, not counting skipped ones) */
  rowCount: number;
  changes: RealisatieChange[];
  issues: ValidationIssue[];
  notices: string[];
  /** the distinct values of the segment column (in order of appearance) and their mapping */
  segmentCodes: SegmentCode[];
  /**
   * Per segment of the model, what the import does with its realisatie: 'vervangen' (the file has figures
   * for it, in `years`), 'behouden' (not in the file: its existing figures stay as they were) or 'geen'
   * (not in the file and no realisatie; allowed only when the import leaves the realised years as they were).
   */
  segments: SegmentImportStatus[];
  /** the model to save: only when there are no issues */
  model?: Model;
}

export interface SegmentImportStatus {
  segmentId: string;
  segmentName: string;
  status: 'vervangen' | 'behouden' | 'geen';
  /** 'vervangen': the years in the file; 'behouden': the years the model already has */
  years: number[];
}

interface Cell {
  target: string | undefined; // gemeente id or undefined (region)
  segmentId: string;
  year: number;
  sums: Partial<Record<FigureField, number>>;
  rows: number[];
  provisional: boolean;
}

/** More problems than this are summarised: a file with every gemeente of the country would list thousands. */
export const MAX_ISSUES = 200;

function capped(issues: ValidationIssue[], fileName: string): ValidationIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  return [
    ...issues.slice(0, MAX_ISSUES),
    makeIssue(
      fileName,
      `en nog ${issues.length - MAX_ISSUES} problemen; los eerst de bovenstaande op (filter een CBS-export bijvoorbeeld op de gemeenten van de regio)`,
    ),
  ];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
/** euros to the cent; counts and volumes keep their decimals (only float noise of sums is removed) */
const roundField = (field: FigureField, x: number) => (field === 'lasten' ? round2(x) : Math.round(x * 1e6) / 1e6);

export function planImport(input: ImportPlanInput): ImportPlan {
  const { model, fileName } = input;
  const issues: ValidationIssue[] = [];
  const notices: string[] = [];
  const where = (row?: number, column?: string) =>
    `${fileName}${row !== undefined ? `, rij ${row}` : ''}${column !== undefined ? `, kolom ${JSON.stringify(column)}` : ''}`;
  const issue = (problem: string, row?: number, column?: string) => issues.push(makeIssue(where(row, column), problem));

  const headerIndex = input.rows.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
  if (headerIndex < 0) {
    issue('het bestand heeft geen kopregel met kolomnamen (minstens twee gevulde cellen in een rij)');
    return {
      header: [],
      headerRow: 0,
      rowCount: 0,
      changes: [],
      issues: capped(issues, fileName),
      notices,
      segmentCodes: [],
      segments: [],
    };
  }
  const header = input.rows[headerIndex]!.map((h) => h.trim());
  const headerRow = headerIndex + 1;
  if (headerIndex > 0) notices.push(`${where()}: ${headerIndex} regel(s) boven de kopregel (titel) overgeslagen.`);

  if (input.source.trim() === '')
    issue('geef de bron van de cijfers: documenttitel, tabel en jaar (bijv. "CBS StatLine 83454NED, 2024")');

  // columns
  const col: Partial<Record<ImportField, number>> = {};
  const fields: readonly ImportField[] = IMPORT_FIELDS;
  const seenHeaders = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normaliseKey(h);
    if (k === '') return;
    if (seenHeaders.has(k)) seenHeaders.set(k, -1);
    else seenHeaders.set(k, i);
  });
  for (const f of fields) {
    const name = (input.mapping as Record<string, unknown>)[f];
    if (name === undefined || name === '') {
      if (f === 'segment' || f === 'jaar') issue(`kies de kolom voor ${FIELD_LABELS[f]}`);
      continue;
    }
    const i = seenHeaders.get(normaliseKey(String(name)));
    if (i === undefined)
      issue(`de kolom ${JSON.stringify(name)} (voor ${FIELD_LABELS[f]}) staat niet in de kopregel (rij ${headerRow})`);
    else if (i < 0)
      issue(
        `de kolomnaam ${JSON.stringify(name)} komt meer dan eens voor in de kopregel (rij ${headerRow}): kies een andere kolom of hernoem er een`,
      );
    else col[f] = i;
  }
  const mapped = Object.values(col);
  if (new Set(mapped).size !== mapped.length) issue('dezelfde kolom is voor meer dan één veld gekozen');
  if (MEASURES.every((m) => col[m.column] === undefined))
    issue('kies minstens één kolom met cijfers: aantal jeugdigen, lasten, volume of trajecten');
  if (issues.length > 0)
    return {
      header,
      headerRow,
      rowCount: 0,
      changes: [],
      issues: capped(issues, fileName),
      notices,
      segmentCodes: [],
      segments: [],
    };

  const factor = input.mapping.lastenUnit === 'thousand' ? 1000 : 1;
  const colName = (f: ImportField) => header[col[f]!]!;
  const byCode = new Map(model.gemeenten.filter((g) => g.cbsCode).map((g) => [g.cbsCode!, g]));
  const byName = new Map(
    model.gemeenten.flatMap((g) => [[normaliseKey(g.name), g] as const, [normaliseKey(g.id), g] as const]),
  );
  const segments = new Map(model.segments.map((s) => [s.id, s]));
  const segmentsByName = new Map(
    model.segments.flatMap((s) => [[normaliseKey(s.id), s] as const, [normaliseKey(s.name), s] as const]),
  );
  const knownGemeenten = model.gemeenten.map((g) => (g.cbsCode ? `${g.cbsCode} ${g.name}` : g.name)).join(', ');

  const cells = new Map<string, Cell>();
  const firstRowOf = new Map<string, number>();
  const codes = new Map<string, SegmentCode>();
  const noteCode = (value: string, via: SegmentCode['via'], segmentId?: string | null) => {
    const k = normaliseKey(value);
    const c = codes.get(k);
    if (c) c.count++;
    else codes.set(k, { value, count: 1, via, ...(segmentId !== undefined ? { segmentId } : {}) });
  };
  let rowCount = 0;
  let ignored = 0;
  let emptyRows = 0;

  for (let r = headerIndex + 1; r < input.rows.length; r++) {
    const cellsOfRow = input.rows[r]!;
    const rowNo = r + 1;
    const filled = cellsOfRow.filter((c) => c.trim() !== '').length;
    if (filled === 0) continue;
    if (filled < 2) {
      notices.push(
        `${where(rowNo)}: overgeslagen (${JSON.stringify(
          cellsOfRow
            .find((c) => c.trim() !== '')!
            .trim()
            .slice(0, 60),
        )} is geen rij met cijfers).`,
      );
      continue;
    }
    rowCount++;
    const text = (f: ImportField) => (cellsOfRow[col[f]!] ?? '').trim();
    const before = issues.length;

    // gemeente
    let gemeenteId: string | undefined;
    if (col.gemeente !== undefined) {
      const v = text('gemeente');
      const code = normaliseGemeenteCode(v);
      const g = code ? byCode.get(code) : byName.get(normaliseKey(v));
      if (v === '') issue('geen gemeente ingevuld', rowNo, colName('gemeente'));
      else if (!g)
        issue(
          `${JSON.stringify(v)} is geen gemeente van dit model (bekend: ${knownGemeenten})`,
          rowNo,
          colName('gemeente'),
        );
      else gemeenteId = g.id;
    }

    // segment
    let segmentId: string | undefined;
    let codeKey = '';
    const sv = text('segment');
    if (sv === '') issue('geen segment of productcategorie ingevuld', rowNo, colName('segment'));
    else {
      const found = lookupCode(input.codes, sv);
      const bySegment = found.found ? undefined : segmentsByName.get(normaliseKey(sv));
      if (found.found) noteCode(sv, 'tabel', found.segmentId);
      else if (bySegment) noteCode(sv, 'segment', bySegment.id);
      else noteCode(sv, 'onbekend');
      if (found.found) {
        if (found.segmentId === null) {
          ignored++;
          if (issues.length === before) continue; // "negeren" in the code table
        } else if (!segments.has(found.segmentId)) {
          issue(
            `${JSON.stringify(sv)} is in de codetabel gekoppeld aan ${JSON.stringify(found.segmentId)}, maar dat segment bestaat niet in dit model`,
            rowNo,
            colName('segment'),
          );
        } else {
          segmentId = found.segmentId;
          codeKey = normaliseKey(found.key);
        }
      } else {
        const s = segmentsByName.get(normaliseKey(sv));
        if (s) {
          segmentId = s.id;
          codeKey = normaliseKey(s.id);
        } else {
          issue(
            `onbekende code ${JSON.stringify(sv)}: koppel deze productcategorie/zorgvorm in de codetabel aan een segment (of kies "negeren")`,
            rowNo,
            colName('segment'),
          );
        }
      }
    }

    // jaar
    let year: number | undefined;
    let provisional = false;
    const yv = text('jaar');
    const p = parsePeriod(yv);
    if (yv === '') issue('geen jaar ingevuld', rowNo, colName('jaar'));
    else if (!p) issue(periodProblem(yv), rowNo, colName('jaar'));
    else if (p.year < model.baseYear || p.year > model.endYear) {
      issue(
        `jaar ${p.year} ligt buiten de horizon van het model (${model.baseYear}–${model.endYear})`,
        rowNo,
        colName('jaar'),
      );
    } else {
      year = p.year;
      provisional = p.provisional;
    }

    // numbers
    const values: Partial<Record<FigureField, number>> = {};
    for (const { field, column } of MEASURES) {
      if (col[column] === undefined) continue;
      const raw = cellsOfRow[col[column]!] ?? '';
      const n = parseNumberCell(raw);
      if (n.kind === 'invalid')
        issue(`${JSON.stringify(n.text)} is geen getal (verwacht bijv. 1.234,5)`, rowNo, colName(column));
      else if (n.kind === 'number') {
        if (n.value < 0)
          issue(
            `${formatNumber(n.value, 2)} is negatief: ${FIELD_LABELS[column]} kan niet kleiner dan 0 zijn`,
            rowNo,
            colName(column),
          );
        else values[field] = field === 'lasten' ? round2(n.value * factor) : n.value;
      }
    }
    if (issues.length > before || segmentId === undefined || year === undefined) continue;
    if (Object.keys(values).length === 0) {
      emptyRows++;
      continue;
    }

    const dupKey = `${gemeenteId ?? ''}\u0000${codeKey}\u0000${year}`;
    const first = firstRowOf.get(dupKey);
    if (first !== undefined) {
      issue(
        `dubbele rij: ${gemeenteId ? 'dezelfde gemeente, ' : ''}code en jaar ${year} staan ook in rij ${first}`,
        rowNo,
        colName('segment'),
      );
      continue;
    }
    firstRowOf.set(dupKey, rowNo);

    const key = `${gemeenteId ?? ''}\u0000${segmentId}\u0000${year}`;
    const cell = cells.get(key) ?? { target: gemeenteId, segmentId, year, sums: {}, rows: [], provisional: false };
    for (const [f, v] of Object.entries(values) as [FigureField, number][])
      cell.sums[f] = roundField(f, (cell.sums[f] ?? 0) + v);
    cell.rows.push(rowNo);
    cell.provisional ||= provisional;
    cells.set(key, cell);
  }
  if (ignored > 0) notices.push(`${ignored} rij(en) overgeslagen: hun code staat in de codetabel op "negeren".`);
  if (emptyRows > 0) notices.push(`${emptyRows} rij(en) zonder cijfer (leeg of "." bij CBS) overgeslagen.`);
  if (issues.length === 0 && cells.size === 0) issue('het bestand bevat geen cijfers om in te lezen');
  if (issues.length > 0)
    return {
      header,
      headerRow,
      rowCount,
      changes: [],
      issues: capped(issues, fileName),
      notices,
      segmentCodes: [...codes.values()],
      segments: [],
    };

  // merge into a copy of the realisatie
  const old = model.realisatie;
  const maxYear = Math.max(...[...cells.values()].map((c) => c.year));
  const next: Realisatie = structuredClone(old) ?? { lastYear: maxYear, segments: {} };
  next.lastYear = Math.max(next.lastYear, maxYear);
  const source = input.source.trim();
  const changes: RealisatieChange[] = [];
  const gemeenteName = new Map(model.gemeenten.map((g) => [g.id, g.name]));

  const figureAt = (
    r: Realisatie | undefined,
    gid: string | undefined,
    sid: string,
    year: number,
  ): RealisedFigure | undefined =>
    gid === undefined ? r?.segments[sid]?.[String(year)] : r?.gemeenten?.[gid]?.segments?.[sid]?.[String(year)];
  const setFigure = (gid: string | undefined, sid: string, year: number, f: RealisedFigure) => {
    if (gid === undefined) (next.segments[sid] ??= {})[String(year)] = f;
    else {
      const g = ((next.gemeenten ??= {})[gid] ??= {});
      ((g.segments ??= {})[sid] ??= {})[String(year)] = f;
    }
  };
  const record = (
    gid: string | undefined,
    sid: string,
    year: number,
    figure: RealisedFigure,
    rows: number[],
    derived: boolean,
  ) => {
    const before = figureAt(old, gid, sid, year);
    const fields: Partial<Record<FigureField, FieldChange>> = {};
    for (const { field } of MEASURES) {
      const nv = figure[field];
      if (nv === undefined) continue;
      const ov = before?.[field];
      fields[field] = { ...(ov !== undefined ? { old: ov } : {}), new: nv, diff: roundField(field, nv - (ov ?? 0)) };
    }
    const changed = Object.values(fields).some((c) => c.old === undefined || c.diff !== 0);
    changes.push({
      ...(gid !== undefined ? { gemeenteId: gid, gemeenteName: gemeenteName.get(gid)! } : {}),
      segmentId: sid,
      segmentName: segments.get(sid)!.name,
      year,
      status: !before ? 'nieuw' : changed ? 'gewijzigd' : 'gelijk',
      derived,
      fields,
      rows,
    });
  };

  const merge = (
    existing: RealisedFigure | undefined,
    sums: Partial<Record<FigureField, number>>,
    src: string,
    provisional: boolean,
  ): Partial<RealisedFigure> => {
    const kept = existing
      ? (['clients', 'started', 'ended', 'volume'] as const).filter((k) => existing[k] !== undefined && !(k in sums))
      : [];
    const out: Partial<RealisedFigure> = { ...(existing ?? {}), ...sums };
    out.source =
      kept.length > 0 && existing && existing.source !== src ? `${src}; ${kept.join(', ')}: ${existing.source}` : src;
    if (kept.length === 0) delete out.estimate;
    if (provisional) out.note = 'voorlopig cijfer (CBS: *)';
    return out;
  };

  const sorted = [...cells.values()].sort(
    (a, b) =>
      (a.target ?? '').localeCompare(b.target ?? '') || a.segmentId.localeCompare(b.segmentId) || a.year - b.year,
  );
  const regionInFile = new Set(
    sorted.filter((c) => c.target === undefined).map((c) => `${c.segmentId}\u0000${c.year}`),
  );
  const gemeenteCells = new Map<string, Cell[]>();
  for (const c of sorted) {
    const existing = figureAt(old, c.target, c.segmentId, c.year);
    const f = merge(existing, c.sums, source, c.provisional);
    const firstRow = c.rows[0]!;
    if (f.lasten === undefined) {
      issue(
        `lasten ontbreken: het bestand geeft geen lasten voor ${segments.get(c.segmentId)!.name} ${c.year} en het model heeft nog geen cijfer om aan te vullen`,
        firstRow,
        col.lasten !== undefined ? colName('lasten') : undefined,
      );
      continue;
    }
    if (c.target === undefined && segments.get(c.segmentId)!.kind === 'volume' && f.clients === undefined) {
      issue(
        `aantal jeugdigen ontbreekt voor ${segments.get(c.segmentId)!.name} ${c.year}: een volumesegment heeft dat nodig voor de regio`,
        firstRow,
        col.aantal !== undefined ? colName('aantal') : undefined,
      );
      continue;
    }
    setFigure(c.target, c.segmentId, c.year, f as RealisedFigure);
    record(c.target, c.segmentId, c.year, f as RealisedFigure, c.rows, false);
    if (c.target !== undefined && !regionInFile.has(`${c.segmentId}\u0000${c.year}`)) {
      const k = `${c.segmentId}\u0000${c.year}`;
      gemeenteCells.set(k, [...(gemeenteCells.get(k) ?? []), c]);
    }
  }

  // region figures from the gemeenten
  for (const [k, list] of gemeenteCells) {
    const [sid, yearText] = k.split('\u0000') as [string, string];
    const year = Number(yearText);
    const all = model.gemeenten.map((g) => figureAt(next, g.id, sid, year));
    const rows = list.flatMap((c) => c.rows).sort((a, b) => a - b);
    if (all.every((f) => f !== undefined)) {
      const figs = all as RealisedFigure[];
      const sum = (field: FigureField) =>
        figs.every((f) => f[field] !== undefined)
          ? roundField(
              field,
              figs.reduce((t, f) => t + f[field]!, 0),
            )
          : undefined;
      const existing = figureAt(old, undefined, sid, year);
      const sums: Partial<Record<FigureField, number>> = {};
      for (const { field } of MEASURES) {
        const s = sum(field);
        if (s !== undefined) sums[field] = s;
      }
      const f = merge(
        existing,
        sums,
        `Som van de gemeenten: ${source}`,
        list.some((c) => c.provisional),
      );
      if (segments.get(sid)!.kind === 'volume' && f.clients === undefined) {
        issue(
          `aantal jeugdigen ontbreekt voor de regio bij ${segments.get(sid)!.name} ${year}: niet elke gemeente heeft een aantal en het model heeft geen regiocijfer`,
          rows[0],
          col.aantal !== undefined ? colName('aantal') : undefined,
        );
        continue;
      }
      setFigure(undefined, sid, year, f as RealisedFigure);
      record(undefined, sid, year, f as RealisedFigure, rows, true);
    } else if (!figureAt(old, undefined, sid, year)) {
      const missing = model.gemeenten.filter((_, i) => all[i] === undefined).map((g) => g.name);
      issue(
        `regiocijfer ontbreekt voor ${segments.get(sid)!.name} ${year}: het bestand geeft niet alle gemeenten (ontbreken: ${missing.join(', ')}) en het model heeft nog geen regiocijfer; voeg die gemeenten of een regiorij toe`,
        rows[0],
        col.gemeente !== undefined ? colName('gemeente') : undefined,
      );
    }
  }
  // which segments the file replaces and which keep their figures; a realised year may not end up incomplete
  const statuses = segmentStatuses(model, old, next, cells.values());
  if (issues.length === 0) {
    for (const problem of incompleteYears(model, old, next)) issue(problem);
  }
  if (issues.length > 0)
    return {
      header,
      headerRow,
      rowCount,
      changes: [],
      issues: capped(issues, fileName),
      notices,
      segmentCodes: [...codes.values()],
      segments: statuses,
    };

  const candidate = { ...model, realisatie: next };
  const parsed = parseModel(candidate);
  if (!parsed.ok) {
    for (const i of parsed.issues) issue(`na het inlezen klopt het model niet: ${i.message}`);
    return {
      header,
      headerRow,
      rowCount,
      changes: [],
      issues: capped(issues, fileName),
      notices,
      segmentCodes: [...codes.values()],
      segments: statuses,
    };
  }
  if (next.lastYear !== old?.lastYear) {
    notices.push(`Laatste gerealiseerde jaar: ${old ? `${old.lastYear} → ` : ''}${next.lastYear}.`);
  }
  const kept = statuses.filter((x) => x.status === 'behouden');
  if (kept.length > 0)
    notices.push(`Niet in het bestand, blijven zoals ze waren: ${kept.map((x) => x.segmentName).join(', ')}.`);
  const total = changes.filter((c) => c.gemeenteId === undefined).reduce((t, c) => t + (c.fields.lasten?.diff ?? 0), 0);
  if (changes.some((c) => c.gemeenteId === undefined))
    notices.push(`Lasten van de regio wijzigen in totaal met ${formatEuro(total)}.`);
  return {
    header,
    headerRow,
    rowCount,
    changes,
    issues: capped(issues, fileName),
    notices,
    segmentCodes: [...codes.values()],
    segments: statuses,
    model: parsed.value,
  };
}

const yearsOf = (byYear: Record<string, unknown> | undefined): number[] =>
  Object.keys(byYear ?? {})
    .map(Number)
    .sort((a, b) => a - b);

function segmentStatuses(
  model: Model,
  old: Realisatie | undefined,
  next: Realisatie,
  cells: Iterable<Cell>,
): SegmentImportStatus[] {
  const inFile = new Map<string, Set<number>>();
  for (const c of cells) inFile.set(c.segmentId, (inFile.get(c.segmentId) ?? new Set()).add(c.year));
  return model.segments.map((s) => {
    const fileYears = inFile.get(s.id);
    if (fileYears)
      return {
        segmentId: s.id,
        segmentName: s.name,
        status: 'vervangen',
        years: [...fileYears].sort((a, b) => a - b),
      };
    const years = yearsOf(old?.segments[s.id]);
    return years.length > 0
      ? { segmentId: s.id, segmentName: s.name, status: 'behouden', years }
      : { segmentId: s.id, segmentName: s.name, status: 'geen', years: yearsOf(next.segments[s.id]) };
  });
}

/**
 * A realised year may not end up incomplete (docs/formats.md, "Gedeeltelijke import"): after the import every
 * segment has a regional figure for every year baseYear..R. The one exception is a segment that had no
 * realisatie before and still has none while the realised years stay as they were (a segment the model
 * already treated as new); an import that starts the realisatie or moves R must cover it too.
 */
export function incompleteYears(model: Model, old: Realisatie | undefined, next: Realisatie): string[] {
  const problems: string[] = [];
  const sameYears = old !== undefined && old.lastYear === next.lastYear;
  for (const s of model.segments) {
    const before = Object.keys(old?.segments[s.id] ?? {}).length;
    const after = next.segments[s.id] ?? {};
    if (before === 0 && Object.keys(after).length === 0 && sameYears) continue;
    const missing: number[] = [];
    for (let y = model.baseYear; y <= next.lastYear; y++) if (!after[String(y)]) missing.push(y);
    if (missing.length === 0) continue;
    const years = missing.length === 1 ? `${missing[0]}` : `${missing.slice(0, -1).join(', ')} en ${missing.at(-1)}`;
    problems.push(
      `${s.name} heeft na deze import geen cijfer voor ${years}, terwijl de realisatie dan loopt t/m ${next.lastYear}: ` +
        `het segment zou daar als 0 tellen. Neem ${s.name} ${years} op in het bestand, of lees eerst een bestand met alle segmenten in.`,
    );
  }
  return problems;
}
