import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pchip } from '../src/pchip.js';
import data from './fixtures/smoothing-interpolation.json' with { type: 'json' };

function maxAbs(a: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]!));
  return worst;
}

/** Counts elements where `got` and `expected` differ by more than `tolerance` (NaN = NaN). */
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

// Reference: scipy.interpolate.PchipInterpolator (scipy 1.10.1), values and .derivative(), from
// test/fixtures/smoothing-interpolation.py. The queries are 25 points across the domain, the
// knots, and 4 points outside (where scipy extrapolates by default).
describe('pchip against scipy.interpolate.PchipInterpolator', () => {
  it.each(Object.entries(data.pchip))('%s', (_, c) => {
    const inside = c.query.map((q) => q >= c.x[0]! && q <= c.x[c.x.length - 1]!);
    const f = pchip(c.x, c.y);
    const g = pchip(c.x, c.y, { extrapolate: true });
    const valueTolerance = 1e-12 * maxAbs(c.y);
    const slopeTolerance = 1e-12 * Math.max(maxAbs(c.derivative), 1);
    const nanOutside = (values: number[]) => values.map((v, i) => (inside[i] ? v : Number.NaN));

    expect(mismatches(f.evaluate(c.query), nanOutside(c.value), valueTolerance)).toEqual([]);
    expect(mismatches(g.evaluate(c.query), c.value, valueTolerance)).toEqual([]);
    expect(
      mismatches(f.derivative.evaluate(c.query), nanOutside(c.derivative), slopeTolerance),
    ).toEqual([]);
    expect(mismatches(g.derivative.evaluate(c.query), c.derivative, slopeTolerance)).toEqual([]);
    // The scalar call agrees with evaluate.
    expect(
      mismatches(
        c.query.map((q) => g(q)),
        c.value,
        valueTolerance,
      ),
    ).toEqual([]);
  });

  it('uses both corrections of the end-slope rule', () => {
    // Secants [1, −5, 4, 1], unit spacing. Left: d = (3·1 − (−5))/2 = 4 > 3|m0| with m0, m1 of
    // opposite sign → 3·m0 = 3. Right: d = (3·1 − 4)/2 = −0.5 has the wrong sign → 0.
    const f = pchip([0, 1, 2, 3, 4], [0, 1, -4, 0, 1]);
    expect(f.derivative(0)).toBe(3);
    expect(f.derivative(4)).toBe(0);
    // Interior: secants change sign at x = 1 and x = 2 → 0; at x = 3 both positive:
    // w1 = 2·1 + 1 = 3, w2 = 3, 6/d = 3/4 + 3/1 → d = 1.6.
    expect(f.derivative(1)).toBe(0);
    expect(f.derivative(2)).toBe(0);
    expect(f.derivative(3)).toBeCloseTo(1.6, 14);
  });

  it('is the straight line through 2 points', () => {
    const f = pchip([1, 3], [2, -4]);
    expect(f(2)).toBe(-1);
    expect(f.derivative(1.5)).toBe(-3);
    expect(f.derivative.derivative(2)).toBe(0);
    expect(f.domain).toEqual([1, 3]);
  });
});

