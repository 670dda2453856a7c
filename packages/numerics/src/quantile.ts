import { assertFiniteNumber, assertNumericArray, describeValue } from './validate.js';

/**
 * Quantiles of a sample by numpy's default `'linear'` method: definition 7 of Hyndman & Fan,
 * "Sample quantiles in statistical packages", The American Statistician 50(4):361, 1996 (also the
 * default of R's `quantile` and of pandas).
 *
 * With the data sorted ascending as x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, the quantile q ∈ [0, 1] sits at the virtual
 * index h = (n − 1)·q; with i = ⌊h⌋ and γ = h − i it is the linear interpolation between x₍ᵢ₎ and
 * x₍ᵢ₊₁₎. It is evaluated in the same two-sided form as numpy (`numpy.lib.function_base._lerp`):
 *
 * Q(q) = x₍ᵢ₎ + (x₍ᵢ₊₁₎ − x₍ᵢ₎)·γ when γ < ½, and x₍ᵢ₊₁₎ − (x₍ᵢ₊₁₎ − x₍ᵢ₎)·(1 − γ) otherwise,
 *
 * and Q(q) = x₍ₙ₋₁₎ when h ≥ n − 1, so the results equal `numpy.quantile(x, q)` (numpy 1.24) bit
 * for bit. q = 0.5 is the median (the mean of the two middle values for even n). Where numpy
 * returns NaN for data holding NaN, this function throws.
 *
 * Nothing is sorted: the needed order statistics are found by selection, in expected O(n) time.
 * For 32 768 values or more, a random sample (fixed seed, so timings are reproducible) brackets
 * each needed order statistic; one read-only pass over `x` (two when the q are spread over more
 * than three separate regions) counts the values below each bracket and copies the few inside
 * it, which are then searched by Floyd & Rivest's SELECT (CACM 18(3):173, 1975, Algorithm 489).
 * Shorter inputs, q needing more than six brackets, and the rare bracket that misses its order
 * statistic take the plain route: a copy of `x` searched by SELECT. SELECT sorts a sub-range
 * after too many partitioning rounds, so the worst case is O(n log n). `x` is never modified.
 *
 * @param x - The sample (any unit; the result has the same unit). At least one element, all finite.
 * @param q - The probability, in [0, 1] (not a percentage: 0.5 is the median).
 * @returns The quantile, in the unit of `x`.
 * @throws TypeError if `x` is not an array or typed array of numbers, or `q` is not a number.
 * @throws RangeError if `x` is empty or holds NaN or ±Infinity, or if `q` is outside [0, 1].
 *
 * @example
 * ```ts
 * import { quantile } from '@intercalate/numerics';
 * quantile([3, 1, 4, 1, 5], 0.5); // 3
 * quantile([1, 2, 3, 4], 0.5); // 2.5
 * quantile([1, 2, 3, 4], 0.25); // 1.75 (index 0.75 between 1 and 2)
 * ```
 */
export function quantile(x: ArrayLike<number>, q: number): number;
/**
 * Several quantiles of the same sample at once (the selection passes are shared); see the
 * single-`q` overload for the definition. Equals `numpy.quantile(x, q)` for a 1-D `q`.
 *
 * @param x - The sample. At least one element, all finite.
 * @param q - The probabilities, each in [0, 1], in any order (the result keeps that order).
 * @returns A new Float64Array with the quantile of each `q[j]`, in the unit of `x`.
 * @throws TypeError if `x` or `q` is not an array or typed array of numbers.
 * @throws RangeError if `x` is empty or holds NaN or ±Infinity, or if some `q[j]` is outside [0, 1].
 *
 * @example
 * ```ts
 * import { quantile } from '@intercalate/numerics';
 * quantile([10, 20, 30, 40, 50], [0, 0.5, 0.9]); // Float64Array [10, 30, 46]
 * ```
 */
