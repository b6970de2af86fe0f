/**
 * The inputs the benchmark suites share: the bundled default model and its
 * scenarios, validated as the app validates them, and the ranges the analysis
 * benches put on every part of the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Model } from '../src/shared/formats/model';
import type { Scenario } from '../src/shared/formats/scenario';
import { parseModel, parseScenario } from '../src/shared/formats/validate';
import { MAX_GEMEENTEN, MAX_HORIZON_YEARS, MAX_SEGMENTS } from '../src/shared/formats/limits';

const models = new URL('../models/', import.meta.url);

/** JSON from models/ (rel: e.g. 'noord-limburg.json' or 'scenarios/ongewijzigd-beleid.json'). */
export function readModelsJson(rel: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(rel, models)), 'utf8'));
}

/** The value of a parse, or a thrown error with the Dutch issues: a bench on invalid input measures nothing. */
export function valid<T>(r: { ok: true; value: T } | { ok: false; issues: { message: string }[] }, what = ''): T {
  if (!r.ok) throw new Error(`${what ? `${what}: ` : ''}${r.issues.map((i) => i.message).join('\n')}`);
  return r.value;
}

export function defaultModel(): Model {
  return valid(parseModel(readModelsJson('noord-limburg.json')), 'noord-limburg.json');
}

/** A bundled scenario by file name, e.g. 'beleidsplan-kpis.json'. */
export function bundledScenario(model: Model, file: string): Scenario {
  return valid(parseScenario(readModelsJson(`scenarios/${file}`), model), file);
}

/**
 * The bundled scenarios carry no ranges; for a Monte Carlo that varies every
 * part of the engine each volume segment's inflow, price and yearly
 * percentages, every budget line and the funding index get one.
 */
export function withBenchRanges(model: Model, scenario: Scenario): Scenario {
  const ranges: Record<string, Record<string, { low: number; high: number }>> = {};
  for (const s of model.segments) {
    ranges[s.id] =
      s.kind === 'volume'
        ? {
            inflowPerYear: { low: s.inflowPerYear * 0.9, high: s.inflowPerYear * 1.15 },
            pricePerUnit: { low: s.pricePerUnit * 0.97, high: s.pricePerUnit * 1.05 },
            inflowChangePct: { low: -2, high: 3 },
            priceIndexPct: { low: -1, high: 1.5 },
          }
        : { amount: { low: s.amount * 0.95, high: s.amount * 1.1 } };
  }
  return valid(
    parseScenario(
      { ...scenario, ranges, funding: { ...scenario.funding, ranges: { indexPct: { low: -1, high: 1 } } } },
      model,
    ),
  );
}

/**
 * The default model grown to `segments` segments (its 17 repeated; the first
 * 17 keep their ids, so the bundled scenarios still apply): the largest model
 * the limits allow has MAX_SEGMENTS. For the jobs bench and the job tests.
 */
export function largeModel(segments = MAX_SEGMENTS): Model {
  // the default model's own figures, without its realisatie 2022–2024 and CBS codes: copied segments and
  // gemeenten would have no realisatie and duplicate codes; so the bench measures what it measured before
  const { realisatie: _realisatie, ...own } = defaultModel();
  const base: Model = { ...own, gemeenten: own.gemeenten.map(({ cbsCode: _cbsCode, ...g }) => g) };
  const grown = Array.from({ length: segments }, (_, i) => {
    const s = base.segments[i % base.segments.length]!;
    const copy = Math.floor(i / base.segments.length);
    return copy === 0 ? s : { ...s, id: `${s.id}-${copy + 1}`, name: `${s.name} (${copy + 1})` };
  });
  return valid(
    parseModel({ ...base, name: `${base.name} (${segments} segmenten)`, segments: grown }),
    `model met ${segments} segmenten`,
  );
}

/**
 * The largest model the limits allow (limits.ts): MAX_SEGMENTS segments (as
 * largeModel), MAX_GEMEENTEN gemeenten (the default model's 7 repeated, their
 * youth and funding shares divided so the region's totals stay the same, every
 * volume segment with a usageShare over all of them) and a horizon of
 * MAX_HORIZON_YEARS years. For the jobs bench.
 */
export function largestModel(): Model {
  const base = largeModel(MAX_SEGMENTS);
  const copies = Math.ceil(MAX_GEMEENTEN / base.gemeenten.length);
  const gemeenten = Array.from({ length: MAX_GEMEENTEN }, (_, i) => {
    const g = base.gemeenten[i % base.gemeenten.length]!;
    const copy = Math.floor(i / base.gemeenten.length);
    const n =
      i % base.gemeenten.length < MAX_GEMEENTEN % base.gemeenten.length || MAX_GEMEENTEN % base.gemeenten.length === 0
        ? copies
        : copies - 1;
    return {
      ...g,
      id: copy === 0 ? g.id : `${g.id}-${copy + 1}`,
      name: copy === 0 ? g.name : `${g.name} (${copy + 1})`,
      youth0to17: Math.round(g.youth0to17 / n),
      ...(g.fundingShare !== undefined ? { fundingShare: g.fundingShare / n } : {}),
    };
  });
  const totalYouth = gemeenten.reduce((t, g) => t + g.youth0to17, 0);
  const usageShare = Object.fromEntries(gemeenten.map((g) => [g.id, g.youth0to17 / totalYouth]));
  const segments = base.segments.map((s) => (s.kind === 'volume' ? { ...s, usageShare } : s));
  return valid(
    parseModel({
      ...base,
      name: `${base.name} (${MAX_SEGMENTS} segmenten, ${MAX_GEMEENTEN} gemeenten, ${MAX_HORIZON_YEARS} jaar)`,
      endYear: base.baseYear + MAX_HORIZON_YEARS,
      gemeenten,
      segments,
    }),
    'grootste toegestane model',
  );
}

