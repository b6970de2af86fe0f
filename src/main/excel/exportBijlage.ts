/**
 * Export entry point: runs the engine for each scenario (the only source of
 * numbers) and writes the bijlage for the region, one gemeente, or all of
 * them. "All" is a zip with one workbook for the region and one per gemeente:
 * each gemeente's controller puts their own workbook in their own begroting,
 * and the regional controller can pass each file on as it is.
 */
import JSZip from 'jszip';
import type { Model } from '../../shared/formats/model';
import type { Scenario } from '../../shared/formats/scenario';
import { simulate } from '../../shared/engine/simulate';
import type { SimulationResult } from '../../shared/engine/result';
import { defaultBegrotingsjaar } from '../../shared/years';
import { runMonteCarloSync, MAX_DRAWS } from '../../shared/analysis/montecarlo';
import { MAX_EXPORT_SCENARIOS, MIN_EXPORT_DRAWS } from '../../shared/api';
import { DEFAULT_SEED, isValidSeed } from '../../shared/analysis/random';
import { tornado } from '../../shared/analysis/tornado';
import { listParameters } from '../../shared/analysis/parameters';
import { buildBijlage, type BijlageAnalysis, type BijlageMutaties, type BijlageScenario } from './bijlage';
import { mutatieOverzicht, type MutatieReference } from '../../shared/analysis/mutaties';
import type { BijlageScope } from './amounts';
import { isoDate } from '../../shared/locale/dates';
import { clipAtWord, type AmountUnit } from './styles';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ZIP_MIME = 'application/zip';

/** Optional analysis sheets: Onzekerheid (Monte Carlo) and Gevoeligheid (tornado). */
export interface ExportAnalysisOptions {
  /** draws 100..50.000; seed 0..2^32−1 (default DEFAULT_SEED) — written in the sheet */
  montecarlo?: { draws: number; seed?: number };
  /** the year whose saldo is shown beside the cumulative one; default the model's endYear */
  tornado?: { year?: number };
}

/** 'region', 'all', or a gemeente id from the model. */
export type ExportScope = string;

export interface ExportRequest {
  model: Model;
  scenarios: readonly Scenario[];
  scope: ExportScope;
  unit: AmountUnit;
  appVersion: string;
  /** the region's name in titles, headers and file names; default the model's own name */
  regionName?: string;
  generatedAt?: Date;
  analysis?: ExportAnalysisOptions;
  /**
   * The analysis for `analysis`, already computed by the caller for these
   * scenarios (the CLI prints the same Monte Carlo and tornado): used as it
   * is instead of running them a second time.
   */
  computedAnalysis?: BijlageAnalysis;
  /** The reference of the sheet Mutaties (a vastgestelde version or another scenario); without it: no such sheet. */
  mutaties?: ExportMutatiesReference;
  /**
   * The begrotingsjaar (its column says "begroting"); default the year after generatedAt's,
   * within the model's years. A year outside baseYear–endYear is refused.
   */
  begrotingsjaar?: number;
  /** What the V/N rows compare with: a saved version's stored result, or a scenario run here. */
  reference?: ExportReference;
  /** Called between the steps (a job worker reports it as the job's progress). */
  onProgress?: (p: { fraction: number; step: string }) => void;
}

/** The reference of the mutatieoverzicht: its inputs (and a version's stored result) and how the sheet names it. */
export interface ExportMutatiesReference extends MutatieReference {
  name: string;
}
/** The reference of the V/N rows: its label, and either its stored result or the scenario to run. */
export type ExportReference = { label: string } & ({ result: SimulationResult } | { scenario: Scenario });

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: Buffer;
}

export class ExportError extends Error {}