export function quantile(x: ArrayLike<number>, q: ArrayLike<number>): Float64Array;
export function quantile(
  x: ArrayLike<number>,
  q: number | ArrayLike<number>,
): number | Float64Array {
  assertNumericArray('x', x, { minLength: 1, finite: false });
  const n = x.length;
  if (typeof q === 'number') {
    assertFiniteNumber('q', q, { min: 0, max: 1 });
    const h = (n - 1) * q;
    if (h >= n - 1) return orderStatistics(x, [n - 1])[0] as number;
    const i = Math.floor(h);
    const values = orderStatistics(x, [i, i + 1]);
    return interpolate(values[0] as number, values[1] as number, h - i);
  }
  if (typeof q !== 'object' || q === null) {
    throw new TypeError(
      `q must be a number in [0, 1] or an array of them; received ${describeValue(q)}`,
    );
  }
  assertNumericArray('q', q);
  const m = q.length;
  const result = new Float64Array(m);
  for (let j = 0; j < m; j++) assertFiniteNumber(`q[${j}]`, q[j], { min: 0, max: 1 });
  const wanted = new Set<number>();
  for (let j = 0; j < m; j++) {
    const h = (n - 1) * (q[j] as number);
    if (h >= n - 1) {
      wanted.add(n - 1);
    } else {
      const i = Math.floor(h);
      wanted.add(i);
      wanted.add(i + 1);
    }
  }
  if (m === 0) {
    checkAllFinite(x);
    return result;
  }
  const ranks = Array.from(wanted).sort((a, b) => a - b);
  const values = orderStatistics(x, ranks);
  const valueOfRank = new Map<number, number>();
  for (let r = 0; r < ranks.length; r++) valueOfRank.set(ranks[r] as number, values[r] as number);
  for (let j = 0; j < m; j++) {
    const h = (n - 1) * (q[j] as number);
    if (h >= n - 1) {
      result[j] = valueOfRank.get(n - 1) as number;
    } else {
      const i = Math.floor(h);
      result[j] = interpolate(
        valueOfRank.get(i) as number,
        valueOfRank.get(i + 1) as number,
        h - i,
      );
    }
  }
  return result;
}

/** numpy's two-sided linear interpolation (exact at both ends). @internal */
function interpolate(below: number, above: number, gamma: number): number {
  const difference = above - below;
  return gamma >= 0.5 ? above - difference * (1 - gamma) : below + difference * gamma;
}

/** Inputs shorter than this are copied and searched directly. @internal */
const SAMPLING_THRESHOLD = 1 << 15;
/** Size of the random sample that brackets the wanted order statistics. @internal */
const SAMPLE_SIZE = 1 << 13;
/** Half-width of a bracket, in standard deviations of a sample rank. @internal */
const BRACKET_SIGMAS = 4;

function nonFiniteError(index: number, value: number): RangeError {
  return new RangeError(`x[${index}] must be a finite number; received ${value}`);
}

/** Throws for the first non-finite element of `x`. @internal */
function checkAllFinite(x: ArrayLike<number>): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (!(Math.abs(v) <= Number.MAX_VALUE)) throw nonFiniteError(i, v);
  }
}

/**
 * The order statistics x₍ₖ₎ of `x` for the sorted, distinct, in-range `ranks`, in the same order.
 * Throws a RangeError for a non-finite element of `x`.
 * @internal
 */
function orderStatistics(x: ArrayLike<number>, ranks: readonly number[]): Float64Array {
  if (x.length >= SAMPLING_THRESHOLD) {
    const values = bracketedSelection(x, ranks);
    if (values !== undefined) return values;
  }
  const n = x.length;
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (!(Math.abs(v) <= Number.MAX_VALUE)) throw nonFiniteError(i, v);
    copy[i] = v;
  }
  selectMany(copy, 0, n - 1, ranks, 0, ranks.length);
  const values = new Float64Array(ranks.length);
  for (let r = 0; r < ranks.length; r++) values[r] = copy[ranks[r] as number] as number;
  return values;
}

