import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import {
  type JcampBlock,
  type JcampRecord,
  type JcampValue,
  jcampRecordsToParameters,
  parseJcampBlocks,
  parseJcampValue,
} from './jcamp-parameters.js';

/** Options of {@link readJcamp}. */
export interface ReadJcampOptions {
  /**
   * Largest number of points accepted (an integer ≥ 1). Files whose `##NPOINTS` exceeds it are
   * rejected before anything is allocated; this bounds memory when a size field or a DUP count is
   * corrupt. @defaultValue 16777216 (2²⁴ points, 128 MiB per Float64Array)
   */
  maxPoints?: number;
}

/** The result of {@link readJcamp}. */
export interface JcampSpectrum {
  /** Abscissa values in `xUnits` (XFACTOR applied; for XYDATA from FIRSTX, LASTX and NPOINTS). */
  x: Float64Array;
  /** Ordinate values in `yUnits` (YFACTOR applied). */
  y: Float64Array;
  /** `##XUNITS` as written, trimmed (e.g. `'HZ'`, `'PPM'`), or `''` when absent. */
  xUnits: string;
  /** `##YUNITS` as written, trimmed (e.g. `'ARBITRARY UNITS'`), or `''` when absent. */
  yUnits: string;
  /** `##TITLE` of the block that holds the data, trimmed. */
  title: string;
  /** `##DATA TYPE` as written, trimmed (e.g. `'NMR SPECTRUM'`), or `''` when absent. */
  dataType: string;
  /** Which data record was read. */
  table: 'XYDATA' | 'XYPOINTS' | 'PEAK TABLE';
  /**
   * Every other record of the data's block, keyed by label as written (Bruker's `$` kept, as
   * nmrglue's `jcampdx.read`), values typed as {@link JcampValue}. The data table is left out.
   */
  parameters: Record<string, JcampValue>;
  /**
   * Chemical shifts in ppm: x / `.OBSERVE FREQUENCY` when `xUnits` is HZ and the observe
   * frequency is given, a copy of x when `xUnits` is PPM, otherwise absent. `.SHIFT REFERENCE` is
   * not applied (it is in `parameters`).
   */
  ppm?: Float64Array;
  /** `##.OBSERVE FREQUENCY` in MHz, when given. */
  referenceFrequency?: number;
}

const DATA_TABLES = ['XYDATA', 'XYPOINTS', 'PEAKTABLE'] as const;
const SKIPPED = new Set<string>(DATA_TABLES);

// Token kinds of the ASDF compression (McDonald & Wilks 1988, Table II).
const AFFN = 0;
const SQZ = 1;
const DIF = 2;
const DUP = 3;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A growable Float64Array that never grows beyond `limit` elements. */
interface Growable {
  data: Float64Array;
  length: number;
  limit: number;
}

function growable(initial: number, limit: number): Growable {
  return { data: new Float64Array(Math.max(1, Math.min(initial, limit))), length: 0, limit };
}

function append(buffer: Growable, value: number): void {
  if (buffer.length === buffer.data.length) {
    const next = new Float64Array(Math.min(buffer.limit, buffer.data.length * 2));
    next.set(buffer.data);
    buffer.data = next;
  }
  buffer.data[buffer.length++] = value;
}

function contents(buffer: Growable): Float64Array {
  return buffer.length === buffer.data.length ? buffer.data : buffer.data.slice(0, buffer.length);
}

interface Scalars {
  name: string;
  byKey: Map<string, JcampRecord>;
}

function numberRecord(scalars: Scalars, key: string, label: string): number | undefined {
  const record = scalars.byKey.get(key);
  if (record === undefined) return undefined;
  const value = parseJcampValue(record, scalars.name);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(
      `${scalars.name} line ${record.line}: ##${label} must be a finite number; received ${describeValue(value)}`,
    );
  }
  return value;
}

function textRecord(scalars: Scalars, key: string): string {
  return scalars.byKey.get(key)?.text.trim() ?? '';
}

