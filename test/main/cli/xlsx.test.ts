import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, testModel, testScenarios } from '../../fixtures';
import { runCli } from '../../../src/main/cli/run';
import { runXlsxJob, type XlsxJob } from '../../../src/main/cli/xlsx';
import { simulate } from '../../../src/shared/engine/simulate';
import { runMonteCarloSync } from '../../../src/shared/analysis/montecarlo';
import { numberOf, readWorkbook, rowsWithLabel } from '../excel/helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-cli-xlsx-'));
const model = testModel();
const scenario = testScenarios(model)[1]!;
fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
fs.writeFileSync(path.join(dir, 'scenario.json'), JSON.stringify(scenario));
const defaults = {
  modelFile: `${REPO_ROOT}/models/noord-limburg.json`,
  scenarioFile: `${REPO_ROOT}/models/scenarios/ongewijzigd-beleid.json`,
};

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const jobs: XlsxJob[] = [];
  const code = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readText: (p) => fs.readFileSync(p, 'utf8'),
    defaults,
    exportXlsx: (j) => jobs.push(j),
  });
  return { code, out: out.join(''), err: err.join(''), jobs };
}

describe('npm run simulate -- --xlsx', () => {
  it('writes the gemeente bijlage in thousands for the given model and scenario', async () => {
    const file = path.join(dir, 'venray.xlsx');
    const r = run([
      '--model',
      path.join(dir, 'model.json'),
      '--scenario',
      path.join(dir, 'scenario.json'),
      '--xlsx',
      file,
      '--scope',
      'venray',
      '--unit',
      'duizend',
    ]);
    expect(r.code).toBe(0);
    expect(r.jobs).toHaveLength(1);
    const messages: string[] = [];
    expect(await runXlsxJob(r.jobs[0]!, 'test', (t) => messages.push(t))).toBe(0);
    expect(messages[0]).toMatch(/^Begrotingsbijlage geschreven: .*venray\.xlsx/);
    const wb = await readWorkbook(fs.readFileSync(file));
    const ws = wb.getWorksheet('Samenvatting')!;
    const saldo = rowsWithLabel(ws, 'Saldo (baten − lasten; negatief = tekort)')[0]!;
    const g = simulate(model, scenario).gemeenten.find((x) => x.id === 'venray')!;
    // × € 1.000: the printed saldo (sum of rounded lines) plus the afrondingsverschil below it is the engine's saldo
    expect(Number.isInteger(numberOf(ws.getCell(saldo, 4).value))).toBe(true);
    expect(numberOf(ws.getCell(saldo, 4).value)! + numberOf(ws.getCell(saldo + 1, 4).value)!).toBeCloseTo(
      g.years[1]!.balance / 1000,
      5,
    );
  });

  it('--montecarlo N --seed S and --tornado put Onzekerheid and Gevoeligheid in the workbook', async () => {
    const file = path.join(dir, 'analyse.xlsx');
    const r = run([
      '--model',
      path.join(dir, 'model.json'),
      '--scenario',
      path.join(dir, 'scenario.json'),
      '--xlsx',
      file,
      '--montecarlo',
      '300',
      '--seed',
      '99',
      '--tornado',
    ]);
    expect(r.code).toBe(0);
    expect(r.jobs[0]!.analysis).toEqual({ montecarlo: { draws: 300, seed: 99 }, tornado: {} });
    const messages: string[] = [];
    expect(await runXlsxJob(r.jobs[0]!, 'test', (t) => messages.push(t))).toBe(0);
    expect(messages[0]).toMatch(/met Onzekerheid en Gevoeligheid\)\n$/);
    const wb = await readWorkbook(fs.readFileSync(file));
    const ws = wb.getWorksheet('Onzekerheid')!;
    expect(ws.getCell(rowsWithLabel(ws, 'Seed (startgetal van de toevalsgenerator)')[0]!, 2).value).toBe(99);
    expect(ws.getCell(rowsWithLabel(ws, 'Aantal trekkingen')[0]!, 2).value).toBe(300);
    expect(wb.getWorksheet('Gevoeligheid')).toBeDefined();
    // Without the analysis flags the plain bijlage is written.
    expect(run(['--model', path.join(dir, 'model.json'), '--xlsx', file]).jobs[0]!.analysis).toBeUndefined();
  });

  it('runs the Monte Carlo and the tornado once: the workbook gets the results the CLI printed', async () => {
    const file = path.join(dir, 'eenmaal.xlsx');
    const r = run([
      '--model',
      path.join(dir, 'model.json'),
      '--scenario',
      path.join(dir, 'scenario.json'),
      '--xlsx',
      file,
      '--montecarlo',
      '200',
      '--seed',
      '7',
      '--tornado',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out) as {
      bands: { cost: { p50: number } }[];
      tornado: { base: { cumulativeBalance: number } };
    };
    const job = r.jobs[0]!;
    expect(job.computed?.montecarlo).toEqual([runMonteCarloSync({ model, scenario, draws: 200, seed: 7 })]);
    expect(job.computed!.montecarlo![0]!.years.map((y) => y.cost.p50)).toEqual(printed.bands.map((b) => b.cost.p50));
    expect(job.computed!.tornado![0]!.base.cumulativeBalance).toBe(printed.tornado.base.cumulativeBalance);
    // The workbook is written from job.computed, not from a second run: a marked copy shows through.
    const marked: XlsxJob = {
      ...job,
      computed: { ...job.computed, montecarlo: [{ ...job.computed!.montecarlo![0]!, seed: 4242 }] },
    };
    expect(await runXlsxJob(marked, 'test', () => {})).toBe(0);
    const ws = (await readWorkbook(fs.readFileSync(file))).getWorksheet('Onzekerheid')!;
    expect(ws.getCell(rowsWithLabel(ws, 'Seed (startgetal van de toevalsgenerator)')[0]!, 2).value).toBe(4242);
    // Only what --xlsx asked for goes along: without --tornado no tornado in the job.
    expect(
      run(['--model', path.join(dir, 'model.json'), '--xlsx', file, '--montecarlo', '200']).jobs[0]!.computed?.tornado,
    ).toBeUndefined();
  });

  it('refuses fewer than 100 draws for the workbook (the table alone may use fewer)', () => {
    const base = ['--model', path.join(dir, 'model.json')];
    expect(run([...base, '--xlsx', 'x.xlsx', '--montecarlo', '50'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--montecarlo: voor de Excel-bijlage minstens 100 trekkingen (kreeg 50)'),
      jobs: [],
    });
    expect(run([...base, '--montecarlo', '50']).code).toBe(0);
  });

  it('refuses a wrong scope, unit or extension with exit code 2 and a Dutch message', () => {
    const base = ['--model', path.join(dir, 'model.json')];
    expect(run([...base, '--xlsx', 'x.xlsx', '--scope', 'roermond'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--scope: "roermond" is geen region, all of gemeente-id'),
    });
    expect(run([...base, '--xlsx', 'x.xlsx', '--unit', 'miljoen'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--unit: "miljoen" is geen eenheid (kies euro of duizend)'),
    });
    expect(run([...base, '--xlsx', 'x.xlsx', '--scope', 'all'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('geef een bestandsnaam op .zip'),
    });
    expect(run([...base, '--scope', 'venlo'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--scope: alleen samen met --xlsx BESTAND'),
    });
    expect(run([...base, '--xlsx', 'x.xlsx', '--scope', 'all']).jobs).toHaveLength(0);
  });

  it('--begrotingsjaar: the year marked "begroting"; outside the model or without --xlsx refused in Dutch', async () => {
    const base = ['--model', path.join(dir, 'model.json'), '--scenario', path.join(dir, 'scenario.json')];
    const file = path.join(dir, 'begroting.xlsx');
    const r = run([...base, '--xlsx', file, '--begrotingsjaar', '2026']);
    expect(r.code).toBe(0);
    expect(await runXlsxJob(r.jobs[0]!, 'test', () => {})).toBe(0);
    const ws = (await readWorkbook(fs.readFileSync(file))).getWorksheet('Samenvatting')!;
    expect(ws.getCell(3, 3 + 4).value).toBe('begroting');
    expect(ws.getCell(3, 3 + 5).value).toBe('raming');
    expect(run([...base, '--xlsx', 'x.xlsx', '--begrotingsjaar', '2031'])).toMatchObject({
      code: 2,
      err: expect.stringContaining(
        '--begrotingsjaar: Begrotingsjaar: 2031 ligt niet in de jaren van het model (2022–2028)',
      ),
      jobs: [],
    });
    expect(run([...base, '--xlsx', 'x.xlsx', '--begrotingsjaar', 'volgend'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--begrotingsjaar: "volgend" is geen jaartal'),
    });
    expect(run([...base, '--begrotingsjaar', '2026'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--begrotingsjaar: alleen samen met --xlsx BESTAND'),
    });
  });
});
