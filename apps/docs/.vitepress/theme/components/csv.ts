// CSV for the "Download CSV" button of PlotFigure: RFC 4180 quoting, one header row.

/** A table for CSV export, stored by column (typed arrays welcome). */
export interface CsvTable {
  /** Column names, with units, e.g. `two_theta_deg`. */
  columns: string[];
  /** One array per column, all of the same length. */
  data: ArrayLike<number | string>[];
}

function cell(value: number | string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Formats a {@link CsvTable} as CSV text (numbers at full precision, NaN as an empty cell). */
export function toCsv(table: CsvTable): string {
  const rows = [table.columns.map(cell).join(',')];
  const length = table.data.reduce((max, column) => Math.max(max, column.length), 0);
  for (let i = 0; i < length; i++) {
    rows.push(table.data.map((column) => cell(column[i] ?? '')).join(','));
  }
  return `${rows.join('\n')}\n`;
}
