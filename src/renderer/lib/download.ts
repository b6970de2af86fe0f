/** Saves data as a file through a Blob download (works in browser mode and in Electron, no network). */
import type { FileExport } from '../../shared/api';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the download a moment to start before the URL is released
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadExport(file: FileExport): void {
  if (file.encoding === 'base64') {
    const bin = atob(file.content);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    downloadBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
  } else {
    downloadBlob(new Blob([file.content], { type: file.mimeType }), file.fileName);
  }
}

/** "Raming 2024" → "raming-2024", for file names. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'grafiek'
  );
}
