/**
 * Limits and text through the service, the way the renderer and browser mode
 * reach it: an over-limit model is refused with the field, the value and the
 * limit and the database is unchanged; every string the API stores reads back
 * equal and as valid UTF-8, or is refused (property test).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openService, type Service } from '../../../src/main/service';
import { silentLogger } from '../../../src/main/log';
import type { ApiResult } from '../../../src/shared/api';
import type { Model } from '../../../src/shared/formats/model';
import type { ScenarioInput } from '../../../src/shared/formats/scenario';
import { runCli } from '../../../src/main/cli/run';
import { storedModel, storedScenario, tempDir } from '../../fixtures';

let services: Service[] = [];
let dbs: Database.Database[] = [];
afterEach(() => {
  for (const db of dbs) db.close();
  for (const s of services) s.close();
  services = [];
  dbs = [];
});

async function open(): Promise<Service> {
  const service = await openService({
    dataDir: tempDir(),
    appVersion: '9.9.9',
    transport: 'browser',
    log: silentLogger,
    seedDir: tempDir('jp-noseed-'),
  });
  services.push(service);
  return service;
}

function value<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A second, read-only connection to the service's database: what sqlite3 or a backup tool would see. */
async function rawDb(s: Service): Promise<Database.Database> {
  const info = value(await s.api.call('app.info', {}));
  const db = new Database(info.databasePath, { readonly: true, fileMustExist: true });
  dbs.push(db);
  return db;
}

/** The text of a column as stored bytes, decoded strictly: throws on invalid UTF-8. */
function storedText(db: Database.Database, sql: string, id: number): string | null {
  const row = db.prepare(sql).get(id) as { b: Buffer | null } | undefined;
  if (!row || row.b === null) return null;
  return new TextDecoder('utf-8', { fatal: true }).decode(row.b);
}

function withDuration(model: Model, avgDurationMonths: number): Model {
  return { ...model, segments: model.segments.map((s) => (s.kind === 'volume' ? { ...s, avgDurationMonths } : s)) };
}

describe('service: limits refuse, nothing changes', () => {
  it('models.save with avgDurationMonths 1e308 is refused naming field, value and limit; the database is unchanged', async () => {
    const s = await open();
    const created = value(await s.api.call('models.save', { model: storedModel() }));
    const before = value(await s.api.call('models.get', { id: created.id }));

    for (const request of [
      { id: created.id, revision: created.revision, model: withDuration(storedModel(), 1e308) },
      { model: withDuration(storedModel('Nieuw'), 1e308) },
    ]) {
      const r = await s.api.call('models.save', request);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('validation');
      expect(r.error.issues?.map((i) => i.message)).toEqual([
        'segments[0].avgDurationMonths: 1e+308 maanden is meer dan het maximum van 600 maanden',
      ]);
    }
    expect(value(await s.api.call('models.get', { id: created.id }))).toEqual(before);
    expect(value(await s.api.call('models.list', {})).map((m) => m.id)).toEqual([created.id]);
  });

  it('file import and simulate apply the same limits', async () => {
    const s = await open();
    const file = JSON.stringify({
      ...storedModel(),
      segments: [{ ...storedModel().segments[0], pricePerUnit: 1e300, inflowPerYear: 1e300 }],
    });
    const imported = await s.api.call('files.importModel', { fileName: 'groot.json', content: file });
    expect(imported.ok).toBe(false);
    if (!imported.ok) {
      expect(imported.error.message).toContain(
        'segments[0].inflowPerYear: 1e+300 is meer dan het maximum van 10.000.000',
      );
      expect(imported.error.message).toContain(
        'segments[0].pricePerUnit: € 1e+300 is meer dan het maximum van € 1.000.000.000.000',
      );
    }
    expect(value(await s.api.call('models.list', {}))).toEqual([]);

    const sim = await s.handle('simulate', {
      model: withDuration(storedModel(), 601),
      scenario: { format: 'jeugdbegroting/scenario@1', name: 'S' },
    });
    expect(sim.ok).toBe(false);
    if (!sim.ok) expect(sim.error.message).toContain('601 maanden is meer dan het maximum van 600 maanden');
  });

  it('a JSON file nested 100 000 deep is refused in Dutch, the service keeps answering', async () => {
    const s = await open();
    const r = await s.api.call('files.importModel', { fileName: 'diep.json', content: '['.repeat(100_000) });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message:
          'Het bestand "diep.json" is geen geldige JSON: regel 1, kolom 33: meer dan 32 niveaus { en [ in elkaar genest; zo diep gaat geen bestand van Jeugdplanner',
      },
    });
    expect(value(await s.api.call('models.list', {}))).toEqual([]);
  });

  it('a lone surrogate in a name is refused naming the field; the database gets nothing', async () => {
    const s = await open();
    const r = await s.api.call('models.save', { model: storedModel('x\ud800y') });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.issues?.map((i) => i.message)).toEqual([
        'name: "x\\ud800y" bevat een losse surrogaat (U+D800) op positie 2: geen geldige Unicode-tekst',
      ]);
    expect(value(await s.api.call('models.list', {}))).toEqual([]);
  });
});

