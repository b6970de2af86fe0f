/**
 * Labels for the model picker. Importing a model file (or Excel sjabloon) whose
 * name is already taken gives two models with the same name; a controller must
 * be able to tell them apart, so every model sharing a name gets its sequence
 * number (by id, i.e. order of creation) and the moment it was last saved.
 */
import type { ModelSummary } from '../../shared/api';
import { formatTimestampShort } from '../../shared/locale/dates';

export function formatSavedAt(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatTimestampShort(d);
}

/** id → label: the plain name when unique, else "name (2) · opgeslagen 3 mrt 2025 14:02". */
export function modelLabels(models: readonly Pick<ModelSummary, 'id' | 'name' | 'updatedAt'>[]): Map<number, string> {
  const groups = new Map<string, Pick<ModelSummary, 'id' | 'name' | 'updatedAt'>[]>();
  for (const m of models) {
    const key = m.name.trim().toLocaleLowerCase('nl-NL');
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const labels = new Map<number, string>();
  for (const group of groups.values()) {
    if (group.length === 1) {
      labels.set(group[0]!.id, group[0]!.name);
      continue;
    }
    [...group]
      .sort((a, b) => a.id - b.id)
      .forEach((m, k) =>
        labels.set(m.id, `${m.name.trim()}${k === 0 ? '' : ` (${k + 1})`} · opgeslagen ${formatSavedAt(m.updatedAt)}`),
      );
  }
  return labels;
}