function factor(scalars: Scalars, key: string, label: string): number {
  const value = numberRecord(scalars, key, label) ?? 1;
  if (value === 0) {
    const line = scalars.byKey.get(key)?.line;
    throw new RangeError(`${scalars.name} line ${line}: ##${label} must be nonzero; received 0`);
  }
  return value;
}

/**
 * Decodes the ordinates of an `##XYDATA=(X++(Y..Y))` record written in AFFN or ASDF (SQZ, DIF,
 * DUP, PAC), verifying every DIF Y-check and the point count; returns the raw (unscaled) Y.
 */
function decodeXyData(
  record: JcampRecord,
  name: string,
  npoints: number,
  direction: number,
  xFactor: number,
): Float64Array {
  const lines = record.text.split('\n');
  const values = growable(record.text.length + 1, npoints);
  let previous: number | undefined; // last ordinate decoded (stored or Y-check)
  let endedWithDif = false; // the previous data line's last ordinate was in DIF form
  let previousLineScale = 0;
  let previousX: number | undefined;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as string;
    const lineNumber = record.line + k;
    const where = `${name} line ${lineNumber}`;
    let pos = 0;
    const n = line.length;
    let sawX = false;
    let checkPending = false;
    let lastKind: number | undefined; // kind of the last ordinate token on this line
    let lastDelta = 0;
    let lineScale = 0;
    const store = (value: number) => {
      if (checkPending) {
        checkPending = false;
        // Integer ordinates (the usual ASDF case) sum exactly, so they must match exactly;
        // decimal ones may carry rounding from the DIF chain of the previous line.
        const exact = Number.isSafeInteger(value) && Number.isSafeInteger(previous);
        const tolerance = exact
          ? 0
          : 1e-9 * Math.max(Math.abs(value), Math.abs(previous as number), previousLineScale);
        if (!(Math.abs(value - (previous as number)) <= tolerance)) {
          throw new RangeError(
            `${where}: DIF Y-check value ${value} does not repeat the last ordinate ${previous} of the previous line; the data are corrupt`,
          );
        }
        previous = value;
        return;
      }
      if (values.length >= npoints) {
        throw new RangeError(`${where}: ##XYDATA holds more points than ##NPOINTS= ${npoints}`);
      }
      append(values, value);
      previous = value;
      const magnitude = Math.abs(value);
      if (magnitude > lineScale) lineScale = magnitude;
    };
    while (pos < n) {
      const code = line.charCodeAt(pos);
      // separators: blank, tab, comma
      if (code === 32 || code === 9 || code === 44) {
        pos++;
        continue;
      }
      let kind: number;
      let value: number;
      const start = pos;
      if (isDigit(code) || code === 46 || code === 43 || code === 45) {
        // AFFN / PAC: [+-] digits [. digits] [E±digits]
        kind = AFFN;
        pos++;
        while (pos < n && (isDigit(line.charCodeAt(pos)) || line.charCodeAt(pos) === 46)) pos++;
        const e = line.charCodeAt(pos);
        const sign = line.charCodeAt(pos + 1);
        if (
          (e === 69 || e === 101) &&
          (sign === 43 || sign === 45) &&
          isDigit(line.charCodeAt(pos + 2))
        ) {
          pos += 2;
          while (pos < n && isDigit(line.charCodeAt(pos))) pos++;
        }
        value = Number(line.slice(start, pos));
      } else {
        let digit: number;
        if (code === 64) {
          kind = SQZ;
          digit = 0;
        } else if (code >= 65 && code <= 73) {
          kind = SQZ;
          digit = code - 64;
        } else if (code >= 97 && code <= 105) {
          kind = SQZ;
          digit = -(code - 96);
        } else if (code === 37) {
          kind = DIF;
          digit = 0;
        } else if (code >= 74 && code <= 82) {
          kind = DIF;
          digit = code - 73;
        } else if (code >= 106 && code <= 114) {
          kind = DIF;
          digit = -(code - 105);
        } else if (code >= 83 && code <= 90) {
          kind = DUP;
          digit = code - 82;
        } else if (code === 115) {
          kind = DUP;
          digit = 9;
        } else if (code === 63) {
          throw new RangeError(
            `${where}, column ${pos + 1}: "?" (missing value) is not supported in ##XYDATA`,
          );
        } else {
          throw new RangeError(
            `${where}, column ${pos + 1}: unexpected character ${JSON.stringify(line[pos])} in ##XYDATA (AFFN or ASDF expected)`,
          );
        }
        pos++;
        const restStart = pos;
        while (
          pos < n &&
          (isDigit(line.charCodeAt(pos)) || (kind !== DUP && line.charCodeAt(pos) === 46))
        ) {
          pos++;
        }
        const text = `${digit < 0 ? '-' : ''}${Math.abs(digit)}${line.slice(restStart, pos)}`;
        value = Number(text);
      }
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `${where}, column ${start + 1}: ${JSON.stringify(line.slice(start, pos))} is not a finite number`,
        );
      }
      if (!sawX) {
        sawX = true;
        if (kind !== AFFN && kind !== SQZ) {
          throw new RangeError(
            `${where}: a line must start with its abscissa X in AFFN or SQZ form; received ${JSON.stringify(line.slice(start, pos))}`,
          );
        }
        const x = value * xFactor;
        if (previousX !== undefined && direction * (x - previousX) < 0) {
          throw new RangeError(
            `${where}: abscissa ${x} runs against FIRSTX → LASTX (previous line started at ${previousX}); lines are out of order`,
          );
        }
        previousX = x;
        checkPending = endedWithDif;
        continue;
      }
      if (kind === DUP) {
        if (lastKind === undefined) {
          throw new RangeError(
            `${where}, column ${start + 1}: DUP count ${JSON.stringify(line.slice(start, pos))} does not follow an ordinate on its line`,
          );
        }
        if (value < 1) {
          throw new RangeError(
            `${where}, column ${start + 1}: DUP count must be ≥ 1; received ${value}`,
          );
        }
        if (value - 1 > npoints - values.length + (checkPending ? 1 : 0)) {
          throw new RangeError(`${where}: DUP count ${value} runs past ##NPOINTS= ${npoints}`);
        }
        for (let r = 1; r < value; r++) {
          store(lastKind === DIF ? (previous as number) + lastDelta : (previous as number));
        }
        continue;
      }
      if (kind === DIF) {
        if (previous === undefined) {
          throw new RangeError(
            `${where}, column ${start + 1}: DIF value ${JSON.stringify(line.slice(start, pos))} has no preceding ordinate`,
          );
        }
        lastDelta = value;
        lastKind = DIF;
        store(previous + value);
      } else {
        lastKind = kind;
        store(value);
      }
    }
    if (lastKind !== undefined) {
      endedWithDif = lastKind === DIF;
      previousLineScale = lineScale;
    }
  }
  if (values.length !== npoints) {
    throw new RangeError(
      `${name} line ${record.line}: ##NPOINTS= ${npoints} but ##XYDATA holds ${values.length} points; the file is truncated or corrupt`,
    );
  }
  return contents(values);
}

