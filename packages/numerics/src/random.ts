import { MT_STATE_WORDS, seedMt19937, temperMt19937, twistMt19937 } from './mt19937.js';
import { assertFiniteNumber, describeValue } from './validate.js';

/**
 * A seeded pseudo-random number generator that reproduces numpy's legacy
 * `np.random.RandomState(seed)` streams. Create one with {@link createRng}.
 *
 * All methods draw from one shared MT19937 stream, in call order, exactly as the corresponding
 * `RandomState` methods do; interleaving calls interleaves the stream the same way in both.
 */
export interface Rng {
  /**
   * A uniform float64 in [0, 1) with 53 random bits: two 32-bit outputs a, b give
   * ((a ≫ 5) · 2²⁶ + (b ≫ 6)) / 2⁵³. Identical, bit for bit, to `RandomState.random_sample()`.
   *
   * @returns A number in [0, 1).
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * createRng(42).uniform(); // 0.3745401188473625, as np.random.RandomState(42).random_sample()
   * ```
   */
  uniform(): number;
  /**
   * A standard normal deviate (mean 0, variance 1) by the legacy polar Box–Muller method of
   * `RandomState.standard_normal()`: draw x₁, x₂ = 2u − 1 until 0 < r² = x₁² + x₂² < 1, set
   * f = √(−2 ln r² / r²), return f·x₂ and keep f·x₁ for the next call.
   *
   * The stream is the same as numpy's; the values are bit-identical except where the platform's C
   * `log` (which numpy calls) rounds differently from the correctly rounded logarithm used here:
   * on glibc 2.36 / x86-64 that is about 3 in 10⁴ values, each off by an ulp or two.
   *
   * @returns A number from N(0, 1).
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * createRng(42).normal(); // 0.4967141530112327, as np.random.RandomState(42).standard_normal()
   * ```
   */
  normal(): number;
  /**
   * The next raw 32-bit MT19937 output, as `RandomState.randint(0, 2**32, dtype=np.uint32)`
   * returns it.
   *
   * @returns An integer in [0, 2³² − 1].
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * createRng(0).uint32(); // 2357136044
   * ```
   */
  uint32(): number;
  /**
   * Fills a `Float64Array` with successive {@link Rng.uniform} values, as
   * `RandomState.random_sample(n)` does.
   *
   * @param lengthOrOut - How many values to draw (a new array is allocated), or the array to fill
   *   (every element is overwritten; no allocation).
   * @returns The filled array.
   * @throws TypeError if `lengthOrOut` is neither a number nor a `Float64Array`.
   * @throws RangeError if a length is not a non-negative integer.
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * const u = createRng(42).uniformArray(1000); // np.random.RandomState(42).random_sample(1000)
   * createRng(1).uniformArray(u); // refills u in place
   * ```
   */
  uniformArray(lengthOrOut: number | Float64Array): Float64Array;
  /**
   * Fills a `Float64Array` with successive {@link Rng.normal} values, as
   * `RandomState.standard_normal(n)` does (including a value cached by an earlier `normal()`).
   *
   * @param lengthOrOut - How many values to draw (a new array is allocated), or the array to fill
   *   (every element is overwritten; no allocation).
   * @returns The filled array.
   * @throws TypeError if `lengthOrOut` is neither a number nor a `Float64Array`.
   * @throws RangeError if a length is not a non-negative integer.
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * // Noise that numpy made with np.random.RandomState(7).standard_normal(500) * 0.01:
   * const noise = createRng(7).normalArray(500).map((z) => 0.01 * z);
   * ```
   */
  normalArray(lengthOrOut: number | Float64Array): Float64Array;
  /**
   * A uniformly distributed integer in [low, high), drawn exactly as numpy's legacy
   * `RandomState.randint(low, high)` draws it (default dtype int64, and also int32/uint32): with
   * r = high − low − 1 and m the smallest 2ᵏ − 1 ≥ r, take 32-bit outputs w until (w & m) ≤ r
   * and return low + (w & m) (masked rejection sampling; on average fewer than two words). When
   * high − low = 1 no word is drawn and `low` is returned, as in numpy.
   *
   * (numpy's int8/int16/bool dtypes split words into bytes and give other streams; numpy's newer
   * `Generator.integers` uses Lemire's method and also differs.)
   *
   * @param low - The smallest value, an integer (safe integer range).
   * @param high - One above the largest value, an integer with 1 ≤ high − low ≤ 2³².
   * @returns An integer in [low, high).
   * @throws TypeError if `low` or `high` is not a number.
   * @throws RangeError if they are not integers or high − low is outside [1, 2³²].
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * createRng(0).integer(0, 10); // 5, as np.random.RandomState(0).randint(0, 10)
   * ```
   */
  integer(low: number, high: number): number;
  /**
   * Fills an array with successive {@link Rng.integer} values in [low, high), as
   * `RandomState.randint(low, high, size=n)` does: the same words in the same order, so
   * `integerArray(0, n, n·B)` read row by row equals `randint(0, n, (B, n))`. This is how
   * `scipy.stats.bootstrap(…, random_state=seed)` draws its resample indices.
   *
   * @param low - The smallest value, an integer.
   * @param high - One above the largest value, an integer with 1 ≤ high − low ≤ 2³².
   * @param lengthOrOut - How many values to draw (a new `Float64Array` is allocated), or the
   *   array to fill: a `Float64Array`, an `Int32Array` (the values must fit in int32) or a
   *   `Uint32Array` (they must be in [0, 2³²)); every element is overwritten, nothing allocated.
   * @returns The filled array.
   * @throws TypeError if an argument has the wrong type.
   * @throws RangeError if `low`/`high` are invalid as for {@link Rng.integer}, if the values do
   *   not fit the given array's type, or if a length is not a non-negative integer.
   *
   * @example
   * ```ts
   * import { createRng } from '@intercalate/numerics';
   * // np.random.RandomState(42).randint(0, 6, size=(2, 3)), row by row:
   * const rolls = createRng(42).integerArray(0, 6, new Int32Array(6)); // Int32Array [3, 4, 2, 4, 4, 1]
   * ```
   */
  integerArray<T extends Float64Array | Int32Array | Uint32Array = Float64Array>(
    low: number,
    high: number,
    lengthOrOut: number | T,
  ): T;
}

