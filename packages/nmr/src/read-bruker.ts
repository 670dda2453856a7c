import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { type JcampValue, parseJcampParameters } from './jcamp-parameters.js';
import { ppmAxis } from './ppm-axis.js';

/**
 * The files of a processed Bruker 1D data set, as contents (not paths) so that the reader also
 * runs in browsers. In a TopSpin experiment directory `<expno>/`, they are
 * `<expno>/pdata/<procno>/1r`, `<expno>/pdata/<procno>/procs` and `<expno>/acqus`.
 */
export interface BrukerFiles {
  /** The processed real spectrum `pdata/<procno>/1r`, as bytes (a Node `Buffer` is accepted). */
  '1r': Uint8Array | ArrayBuffer;
  /** The processing parameters `pdata/<procno>/procs` (a JCAMP-DX text). */
  procs: string;
  /**
   * The acquisition parameters `acqus` (a JCAMP-DX text), used for the nucleus NUC1; optional.
   */
  acqus?: string;
}

/** The result of {@link readBruker}. */
export interface BrukerSpectrum {
  /** Intensities of the SI points, raw · 2^NC_proc (TopSpin's and nmrglue's scaling), left to right. */
  intensities: Float64Array;
  /** Chemical shift of each point in ppm, decreasing: ppm[i] = OFFSET − i·SW_p/(SF·SI). */
  ppm: Float64Array;
  /**
   * The observed nucleus as Bruker writes it (e.g. `'7Li'`): NUC1 of `acqus`, else AXNUC of
   * `procs`, else `undefined`.
   */
  nucleus: string | undefined;
  /** Reference frequency SF in MHz (the frequency of 0 ppm, SF = BF1 + SR/10⁶), from `procs`. */
  referenceFrequency: number;
  /** Spectral width SW_p in Hz spanned by the SI points, from `procs`. */
  spectralWidth: number;
  /**
   * All parameters, keyed by Bruker name without the `$` (as nmrglue): `procs` and, when given,
   * `acqus`. Values typed as numbers, strings or arrays (see {@link JcampValue}).
   */
  parameters: {
    /** Processing parameters from `procs`. */
    procs: Record<string, JcampValue>;
    /** Acquisition parameters from `acqus`, when the file was given. */
    acqus?: Record<string, JcampValue>;
  };
}

function requireNumber(
  parameters: Record<string, JcampValue>,
  key: string,
  file: string,
): number | undefined {
  const value = parameters[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    throw new RangeError(`${file} ##$${key} must be a number; received ${describeValue(value)}`);
  }
  return value;
}

function required(parameters: Record<string, JcampValue>, key: string, file: string): number {
  const value = requireNumber(parameters, key, file);
  if (value === undefined) {
    throw new RangeError(`${file} must contain ##$${key}=; it is missing`);
  }
  return value;
}

function stringParameter(
  parameters: Record<string, JcampValue> | undefined,
  key: string,
): string | undefined {
  const value = parameters?.[key];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'off' ? undefined : trimmed;
}

