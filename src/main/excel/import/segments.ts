/** Blad Segmenten: one segment a row; budget and volume columns checked against the kind. */
import type { Worksheet } from 'exceljs';
import {
  KIND_CHOICES,
  MIX_TO_USAGE,
  SEGMENT_COLUMNS,
  SPLIT_TO_MODEL,
  isMixChoice,
  type MixChoice,
  type SPLIT_CHOICES,
} from '../templateLayout';
import type { Reading, ReadSegment } from './origins';
import { readTable } from './tables';

export function readSegments(reading: Reading, ws: Worksheet): ReadSegment[] {
  const { reader, origins } = reading;
  const rows = readTable(reader, ws, SEGMENT_COLUMNS);
  const volumeOnly = [
    'inflowPerYear',
    'avgDurationMonths',
    'unit',
    'unitsPerClientMonth',
    'pricePerUnit',
    'openingClients',
  ] as const;
  return rows.map(({ row, values: v, at }, i) => {
    const path = `segments[${i}]`;
    origins.set(path, `${ws.name} rij ${row}`);
    const seg: Record<string, unknown> = {};
    const set = (key: string, value: unknown, col: (typeof SEGMENT_COLUMNS)[number]['key']) => {
      origins.set(`${path}.${key}`, at(col));
      if (value !== undefined) seg[key] = value;
    };
    set('id', v.id, 'id');
    set('name', v.name, 'name');
    set('kind', v.kind, 'kind');
    set('group', v.group, 'group');
    if (v.kind === undefined) reader.error(at('kind'), `soort ontbreekt (kies uit: ${KIND_CHOICES.join(', ')})`);
    if (v.kind === 'budget') {
      set('amount', v.amount, 'amount');
      for (const k of volumeOnly)
        if (v[k] !== undefined)
          reader.error(
            at(k),
            `${JSON.stringify(v[k])}: hoort niet bij een budgetregel (laat leeg of kies soort volume)`,
          );
    } else if (v.kind === 'volume') {
      for (const k of volumeOnly) set(k, v[k], k);
      if (v.amount !== undefined)
        reader.error(
          at('amount'),
          `${JSON.stringify(v.amount)}: een bedrag hoort bij soort budget; bij volume volgen de lasten uit instroom, duur en tarief`,
        );
    }
    set('taakveld', v.taakveld, 'taakveld');
    origins.set(`${path}.split`, at('split'));
    if (isMixChoice(v.split)) {
      const usage = MIX_TO_USAGE[v.split];
      if (v.solidarityPct === undefined)
        reader.error(at('solidarityPct'), `vul het solidariteitspercentage in bij verdeling ${v.split}`);
      else seg.split = usage ? { solidarityPct: v.solidarityPct, usage } : { solidarityPct: v.solidarityPct };
      origins.set(`${path}.split.solidarityPct`, at('solidarityPct'));
    } else if (v.split !== undefined) {
      seg.split = SPLIT_TO_MODEL[v.split as Exclude<(typeof SPLIT_CHOICES)[number], MixChoice>];
      if (v.solidarityPct !== undefined)
        reader.error(at('solidarityPct'), `${String(v.solidarityPct)}: alleen bij verdeling gemengd`);
    } else if (v.solidarityPct !== undefined)
      reader.error(at('solidarityPct'), `${String(v.solidarityPct)}: kies verdeling gemengd of laat leeg`);
    set('source', v.source, 'source');
    set('estimate', v.estimate, 'estimate');
    set('note', v.note, 'note');
    return { id: String(v.id ?? ''), kind: String(v.kind ?? ''), value: seg, at: `${ws.name} rij ${row}` };
  });
}
