/**
 * The WebAssembly SIMD kernels behind the vectorized kinetics (`butlerVolmerArray`,
 * `overpotentialArray`), written with the package's small assembler (`wasm-assembler.ts`). Each
 * kernel handles four float64 values per loop iteration (two 128-bit vectors, whose independent
 * dependency chains overlap) and stops at the first group of four whose arguments leave the
 * kernel's range (or are NaN), returning how many it finished: the caller evaluates that group
 * with the scalar kernels and resumes after it.
 *
 * Internal to the package: not exported from `index.ts`.
 *
 * @module
 */
import {
  blockLoop,
  branch,
  breakIf,
  type Code,
  encodeModule,
  type FunctionDefinition,
  f64Neg,
  f64x2,
  i32,
  i32Const,
  i64x2,
  ifElse,
  local,
  moduleText,
  sequence,
  shuffle,
  type ValueType,
  v128,
} from './wasm-assembler.js';

/**
 * Coefficients of Q in expm1(r) = r + r²·(½ + r·Q(r)) on |r| ≤ ln 2/2, lowest degree first: a
 * near-minimax fit (test/fixtures/simd_expm1_coefficients.py). Truncation error < 1e-17
 * relative; the whole kernel is within 1e-15 relative of expm1 (checked in the tests).
 */
const EXPM1_Q = [
  0.1666666666666668, 0.041666666666651066, 0.008333333333327789, 0.0013888888906037542,
  0.00019841269876112863, 2.4801536110959132e-5, 2.75572482920181e-6, 2.7613943492892885e-7,
  2.5109837480957115e-8,
] as const;

/** 1.5·2⁵²: adding it rounds to an integer held in the low mantissa bits. */
const ROUND_SHIFT = 6755399441055744;
/** ln 2 split so that k·LN2_HI is exact for |k| < 2¹¹. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/**
 * 128-bit vectors per kernel loop iteration (independent dependency chains that overlap). Two is
 * the best choice on V8 11 / x86-64: in six side-by-side runs three changed the forward kernel's
 * time by −6 to +21 % and four by +15 to +32 % (register spills). (The asinh kernel is written
 * for two.)
 */
export const VECTORS = 2;
/** Elements per kernel loop iteration, and the size of the groups a kernel declines. */
export const GROUP = 2 * VECTORS;

/** Entries of the logarithm table: 128 × (1/c_j, −ln(1/c_j)) float64 pairs at address 0. */
export const LOG_TABLE_ENTRIES = 128;
/** Bytes of the logarithm table (it occupies addresses 0 … LOG_TABLE_BYTES − 1). */
export const LOG_TABLE_BYTES = LOG_TABLE_ENTRIES * 16;

/**
 * The logarithm table of {@link scaledAsinhKernel}: for mantissas m in [1 + j/128, 1 + (j+1)/128)
 * the reciprocal 1/c_j of the interval's centre rounded to 9 bits (so that the reduced argument
 * m·(1/c_j) − 1 is small, |r| < 1/200), and −ln of that rounded reciprocal (Math.log, ≤ 1 ulp);
 * entry 0 is exactly (1, 0) so that arguments just above 1 reduce without rounding.
 */
export function logTable(): Float64Array {
  const table = new Float64Array(2 * LOG_TABLE_ENTRIES);
  for (let j = 0; j < LOG_TABLE_ENTRIES; j++) {
    const reciprocal = j === 0 ? 1 : Math.round(512 / (1 + (j + 0.5) / 128)) / 512;
    table[2 * j] = reciprocal;
    table[2 * j + 1] = -Math.log(reciprocal);
  }
  return table;
}

/**
 * Allocates local indices after the parameters, and pools the kernel's vector constants: each
 * distinct constant is set once into a local before the loop (a 2-byte `local.get` per use
 * instead of a 12-byte splat). Speed is the same as with inline constants: V8 11 rematerializes
 * them at each use inside the loop either way (`node --print-wasm-code`), and loading them from a
 * table in memory instead was about 35 % slower for the forward kernel, measured side by side.
 */
