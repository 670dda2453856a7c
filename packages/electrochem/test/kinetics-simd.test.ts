import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  butlerVolmer,
  butlerVolmerArray,
  FARADAY,
  GAS_CONSTANT,
  overpotential,
  overpotentialArray,
} from '../src/index.js';
import { SIMD_MIN_LENGTH } from '../src/wasm/kinetics-simd.js';
import { CHUNK } from '../src/wasm/kinetics-simd-kernels.js';

// f = F/(RT) at 298.15 K, with CODATA 2018's exact F = N_A·e and R = N_A·k (test/constants.test.ts)
const f = FARADAY / (GAS_CONSTANT * 298.15);

/** Largest relative difference, with both-infinite equal values counted as agreement. */
function worstRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    if (x === y) continue;
    worst = Math.max(worst, Math.abs(x - y) / Math.abs(y));
  }
  return worst;
}

/** Seeded uniform numbers (Park–Miller), so that failures reproduce. */
function uniforms(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let k = 0; k < n; k++) {
    s = (s * 48271) % 2147483647;
    out[k] = s / 2147483647;
  }
  return out;
}

describe('butlerVolmerArray on long arrays (WebAssembly SIMD kernel)', () => {
  it('is within 1e-15 relative of i0·(expm1(αa f η) − expm1(−αc f η)) with Math.expm1, up to |η| = 5 V', () => {
    for (const [alphaA, alphaC] of [
      [0.3, 0.7],
      [0.5, 0.5],
      [0.9, 0.15],
    ] as const) {
      const n = 20_001;
      const eta = uniforms(n, 7).map((u) => 10 * u - 5);
      // η near 0, where exp − exp would cancel: the expm1 form keeps full relative accuracy
      for (let k = 0; k < 200; k++) eta[k] = (eta[k] as number) * 1e-9;
      const i = butlerVolmerArray({
        overpotential: eta,
        exchangeCurrentDensity: 3,
        alphaA,
        alphaC,
        temperature: 298.15,
      });
      const reference = eta.map(
        (x) => 3 * (Math.expm1(alphaA * f * x) - Math.expm1(-alphaC * f * x)),
      );
      expect(worstRelative(i, reference)).toBeLessThanOrEqual(1e-15);
    }
  });

  it('hands overflowing groups, tails, plain arrays and per-point i0 to the scalar kernel', () => {
    // 2·CHUNK + 7 points: three chunks, a tail of 7 (not a multiple of 4)
    const n = 2 * CHUNK + 7;
    const eta = Array.from(uniforms(n, 11), (u) => 0.8 * u - 0.4);
    // |αa f η| > 700 (η = 40 V) and an overflow to ±Infinity, at group boundaries and inside
    for (const k of [0, 5, CHUNK - 1, CHUNK + 2, n - 1]) eta[k] = k % 2 ? 40 : -40;
    const i0 = Array.from(uniforms(n, 13), (u) => 0.01 + u);
    const options = { overpotential: eta, alphaA: 0.4, alphaC: 0.6, temperature: 298.15 };
    const i = butlerVolmerArray({ ...options, exchangeCurrentDensity: i0 });
    const scalar = eta.map((x, k) =>
      butlerVolmer({ ...options, overpotential: x, exchangeCurrentDensity: i0[k] as number }),
    );
    // the kernel rounds the exponent as (αa·f)·η, the scalar kernel as αa·(f·η): an ulp of an
    // exponent |y| ≤ 10 moves e^y by ≤ 10 ulp
    expect(worstRelative(i, scalar)).toBeLessThanOrEqual(3e-15);
    expect(i[CHUNK + 2]).toBe(scalar[CHUNK + 2]); // the scalar kernel's own value in a declined group
    expect(Number.isFinite(i[5])).toBe(true);
  });

  it('is odd in η when αa = αc (property)', () => {
    fc.assert(
      fc.property(
        fc.float64Array({
          minLength: SIMD_MIN_LENGTH,
          maxLength: 300,
          min: -3,
          max: 3,
          noNaN: true,
          noDefaultInfinity: true,
        }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (eta, alpha) => {
          const o = { exchangeCurrentDensity: 2, alphaA: alpha, alphaC: alpha, temperature: 300 };
          const plus = butlerVolmerArray({ ...o, overpotential: eta });
          const minus = butlerVolmerArray({ ...o, overpotential: eta.map((x) => -x) });
          // exactly odd (=== : the sign of a zero current is not part of the contract)
          for (let k = 0; k < eta.length; k++) expect(minus[k] === -(plus[k] as number)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('overpotentialArray on long arrays, αa = αc (WebAssembly SIMD asinh)', () => {
  it('is within 1e-15 relative of asinh(i/(2 i0))/(α f) with Math.asinh, from 1e-12 to 1e12 A m⁻²', () => {
    const n = 20_003;
    const u = uniforms(n, 17);
    const current = u.map((x, k) => (k % 3 === 0 ? -1 : 1) * 10 ** (24 * x - 12));
    for (const k of [3, 4, 5, 6, 100, n - 2]) current[k] = 0; // zeros go to the scalar kernel
    const i0 = 0.7;
    const eta = overpotentialArray({
      current,
      exchangeCurrentDensity: i0,
      alphaA: 0.5,
      alphaC: 0.5,
      temperature: 298.15,
    });
    const reference = current.map((i) => Math.asinh(i / (2 * i0)) / (0.5 * f));
    expect(worstRelative(eta, reference)).toBeLessThanOrEqual(1e-15);
    expect(Object.is(eta[4], 0)).toBe(true);
  });

  it('agrees with the scalar inverse at the kernel range limits and for huge ratios', () => {
    const n = 103;
    const current = Array.from(uniforms(n, 19), (x) => 4 * x - 2);
    // |i/(2 i0)| above 2⁵⁰⁰, beyond Number.MAX_VALUE/i0 and subnormal: scalar kernel paths
    current[8] = 1e200;
    current[9] = -1.7e308;
    current[50] = 5e-324;
    current[51] = -1e-310;
    const o = { exchangeCurrentDensity: 1e-160, alphaA: 0.5, alphaC: 0.5, temperature: 298.15 };
    const eta = overpotentialArray({ ...o, current });
    for (let k = 0; k < n; k++) {
      const scalar = overpotential({ ...o, current: current[k] as number });
      expect(Math.abs((eta[k] as number) - scalar)).toBeLessThanOrEqual(1e-15 * Math.abs(scalar));
    }
  });

  it('inverts butlerVolmerArray to 1e-13 (round trip, property)', () => {
    fc.assert(
      fc.property(
        fc.float64Array({
          minLength: SIMD_MIN_LENGTH,
          maxLength: 200,
          min: -2,
          max: 2,
          noNaN: true,
          noDefaultInfinity: true,
        }),
        (eta) => {
          const o = { exchangeCurrentDensity: 1.5, alphaA: 0.5, alphaC: 0.5, temperature: 310 };
          const back = overpotentialArray({
            ...o,
            current: butlerVolmerArray({ ...o, overpotential: eta }),
          });
          for (let k = 0; k < eta.length; k++) {
            expect(Math.abs((back[k] as number) - (eta[k] as number))).toBeLessThanOrEqual(
              1e-13 * Math.abs(eta[k] as number),
            );
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('without WebAssembly', () => {
  it('falls back to the scalar loops, with the scalar functions’ exact values', async () => {
    vi.resetModules();
    const global = globalThis as { WebAssembly?: unknown };
    const saved = global.WebAssembly;
    global.WebAssembly = undefined;
    try {
      const fresh = await import('../src/index.js');
      const eta = Array.from(uniforms(200, 23), (u) => u - 0.5);
      const o = { exchangeCurrentDensity: 2, alphaA: 0.3, alphaC: 0.7, temperature: 298.15 };
      const i = fresh.butlerVolmerArray({ ...o, overpotential: eta });
      for (let k = 0; k < eta.length; k++) {
        expect(i[k]).toBe(fresh.butlerVolmer({ ...o, overpotential: eta[k] as number }));
      }
      const s = { ...o, alphaA: 0.5, alphaC: 0.5 };
      const back = fresh.overpotentialArray({ ...s, current: eta });
      for (let k = 0; k < eta.length; k++) {
        expect(back[k]).toBe(fresh.overpotential({ ...s, current: eta[k] as number }));
      }
    } finally {
      global.WebAssembly = saved;
      vi.resetModules();
    }
  });
});

describe('bad elements in long arrays', () => {
  it('are rejected with the index, as for short arrays', () => {
    const eta = new Float64Array(300).fill(0.1);
    eta[257] = Number.NaN;
    const o = { exchangeCurrentDensity: 1, temperature: 298.15 };
    expect(() => butlerVolmerArray({ ...o, overpotential: eta })).toThrow(
      /options\.overpotential\[257\] must be a finite number; received NaN/,
    );
    const current = Array.from({ length: 130 }, () => 1);
    current[3] = Number.NEGATIVE_INFINITY;
    expect(() => overpotentialArray({ ...o, current })).toThrow(
      /options\.current\[3\] must be a finite number; received -Infinity/,
    );
    expect(() =>
      butlerVolmerArray({
        ...o,
        overpotential: Array.from({ length: 100 }, (_, k) => (k === 99 ? 'x' : 0)) as number[],
      }),
    ).toThrow(TypeError);
  });
});
