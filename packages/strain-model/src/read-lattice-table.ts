import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/** Options of {@link readLatticeTable}. */
export interface ReadLatticeTableOptions {
  /**
   * Largest number of data rows accepted; a longer file is rejected as soon as the limit is
   * passed. An integer ≥ 1.
   * @defaultValue 1_000_000
   */
  maxRows?: number;
}

/** A table read by {@link readLatticeTable}; every array has one element per data row, in file order. */
export interface LatticeTable {
  /** Lithium content c_Li, in [0, 1]. */
  cLi: Float64Array;
  /** Lattice parameter a (Å), > 0. */
  a: Float64Array;
  /** Lattice parameter c (Å), > 0. */
  c: Float64Array;
  /** Standard uncertainty (esd) of a (Å, ≥ 0), when the file has such a column. */
  aEsd?: Float64Array;
  /** Standard uncertainty (esd) of c (Å, ≥ 0), when the file has such a column. */
  cEsd?: Float64Array;
  /** Strain (unit of the file, e.g. dimensionless or %), when the file has such a column. */
  strain?: Float64Array;
  /** Standard uncertainty of the strain (≥ 0), when the file has such a column. */
  strainEsd?: Float64Array;
  /** The column names of the header line, as written. */
  columnNames: string[];
  /** The text of the comment lines (after `#`, trimmed), in order. */
  comments: string[];
}

type Field = 'cLi' | 'a' | 'c' | 'aEsd' | 'cEsd' | 'strain' | 'strainEsd';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DEFAULT_MAX_ROWS = 1_000_000;
const BASE_NAMES: Readonly<Record<string, 'cLi' | 'a' | 'c' | 'strain'>> = {
  cli: 'cLi',
  xli: 'cLi',
  li: 'cLi',
  x: 'cLi',
  licontent: 'cLi',
  lithiumcontent: 'cLi',
  clithium: 'cLi',
  a: 'a',
  dtm: 'a',
  c: 'c',
  strain: 'strain',
  eps: 'strain',
  epsilon: 'strain',
  ε: 'strain',
  anisotropicstrain: 'strain',
  microstrain: 'strain',
};
const ESD_WORDS = ['esd', 'sigma', 'σ', 'err', 'error', 'std', 'sd', 'u', 'unc', 'uncertainty'];

/** Lower-cases a header name and strips units, spaces and separators. */
function squash(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s*[([][^)\]]*[)\]]\s*$/, '') // trailing unit: "a (Å)", "c [A]"
    .replace(/\/.*$/, '') // "a/Å"
    .replace(/[\s_\-.]/g, '');
}

/** Maps one header name to a field, or undefined for a column to ignore. */
function fieldOf(raw: string): Field | undefined {
  const lower = raw.trim().toLowerCase();
  const wrapped = /^(esd|sigma|σ|u|err|error|std|sd)\s*\(\s*([^)]+?)\s*\)$/.exec(lower);
  if (wrapped) return esdOf(squash(wrapped[2] as string));
  const name = squash(lower);
  const base = BASE_NAMES[name];
  if (base !== undefined) return base;
  for (const word of ESD_WORDS) {
    if (name.startsWith(word) && name.length > word.length) {
      const field = esdOf(name.slice(word.length));
      if (field) return field;
    }
    if (name.endsWith(word) && name.length > word.length) {
      const field = esdOf(name.slice(0, name.length - word.length));
      if (field) return field;
    }
  }
  return undefined;
}

function esdOf(base: string): Field | undefined {
  const field = BASE_NAMES[base];
  if (field === 'a') return 'aEsd';
  if (field === 'c') return 'cEsd';
  if (field === 'strain') return 'strainEsd';
  return undefined;
}