export async function exportBijlage(req: ExportRequest): Promise<ExportedFile> {
  const { model } = req;
  if (req.scenarios.length === 0) throw new ExportError('Kies minstens één scenario om te exporteren.');
  if (req.scenarios.length > MAX_EXPORT_SCENARIOS)
    throw new ExportError(
      `Er zijn ${req.scenarios.length} scenario's gekozen; exporteer er hoogstens ${MAX_EXPORT_SCENARIOS} tegelijk.`,
    );
  const scope = req.scope;
  if (scope !== 'region' && scope !== 'all' && !model.gemeenten.some((g) => g.id === scope)) {
    throw new ExportError(
      `Bereik ${JSON.stringify(scope)} is geen "region", "all" of gemeente van dit model (${model.gemeenten.map((g) => g.id).join(', ')}).`,
    );
  }
  const regionName = req.regionName ?? model.name;
  const generatedAt = req.generatedAt ?? new Date();
  const analysisProblem = checkAnalysisOptions(req.analysis, model);
  if (analysisProblem) throw new ExportError(analysisProblem);
  const begrotingsjaarProblem = checkBegrotingsjaar(req.begrotingsjaar, model);
  if (begrotingsjaarProblem) throw new ExportError(begrotingsjaarProblem);
  const begrotingsjaar = req.begrotingsjaar ?? defaultBegrotingsjaar(model, generatedAt);
  const progress = req.onProgress ?? (() => {});
  const books = scope === 'all' ? 1 + model.gemeenten.length : 1;
  const runsAnalysis = req.analysis !== undefined && req.computedAnalysis === undefined;
  const writeFrom = runsAnalysis ? 0.5 : 0.1;
  progress({ fraction: 0, step: "scenario's doorrekenen" });
  const scenarios: BijlageScenario[] = req.scenarios.map((scenario) => ({
    scenario,
    result: simulate(model, scenario),
  }));
  const ref = req.reference;
  const reference = ref
    ? { label: ref.label, result: 'result' in ref ? ref.result : simulate(model, ref.scenario) }
    : undefined;
  if (runsAnalysis) progress({ fraction: 0.1, step: 'onzekerheid en gevoeligheid berekenen' });
  // Run once for all workbooks of an "all" export: the analysis is the region's.
  const analysis = req.analysis ? (req.computedAnalysis ?? runAnalysis(model, req.scenarios, req.analysis)) : undefined;
  const mutaties: BijlageMutaties | undefined = req.mutaties
    ? {
        referenceName: req.mutaties.name,
        overzichten: req.scenarios.map((scenario) => mutatieOverzicht(req.mutaties!, { model, scenario })),
      }
    : undefined;
  // The band under the saldo on Samenvatting: the analysis's Monte Carlo when it was asked for, else one with the
  // app's defaults (2.000 draws, the default seed: what Overzicht shows unless the user changed them).
  const headlineBands = req.scenarios.map(
    (scenario, i) =>
      analysis?.montecarlo?.[i] ??
      (listParameters(model, scenario).length > 0 ? runMonteCarloSync({ model, scenario }) : undefined),
  );
  let written = 0;
  const write = async (s: BijlageScope): Promise<Buffer> => {
    progress({
      fraction: writeFrom + ((1 - writeFrom) * written) / books,
      step: `werkmap ${written + 1} van ${books} schrijven`,
    });
    written++;
    const wb = buildBijlage({
      model,
      scenarios,
      scope: s,
      unit: req.unit,
      regionName,
      generatedAt,
      appVersion: req.appVersion,
      begrotingsjaar,
      ...(reference ? { reference } : {}),
      ...(analysis ? { analysis } : {}),
      ...(mutaties ? { mutaties } : {}),
      headlineBands,
    });
    // Fast deflate: the workbooks are small either way, and level 1 halves the write time.
    return Buffer.from(
      await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as Parameters<
        typeof wb.xlsx.writeBuffer
      >[0]),
    );
  };
  const scenarioNames = scenarios.map((s) => s.scenario.name);
  const stem = (who: string) => bijlageFileStem(who, scenarioNames, generatedAt);

  if (scope === 'region')
    return { fileName: `${stem(regionName)}.xlsx`, mimeType: XLSX_MIME, data: await write({ kind: 'region' }) };
  if (scope !== 'all') {
    const g = model.gemeenten.find((x) => x.id === scope)!;
    return {
      fileName: `${stem(`gemeente ${g.name}`)}.xlsx`,
      mimeType: XLSX_MIME,
      data: await write({ kind: 'gemeente', gemeenteId: g.id }),
    };
  }
  const zip = new JSZip();
  const fixedDate = generatedAt;
  zip.file(`${stem(regionName)}.xlsx`, await write({ kind: 'region' }), { date: fixedDate });
  for (const g of model.gemeenten) {
    zip.file(`${stem(`gemeente ${g.name}`)}.xlsx`, await write({ kind: 'gemeente', gemeenteId: g.id }), {
      date: fixedDate,
    });
  }
  // Workbooks are already deflated; storing them again compressed would only cost time.
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  return { fileName: `${stem('alle gemeenten')}.zip`, mimeType: ZIP_MIME, data };
}