class Locals {
  readonly types: ValueType[] = [];
  private readonly constants = new Map<string, number>();
  private readonly setters: Code[] = [];
  constructor(private readonly parameterCount: number) {}
  add(type: ValueType): number {
    this.types.push(type);
    return this.parameterCount + this.types.length - 1;
  }
  private pooled(key: string, value: () => Code): Code {
    let index = this.constants.get(key);
    if (index === undefined) {
      index = this.add('v128');
      this.constants.set(key, index);
      this.setters.push(local.set(index, value()));
    }
    return local.get(index);
  }
  /** A float64 constant in both lanes. */
  f64(value: number): Code {
    return this.pooled(`f64 ${Object.is(value, -0) ? '-0' : value}`, () => f64x2.constant(value));
  }
  /** An int64 constant in both lanes. */
  i64(value: bigint): Code {
    return this.pooled(`i64 ${value}`, () => v128.constI64x2(value));
  }
  /** The code that sets every pooled constant (run it once, before the loop). */
  constantSetters(): Code {
    return sequence(...this.setters);
  }
}

const get = local.get;
const set = local.set;

/** The counters of a streaming kernel's loop: elements done, input and output addresses. */
interface StreamCounters {
  done: number;
  src: number;
  dst: number;
}

/** Allocates the loop counters of a streaming kernel (its first three locals). */
function streamCounters(locals: Locals): StreamCounters {
  return { done: locals.add('i32'), src: locals.add('i32'), dst: locals.add('i32') };
}

/**
 * A streaming kernel `name(in, out, n, …) → done`: after `setup` and the pooled constants, runs
 * `body` on GROUP elements at a time (loads at `src`, stores at `dst`; the body may leave early
 * with `breakIf(1, …)`) until fewer than GROUP remain, and returns how many it finished.
 */
function streamingKernel(
  name: string,
  params: ValueType[],
  locals: Locals,
  counters: StreamCounters,
  setup: Code[],
  body: Code,
): FunctionDefinition {
  const { done, src, dst } = counters;
  const loop = sequence(
    breakIf(1, i32.gtU(i32.add(get(done), i32Const(GROUP)), get(2))),
    body,
    set(done, i32.add(get(done), i32Const(GROUP))),
    set(src, i32.add(get(src), i32Const(8 * GROUP))),
    set(dst, i32.add(get(dst), i32Const(8 * GROUP))),
    branch(0),
  );
  return {
    name,
    params,
    result: 'i32',
    locals: locals.types,
    body: sequence(
      ...setup,
      set(src, get(0)),
      set(dst, get(1)),
      locals.constantSetters(),
      blockLoop(loop),
      get(done),
    ),
  };
}

/**
 * expm1 of both lanes of local `y` into local `out`: y = k·ln 2 + r (|r| ≤ ln 2/2, Cody–Waite),
 * expm1(y) = (2ᵏ − 1) + 2ᵏ·expm1(r), with 2ᵏ built in the exponent bits. Valid for |y| ≤ 700.
 */
function expm1Lanes(locals: Locals, y: number, out: number): Code {
  const t = locals.add('v128');
  const k = locals.add('v128');
  const r = locals.add('v128');
  const r2 = locals.add('v128');
  const r4 = locals.add('v128');
  const scale = locals.add('v128');
  const pair = (n: number) =>
    f64x2.add(
      locals.f64(EXPM1_Q[n] as number),
      f64x2.mul(get(r), locals.f64(EXPM1_Q[n + 1] as number)),
    );
  // Q by Estrin's scheme: (q0 + q1 r) + r²(q2 + q3 r) + r⁴[(q4 + q5 r) + r²(q6 + q7 r)] + r⁸ q8
  const q = f64x2.add(
    f64x2.add(pair(0), f64x2.mul(get(r2), pair(2))),
    f64x2.mul(
      get(r4),
      f64x2.add(
        f64x2.add(pair(4), f64x2.mul(get(r2), pair(6))),
        f64x2.mul(get(r4), locals.f64(EXPM1_Q[8])),
      ),
    ),
  );
  // expm1(r) = r + r²·(½ + r·Q)
  const expm1r = f64x2.add(
    get(r),
    f64x2.mul(get(r2), f64x2.add(locals.f64(0.5), f64x2.mul(get(r), q))),
  );
  return sequence(
    set(t, f64x2.add(f64x2.mul(get(y), locals.f64(1 / Math.LN2)), locals.f64(ROUND_SHIFT))),
    set(k, f64x2.sub(get(t), locals.f64(ROUND_SHIFT))),
    set(
      r,
      f64x2.sub(
        f64x2.sub(get(y), f64x2.mul(get(k), locals.f64(LN2_HI))),
        f64x2.mul(get(k), locals.f64(LN2_LO)),
      ),
    ),
    set(r2, f64x2.mul(get(r), get(r))),
    set(r4, f64x2.mul(get(r2), get(r2))),
    // 2ᵏ: the integer k sits in the low bits of t; shifted into the exponent field of 1.0
    set(scale, i64x2.add(i64x2.shl(get(t), i32Const(52)), locals.i64(0x3ff0000000000000n))),
    set(out, f64x2.add(f64x2.sub(get(scale), locals.f64(1)), f64x2.mul(get(scale), expm1r))),
  );
}

