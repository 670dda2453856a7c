import { assertFiniteNumber, assertNumericArray, describeValue, outputBuffer } from './validate.js';

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /**
   * Either the number of equal-width bins over `range` (a positive integer), or the bin edges
   * themselves: at least two values, non-decreasing (equal neighbours make an empty bin, as in
   * numpy), ±Infinity allowed, NaN not.
   * @defaultValue 10
   */
  bins?: number | ArrayLike<number>;
  /**
   * The lower and upper edge `[first, last]` of the equal-width bins, in the unit of `x`; values
   * outside are not counted. Only with an integer `bins` (numpy silently ignores a range given
   * with explicit edges; this function throws instead). When first = last the range becomes
   * [first − 0.5, last + 0.5], as in numpy.
   * @defaultValue `[min(x), max(x)]` (`[0, 1]` for an empty `x`)
   */
  range?: readonly [number, number] | ArrayLike<number>;
  /**
   * Buffer for the counts (length: the number of bins), overwritten and returned as `counts`;
   * saves an allocation when histograms are computed repeatedly.
   */
  out?: Float64Array;
}

/** The result of {@link histogram}. */
export interface Histogram {
  /**
   * How many values fall in each bin, as a Float64Array (integers, exact up to 2⁵³; numpy
   * returns int64). Bin i is the half-open interval [edges[i], edges[i + 1]), except the last,
   * which is closed: [edges[nBins − 1], edges[nBins]].
   */
  counts: Float64Array;
  /** The nBins + 1 bin edges, ascending, in the unit of `x`. */
  edges: Float64Array;
}

/**
 * Counts how many values of `x` fall in each bin, with the bins and the counting rules of
 * `numpy.histogram` (numpy 1.24, `density=False`, no weights), so that both programs give the
 * same counts for the same data, value for value.
 *
 * - Integer `bins`: equal-width edges over [first, last] = `range`, computed as numpy's
 *   `linspace` does, eᵢ = i·Δ + first with Δ = (last − first)/bins, and the last edge set to
 *   `last` exactly. Each value v is placed by numpy's rule: k = ⌊(v − first)·(bins/(last − first))⌋
 *   (k = bins for v = last is moved to bins − 1), then corrected by one bin if v < eₖ or
 *   v ≥ eₖ₊₁ (except in the last bin). The correction matters for values within an ulp of an
 *   edge: the rounded index can be off by one where the edge itself was rounded.
 * - Array `bins`: the edges as given; bin i holds eᵢ ≤ v < eᵢ₊₁, the last bin eᵢ ≤ v ≤ eₙ
 *   (found by binary search, as numpy's `searchsorted`).
 *
 * Every bin is half-open except the last, which includes its right edge; values outside the
 * edges are not counted. ±Infinity in `x` count as out-of-range values (and fall in a bin whose
 * edge is infinite); with the default range they make the range infinite, which numpy and this
 * function reject. Two deliberate departures from numpy, both errors where numpy would return a
 * questionable histogram: NaN in `x` throws (numpy drops it silently when a range or edges are
 * given), and so does a range too narrow for its bins to have distinct float64 edges (numpy then
 * builds repeated edges).
 *
 * @param x - The data (any unit).
 * @param options - See {@link HistogramOptions}.
 * @returns The counts and the edges; see {@link Histogram}.
 * @throws TypeError if `x` or `bins` is not a number array, `range` is not a pair of numbers, or
 * `out` is not a Float64Array.
 * @throws RangeError if `x` holds NaN (or ±Infinity without an explicit `range`); if `bins` is not
 * a positive integer or its edges are fewer than two, NaN or decreasing; if `range` is not finite,
 * has first > last, or is too narrow (or too wide) to split into float64 bins; if `range` is given
 * with explicit edges; or if `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { histogram } from '@intercalate/numerics';
 * const { counts, edges } = histogram([1, 2, 2, 3, 3, 3, 4], { bins: 3 });
 * // edges Float64Array [1, 2, 3, 4]; counts Float64Array [1, 2, 4] (the last bin holds 4)
 * histogram([0.5, 1, 1.5, 7], { bins: [0, 1, 2] }).counts; // Float64Array [1, 2]: 7 is outside
 * ```
 */
export function histogram(x: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  assertNumericArray('x', x, { finite: false });
  const bins = options.bins ?? 10;
  if (typeof bins === 'number') {
    assertFiniteNumber('bins', bins, { min: 1, max: 2 ** 31 - 1, integer: true });
    const [first, last] = outerEdges(x, options.range);
    const edges = uniformEdges(first, last, bins);
    const counts = outputBuffer(options.out, bins, 'the number of bins').fill(0);
    countUniform(x, first, last, bins, edges, counts);
    return { counts, edges };
  }
  if (typeof bins !== 'object' || bins === null) {
    throw new TypeError(
      `bins must be a positive integer or an array of bin edges; received ${describeValue(bins)}`,
    );
  }
  if (options.range !== undefined) {
    throw new RangeError(
      `range must not be given together with an array of bin edges (the edges already fix the range); received range ${describeValue(options.range)}`,
    );
  }
  assertNumericArray('bins', bins, { minLength: 2, finite: false });
  const edges = Float64Array.from(bins);
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as number;
    if (Number.isNaN(edge)) {
      throw new RangeError(`bins[${i}] must be a number or ±Infinity; received NaN`);
    }
    if (i > 0 && edge < (edges[i - 1] as number)) {
      throw new RangeError(
        `bins must be non-decreasing bin edges; received bins[${i}] = ${edge} < bins[${i - 1}] = ${edges[i - 1]}`,
      );
    }
  }
  const counts = outputBuffer(options.out, edges.length - 1, 'the number of bins').fill(0);
  countSearched(x, edges, counts);
  return { counts, edges };
}

