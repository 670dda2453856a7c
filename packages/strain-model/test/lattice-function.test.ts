import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latticeFunction } from '../src/index.js';
import reference from './fixtures/strain-landscape.json';

describe('latticeFunction', () => {
  it('reproduces pandas rolling(5, center) + scipy PchipInterpolator (fixture strain-landscape.py)', () => {
    const fa = latticeFunction(reference.cLi, reference.a);
    const fcc = latticeFunction(reference.cLi, reference.c);
    for (let i = 0; i < reference.cLi.length; i++) {
      expect(fa.values[i]).toBeCloseTo(reference.smoothedA[i] as number, 13);
      expect(fcc.values[i]).toBeCloseTo(reference.smoothedC[i] as number, 12);
    }
    const derivative = fcc.derivative.evaluate(reference.grid);
    for (let i = 0; i < reference.grid.length; i++) {
      expect(derivative[i]).toBeCloseTo(reference.pchipDerivativeC[i] as number, 10);
    }
    expect(fa.domain).toEqual([0.2, 1]);
    expect(fa(0.1)).toBeNaN();
    expect(fa(1.01)).toBeNaN();
  });

  it('sorts, averages repeated contents and is independent of the input order', () => {
    const f = latticeFunction([0.9, 0.3, 0.5, 0.5, 0.7], [5, 1, 2, 4, 4], { smoothing: 'none' });
    expect(Array.from(f.cLi)).toEqual([0.3, 0.5, 0.7, 0.9]);
    expect(Array.from(f.values)).toEqual([1, 3, 4, 5]);
    expect(f(0.5)).toBe(3);
  });

  it('is exact on linear data for every smoothing and interpolation (a law: linear data stay linear)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 3, max: 20, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.constantFrom('none', 'savitzky-golay' as const),
        fc.constantFrom('pchip', 'linear' as const),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (intercept, slope, smoothing, interpolation, x) => {
          const cLi = Array.from({ length: 15 }, (_, i) => 0.2 + 0.05 * i);
          const f = latticeFunction(
            cLi,
            cLi.map((c) => intercept + slope * c),
            { smoothing: smoothing as 'none', interpolation: interpolation as 'pchip' },
          );
          expect(f(x)).toBeCloseTo(intercept + slope * x, 10);
          expect(f.derivative(x)).toBeCloseTo(slope, 8);
        },
      ),
    );
  });

  it('does not overshoot monotone data (PCHIP)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 20 }),
        (steps) => {
          const cLi = steps.map((_, i) => i / (steps.length - 1));
          let total = 2.8;
          const values = steps.map((s) => (total += s));
          const f = latticeFunction(cLi, values, { window: 3 });
          for (let k = 0; k < 50; k++) {
            const x = k / 49;
            expect(f(x)).toBeGreaterThanOrEqual((f.values[0] as number) - 1e-12);
            expect(f(x)).toBeLessThanOrEqual((f.values[f.values.length - 1] as number) + 1e-12);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('rejects bad input', () => {
    expect(() => latticeFunction([0.1], [1])).toThrow(/cLi must have at least 2/);
    expect(() => latticeFunction([0.1, 0.2], [1])).toThrow(/values must have the same length/);
    expect(() => latticeFunction([0.1, 1.2], [1, 2])).toThrow(
      /cLi\[1\] must be a lithium content in \[0, 1\]; received 1.2/,
    );
    expect(() => latticeFunction([0.1, 0.2], [1, -2])).toThrow(
      /values\[1\] must be a finite lattice parameter > 0; received -2/,
    );
    expect(() => latticeFunction([0.1, 0.2], [1, Number.NaN])).toThrow(RangeError);
    expect(() => latticeFunction([0.3, 0.3], [1, 2])).toThrow(/at least 2 distinct/);
    expect(() => latticeFunction([0.1, 0.2, 0.3], [1, 2, 3], { window: 4 })).toThrow(
      /window must be ≤/,
    );
    expect(() => latticeFunction([0.1, 0.2, 0.3], [1, 2, 3], { window: 1.5 })).toThrow(/window/);
    expect(() =>
      latticeFunction([0.1, 0.2, 0.3], [1, 2, 3], {
        smoothing: 'savitzky-golay',
        window: 3,
        order: 3,
      }),
    ).toThrow(/order must be < window/);
    expect(() => latticeFunction([0.1, 0.2], [1, 2], { smoothing: 'loess' as 'none' })).toThrow(
      TypeError,
    );
    expect(() =>
      latticeFunction([0.1, 0.2], [1, 2], { interpolation: 'spline' as 'pchip' }),
    ).toThrow(TypeError);
    expect(() => latticeFunction('x' as unknown as number[], [1, 2])).toThrow(TypeError);
    expect(() => latticeFunction([0.1, 0.2], [1, 2], null as unknown as object)).toThrow(TypeError);
  });
});
