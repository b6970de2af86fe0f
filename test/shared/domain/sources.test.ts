/**
 * Sources are cited by document title, part and year (src/shared/domain/sources.ts), never by an
 * internal file name: the mapping itself, the legacy rewrite, and the shipped model, scenarios,
 * Rijksmaatregelen and source tree. Regenerating the model and rewriting the scenario sources
 * changed no number: every numeric value equals the snapshot taken before (test/fixtures/model-numbers.json).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  cite,
  citeSource,
  hasLegacySourceName,
  reference,
  referencedSources,
  SOURCES,
  type SourceId,
} from '../../../src/shared/domain/sources';
import { NOORD_LIMBURG_NATIONAL_SHARE, RIJKSMAATREGELEN } from '../../../src/shared/domain/rijksmaatregelen';
import { REPO_ROOT } from '../../fixtures';

const ROOT = `${REPO_ROOT}/`;
/** A seed file name as the project received it, e.g. index 003 + "_" + 16 hex digits + ".txt". */
export const SEED_FILE = /[0-9]{3}_[0-9a-f]{16}\.txt/;
export const NOTE = /facts\.md/;
const legacyFile = (index: number, hash: string) => `${String(index).padStart(3, '0')}_${hash}.txt`;
const NOTE_NAME = ['facts', 'md'].join('.');

function numbers(v: unknown, path: string, acc: Record<string, number>): Record<string, number> {
  if (typeof v === 'number') acc[path] = v;
  else if (Array.isArray(v)) v.forEach((x, i) => numbers(x, `${path}[${i}]`, acc));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numbers(x, `${path}.${k}`, acc);
  return acc;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('cite', () => {
  it('gives title, part and year', () => {
    expect(cite('beleidsplan-noord-limburg', 'Bijlage 3, tabel Verblijf met behandeling, 2019')).toBe(
      'Regionaal Beleidsplan Jeugd 2022 en verder, Bijlage 3, tabel Verblijf met behandeling, 2019',
    );
    expect(cite('beleidsplan-noord-limburg')).toBe('Regionaal Beleidsplan Jeugd 2022 en verder, 2022');
    expect(cite('vng-indexatie')).toBe('VNG, "Indexatie bij inkoop jeugdhulp en Wmo-ondersteuning", 2023–2025');
    expect(cite('omroep-peel-en-maas')).toBe(
      'Omroep Peel en Maas, berichtgeving over jeugdzorg in Peel en Maas en Beesel',
    );
  });

  it('a list entry names publisher, title and year (z.j. when the document states none)', () => {
    expect(reference('cbs-83454')).toBe(
      'Centraal Bureau voor de Statistiek (CBS), StatLine tabel 83454NED: lasten jeugdzorg per gemeente (× € 1.000, begroot en gerealiseerd), z.j. (cbs.nl)',
    );
    expect(reference('beleidsplan-noord-limburg')).toBe(
      'Gemeenten regio Noord-Limburg, Regionaal Beleidsplan Jeugd 2022 en verder, regio Noord-Limburg, 2022',
    );
  });

  it('no citation or list entry contains a file name', () => {
    for (const id of Object.keys(SOURCES) as SourceId[]) {
      for (const t of [cite(id), cite(id, 'tabel X, 2020'), reference(id)]) {
        expect(t, id).not.toMatch(SEED_FILE);
        expect(t, id).not.toMatch(NOTE);
      }
    }
  });
});

describe('citeSource: legacy texts as users read them', () => {
  const plan = legacyFile(3, '60f469445e7c1faa');
  const cases: [string, string][] = [
    [
      `${plan} (Regionaal Beleidsplan Jeugd 2022 en verder, regio Noord-Limburg), Bijlage 3, tabel "Crisishulp", 2020`,
      'Regionaal Beleidsplan Jeugd 2022 en verder, regio Noord-Limburg, Bijlage 3, tabel "Crisishulp", 2020',
    ],
    [
      `ruim 270.000 inwoners (Regionaal Beleidsplan Jeugd 2022 en verder, § 4.1, ${plan}) van ca. 17,9 mln`,
      'ruim 270.000 inwoners (Regionaal Beleidsplan Jeugd 2022 en verder, § 4.1) van ca. 17,9 mln',
    ],
    [`zie ${plan}, Bijlage 8`, 'zie Bijlage 8'],
    [`bron: ${plan}`, 'bron: Regionaal Beleidsplan Jeugd 2022 en verder'],
    [`bron: ${legacyFile(4, '29050e0d1a8fa582')}`, 'bron: Beleidsplan Jeugdhulp Zuid-Limburg'],
    [`bron: ${legacyFile(7, '0123456789abcdef')}`, 'bron: een regionaal brondocument'],
    [`CBS 71488ned, 1-1-2022 (via ${NOTE_NAME}): 0–15`, 'CBS 71488ned, 1-1-2022: 0–15'],
    [`(OVA 90% + PCC 10%, vng.nl, via ${NOTE_NAME}): 2023`, '(OVA 90% + PCC 10%, vng.nl): 2023'],
    [
      `aanname op basis van ${NOTE_NAME} (VNG-advies indexatie jeugdhulp, vng.nl): het`,
      'aanname op basis van VNG-advies indexatie jeugdhulp, vng.nl: het',
    ],
    [`deels volume (Deskundigencommissie, ${NOTE_NAME}). Daarom`, 'deels volume (Deskundigencommissie). Daarom'],
    [`Taakveld volgens ${NOTE_NAME} (Iv3 2023).`, 'Taakveld volgens Iv3 2023.'],
    ['Jaarrekening 2023, tabel 4', 'Jaarrekening 2023, tabel 4'],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(hasLegacySourceName(input)).toBe(input !== expected);
    expect(citeSource(input)).toBe(expected);
    expect(citeSource(input)).not.toMatch(SEED_FILE);
    expect(citeSource(input)).not.toMatch(NOTE);
  });
  it('leaves undefined alone', () => expect(citeSource(undefined)).toBeUndefined());
  it('finds the documents a text cites', () => {
    expect(referencedSources([`bron: ${plan}`, cite('vng-indexatie'), undefined])).toEqual([
      'beleidsplan-noord-limburg',
      'vng-indexatie',
    ]);
  });
});

