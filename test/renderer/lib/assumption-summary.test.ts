import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { parseModel, parseScenario } from '../../../src/shared/formats/validate';
import { groupAssumptions } from '../../../src/renderer/lib/assumptionSummary';

const model = (() => {
  const r = parseModel(JSON.parse(fs.readFileSync('models/noord-limburg.json', 'utf8')));
  if (!r.ok) throw new Error('model');
  return r.value;
})();

function scenario(file: string) {
  const r = parseScenario(JSON.parse(fs.readFileSync(`models/scenarios/${file}`, 'utf8')), model);
  if (!r.ok) throw new Error(file);
  return r.value;
}

describe('groupAssumptions', () => {
  it('shows the one price index of "Ongewijzigd beleid" once, for every segment it applies to', () => {
    const sc = scenario('ongewijzigd-beleid.json');
    const groups = groupAssumptions(model, sc);
    const withAssumption = model.segments.filter((s) => sc.assumptions[s.id]).length;
    expect(groups.reduce((n, g) => n + g.segments.length, 0)).toBe(withAssumption);
    expect(groups.length).toBeLessThan(withAssumption);
    const biggest = groups.reduce((a, b) => (b.segments.length > a.segments.length ? b : a));
    expect(biggest.text).toMatch(/^tarief 2023: \+6,4%, 2024: \+5,7%, 2025: \+3,9%/);
    expect(biggest.source).toMatch(/VNG/);
  });

  it('keeps segments apart when their assumptions or sources differ, in model order', () => {
    const sc = {
      ...scenario('ongewijzigd-beleid.json'),
      assumptions: {
        pleegzorg: { priceIndexPct: { '2023': 2 }, source: 'A' },
        gezinshuizen: { priceIndexPct: { '2023': 2 }, source: 'B' },
        'verblijf-behandeling': { priceIndexPct: { '2023': 2 }, source: 'A' },
        dagbesteding: { inflowChangePct: { '2024': -10 } },
      },
    };
    expect(groupAssumptions(model, sc)).toEqual([
      { segments: ['Behandeling met verblijf', 'Pleegzorg'], text: 'tarief 2023: +2,0%', source: 'A' },
      { segments: ['Gezinshuizen'], text: 'tarief 2023: +2,0%', source: 'B' },
      { segments: ['Dagbesteding'], text: 'instroom 2024: -10,0%' },
    ]);
  });
});