/**
 * Creates a seeded MT19937 generator whose streams equal numpy's legacy
 * `np.random.RandomState(seed)`, so numbers made in numpy can be regenerated in JavaScript.
 *
 * The integer seed initialises the state as `RandomState(seed)` does in numpy 1.24 (the reference
 * `init_genrand`). {@link Rng.uniform} matches `random_sample()` bit for bit;
 * {@link Rng.normal} matches `standard_normal()` (see there for the last-bit caveat).
 *
 * This is the Mersenne Twister of the legacy `RandomState` API, not numpy's newer
 * `np.random.default_rng` / `Generator` (PCG64 bits, ziggurat normals), whose streams differ.
 * MT19937 is fast and statistically good for simulation, and not cryptographically secure.
 *
 * @param seed - An integer in [0, 2³² − 1], as `RandomState` accepts.
 * @returns A new generator; generators do not share state.
 * @throws TypeError if `seed` is not a number.
 * @throws RangeError if `seed` is not an integer in [0, 2³² − 1].
 *
 * @example
 * ```ts
 * import { createRng } from '@intercalate/numerics';
 * // Python: rs = np.random.RandomState(42); rs.random_sample(); rs.standard_normal()
 * const rng = createRng(42);
 * rng.uniform(); // 0.3745401188473625
 * rng.normal(); // -1.1118801180469204
 * ```
 */
