import { describeValue } from '@intercalate/numerics';
import {
  type CyclerData,
  parseField,
  readTable,
  splitLines,
  textOf,
  UNIT_FACTORS,
  unitFactor,
} from './cycler-data.js';

/** The quantities {@link readCyclerCsv} maps to columns. */
export type CyclerQuantity = 'time' | 'voltage' | 'current' | 'capacity';
type Quantity = CyclerQuantity;

/** Options of {@link readCyclerCsv}. */
export interface ReadCyclerCsvOptions {
  /**
   * Header (as written, compared case-insensitively after trimming) of the column to read for
   * each quantity, when the automatic choice is wrong or fails.
   * @defaultValue found by name: time from `test time`/`total time`/`time` (not `step time`),
   * voltage from `voltage`/`Ewe`/`Ecell`/`potential`, current from `current`/`I`, capacity from
   * `capacity`/`Q`/`(Q-Qo)` (left out when absent or ambiguous)
   */
  columns?: Partial<Record<CyclerQuantity, string>>;
  /**
   * Unit of each quantity's column, overriding the unit in the header (needed when the header
   * has none). Time: s, min, h, ms; voltage: V, mV; current: A, mA, µA, nA; capacity: C, mC,
   * Ah, mAh, µAh (also written A.h, mA.h, AHr).
   * @defaultValue the unit written in the header: `Voltage (V)`, `Current[mA]`, `time/s`,
   * `Test_Time(s)`, `capacity_mAh`
   */
  units?: Partial<Record<CyclerQuantity, string>>;
  /**
   * Field delimiter.
   * @defaultValue detected: the first of tab, semicolon and comma that gives a header of at least
   * three fields followed by a numeric row
   */
  delimiter?: ',' | ';' | '\t';
}

function splitHeader(header: string): { name: string; unit: string } {
  const h = header.trim();
  const bracket = /^(.*?)\s*[([]\s*([^)\]]*?)\s*[)\]]\s*$/.exec(h);
  if (bracket) return { name: bracket[1]!, unit: bracket[2]! };
  const slash = h.lastIndexOf('/');
  if (slash > 0) return { name: h.slice(0, slash).trim(), unit: h.slice(slash + 1).trim() };
  const underscore = h.lastIndexOf('_');
  if (underscore > 0) {
    const unit = h.slice(underscore + 1);
    const known = (Object.keys(UNIT_FACTORS) as Quantity[]).some(
      (q) => unitFactor(q, unit) !== undefined,
    );
    if (known) return { name: h.slice(0, underscore), unit };
  }
  return { name: h, unit: '' };
}

function normalize(name: string): string {
  return name
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}

const PREFERRED: Record<Quantity, readonly string[]> = {
  time: ['test time', 'total time', 'time', 'elapsed time', 'time elapsed', 'run time', 't'],
  voltage: ['voltage', 'cell voltage', 'ewe', 'ecell', 'potential', 'u', 'e'],
  current: ['current', 'i'],
  capacity: ['capacity', 'q', '(q-qo)', 'net capacity'],
};
const CONTAINS: Record<Quantity, (name: string) => boolean> = {
  time: (n) => n.includes('time') && !n.includes('step') && !n.includes('date'),
  voltage: (n) => n.includes('volt') || n.includes('potential'),
  current: (n) => n.includes('current'),
  capacity: (n) => n.includes('capacity') && !n.includes('specific'),
};

