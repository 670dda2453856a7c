import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trapezoid } from '../src/trapezoid.js';
import data from './fixtures/array-kernels.json' with { type: 'json' };

/** Strictly increasing coordinates: a start plus positive steps. */
const coordinates = fc
  .tuple(
    fc.double({ min: -100, max: 100, noNaN: true }),
    fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }),
  )
  .map(([start, steps]) => {
    const xs = [start];
    for (const step of steps) xs.push((xs[xs.length - 1] as number) + step);
    return xs;
  });

describe('trapezoid', () => {
  it('equals numpy.trapz to rounding (numpy sums pairwise, this compensated)', () => {
    for (const c of data.trapezoid) {
      const x = 'x' in c ? (c.x as number | number[]) : undefined;
      const value = trapezoid(c.y, x);
      const scale = c.y.reduce((s, v) => s + Math.abs(v), 0) * 10;
      expect(Math.abs(value - c.expected), c.name).toBeLessThanOrEqual(4e-16 * scale);
    }
  });

  it('matches closed forms', () => {
    // Unit spacing: (1 + 2)/2 + (2 + 3)/2 = 4; spacing 0.5 halves it.
    expect(trapezoid([1, 2, 3])).toBe(4);
    expect(trapezoid([1, 2, 3], 0.5)).toBe(2);
    // y = x² on 0…3: 0.5 + 2.5 + 6.5 = 9.5 (the trapezoid rule overestimates the exact 9 by h²/12·(b − a)·y″ = 0.5).
    expect(trapezoid([0, 1, 4, 9], [0, 1, 2, 3])).toBe(9.5);
    // Decreasing x reverses the sign.
    expect(trapezoid([1, 2, 4], [2, 1, 0])).toBe(-4.5);
    expect(trapezoid([5])).toBe(0);
    // Terms that overflow on their own although the integral fits.
    expect(trapezoid([1e308, 1e308], 0.5)).toBe(1e308 / 2);
  });

  it('is exact for linear functions (the integral of a·x + b)', () => {
    fc.assert(
      fc.property(
        coordinates,
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (xs, a, b) => {
          const ys = xs.map((x) => a * x + b);
          const x0 = xs[0] as number;
          const x1 = xs[xs.length - 1] as number;
          const exact = (a / 2) * (x1 * x1 - x0 * x0) + b * (x1 - x0);
          // Rounding only: a few ε of Σ|dᵢ|·|yᵢ| (all terms), plus underflow.
          const magnitude = xs.reduce(
            (s, x, i) =>
              s + Math.abs(x) * (Math.abs(a) * Math.abs(x) + Math.abs(b)) * (i === 0 ? 1 : 2),
            0,
          );
          expect(Math.abs(trapezoid(ys, xs) - exact)).toBeLessThanOrEqual(
            16 * Number.EPSILON * magnitude + 1e-300,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is additive over a split and changes sign when the samples are reversed', () => {
    fc.assert(
      fc.property(
        coordinates,
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 42, maxLength: 42 }),
        fc.nat(),
        (xs, raw, cut) => {
          const ys = raw.slice(0, xs.length);
          const k = cut % xs.length;
          const whole = trapezoid(ys, xs);
          const parts =
            trapezoid(ys.slice(0, k + 1), xs.slice(0, k + 1)) + trapezoid(ys.slice(k), xs.slice(k));
          const magnitude = ys.reduce((s, y) => s + Math.abs(y), 0) * 500;
          expect(Math.abs(parts - whole)).toBeLessThanOrEqual(8 * Number.EPSILON * magnitude);
          const reversed = trapezoid([...ys].reverse(), [...xs].reverse());
          expect(Math.abs(reversed + whole)).toBeLessThanOrEqual(8 * Number.EPSILON * magnitude);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad input with a message naming the argument', () => {
    expect(() => trapezoid([])).toThrow(
      new RangeError('y must have at least 1 element; received length 0'),
    );
    expect(() => trapezoid([1, Number.NaN])).toThrow(/y\[1\] must be a finite number/);
    expect(() => trapezoid([1, 2], Number.NaN)).toThrow(/x must be a finite number/);
    expect(() => trapezoid([1, 2], [0, 1, 2])).toThrow(
      /x must have the same length as y \(2\); received length 3/,
    );
    expect(() => trapezoid([1, 2], [0, Number.POSITIVE_INFINITY])).toThrow(/x\[1\]/);
    expect(() => trapezoid([1, 2], '1' as unknown as number)).toThrow(TypeError);
    expect(() => trapezoid([1e308, 1e308], 10)).toThrow(/integral of y must be representable/);
  });
});