/**
 * `expm1Difference(in, out, n, a, c, scale) → done`: out[k] = scale·(expm1(a·x) − expm1(−c·x))
 * for x = in[k] (float64 arrays at byte addresses `in`, `out`, 16-byte aligned), four at a time;
 * returns the number done (a multiple of 4): it stops before the first group with
 * max(|a·x|, |c·x|) > 700 or a NaN.
 */
export function expm1DifferenceKernel(): FunctionDefinition {
  // parameters: in, out, n (0–2), then a, c, scale
  const [pA, pC, pScale] = [3, 4, 5];
  const locals = new Locals(6);
  const counters = streamCounters(locals);
  const { src, dst } = counters;
  const va = locals.add('v128');
  const vc = locals.add('v128');
  const vs = locals.add('v128');
  const vectors = Array.from({ length: VECTORS }, (_, h) => h);
  const vector = () => vectors.map(() => locals.add('v128'));
  const [x, ya, yc, ea, ec] = [vector(), vector(), vector(), vector(), vector()] as number[][];
  const at = (array: number[] | undefined, h: number) => (array as number[])[h] as number;
  const lanes = vectors.flatMap((h) => [
    expm1Lanes(locals, at(ya, h), at(ea, h)),
    expm1Lanes(locals, at(yc, h), at(ec, h)),
  ]);
  const magnitude = vectors
    .map((h) => f64x2.max(f64x2.abs(get(at(ya, h))), f64x2.abs(get(at(yc, h)))))
    .reduce((m, next) => f64x2.max(m, next));
  const body = sequence(
    ...vectors.flatMap((h) => [
      set(at(x, h), v128.load(get(src), 16 * h)),
      set(at(ya, h), f64x2.mul(get(at(x, h)), get(va))),
      set(at(yc, h), f64x2.mul(get(at(x, h)), get(vc))),
    ]),
    // NaN compares false, so NaN also stops the kernel
    breakIf(1, i32.eqz(i64x2.allTrue(f64x2.le(magnitude, locals.f64(700))))),
    ...lanes,
    ...vectors.map((h) =>
      v128.store(get(dst), f64x2.mul(get(vs), f64x2.sub(get(at(ea, h)), get(at(ec, h)))), 16 * h),
    ),
  );
  return streamingKernel(
    'expm1Difference',
    ['i32', 'i32', 'i32', 'f64', 'f64', 'f64'],
    locals,
    counters,
    [
      set(va, f64x2.splat(get(pA))),
      set(vc, f64x2.splat(f64Neg(get(pC)))),
      set(vs, f64x2.splat(get(pScale))),
    ],
    body,
  );
}

/**
 * log(v) of both lanes of local `v` (v ≥ 1, finite) into local `out`, plus the correction term
 * `correction`/v when `correction` is given (for log1p(w) = log(v) + (w − (v − 1))/v with
 * v = 1 + w). v = 2ᵉ·m, m in [1, 2); r = m·(1/c_j) − 1 (|r| < 0.0045) and
 * log v = e·ln 2 − ln(1/c_j) + log1p(r), log1p(r) = r − r²/2 + … (to r⁸/8 on the small path, where
 * log v may be tiny and m = m_hi + m_lo is split, m_hi's last 9 bits zero, so that m_hi·(1/c_j)
 * is exact; to r⁶/6 on the large path, v ≥ 1.6).
 */