/**
 * A bracket: the values v with lower ≤ v ≤ upper that also pass the one-comparison test
 * |v − centre| ≤ halfWidth (in floating point both sets are intervals containing `centre`, so
 * their intersection is one too). Members equal to `lower` or `upper` are counted, not copied,
 * so heavily tied data stays cheap.
 * @internal
 */
interface Bracket {
  lower: number;
  upper: number;
  centre: number;
  halfWidth: number;
  /** The ranks (into the whole input) this bracket should hold, ascending. */
  ranks: number[];
  /** Values of the whole input below `centre`, members or not. */
  belowCentre: number;
  /** Members below `centre`. */
  membersBelowCentre: number;
  /** Members equal to `lower`. */
  atLower: number;
  /** Members equal to `upper` (when upper ≠ lower). */
  atUpper: number;
  /** Members strictly between `lower` and `upper`, copied into `inner[0..innerCount)`. */
  inner: Float64Array;
  innerCount: number;
}

function makeBracket(lower: number, upper: number, ranks: number[], capacity: number): Bracket {
  return {
    lower,
    upper,
    centre: lower / 2 + upper / 2,
    halfWidth: upper / 2 - lower / 2,
    ranks,
    belowCentre: 0,
    membersBelowCentre: 0,
    atLower: 0,
    atUpper: 0,
    inner: new Float64Array(lower === upper ? 0 : capacity),
    innerCount: 0,
  };
}

/**
 * Records `v` (which passed the centre test) as a member if it lies in [lower, upper]; returns
 * whether it did.
 * @internal
 */
function admit(bracket: Bracket, v: number): boolean {
  if (v < bracket.lower || v > bracket.upper) return false;
  bracket.membersBelowCentre += +(v < bracket.centre); // branch-free: a coin flip

  if (v === bracket.lower) {
    bracket.atLower++;
  } else if (v === bracket.upper) {
    bracket.atUpper++;
  } else {
    if (bracket.innerCount === bracket.inner.length) grow(bracket);
    bracket.inner[bracket.innerCount++] = v;
  }
  return true;
}

/** Doubles the capacity of a bracket's buffer (rare: it starts 25 % above the expected need). */
function grow(bracket: Bracket): void {
  const larger = new Float64Array(Math.max(64, bracket.inner.length * 2));
  larger.set(bracket.inner);
  bracket.inner = larger;
}

/**
 * Sample-bracketed selection (the idea of Floyd & Rivest's SELECT, applied to the whole input in
 * one read-only pass). Returns undefined when a bracket misses one of its ranks; the caller then
 * falls back to a full copy. Throws for a non-finite element.
 * @internal
 */