export function createRng(seed: number): Rng {
  assertFiniteNumber('seed', seed, { min: 0, max: 4294967295, integer: true });
  const generator: GeneratorState = {
    words: new Int32Array(MT_STATE_WORDS),
    position: MT_STATE_WORDS,
    hasSpare: false,
    spare: 0,
  };
  seedMt19937(generator.words, seed);
  // Thin closures over shared module-level functions: every generator runs the same (optimised)
  // code, and the methods stay valid when detached from the object (`const { normal } = rng`).
  return {
    uniform: () => nextUniform(generator),
    normal: () => nextNormal(generator),
    uint32: () => nextWord(generator),
    uniformArray: (lengthOrOut) => fillUniform(generator, resolveOutput(lengthOrOut)),
    normalArray: (lengthOrOut) => fillNormal(generator, resolveOutput(lengthOrOut)),
    integer: (low, high) => {
      const range = integerRange(low, high);
      return range === 0 ? low : low + nextBounded(generator, range);
    },
    integerArray: <T extends Float64Array | Int32Array | Uint32Array = Float64Array>(
      low: number,
      high: number,
      lengthOrOut: number | T,
    ): T => {
      const range = integerRange(low, high);
      const out = resolveIntegerOutput(lengthOrOut, low, high);
      return fillBounded(generator, low, range, out) as T;
    },
  };
}

/** The mutable state behind one {@link Rng}: numpy's `mt19937_state` plus the cached normal. */
interface GeneratorState {
  /** The 624 MT19937 state words (signed view of numpy's `uint32_t key[624]`). */
  words: Int32Array;
  /** Index of the next word to temper and output; 624 means "twist first". */
  position: number;
  /** Whether `spare` holds the second normal of the last polar pair (numpy's `has_gauss`). */
  hasSpare: boolean;
  /** The cached normal (numpy's `gauss`). */
  spare: number;
}

function nextWord(generator: GeneratorState): number {
  if (generator.position >= 624) {
    twistMt19937(generator.words);
    generator.position = 0;
  }
  return temperMt19937(generator.words[generator.position++] as number) >>> 0;
}

/** numpy's `legacy_double`: 27 + 26 random bits make a multiple of 2⁻⁵³ in [0, 1). */
function nextUniform(generator: GeneratorState): number {
  const high = nextWord(generator) >>> 5;
  const low = nextWord(generator) >>> 6;
  return (high * 67108864 + low) / 9007199254740992;
}