/**
 * Reads the table of refined lattice parameters against lithium content that a user exports from
 * a refinement program (FullProf, GSAS-II, Jana, TOPAS sequential results) or a spreadsheet: a
 * header line naming the columns, then one row per pattern.
 *
 * - **Columns** are found by name, case-insensitively, ignoring spaces, `_`, `-`, `.` and a
 *   trailing unit in brackets or after `/`: c_Li (`c_Li`, `cLi`, `x_Li`, `x`, `Li`, `Li content`),
 *   `a` (or `d_TM`), `c`, optional esd columns (`a_esd`, `esd_a`, `sigma_a`, `a_err`, `u(a)`,
 *   `σ(c)`, … for a, c and strain), optional `strain` (`strain`, `eps`, `epsilon`, `ε`,
 *   `anisotropic strain`, `microstrain`) and its esd. Other columns are ignored; c_Li, a and c are
 *   required, and no field may be named twice.
 * - **Delimiter**: set by the header: `;` if it has one, else `,`, else a tab, else runs of spaces.
 * - **Lines** end in `\n`, `\r\n` or `\r`; a UTF-8 byte-order mark is skipped; blank lines are
 *   skipped; lines whose first non-blank character is `#` are comments (before or after the
 *   header).
 * - **Values**: decimal numbers with optional exponent (no `NaN`, `Infinity`, decimal commas or
 *   empty fields); c_Li in [0, 1], a and c > 0, esd ≥ 0. Rows may come in any c_Li order
 *   (charge, then discharge).
 *
 * Every error names the line (1-based) and the column. Memory grows only with the rows actually
 * read, and reading stops past `maxRows`.
 *
 * @param text - The file contents: a string, or UTF-8 bytes (`Uint8Array`).
 * @param options - Row limit; see {@link ReadLatticeTableOptions}.
 * @returns The columns as Float64Arrays; see {@link LatticeTable}.
 * @throws TypeError if `text` is neither a string nor a Uint8Array, or bytes are not valid UTF-8.
 * @throws RangeError if there is no header or no data row, a required column is missing, a field
 *   is named twice, a row has the wrong number of fields, a value is not a number or out of range,
 *   or there are more than `maxRows` rows.
 *
 * @example
 * ```ts
 * import { readLatticeTable } from '@intercalate/strain-model';
 * const table = readLatticeTable(`# NMC811, C/5 charge
 * c_Li, a (Å), a_esd, c (Å), c_esd
 * 0.95, 2.8721, 0.0002, 14.2180, 0.0010
 * 0.90, 2.8702, 0.0002, 14.2391, 0.0011`);
 * table.cLi; // Float64Array [0.95, 0.9]
 * table.cEsd; // Float64Array [0.001, 0.0011]
 * ```
 */
