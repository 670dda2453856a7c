import { describeValue } from '@intercalate/numerics';

/**
 * A cycler record in SI units, as returned by {@link readBiologicMpt} and {@link readCyclerCsv}.
 * All arrays have one element per data row.
 */
export interface CyclerData {
  /** Time in s (as recorded; not required to be monotonic). */
  time: Float64Array;
  /** Working-electrode (or cell) voltage in V. */
  voltage: Float64Array;
  /** Current in A, with the sign convention of the instrument (BioLogic: positive = oxidation/charge of the working electrode). */
  current: Float64Array;
  /**
   * Charge passed in C (1 mAh = 3.6 C), when the file has a capacity column; see `sources.capacity`
   * for which one (its definition, cumulative or per half-cycle, is the instrument's).
   */
  capacity?: Float64Array;
  /** Cycle number, when the file has one (BioLogic `cycle number`). */
  cycle?: Float64Array;
  /** The header each field was read from, e.g. `{ time: 'time/s', voltage: 'Ewe/V', current: '<I>/mA' }`. */
  sources: {
    /** Header of the time column. */
    time: string;
    /** Header of the voltage column. */
    voltage: string;
    /** Header of the current column. */
    current: string;
    /** Header of the capacity column, when one was read. */
    capacity?: string;
    /** Header of the cycle-number column, when one was read. */
    cycle?: string;
  };
  /**
   * Every column of the file, keyed by its header as written (trimmed), values as written
   * (decimal comma read as a point), in the file's own units; non-numeric columns are left out.
   */
  columns: Record<string, Float64Array>;
}

/** Unit → factor to SI for the quantities of a cycler file. @internal */
export const UNIT_FACTORS: Record<
  'time' | 'voltage' | 'current' | 'capacity',
  Record<string, number>
> = {
  time: {
    s: 1,
    sec: 1,
    secs: 1,
    second: 1,
    seconds: 1,
    min: 60,
    h: 3600,
    hr: 3600,
    hrs: 3600,
    hour: 3600,
    hours: 3600,
    ms: 1e-3,
  },
  voltage: { v: 1, mv: 1e-3 },
  current: { a: 1, ma: 1e-3, µa: 1e-6, μa: 1e-6, ua: 1e-6, na: 1e-9 },
  capacity: {
    c: 1,
    mc: 1e-3,
    ah: 3600,
    'a.h': 3600,
    ahr: 3600,
    mah: 3.6,
    'ma.h': 3.6,
    mahr: 3.6,
    µah: 3.6e-3,
    'µa.h': 3.6e-3,
    'μa.h': 3.6e-3,
    uah: 3.6e-3,
    'ua.h': 3.6e-3,
  },
};

/** Factor to SI of `unit` for `quantity`, or undefined when the unit is not known. @internal */
export function unitFactor(quantity: keyof typeof UNIT_FACTORS, unit: string): number | undefined {
  return UNIT_FACTORS[quantity][unit.trim().toLowerCase()];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses one numeric field, accepting a decimal comma when `decimalComma`. Returns NaN when the
 * field is not a plain decimal number (no hex, no Infinity, no empty field).
 * @internal
 */
export function parseField(field: string, decimalComma: boolean): number {
  let text = field.trim();
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"'))
    text = text.slice(1, -1).trim();
  if (decimalComma) text = text.replace(',', '.');
  if (!NUMBER.test(text)) return Number.NaN;
  return Number(text);
}

/** Splits text into lines (LF, CRLF or CR). @internal */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/**
 * Accepts a string, or bytes decoded as Latin-1 / Windows-1252 text (the encoding of EC-Lab and
 * most cycler exports). @internal
 */
export function textOf(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text instanceof Uint8Array) {
    let out = '';
    const chunk = 8192;
    for (let i = 0; i < text.length; i += chunk) {
      out += String.fromCharCode(...text.subarray(i, i + chunk));
    }
    return out;
  }
  throw new TypeError(
    `text must be a string or a Uint8Array (file contents); received ${describeValue(text)}`,
  );
}

/**
 * Reads the data rows of a delimited table into one Float64Array per header, with errors that
 * name the line. Rows that are empty (or only whitespace) are skipped. Trailing empty fields (a
 * trailing delimiter) are ignored. Columns listed in `textColumns` may hold anything and are not
 * parsed. Memory is bounded by the text itself: at most one number per field present.
 * @internal
 */
export function readTable(
  lines: readonly string[],
  firstRow: number,
  headers: readonly string[],
  delimiter: string,
  decimalComma: boolean,
  textColumns: ReadonlySet<number> = new Set(),
): Float64Array[] {
  let rows = 0;
  for (let i = firstRow; i < lines.length; i++) if (lines[i]!.trim() !== '') rows++;
  const columns = headers.map(() => new Float64Array(rows));
  let row = 0;
  for (let i = firstRow; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const fields = line.split(delimiter);
    while (fields.length > headers.length && fields[fields.length - 1]!.trim() === '') fields.pop();
    if (fields.length !== headers.length) {
      throw new RangeError(
        `text line ${i + 1}: expected ${headers.length} ${delimiterName(delimiter)}-separated fields as in the header; received ${fields.length}`,
      );
    }
    for (let c = 0; c < headers.length; c++) {
      if (textColumns.has(c)) continue;
      const value = parseField(fields[c]!, decimalComma);
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `text line ${i + 1}: column ${JSON.stringify(headers[c])} must be a finite number; received ${JSON.stringify(fields[c]!.slice(0, 40))}`,
        );
      }
      columns[c]![row] = value;
    }
    row++;
  }
  return columns;
}

function delimiterName(delimiter: string): string {
  return delimiter === '\t'
    ? 'tab'
    : delimiter === ','
      ? 'comma'
      : delimiter === ';'
        ? 'semicolon'
        : JSON.stringify(delimiter);
}
