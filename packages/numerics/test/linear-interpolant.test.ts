import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearInterpolant } from '../src/linear-interpolant.js';
import data from './fixtures/smoothing-interpolation.json' with { type: 'json' };

/** Indices where `got` and `expected` differ by more than `tolerance` (NaN matches NaN). */
function mismatches(
  got: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
): number[] {
  const bad: number[] = [];
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) ? !Number.isNaN(g) : !(Math.abs(g - e) <= tolerance)) bad.push(i);
  }
  return bad;
}

// References (test/fixtures/smoothing-interpolation.py): numpy.interp inside the domain,
// scipy.interpolate.interp1d(fill_value='extrapolate') outside, and the derivative of scipy's
// degree-1 B-spline make_interp_spline(x, y, k=1).derivative() (right-continuous at interior knots,
// left-continuous at the last knot: the convention documented for linearInterpolant).
describe('linearInterpolant against numpy.interp and scipy', () => {
  it.each(Object.entries(data.linear))('%s', (_, c) => {
    const a = c.x[0]!;
    const b = c.x[c.x.length - 1]!;
    const inside = c.query.map((q) => q >= a && q <= b);
    const f = linearInterpolant(c.x, c.y);
    const g = linearInterpolant(c.x, c.y, { extrapolate: true });
    const nanOutside = (values: number[]) => values.map((v, i) => (inside[i] ? v : Number.NaN));
    // Same formula as numpy.interp, evaluated in the same order: bit-for-bit inside the domain.
    expect(mismatches(f.evaluate(c.query), nanOutside(c.value), 0)).toEqual([]);
    expect(mismatches(g.evaluate(c.query), c.value, 1e-12 * 10)).toEqual([]);
    expect(mismatches(f.derivative.evaluate(c.query), nanOutside(c.derivative), 1e-12)).toEqual([]);
    expect(mismatches(g.derivative.evaluate(c.query), c.derivative, 1e-12)).toEqual([]);
  });

  it('takes the right-hand slope at interior knots and the left-hand one at the last knot', () => {
    // Slopes 2 on [0, 1] and 0.5 on [1, 3].
    const f = linearInterpolant([0, 1, 3], [0, 2, 3]);
    expect(f.derivative(0)).toBe(2);
    expect(f.derivative(1)).toBe(0.5);
    expect(f.derivative(3)).toBe(0.5);
    expect(f.derivative.derivative(2)).toBe(0);
    expect(f(2)).toBe(2.5);
  });
});