function logLanes(locals: Locals, v: number, out: number, correction?: number): Code {
  const exponentField = locals.add('v128');
  const e = locals.add('v128');
  const m = locals.add('v128');
  const mHi = locals.add('v128');
  const offsets = locals.add('v128');
  const t0 = locals.add('v128');
  const t1 = locals.add('v128');
  const reciprocal = locals.add('v128');
  const logC = locals.add('v128');
  const r = locals.add('v128');
  const r2 = locals.add('v128');
  // table entry j = top 7 mantissa bits, at byte 16·j: (bits >> 41) & 0x7f0, per lane
  const entry = (lane: 0 | 1) => v128.load(i32.wrapI64(i64x2.extractLane(lane, get(offsets))));
  // r = m·(1/c_j) − 1; near v = 1 (small path) m is split so that the product is exact and the
  // log1p correction term is added
  const reduced =
    correction === undefined
      ? f64x2.sub(f64x2.mul(get(m), get(reciprocal)), locals.f64(1))
      : f64x2.add(
          f64x2.sub(f64x2.mul(get(mHi), get(reciprocal)), locals.f64(1)),
          f64x2.mul(
            get(reciprocal),
            f64x2.add(
              f64x2.sub(get(m), get(mHi)),
              // correction·2⁻ᵉ (2⁻ᵉ from the exponent field: (2046 − field) << 52)
              f64x2.mul(
                get(correction),
                i64x2.shl(i64x2.sub(locals.i64(2046n), get(exponentField)), i32Const(52)),
              ),
            ),
          ),
        );
  const pair = (a: number, b: number) => f64x2.add(locals.f64(a), f64x2.mul(get(r), locals.f64(b)));
  // log1p(r) = r + r²·P(r) by Estrin's scheme. Small path (log v may be tiny, relative accuracy
  // needs the r⁸ term): P = −1/2 + r/3 − r²/4 + r³/5 − r⁴/6 + r⁵/7 − r⁶/8. Large path (v ≥ 1.6,
  // log v ≥ 0.48; |r| < 0.0045 so r⁷/7 < 6e-18): P = −1/2 + r/3 − r²/4 + r³/5 − r⁴/6.
  const p =
    correction === undefined
      ? f64x2.add(
          f64x2.add(pair(-1 / 2, 1 / 3), f64x2.mul(get(r2), pair(-1 / 4, 1 / 5))),
          f64x2.mul(f64x2.mul(get(r2), get(r2)), locals.f64(-1 / 6)),
        )
      : f64x2.add(
          f64x2.add(pair(-1 / 2, 1 / 3), f64x2.mul(get(r2), pair(-1 / 4, 1 / 5))),
          f64x2.mul(
            f64x2.mul(get(r2), get(r2)),
            f64x2.add(pair(-1 / 6, 1 / 7), f64x2.mul(get(r2), locals.f64(-1 / 8))),
          ),
        );
  return sequence(
    set(exponentField, i64x2.shrU(get(v), i32Const(52))),
    // e = field − 1023 as a float: field in the mantissa of 2⁵², minus 2⁵² + 1023
    set(
      e,
      f64x2.sub(
        v128.or(get(exponentField), locals.i64(0x4330000000000000n)),
        locals.f64(4503599627370496 + 1023),
      ),
    ),
    set(
      m,
      v128.or(v128.and(get(v), locals.i64(0x000fffffffffffffn)), locals.i64(0x3ff0000000000000n)),
    ),
    ...(correction === undefined ? [] : [set(mHi, v128.and(get(m), locals.i64(-512n)))]),
    set(offsets, v128.and(i64x2.shrU(get(v), i32Const(41)), locals.i64(0x7f0n))),
    set(t0, entry(0)),
    set(t1, entry(1)),
    set(
      reciprocal,
      shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23], get(t0), get(t1)),
    ),
    set(
      logC,
      shuffle([8, 9, 10, 11, 12, 13, 14, 15, 24, 25, 26, 27, 28, 29, 30, 31], get(t0), get(t1)),
    ),
    set(r, reduced),
    set(r2, f64x2.mul(get(r), get(r))),
    set(
      out,
      f64x2.add(
        f64x2.add(f64x2.mul(get(e), locals.f64(LN2_HI)), get(logC)),
        f64x2.add(get(r), f64x2.add(f64x2.mul(get(r2), p), f64x2.mul(get(e), locals.f64(LN2_LO)))),
      ),
    ),
  );
}