/** Reads `(XY..XY)` pairs of AFFN numbers separated by blanks, commas or semicolons. */
function decodeXyPairs(
  record: JcampRecord,
  name: string,
  maxPoints: number,
): { x: Float64Array; y: Float64Array } {
  const lines = record.text.split('\n');
  const numbers = growable(64, 2 * maxPoints);
  const number = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as string;
    let pos = 0;
    while (pos < line.length) {
      const code = line.charCodeAt(pos);
      if (code === 32 || code === 9 || code === 44 || code === 59) {
        pos++;
        continue;
      }
      number.lastIndex = pos;
      const match = number.exec(line);
      if (match === null) {
        throw new RangeError(
          `${name} line ${record.line + k}, column ${pos + 1}: unexpected character ${JSON.stringify(line[pos])} in ##${record.label} (AFFN numbers expected)`,
        );
      }
      const value = Number(match[0]);
      if (!Number.isFinite(value)) {
        throw new RangeError(`${name} line ${record.line + k}: ${match[0]} is not a finite number`);
      }
      if (numbers.length >= 2 * maxPoints) {
        throw new RangeError(
          `${name} line ${record.line + k}: ##${record.label} holds more than maxPoints = ${maxPoints} points`,
        );
      }
      append(numbers, value);
      pos = number.lastIndex;
    }
  }
  const flat = contents(numbers);
  if (numbers.length % 2 !== 0) {
    throw new RangeError(
      `${name} line ${record.line}: ##${record.label} must hold (x, y) pairs; received ${numbers.length} numbers`,
    );
  }
  const count = numbers.length / 2;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = flat[2 * i] as number;
    y[i] = flat[2 * i + 1] as number;
  }
  return { x, y };
}