/** numpy's `legacy_gauss`: the polar method, returning f·x₂ and caching f·x₁. */
function nextNormal(generator: GeneratorState): number {
  if (generator.hasSpare) {
    generator.hasSpare = false;
    return generator.spare;
  }
  let x1: number;
  let x2: number;
  let r2: number;
  do {
    x1 = 2 * nextUniform(generator) - 1;
    x2 = 2 * nextUniform(generator) - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  // Same operation order as numpy: sqrt((-2 · log r²) / r²).
  const factor = Math.sqrt((-2 * correctlyRoundedLog(r2)) / r2);
  generator.spare = factor * x1;
  generator.hasSpare = true;
  return factor * x2;
}

/** {@link nextUniform} in a loop, with the state in locals and literal constants (1.5× faster). */
function fillUniform(generator: GeneratorState, out: Float64Array): Float64Array {
  const words = generator.words;
  let position = generator.position;
  for (let i = 0; i < out.length; i++) {
    if (position >= 624) {
      twistMt19937(words);
      position = 0;
    }
    const high = temperMt19937(words[position++] as number) >>> 5;
    if (position >= 624) {
      twistMt19937(words);
      position = 0;
    }
    const low = temperMt19937(words[position++] as number) >>> 6;
    // (high·2²⁶ + low) is an integer below 2⁵³, so scaling by 2⁻⁵³ is exact, as numpy's division.
    out[i] = (high * 67108864 + low) * 1.1102230246251565e-16;
  }
  generator.position = position;
  return out;
}

/** {@link nextNormal} in a loop, with the state in locals (the same draws in the same order). */
function fillNormal(generator: GeneratorState, out: Float64Array): Float64Array {
  const n = out.length;
  let i = 0;
  if (n > 0 && generator.hasSpare) {
    generator.hasSpare = false;
    out[i++] = generator.spare;
  }
  const words = generator.words;
  let position = generator.position;
  while (i < n) {
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      // Four 32-bit words make two uniforms u₁, u₂, and x = 2u − 1 (exact).
      if (position > 620) {
        generator.position = position;
        x1 = 2 * nextUniform(generator) - 1;
        x2 = 2 * nextUniform(generator) - 1;
        position = generator.position;
      } else {
        const a = temperMt19937(words[position] as number) >>> 5;
        const b = temperMt19937(words[position + 1] as number) >>> 6;
        const c = temperMt19937(words[position + 2] as number) >>> 5;
        const d = temperMt19937(words[position + 3] as number) >>> 6;
        position += 4;
        x1 = 2 * ((a * 67108864 + b) * 1.1102230246251565e-16) - 1;
        x2 = 2 * ((c * 67108864 + d) * 1.1102230246251565e-16) - 1;
      }
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const factor = Math.sqrt((-2 * correctlyRoundedLog(r2)) / r2);
    out[i++] = factor * x2;
    if (i < n) {
      out[i++] = factor * x1;
    } else {
      generator.spare = factor * x1;
      generator.hasSpare = true;
    }
  }
  generator.position = position;
  return out;
}

/**
 * Validates randint's bounds and returns r = high − low − 1 in [0, 2³² − 1].
 */
function integerRange(low: number, high: number): number {
  assertFiniteNumber('low', low, { integer: true, min: -9007199254740991, max: 9007199254740991 });
  assertFiniteNumber('high', high, {
    integer: true,
    min: -9007199254740991,
    max: 9007199254740991,
  });
  const span = high - low;
  if (!(span >= 1 && span <= 4294967296)) {
    throw new RangeError(
      `high − low must be in [1, 2³²] (high = ${high}, low = ${low}); received ${span}`,
    );
  }
  return span - 1;
}

/** numpy's `buffered_bounded_masked_uint32`: masked rejection sampling of [0, range], range > 0. */
function nextBounded(generator: GeneratorState, range: number): number {
  const mask = 0xffffffff >>> Math.clz32(range);
  let value: number;
  do {
    value = (nextWord(generator) & mask) >>> 0;
  } while (value > range);
  return value;
}

/** {@link nextBounded} in a loop with the state in locals; range 0 draws nothing (as numpy). */
function fillBounded(
  generator: GeneratorState,
  low: number,
  range: number,
  out: Float64Array | Int32Array | Uint32Array,
): Float64Array | Int32Array | Uint32Array {
  const n = out.length;
  if (range === 0) {
    out.fill(low);
    return out;
  }
  const words = generator.words;
  let position = generator.position;
  const mask = 0xffffffff >>> Math.clz32(range);
  let i = 0;
  // Runs of state words between twists, each word accepted or rejected (no per-word twist test).
  while (i < n) {
    if (position >= 624) {
      twistMt19937(words);
      position = 0;
    }
    while (position < 624 && i < n) {
      const value = (temperMt19937(words[position++] as number) & mask) >>> 0;
      if (value <= range) out[i++] = low + value;
    }
  }
  generator.position = position;
  return out;
}

function resolveIntegerOutput(
  lengthOrOut: unknown,
  low: number,
  high: number,
): Float64Array | Int32Array | Uint32Array {
  if (lengthOrOut instanceof Int32Array) {
    if (low < -2147483648 || high > 2147483648) {
      throw new RangeError(
        `lengthOrOut is an Int32Array but [low, high) = [${low}, ${high}) does not fit in int32; pass a Float64Array`,
      );
    }
    return lengthOrOut;
  }
  if (lengthOrOut instanceof Uint32Array) {
    if (low < 0 || high > 4294967296) {
      throw new RangeError(
        `lengthOrOut is a Uint32Array but [low, high) = [${low}, ${high}) does not fit in uint32; pass a Float64Array`,
      );
    }
    return lengthOrOut;
  }
  if (lengthOrOut instanceof Float64Array) return lengthOrOut;
  if (typeof lengthOrOut !== 'number') {
    throw new TypeError(
      `lengthOrOut must be a length (a non-negative integer) or a Float64Array, Int32Array or Uint32Array to fill; received ${describeValue(lengthOrOut)}`,
    );
  }
  assertFiniteNumber('lengthOrOut', lengthOrOut, { min: 0, integer: true });
  return new Float64Array(lengthOrOut);
}

function resolveOutput(lengthOrOut: unknown): Float64Array {
  if (lengthOrOut instanceof Float64Array) return lengthOrOut;
  if (typeof lengthOrOut !== 'number') {
    throw new TypeError(
      `lengthOrOut must be a length (a non-negative integer) or a Float64Array to fill; received ${describeValue(lengthOrOut)}`,
    );
  }
  assertFiniteNumber('lengthOrOut', lengthOrOut, { min: 0, integer: true });
  return new Float64Array(lengthOrOut);
}

// ---------------------------------------------------------------------------------------------
// A correctly rounded natural logarithm (in all but roughly 1 in 10⁵ arguments, estimated from its
// 2⁻⁷⁰ error bound; none was found among 3.5·10⁵ arguments checked against 60-digit decimals).
//
// numpy's legacy normals call the C library's log. Measured on uniform arguments in (0, 1),
// glibc 2.36's log is correctly rounded in all but about 3 in 10⁴ cases, V8's Math.log (an fdlibm
// port) in all but about 3 in 100. To reproduce numpy's normals as often as possible we compute
// ln x to about 2⁻⁷⁰ relative accuracy and round once, at about 1.4× the cost of Math.log.
// Method: x = 2ᵉ·m with m in [√½, √2); c ≈ 1/m from a 182-entry table (21-bit values, so m·c is
// exact in two doubles); ln x = e·ln 2 − ln c + ln(1 + r) with r = m·c − 1, |r| < 2⁻⁸·⁵; ln(1 + r)
// is its Taylor series to r¹⁰, the leading terms in double-double arithmetic. The table of −ln c
// is computed once, on first use, in 160-bit fixed point with BigInt (ln y = 2·atanh((y − 1)/(y +
// 1)) summed to convergence), so the source carries no transcribed constants.
// ---------------------------------------------------------------------------------------------

const TABLE_MIN = -75; // round((√½ − 1)·256)
const TABLE_MAX = 106; // round((√2 − 1)·256)
const TABLE_SIZE = TABLE_MAX - TABLE_MIN + 1;
const FIXED_BITS = 160n;
const SPLITTER = 134217729; // 2²⁷ + 1, Veltkamp's splitting constant

interface LogTable {
  inversePowers: Float64Array;
  reciprocal: Float64Array;
  logHigh: Float64Array;
  logLow: Float64Array;
  ln2High: number;
  ln2Low: number;
}

let logTable: LogTable | undefined;

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2·atanh(num/den) · 2¹⁶⁰, for |num/den| ≤ 1/3, in fixed point. */
function fixedPointLog(numerator: bigint, denominator: bigint): bigint {
  // Sum for |num| and restore the sign: a right shift of a negative BigInt rounds toward −∞ and
  // would never reach 0.
  if (numerator < 0n) return -fixedPointLog(-numerator, denominator);
  const s = (numerator << FIXED_BITS) / denominator;
  const s2 = (s * s) >> FIXED_BITS;
  let term = s;
  let sum = s;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * s2) >> FIXED_BITS;
    sum += term / k;
  }
  return 2n * sum;
}

