import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heterogeneityStrain } from '../src/index.js';

describe('heterogeneityStrain (eqn 1, Jousseaume et al. 2024)', () => {
  it('matches the closed form for a linear lattice function', () => {
    // f(c) = p + s(1 − c): |f(c − Δ/2) − f(c + Δ/2)| = |s|·Δ, so ε = |s|Δ / f(c).
    const f = (cLi: number) => 14.2 + 0.3 * (1 - cLi);
    expect(heterogeneityStrain(f, 0.5, 0.1)).toBeCloseTo((0.3 * 0.1) / 14.35, 15);
  });

  it('matches the closed form for a quadratic lattice function', () => {
    // f(c) = 1 + c²: f(c − Δ/2) − f(c + Δ/2) = −2cΔ, so ε = 2cΔ / (1 + c²).
    const f = (cLi: number) => 1 + cLi * cLi;
    expect(heterogeneityStrain(f, 0.4, 0.2)).toBeCloseTo((2 * 0.4 * 0.2) / 1.16, 15);
  });

  it('is slope·|Δ|/f for any linear f, even in Δc_Li, and 0 at Δc_Li = 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (intercept, slope, cLi, delta) => {
          const f = (x: number) => intercept + slope * x;
          const expected = (Math.abs(slope) * Math.abs(delta)) / Math.abs(f(cLi));
          const eps = heterogeneityStrain(f, cLi, delta);
          expect(eps).toBeCloseTo(expected, 12);
          expect(heterogeneityStrain(f, cLi, -delta)).toBe(eps);
          expect(heterogeneityStrain(f, cLi, 0)).toBe(0);
        },
      ),
    );
  });

  it('grows with |Δc_Li| for a monotone f and is 0 for a constant lattice', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (cLi, d1, d2) => {
          const f = (x: number) => 2.8 + 0.05 * Math.exp(-3 * x);
          expect(heterogeneityStrain(() => 2.87, cLi, d1)).toBe(0);
          const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(heterogeneityStrain(f, cLi, small)).toBeLessThanOrEqual(
            heterogeneityStrain(f, cLi, large) + 1e-15,
          );
        },
      ),
    );
  });

  it('rejects bad input', () => {
    const f = (x: number) => 1 + x;
    expect(() => heterogeneityStrain('f' as unknown as (x: number) => number, 0.5, 0.1)).toThrow(
      TypeError,
    );
    expect(() => heterogeneityStrain(f, 1.2, 0.1)).toThrow(
      new RangeError('cLi must be a finite number ≥ 0 and ≤ 1; received 1.2'),
    );
    expect(() => heterogeneityStrain(f, 0.5, -1.1)).toThrow(/deltaCLi must be/);
    expect(() => heterogeneityStrain(f, Number.NaN, 0.1)).toThrow(RangeError);
    expect(() => heterogeneityStrain(() => 0, 0.5, 0.1)).toThrow(/f\(cLi\) must be non-zero/);
  });
});
