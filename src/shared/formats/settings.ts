/**
 * What the app remembers between sessions for the user (not the data): the
 * comparison selection (which also gives the presentation its scenarios), the
 * open scenario and the plausibility warnings accepted per scenario. Stored in
 * the database (app_meta), so it survives a restart in browser mode too, where
 * every start has another address and localStorage starts empty.
 */
import { z } from 'zod';

const scenarioId = z.number().int().positive();

export const settingsSchema = z.strictObject({
  compare: z
    .strictObject({
      ids: z.array(scenarioId).max(4, { error: 'meer dan 4 scenario’s om te vergelijken' }),
      referenceId: scenarioId.optional(),
    })
    .optional(),
  currentScenarioId: scenarioId.optional(),
  /** per scenario id: the keys of the plausibility warnings the user accepted ("Klopt dit?") */
  acceptedWarnings: z
    .record(
      z.string().regex(/^[1-9]\d{0,15}$/, { error: (iss) => `${JSON.stringify(iss.input)} is geen scenario-id` }),
      z.array(z.string().max(300)).max(500),
    )
    .optional(),
  /** per model id: the value a checked base-model figure had before it was first changed (formats/plausibility) */
  modelBases: z
    .record(
      z.string().regex(/^[1-9]\d{0,15}$/, { error: (iss) => `${JSON.stringify(iss.input)} is geen model-id` }),
      z
        .record(z.string().max(200), z.number())
        .refine((r) => Object.keys(r).length <= 2000, { error: 'meer dan 2.000 waarden' }),
    )
    .optional(),
});

export type Settings = z.infer<typeof settingsSchema>;

/** Settings as stored (JSON text), or none when absent or no longer valid: they are a convenience, never a reason to fail. */
export function parseSettings(text: string | undefined): Settings {
  if (text === undefined) return {};
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
