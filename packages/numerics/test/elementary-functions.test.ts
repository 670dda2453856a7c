import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastExp, fastExpm1 } from '../src/elementary-functions.js';
import data from './fixtures/elementary-functions.json' with { type: 'json' };

// Reference values: fixtures/elementary-functions.py, mpmath 1.2.1 at 300 bits, rounded to
// float64 by hand (subnormals included), with the residual of the exact value in ulps, so that
// the error of an implementation is measured against the exact value, not its rounding.
type Case = [x: number, rounded: number, residual: number, ulpExponent: number];
const cases = data.cases as unknown as Record<string, Case[]>;

/** Largest error in ulps of the exact value, and where. */
function worstError(name: string, f: (x: number) => number): { ulps: number; at: number } {
  let ulps = 0;
  let at = Number.NaN;
  for (const [x, rounded, residual, e] of cases[name] ?? []) {
    const error = Math.abs((f(x) - rounded) / 2 ** e - residual);
    if (!(error <= ulps)) {
      ulps = error;
      at = x;
    }
  }
  return { ulps, at };
}

const ULP = Number.EPSILON; // ulp of 1

describe('accuracy against mpmath (correctly rounded references)', () => {
  // The bounds are the measured maxima (on 2·10⁵ arguments, see the TSDoc) rounded up: all are
  // below 1 ulp, i.e. the functions are faithful.
  const bounds: [string, (x: number) => number, number][] = [
    ['exp', fastExp, 0.75],
    ['expm1', fastExpm1, 0.6],
  ];
  for (const [name, f, bound] of bounds) {
    it(`${name}: max error ≤ ${bound} ulp on ${cases[name]?.length} arguments`, () => {
      expect(cases[name]?.length).toBeGreaterThan(500);
      const { ulps, at } = worstError(name, f);
      expect(ulps, `worst at x = ${at}`).toBeLessThanOrEqual(bound);
    });
  }

  it('exp of a normal result is within 0.52 ulp (the method bound)', () => {
    const normal = (cases.exp ?? []).filter(([x]) => x > -708);
    let worst = 0;
    for (const [x, rounded, residual, e] of normal) {
      worst = Math.max(worst, Math.abs((fastExp(x) - rounded) / 2 ** e - residual));
    }
    expect(worst).toBeLessThanOrEqual(0.52);
  });

  it('the measure sees errors: exp off by a relative 4ε is reported above 1 ulp', () => {
    // Guards the fixture's discriminating power (a measure that always said 0 would pass above).
    expect(worstError('exp', (x) => Math.exp(x) * (1 + 4 * ULP)).ulps).toBeGreaterThan(1);
  });
});

describe('special values (IEEE 754 / C99 Annex F, as Math.*)', () => {
  it('fastExp', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(fastExp(1)).toBe(Math.E); // e correctly rounded
    expect(fastExp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(fastExp(Number.NEGATIVE_INFINITY), 0)).toBe(true);
    expect(fastExp(Number.NaN)).toBeNaN();
    expect(fastExp(709.78)).toBeLessThan(Number.MAX_VALUE); // ln(MAX_VALUE) = 709.7827…
    expect(fastExp(709.79)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExp(1e300)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExp(-745)).toBe(Number.MIN_VALUE); // e^−745 = 4.94e-324·1.006…
    expect(fastExp(-746)).toBe(0);
    expect(fastExp(-1e300)).toBe(0);
    // 2^k exactly at multiples of ln 2 up to rounding of k·ln 2: e^(ln 2) = 2.
    expect(fastExp(Math.LN2)).toBe(2);
  });

  it('fastExpm1', () => {
    expect(Object.is(fastExpm1(0), 0)).toBe(true);
    expect(Object.is(fastExpm1(-0), -0)).toBe(true);
    expect(fastExpm1(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExpm1(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(fastExpm1(-50)).toBe(-1);
    expect(fastExpm1(Number.NaN)).toBeNaN();
    expect(fastExpm1(710)).toBe(Number.POSITIVE_INFINITY);
    expect(fastExpm1(1e-300)).toBe(1e-300);
    expect(fastExpm1(5e-324)).toBe(5e-324);
  });

  it('accept what Math.* accepts: no validation, NaN in → NaN out (hot-loop kernels)', () => {
    // Like Math.exp these are IEEE functions, not validating API entry points: a NaN or an
    // argument outside the domain gives NaN, never a silently plausible number.
    for (const f of [fastExp, fastExpm1]) {
      expect(f(Number.NaN)).toBeNaN();
      expect(f(undefined as unknown as number)).toBeNaN();
    }
  });
});

describe('laws (fast-check)', () => {
  const finite = (min: number, max: number) =>
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

  it('exp and expm1 are non-decreasing', () => {
    const pairs: [(x: number) => number, number, number][] = [
      [fastExp, -750, 720],
      [fastExpm1, -60, 720],
    ];
    for (const [f, min, max] of pairs) {
      fc.assert(
        fc.property(finite(min, max), finite(min, max), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return f(lo) <= f(hi);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('monotone across the branch points (neighbouring doubles)', () => {
    const next = (x: number) => x + Math.abs(x) * ULP;
    const points: [(x: number) => number, number[]][] = [
      [fastExp, [704, -704, 708.3964, -708.3964, 0.0027, -0.0027]],
      [fastExpm1, [0.0625, -0.0625, 40, -40]],
    ];
    for (const [f, xs] of points) {
      for (const x of xs) {
        let previous = f(x - 64 * Math.abs(x) * ULP);
        for (let k = -63, y = x - 63 * Math.abs(x) * ULP; k < 64; k++, y = next(y)) {
          const value = f(y);
          expect(value).toBeGreaterThanOrEqual(previous);
          previous = value;
        }
      }
    }
  });

  it('agree with Math.* within one ulp of either on random doubles of every magnitude', () => {
    // Both are faithful (< 1 ulp), so they can differ by at most 2 ulp of the result.
    const close = (a: number, b: number) =>
      a === b || Math.abs(a - b) <= 2 * ULP * Math.max(Math.abs(a), Math.abs(b));
    fc.assert(
      fc.property(finite(-Number.MAX_VALUE, Number.MAX_VALUE), (x) => {
        const small = x / 2 ** 1000; // also cover tiny magnitudes
        return (
          close(fastExp(small), Math.exp(small)) &&
          close(fastExp(x / 2 ** 1015), Math.exp(x / 2 ** 1015)) &&
          close(fastExpm1(small), Math.expm1(small))
        );
      }),
      { numRuns: 3000 },
    );
  });
});
