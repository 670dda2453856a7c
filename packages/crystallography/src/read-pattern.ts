import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/**
 * Which columns {@link readXy} reads: 0-based indices, or names from the file's header line
 * (matched case-insensitively, surrounding spaces ignored).
 */
export interface XyColumns {
  /**
   * The x column (2θ in degrees, q, …).
   * @defaultValue 0
   */
  x?: number | string;
  /**
   * The intensity column.
   * @defaultValue 1
   */
  y?: number | string;
  /**
   * The column of standard uncertainties (ESD) of y, or `false` to ignore one.
   * @defaultValue 2 when the data have exactly three columns and neither x nor y is column 2; none
   *   otherwise
   */
  sigma?: number | string | false;
}

/** Options of {@link readXy}. */
export interface ReadXyOptions {
  /**
   * The columns to read; see {@link XyColumns}. Required when the data have more than three
   * columns (no guess is made about which of them hold y and its ESD).
   * @defaultValue x = 0, y = 1, sigma = 2 when there are exactly three columns
   */
  columns?: XyColumns;
  /**
   * Largest number of data points accepted; a file with more is rejected before more memory is
   * used (an integer ≥ 1).
   * @defaultValue 10_000_000
   */
  maxPoints?: number;
}

/** A pattern read by {@link readXy}. */
export interface XyPattern {
  /** The x values, strictly increasing or strictly decreasing, as in the file. */
  x: Float64Array;
  /** The intensities, one per x. */
  y: Float64Array;
  /** The standard uncertainties of y (≥ 0), when an ESD column was read. */
  sigma?: Float64Array;
  /** The column names of the header line, when the file has one. */
  columnNames?: string[];
  /** The text of the comment lines, without their marker and surrounding spaces, in order. */
  comments: string[];
}

const DEFAULT_MAX_POINTS = 10_000_000;
/** A decimal number: optional sign, digits with an optional point, optional exponent. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

type Delimiter = 'whitespace' | ',' | ';';

/**
 * Reads a two- or three-column text pattern: the `.xy`/`.xye`/`.dat`/CSV files written by
 * diffractometer software, GSAS-II, FullProf, Fit2d/pyFAI and spreadsheets.
 *
 * - **Lines** end in `\n`, `\r\n` or `\r`; a UTF-8 byte-order mark is skipped; blank lines are
 *   ignored.
 * - **Comments:** a line whose first non-blank character is `#`, `!` or `;` is a comment (its text
 *   is returned in `comments`); on a data line, `#` or `!` starts a trailing comment.
 * - **Header:** at most one line of column names before the data (a line whose first field is not
 *   a number), e.g. `2theta, intensity, esd`; its names can select columns.
 * - **Delimiters:** the first data line decides: `;` if it has one, else `,` if it has one, else
 *   runs of spaces and tabs. Spaces around `,` and `;` are allowed; an empty field is an error.
 *   Decimal commas are not accepted (with `;` as delimiter, `1,5` is reported as not a number).
 * - **Numbers:** decimal, optional exponent (`1.5e3`); `NaN`, `Infinity` and hexadecimal are
 *   rejected.
 * - **Columns:** every data line must have as many fields as the first. Two columns are x, y;
 *   three are x, y, ESD (the `.xye` convention); more need `options.columns`.
 * - **x** must be strictly monotone (increasing or decreasing, set by the first two points); an
 *   ESD must be ≥ 0.
 *
 * @param text - The file's contents, as a string or as bytes (`Uint8Array` or `ArrayBuffer`,
 *   decoded as UTF-8).
 * @param options - Column selection and size guard; see {@link ReadXyOptions}.
 * @returns The pattern; see {@link XyPattern}.
 * @throws TypeError if `text` is not a string or bytes, or an option has the wrong type.
 * @throws RangeError naming the line number if a line has the wrong number of fields, an empty
 *   field, or a field that is not a finite decimal number, if x is not strictly monotone, an ESD
 *   is negative, there are more than `maxPoints` points, a second header line appears, there are
 *   no data lines, or a selected column does not exist.
 *
 * @example
 * ```ts
 * import { readXy } from '@intercalate/crystallography';
 * const pattern = readXy('# Cu Ka1, NMC811\n2theta intensity esd\n18.70 1520 39\n18.72 1610 40.1\n');
 * pattern.x; // Float64Array [18.7, 18.72]
 * pattern.sigma; // Float64Array [39, 40.1]
 * pattern.columnNames; // ['2theta', 'intensity', 'esd']
 * pattern.comments; // ['Cu Ka1, NMC811']
 * ```
 */
