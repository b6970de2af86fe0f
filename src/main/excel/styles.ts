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
export function headerFooterText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&&')
    .slice(0, 80);
}

export interface PageOptions {
  /** region or gemeente, shown left in the header */
  scopeLabel: string;
  /** scenario name(s), shown in the middle of the header */
  scenarioLabel: string;
  /** rows repeated on every printed page, e.g. '1:4' */
  printTitleRows?: string;
}

/** A4 landscape, fit to page width, header/footer with scope, scenario and page number. */
export function setupPage(ws: Worksheet, options: PageOptions): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages high as needed
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    horizontalCentered: false,
    verticalCentered: false,
    ...(options.printTitleRows ? { printTitlesRow: options.printTitleRows } : {}),
  };
  ws.headerFooter = {
    oddHeader: `&L&8${headerFooterText(options.scopeLabel)}&C&8${headerFooterText(options.scenarioLabel)}&R&8&A`,
    oddFooter: `&L&8Jeugdplanner — begrotingsbijlage&R&8Pagina &P van &N`,
  };
}

/** Freezes the header rows and the label columns so they stay visible while scrolling. */
export function freeze(ws: Worksheet, rows: number, columns: number): void {
  ws.views = [{ state: 'frozen', xSplit: columns, ySplit: rows, activeCell: 'A1' }];
}
