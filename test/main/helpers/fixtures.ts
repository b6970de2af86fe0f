import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Model } from '../../../src/shared/formats/model';
import type { ScenarioInput } from '../../../src/shared/formats/scenario';

/** A small but complete model: two gemeenten, a volume segment and a budget line. */
export function smallModel(name = 'Testregio'): Model {
  return {
    format: 'jeugdbegroting/model@2',
    name,
    baseYear: 2024,
    endYear: 2027,
    gemeenten: [
      { id: 'venlo', name: 'Venlo', youth0to17: 18000 },
      { id: 'beesel', name: 'Beesel', youth0to17: 2400 },
    ],
    segments: [
      {
        id: 'ambulant',
        name: 'Ambulante jeugdhulp',
        kind: 'volume',
        inflowPerYear: 1200,
        avgDurationMonths: 9,
        unit: 'uur',
        unitsPerClientMonth: 6,
        pricePerUnit: 95,
      },
      { id: 'toegang', name: 'Toegang', kind: 'budget', amount: 2_500_000 },
    ],
    funding: { baseAmount: 60_000_000 },
  };
}

export function smallScenario(name = 'Basis', inflow2026 = 5): ScenarioInput {
  return {
    format: 'jeugdbegroting/scenario@1',
    name,
    assumptions: { ambulant: { inflowChangePct: { '2026': inflow2026 } } },
  };
}

export function tempDir(prefix = 'jp-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A seed folder like models/: one model and its scenarios. */
export function seedFolder(scenarios: Record<string, unknown> = { 'basis.json': smallScenario('Basis') }): string {
  const dir = tempDir('jp-seed-');
  fs.writeFileSync(path.join(dir, 'noord-limburg.json'), JSON.stringify(smallModel('Noord-Limburg test')));
  fs.mkdirSync(path.join(dir, 'scenarios'));
  for (const [file, content] of Object.entries(scenarios)) {
    fs.writeFileSync(path.join(dir, 'scenarios', file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}
