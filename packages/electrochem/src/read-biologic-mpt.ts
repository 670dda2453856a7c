import {
  type CyclerData,
  parseField,
  readTable,
  splitLines,
  textOf,
  unitFactor,
} from './cycler-data.js';

const MAGIC = 'EC-Lab ASCII FILE';

/** Splits an EC-Lab column header "name/unit" at its last slash; `ox/red` and friends have no unit. */
function nameAndUnit(header: string): { name: string; unit: string } {
  const h = header.trim();
  if (h === 'ox/red' || h === 'control changes') return { name: h, unit: '' };
  // "<Ewe/V>" (older EC-Lab) → "<Ewe>/V"
  const bracketed = /^<(.+)\/([^/]+)>$/.exec(h);
  if (bracketed) return { name: `<${bracketed[1]!}>`, unit: bracketed[2]! };
  const slash = h.lastIndexOf('/');
  return slash < 0 ? { name: h, unit: '' } : { name: h.slice(0, slash), unit: h.slice(slash + 1) };
}

/**
 * Reads a BioLogic EC-Lab ASCII export (`.mpt`) into SI arrays.
 *
 * Format: the first line is `EC-Lab ASCII FILE`, then `Nb header lines : N`; the N-th line of the
 * file holds the tab-separated column headers (`time/s`, `Ewe/V`, `<I>/mA`, `(Q-Qo)/mA.h`,
 * `cycle number`, …) and the data rows follow, tab-separated, with a decimal point or, in some
 * locales, a decimal comma (tab is the separator, so a comma in a field is always decimal). A file
 * exported without the header block (first line = the column headers, with `time/s`) is accepted
 * too. Text is read as given; bytes are decoded as Windows-1252/Latin-1 (EC-Lab writes `µ`
 * that way).
 *
 * Fields (all in SI; the header each came from is in `sources`):
 * - `time` (s) from `time/s` (or `time/min`, `time/h`);
 * - `voltage` (V) from `Ewe/V` (or `<Ewe>/V`, `Ecell/V`, mV accepted);
 * - `current` (A) from `I/mA` or `<I>/mA` (A, µA accepted); EC-Lab's sign: positive = oxidation
 *   (charge of a cathode);
 * - `capacity` (C, = mAh × 3.6), optional, from the first present of `(Q-Qo)/mA.h` (net charge
 *   since the start), `Q charge/discharge/mA.h` (per half-cycle, signed), `Capacity/mA.h`;
 * - `cycle`, optional, from `cycle number`;
 * - `columns`: every numeric column as written, keyed by header.
 *
 * @param text - File contents: a string, or a Uint8Array of the raw bytes.
 * @returns The record; see {@link CyclerData}.
 * @throws TypeError if `text` is neither a string nor a Uint8Array.
 * @throws RangeError naming the line if the file is not an EC-Lab ASCII export, the header-line
 *   count is missing or beyond the end of the file, a required column (time, voltage, current)
 *   is missing or in an unknown unit, a row has the wrong number of fields, or a field of a
 *   numeric column is not a finite number.
 *
 * @example
 * ```ts
 * import { readBiologicMpt } from '@intercalate/electrochem';
 * const text = [
 *   'EC-Lab ASCII FILE',
 *   'Nb header lines : 4',
 *   '',
 *   'mode\tox/red\ttime/s\tEwe/V\t<I>/mA\t(Q-Qo)/mA.h\tcycle number',
 *   '1\t1\t0,0\t3,70\t0,5\t0,0\t0',
 *   '1\t1\t3600,0\t3,95\t0,5\t0,5\t0',
 * ].join('\n');
 * const data = readBiologicMpt(text);
 * data.current; // Float64Array [0.0005, 0.0005] (A)
 * data.capacity; // Float64Array [0, 1.8] (C = 0.5 mAh)
 * ```
 */
