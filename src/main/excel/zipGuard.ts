/**
 * Checks an uploaded workbook before any parser sees it: it must be a zip
 * (xlsx) of reasonable size, and no entry may unpack to more than the limits
 * — judged from the zip's central directory and then confirmed by actually
 * inflating each entry with a hard output cap, so a zip bomb that lies about
 * its sizes is stopped too. Messages are Dutch and say what to do.
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_TEMPLATE_BYTES } from '../../shared/api';
import { formatMegabytes } from '../../shared/locale/numbers';

export const LIMITS = {
  /** the file as uploaded */
  fileBytes: MAX_TEMPLATE_BYTES,
  /** one entry (a worksheet's XML) unpacked */
  entryBytes: 20 * 1024 * 1024,
  /** all entries unpacked */
  totalBytes: 60 * 1024 * 1024,
  /** unpacked/packed for entries over 1 MB: real sheets stay far below */
  ratio: 200,
  entries: 2000,
} as const;

export class WorkbookRefused extends Error {}

const MB = formatMegabytes;

export function checkWorkbookBytes(data: Uint8Array, fileName = 'Het bestand'): void {
  const who = fileName === 'Het bestand' ? fileName : `Het bestand ${JSON.stringify(fileName)}`;
  if (data.length === 0) throw new WorkbookRefused(`${who} is leeg.`);
  if (data.length > LIMITS.fileBytes) throw new WorkbookRefused(`${who} is ${MB(data.length)}; een sjabloon mag hoogstens ${MB(LIMITS.fileBytes)} zijn.`);
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new WorkbookRefused(`${who} is een oud Excel-bestand (.xls). Sla het in Excel op als Excel-werkmap (.xlsx) en importeer het opnieuw.`);
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new WorkbookRefused(`${who} is geen Excel-werkmap (.xlsx). Gebruik het sjabloon uit Jeugdplanner en sla het op als .xlsx.`);
  }
  const entries = centralDirectory(buf, who);
  if (entries.length > LIMITS.entries) throw new WorkbookRefused(`${who} bevat ${entries.length} onderdelen; dat is geen gewone werkmap.`);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new WorkbookRefused(`${who} is een zip-bestand maar geen Excel-werkmap (xl/workbook.xml ontbreekt).`);
  }
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed > LIMITS.entryBytes) {
      throw new WorkbookRefused(`${who}: onderdeel ${e.name} is uitgepakt ${MB(e.uncompressed)}; hoogstens ${MB(LIMITS.entryBytes)} per werkblad is toegestaan. Verwijder overbodige rijen of bladen.`);
    }
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > LIMITS.ratio * Math.max(1, e.compressed)) {
      throw new WorkbookRefused(`${who}: onderdeel ${e.name} pakt ${Math.round(e.uncompressed / Math.max(1, e.compressed))} keer uit; dit lijkt een zip-bom en wordt niet geopend.`);
    }
    total += e.uncompressed;
  }
  if (total > LIMITS.totalBytes) throw new WorkbookRefused(`${who} is uitgepakt ${MB(total)}; hoogstens ${MB(LIMITS.totalBytes)} is toegestaan.`);
  // The directory can lie: inflate every entry with a cap of its declared size (and the limit).
  for (const e of entries) inflateCapped(buf, e, who);
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer, who: string): Entry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new WorkbookRefused(`${who} is beschadigd of geen volledige Excel-werkmap (einde van het zip-bestand ontbreekt).`);
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new WorkbookRefused(`${who} is een ZIP64-bestand; dat is voor een sjabloon te groot.`);
  if (offset + size > buf.length) throw new WorkbookRefused(`${who} is beschadigd (inhoudsopgave van de zip klopt niet).`);
  const out: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new WorkbookRefused(`${who} is beschadigd (inhoudsopgave van de zip klopt niet).`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const uncompressed = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw new WorkbookRefused(`${who} is een ZIP64-bestand; dat is voor een sjabloon te groot.`);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    out.push({ name, method, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function inflateCapped(buf: Buffer, e: Entry, who: string): void {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new WorkbookRefused(`${who} is beschadigd (onderdeel ${e.name} ontbreekt).`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressed);
  if (e.method === 0) {
    if (data.length !== e.uncompressed) throw new WorkbookRefused(`${who} is beschadigd (onderdeel ${e.name}).`);
    return;
  }
  if (e.method !== 8) throw new WorkbookRefused(`${who}: onderdeel ${e.name} gebruikt een onbekende compressie (${e.method}).`);
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.min(LIMITS.entryBytes, e.uncompressed) + 1 });
    if (out.length > e.uncompressed) throw new RangeError('groter dan opgegeven');
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new WorkbookRefused(`${who}: onderdeel ${e.name} pakt groter uit dan het bestand opgeeft; dit lijkt een zip-bom en wordt niet geopend.`);
    }
    throw new WorkbookRefused(`${who} is beschadigd (onderdeel ${e.name} kan niet worden uitgepakt).`);
  }
}
