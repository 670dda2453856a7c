import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  illustrativeNmcConductivity,
  illustrativeNmcDiffusivity,
  illustrativeNmcOcv,
} from '../src/index.js';

describe('illustrative NMC laws', () => {
  it('take the documented values (closed forms evaluated by hand)', () => {
    // log10 D = -17 + 3σ((0.9 - x)/0.025): at x = 0.9, σ = 1/2 → 10^-15.5
    expect(illustrativeNmcDiffusivity(0.9)).toBeCloseTo(10 ** -15.5, 28);
    // at x = 1, σ(-4) = 1/(1 + e^4) = 0.0179862 → 10^(-17 + 0.0539586) = 1.1323e-17
    expect(illustrativeNmcDiffusivity(1) / 1.1323e-17).toBeCloseTo(1, 4);
    // log10 κ = -5 + 5σ((0.95 - x)/0.01): κ(0.95) = 10^-2.5
    expect(illustrativeNmcConductivity(0.95)).toBeCloseTo(10 ** -2.5, 15);
    // U = 3.95 - (x - 0.6) + 0.06 ln((1 - x)/x): U(0.5) = 4.05, U(0.3) = 4.25 + 0.06 ln(7/3)
    expect(illustrativeNmcOcv(0.5)).toBeCloseTo(4.05, 14);
    expect(illustrativeNmcOcv(0.3)).toBeCloseTo(4.25 + 0.06 * Math.log(7 / 3), 14);
    expect(illustrativeNmcOcv(1)).toBe(Number.NEGATIVE_INFINITY);
    expect(illustrativeNmcOcv(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('follow the published trends (Sharma 2022, Fig. 4b,c): lowest D and κ in the pristine state, orders of magnitude apart', () => {
    expect(illustrativeNmcDiffusivity(0.5) / illustrativeNmcDiffusivity(1)).toBeGreaterThan(500);
    expect(illustrativeNmcConductivity(0.5) / illustrativeNmcConductivity(1)).toBeGreaterThan(1e4);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          // D and κ never increase with x; U strictly decreases
          return (
            illustrativeNmcDiffusivity(lo) >= illustrativeNmcDiffusivity(hi) &&
            illustrativeNmcConductivity(lo) >= illustrativeNmcConductivity(hi) &&
            (hi - lo < 1e-12 || illustrativeNmcOcv(lo) > illustrativeNmcOcv(hi))
          );
        },
      ),
    );
  });

  it('reject x outside [0, 1]', () => {
    for (const law of [
      illustrativeNmcDiffusivity,
      illustrativeNmcConductivity,
      illustrativeNmcOcv,
    ]) {
      expect(() => law(1.01)).toThrow(
        new RangeError('x must be a finite number ≥ 0 and ≤ 1; received 1.01'),
      );
      expect(() => law(Number.NaN)).toThrow(RangeError);
      expect(() => law('0.5' as never)).toThrow(TypeError);
    }
  });
});