describe('shipped data and source tree', () => {
  const modelFiles = [
    'models/noord-limburg.json',
    ...readdirSync(join(ROOT, 'models/scenarios')).map((f) => `models/scenarios/${f}`),
  ];

  it.each(modelFiles)('%s names no file, and every number is as before', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    expect(text).not.toMatch(SEED_FILE);
    expect(text).not.toMatch(NOTE);
    const before = (
      JSON.parse(readFileSync(join(ROOT, 'test/fixtures/model-numbers.json'), 'utf8')) as Record<
        string,
        Record<string, number>
      >
    )[f];
    expect(before, f).toBeDefined();
    const now = numbers(JSON.parse(text), '$', {});
    expect(Object.keys(now).length).toBeGreaterThan(90);
    expect(now).toEqual(before);
  });

  it('the Rijksmaatregelen library and the national share cite by title', () => {
    for (const m of RIJKSMAATREGELEN) {
      expect(m.source, m.id).not.toMatch(SEED_FILE);
      expect(m.source, m.id).not.toMatch(NOTE);
      expect(m.source, m.id).toMatch(/20[0-9]{2}/);
    }
    expect(NOORD_LIMBURG_NATIONAL_SHARE.source).toContain('Regionaal Beleidsplan Jeugd 2022 en verder, § 4.1');
  });

  it('no file under src/ or models/ contains a seed file name or the name of the working note', () => {
    const all = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'models'))];
    expect(all.length).toBeGreaterThan(50);
    const leaks = all.filter((p) => {
      const t = readFileSync(p, 'utf8');
      return SEED_FILE.test(t) || NOTE.test(t);
    });
    expect(leaks).toEqual([]);
  });
});
