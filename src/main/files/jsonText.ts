import { UserError } from '../errors';
import { parseJsonSyntax } from '../../shared/formats/jsonSyntax';

/**
 * Parses the text of an imported file (JSON, formats/jsonSyntax): a syntax error becomes a Dutch message
 * with line and column; nesting deeper than the format uses is refused before parsing.
 */
export function parseJsonText(content: string, fileName: string | undefined): unknown {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const what = fileName ? `Het bestand ${JSON.stringify(fileName)}` : 'Het bestand';
  if (text.trim() === '') throw new UserError('validation', `${what} is leeg.`);
  const parsed = parseJsonSyntax(text);
  if (!parsed.ok) throw new UserError('validation', `${what} is geen geldige JSON: ${parsed.message}`);
  return parsed.value;
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