/**
 * A workbook just under the template's size guard (10 MB) whose sheets are
 * far larger than a template holds: `template` (the bytes of a real template)
 * with one of its sheets (`grow`, default Segmenten; null: none) and
 * `extraSheets` added sheets ("Kladblok 1", …) filled with rows of numbers,
 * each sheet's XML under the 20 MB entry limit, until the packed file is
 * about `targetBytes` — or with `rows` rows of `columns` cells each (from
 * column B). What a controller's "everything in one file" can look like, and
 * what took ExcelJS 7 s and over 1 GB before the content guard. Built with
 * native zlib, so a test can afford it.
 */
export async function workbookAtSizeGuard(
  template: Uint8Array,
  {
    targetBytes = 9.9 * 1024 * 1024,
    extraSheets = 2,
    grow = 'Segmenten',
    rows: rowCount,
    columns = 12,
  }: { targetBytes?: number; extraSheets?: number; grow?: string | null; rows?: number; columns?: number } = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  const files = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) files.set(name, await f.async('nodebuffer'));
  const text = (name: string) => files.get(name)!.toString('utf8');
  // the part of the sheet to grow, found as the app finds it: workbook.xml → its relationship
  const rels = text('xl/_rels/workbook.xml.rels');
  const partOf = (sheet: string) => {
    const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))?.[1];
    const target =
      new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    if (!rid || !target) throw new Error(`blad ${sheet} niet gevonden in het sjabloon`);
    return `xl/${target.replace(/^\/?xl\//, '')}`;
  };

  let seed = 20240601;
  const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const rows = (from: number, count: number) => {
    const out: string[] = [];
    for (let r = from; r < from + count; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < columns; c++) row += `<c r="${columnLetters(c + 2)}${r}"><v>${rand() % 10_000_000}</v></c>`;
      out.push(`${row}</row>`);
    }
    return out.join('');
  };
  // how well such rows pack, to size the sheets for the target
  const sized = () => {
    const probe = Buffer.from(rows(2000, 20_000));
    const ratio = deflateRawSync(probe).length / probe.length;
    const sheetCount = (grow === null ? 0 : 1) + extraSheets;
    return {
      perSheet: Math.min(19 * 1024 * 1024, Math.floor((0.93 * targetBytes - template.length) / ratio / sheetCount)),
      rowBytes: probe.length / 20_000,
    };
  };
  const size = rowCount === undefined ? sized() : undefined;
  const fill = (xml: string, first: number) => {
    const count = rowCount ?? Math.floor((size!.perSheet - Buffer.byteLength(xml)) / size!.rowBytes);
    return xml.replace(
      /<sheetData\/>|<\/sheetData>/,
      (m) => `${m === '<sheetData/>' ? '<sheetData>' : ''}${rows(first, count)}</sheetData>`,
    );
  };
  if (grow !== null) {
    const growPart = partOf(grow);
    const grown = text(growPart);
    const lastRow = Math.max(1, ...[...grown.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    files.set(growPart, Buffer.from(fill(grown, lastRow + 1)));
  }
  let workbook = text('xl/workbook.xml');
  let relsOut = rels;
  let types = text('[Content_Types].xml');
  const sheetIds = [...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1]));
  for (let i = 1; i <= extraSheets; i++) {
    const part = `worksheets/extra${i}.xml`;
    files.set(
      `xl/${part}`,
      Buffer.from(
        fill(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
          1,
        ),
      ),
    );
    workbook = workbook.replace(
      '</sheets>',
      `<sheet name="Kladblok ${i}" sheetId="${Math.max(...sheetIds) + i}" r:id="rIdExtra${i}"/></sheets>`,
    );
    relsOut = relsOut.replace(
      '</Relationships>',
      `<Relationship Id="rIdExtra${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part}"/></Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/xl/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    );
  }
  files.set('xl/workbook.xml', Buffer.from(workbook));
  files.set('xl/_rels/workbook.xml.rels', Buffer.from(relsOut));
  files.set('[Content_Types].xml', Buffer.from(types));
  const out = writeZip(files);
  if (out.length > targetBytes) throw new Error(`werkmap van ${out.length} bytes, groter dan ${targetBytes}`);
  return out;
}

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A plain zip (deflate, native zlib) of the given parts, in order. */
export function writeZip(files: ReadonlyMap<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [entry, data] of files) {
    const name = Buffer.from(entry);
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
