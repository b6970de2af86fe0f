/** Issue 12 item 3: warnings (not errors) for values far outside the model's own range. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plausibilityWarnings } from '../../../src/shared/formats/plausibility';
import { parseModel } from '../../../src/shared/formats/validate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { simulate } from '../../../src/shared/engine/simulate';
import { setAssumption } from '../../../src/renderer/lib/edits/scenario';
import { setSegmentField } from '../../../src/renderer/lib/edits/model';
import { REPO_ROOT } from '../../fixtures';

const parsed = parseModel(JSON.parse(fs.readFileSync(`${REPO_ROOT}/models/noord-limburg.json`, 'utf8')));
if (!parsed.ok) throw new Error('model');
const model = parsed.value;
const base = emptyScenario('x');

describe('plausibilityWarnings', () => {
  it('none for the model as it is', () => {
    expect(plausibilityWarnings(model, simulate(model, base))).toEqual([]);
  });

  it('a tarief above 10× its base, named at the year it happens', () => {
    const s = setAssumption(base, 'pleegzorg', 'priceIndexPct', 2025, 950); // × 10,5
    const w = plausibilityWarnings(model, simulate(model, s));
    expect(w.map((x) => x.path)).toEqual(['assumptions.pleegzorg.priceIndexPct.2025']);
    expect(w[0]!.message).toMatch(
      new RegExp(
        `^Pleegzorg, tarief 2025: € [\\d.]+,\\d\\d is meer dan 10× de basis ${model.baseYear} \\(€ [\\d.]+,\\d\\d\\)\\. Klopt dit\\?$`,
      ),
    );
    // 8× is still plausible (2022–2024 are realised: the tarief of 2025 grows from the realised one of 2024,
    // which the VNG index put above the model's base)
    expect(
      plausibilityWarnings(model, simulate(model, setAssumption(base, 'pleegzorg', 'priceIndexPct', 2025, 700))),
    ).toEqual([]);
  });

  it('instroom below 1/10 of its base; the key changes with the value', () => {
    // 2025: the first raming year (2022–2024 are realised; a percentage there does not work)
    const a = plausibilityWarnings(
      model,
      simulate(model, setAssumption(base, 'dyslexie', 'inflowChangePct', 2025, -95)),
    );
    expect(a.map((x) => x.path)).toEqual(['assumptions.dyslexie.inflowChangePct.2025']);
    expect(a[0]!.message).toMatch(/is minder dan 1\/10 van de basis/);
    const b = plausibilityWarnings(
      model,
      simulate(model, setAssumption(base, 'dyslexie', 'inflowChangePct', 2025, -96)),
    );
    expect(b[0]!.key).not.toBe(a[0]!.key);
  });

  it('lasten above € 1 mld in a year', () => {
    // the model's own figures (without realisatie, the base year is the model's inflow)
    const huge = setSegmentField({ ...model, realisatie: undefined }, 'pleegzorg', 'inflowPerYear', 99_999_999);
    const w = plausibilityWarnings(huge, simulate(huge, base));
    const total = w.find((x) => x.path.startsWith('totals.'));
    expect(total?.message).toMatch(
      new RegExp(`^Lasten ${model.baseYear}: € [\\d.,]+ mld, meer dan € 1 mld in één jaar\\. Klopt dit\\?$`),
    );
  });
});

describe('base-model figures against the value they replaced', () => {
  it('remembers the first value of a changed figure and warns while the new one is beyond 10× or 1/10 of it', async () => {
    const { trackModelBases, modelChangeWarnings } = await import('../../../src/shared/formats/plausibility');
    const seg = model.segments.find((s) => s.id === 'pleegzorg');
    if (!seg || seg.kind !== 'volume') throw new Error('pleegzorg');
    // typing 1900 over 182,8: "1", "19", "190", "1900" — the base stays the value before the first keystroke
    let bases: Record<string, number> = {};
    let m = model;
    for (const v of [1, 19, 190, 1900]) {
      const next = setSegmentField(m, 'pleegzorg', 'inflowPerYear', v);
      bases = trackModelBases(m, next, bases);
      m = next;
    }
    expect(bases).toEqual({ 'segments.pleegzorg.inflowPerYear': seg.inflowPerYear });
    const w = modelChangeWarnings(m, bases);
    const i = model.segments.indexOf(seg);
    expect(w).toEqual([
      {
        key: 'segments.pleegzorg.inflowPerYear|190000',
        path: `segments[${i}].inflowPerYear`,
        message: expect.stringMatching(
          /^Pleegzorg, instroom per jaar: 1\.900 is meer dan 10× de vorige waarde \(182,8\)\. Klopt dit\?$/,
        ),
      },
    ]);
    // back within range: no warning
    expect(modelChangeWarnings(setSegmentField(m, 'pleegzorg', 'inflowPerYear', 200), bases)).toEqual([]);
    // nothing changed: the same object
    expect(trackModelBases(m, m, bases)).toBe(bases);
  });
});