/** Splits a fixed-point value into a double and a double remainder. */
function toDoubleDouble(value: bigint): [number, number] {
  const scale = 2 ** -Number(FIXED_BITS);
  const high = Number(value) * scale;
  const rest = value - BigInt(high / scale);
  return [high, Number(rest) * scale];
}

function buildLogTable(): LogTable {
  const reciprocal = new Float64Array(TABLE_SIZE);
  const logHigh = new Float64Array(TABLE_SIZE);
  const logLow = new Float64Array(TABLE_SIZE);
  for (let j = TABLE_MIN; j <= TABLE_MAX; j++) {
    const scaled = Math.round(1048576 / (1 + j / 256)); // c = scaled / 2²⁰ ≈ 1/(1 + j/256)
    const i = j - TABLE_MIN;
    reciprocal[i] = scaled / 1048576;
    // −ln c = ln(2²⁰/scaled) = 2·atanh((2²⁰ − scaled)/(2²⁰ + scaled))
    const [high, low] = toDoubleDouble(
      fixedPointLog(BigInt(1048576 - scaled), BigInt(1048576 + scaled)),
    );
    logHigh[i] = high;
    logLow[i] = low;
  }
  // ln 2 = 2·atanh(1/3); the high part keeps 32 bits so that e·ln2High is exact for |e| < 2²¹.
  const ln2 = fixedPointLog(1n, 3n);
  // 2^(1023 − b) for every biased exponent b of a normal number.
  const inversePowers = new Float64Array(2047);
  for (let biased = 1; biased < 2047; biased++) inversePowers[biased] = 2 ** (1023 - biased);
  const ln2HighFixed = (ln2 >> (FIXED_BITS - 32n)) << (FIXED_BITS - 32n);
  const scale = 2 ** -Number(FIXED_BITS);
  return {
    inversePowers,
    reciprocal,
    logHigh,
    logLow,
    ln2High: Number(ln2HighFixed) * scale,
    ln2Low: Number(ln2 - ln2HighFixed) * scale,
  };
}