/**
 * `twoSinh(in, out, n, a, scale) → done`: out[k] = scale·2·sinh(a·x), x = in[k], from one
 * exponential: E = expm1(|a·x|), 2·sinh|a·x| = E + E/(E + 1) (two non-negative terms), with the
 * sign of a·x; four at a time; stops before the first group with |a·x| > 700 or a NaN. (The
 * symmetric case αa = αc of {@link expm1DifferenceKernel}, at about half its cost.)
 */
export function twoSinhKernel(): FunctionDefinition {
  // parameters: in, out, n (0–2), then a, scale
  const [pA, pScale] = [3, 4];
  const locals = new Locals(5);
  const counters = streamCounters(locals);
  const { src, dst } = counters;
  const va = locals.add('v128');
  const vs = locals.add('v128');
  const vectors = Array.from({ length: VECTORS }, (_, h) => h);
  const vector = () => vectors.map(() => locals.add('v128'));
  const [y, u, e] = [vector(), vector(), vector()] as number[][];
  const at = (array: number[] | undefined, h: number) => (array as number[])[h] as number;
  const sign = locals.i64(-0x8000000000000000n);
  const body = sequence(
    ...vectors.flatMap((h) => [
      set(at(y, h), f64x2.mul(v128.load(get(src), 16 * h), get(va))),
      set(at(u, h), f64x2.abs(get(at(y, h)))),
    ]),
    // NaN compares false, so NaN also stops the kernel
    breakIf(
      1,
      i32.eqz(
        i64x2.allTrue(
          f64x2.le(
            vectors.map((h) => get(at(u, h))).reduce((m, next) => f64x2.max(m, next)),
            locals.f64(700),
          ),
        ),
      ),
    ),
    ...vectors.map((h) => expm1Lanes(locals, at(u, h), at(e, h))),
    ...vectors.map((h) =>
      v128.store(
        get(dst),
        f64x2.mul(
          get(vs),
          v128.or(
            f64x2.add(
              get(at(e, h)),
              f64x2.div(get(at(e, h)), f64x2.add(get(at(e, h)), locals.f64(1))),
            ),
            v128.and(get(at(y, h)), sign),
          ),
        ),
        16 * h,
      ),
    ),
  );
  return streamingKernel(
    'twoSinh',
    ['i32', 'i32', 'i32', 'f64', 'f64'],
    locals,
    counters,
    [set(va, f64x2.splat(get(pA))), set(vs, f64x2.splat(get(pScale)))],
    body,
  );
}

/**
 * `scaledAsinh(in, out, n, mulIn, mulOut) → done`: out[k] = mulOut·asinh(mulIn·in[k]), four at a
 * time; stops before the first group with |mulIn·x| > 2⁵⁰⁰ or < 2⁻¹⁰⁰⁰ (including 0) or a NaN. With u = |mulIn·x|:
 * asinh u = ln(u + √(u² + 1)) when all four u ≥ ½ (no cancellation), else
 * log1p(u + u²/(1 + √(1 + u²))) with the log1p correction term; the sign is restored last.
 */
