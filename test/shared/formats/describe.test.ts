/** Issue 12 item 2: validation messages in the controller's words, numbers in nl-NL, never a JSON path. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeIssue, describePath, describeProblem, splitPath } from '../../../src/shared/formats/describe';
import { parseModel, parseScenario } from '../../../src/shared/formats/validate';
import { emptyScenario } from '../../../src/shared/formats/scenario';
import { setAssumption, updateSubstitution, addSubstitution } from '../../../src/renderer/lib/edits/scenario';
import { setSegmentField } from '../../../src/renderer/lib/edits/model';
import type { Model } from '../../../src/shared/formats/model';
import { REPO_ROOT } from '../../fixtures';

const model = parseModel(JSON.parse(fs.readFileSync(`${REPO_ROOT}/models/noord-limburg.json`, 'utf8')));
if (!model.ok) throw new Error('model');
const m: Model = model.value;

function issuesOf(result: ReturnType<typeof parseScenario> | ReturnType<typeof parseModel>) {
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('describeIssue', () => {
  it('a model duration below 1 month', () => {
    const i = m.segments.findIndex((s) => s.id === 'ambulante-begeleiding');
    const [issue] = issuesOf(parseModel(setSegmentField(m, 'ambulante-begeleiding', 'avgDurationMonths', 0.5)));
    expect(issue!.message).toBe(`segments[${i}].avgDurationMonths: 0.5 is kleiner dan 1 maand`);
    expect(describeIssue(issue!, m)).toBe('Ambulante begeleiding, trajectduur: 0,5 is kleiner dan 1 maand');
  });

  it('a scenario percentage: segment, field, year, nl-NL number', () => {
    const [issue] = issuesOf(
      parseScenario(setAssumption(emptyScenario('x'), 'pleegzorg', 'inflowChangePct', 2024, -150.5), m),
    );
    expect(describeIssue(issue!, m)).toBe('Pleegzorg, instroom 2024: -150,5 is kleiner dan -100%');
    const [big] = issuesOf(
      parseScenario(setAssumption(emptyScenario('x'), 'pleegzorg', 'priceIndexPct', 2025, 99999999999), m),
    );
    expect(describeIssue(big!, m)).toBe('Pleegzorg, tarief 2025: 99.999.999.999 is groter dan 1.000%');
  });

  it('a scenario duration cut below 1 month', () => {
    const [issue] = issuesOf(
      parseScenario(setAssumption(emptyScenario('x'), 'ambulante-begeleiding', 'durationChangePct', 2024, -99.5), m),
    );
    expect(describeIssue(issue!, m)).toMatch(
      /^Ambulante begeleiding, trajectduur 2024: maakt de trajectduur in 2024 0,\d+ maand: kleiner dan 1 maand$/,
    );
  });

  it('substitution rules name the segments, not their ids', () => {
    const s = addSubstitution(emptyScenario('x'), { from: 'pleegzorg', to: 'gezinshuizen', sharePct: {} });
    const [issue] = issuesOf(parseScenario(updateSubstitution(s, 0, { to: 'pleegzorg' }), m));
    expect(describeIssue(issue!, m)).toBe('Substitutieregel 1, naar: Pleegzorg is hetzelfde segment als "van"');
    const [budget] = issuesOf(parseScenario(updateSubstitution(s, 0, { from: 'crisisdienst' }), m));
    expect(describeIssue(budget!, m)).toBe(
      'Substitutieregel 1, van: Crisisdienst Jeugd (subsidie/inkoop) is een budgetregel; substitutie kan alleen tussen volumesegmenten',
    );
  });

  it('paths of the model: gemeenten, usage shares, funding', () => {
    const venlo = m.gemeenten[0]!;
    expect(describePath('gemeenten[0].fundingShare', m)).toBe(`${venlo.name}, aandeel Rijksmiddelen`);
    expect(describePath(`segments[0].usageShare.${venlo.id}`, m)).toBe(
      `${m.segments[0]!.name}, gebruiksaandeel ${venlo.name}`,
    );
    expect(describePath('funding.indexPct.2026', m)).toBe('Rijksmiddelen, index 2026');
    expect(describePath('funding.baseAmount', m)).toBe('Rijksmiddelen, basisbedrag');
    expect(describePath('name', m)).toBe('Naam');
    expect(describePath('policies[0].realisatiePct', m)).toBe('Beleidsmaatregel 1, realisatie');
    expect(describePath('policies[2].ranges.realisatiePct.low', m)).toBe(
      'Beleidsmaatregel 3, bandbreedte realisatie laag',
    );
    expect(describePath('policies[1].effects.dagbesteding.durationChangePct.2024', m)).toBe(
      'Beleidsmaatregel 2, effect Dagbesteding trajectduur 2024',
    );
    expect(splitPath('segments[3].usageShare.venlo')).toEqual(['segments', 3, 'usageShare', 'venlo']);
  });

  it('paths of the bekende ontwikkelingen, in the model and in a scenario', () => {
    expect(describePath('knownChanges[0].perGemeente.venlo.2025', m)).toBe(
      'Bekende ontwikkeling Woonplaatsbeginsel Jeugd (Jeugdwet 2022), bedrag per gemeente Venlo 2025',
    );
    expect(describePath('knownChanges[1].range.lowPct', m)).toBe(
      'Bekende ontwikkeling Landelijk tarief jeugdbescherming en jeugdreclassering, bandbreedte laag (%)',
    );
    expect(describePath('knownChanges.woonplaatsbeginsel', m)).toBe(
      'Bekende ontwikkeling Woonplaatsbeginsel Jeugd (Jeugdwet 2022)',
    );
    expect(describePath('autonomous.ranges.usageChangePct.low', m)).toBe(
      'Autonome ontwikkeling, bandbreedte gebruik per jeugdige laag',
    );
  });

  it('numbers: decimals get a comma, years stay, large numbers get dots', () => {
    expect(describeProblem('1.6e+24 is te groot (maximaal 1000)', m)).toBe(
      '1.600.000.000.000.000.000.000.000 is te groot (maximaal 1000)',
    );
    expect(describeProblem('in 2024 wordt 120.5% verschoven', m)).toBe('in 2024 wordt 120,5% verschoven');
  });
});

describe('describeChange', () => {
  it('names the one field an edit changed, or what its changes share', async () => {
    const { describeChange, changedPaths } = await import('../../../src/shared/formats/describe');
    const a = emptyScenario('x');
    const b = setAssumption(a, 'pleegzorg', 'inflowChangePct', 2024, 5);
    expect(changedPaths(a, b)).toEqual(['assumptions.pleegzorg.inflowChangePct.2024']);
    expect(describeChange(a, b, m)).toBe('Pleegzorg, instroom 2024');
    expect(describeChange(b, a, m)).toBe('Pleegzorg, instroom 2024');
    const c = setAssumption(b, 'pleegzorg', 'inflowChangePct', 2024, 7);
    expect(describeChange(b, c, m)).toBe('Pleegzorg, instroom 2024');
    const d = addSubstitution(c, { from: 'pleegzorg', to: 'gezinshuizen', sharePct: {} });
    expect(describeChange(c, d, m)).toBe('Substitutieregel 1');
    const m2 = setSegmentField(m, 'pleegzorg', 'inflowPerYear', 100);
    expect(describeChange(m, m2, m2)).toBe('Pleegzorg, instroom per jaar');
    expect(describeChange(a, a, m)).toBe('wijziging');
  });
});

describe('describe: ranges and problems already in nl-NL', () => {
  it('names range bounds in Dutch and leaves nl-NL numbers alone', () => {
    expect(describePath('ranges.ambulante-begeleiding.inflowPerYear.high', m)).toBe(
      'Ambulante begeleiding, bandbreedte instroom per jaar hoog',
    );
    expect(describePath('ranges.pleegzorg.priceIndexPct.low', m)).toBe('Pleegzorg, bandbreedte tarief laag');
    expect(describePath('funding.ranges.baseAmount.low', m)).toBe('Rijksmiddelen, bandbreedte basisbedrag laag');
    expect(describePath('prevention.effects[0].inflowPctPer100k', m)).toBe(
      'Preventie, effect 1 minder instroom per € 100.000',
    );
    expect(describePath('prevention.extraBudget.2025', m)).toBe('Preventie, extra budget 2025');
    expect(describePath('substitutions[0].ranges.sharePct.high', m)).toBe(
      'Substitutieregel 1, bandbreedte aandeel hoog',
    );
    expect(
      describeProblem(
        'high 1.301 is kleiner dan de waarde in het model 1.368,9968: de meest waarschijnlijke waarde',
        m,
      ),
    ).toBe('high 1.301 is kleiner dan de waarde in het model 1.368,9968: de meest waarschijnlijke waarde');
    expect(describeProblem('0.5 is kleiner dan 1 maand', m)).toBe('0,5 is kleiner dan 1 maand');
  });
});