function scaleChecked(values: Float64Array, by: number, what: string, name: string): void {
  for (let i = 0; i < values.length; i++) {
    const scaled = (values[i] as number) * by;
    if (!Number.isFinite(scaled)) {
      throw new RangeError(`${name}: ${what}[${i}] overflows to ${scaled} when scaled by ${by}`);
    }
    values[i] = scaled;
  }
}

function selectBlock(blocks: JcampBlock[], name: string): { block: JcampBlock; data: JcampRecord } {
  for (const block of blocks) {
    for (const key of DATA_TABLES) {
      const data = block.records.find((record) => record.key === key);
      if (data !== undefined) return { block, data };
    }
  }
  const tuples = blocks.flatMap((block) => block.records).find((r) => r.key === 'NTUPLES');
  if (tuples !== undefined) {
    throw new RangeError(
      `${name} line ${tuples.line}: ##NTUPLES data (FIDs, complex or 2D spectra) are not supported; only 1D ##XYDATA, ##XYPOINTS and ##PEAK TABLE are`,
    );
  }
  throw new RangeError(
    `${name} holds no ##XYDATA=, ##XYPOINTS= or ##PEAK TABLE= record; it is not a 1D JCAMP-DX spectrum`,
  );
}

/**
 * Reads a 1D JCAMP-DX 4.24/5.01 spectrum (McDonald & Wilks, Appl. Spectrosc. 1988, 42, 151; NMR
 * extensions: Davies & Lampen, Appl. Spectrosc. 1993, 47, 1093).
 *
 * - `##XYDATA=(X++(Y..Y))` in AFFN (free-format numbers separated by blanks, commas or signs) or
 *   ASDF: SQZ digits `@A–I`/`a–i` (0, ±1…±9 starting a value), DIF digits `%J–R`/`j–r` (a
 *   difference from the previous ordinate), DUP digits `S–Z`/`s` (the previous value or
 *   difference occurs 1…9 times in all, more digits following). When a line ends in DIF form its
 *   last ordinate is repeated at the start of the next line as a Y-check: the check is verified
 *   (RangeError naming the line on mismatch) and not stored. In AFFN an `E` is an exponent only
 *   when a sign and a digit follow (`1.5E+03`); otherwise it is the SQZ digit 5.
 *   x[i] = FIRSTX + i·(LASTX − FIRSTX)/(NPOINTS − 1) as `numpy.linspace` (LASTX exactly at the
 *   end), y = Y·YFACTOR;
 *   the decoded count must equal
 *   NPOINTS. The abscissa that starts each line (times XFACTOR) must progress from FIRSTX
 *   towards LASTX; its value is not otherwise compared, since writers round it.
 * - `##XYPOINTS=(XY..XY)` and `##PEAK TABLE=(XY..XY)`: AFFN pairs, x = X·XFACTOR,
 *   y = Y·YFACTOR, their count checked against NPOINTS when given.
 *
 * In a compound file the first block holding one of these tables is read (XYDATA preferred
 * within a block). Memory is bounded: nothing is allocated from NPOINTS beyond the size the text
 * can hold until the data prove it, NPOINTS above `maxPoints` is refused, and a DUP count may not
 * run past NPOINTS.
 *
 * @param text - The file content as a string.
 * @param options - `maxPoints`, see {@link ReadJcampOptions}.
 * @returns Abscissae, ordinates, units, title, parameters and, for NMR spectra in HZ with
 *   `.OBSERVE FREQUENCY` (or in PPM), the ppm axis; see {@link JcampSpectrum}.
 * @throws TypeError if `text` is not a string or `options` is not an object.
 * @throws RangeError (naming the line) if the file holds no 1D table (NTUPLES are not supported),
 *   a required record (FIRSTX, LASTX, NPOINTS for XYDATA) is missing or not a number, NPOINTS is
 *   not an integer in [1, maxPoints], a character is not AFFN/ASDF, a DIF Y-check fails, the point
 *   count differs from NPOINTS, lines run against FIRSTX → LASTX, or a value is not finite.
 *
 * @example
 * ```ts
 * import { readJcamp } from '@intercalate/nmr';
 * const spectrum = readJcamp(
 *   [
 *     '##TITLE= demo', '##JCAMP-DX= 4.24', '##DATA TYPE= NMR SPECTRUM',
 *     '##.OBSERVE FREQUENCY= 100', '##XUNITS= HZ', '##YUNITS= ARBITRARY UNITS',
 *     '##FIRSTX= 300', '##LASTX= 0', '##NPOINTS= 4', '##XFACTOR= 1', '##YFACTOR= 1',
 *     '##XYDATA= (X++(Y..Y))', '300A0JT', '100A2J0', '##END=',
 *   ].join('\n'),
 * );
 * spectrum.y; // Float64Array [10, 11, 12, 22]  (A2 on line 2 is the Y-check)
 * spectrum.ppm; // Float64Array [3, 2, 1, 0]
 * ```
 */
