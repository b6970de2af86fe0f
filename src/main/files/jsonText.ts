import { UserError } from '../errors';

/** Parses the text of an imported file; a syntax error becomes a Dutch message with line and column. */
export function parseJsonText(content: string, fileName: string | undefined): unknown {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const what = fileName ? `Het bestand ${JSON.stringify(fileName)}` : 'Het bestand';
  if (text.trim() === '') throw new UserError('validation', `${what} is leeg.`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(detail);
    const where = pos ? ` (${lineAndColumn(text, Number(pos[1]))})` : '';
    throw new UserError('validation', `${what} is geen geldige JSON${where}: ${detail}`);
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `regel ${line}, kolom ${column}`;
}

/** A file name from a title: lower case, only letters, digits and '-'. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'jeugdplanner';
}