describe('pchip laws', () => {
  // Strictly increasing knots from positive gaps, values from non-negative steps (zeros make flat
  // stretches), optionally mirrored to decreasing data.
  const monotoneData = fc
    .integer({ min: 2, max: 25 })
    .chain((n) =>
      fc.record({
        start: fc.double({ min: -100, max: 100, noNaN: true }),
        gaps: fc.array(fc.double({ min: 1e-3, max: 10, noNaN: true }), {
          minLength: n - 1,
          maxLength: n - 1,
        }),
        y0: fc.double({ min: -100, max: 100, noNaN: true }),
        steps: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })), {
          minLength: n - 1,
          maxLength: n - 1,
        }),
        decreasing: fc.boolean(),
      }),
    )
    .map(({ start, gaps, y0, steps, decreasing }) => {
      const x = [start];
      const y = [y0];
      for (let i = 0; i < gaps.length; i++) {
        x.push(x[i]! + gaps[i]!);
        y.push(y[i]! + (decreasing ? -steps[i]! : steps[i]!));
      }
      return { x, y, decreasing };
    });

  it('is monotone and within each interval’s end values on monotone data (dense grid)', () => {
    fc.assert(
      fc.property(monotoneData, ({ x, y, decreasing }) => {
        const f = pchip(x, y);
        const sign = decreasing ? -1 : 1;
        const tolerance = 1e-12 * (maxAbs(y) + 1);
        let violations = 0;
        for (let i = 0; i + 1 < x.length; i++) {
          const lo = Math.min(y[i]!, y[i + 1]!) - tolerance;
          const hi = Math.max(y[i]!, y[i + 1]!) + tolerance;
          let previous = f(x[i]!);
          for (let k = 1; k <= 40; k++) {
            // (The last grid point is the knot itself: x[i] + (x[i+1] − x[i]) may round past it.)
            const t = k === 40 ? x[i + 1]! : x[i]! + ((x[i + 1]! - x[i]!) * k) / 40;
            const value = f(t);
            if (sign * (value - previous) < -tolerance) violations++;
            if (!(value >= lo && value <= hi)) violations++;
            previous = value;
          }
        }
        expect(violations).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('passes exactly through every knot, the last one included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-3, max: 10, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 31, maxLength: 31 }),
        (gaps, values) => {
          const x = [0];
          for (const gap of gaps) x.push(x[x.length - 1]! + gap);
          const y = values.slice(0, x.length);
          const f = pchip(x, y);
          const missed = x.filter((xi, i) => f(xi) !== y[i]!).length;
          expect(missed).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('has a continuous slope (C¹), and .derivative is the derivative of the value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 2, maxLength: 20 }),
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 21, maxLength: 21 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (gaps, values, fraction) => {
          const x = [0];
          for (const gap of gaps) x.push(x[x.length - 1]! + gap);
          const y = values.slice(0, x.length);
          const f = pchip(x, y);
          const slopeScale = 2 * (maxAbs(y) / 0.1) * 3 + 1; // |d| ≤ 3·max|secant|
          let bad = 0;
          for (let i = 1; i + 1 < x.length; i++) {
            // Left limit of the slope at an interior knot equals the slope there.
            const left = f.derivative(x[i]! - 1e-10 * gaps[i - 1]!);
            if (Math.abs(left - f.derivative(x[i]!)) > 1e-6 * slopeScale) bad++;
          }
          for (let i = 0; i + 1 < x.length; i++) {
            // Central difference of the value (error O(h²·f‴)) against the derivative.
            const h = 1e-5 * gaps[i]!;
            const t = x[i]! + fraction * gaps[i]!;
            const difference = (f(t + h) - f(t - h)) / (2 * h);
            if (Math.abs(difference - f.derivative(t)) > 1e-5 * slopeScale) bad++;
          }
          expect(bad).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives NaN outside the domain unless extrapolate is set', () => {
    fc.assert(
      fc.property(
        monotoneData,
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        ({ x, y }, beyond) => {
          const f = pchip(x, y);
          const g = pchip(x, y, { extrapolate: true });
          const a = x[0]!;
          const b = x[x.length - 1]!;
          const outside = [a - beyond, b + beyond];
          expect(outside.map(f).every(Number.isNaN)).toBe(true);
          expect(outside.map((t) => f.derivative(t)).every(Number.isNaN)).toBe(true);
          expect(outside.map(g).every(Number.isFinite)).toBe(true);
          expect(Number.isNaN(g(Number.NaN))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('pchip evaluation', () => {
  const { x, y } = data.pchip.irregular;
  const f = pchip(x, y);

  it('evaluates sorted, unsorted and repeated queries alike, into out when given', () => {
    const queries = Float64Array.from({ length: 200 }, (_, i) => -0.5 + (i * 8.7) / 199);
    const scalar = Array.from(queries, (q) => f(q));
    expect(Array.from(f.evaluate(queries))).toEqual(scalar);
    const shuffled = Array.from(queries).reverse();
    expect(Array.from(f.evaluate(shuffled)).reverse()).toEqual(scalar);
    const out = new Float64Array(queries.length);
    expect(f.evaluate(queries, out)).toBe(out);
    expect(Array.from(out)).toEqual(scalar);
    // In place.
    expect(Array.from(f.evaluate(queries, queries))).toEqual(scalar);
  });

  it('copies its input and exposes its domain', () => {
    const xs = [0, 1, 2];
    const ys = [0, 1, 4];
    const g = pchip(xs, ys);
    const before = g(1.5);
    xs[1] = 0.5;
    ys[1] = 100;
    expect(g(1.5)).toBe(before);
    expect(g.domain).toEqual([0, 2]);
    expect(g.derivative.domain).toEqual([0, 2]);
  });

  it('rejects bad input, naming the argument', () => {
    expect(() => pchip([0, 1, 2], [0, 1])).toThrow(
      new RangeError('y must have the same length as x (3); received length 2'),
    );
    expect(() => pchip([0, 1, 1, 2], [0, 1, 2, 3])).toThrow(
      new RangeError('x must be strictly increasing; received x[2] = 1 after x[1] = 1'),
    );
    expect(() => pchip([0, 2, 1], [0, 1, 2])).toThrow(/x\[2\] = 1 after x\[1\] = 2/);
    expect(() => pchip([0, Number.NaN, 2], [0, 1, 2])).toThrow(
      /x\[1\] must be a finite number; received NaN/,
    );
    expect(() => pchip([0, 1, 2], [0, Number.NaN, 2])).toThrow(/y\[1\] must be a finite number/);
    expect(() => pchip([0], [0])).toThrow(/x must have at least 2 elements; received length 1/);
    expect(() => pchip([0, 1], [0, 1], { extrapolate: 'yes' as unknown as boolean })).toThrow(
      new TypeError('extrapolate must be a boolean; received "yes"'),
    );
    expect(() => pchip([-1e308, 1e308], [0, 1])).toThrow(/overflow/);
    expect(() => f.evaluate([1, 2], new Float64Array(3))).toThrow(
      /out must have the same length as x \(2\); received length 3/,
    );
    expect(() => f.evaluate('12' as unknown as number[])).toThrow(TypeError);
  });
});