/**
 * Reads a plain delimited cycler export (CSV, semicolon- or tab-separated text: Arbin, Maccor,
 * Neware, Landt, spreadsheet exports) into SI arrays: time (s), voltage (V), current (A) and, when
 * present, capacity (C).
 *
 * The header is the first line of at least three fields, one of them not a number, followed by a
 * row whose fields are mostly numbers; lines above it (metadata) are skipped. Units are read from
 * the header (`Voltage (V)`, `Current[mA]`, `time/s`, `Test_Time(s)`, `capacity_mAh`) or given
 * in `options.units`; a needed column without a known unit is an error, never a guess. With a
 * semicolon or tab delimiter a comma inside a field is read as a decimal comma. Columns whose
 * first value is not a number (dates, `h:min:s` clocks, step names) are left out. Current signs
 * are kept as written (most cyclers: positive = charge).
 *
 * @param text - File contents: a string, or a Uint8Array of raw bytes (decoded as Latin-1).
 * @param options - Column names, units and delimiter; see {@link ReadCyclerCsvOptions}.
 * @returns The record; see {@link CyclerData} (`sources` names the header used for each field).
 * @throws TypeError if `text` or `options` has the wrong type.
 * @throws RangeError naming the line if no header row is found, a named column is missing, a
 *   needed column has no known unit, a row has the wrong number of fields, or a field of a
 *   numeric column is not a finite number.
 *
 * @example
 * ```ts
 * import { readCyclerCsv } from '@intercalate/electrochem';
 * const text = 'Test_Time(s),Step_Time(s),Current(A),Voltage(V),Charge_Capacity(Ah)\n' +
 *   '0,0,0.001,3.7,0\n3600,3600,0.001,3.9,0.001\n';
 * const data = readCyclerCsv(text, { columns: { capacity: 'Charge_Capacity(Ah)' } });
 * data.time; // Float64Array [0, 3600] (s)
 * data.capacity; // Float64Array [0, 3.6] (C)
 * data.sources.time; // 'Test_Time(s)'
 * ```
 */
