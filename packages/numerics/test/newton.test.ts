import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newton } from '../src/newton.js';
import data from './fixtures/roots.json' with { type: 'json' };

// Reference roots: fixtures/roots.py ("exact": mpmath bisection at 50 digits, rounded to float64).

/** Butler–Volmer current j(η) = exp(αη) − exp(−(1 − α)η), written with expm1 for small η. */
const butlerVolmer = (alpha: number, j: number) => ({
  f: (eta: number) => Math.expm1(alpha * eta) - Math.expm1(-(1 - alpha) * eta) - j,
  df: (eta: number) => alpha * Math.exp(alpha * eta) + (1 - alpha) * Math.exp(-(1 - alpha) * eta),
});

const relativeError = (value: number, exact: number) =>
  exact === 0 ? Math.abs(value) : Math.abs(value - exact) / Math.abs(exact);

describe('newton', () => {
  it('finds the classic roots to within 2 ulp', () => {
    const cases = [
      { f: (x: number) => x ** 3 - 2 * x - 5, df: (x: number) => 3 * x * x - 2, name: 'wallis' },
      { f: (x: number) => Math.cos(x) - x, df: (x: number) => -Math.sin(x) - 1, name: 'dottie' },
    ];
    for (const { f, df, name } of cases) {
      const reference = data.cases.find((c) => c.name === name);
      if (!reference) throw new Error(`fixture case ${name} missing`);
      const root = newton(f, df, { lower: reference.lower, upper: reference.upper });
      expect(relativeError(root, reference.exact)).toBeLessThanOrEqual(2 * Number.EPSILON);
    }
    // √2 = 1.4142135623730951 (closed form; Math.SQRT2 is the correctly rounded value).
    const sqrt2 = newton(
      (x) => x * x - 2,
      (x) => 2 * x,
      { lower: 0, upper: 2 },
    );
    expect(relativeError(sqrt2, Math.SQRT2)).toBeLessThanOrEqual(Number.EPSILON);
  });

  it('inverts Butler–Volmer kinetics to 1e-12 relative (α = 0.3, 0.5, 0.8; |η| ≤ 288)', () => {
    const worst = { error: 0, iterations: 0 };
    for (const c of data.cases.filter((item) => item.name === 'butlerVolmer')) {
      const { f, df } = butlerVolmer(c.alpha as number, c.j as number);
      const result = newton(f, df, { lower: c.lower, upper: c.upper, details: true });
      worst.error = Math.max(worst.error, relativeError(result.root, c.exact));
      worst.iterations = Math.max(worst.iterations, result.iterations);
    }
    expect(worst.error).toBeLessThanOrEqual(1e-12);
    expect(worst.iterations).toBeLessThan(40);
  });

  it('matches the closed form η = 2·asinh(j/2) for α = 0.5 over |η| from 1e-10 to 200', () => {
    // For α = 1/2, exp(η/2) − exp(−η/2) = 2·sinh(η/2) = j, so η = 2·asinh(j/2).
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: Math.log10(200), noNaN: true }),
        fc.boolean(),
        (exponent, negative) => {
          const j = (negative ? -1 : 1) * 2 * Math.sinh(10 ** exponent / 2);
          const { f, df } = butlerVolmer(0.5, j);
          const eta = newton(f, df, { lower: -250, upper: 250 });
          return relativeError(eta, 2 * Math.asinh(j / 2)) <= 1e-12;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('converges where plain Newton diverges or stalls', () => {
    // atan: plain Newton from |x₀| > 1.39 diverges. Root 0.
    const atan = newton(Math.atan, (x) => 1 / (1 + x * x), { lower: -5, upper: 10, initial: 3 });
    expect(Math.abs(atan)).toBeLessThanOrEqual(1e-12);
    // x³ − 1 starting at the stationary point x = 0 (f′ = 0). Root 1.
    const cube = newton(
      (x) => x ** 3 - 1,
      (x) => 3 * x * x,
      { lower: -2, upper: 3, initial: 0 },
    );
    expect(relativeError(cube, 1)).toBeLessThanOrEqual(2 * Number.EPSILON);
    // exp(x) − 2 on a bracket where f and f′ overflow to +∞. Root ln 2.
    const ln2 = newton((x) => Math.exp(x) - 2, Math.exp, { lower: -1000, upper: 1000 });
    expect(relativeError(ln2, Math.LN2)).toBeLessThanOrEqual(2 * Number.EPSILON);
    // A jump: no root, but the sign change is located like bisection would.
    const jump = newton(
      (x) => (x < 1 / 3 ? -1 : 1),
      () => 0,
      { lower: 0, upper: 1 },
    );
    expect(Math.abs(jump - 1 / 3)).toBeLessThanOrEqual(2e-12);
  });

  it('returns an end of the bracket where f is zero; takes the bracket in either order', () => {
    const f = (x: number) => x * x - 1;
    const df = (x: number) => 2 * x;
    expect(newton(f, df, { lower: 1, upper: 3, details: true })).toEqual({
      root: 1,
      iterations: 0,
      functionCalls: 2,
      converged: true,
    });
    expect(newton(f, df, { lower: 3, upper: 0 })).toBe(1);
  });

  it('finds the known root of random monotone cubics to 1e-12', () => {
    // f(x) = s(x − r)³ + t(x − r), s ≥ 0, t > 0: increasing, only root r.
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, s, t, below, above, start) => {
          const f = (x: number) => s * (x - r) ** 3 + t * (x - r);
          const df = (x: number) => 3 * s * (x - r) ** 2 + t;
          const lower = r - below;
          const upper = r + above;
          const initial = Math.min(upper, lower + start * (upper - lower));
          const root = newton(f, df, { lower, upper, initial });
          return Math.abs(root - r) <= 1e-12 * Math.max(1, Math.abs(r));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports running out of iterations: RangeError, or converged false with details', () => {
    const f = (x: number) => Math.cos(x) - x;
    const df = (x: number) => -Math.sin(x) - 1;
    expect(() => newton(f, df, { lower: 0, upper: 1, maxIterations: 1 })).toThrow(
      /newton did not reach the tolerance in maxIterations = 1 iterations/,
    );
    const result = newton(f, df, { lower: 0, upper: 1, maxIterations: 1, details: true });
    expect(result).toMatchObject({ converged: false, iterations: 1, functionCalls: 3 });
  });

  it('rejects bad input with messages naming the argument and value', () => {
    const f = (x: number) => x - 0.5;
    const df = () => 1;
    const notAFunction = 3 as unknown as (x: number) => number;
    expect(() => newton(notAFunction, df, { lower: 0, upper: 1 })).toThrow(
      new TypeError('f must be a function; received 3'),
    );
    expect(() => newton(f, notAFunction, { lower: 0, upper: 1 })).toThrow(
      new TypeError('df must be a function; received 3'),
    );
    expect(() => newton(f, df, undefined as unknown as { lower: number; upper: number })).toThrow(
      /options must be an object with at least lower and upper; received undefined/,
    );
    expect(() =>
      newton(f, df, { lower: 0 } as unknown as { lower: number; upper: number }),
    ).toThrow(new TypeError('upper must be a finite number; received undefined'));
    expect(() => newton(f, df, { lower: Number.NaN, upper: 1 })).toThrow(RangeError);
    expect(() => newton(f, df, { lower: 0, upper: 1, initial: 2 })).toThrow(
      new RangeError('initial must be a finite number ≥ 0 and ≤ 1; received 2'),
    );
    expect(() =>
      newton(
        (x) => x * x + 1,
        (x) => 2 * x,
        { lower: -1, upper: 2 },
      ),
    ).toThrow(
      new RangeError(
        'newton needs f(lower) and f(upper) of opposite signs to bracket a root; received f(-1) = 2 and f(2) = 5',
      ),
    );
    expect(() => newton(f, () => Number.NaN, { lower: 0, upper: 1, initial: 0.25 })).toThrow(
      new RangeError('df must not return NaN inside the bracket; df(0.25) returned NaN'),
    );
    expect(() =>
      newton((x) => (x === 0 || x === 1 ? x - 0.5 : Number.NaN), df, { lower: 0, upper: 1 }),
    ).toThrow(/f\(0\.5\) returned NaN/);
    expect(() => newton(f, df, { lower: 0, upper: 1, tolerance: -1 })).toThrow(
      /tolerance must be a finite number ≥ 0; received -1/,
    );
    expect(() => newton(f, df, { lower: 0, upper: 1, relativeTolerance: Number.NaN })).toThrow(
      /relativeTolerance must be a finite number ≥ 0; received NaN/,
    );
    expect(() => newton(f, df, { lower: 0, upper: 1, maxIterations: 0 })).toThrow(
      /maxIterations must be an integer ≥ 1; received 0/,
    );
    expect(() => newton(f, df, { lower: 0, upper: 1, details: 1 as unknown as false })).toThrow(
      new TypeError('details must be a boolean; received 1'),
    );
  });
});