/** A Dutch message naming the field and value, or undefined when the options are usable. */
export function checkAnalysisOptions(options: ExportAnalysisOptions | undefined, model: Model): string | undefined {
  const mc = options?.montecarlo;
  if (mc) {
    if (!(Number.isInteger(mc.draws) && mc.draws >= MIN_EXPORT_DRAWS && mc.draws <= MAX_DRAWS)) {
      return `Aantal trekkingen: ${String(mc.draws)} is geen heel getal van ${MIN_EXPORT_DRAWS} tot 50.000 (minder dan ${MIN_EXPORT_DRAWS} trekkingen is te grof voor P10 en P90).`;
    }
    if (mc.seed !== undefined && !isValidSeed(mc.seed))
      return `Seed: ${String(mc.seed)} is geen heel getal van 0 tot 4.294.967.295.`;
  }
  const year = options?.tornado?.year;
  if (year !== undefined && !(Number.isInteger(year) && year >= model.baseYear && year <= model.endYear)) {
    return `Jaar voor de gevoeligheid: ${String(year)} ligt niet in ${model.baseYear}–${model.endYear}.`;
  }
  return undefined;
}

/** A Dutch message naming the begrotingsjaar when it lies outside the model's years, else undefined. */
export function checkBegrotingsjaar(year: number | undefined, model: Model): string | undefined {
  if (year === undefined) return undefined;
  if (Number.isInteger(year) && year >= model.baseYear && year <= model.endYear) return undefined;
  return `Begrotingsjaar: ${String(year)} ligt niet in de jaren van het model (${model.baseYear}–${model.endYear}); kies een jaar daarbinnen.`;
}

function runAnalysis(
  model: Model,
  scenarios: readonly Scenario[],
  options: ExportAnalysisOptions,
): BijlageAnalysis | undefined {
  if (!options.montecarlo && !options.tornado) return undefined;
  const out: BijlageAnalysis = {};
  const mc = options.montecarlo;
  if (mc)
    out.montecarlo = scenarios.map((scenario) =>
      runMonteCarloSync({ model, scenario, draws: mc.draws, seed: mc.seed ?? DEFAULT_SEED }),
    );
  const t = options.tornado;
  if (t)
    out.tornado = scenarios.map((scenario) => tornado(model, scenario, t.year !== undefined ? { year: t.year } : {}));
  return out;
}

/** At most this many characters in a file name stem (without extension): every OS and zip tool takes it. */
export const MAX_STEM = 150;

/** Path separators, characters Windows refuses, control characters. */
function cleanName(text: string): string {
  return text
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A file name every OS accepts: no path separators, reserved or control characters, at most
 * MAX_STEM characters, cut after a whole word (never mid-word).
 */
export function fileStem(text: string): string {
  const cleaned = clipAtWord(cleanName(text), MAX_STEM).replace(/[. ]+$/, '');
  return cleaned || 'bijlage';
}

/**
 * "Begrotingsbijlage jeugd {who} - {scenario + scenario} - {yyyy-mm-dd}": the date (Dutch local)
 * is always whole; when the name is too long the scenario names are shortened first, after a whole
 * word with "…" (or to "3 scenario's"), then who.
 */
export function bijlageFileStem(who: string, scenarioNames: readonly string[], at: Date): string {
  const date = isoDate(at);
  const head = 'Begrotingsbijlage jeugd';
  const fixed = `${head}  -  - ${date}`.length;
  let name = cleanName(who) || 'regio';
  let list = cleanName(scenarioNames.join(' + '));
  const room = () => MAX_STEM - fixed - name.length;
  if (list.length > room()) {
    const count = scenarioNames.length > 1 ? `${scenarioNames.length} scenario's` : 'scenario';
    // Keep the names when a shortened list still says something; else the count.
    list = room() >= 24 ? clipAtWord(list, room()) : count;
  }
  if (name.length + list.length + fixed > MAX_STEM)
    name = clipAtWord(name, Math.max(12, MAX_STEM - fixed - list.length));
  const stem = `${head} ${name} - ${list} - ${date}`;
  return stem.length <= MAX_STEM ? stem : `${head} ${clipAtWord(name, 40)} - ${clipAtWord(list, 40)} - ${date}`;
}