export function readCyclerCsv(
  text: string | Uint8Array,
  options: ReadCyclerCsvOptions = {},
): CyclerData {
  const lines = splitLines(textOf(text));
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const wantedColumns = options.columns ?? {};
  const wantedUnits = options.units ?? {};
  if (typeof wantedColumns !== 'object' || wantedColumns === null) {
    throw new TypeError(
      `options.columns must be an object; received ${describeValue(wantedColumns)}`,
    );
  }
  if (typeof wantedUnits !== 'object' || wantedUnits === null) {
    throw new TypeError(`options.units must be an object; received ${describeValue(wantedUnits)}`);
  }
  for (const q of ['time', 'voltage', 'current', 'capacity'] as const) {
    const column = wantedColumns[q];
    if (column !== undefined && typeof column !== 'string') {
      throw new TypeError(
        `options.columns.${q} must be a header string; received ${describeValue(column)}`,
      );
    }
    const unit = wantedUnits[q];
    if (unit !== undefined && (typeof unit !== 'string' || unitFactor(q, unit) === undefined)) {
      throw new RangeError(
        `options.units.${q} must be one of ${Object.keys(UNIT_FACTORS[q]).join(', ')}; received ${describeValue(unit)}`,
      );
    }
  }
  const delimiters =
    options.delimiter === undefined ? (['\t', ';', ','] as const) : [options.delimiter];
  if (!delimiters.every((d) => d === '\t' || d === ';' || d === ',')) {
    throw new RangeError(
      `options.delimiter must be ',', ';' or '\\t'; received ${describeValue(options.delimiter)}`,
    );
  }

  let headerLine = -1;
  let delimiter = ',';
  search: for (const d of delimiters) {
    for (let i = 0; i < lines.length; i++) {
      const fields = trimTrailing(lines[i]!.split(d));
      if (fields.length < 3) continue;
      const comma = d !== ',';
      if (fields.every((f) => Number.isFinite(parseField(f, comma)))) continue;
      let next = i + 1;
      while (next < lines.length && lines[next]!.trim() === '') next++;
      if (next >= lines.length) continue;
      const row = trimTrailing(lines[next]!.split(d));
      if (row.length !== fields.length) continue;
      const numeric = row.filter((f) => Number.isFinite(parseField(f, comma))).length;
      if (numeric * 2 >= row.length) {
        headerLine = i;
        delimiter = d;
        break search;
      }
    }
  }
  if (headerLine < 0) {
    throw new RangeError(
      'text has no header row: expected a line of at least three comma-, semicolon- or tab-separated column names followed by a row of numbers',
    );
  }
  const decimalComma = delimiter !== ',';
  const headers = trimTrailing(lines[headerLine]!.split(delimiter)).map((h) =>
    h
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  let firstData = headerLine + 1;
  while (lines[firstData]!.trim() === '') firstData++;
  const firstFields = lines[firstData]!.split(delimiter);
  const textColumns = new Set<number>();
  headers.forEach((_, c) => {
    if (!Number.isFinite(parseField(firstFields[c] ?? '', decimalComma))) textColumns.add(c);
  });
  const values = readTable(lines, headerLine + 1, headers, delimiter, decimalComma, textColumns);
  const columns: Record<string, Float64Array> = {};
  headers.forEach((h, c) => {
    if (!textColumns.has(c) && !(h in columns)) columns[h] = values[c]!;
  });

  const pick = (
    q: Quantity,
    required: boolean,
  ): { header: string; data: Float64Array } | undefined => {
    let index = -1;
    const wanted = wantedColumns[q];
    if (wanted !== undefined) {
      index = headers.findIndex((h) => h.toLowerCase() === wanted.trim().toLowerCase());
      if (index < 0) {
        throw new RangeError(
          `options.columns.${q} must name a column of the header on text line ${headerLine + 1}; received ${JSON.stringify(wanted)}`,
        );
      }
    } else {
      const numeric = headers
        .map((h, c) => ({ c, name: normalize(splitHeader(h).name) }))
        .filter(({ c }) => !textColumns.has(c));
      for (const name of PREFERRED[q]) {
        const hit = numeric.find((h) => h.name === name);
        if (hit) {
          index = hit.c;
          break;
        }
      }
      if (index < 0) {
        const hits = numeric.filter((h) => CONTAINS[q](h.name));
        if (hits.length === 1 || (hits.length > 1 && q !== 'capacity')) index = hits[0]!.c;
      }
      if (index < 0) {
        if (!required) return undefined;
        throw new RangeError(
          `text line ${headerLine + 1}: no ${q} column found among ${JSON.stringify(headers)}; name it with options.columns.${q}`,
        );
      }
    }
    if (textColumns.has(index)) {
      throw new RangeError(
        `text line ${firstData + 1}: column ${JSON.stringify(headers[index])} must be a finite number; received ${JSON.stringify((firstFields[index] ?? '').slice(0, 40))}`,
      );
    }
    const unit = wantedUnits[q] ?? splitHeader(headers[index]!).unit;
    const factor = unitFactor(q, unit);
    if (factor === undefined) {
      throw new RangeError(
        `text line ${headerLine + 1}: column ${JSON.stringify(headers[index])} has ${unit === '' ? 'no unit' : `unit ${JSON.stringify(unit)}`}, not a known ${q} unit; give it in options.units.${q} (${Object.keys(UNIT_FACTORS[q]).join(', ')})`,
      );
    }
    const raw = values[index]!;
    const data = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) data[i] = raw[i]! * factor;
    return { header: headers[index]!, data };
  };
  const time = pick('time', true)!;
  const voltage = pick('voltage', true)!;
  const current = pick('current', true)!;
  const capacity = pick('capacity', false);
  const result: CyclerData = {
    time: time.data,
    voltage: voltage.data,
    current: current.data,
    sources: { time: time.header, voltage: voltage.header, current: current.header },
    columns,
  };
  if (capacity) {
    result.capacity = capacity.data;
    result.sources.capacity = capacity.header;
  }
  return result;
}

function trimTrailing(fields: string[]): string[] {
  while (fields.length > 0 && fields[fields.length - 1]!.trim() === '') fields.pop();
  return fields;
}
