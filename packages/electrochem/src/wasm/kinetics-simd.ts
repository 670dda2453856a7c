/**
 * Runs the WebAssembly SIMD kinetics kernels over arrays of any length: the module is compiled
 * once, on first use, from the bytes that `kinetics-simd-kernels.ts` assembles; arrays stream
 * through its memory in chunks of {@link CHUNK} elements (copied in, computed, copied out), and
 * every group of four that a kernel declines (arguments outside its range, or the last < 4
 * elements) is computed by the scalar kernels instead. When WebAssembly or its SIMD extension is
 * unavailable the functions return `false` and the caller uses its scalar loop.
 *
 * Internal to the package: not exported from `index.ts`.
 *
 * @module
 */
import {
  CHUNK,
  GROUP,
  INPUT_ADDRESS,
  kineticsModuleBytes,
  LOG_TABLE_BYTES,
  logTable,
  OUTPUT_ADDRESS,
} from './kinetics-simd-kernels.js';

/** Arrays shorter than this are not worth the copies: the callers' scalar loops handle them. */
export const SIMD_MIN_LENGTH = 64;

interface KineticsSimd {
  expm1Difference(
    input: number,
    output: number,
    n: number,
    a: number,
    c: number,
    scale: number,
  ): number;
  twoSinh(input: number, output: number, n: number, a: number, scale: number): number;
  scaledAsinh(input: number, output: number, n: number, mulIn: number, mulOut: number): number;
  input: Float64Array;
  output: Float64Array;
}

/** The part of the WebAssembly JavaScript API used here (typed locally: no DOM lib needed). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let compiled: KineticsSimd | null | undefined;

/** The instantiated kernels, or null where WebAssembly SIMD is not available. */
function kernels(): KineticsSimd | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (wasm === undefined) return compiled;
  try {
    const bytes = kineticsModuleBytes();
    if (!wasm.validate(bytes)) return compiled;
    const instance = new wasm.Instance(new wasm.Module(bytes), {});
    const exports = instance.exports as unknown as {
      memory: { buffer: ArrayBuffer };
      expm1Difference: KineticsSimd['expm1Difference'];
      twoSinh: KineticsSimd['twoSinh'];
      scaledAsinh: KineticsSimd['scaledAsinh'];
    };
    const buffer = exports.memory.buffer;
    new Float64Array(buffer, 0, LOG_TABLE_BYTES / 8).set(logTable());
    compiled = {
      expm1Difference: exports.expm1Difference,
      twoSinh: exports.twoSinh,
      scaledAsinh: exports.scaledAsinh,
      input: new Float64Array(buffer, INPUT_ADDRESS, CHUNK),
      output: new Float64Array(buffer, OUTPUT_ADDRESS, CHUNK),
    };
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Copies `source[start … start + length)` into the kernels' input chunk. */
function copyIn(
  target: Float64Array,
  source: ArrayLike<number>,
  start: number,
  length: number,
): void {
  if (source instanceof Float64Array) {
    target.set(source.subarray(start, start + length));
    return;
  }
  for (let j = 0; j < length; j++) target[j] = source[start + j] as number;
}

/** Chunk positions of the groups a kernel declined, reused between calls. */
let declined = new Int32Array(64);

/**
 * Runs a kernel over the chunk now in the input buffer: `run(offset, count)` returns how many
 * elements it finished from chunk element `offset`; each group of four after that (or the last
 * < 4 elements) is declined. Returns the number of declined positions, stored in `declined`.
 */
function sweepChunk(length: number, run: (offset: number, count: number) => number): number {
  let count = 0;
  let offset = 0;
  while (offset < length) {
    offset += run(offset, length - offset);
    const end = Math.min(offset + GROUP, length);
    for (; offset < end; offset++) {
      if (count === declined.length) {
        const grown = new Int32Array(2 * count);
        grown.set(declined);
        declined = grown;
      }
      declined[count++] = offset;
    }
  }
  return count;
}

/** Whether the WebAssembly SIMD kernels can run here (compiles them on the first call). */
export function kineticsSimdAvailable(): boolean {
  return kernels() !== null;
}

/**
 * Streams `x` through a kernel chunk by chunk: copies each chunk in, runs `run(offset, count)`
 * (addresses of chunk element `offset`), copies the results to `out` (times `perPointScale[k]`
 * when given) and overwrites the declined elements with `scalarAt(k)`.
 */
function streamThroughKernel(
  simd: KineticsSimd,
  x: ArrayLike<number>,
  out: Float64Array,
  run: (input: number, output: number, count: number) => number,
  scalarAt: (k: number) => number,
  perPointScale?: ArrayLike<number>,
): void {
  const { input, output } = simd;
  for (let start = 0; start < x.length; start += CHUNK) {
    const length = Math.min(CHUNK, x.length - start);
    copyIn(input, x, start, length);
    const count = sweepChunk(length, (offset, n) =>
      run(INPUT_ADDRESS + 8 * offset, OUTPUT_ADDRESS + 8 * offset, n),
    );
    if (perPointScale === undefined) {
      out.set(length === CHUNK ? output : output.subarray(0, length), start);
    } else {
      for (let j = 0; j < length; j++) {
        out[start + j] = (output[j] as number) * (perPointScale[start + j] as number);
      }
    }
    for (let d = 0; d < count; d++) {
      const k = start + (declined[d] as number);
      out[k] = scalarAt(k);
    }
  }
}

/**
 * out[k] = scale·(expm1(a·x[k]) − expm1(−c·x[k])) — times `perPointScale[k]` as well when given
 * — by the SIMD kernel (the one-exponential 2·sinh(a·x) kernel when a = c); out[k] = `scalarAt(k)` for the elements it declines (max(|a·x|, |c·x|) >
 * 700, NaN or ±Infinity: `scalarAt` validates them, and the last < 4 elements). Returns false,
 * having written nothing, where WebAssembly SIMD is unavailable.
 */
export function expm1DifferenceArray(
  x: ArrayLike<number>,
  a: number,
  c: number,
  scale: number,
  perPointScale: ArrayLike<number> | undefined,
  out: Float64Array,
  scalarAt: (k: number) => number,
): boolean {
  const simd = kernels();
  if (simd === null) return false;
  streamThroughKernel(
    simd,
    x,
    out,
    a === c
      ? (input, output, count) => simd.twoSinh(input, output, count, a, scale)
      : (input, output, count) => simd.expm1Difference(input, output, count, a, c, scale),
    scalarAt,
    perPointScale,
  );
  return true;
}

/**
 * out[k] = mulOut·asinh(mulIn·x[k]) by the SIMD kernel; out[k] = `scalarAt(k)` for the elements
 * it declines (|mulIn·x| > 2⁵⁰⁰ or < 2⁻¹⁰⁰⁰, including 0; NaN or ±Infinity: `scalarAt` validates
 * them; the last < 4 elements). Returns false, having written nothing, where WebAssembly SIMD is
 * unavailable.
 */
export function scaledAsinhArray(
  x: ArrayLike<number>,
  mulIn: number,
  mulOut: number,
  out: Float64Array,
  scalarAt: (k: number) => number,
): boolean {
  const simd = kernels();
  if (simd === null) return false;
  streamThroughKernel(
    simd,
    x,
    out,
    (input, output, count) => simd.scaledAsinh(input, output, count, mulIn, mulOut),
    scalarAt,
  );
  return true;
}