/**
 * Reads a processed Bruker 1D spectrum (`1r` with its `procs` and optionally `acqus`) into
 * intensities and a ppm axis.
 *
 * - Binary format from `procs`: BYTORDP (0 little-endian, 1 big-endian; required), DTYPP (0
 *   int32, 2 float64; 0 when absent, as nmrglue), SI points.
 * - Scaling: intensity = raw · 2^NC_proc (NC_proc required, an integer in [−100, 100]), applied
 *   to both data types as TopSpin and nmrglue's `bruker.scale_pdata` do.
 * - Axis: {@link ppmAxis} with SI, SW_p (Hz), SF (MHz) and OFFSET (ppm of the first point):
 *   ppm[i] = OFFSET − i·SW_p/(SF·SI). SF, not BF1, is the reference frequency (SF = BF1 + SR/10⁶).
 * - Nucleus: NUC1 from `acqus` (e.g. `'7Li'`), else AXNUC from `procs`.
 *
 * The byte length of `1r` is checked against SI × element size before anything is allocated, so
 * a truncated, padded or mislabelled file fails instead of being read as a wrong spectrum, and
 * memory stays bounded by the input. Not supported (RangeError): 2D and higher data (PPARMOD ≠ 0),
 * strip-transformed spectra (STSR ≠ 0 or 0 < STSI < FTSIZE, whose SW_p and OFFSET do not describe
 * the stored points) and data types other than int32/float64.
 *
 * In Node, read the three files with `readFileSync` (`1r` as bytes, `procs` and `acqus` as
 * `'latin1'` text) and pass their contents, as in the example.
 *
 * @param files - File contents, see {@link BrukerFiles}.
 * @returns Intensities, ppm axis, nucleus, SF (MHz), SW_p (Hz) and all parameters.
 * @throws TypeError if `files` is not an object, `1r` is not a `Uint8Array`/`ArrayBuffer`, or
 *   `procs`/`acqus` is not a string.
 * @throws RangeError (naming the file and, for text, the line) if a required procs parameter is
 *   missing or invalid, the `1r` length is not SI × 4 (int32) or SI × 8 (float64) bytes, a float
 *   value is NaN or infinite, or the data set is of an unsupported kind (see above).
 *
 * @example
 * ```ts
 * import { readBruker } from '@intercalate/nmr';
 * // From a TopSpin folder <expno>/pdata/<procno>, in Node:
 * //   readBruker({ '1r': readFileSync(`${dir}/pdata/1/1r`),
 * //                procs: readFileSync(`${dir}/pdata/1/procs`, 'latin1'),
 * //                acqus: readFileSync(`${dir}/acqus`, 'latin1') });
 * // Here a 4-point data set written in memory (int32, little-endian, NC_proc = 0):
 * const procs = ['##$SI= 4', '##$SF= 155.5', '##$SW_p= 1555', '##$OFFSET= 5',
 *   '##$BYTORDP= 0', '##$DTYPP= 0', '##$NC_proc= 0', '##$AXNUC= <7Li>', '##END='].join('\n');
 * const spectrum = readBruker({ '1r': new Uint8Array(Int32Array.of(1, 8, 3, 0).buffer), procs });
 * spectrum.nucleus; // '7Li'
 * spectrum.ppm[0]; // 5: OFFSET, the high-ppm edge
 * ```
 */
