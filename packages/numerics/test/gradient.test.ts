import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradient } from '../src/gradient.js';
import data from './fixtures/array-kernels.json' with { type: 'json' };

/** Strictly increasing coordinates: a start plus positive steps of at least 0.01. */
const coordinates = (minLength: number) =>
  fc
    .tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), {
        minLength: minLength - 1,
        maxLength: 40,
      }),
    )
    .map(([start, steps]) => {
      const xs = [start];
      for (const step of steps) xs.push((xs[xs.length - 1] as number) + step);
      return xs;
    })
    .filter((xs) => xs.every((v, i) => i === 0 || v > (xs[i - 1] as number)));

const maxAbs = (values: readonly number[]) => Math.max(...values.map(Math.abs), Number.MIN_VALUE);
const minStep = (xs: readonly number[]) =>
  Math.min(...xs.slice(1).map((x, i) => Math.abs(x - (xs[i] as number))));

describe('gradient', () => {
  it('equals numpy.gradient bit for bit (uniform, scalar spacing, non-uniform, decreasing)', () => {
    for (const c of data.gradient) {
      const x = 'x' in c ? (c.x as number | number[]) : undefined;
      expect(Array.from(gradient(c.y, x)), c.name).toEqual(c.expected);
    }
  });

  it('matches closed forms', () => {
    // y = x² at x = 0…4, h = 1: interior (y₊ − y₋)/2 = 2x exactly; ends one-sided 1 and 7.
    expect(Array.from(gradient([0, 1, 4, 9, 16]))).toEqual([1, 2, 4, 6, 7]);
    // Spacing 0.5 on y = 2x: slope 2 everywhere.
    expect(Array.from(gradient([0, 1, 2, 3], 0.5))).toEqual([2, 2, 2, 2]);
    // y = x² at x = 0, 1, 3: centre (hₛ = 1, hₜ = 2): −2/3·0 + 1/2·1 + 1/6·9 = 2 = 2·1.
    expect(Array.from(gradient([0, 1, 9], [0, 1, 3]))).toEqual([1, 2, 4]);
    expect(Array.from(gradient([3, 5]))).toEqual([2, 2]);
  });

  it('is exact for linear data everywhere (uniform or not)', () => {
    fc.assert(
      fc.property(
        coordinates(2),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (xs, slope, intercept) => {
          const ys = xs.map((x) => slope * x + intercept);
          const g = gradient(ys, xs);
          // Exact up to rounding: each yᵢ carries ≤ ε|yᵢ| + 2⁻¹⁰⁷⁴ (ε = 2⁻⁵², the second term for
          // underflow), and the weights ≤ 1/h_min multiply it; a few more ε of the weights.
          const tolerance = (16 * (Number.EPSILON * maxAbs(ys) + Number.MIN_VALUE)) / minStep(xs);
          let worst = 0;
          for (const v of g) worst = Math.max(worst, Math.abs(v - slope));
          expect(worst).toBeLessThanOrEqual(tolerance);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is exact for quadratics at interior points, with uniform or non-uniform x', () => {
    fc.assert(
      fc.property(
        coordinates(3),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.boolean(),
        (rawXs, a, b, c, uniform) => {
          const xs = uniform ? rawXs.map((_, i) => 0.25 * i - 3) : rawXs;
          const ys = xs.map((x) => a * x * x + b * x + c);
          const g = gradient(ys, xs);
          // Exact up to rounding: each term of y carries ≤ 2ε of max(|ax²| + |bx| + |c|), and the
          // three weights (each ≤ 1/h_min) multiply it (plus the absolute error of underflow).
          const terms = maxAbs(xs.map((x) => Math.abs(a * x * x) + Math.abs(b * x) + Math.abs(c)));
          const underflow = Number.MIN_VALUE * (1 + maxAbs(xs)); // a·x rounded, then times x
          const tolerance = (32 * (Number.EPSILON * terms + underflow)) / minStep(xs);
          let violations = 0;
          for (let i = 1; i < xs.length - 1; i++) {
            const exact = 2 * a * (xs[i] as number) + b;
            if (Math.abs((g[i] as number) - exact) > tolerance) violations++;
          }
          expect(violations).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes into out, which may be y itself', () => {
    const y = new Float64Array([0, 1, 4, 9, 16]);
    const out = new Float64Array(5);
    expect(gradient(y, 1, { out })).toBe(out);
    expect(Array.from(out)).toEqual([1, 2, 4, 6, 7]);
    expect(gradient(y, [0, 1, 2, 3, 5], { out: y })).toBe(y);
    // Same values as a fresh computation on the original data.
    expect(Array.from(y)).toEqual(Array.from(gradient([0, 1, 4, 9, 16], [0, 1, 2, 3, 5])));
  });

  it('rejects bad input with a message naming the argument', () => {
    expect(() => gradient([1])).toThrow(
      new RangeError('y must have at least 2 elements; received length 1'),
    );
    expect(() => gradient([1, Number.NaN])).toThrow(/y\[1\] must be a finite number/);
    expect(() => gradient([1, 2], 0)).toThrow(/x must be a non-zero spacing/);
    expect(() => gradient([1, 2], Number.POSITIVE_INFINITY)).toThrow(/x must be a finite number/);
    expect(() => gradient([1, 2, 3], [0, 1])).toThrow(
      /x must have the same length as y \(3\); received length 2/,
    );
    expect(() => gradient([1, 2, 3], [0, 1, 1])).toThrow(/x must be strictly monotonic/);
    expect(() => gradient([1, 2, 3], [0, 2, 1])).toThrow(/x\[1\] = 2, x\[2\] = 1/);
    expect(() => gradient([1, 2, 3], [-1e308, 1e308, 1.5e308])).toThrow(/finite steps/);
    expect(() => gradient([1, 2, 3], [0, 1, Number.NaN])).toThrow(/x\[2\] must be a finite/);
    expect(() => gradient([1, 2], '1' as unknown as number)).toThrow(TypeError);
    expect(() => gradient([1, 2], 1, { out: new Float64Array(3) })).toThrow(/out must have/);
    expect(() => gradient([1, 2], 1, { out: [0, 0] as unknown as Float64Array })).toThrow(
      TypeError,
    );
  });
});