export function readBiologicMpt(text: string | Uint8Array): CyclerData {
  const lines = splitLines(textOf(text));
  let headerLine: number; // 0-based index of the column-header line
  if (lines[0]?.trim() === MAGIC) {
    const count = /^\s*Nb header lines\s*:\s*(\d+)\s*$/.exec(lines[1] ?? '');
    if (!count) {
      throw new RangeError(
        `text line 2: expected "Nb header lines : N" after "${MAGIC}"; received ${JSON.stringify((lines[1] ?? '').slice(0, 60))}`,
      );
    }
    const n = Number(count[1]);
    if (!(n >= 3 && n <= lines.length)) {
      throw new RangeError(
        `text line 2: Nb header lines must be an integer from 3 to the number of lines (${lines.length}); received ${count[1]!.slice(0, 20)}`,
      );
    }
    headerLine = n - 1;
  } else if ((lines[0] ?? '').split('\t').some((h) => h.trim().startsWith('time/'))) {
    headerLine = 0;
  } else {
    throw new RangeError(
      `text must be a BioLogic EC-Lab ASCII export starting with "${MAGIC}" (or with a tab-separated column header holding time/s); received first line ${JSON.stringify((lines[0] ?? '').slice(0, 60))}`,
    );
  }
  const headers = lines[headerLine]!.split('\t').map((h) => h.trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  if (headers.length === 0) {
    throw new RangeError(
      `text line ${headerLine + 1}: expected tab-separated column headers; received an empty line`,
    );
  }
  // Columns whose first data field is not numeric (e.g. an absolute date) are text columns.
  const firstData = lines.findIndex((line, i) => i > headerLine && line.trim() !== '');
  const textColumns = new Set<number>();
  if (firstData >= 0) {
    const fields = lines[firstData]!.split('\t');
    headers.forEach((_, c) => {
      if (c < fields.length && !Number.isFinite(parseField(fields[c]!, true))) textColumns.add(c);
    });
  }
  const values = readTable(lines, headerLine + 1, headers, '\t', true, textColumns);
  if (values[0]!.length === 0) {
    throw new RangeError(`text has no data rows after the header on line ${headerLine + 1}`);
  }
  const columns: Record<string, Float64Array> = {};
  headers.forEach((h, c) => {
    if (!textColumns.has(c) && !(h in columns)) columns[h] = values[c]!;
  });

  const find = (
    quantity: 'time' | 'voltage' | 'current' | 'capacity',
    names: readonly string[],
  ): { header: string; data: Float64Array } | undefined => {
    for (const wanted of names) {
      for (let c = 0; c < headers.length; c++) {
        const { name, unit } = nameAndUnit(headers[c]!);
        if (name !== wanted) continue;
        const factor = unitFactor(quantity, unit);
        if (factor === undefined) {
          throw new RangeError(
            `text line ${headerLine + 1}: column ${JSON.stringify(headers[c])} has unit ${JSON.stringify(unit)}, not a known ${quantity} unit (${Object.keys(unitFactorsHint[quantity]).join(', ')})`,
          );
        }
        if (textColumns.has(c)) {
          throw new RangeError(
            `text line ${firstData + 1}: column ${JSON.stringify(headers[c])} must be a finite number; received ${JSON.stringify(lines[firstData]!.split('\t')[c]!.slice(0, 40))}`,
          );
        }
        const raw = values[c]!;
        const data = new Float64Array(raw.length);
        for (let i = 0; i < raw.length; i++) data[i] = raw[i]! * factor;
        return { header: headers[c]!, data };
      }
    }
    return undefined;
  };
  const needed = (
    quantity: 'time' | 'voltage' | 'current',
    names: readonly string[],
  ): { header: string; data: Float64Array } => {
    const found = find(quantity, names);
    if (!found) {
      throw new RangeError(
        `text line ${headerLine + 1}: no ${quantity} column; expected one of ${names.map((n) => `${n}/…`).join(', ')}`,
      );
    }
    return found;
  };
  const time = needed('time', ['time']);
  const voltage = needed('voltage', ['Ewe', '<Ewe>', 'Ecell', '<Ecell>']);
  const current = needed('current', ['I', '<I>']);
  const capacity = find('capacity', ['(Q-Qo)', 'Q charge/discharge', 'Capacity']);
  const cycleIndex = headers.findIndex((h, c) => h === 'cycle number' && !textColumns.has(c));
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
  if (cycleIndex >= 0) {
    result.cycle = Float64Array.from(values[cycleIndex]!);
    result.sources.cycle = 'cycle number';
  }
  return result;
}

const unitFactorsHint = {
  time: { s: 1, min: 1, h: 1 },
  voltage: { V: 1, mV: 1 },
  current: { A: 1, mA: 1, µA: 1 },
  capacity: { 'mA.h': 1, 'A.h': 1, C: 1 },
};
