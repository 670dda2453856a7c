/**
 * Messages between `fitPatternSeriesParallel` and its worker threads, and the packing of a chunk
 * of patterns into one transferable Float64Array.
 *
 * @internal
 * @module
 */
import { assertNumericArray } from '@intercalate/numerics';
import type { PatternData, PatternSeriesModel } from './fit-pattern-series.js';
import type { FitPeaksResult } from './fit-peaks.js';

/** Offset and length of one array inside a chunk's packed data. */
type Span = readonly [offset: number, length: number];

/** One pattern of a chunk: its index in the series and where its arrays are in the data. */
export interface PackedPattern {
  index: number;
  x: Span;
  y: Span;
  sigma?: Span;
}

/** What a worker receives (as `workerData`, the data's buffer transferred). */
export interface ChunkTask {
  model: PatternSeriesModel;
  data: Float64Array;
  patterns: PackedPattern[];
}

/** What a worker posts: one entry per pattern, in order, then `done`. */
export type ToMainMessage =
  | { type: 'entry'; ok: true; index: number; fit: FitPeaksResult }
  | {
      type: 'entry';
      ok: false;
      index: number;
      error: { name: string; message: string };
      fit?: FitPeaksResult;
    }
  | { type: 'done' };

/**
 * Whether the pattern's arrays can be copied faithfully into a chunk (an object whose x, y and
 * optional sigma are arrays or typed arrays of numbers, of any values). Patterns that cannot are
 * fitted, which then fails with the error the sequential series reports, on the calling thread.
 */
export function isPackable(pattern: unknown): pattern is PatternData {
  if (typeof pattern !== 'object' || pattern === null) return false;
  const { x, y, sigma } = pattern as PatternData;
  try {
    assertNumericArray('x', x, { finite: false });
    assertNumericArray('y', y, { finite: false });
    if (sigma !== undefined) assertNumericArray('sigma', sigma, { finite: false });
    return true;
  } catch {
    return false;
  }
}

/**
 * Packs patterns (all packable) into one Float64Array. An x array shared by several patterns (the
 * usual case: one 2θ axis for the whole series) is stored once.
 */
export function packPatterns(patterns: ReadonlyArray<{ index: number; pattern: PatternData }>): {
  data: Float64Array;
  packed: PackedPattern[];
} {
  const seen = new Map<ArrayLike<number>, Span>();
  let size = 0;
  const place = (values: ArrayLike<number>, shared: boolean): Span => {
    const known = shared ? seen.get(values) : undefined;
    if (known !== undefined) return known;
    const span: Span = [size, values.length];
    size += values.length;
    if (shared) seen.set(values, span);
    return span;
  };
  const packed = patterns.map(({ index, pattern }): PackedPattern => {
    const entry: PackedPattern = {
      index,
      x: place(pattern.x, true),
      y: place(pattern.y, false),
    };
    if (pattern.sigma !== undefined) entry.sigma = place(pattern.sigma, false);
    return entry;
  });
  const data = new Float64Array(size);
  const written = new Set<number>();
  patterns.forEach(({ pattern }, k) => {
    const p = packed[k] as PackedPattern;
    const copy = (values: ArrayLike<number>, [offset]: Span): void => {
      if (written.has(offset)) return;
      written.add(offset);
      if (ArrayBuffer.isView(values)) data.set(values as unknown as ArrayLike<number>, offset);
      else for (let i = 0; i < values.length; i++) data[offset + i] = values[i] as number;
    };
    copy(pattern.x, p.x);
    copy(pattern.y, p.y);
    if (pattern.sigma !== undefined && p.sigma !== undefined) copy(pattern.sigma, p.sigma);
  });
  return { data, packed };
}

/** The pattern of a descriptor, as views into the chunk's data. */
export function unpackPattern(data: Float64Array, p: PackedPattern): PatternData {
  const view = ([offset, length]: Span): Float64Array => data.subarray(offset, offset + length);
  const pattern: PatternData = { x: view(p.x), y: view(p.y) };
  if (p.sigma !== undefined) pattern.sigma = view(p.sigma);
  return pattern;
}

/** The distinct buffers of a fit's typed arrays, to transfer rather than copy. */
export function transferablesOf(fit: FitPeaksResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [
    fit.background,
    fit.backgroundStandardErrors,
    fit.covariance,
    fit.x,
    fit.fitted,
    fit.residuals,
  ]) {
    if (array.buffer instanceof ArrayBuffer && array.byteLength > 0) buffers.add(array.buffer);
  }
  return [...buffers];
}