describe('linearInterpolant laws', () => {
  const knots = fc
    .array(fc.double({ min: 1e-3, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 })
    .chain((gaps) =>
      fc.record({
        gaps: fc.constant(gaps),
        start: fc.double({ min: -100, max: 100, noNaN: true }),
        values: fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), {
          minLength: gaps.length + 1,
          maxLength: gaps.length + 1,
        }),
      }),
    )
    .map(({ gaps, start, values }) => {
      const x = [start];
      for (const gap of gaps) x.push(x[x.length - 1]! + gap);
      return { x, values };
    });

  it('is exact on linear data, with the exact slope, extrapolated or not', () => {
    fc.assert(
      fc.property(
        knots,
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        ({ x }, intercept, slope, fractions) => {
          const line = (t: number) => intercept + slope * t;
          const f = linearInterpolant(x, x.map(line));
          const g = linearInterpolant(x, x.map(line), { extrapolate: true });
          const a = x[0]!;
          const b = x[x.length - 1]!;
          const span = b - a;
          const size = Math.abs(intercept) + Math.abs(slope) * (Math.abs(a) + 2 * span) + 1;
          let bad = 0;
          for (const u of fractions) {
            const t = a + u * span;
            const outside = b + u * span;
            if (t <= b && Math.abs(f(t) - line(t)) > 1e-12 * size) bad++;
            if (Math.abs(g(outside) - line(outside)) > 1e-12 * size) bad++;
            // The secant of a line is its slope, up to the rounding of the sampled values.
            const slopeError = Math.abs(f.derivative(Math.min(t, b)) - slope);
            if (slopeError > (1e-12 * size) / Math.min(...x.slice(1).map((v, i) => v - x[i]!))) {
              bad++;
            }
          }
          expect(bad).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('passes through every knot exactly and stays within neighbouring values', () => {
    fc.assert(
      fc.property(knots, fc.double({ min: 0, max: 1, noNaN: true }), ({ x, values }, u) => {
        const f = linearInterpolant(x, values);
        let bad = x.filter((xi, i) => f(xi) !== values[i]!).length;
        for (let i = 0; i + 1 < x.length; i++) {
          const t = x[i]! + u * (x[i + 1]! - x[i]!);
          const v = f(Math.min(t, x[i + 1]!));
          const lo = Math.min(values[i]!, values[i + 1]!);
          const hi = Math.max(values[i]!, values[i + 1]!);
          // Rounding of yᵢ + mᵢ·s: relative 1e-12, plus an absolute floor for subnormal values.
          const slack = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi)) + 1e-300;
          if (!(v >= lo - slack && v <= hi + slack)) bad++;
        }
        expect(bad).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('gives NaN outside the domain unless extrapolate is set', () => {
    fc.assert(
      fc.property(knots, fc.double({ min: 1e-6, max: 1e3, noNaN: true }), ({ x, values }, d) => {
        const f = linearInterpolant(x, values);
        const g = linearInterpolant(x, values, { extrapolate: true });
        const outside = [x[0]! - d, x[x.length - 1]! + d];
        expect(outside.map(f).every(Number.isNaN)).toBe(true);
        expect(outside.map((t) => f.derivative(t)).every(Number.isNaN)).toBe(true);
        expect(outside.map(g).every(Number.isFinite)).toBe(true);
        expect(Number.isNaN(f(Number.NaN)) && Number.isNaN(g(Number.NaN))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('linearInterpolant input handling', () => {
  it('evaluates into out and exposes its domain', () => {
    const f = linearInterpolant([0, 1, 3], [0, 2, 3]);
    const out = new Float64Array(3);
    expect(f.evaluate([0.5, 2, 5], out)).toBe(out);
    expect(Array.from(out)).toEqual([1, 2.5, Number.NaN]);
    expect(f.domain).toEqual([0, 3]);
  });

  it('rejects bad input, naming the argument', () => {
    expect(() => linearInterpolant([0, 1, 2], [0, 1])).toThrow(
      new RangeError('y must have the same length as x (3); received length 2'),
    );
    expect(() => linearInterpolant([0, 1, 0.5], [0, 1, 2])).toThrow(
      new RangeError('x must be strictly increasing; received x[2] = 0.5 after x[1] = 1'),
    );
    expect(() => linearInterpolant([0, 1], [0, Number.NaN])).toThrow(
      /y\[1\] must be a finite number; received NaN/,
    );
    expect(() => linearInterpolant([0, Number.POSITIVE_INFINITY], [0, 1])).toThrow(/x\[1\]/);
    expect(() => linearInterpolant([], [])).toThrow(/at least 2 elements/);
    expect(() => linearInterpolant([0, 1], [-1e308, 1e308], {})).toThrow(/overflows/);
    expect(() =>
      linearInterpolant([0, 1], [0, 1], { extrapolate: 1 as unknown as boolean }),
    ).toThrow(TypeError);
    expect(() => linearInterpolant([0, 1], [0, 1], 'x' as unknown as object)).toThrow(
      /options must be an object/,
    );
    const f = linearInterpolant([0, 1], [0, 1]);
    expect(() => f.evaluate([0.5], new Float32Array(1) as unknown as Float64Array)).toThrow(
      /out must be a Float64Array; received Float32Array\(1\)/,
    );
  });
});