function bracketedSelection(
  x: ArrayLike<number>,
  ranks: readonly number[],
): Float64Array | undefined {
  const n = x.length;
  const s = SAMPLE_SIZE;
  const sample = new Float64Array(s);
  let state = 0x2545f491; // xorshift32, fixed seed: reproducible timings
  for (let i = 0; i < s; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const v = x[Math.floor(((state >>> 0) / 4294967296) * n)] as number;
    if (!(Math.abs(v) <= Number.MAX_VALUE)) checkAllFinite(x);
    sample[i] = v;
  }
  // Sample positions that bracket each rank with a margin of BRACKET_SIGMAS standard deviations
  // of the binomial sample rank, merged where they overlap.
  const spans: { low: number; high: number; ranks: number[] }[] = [];
  for (const k of ranks) {
    const p = k / (n - 1);
    const centre = p * (s - 1);
    const spread = Math.ceil(BRACKET_SIGMAS * Math.sqrt(s * p * (1 - p))) + 8;
    const low = Math.floor(centre) - spread;
    const high = Math.ceil(centre) + spread;
    const last = spans[spans.length - 1];
    if (last !== undefined && low <= last.high) {
      last.low = Math.min(last.low, low);
      last.high = Math.max(last.high, high);
      last.ranks.push(k);
    } else {
      spans.push({ low, high, ranks: [k] });
    }
  }
  const positions: number[] = [];
  for (const span of spans) {
    if (span.low >= 0) positions.push(span.low);
    if (span.high < s) positions.push(span.high);
  }
  const sortedPositions = Array.from(new Set(positions)).sort((a, b) => a - b);
  selectMany(sample, 0, s - 1, sortedPositions, 0, sortedPositions.length);
  // Brackets must be disjoint in value: neighbours that touch (tied sample values) are merged.
  const merged: { low: number; high: number; lower: number; upper: number; ranks: number[] }[] = [];
  for (const span of spans) {
    const lower = span.low >= 0 ? (sample[span.low] as number) : -Number.MAX_VALUE;
    const upper = span.high < s ? (sample[span.high] as number) : Number.MAX_VALUE;
    const previous = merged[merged.length - 1];
    if (previous !== undefined && lower <= previous.upper) {
      previous.high = span.high;
      previous.upper = upper;
      previous.ranks.push(...span.ranks);
    } else {
      merged.push({ low: span.low, high: span.high, lower, upper, ranks: span.ranks });
    }
  }
  if (merged.length > MAX_BRACKETS) return undefined;
  const brackets = merged.map((b) => {
    // Initial capacity: the expected number of members plus 25 % (it grows if needed).
    const expected = Math.ceil((n * (Math.min(b.high, s) - Math.max(b.low, -1) + 1)) / s);
    return makeBracket(b.lower, b.upper, b.ranks, Math.min(n, expected + (expected >> 2) + 64));
  });
  // One counting pass per group of up to three brackets.
  const below = new Float64Array(BRACKETS_PER_PASS);
  for (let g = 0; g < brackets.length; g += BRACKETS_PER_PASS) {
    const group = brackets.slice(g, g + BRACKETS_PER_PASS);
    if (group.length === 1) {
      (group[0] as Bracket).belowCentre = scanOne(x, group[0] as Bracket);
    } else {
      scanMany(x, group, below);
      for (let j = 0; j < group.length; j++) (group[j] as Bracket).belowCentre = below[j] as number;
    }
  }
  const values = new Float64Array(ranks.length);
  let r = 0;
  for (const bracket of brackets) {
    const below = bracket.belowCentre - bracket.membersBelowCentre;
    const innerRanks: number[] = [];
    for (const k of bracket.ranks) {
      const local = k - below - bracket.atLower;
      if (k < below || local >= bracket.innerCount + bracket.atUpper) return undefined;
      if (local >= 0 && local < bracket.innerCount) innerRanks.push(local);
    }
    selectMany(bracket.inner, 0, bracket.innerCount - 1, innerRanks, 0, innerRanks.length);
    for (const k of bracket.ranks) {
      const local = k - below - bracket.atLower;
      values[r++] =
        local < 0
          ? bracket.lower
          : local < bracket.innerCount
            ? (bracket.inner[local] as number)
            : bracket.upper;
    }
  }
  return values;
}

/**
 * The counting pass for a single bracket (the common case: one q, or close q). Returns the number
 * of values below the bracket's centre. Kept free of object writes after the loop, which V8 could
 * not optimise ahead of time.
 * @internal
 */
function scanOne(x: ArrayLike<number>, bracket: Bracket): number {
  const n = x.length;
  const centre = bracket.centre;
  const halfWidth = bracket.halfWidth;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    below += +(v < centre); // branch-free: this comparison is a coin flip for a median
    if (Math.abs(v - centre) <= halfWidth) {
      admit(bracket, v);
    } else if (!(Math.abs(v) <= Number.MAX_VALUE)) {
      throw nonFiniteError(i, v);
    }
  }
  return below;
}

/** Brackets counted in one pass over the input. @internal */
const BRACKETS_PER_PASS = 3;
/** The most brackets (two passes); more, and a full copy is cheaper. @internal */
const MAX_BRACKETS = 2 * BRACKETS_PER_PASS;