export function readXy(
  text: string | Uint8Array | ArrayBuffer,
  options: ReadXyOptions = {},
): XyPattern {
  const source = decode(text);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { columns?, maxPoints? }; received ${describeValue(options)}`,
    );
  }
  const maxPoints = assertFiniteNumber(
    'options.maxPoints',
    options.maxPoints ?? DEFAULT_MAX_POINTS,
    {
      min: 1,
      integer: true,
    },
  );
  const columns = options.columns;
  if (columns !== undefined && (typeof columns !== 'object' || columns === null)) {
    throw new TypeError(
      `options.columns must be an object { x?, y?, sigma? }; received ${describeValue(columns)}`,
    );
  }
  for (const key of ['x', 'y', 'sigma'] as const) {
    const value = columns?.[key];
    if (value === undefined || typeof value === 'string' || (key === 'sigma' && value === false))
      continue;
    if (typeof value !== 'number') {
      throw new TypeError(
        `options.columns.${key} must be a column index or a header name${key === 'sigma' ? ' or false' : ''}; received ${describeValue(value)}`,
      );
    }
    assertFiniteNumber(`options.columns.${key}`, value, { min: 0, integer: true });
  }

  const comments: string[] = [];
  let columnNames: string[] | undefined;
  let headerLine = 0;
  let delimiter: Delimiter | undefined;
  let fieldCount = 0;
  let selected: { x: number; y: number; sigma: number } | undefined;
  let capacity = 1024;
  let xs: Float64Array = new Float64Array(capacity);
  let ys: Float64Array = new Float64Array(capacity);
  let ss: Float64Array | undefined;
  let count = 0;
  let direction = 0;
  let previousLine = 0;

  let lineNumber = 0;
  let position = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = source.length;
  while (position < length) {
    // The next line, [position, stop), and where the one after it starts.
    let stop = position;
    while (stop < length) {
      const code = source.charCodeAt(stop);
      if (code === 10 || code === 13) break;
      stop++;
    }
    let next = stop + 1;
    if (source.charCodeAt(stop) === 13 && source.charCodeAt(stop + 1) === 10) next++;
    lineNumber++;
    let line = source.slice(position, stop).trim();
    position = next;
    if (line === '') continue;
    const marker = line.charCodeAt(0);
    if (marker === 35 || marker === 33 || marker === 59) {
      comments.push(line.slice(1).trim());
      continue;
    }
    const hash = line.search(/[#!]/);
    if (hash >= 0) line = line.slice(0, hash).trim();
    if (line === '') continue;

    if (delimiter === undefined) {
      const candidate: Delimiter = line.includes(';')
        ? ';'
        : line.includes(',')
          ? ','
          : 'whitespace';
      const fields = split(line, candidate);
      if (!NUMBER.test(fields[0] as string)) {
        // A header line of column names.
        if (columnNames !== undefined) {
          throw new RangeError(
            `text line ${lineNumber}: expected numbers after the header line ${headerLine}; received ${JSON.stringify(excerpt(line))} (only one header line is accepted: mark other text lines as comments with '#', '!' or ';')`,
          );
        }
        columnNames = fields;
        headerLine = lineNumber;
        continue;
      }
      delimiter = candidate;
      fieldCount = fields.length;
      if (fieldCount < 2) {
        throw new RangeError(
          `text line ${lineNumber}: a data line must have at least two columns (x and y); received 1 field ${JSON.stringify(excerpt(line))}`,
        );
      }
      if (columnNames !== undefined && columnNames.length !== fieldCount) {
        throw new RangeError(
          `text line ${lineNumber}: the header (line ${headerLine}) names ${columnNames.length} columns but the first data line has ${fieldCount}`,
        );
      }
      selected = selectColumns(columns, fieldCount, columnNames);
      if (selected.sigma >= 0) ss = new Float64Array(capacity);
    }

    const fields = split(line, delimiter);
    if (fields.length !== fieldCount) {
      throw new RangeError(
        `text line ${lineNumber}: expected ${fieldCount} columns (as on the first data line); received ${fields.length} in ${JSON.stringify(excerpt(line))}`,
      );
    }
    const sel = selected as { x: number; y: number; sigma: number };
    for (let k = 0; k < fields.length; k++) {
      const field = fields[k] as string;
      if (!NUMBER.test(field)) {
        const what = field === '' ? 'an empty field' : JSON.stringify(excerpt(field));
        throw new RangeError(
          `text line ${lineNumber}, column ${k + 1}: expected a finite decimal number; received ${what}`,
        );
      }
    }
    const xv = Number(fields[sel.x]);
    const yv = Number(fields[sel.y]);
    const values = [xv, yv, sel.sigma >= 0 ? Number(fields[sel.sigma]) : 0];
    for (const v of values) {
      if (!Number.isFinite(v)) {
        throw new RangeError(
          `text line ${lineNumber}: expected finite numbers; received ${JSON.stringify(excerpt(line))} (a value overflows)`,
        );
      }
    }
    const sv = values[2] as number;
    if (sv < 0) {
      throw new RangeError(
        `text line ${lineNumber}: the ESD (column ${sel.sigma + 1}) must be ≥ 0; received ${sv}`,
      );
    }
    if (count > 0) {
      const step = xv - (xs[count - 1] as number);
      if (count === 1) direction = Math.sign(step);
      if (step === 0 || Math.sign(step) !== direction) {
        const how =
          count === 1
            ? 'repeats'
            : direction > 0
              ? 'does not increase from'
              : 'does not decrease from';
        throw new RangeError(
          `text line ${lineNumber}: x must be strictly monotone (${direction > 0 ? 'increasing' : direction < 0 ? 'decreasing' : 'increasing or decreasing'}); x = ${xv} ${how} x = ${xs[count - 1]} on line ${previousLine}`,
        );
      }
    }
    if (count === maxPoints) {
      throw new RangeError(
        `text has more than options.maxPoints = ${maxPoints} data points (line ${lineNumber}); raise maxPoints to read it`,
      );
    }
    if (count === capacity) {
      capacity = Math.min(capacity * 2, maxPoints);
      xs = grow(xs, capacity);
      ys = grow(ys, capacity);
      if (ss) ss = grow(ss, capacity);
    }
    xs[count] = xv;
    ys[count] = yv;
    if (ss) ss[count] = sv;
    count++;
    previousLine = lineNumber;
  }
  if (count === 0) {
    throw new RangeError(
      `text must contain at least one data line; received ${lineNumber} line${lineNumber === 1 ? '' : 's'} of comments, header or blanks`,
    );
  }
  const pattern: XyPattern = { x: xs.slice(0, count), y: ys.slice(0, count), comments };
  if (ss) pattern.sigma = ss.slice(0, count);
  if (columnNames) pattern.columnNames = columnNames;
  return pattern;
}

function decode(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text instanceof Uint8Array || text instanceof ArrayBuffer) {
    return new TextDecoder('utf-8').decode(text);
  }
  throw new TypeError(
    `text must be a string, Uint8Array or ArrayBuffer; received ${describeValue(text)}`,
  );
}

function split(line: string, delimiter: Delimiter): string[] {
  if (delimiter === 'whitespace') return line.split(/\s+/);
  return line.split(delimiter).map((field) => field.trim());
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function grow(array: Float64Array, capacity: number): Float64Array {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}

function selectColumns(
  columns: XyColumns | undefined,
  fieldCount: number,
  names: string[] | undefined,
): { x: number; y: number; sigma: number } {
  const resolve = (key: 'x' | 'y' | 'sigma', value: number | string): number => {
    if (typeof value === 'number') {
      if (value >= fieldCount) {
        throw new RangeError(
          `options.columns.${key} must be a column index below ${fieldCount} (the data have ${fieldCount} columns); received ${value}`,
        );
      }
      return value;
    }
    const wanted = value.trim().toLowerCase();
    const index = names?.findIndex((name) => name.trim().toLowerCase() === wanted) ?? -1;
    if (index < 0) {
      throw new RangeError(
        `options.columns.${key} must name a column of the header line${names ? ` (${names.map((s) => JSON.stringify(s)).join(', ')})` : ' (the text has none)'}; received ${JSON.stringify(value)}`,
      );
    }
    return index;
  };
  if (columns === undefined && fieldCount > 3) {
    throw new RangeError(
      `options.columns must say which columns hold x, y (and the ESD) when the data have more than three; the first data line has ${fieldCount}`,
    );
  }
  const x = resolve('x', columns?.x ?? 0);
  const y = resolve('y', columns?.y ?? 1);
  if (x === y) {
    throw new RangeError(
      `options.columns must select different columns for x and y; received column ${x} for both`,
    );
  }
  const sigmaOption = columns?.sigma;
  let sigma = -1;
  if (sigmaOption === undefined) {
    if (fieldCount === 3 && x !== 2 && y !== 2) sigma = 2;
  } else if (sigmaOption !== false) sigma = resolve('sigma', sigmaOption);
  return { x, y, sigma };
}
