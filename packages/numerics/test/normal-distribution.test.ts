import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc } from '../src/erfc.js';
import { normalCdf, normalQuantile } from '../src/normal-distribution.js';
import erfcReference from './fixtures/erfc-reference.json' with { type: 'json' };
import reference from './fixtures/normal-distribution.json' with { type: 'json' };

// References: erfc and Φ from mpmath at 40–50 digits (exact to float64 rounding), Φ⁻¹ from mpmath's
// erfinv refined by Newton's method at 50 digits; scipy.special.ndtr/ndtri (cephes) alongside.
// Both written by fixtures/erfc-reference.py and fixtures/normal-distribution.py.

const relative = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

describe('erfc', () => {
  it('matches mpmath to 2e-15 relative from −6 to 27', () => {
    for (const { x, erfc: expected } of erfcReference.values) {
      expect(relative(erfc(x), expected)).toBeLessThan(2e-15);
    }
  });

  it('saturates at 0 and 2, and propagates NaN like Math.exp', () => {
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
  });

  it('obeys the reflection erfc(x) + erfc(−x) = 2', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (x) => {
        expect(Math.abs(erfc(x) + erfc(-x) - 2)).toBeLessThan(4e-16);
      }),
    );
  });
});

describe('normalCdf', () => {
  it('matches mpmath to 3e-15 relative from x = −37 to 8, the far lower tail included', () => {
    for (const { x, mpmath } of reference.cdf) {
      if (mpmath < 1e-307) continue; // subnormal results carry fewer bits
      expect(relative(normalCdf(x), mpmath), `x = ${x}`).toBeLessThan(3e-15);
    }
  });

  it('agrees with scipy.special.ndtr to 2e-14 relative for |x| ≤ 8 (cephes itself is 1e-14 off)', () => {
    for (const { x, scipy } of reference.cdf) {
      if (Math.abs(x) <= 8) expect(relative(normalCdf(x), scipy), `x = ${x}`).toBeLessThan(2e-14);
    }
  });

  it('has the exact limits and symmetry Φ(x) + Φ(−x) = 1', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(4e-16);
      }),
    );
  });

  it('is non-decreasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: -40, max: 40, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
        },
      ),
    );
  });
});

describe('normalQuantile', () => {
  it('matches mpmath to 1e-15 relative over p from 1e-305 to 1 − 1e-15 (scipy.special.ndtri alongside)', () => {
    for (const { p, mpmath, scipy } of reference.quantile) {
      // Near p = 1 the reference is computed from the float p, so 1 − p is exact in both.
      expect(relative(normalQuantile(p), mpmath), `p = ${p}`).toBeLessThan(1e-15);
      expect(relative(normalQuantile(p), scipy), `p = ${p}`).toBeLessThan(2e-15);
    }
  });

  it('returns ∓∞ at 0 and 1 and 0 at ½', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it('inverts normalCdf (round trip within the conditioning of Φ)', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
        const back = normalQuantile(normalCdf(z));
        // dz = dΦ/φ(z): the rounding of Φ(z) (relative 1.1e-16·Φ) sets the achievable accuracy.
        const p = normalCdf(z);
        const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        const bound =
          (4e-16 * Math.min(p, 1 - p + 1e-300)) / density + 1e-15 * Math.abs(z) + 1e-300;
        expect(Math.abs(back - z)).toBeLessThanOrEqual(Math.max(bound, (2.3e-16 * p) / density));
      }),
    );
  });

  it('is odd: Φ⁻¹(p) = −Φ⁻¹(1 − p) where 1 − p is exact', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 0.75, noNaN: true }), (p) => {
        expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 14);
      }),
    );
  });

  it('rejects non-probabilities naming the argument', () => {
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.5)).toThrow(/p must be a probability in \[0, 1\]; received 1.5/);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
    expect(() => normalQuantile('0.5' as unknown as number)).toThrow(TypeError);
  });
});
