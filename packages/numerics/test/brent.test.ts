import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brent } from '../src/brent.js';
import data from './fixtures/roots.json' with { type: 'json' };

// Reference roots: fixtures/roots.py. "exact" is an mpmath bisection at 50 digits rounded to
// float64; "scipy" is scipy.optimize.brentq 1.10.1 with default tolerances.
const TOLERANCE = 2e-12; // scipy's xtol, our default
const RELATIVE = 4 * Number.EPSILON; // scipy's rtol, our default
/** The bound brent guarantees: the returned root's bracket is at most this wide. */
const within = (root: number) => TOLERANCE + RELATIVE * Math.abs(root);

const byName = (name: string) => {
  const found = data.cases.find((c) => c.name === name);
  if (!found) throw new Error(`fixture case ${name} missing`);
  return found;
};

describe('brent', () => {
  it('finds the classic roots to the tolerance, as scipy brentq does', () => {
    const wallis = byName('wallis'); // x³ − 2x − 5 = 0, exact root 2.0945514815423265
    const dottie = byName('dottie'); // cos x = x, exact root 0.7390851332151607
    const cubic = brent((x) => x ** 3 - 2 * x - 5, wallis.lower, wallis.upper);
    const cosine = brent((x) => Math.cos(x) - x, dottie.lower, dottie.upper);
    expect(Math.abs(cubic - wallis.exact)).toBeLessThanOrEqual(within(cubic));
    expect(Math.abs(cosine - dottie.exact)).toBeLessThanOrEqual(within(cosine));
    // scipy may stop at another point inside the same tolerance (here it stops at the same one).
    expect(Math.abs(cubic - wallis.scipy)).toBeLessThanOrEqual(2 * within(cubic));
    expect(Math.abs(cosine - dottie.scipy)).toBeLessThanOrEqual(2 * within(cosine));
  });

  it('meets a tighter tolerance when asked, using more iterations', () => {
    const dottie = byName('dottie');
    const f = (x: number) => Math.cos(x) - x;
    const loose = brent(f, 0, 1, { tolerance: 1e-3, details: true });
    const tight = brent(f, 0, 1, { tolerance: 1e-300, details: true });
    expect(Math.abs(loose.root - dottie.exact)).toBeLessThanOrEqual(1e-3);
    expect(Math.abs(tight.root - dottie.exact)).toBeLessThanOrEqual(4 * Number.EPSILON);
    expect(tight.iterations).toBeGreaterThan(loose.iterations);
    expect(tight.functionCalls).toBe(tight.iterations + 2);
    expect(tight.converged).toBe(true);
  });

  it('inverts Butler–Volmer kinetics to within the tolerance of the exact root', () => {
    let violations = 0;
    for (const c of data.cases.filter((item) => item.name === 'butlerVolmer')) {
      const alpha = c.alpha as number;
      const j = c.j as number;
      const f = (eta: number) => Math.expm1(alpha * eta) - Math.expm1(-(1 - alpha) * eta) - j;
      const root = brent(f, c.lower, c.upper);
      if (!(Math.abs(root - c.exact) <= within(root))) violations++;
    }
    expect(violations).toBe(0);
  });

  it('returns an end of the bracket where f is zero, without iterating', () => {
    const f = (x: number) => x * x - 1;
    expect(brent(f, 1, 3, { details: true })).toEqual({
      root: 1,
      iterations: 0,
      functionCalls: 2,
      converged: true,
    });
    expect(brent(f, 0, 1)).toBe(1);
    expect(brent(f, -1, 1)).toBe(-1); // both ends are roots: a first, as scipy
  });

  it('converges to a root next to an end of the bracket, and to a triple root', () => {
    const near = 1 - 1e-9;
    const root = brent((x) => x - near, 0, 1);
    expect(Math.abs(root - near)).toBeLessThanOrEqual(TOLERANCE);
    // A triple root defeats interpolation: scipy brentq too needs 123 iterations here (and fails
    // with its default maxiter = 100); each step still shrinks the bracket.
    const triple = brent((x) => x ** 3, -1, 4, { maxIterations: 200, details: true });
    expect(Math.abs(triple.root)).toBeLessThanOrEqual(TOLERANCE);
    expect(triple.iterations).toBeLessThan(150);
  });

  it('brackets a jump like bisection does, and accepts infinite values of f', () => {
    const third = brent((x) => (x < 1 / 3 ? -1 : 1), 0, 1);
    expect(Math.abs(third - 1 / 3)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(brent(Math.log, 0, 5) - 1)).toBeLessThanOrEqual(TOLERANCE); // f(0) = −∞
    expect(Math.abs(brent((x) => Math.exp(x) - 2, -1000, 1000) - Math.LN2)).toBeLessThanOrEqual(
      TOLERANCE,
    ); // f(1000) = +∞
  });

  it('accepts the bracket in either order', () => {
    for (const [a, b] of [
      [0, 2],
      [2, 0],
    ] as const) {
      expect(Math.abs(brent((x) => x * x - 2, a, b) - Math.SQRT2)).toBeLessThanOrEqual(TOLERANCE);
    }
  });

  it('finds the known root of random monotone cubics to the tolerance', () => {
    // f(x) = s(x − r)³ + t(x − r) with s ≥ 0, t > 0 is increasing with its only root at r; its
    // sign is the sign of x − r exactly, so the returned bracket must contain r.
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        (r, s, t, below, above) => {
          const f = (x: number) => s * (x - r) ** 3 + t * (x - r);
          const root = brent(f, r - below, r + above);
          return Math.abs(root - r) <= TOLERANCE + RELATIVE * Math.abs(root);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports running out of iterations: RangeError, or converged false with details', () => {
    const f = (x: number) => Math.cos(x) - x;
    expect(() => brent(f, 0, 1, { maxIterations: 2 })).toThrow(
      /brent did not reach the tolerance in maxIterations = 2 iterations/,
    );
    const result = brent(f, 0, 1, { maxIterations: 2, details: true });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(2);
    expect(result.functionCalls).toBe(4);
    expect(result.root).toBeGreaterThanOrEqual(0);
    expect(result.root).toBeLessThanOrEqual(1);
  });

  it('rejects bad input with messages naming the argument and value', () => {
    const f = (x: number) => x - 0.5;
    expect(() => brent('x' as unknown as (x: number) => number, 0, 1)).toThrow(
      new TypeError('f must be a function; received "x"'),
    );
    expect(() => brent(f, Number.NaN, 1)).toThrow(/a must be a finite number; received NaN/);
    expect(() => brent(f, 0, Number.POSITIVE_INFINITY)).toThrow(/b must be a finite number/);
    expect(() => brent((x) => x * x + 1, -1, 2)).toThrow(
      new RangeError(
        'brent needs f(a) and f(b) of opposite signs to bracket a root; received f(-1) = 2 and f(2) = 5',
      ),
    );
    // Defined at the ends only: the first step (a bisection, as |f(0)| = |f(1)|) lands on 0.5.
    expect(() => brent((x) => (x === 0 || x === 1 ? x - 0.5 : Number.NaN), 0, 1)).toThrow(
      new RangeError('f must not return NaN inside the bracket; f(0.5) returned NaN'),
    );
    expect(() => brent((x) => Math.sqrt(x), -1, 1)).toThrow(/f\(-1\) returned NaN/);
    expect(() => brent((() => 'one') as unknown as (x: number) => number, 0, 1)).toThrow(
      new TypeError('f must return a number; f(0) returned "one"'),
    );
    expect(() => brent(f, 0, 1, { tolerance: 0 })).toThrow(
      /tolerance must be a finite number > 0; received 0/,
    );
    expect(() => brent(f, 0, 1, { relativeTolerance: 1e-16 })).toThrow(
      /relativeTolerance must be a finite number ≥ 8.881784197001252e-16; received 1e-16/,
    );
    expect(() => brent(f, 0, 1, { maxIterations: 0 })).toThrow(/maxIterations must be an integer/);
    expect(() => brent(f, 0, 1, { maxIterations: 2.5 })).toThrow(RangeError);
    expect(() => brent(f, 0, 1, { details: 'yes' as unknown as false })).toThrow(
      new TypeError('details must be a boolean; received "yes"'),
    );
  });
});