// ─────────────────── each limit, through every entry point ───────────────────

const manyGemeenten = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `g${i}`, name: `Gemeente ${i}`, youth0to17: 100 }));
const manySegments = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Budget ${i}`, kind: 'budget' as const, amount: 1000 }));
const firstSegment = (m: Model, fields: Record<string, unknown>): Model => ({
  ...m,
  segments: [{ ...m.segments[0]!, ...fields } as Model['segments'][number], ...m.segments.slice(1)],
});

/** [what, the model over one limit (storedModel otherwise), the message naming field, value and limit] */
const MODEL_OVER_LIMIT: [string, () => Model, string][] = [
  [
    'segmenten',
    () => ({ ...storedModel(), segments: manySegments(201) }),
    'segments: 201 segmenten is meer dan het maximum van 200',
  ],
  [
    'gemeenten',
    () => ({ ...storedModel(), gemeenten: manyGemeenten(51) }),
    'gemeenten: 51 gemeenten is meer dan het maximum van 50',
  ],
  ['jaar', () => ({ ...storedModel(), baseYear: 1999 }), 'baseYear: 1999 is minder dan het minimum van 2000'],
  ['horizon', () => ({ ...storedModel(), endYear: 2055 }), 'endYear: 2055 ligt meer dan 30 jaar na baseYear 2024'],
  [
    'trajectduur',
    () => firstSegment(storedModel(), { avgDurationMonths: 601 }),
    'segments[0].avgDurationMonths: 601 maanden is meer dan het maximum van 600 maanden',
  ],
  [
    'aantal',
    () => firstSegment(storedModel(), { inflowPerYear: 10_000_001 }),
    'segments[0].inflowPerYear: 10.000.001 is meer dan het maximum van 10.000.000',
  ],
  [
    'eenheden per cliënt per maand',
    () => firstSegment(storedModel(), { unitsPerClientMonth: 1000.5 }),
    'segments[0].unitsPerClientMonth: 1.000,5 is meer dan het maximum van 1.000',
  ],
  [
    'bedrag (prijs)',
    () => firstSegment(storedModel(), { pricePerUnit: 2e12 }),
    'segments[0].pricePerUnit: € 2.000.000.000.000 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'bedrag (budgetregel)',
    () => ({
      ...storedModel(),
      segments: [
        storedModel().segments[0]!,
        { ...storedModel().segments[1]!, amount: 1.5e12 } as Model['segments'][number],
      ],
    }),
    'segments[1].amount: € 1.500.000.000.000 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'bedrag (Rijksmiddelen)',
    () => ({ ...storedModel(), funding: { baseAmount: 2e12 } }),
    'funding.baseAmount: € 2.000.000.000.000 is meer dan het maximum van € 1.000.000.000.000',
  ],
  [
    'jaarpercentage',
    () => ({ ...storedModel(), funding: { baseAmount: 1000, indexPct: { '2025': 1001 } } }),
    'funding.indexPct.2025: 1001 is groter dan 1.000%',
  ],
  ['naam', () => ({ ...storedModel(), name: 'x'.repeat(201) }), 'name: is langer dan 200 tekens (201)'],
];

/** [what, the scenario over one limit (for storedModel), the message] */
const SCENARIO_OVER_LIMIT: [string, () => ScenarioInput, string][] = [
  [
    'jaarpercentage',
    () => storedScenario('Te veel', 1001),
    'assumptions.ambulant.inflowChangePct.2026: 1001 is groter dan 1.000%',
  ],
  [
    'substitutieregels',
    () => ({
      ...storedScenario(),
      substitutions: Array.from({ length: 501 }, () => ({ from: 'ambulant', to: 'ambulant', sharePct: { '2025': 1 } })),
    }),
    'substitutions: 501 regels is meer dan het maximum van 500',
  ],
];

/** The CLI in process, reading its files from memory. */
function cli(files: Record<string, unknown>, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readText: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return JSON.stringify(files[p]);
    },
    defaults: { modelFile: 'model.json', scenarioFile: 'standaard-scenario.json' },
  });
  return { code, stdout, stderr };
}

describe('each limit is enforced with the same Dutch message by the API, file import and the CLI; nothing is saved', () => {
  it.each(MODEL_OVER_LIMIT)('model: %s', async (_what, over, message) => {
    const s = await open();
    const created = value(await s.api.call('models.save', { model: storedModel() }));
    const before = value(await s.api.call('models.get', { id: created.id }));
    // API: a new model and an update
    for (const request of [{ model: over() }, { id: created.id, revision: created.revision, model: over() }]) {
      const r = await s.api.call('models.save', request);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('validation');
        expect(r.error.issues?.map((i) => i.message)).toContain(message);
      }
    }
    // a model file
    const imported = await s.api.call('files.importModel', {
      fileName: 'te-groot.json',
      content: JSON.stringify(over()),
    });
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error.message).toContain(message);
    // simulate (the renderer's and the CLI's engine entry)
    const sim = await s.api.call('simulate', {
      model: over(),
      scenario: { format: 'jeugdbegroting/scenario@1', name: 'S' },
    });
    expect(sim.ok).toBe(false);
    if (!sim.ok) expect(sim.error.message).toContain(message);
    expect(value(await s.api.call('models.list', {})).map((m) => m.id)).toEqual([created.id]);
    expect(value(await s.api.call('models.get', { id: created.id }))).toEqual(before);
    // the CLI
    const r = cli({ 'model.json': over() }, '--model', 'model.json', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it.each(SCENARIO_OVER_LIMIT)('scenario: %s', async (_what, over, message) => {
    const s = await open();
    const modelId = value(await s.api.call('models.save', { model: storedModel() })).id;
    const created = value(await s.api.call('scenarios.save', { modelId, scenario: storedScenario() }));
    const before = value(await s.api.call('scenarios.get', { id: created.id }));
    for (const request of [
      { modelId, scenario: over() },
      { id: created.id, revision: created.revision, modelId, scenario: over() },
    ]) {
      const r = await s.api.call('scenarios.save', request);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('validation');
        expect(r.error.issues?.map((i) => i.message)).toContain(message);
      }
    }
    const imported = await s.api.call('files.importScenario', {
      modelId,
      fileName: 'te-veel.json',
      content: JSON.stringify(over()),
    });
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.error.message).toContain(message);
    expect(value(await s.api.call('scenarios.list', { modelId })).map((x) => x.id)).toEqual([created.id]);
    expect(value(await s.api.call('scenarios.get', { id: created.id }))).toEqual(before);
    const r = cli(
      { 'model.json': storedModel(), 'scenario.json': over() },
      '--model',
      'model.json',
      '--scenario',
      'scenario.json',
      '--json',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});

// ─────────────────────────── property: stored text ───────────────────────────

const TRICKY = [
  'a',
  'é',
  ' ',
  '😀',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u0000',
  '\u0007',
  '\u001b',
  '\t',
  '\n',
  '\r',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\ufffd',
];
/** Any string: arbitrary UTF-16 (lone surrogates included) and strings built from the tricky characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((cs) => cs.join('')),
  fc.string({ maxLength: 40 }),
);

/** Independent of the implementation: well-formed UTF-16 (round-trips through UTF-8) without control characters. */
function isCleanText(s: string, multiline: boolean): boolean {
  if (new TextDecoder().decode(new TextEncoder().encode(s)) !== s) return false;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    if (control && !(multiline && (ch === '\t' || ch === '\n' || ch === '\r'))) return false;
  }
  return true;
}

const validName = (s: string) => s.trim().length >= 1 && s.trim().length <= 200 && isCleanText(s.trim(), false);

describe('property: every string the API stores reads back equal and as valid UTF-8, or is refused', () => {
  it('model name and description, scenario name and description, version note', async () => {
    const s = await open();
    const db = await rawDb(s);
    const base = value(await s.api.call('models.save', { model: storedModel() }));
    const scenario = value(await s.api.call('scenarios.save', { modelId: base.id, scenario: storedScenario() }));
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    let stored = 0;
    let refused = 0;

    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (name, text) => {
        // model: name (one line, trimmed: the documented cleaning) and description (free text)
        const models = count('models');
        const saved = await s.api.call('models.save', { model: { ...storedModel(name), description: text } });
        const expectOk = validName(name) && isCleanText(text, true);
        expect(saved.ok).toBe(expectOk);
        if (saved.ok) {
          stored++;
          const back = value(await s.api.call('models.get', { id: saved.value.id }));
          expect(back.name).toBe(name.trim());
          expect(back.model.description).toBe(text);
          expect(storedText(db, 'SELECT CAST(name AS BLOB) AS b FROM models WHERE id = ?', saved.value.id)).toBe(
            name.trim(),
          );
          expect(
            JSON.parse(storedText(db, 'SELECT CAST(json AS BLOB) AS b FROM models WHERE id = ?', saved.value.id)!)
              .description,
          ).toBe(text);
        } else {
          refused++;
          expect(saved.error.code).toBe('validation');
          expect(count('models')).toBe(models);
        }

        // scenario working copy: name and description (its own column)
        const before = value(await s.api.call('scenarios.get', { id: scenario.id }));
        const upd = await s.api.call('scenarios.save', {
          id: scenario.id,
          revision: before.revision,
          modelId: base.id,
          scenario: { ...storedScenario(name), description: text },
        });
        expect(upd.ok).toBe(expectOk);
        const after = value(await s.api.call('scenarios.get', { id: scenario.id }));
        if (upd.ok) {
          expect(after.name).toBe(name.trim());
          expect(after.scenario.description).toBe(text);
          expect(storedText(db, 'SELECT CAST(name AS BLOB) AS b FROM scenarios WHERE id = ?', scenario.id)).toBe(
            name.trim(),
          );
          expect(storedText(db, 'SELECT CAST(description AS BLOB) AS b FROM scenarios WHERE id = ?', scenario.id)).toBe(
            text,
          );
        } else {
          expect(after).toEqual(before);
        }

        // version note: free text, trimmed, at most 500 characters
        const versions = count('scenario_versions');
        const v = await s.api.call('versions.create', { scenarioId: scenario.id, note: text });
        expect(v.ok).toBe(text.trim().length <= 500 && isCleanText(text.trim(), true));
        if (v.ok) {
          expect(
            storedText(db, 'SELECT CAST(note AS BLOB) AS b FROM scenario_versions WHERE id = ?', v.value.id) ?? '',
          ).toBe(text.trim());
        } else expect(count('scenario_versions')).toBe(versions);
      }),
      { numRuns: 150, seed: 14 },
    );
    // the generators reach both sides
    expect(stored).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(10);
  });
});
