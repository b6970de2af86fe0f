/**
 * A table as tab-separated text for the clipboard, so a paste into Excel gives numbers: a cell that
 * shows an amount carries its plain value in `data-value` ("-8997879", "12,5": no € sign, no thousands
 * separator, a decimal comma as Dutch Excel reads it); other cells are their text.
 */
export function plainNumber(value: number, decimals = 0): string {
  const rounded = Number(value.toFixed(decimals));
  return (Object.is(rounded, -0) ? 0 : rounded).toString().replace('.', ',');
}

export function cellText(cell: Element): string {
  const valued = cell.hasAttribute('data-value') ? cell : cell.querySelector('[data-value]');
  const value = valued?.getAttribute('data-value');
  if (value !== null && value !== undefined) return value;
  return (cell.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Header and body rows (caption left out); tabs and newlines inside a cell become spaces. */
export function tableToTsv(table: HTMLTableElement): string {
  const lines: string[] = [];
  for (const row of Array.from(table.rows)) {
    const cells = Array.from(row.cells).map((c) => cellText(c).replace(/[\t\r\n]+/g, ' '));
    lines.push(cells.join('\t'));
  }
  return lines.join('\n');
}
