/** Blad Kalibratie (optional): per volume segment the year, clients and turnover it is calibrated on. */
import type { Worksheet } from 'exceljs';
import { CALIBRATION_COLUMNS } from '../templateLayout';
import type { Reading, ReadSegment } from './origins';
import { readTable } from './tables';

export function readCalibration(reading: Reading, ws: Worksheet, segments: ReadSegment[]): void {
  const { reader, origins } = reading;
  for (const { row, values: v, at } of readTable(reader, ws, CALIBRATION_COLUMNS)) {
    const i = segments.findIndex((s) => s.id === String(v.segment ?? ''));
    if (i < 0) {
      reader.error(at('segment'), `${JSON.stringify(String(v.segment ?? ''))} is geen segment uit blad Segmenten`);
      continue;
    }
    if (segments[i]!.kind !== 'volume') {
      reader.error(
        at('segment'),
        `segment ${JSON.stringify(v.segment)} is een budgetregel; kalibratie geldt alleen voor volumesegmenten`,
      );
      continue;
    }
    const seg = segments[i]!.value;
    if (seg.calibration) {
      reader.error(
        at('segment'),
        `segment ${JSON.stringify(v.segment)} heeft al een kalibratie (rij eerder op dit blad)`,
      );
      continue;
    }
    const path = `segments[${i}].calibration`;
    origins.set(path, `${ws.name} rij ${row}`);
    const cal: Record<string, unknown> = {};
    for (const c of CALIBRATION_COLUMNS) {
      if (c.key === 'segment') continue;
      origins.set(`${path}.${c.key}`, at(c.key));
      if (v[c.key] !== undefined) cal[c.key] = v[c.key];
    }
    seg.calibration = cal;
  }
}