export function readLatticeTable(
  text: string | Uint8Array,
  options: ReadLatticeTableOptions = {},
): LatticeTable {
  let source: string;
  if (typeof text === 'string') {
    source = text;
  } else if (text instanceof Uint8Array) {
    try {
      source = new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      throw new TypeError(`text must be UTF-8 encoded; received ${text.length} bytes that are not`);
    }
  } else {
    throw new TypeError(`text must be a string or a Uint8Array; received ${describeValue(text)}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const maxRows = assertFiniteNumber('options.maxRows', options.maxRows ?? DEFAULT_MAX_ROWS, {
    integer: true,
    min: 1,
  });
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);

  const lines = source.split(/\r\n|\r|\n/);
  const comments: string[] = [];
  let columnNames: string[] | undefined;
  let delimiter: RegExp | string = /[ \t]+/;
  let fields: (Field | undefined)[] = [];
  let headerLine = 0;
  const columns: Partial<Record<Field, number[]>> = {};
  let rows = 0;

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = (lines[index] as string).trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      comments.push(line.slice(1).trim());
      continue;
    }
    if (columnNames === undefined) {
      delimiter = line.includes(';')
        ? ';'
        : line.includes(',')
          ? ','
          : line.includes('\t')
            ? '\t'
            : /[ \t]+/;
      columnNames = line.split(delimiter).map((name) => name.trim());
      if (columnNames.some((name) => NUMBER.test(name))) {
        throw new RangeError(
          `text line ${lineNumber}: expected a header naming the columns (c_Li, a, c, …) before the data; received ${JSON.stringify(truncate(line))}`,
        );
      }
      headerLine = lineNumber;
      fields = columnNames.map(fieldOf);
      const seen = new Map<Field, string>();
      fields.forEach((field, k) => {
        if (field === undefined) return;
        const previous = seen.get(field);
        if (previous !== undefined) {
          throw new RangeError(
            `text line ${lineNumber}: columns ${JSON.stringify(previous)} and ${JSON.stringify(columnNames?.[k])} both name ${field}; received a header with both`,
          );
        }
        seen.set(field, columnNames?.[k] as string);
        columns[field] = [];
      });
      for (const required of ['cLi', 'a', 'c'] as const) {
        if (!seen.has(required)) {
          throw new RangeError(
            `text line ${lineNumber}: the header must name a ${required === 'cLi' ? 'c_Li' : required} column (accepted names: ${acceptedNames(required)}); received ${JSON.stringify(columnNames.join(' | '))}`,
          );
        }
      }
      continue;
    }
    const values = line.split(delimiter).map((value) => value.trim());
    if (values.length !== columnNames.length) {
      throw new RangeError(
        `text line ${lineNumber}: expected ${columnNames.length} fields as in the header (line ${headerLine}); received ${values.length}`,
      );
    }
    rows++;
    if (rows > maxRows) {
      throw new RangeError(
        `text has more than options.maxRows = ${maxRows} data rows; received another at line ${lineNumber}`,
      );
    }
    for (let k = 0; k < values.length; k++) {
      const field = fields[k];
      if (field === undefined) continue;
      const raw = values[k] as string;
      const name = columnNames[k] as string;
      if (!NUMBER.test(raw)) {
        throw new RangeError(
          `text line ${lineNumber}, column ${JSON.stringify(name)}: expected a decimal number; received ${JSON.stringify(truncate(raw))}`,
        );
      }
      const value = Number(raw);
      const problem = rangeProblem(field, value);
      if (problem !== undefined) {
        throw new RangeError(
          `text line ${lineNumber}, column ${JSON.stringify(name)}: ${problem}; received ${raw}`,
        );
      }
      (columns[field] as number[]).push(value);
    }
  }
  if (columnNames === undefined) {
    throw new RangeError('text must hold a header line and at least one data row; received none');
  }
  if (rows === 0) {
    throw new RangeError(
      `text must hold at least one data row after the header (line ${headerLine}); received none`,
    );
  }
  const array = (field: Field) => {
    const values = columns[field];
    return values === undefined ? undefined : Float64Array.from(values);
  };
  const table: LatticeTable = {
    cLi: array('cLi') as Float64Array,
    a: array('a') as Float64Array,
    c: array('c') as Float64Array,
    columnNames,
    comments,
  };
  for (const field of ['aEsd', 'cEsd', 'strain', 'strainEsd'] as const) {
    const values = array(field);
    if (values !== undefined) table[field] = values;
  }
  return table;
}

function rangeProblem(field: Field, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'the value must be finite';
  switch (field) {
    case 'cLi':
      return value >= 0 && value <= 1 ? undefined : 'c_Li must be in [0, 1]';
    case 'a':
    case 'c':
      return value > 0 ? undefined : `${field} must be > 0 (Å)`;
    case 'aEsd':
    case 'cEsd':
    case 'strainEsd':
      return value >= 0 ? undefined : 'an esd must be ≥ 0';
    default:
      return undefined;
  }
}

function acceptedNames(field: 'cLi' | 'a' | 'c'): string {
  return Object.entries(BASE_NAMES)
    .filter(([, f]) => f === field)
    .map(([name]) => name)
    .join(', ');
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