/**
 * Natural logarithm rounded to nearest from an approximation with about 2⁻⁷⁰ relative error, so
 * the result is the correctly rounded ln x except for roughly 1 argument in 10⁵. Falls back to
 * `Math.log` for zero, subnormal, negative, infinite and NaN arguments.
 *
 * @param x - A positive number.
 * @returns ln x.
 * @internal
 */
export function correctlyRoundedLog(x: number): number {
  if (!(x >= 2.2250738585072014e-308 && x < Number.POSITIVE_INFINITY)) return Math.log(x);
  if (logTable === undefined) logTable = buildLogTable();
  const table = logTable;
  // x = 2^exponent · m with m in [1, 2): the biased exponent from the bits, m by an exact scaling
  // (a table lookup is faster than writing the bits back).
  bits[0] = x;
  const biased = (words[HIGH_WORD] as number) >>> 20;
  let exponent = biased - 1023;
  let m = x * (table.inversePowers[biased] as number);
  if (m > Math.SQRT2) {
    m *= 0.5;
    exponent += 1;
  }
  const i = Math.round((m - 1) * 256) - TABLE_MIN;
  const c = table.reciprocal[i] as number;

  // r = m·c − 1 exactly, as rHigh + rLow (Dekker's product: c has 21 bits, so c needs no split).
  const mSplit = SPLITTER * m;
  const mHigh = mSplit - (mSplit - m);
  const mLow = m - mHigh;
  const product = m * c;
  const productError = mHigh * c - product + mLow * c;
  const r0 = product - 1; // exact (Sterbenz)
  const rHigh = r0 + productError;
  const rLow = productError - (rHigh - r0);

  // rHigh² exactly, as square + squareError.
  const rSplit = SPLITTER * rHigh;
  const rHead = rSplit - (rSplit - rHigh);
  const rTail = rHigh - rHead;
  const square = rHigh * rHigh;
  const squareError = rHead * rHead - square + 2 * rHead * rTail + rTail * rTail;

  // Leading terms e·ln2 − ln c + rHigh − rHigh²/2, summed with exact error terms (Knuth's TwoSum).
  const a = exponent * table.ln2High;
  const b = table.logHigh[i] as number;
  const s1 = a + b;
  let v = s1 - a;
  const e1 = a - (s1 - v) + (b - v);
  const s2 = s1 + rHigh;
  v = s2 - s1;
  const e2 = s1 - (s2 - v) + (rHigh - v);
  const halfSquare = -0.5 * square;
  const s3 = s2 + halfSquare;
  v = s3 - s2;
  const e3 = s2 - (s3 - v) + (halfSquare - v);

  // ln(1 + r) − r + r²/2 = r³(1/3 − r/4 + r²/5 − … − r⁷/10), in plain double precision, in
  // Estrin's scheme (shorter dependency chains than Horner's rule).
  const r = rHigh;
  const r4 = square * square;
  const series =
    0.3333333333333333 -
    0.25 * r +
    square * (0.2 - 0.16666666666666666 * r) +
    r4 * (0.14285714285714285 - 0.125 * r + square * (0.1111111111111111 - 0.1 * r));
  const tail =
    e1 +
    e2 +
    e3 +
    (exponent * table.ln2Low + (table.logLow[i] as number)) +
    rLow -
    0.5 * squareError -
    rHigh * rLow +
    r * square * series;
  return s3 + tail;
}
