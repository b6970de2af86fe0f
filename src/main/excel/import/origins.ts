/**
 * Where each part of the imported model came from: model path (as formatPath
 * prints it, e.g. "segments[2].pricePerUnit") → the cell, row or sheet, so the
 * model schema's messages name the place in the workbook instead of a path.
 */
import type { CellReader } from './cells';

export class Origins {
  private readonly cellOf = new Map<string, string>();

  set(path: string, where: string): void {
    this.cellOf.set(path, where);
  }

  get(path: string): string | undefined {
    return this.cellOf.get(path);
  }

  /** The cell (or sheet/row) a model path came from; walks up to the nearest known parent. */
  locate(path: string): string {
    let p = path;
    while (p) {
      const hit = this.cellOf.get(p);
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut > 0 ? p.slice(0, cut) : '';
    }
    return path || 'Model';
  }
}

/** What every sheet's reader works with: the cell reader (and its messages) and the origins. */
export interface Reading {
  reader: CellReader;
  origins: Origins;
}

/** A segment as read from Segmenten, before the schema checks it. */
export interface ReadSegment {
  id: string;
  kind: string;
  value: Record<string, unknown>;
  at: string;
}