export function scaledAsinhKernel(): FunctionDefinition {
  // parameters: in, out, n (0–2), then mulIn, mulOut
  const [pMulIn, pMulOut] = [3, 4];
  const locals = new Locals(5);
  const counters = streamCounters(locals);
  const { src, dst } = counters;
  const vIn = locals.add('v128');
  const vOut = locals.add('v128');
  const x = [locals.add('v128'), locals.add('v128')];
  const u = [locals.add('v128'), locals.add('v128')];
  const q = [locals.add('v128'), locals.add('v128')];
  const v = [locals.add('v128'), locals.add('v128')];
  const w = [locals.add('v128'), locals.add('v128')];
  const correction = [locals.add('v128'), locals.add('v128')];
  const y = [locals.add('v128'), locals.add('v128')];
  const at = (array: number[], h: number) => array[h] as number;
  const rootTerm = (h: number) => f64x2.sqrt(f64x2.add(locals.f64(1), get(at(q, h))));
  const large = sequence(
    ...[0, 1].map((h) => set(at(v, h), f64x2.add(get(at(u, h)), rootTerm(h)))),
    logLanes(locals, at(v, 0), at(y, 0)),
    logLanes(locals, at(v, 1), at(y, 1)),
  );
  const small = sequence(
    ...[0, 1].flatMap((h) => [
      set(
        at(w, h),
        f64x2.add(get(at(u, h)), f64x2.div(get(at(q, h)), f64x2.add(locals.f64(1), rootTerm(h)))),
      ),
      set(at(v, h), f64x2.add(locals.f64(1), get(at(w, h)))),
      set(at(correction, h), f64x2.sub(get(at(w, h)), f64x2.sub(get(at(v, h)), locals.f64(1)))),
    ]),
    logLanes(locals, at(v, 0), at(y, 0), at(correction, 0)),
    logLanes(locals, at(v, 1), at(y, 1), at(correction, 1)),
  );
  const sign = locals.i64(-0x8000000000000000n);
  const body = sequence(
    ...[0, 1].flatMap((h) => [
      set(at(x, h), f64x2.mul(v128.load(get(src), 16 * h), get(vIn))),
      set(at(u, h), f64x2.abs(get(at(x, h)))),
      set(at(q, h), f64x2.mul(get(at(u, h)), get(at(u, h)))),
    ]),
    // stop above 2⁵⁰⁰ (u² would overflow near 2⁵¹²), below 2⁻¹⁰⁰⁰ (zeros and subnormal
    // products go to the scalar path) and at NaN (every comparison is false)
    breakIf(
      1,
      i32.eqz(
        i64x2.allTrue(
          v128.and(
            f64x2.le(f64x2.max(get(at(u, 0)), get(at(u, 1))), locals.f64(2 ** 500)),
            f64x2.ge(f64x2.min(get(at(u, 0)), get(at(u, 1))), locals.f64(2 ** -1000)),
          ),
        ),
      ),
    ),
    ifElse(
      i64x2.allTrue(f64x2.ge(f64x2.min(get(at(u, 0)), get(at(u, 1))), locals.f64(0.5))),
      large,
      small,
    ),
    ...[0, 1].map((h) =>
      v128.store(
        get(dst),
        f64x2.mul(get(vOut), v128.or(get(at(y, h)), v128.and(get(at(x, h)), sign))),
        16 * h,
      ),
    ),
  );
  return streamingKernel(
    'scaledAsinh',
    ['i32', 'i32', 'i32', 'f64', 'f64'],
    locals,
    counters,
    [set(vIn, f64x2.splat(get(pMulIn))), set(vOut, f64x2.splat(get(pMulOut)))],
    body,
  );
}

/** Pages (64 KiB) of the kernels' memory: the log table, then an input and an output chunk. */
export const MEMORY_PAGES = 2;
/** Elements per chunk: the input chunk starts at byte 4096, the output chunk after it. */
export const CHUNK = 4096;
/** Byte address of the input chunk. */
export const INPUT_ADDRESS = 4096;
/** Byte address of the output chunk. */
export const OUTPUT_ADDRESS = INPUT_ADDRESS + 8 * CHUNK;

/** The kinetics kernels' functions. */
export function kineticsKernels(): FunctionDefinition[] {
  return [expm1DifferenceKernel(), twoSinhKernel(), scaledAsinhKernel()];
}

/** The encoded module. */
export function kineticsModuleBytes(): Uint8Array {
  return encodeModule(kineticsKernels(), MEMORY_PAGES);
}

/** The module's WAT text (for the encoding test against `wabt`). */
export function kineticsModuleText(): string {
  return moduleText(kineticsKernels(), MEMORY_PAGES);
}
