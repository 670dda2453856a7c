import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimizeBounded } from '../src/index.js';
import reference from './fixtures/minimize-bounded.json' with { type: 'json' };

// The same functions as the "js" column of fixtures/minimize-bounded.py, written out here.
const FUNCTIONS: Record<string, (x: number) => number> = {
  'cos on [3, 4]': (x) => Math.cos(x),
  'quartic on [-2, 3]': (x) => (x - 0.7) ** 4 + 0.1 * x,
  'abs kink on [-1, 2]': (x) => Math.abs(x - 0.3),
  'minimum at upper end of [0, 1]': (x) => -x,
  'exp-plus-linear on [0, 5]': (x) => Math.exp(x) - 3 * x,
};

describe('minimizeBounded', () => {
  // Reference: scipy.optimize.fminbound (fixtures/minimize-bounded.py), the same algorithm.
  for (const c of reference.cases) {
    it(`matches scipy.optimize.fminbound: ${c.name}`, () => {
      const f = FUNCTIONS[c.name];
      if (f === undefined) throw new Error(`no JS function for fixture case ${c.name}`);
      const result = minimizeBounded(f, c.lower, c.upper, { tolerance: c.tolerance });
      expect(result.converged).toBe(c.converged);
      expect(Math.abs(result.x - c.x)).toBeLessThanOrEqual(2 * c.tolerance + 1e-12);
      expect(result.functionCalls).toBe(c.functionCalls);
    });
  }

  it('finds the vertex of any parabola inside the interval (closed form x = h)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (h, k) => {
          const result = minimizeBounded((x) => k * (x - h) ** 2, -11, 11, { tolerance: 1e-9 });
          expect(result.converged).toBe(true);
          expect(Math.abs(result.x - h)).toBeLessThan(1e-7);
        },
      ),
    );
  });

  it('stays inside the interval and reports running out of evaluations', () => {
    const result = minimizeBounded((x) => x, 2, 5, { maxEvaluations: 3 });
    expect(result.converged).toBe(false);
    expect(result.functionCalls).toBe(3);
    expect(result.x).toBeGreaterThan(2);
    expect(result.x).toBeLessThan(5);
  });

  it('rejects bad input with the argument named', () => {
    expect(() => minimizeBounded(3 as never, 0, 1)).toThrow(TypeError);
    expect(() => minimizeBounded((x) => x, 1, 1)).toThrow(/upper must be > lower/);
    expect(() => minimizeBounded((x) => x, Number.NaN, 1)).toThrow(/lower/);
    expect(() => minimizeBounded((x) => x, 0, 1, { tolerance: 0 })).toThrow(/tolerance/);
    expect(() => minimizeBounded((x) => x, 0, 1, { maxEvaluations: 1.5 })).toThrow(
      /maxEvaluations/,
    );
    expect(() => minimizeBounded(() => Number.NaN, 0, 1)).toThrow(/NaN/);
    expect(() => minimizeBounded(() => 'a' as never, 0, 1)).toThrow(TypeError);
  });
});