export function readBruker(files: BrukerFiles): BrukerSpectrum {
  if (typeof files !== 'object' || files === null) {
    throw new TypeError(
      `files must be an object { '1r', procs, acqus? } of file contents; received ${describeValue(files)}`,
    );
  }
  const raw = files['1r'];
  let bytes: DataView;
  if (raw instanceof ArrayBuffer) bytes = new DataView(raw);
  else if (raw instanceof Uint8Array)
    bytes = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  else {
    throw new TypeError(
      `files['1r'] must be the 1r file content as a Uint8Array or ArrayBuffer; received ${describeValue(raw)}`,
    );
  }
  if (typeof files.procs !== 'string') {
    throw new TypeError(
      `files.procs must be the procs file content as a string; received ${describeValue(files.procs)}`,
    );
  }
  if (files.acqus !== undefined && typeof files.acqus !== 'string') {
    throw new TypeError(
      `files.acqus must be the acqus file content as a string or undefined; received ${describeValue(files.acqus)}`,
    );
  }
  const procs = parseJcampParameters(files.procs, { stripDollar: true, name: 'files.procs' });
  const acqus =
    files.acqus === undefined
      ? undefined
      : parseJcampParameters(files.acqus, { stripDollar: true, name: 'files.acqus' });

  const name = (key: string) => `files.procs ##$${key}`;
  const pparmod = requireNumber(procs, 'PPARMOD', 'files.procs') ?? 0;
  if (pparmod !== 0) {
    throw new RangeError(
      `${name('PPARMOD')} must be 0 (1D data); received ${pparmod}: only 1D spectra are supported`,
    );
  }
  const size = assertFiniteNumber(name('SI'), required(procs, 'SI', 'files.procs'), {
    min: 1,
    integer: true,
  });
  const byteOrder = assertFiniteNumber(name('BYTORDP'), required(procs, 'BYTORDP', 'files.procs'), {
    min: 0,
    max: 1,
    integer: true,
  });
  const dataType = requireNumber(procs, 'DTYPP', 'files.procs') ?? 0;
  if (dataType !== 0 && dataType !== 2) {
    throw new RangeError(
      `${name('DTYPP')} must be 0 (int32) or 2 (float64); received ${describeValue(dataType)}`,
    );
  }
  const scaleExponent = assertFiniteNumber(
    name('NC_proc'),
    required(procs, 'NC_proc', 'files.procs'),
    { min: -100, max: 100, integer: true },
  );
  const referenceFrequency = assertFiniteNumber(name('SF'), required(procs, 'SF', 'files.procs'), {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  const spectralWidth = assertFiniteNumber(name('SW_p'), required(procs, 'SW_p', 'files.procs'), {
    min: 0,
    exclusiveMin: true,
    unit: 'Hz',
  });
  const offset = assertFiniteNumber(name('OFFSET'), required(procs, 'OFFSET', 'files.procs'), {
    unit: 'ppm',
  });
  const stripStart = requireNumber(procs, 'STSR', 'files.procs') ?? 0;
  const stripSize = requireNumber(procs, 'STSI', 'files.procs') ?? 0;
  const ftSize = requireNumber(procs, 'FTSIZE', 'files.procs');
  if (stripStart !== 0 || (stripSize > 0 && ftSize !== undefined && stripSize < ftSize)) {
    throw new RangeError(
      `files.procs describes a strip transform (STSR = ${stripStart}, STSI = ${stripSize}, FTSIZE = ${ftSize}); strip-transformed spectra are not supported`,
    );
  }

  const elementSize = dataType === 0 ? 4 : 8;
  const expectedBytes = size * elementSize;
  if (bytes.byteLength !== expectedBytes) {
    throw new RangeError(
      `files['1r'] must hold SI × ${elementSize} = ${expectedBytes} bytes (SI = ${size}, ${dataType === 0 ? 'int32' : 'float64'}); received ${bytes.byteLength} bytes: the file is ${bytes.byteLength < expectedBytes ? 'truncated' : 'longer than procs says'}`,
    );
  }

  const littleEndian = byteOrder === 0;
  const scale = 2 ** scaleExponent;
  const intensities = new Float64Array(size);
  if (dataType === 0) {
    for (let i = 0; i < size; i++) intensities[i] = bytes.getInt32(4 * i, littleEndian) * scale;
  } else {
    for (let i = 0; i < size; i++) {
      const value = bytes.getFloat64(8 * i, littleEndian) * scale;
      if (!Number.isFinite(value)) {
        throw new RangeError(
          `files['1r'] point ${i} is ${bytes.getFloat64(8 * i, littleEndian)} (scaled by 2^${scaleExponent}: ${value}); every intensity must be finite`,
        );
      }
      intensities[i] = value;
    }
  }

  const step = spectralWidth / referenceFrequency / size;
  if (!(step > 0 && Number.isFinite(step) && Number.isFinite(offset - (size - 1) * step))) {
    throw new RangeError(
      `files.procs gives no finite, non-degenerate ppm axis: SW_p = ${spectralWidth} Hz, SF = ${referenceFrequency} MHz, SI = ${size}, OFFSET = ${offset} ppm`,
    );
  }
  const ppm = ppmAxis({ size, spectralWidth, referenceFrequency, offset });
  const nucleus = stringParameter(acqus, 'NUC1') ?? stringParameter(procs, 'AXNUC');
  const parameters: BrukerSpectrum['parameters'] = { procs };
  if (acqus !== undefined) parameters.acqus = acqus;
  return { intensities, ppm, nucleus, referenceFrequency, spectralWidth, parameters };
}
