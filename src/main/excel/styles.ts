/**
 * Cell styles of the begrotingsbijlage: what a controller expects from a
 * begroting. Number formats are stored in Excel's invariant notation (',' for
 * grouping); Excel and LibreOffice display them in the user's locale, so a
 * Dutch installation shows € 1.234.567.
 */
import type { Worksheet, Style, Cell } from 'exceljs';

export type AmountUnit = 'euro' | 'thousand';

/** € 1.234.567, negatives red with a minus sign. */
export const FMT_EURO = '"€ "#,##0;[Red]"€ "-#,##0';
/** Amounts × € 1.000: no € sign per cell (the header says "× € 1.000"), negatives red with a minus. */
export const FMT_THOUSAND = '#,##0;[Red]-#,##0';
/** Differences between scenarios: the absolute amount with V (voordelig) or N (nadelig), as begrotingen print them. */
export const FMT_EURO_VN = '"€ "#,##0" V";[Red]"€ "#,##0" N";"€ "0';
export const FMT_THOUSAND_VN = '#,##0" V";[Red]#,##0" N";0';
/** A yearly percentage change, e.g. 2,5% or -1,0%. */
export const FMT_PCT_CHANGE = '0.0#%;[Red]-0.0#%';
/** A share, e.g. 14,23%. */
export const FMT_SHARE = '0.00%';
export const FMT_DECIMAL = '#,##0.0#';
export const FMT_INTEGER = '#,##0';
export const FMT_PRICE = '"€ "#,##0.00';
export const FMT_DATETIME = 'dd-mm-yyyy hh:mm';

export function amountFormat(unit: AmountUnit): string {
  return unit === 'euro' ? FMT_EURO : FMT_THOUSAND;
}

export function differenceFormat(unit: AmountUnit): string {
  return unit === 'euro' ? FMT_EURO_VN : FMT_THOUSAND_VN;
}

/** The value written for an engine amount in the chosen unit (unrounded: totals stay exact). */
export function inUnit(euro: number, unit: AmountUnit): number {
  return unit === 'euro' ? euro : euro / 1000;
}

export function unitLabel(unit: AmountUnit): string {
  return unit === 'euro' ? 'Bedragen in euro' : 'Bedragen × € 1.000';
}

const FONT = 'Calibri';

export const titleStyle: Partial<Style> = { font: { name: FONT, size: 14, bold: true } };
export const subtitleStyle: Partial<Style> = {
  font: { name: FONT, size: 11, italic: true, color: { argb: 'FF555555' } },
};
export const headerStyle: Partial<Style> = {
  font: { name: FONT, size: 11, bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { bottom: { style: 'thin' } },
  alignment: { vertical: 'middle', wrapText: true },
};
export const blockTitleStyle: Partial<Style> = {
  font: { name: FONT, size: 11, bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
};
export const sectionStyle: Partial<Style> = { font: { name: FONT, size: 11, bold: true, italic: true } };
export const totalStyle: Partial<Style> = {
  font: { name: FONT, size: 11, bold: true },
  border: { top: { style: 'thin' } },
};
export const saldoStyle: Partial<Style> = {
  font: { name: FONT, size: 11, bold: true },
  border: { top: { style: 'thin' }, bottom: { style: 'double' } },
};
/** The workbook's default font (Calibri 11): value cells carry no font of their own, which keeps writing fast. */
export const bodyFont: Partial<Style['font']> = { name: FONT, size: 11 };
export const noteStyle: Partial<Style> = {
  font: { name: FONT, size: 9, color: { argb: 'FF555555' } },
  alignment: { wrapText: true, vertical: 'top' },
};

/** A cell the user fills in (Excel's "Invoer" look: pale yellow, thin grey border). */
export const inputStyle: Partial<Style> = {
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } },
  border: {
    top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  },
};

export function applyStyle(cell: Cell, style: Partial<Style>): void {
  if (style.font) cell.font = style.font;
  if (style.fill) cell.fill = style.fill;
  if (style.border) cell.border = style.border;
  if (style.alignment) cell.alignment = style.alignment;
  if (style.numFmt) cell.numFmt = style.numFmt;
}

/** Excel's header/footer codes start with '&'; a literal ampersand in user text must be doubled. */
export function headerFooterText(text: string, max = HEADER_SECTION_MAX): string {
  return clipAtWord(text.replace(/[\r\n\t]+/g, ' '), max).replace(/&/g, '&&');
}

/**
 * Characters of user text per header/footer section (left, centre, right): a section wider than
 * a third of the page runs into the next one (A4 landscape at 9 pt: about 55 characters; portrait
 * at 8 pt: about 40). Excel also refuses a header or footer over 255 characters, codes included.
 */
export const HEADER_SECTION_MAX = 55;
const HEADER_SECTION_MAX_PORTRAIT = 40;

/** The text at most max characters long, cut after a whole word with "…" (never mid-word). */
export function clipAtWord(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const room = t.slice(0, max); // the last character makes room for the ellipsis
  const cut = room.lastIndexOf(' ');
  const head = (cut > max / 3 ? room.slice(0, cut) : room.slice(0, max - 1)).replace(/[\s,;:·/+&–—-]+$/, '');
  return `${head}…`;
}

export interface PageOptions {
  /** region or gemeente, shown left in the header */
  scopeLabel: string;
  /** what the document is, e.g. "Begrotingsbijlage jeugdhulp 2022–2028", in the middle of the header */
  titleLabel: string;
  /** scenario name(s), shown in the middle of the footer */
  scenarioLabel: string;
  /** when the workbook was made, in Dutch local time (formatTimestampShort), left in the footer */
  createdLabel: string;
  /** e.g. "Jeugdplanner 1.4.0", left in the footer after the date */
  versionLabel: string;
  /** rows repeated on every printed page, e.g. '1:4' */
  printTitleRows?: string;
  orientation?: 'landscape' | 'portrait';
}

/**
 * A4 landscape (or portrait), fit to the page width (as many pages high as needed), margins a
 * begroting's bijlage can be bound with, the title rows on every page. Header: scope, document,
 * sheet name; footer: date and version, scenario(s), "pagina X van N".
 */
export function setupPage(ws: Worksheet, options: PageOptions): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: options.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages high as needed
    scale: 100,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    horizontalCentered: false,
    verticalCentered: false,
    ...(options.printTitleRows ? { printTitlesRow: options.printTitleRows } : {}),
  };
  const portrait = options.orientation === 'portrait';
  const size = portrait ? '&8' : '&9';
  // "&9" is the font size: a text starting with a digit would make it "&92…" (92 pt), so a space goes between.
  const f = (text: string, max = portrait ? HEADER_SECTION_MAX_PORTRAIT : HEADER_SECTION_MAX) => {
    const t = headerFooterText(text, max);
    return size + (/^\d/.test(t) ? ` ${t}` : t);
  };
  ws.headerFooter = {
    oddHeader: `&L${f(options.scopeLabel)}&C${f(options.titleLabel)}&R${size}&A`,
    // Date and version are the app's own short text: never cut (about 45 characters).
    oddFooter: `&L${f(`Gemaakt ${options.createdLabel} · ${options.versionLabel}`, 80)}&C${f(options.scenarioLabel)}&R${size}pagina &P van &N`,
  };
}

/** Freezes the header rows and the label columns so they stay visible while scrolling. */
export function freeze(ws: Worksheet, rows: number, columns: number): void {
  ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, activeCell: 'A1' }];
}