export function readJcamp(text: string, options: ReadJcampOptions = {}): JcampSpectrum {
  if (typeof text !== 'string') {
    throw new TypeError(
      `text must be the JCAMP-DX file content as a string; received ${describeValue(text)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const maxPoints = assertFiniteNumber('options.maxPoints', options.maxPoints ?? 16_777_216, {
    min: 1,
    integer: true,
  });
  const name = 'text';
  const { block, data } = selectBlock(parseJcampBlocks(text, name), name);
  const byKey = new Map<string, JcampRecord>();
  for (const record of block.records) if (!byKey.has(record.key)) byKey.set(record.key, record);
  const scalars: Scalars = { name, byKey };
  const xFactor = factor(scalars, 'XFACTOR', 'XFACTOR');
  const yFactor = factor(scalars, 'YFACTOR', 'YFACTOR');
  const npointsRecord = byKey.get('NPOINTS');
  const npointsValue = numberRecord(scalars, 'NPOINTS', 'NPOINTS');
  const npoints =
    npointsValue === undefined
      ? undefined
      : assertFiniteNumber(`${name} line ${npointsRecord?.line}: ##NPOINTS`, npointsValue, {
          min: 1,
          max: maxPoints,
          integer: true,
        });

  const head = data.text.split('\n', 1)[0] ?? '';
  const variables = head.replace(/\s/g, '').toUpperCase();
  const where = `${name} line ${data.line}`;
  let x: Float64Array;
  let y: Float64Array;
  let table: JcampSpectrum['table'];
  if (data.key === 'XYDATA') {
    table = 'XYDATA';
    if (!/^\(X\+\+\(([YRI])\.\.\1\)\)$/.test(variables)) {
      throw new RangeError(
        `${where}: ##XYDATA= must be (X++(Y..Y)); received ${JSON.stringify(head.trim())}`,
      );
    }
    const firstX = numberRecord(scalars, 'FIRSTX', 'FIRSTX');
    const lastX = numberRecord(scalars, 'LASTX', 'LASTX');
    if (firstX === undefined || lastX === undefined || npoints === undefined) {
      throw new RangeError(
        `${where}: ##XYDATA needs ##FIRSTX=, ##LASTX= and ##NPOINTS= in its block; ${[
          firstX === undefined ? 'FIRSTX' : '',
          lastX === undefined ? 'LASTX' : '',
          npoints === undefined ? 'NPOINTS' : '',
        ]
          .filter(Boolean)
          .join(', ')} missing`,
      );
    }
    y = decodeXyData(data, name, npoints, Math.sign(lastX - firstX), xFactor);
    scaleChecked(y, yFactor, 'y', name);
    // As numpy.linspace: x[i] = FIRSTX + i·step with step = (LASTX − FIRSTX)/(n − 1), the last
    // point set to LASTX. When LASTX − FIRSTX overflows (FIRSTX = 1e308, LASTX = −1e308) the
    // equivalent (1 − t)·FIRSTX + t·LASTX, t = i/(n − 1), is used instead.
    x = new Float64Array(npoints);
    const span = lastX - firstX;
    const step = npoints === 1 ? 0 : span / (npoints - 1);
    for (let i = 0; i < npoints; i++) {
      const t = npoints === 1 ? 0 : i / (npoints - 1);
      const value = Number.isFinite(span) ? firstX + i * step : (1 - t) * firstX + t * lastX;
      if (!Number.isFinite(value)) {
        throw new RangeError(`${where}: x[${i}] between FIRSTX and LASTX overflows`);
      }
      x[i] = value;
    }
    x[npoints - 1] = lastX;
  } else {
    table = data.key === 'XYPOINTS' ? 'XYPOINTS' : 'PEAK TABLE';
    if (variables !== '(XY..XY)') {
      throw new RangeError(
        `${where}: ##${data.label}= must be (XY..XY); received ${JSON.stringify(head.trim())}`,
      );
    }
    ({ x, y } = decodeXyPairs(data, name, maxPoints));
    if (npoints !== undefined && npoints !== x.length) {
      throw new RangeError(
        `${where}: ##NPOINTS= ${npoints} but ##${data.label} holds ${x.length} points; the file is truncated or corrupt`,
      );
    }
    scaleChecked(x, xFactor, 'x', name);
    scaleChecked(y, yFactor, 'y', name);
  }

  const parameters = jcampRecordsToParameters(block.records, { name }, SKIPPED);
  const xUnits = textRecord(scalars, 'XUNITS');
  const result: JcampSpectrum = {
    x,
    y,
    xUnits,
    yUnits: textRecord(scalars, 'YUNITS'),
    title: textRecord(scalars, 'TITLE'),
    dataType: textRecord(scalars, 'DATATYPE'),
    table,
    parameters,
  };
  const observe = numberRecord(scalars, '.OBSERVEFREQUENCY', '.OBSERVE FREQUENCY');
  if (observe !== undefined) {
    result.referenceFrequency = assertFiniteNumber(
      `${name} line ${byKey.get('.OBSERVEFREQUENCY')?.line}: ##.OBSERVE FREQUENCY`,
      observe,
      { min: 0, exclusiveMin: true, unit: 'MHz' },
    );
  }
  const units = xUnits.toUpperCase();
  if (units === 'PPM') {
    result.ppm = x.slice();
  } else if (units === 'HZ' && result.referenceFrequency !== undefined) {
    const ppm = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      ppm[i] = (x[i] as number) / result.referenceFrequency;
      if (!Number.isFinite(ppm[i] as number)) {
        throw new RangeError(
          `${name}: x[${i}] = ${x[i]} Hz / .OBSERVE FREQUENCY ${result.referenceFrequency} MHz overflows`,
        );
      }
    }
    result.ppm = ppm;
  }
  return result;
}