/**
 * The counting pass for two or three disjoint brackets, ascending, with every counter in a local
 * variable. An unused third slot gets a centre of +∞ (every value is below it) and a negative
 * half-width (it admits nothing). Writes the number of values below each centre into `below`.
 * @internal
 */
function scanMany(x: ArrayLike<number>, brackets: Bracket[], below: Float64Array): void {
  const n = x.length;
  const b0 = brackets[0] as Bracket;
  const b1 = brackets[1] as Bracket;
  const b2 = brackets[2] ?? b0;
  const c0 = b0.centre;
  const c1 = b1.centre;
  const c2 = brackets.length > 2 ? b2.centre : Number.POSITIVE_INFINITY;
  const h0 = b0.halfWidth;
  const h1 = b1.halfWidth;
  const h2 = brackets.length > 2 ? b2.halfWidth : -1;
  let below0 = 0;
  let below1 = 0;
  let below2 = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    below0 += +(v < c0); // branch-free, see scanOne
    below1 += +(v < c1);
    below2 += +(v < c2);
    if (Math.abs(v - c0) <= h0 && admit(b0, v)) continue;
    if (Math.abs(v - c1) <= h1 && admit(b1, v)) continue;
    if (Math.abs(v - c2) <= h2 && admit(b2, v)) continue;
    if (!(Math.abs(v) <= Number.MAX_VALUE)) throw nonFiniteError(i, v);
  }
  below[0] = below0;
  below[1] = below1;
  below[2] = below2;
}

/**
 * Rearranges `a[left..right]` so that each `ranks[from..to)` (sorted, within the range) holds its
 * order statistic: select the middle rank, then recurse into the two sides.
 * @internal
 */
function selectMany(
  a: Float64Array,
  left: number,
  right: number,
  ranks: readonly number[],
  from: number,
  to: number,
): void {
  if (from >= to) return;
  const middle = (from + to) >>> 1;
  const k = ranks[middle] as number;
  select(a, left, right, k);
  selectMany(a, left, k - 1, ranks, from, middle);
  selectMany(a, k + 1, right, ranks, middle + 1, to);
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/**
 * Floyd & Rivest's SELECT (CACM 18(3):173, 1975, Algorithm 489): rearranges `a[left..right]` so
 * that a[k] is its order statistic, everything before it ≤ a[k] and everything after it ≥ a[k].
 * Large ranges are first narrowed by recursively selecting within a sample-sized sub-range around
 * k, which makes the pivot nearly exact. After 2·log₂(size) + 16 rounds (never reached on real
 * data) the remaining range is sorted instead, bounding the worst case by O(n log n).
 * @internal
 */
function select(a: Float64Array, left: number, right: number, k: number): void {
  if (k === left || k === right) {
    // Minimum or maximum: one scan, no partitioning.
    let best = k;
    const wantMin = k === left;
    for (let i = left; i <= right; i++) {
      const v = a[i] as number;
      if (wantMin ? v < (a[best] as number) : v > (a[best] as number)) best = i;
    }
    swap(a, k, best);
    return;
  }
  const roundLimit = 2 * Math.ceil(Math.log2(right - left + 1)) + 16;
  let rounds = 0;
  while (right > left) {
    if (++rounds > roundLimit) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const size = right - left + 1;
      const rank = k - left + 1;
      const z = Math.log(size);
      const sampleSize = 0.5 * Math.exp((2 * z) / 3);
      const spread =
        0.5 * Math.sqrt((z * sampleSize * (size - sampleSize)) / size) * (rank < size / 2 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (rank * sampleSize) / size + spread));
      const newRight = Math.min(
        right,
        Math.floor(k + ((size - rank) * sampleSize) / size + spread),
      );
      select(a, newLeft, newRight, k);
    }
    // Partition a[left..right] around t = a[k], with sentinels at both ends.
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, right, left);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) {
      swap(a, left, j);
    } else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}