function nanError(index: number): RangeError {
  return new RangeError(`x[${index}] must be a number, not NaN; received NaN`);
}

/** numpy's `_get_outer_edges`: the range, or [min, max] of the data, widened when degenerate. */
function outerEdges(x: ArrayLike<number>, range: unknown): [number, number] {
  let first: number;
  let last: number;
  if (range !== undefined) {
    if (
      typeof range !== 'object' ||
      range === null ||
      (range as ArrayLike<unknown>).length !== 2 ||
      typeof (range as ArrayLike<unknown>)[0] !== 'number' ||
      typeof (range as ArrayLike<unknown>)[1] !== 'number'
    ) {
      throw new TypeError(
        `range must be a pair [first, last] of numbers; received ${describeValue(range)}`,
      );
    }
    first = assertFiniteNumber('range[0]', (range as ArrayLike<number>)[0]);
    last = assertFiniteNumber('range[1]', (range as ArrayLike<number>)[1]);
    if (first > last) {
      throw new RangeError(`range must satisfy range[0] ≤ range[1]; received [${first}, ${last}]`);
    }
  } else if (x.length === 0) {
    first = 0;
    last = 1;
  } else {
    first = Number.POSITIVE_INFINITY;
    last = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (v < first) first = v;
      if (v > last) last = v;
      if (Number.isNaN(v)) throw nanError(i);
    }
    if (!Number.isFinite(first) || !Number.isFinite(last)) {
      const index = Array.prototype.findIndex.call(x, (v: number) => !Number.isFinite(v));
      throw new RangeError(
        `x[${index}] must be finite when no range is given (the range would be [${first}, ${last}]); received ${x[index]}`,
      );
    }
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  return [first, last];
}

/** numpy's `linspace(first, last, bins + 1)`: eᵢ = i·Δ + first, the last edge exactly `last`. */
function uniformEdges(first: number, last: number, bins: number): Float64Array {
  const width = last - first;
  if (!(width > 0) || !Number.isFinite(width) || !Number.isFinite(bins / width)) {
    throw new RangeError(
      `range [${first}, ${last}] cannot be split into ${bins} float64 bins (its width ${width} must be positive, finite and not subnormal)`,
    );
  }
  const edges = new Float64Array(bins + 1);
  // numpy has a second formula for a step that underflows to 0; the width check above excludes it.
  const step = width / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  for (let i = 1; i <= bins; i++) {
    if (!((edges[i] as number) > (edges[i - 1] as number))) {
      throw new RangeError(
        `range [${first}, ${last}] is too narrow for ${bins} distinct float64 bin edges`,
      );
    }
  }
  return edges;
}

/** Equal-width counting by numpy's index-then-correct rule. @internal */
function countUniform(
  x: ArrayLike<number>,
  first: number,
  last: number,
  bins: number,
  edges: Float64Array,
  counts: Float64Array,
): void {
  const n = x.length;
  const norm = bins / (last - first);
  const lastBin = bins - 1;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v >= first && v <= last) {
      let k = ((v - first) * norm) | 0;
      if (k === bins) k = lastBin;
      if (v < (edges[k] as number)) k--;
      else if (v >= (edges[k + 1] as number) && k !== lastBin) k++;
      counts[k] = (counts[k] as number) + 1;
    } else if (Number.isNaN(v)) {
      // numpy drops NaN silently when a range is given; this function rejects it.
      throw nanError(i);
    }
  }
}

/** Counting against explicit edges by binary search (numpy's `searchsorted` semantics). */
function countSearched(x: ArrayLike<number>, edges: Float64Array, counts: Float64Array): void {
  const n = x.length;
  const m = edges.length;
  const firstEdge = edges[0] as number;
  const lastEdge = edges[m - 1] as number;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (Number.isNaN(v)) throw nanError(i);
    if (v < firstEdge || v > lastEdge) continue;
    // The first edge > v; v ≥ edges[0], so it is at least 1.
    let low = 1;
    let high = m;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((edges[middle] as number) > v) high = middle;
      else low = middle + 1;
    }
    // low = m: v equals the last edge, which the last bin includes.
    const bin = low === m ? m - 2 : low - 1;
    counts[bin] = (counts[bin] as number) + 1;
  }
}
