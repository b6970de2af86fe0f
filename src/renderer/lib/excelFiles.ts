/**
 * Files between the browser and the Excel API: a chosen .xlsx travels as base64
 * (the contract carries text), and an import error is split into what the user
 * reads first, the cell-level issues and the import's other notices.
 */
import type { ApiError } from '../../shared/api';
import type { ValidationIssue } from '../../shared/formats/issues';
import { MAX_TEMPLATE_BYTES } from '../../shared/api';
import { formatMegabytes } from '../../shared/locale/numbers';

/** Bytes → base64, in chunks: String.fromCharCode(...bytes) on a whole file overflows the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function checkImportFile(file: { name: string; size: number }): string | undefined {
  if (!/\.xlsx$/i.test(file.name)) {
    return /\.xls$/i.test(file.name)
      ? `${file.name}: een oud Excel-bestand (.xls) kan niet worden gelezen. Sla het in Excel op als Excel-werkmap (.xlsx) en kies het opnieuw.`
      : `${file.name}: kies een Excel-werkmap (.xlsx), bijvoorbeeld het ingevulde sjabloon.`;
  }
  // the service refuses larger files anyway; saying so before reading spares the wait
  if (file.size > MAX_TEMPLATE_BYTES)
    return `${file.name}: het bestand is ${formatMegabytes(file.size)}; een sjabloon is hoogstens ${formatMegabytes(MAX_TEMPLATE_BYTES)}.`;
  return undefined;
}

export interface ImportFailure {
  /** the first paragraph of the service's message: what happened */
  summary: string;
  /** every cell-level problem (sheet!cell: message), all of them */
  issues: ValidationIssue[];
  /** notices the import made on the way (formulas taken over, extra sheets ignored) */
  notices: string[];
}

/**
 * The service puts the summary, the issues as text and the notices (after
 * "Meldingen:") in one message for clients that show only text; the issues
 * also come as a list. Here they are shown as lists, so the text copy is dropped.
 */
export function importFailure(error: ApiError): ImportFailure {
  const [head = '', noticeText] = error.message.split(/\n\nMeldingen:\n/);
  const issues = error.issues ?? [];
  // without a list of issues the message text is all there is: keep it whole
  const summary = issues.length > 0 ? (head.split('\n')[0] ?? head) : head;
  const notices = noticeText ? noticeText.split('\n').filter((l) => l.trim() !== '') : [];
  return { summary, issues, notices };
}
