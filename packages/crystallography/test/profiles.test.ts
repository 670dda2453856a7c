import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussian, lorentzian, pseudoVoigt, tchPseudoVoigt } from '../src/profiles.js';
import peers from './fixtures/profiles.json' with { type: 'json' };

const LN2 = Math.LN2;

/** Relative difference, with an absolute floor for values near 0. */
function relative(a: number, b: number, floor = 1e-300): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), floor);
}

describe('gaussian, lorentzian, pseudoVoigt (area)', () => {
  it('match lmfit lineshapes (fixtures/profiles.py)', () => {
    let worst = 0;
    for (const c of peers.lineshapes) {
      c.x.forEach((x, i) => {
        worst = Math.max(
          worst,
          relative(gaussian(x, c.center, c.fwhm), c.gaussian[i] as number),
          relative(lorentzian(x, c.center, c.fwhm), c.lorentzian[i] as number),
          relative(pseudoVoigt(x, c.center, c.fwhm, c.eta), c.pseudoVoigt[i] as number),
        );
      });
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('have the closed-form peak heights', () => {
    // Gaussian: 1/(σ√(2π)) with σ = fwhm/(2√(2 ln 2)) → 2√(ln 2/π)/fwhm.
    expect(gaussian(30, 30, 0.2)).toBeCloseTo((2 * Math.sqrt(LN2 / Math.PI)) / 0.2, 12);
    // Lorentzian: 1/(πγ) with γ = fwhm/2 → 2/(π·fwhm).
    expect(lorentzian(30, 30, 0.2)).toBeCloseTo(2 / (Math.PI * 0.2), 12);
    // Half maximum at center ± fwhm/2 for all three shapes.
    expect(gaussian(30.1, 30, 0.2) / gaussian(30, 30, 0.2)).toBeCloseTo(0.5, 12);
    expect(lorentzian(29.9, 30, 0.2) / lorentzian(30, 30, 0.2)).toBeCloseTo(0.5, 12);
    expect(pseudoVoigt(30.1, 30, 0.2, 0.37) / pseudoVoigt(30, 30, 0.2, 0.37)).toBeCloseTo(0.5, 12);
  });

  it('integrate to 1 on a wide grid', () => {
    // Trapezoid over ±5000 FWHM with 20 points per FWHM; the Lorentzian tails beyond ±k FWHM hold
    // 1 − (2/π)arctan(2k) = 6.4e-5 of the area at k = 5000.
    const fwhm = 0.1;
    const step = fwhm / 20;
    const n = 200_001;
    const grid = Float64Array.from({ length: n }, (_, i) => 50 + (i - 100_000) * step);
    const integrate = (y: Float64Array) => {
      let sum = 0;
      for (let i = 1; i < n; i++) sum += 0.5 * ((y[i] as number) + (y[i - 1] as number)) * step;
      return sum;
    };
    const tail = 1 - (2 / Math.PI) * Math.atan(2 * 5000);
    expect(integrate(gaussian(grid, 50, fwhm))).toBeCloseTo(1, 12);
    expect(integrate(lorentzian(grid, 50, fwhm))).toBeCloseTo(1 - tail, 9);
    expect(integrate(pseudoVoigt(grid, 50, fwhm, 0.4))).toBeCloseTo(1 - 0.4 * tail, 9);
  });
});

describe("normalization: 'height'", () => {
  it("matches lmfit values divided by lmfit's model heights (fixtures/profiles.py)", () => {
    // lmfit's Gaussian and Lorentzian height expressions use 7-digit constants: 1e-7.
    let worst = 0;
    for (const c of peers.lineshapes) {
      const options = { normalization: 'height' } as const;
      c.x.forEach((x, i) => {
        const g = (c.gaussian[i] as number) / c.gaussianHeight;
        const l = (c.lorentzian[i] as number) / c.lorentzianHeight;
        const p = (c.pseudoVoigt[i] as number) / c.pseudoVoigtHeight;
        worst = Math.max(
          worst,
          Math.abs(gaussian(x, c.center, c.fwhm, options) - g),
          Math.abs(lorentzian(x, c.center, c.fwhm, options) - l),
          Math.abs(pseudoVoigt(x, c.center, c.fwhm, c.eta, options) - p),
        );
      });
    }
    expect(worst).toBeLessThan(2e-7);
  });

  it('peaks at exactly 1 (to rounding) and keeps the shape', () => {
    expect(gaussian(12, 12, 0.3, { normalization: 'height' })).toBeCloseTo(1, 15);
    expect(lorentzian(12, 12, 0.3, { normalization: 'height' })).toBeCloseTo(1, 15);
    expect(pseudoVoigt(12, 12, 0.3, 0.8, { normalization: 'height' })).toBeCloseTo(1, 15);
    // Closed forms of the unit-height components at u = (x − c)/fwhm = 0.7:
    // G = exp(−4 ln 2 u²), L = 1/(1 + 4u²).
    const u = 0.7;
    const x = 12 + u * 0.3;
    expect(gaussian(x, 12, 0.3, { normalization: 'height' })).toBeCloseTo(
      Math.exp(-4 * LN2 * u * u),
      14,
    );
    expect(lorentzian(x, 12, 0.3, { normalization: 'height' })).toBeCloseTo(
      1 / (1 + 4 * u * u),
      14,
    );
  });
});

describe('typed-array forms', () => {
  it('equal the scalar forms and fill `out`', () => {
    const grid = [17.9, 18.5, 18.7, 18.71, 19.6, 25];
    const out = new Float64Array(grid.length).fill(99);
    const result = pseudoVoigt(grid, 18.7, 0.09, 0.45, { normalization: 'height', out });
    expect(result).toBe(out);
    grid.forEach((x, i) => {
      expect(result[i]).toBeCloseTo(
        pseudoVoigt(x, 18.7, 0.09, 0.45, { normalization: 'height' }),
        14,
      );
      expect(gaussian(grid, 18.7, 0.09)[i]).toBeCloseTo(gaussian(x, 18.7, 0.09), 12);
      expect(lorentzian(grid, 18.7, 0.09)[i]).toBeCloseTo(lorentzian(x, 18.7, 0.09), 12);
    });
  });

  it('are symmetric about the centre and below their peak (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (center, fwhm, eta, offset) => {
          const left = pseudoVoigt(center - offset, center, fwhm, eta);
          const right = pseudoVoigt(center + offset, center, fwhm, eta);
          const peak = pseudoVoigt(center, center, fwhm, eta);
          return Math.abs(left - right) <= 1e-9 * peak && left <= peak * (1 + 1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('tchPseudoVoigt', () => {
  it('has the pure limits (η = 0 Gaussian, η = 1 Lorentzian)', () => {
    expect(tchPseudoVoigt(0.1, 0)).toEqual({ fwhm: 0.1, eta: 0 });
    const lorentz = tchPseudoVoigt(0, 0.1);
    expect(lorentz.fwhm).toBeCloseTo(0.1, 15);
    // 1.36603 − 0.47719 + 0.11116 = 1 exactly.
    expect(lorentz.eta).toBeCloseTo(1, 14);
  });

  it('uses the published coefficients (TCH 1987, eqs. 2–3), worked by hand at four width ratios', () => {
    // H⁵ = H_G⁵ + 2.69269 H_G⁴H_L + 2.42843 H_G³H_L² + 4.47163 H_G²H_L³ + 0.07842 H_G H_L⁴ + H_L⁵:
    // (1, 1): 1 + 2.69269 + 2.42843 + 4.47163 + 0.07842 + 1 = 11.67117
    // (1, 2): 1 + 5.38538 + 9.71372 + 35.77304 + 1.25472 + 32 = 85.12686
    // (2, 1): 32 + 43.08304 + 19.42744 + 17.88652 + 0.15684 + 1 = 113.55384
    // (1, 3): 1 + 8.07807 + 21.85587 + 120.73401 + 6.35202 + 243 = 401.01997
    // η = 1.36603 q − 0.47719 q² + 0.11116 q³ with q = H_L/H.
    const cases: [number, number, number][] = [
      [1, 1, 11.67117],
      [1, 2, 85.12686],
      [2, 1, 113.55384],
      [1, 3, 401.01997],
    ];
    for (const [hG, hL, fifthPower] of cases) {
      const h = fifthPower ** 0.2;
      const q = hL / h;
      const { fwhm, eta } = tchPseudoVoigt(hG, hL);
      expect(fwhm).toBeCloseTo(h, 13);
      expect(eta).toBeCloseTo(1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q, 13);
    }
  });

  it('reproduces the exact Voigt FWHM within 0.5 % and the Voigt profile within 1.5 % of its peak (scipy, fixtures/profiles.py)', () => {
    for (const v of peers.voigt) {
      const { fwhm, eta } = tchPseudoVoigt(v.gaussianFwhm, v.lorentzianFwhm);
      expect(relative(fwhm, v.fwhm)).toBeLessThan(0.005);
      const peak = v.value[0] as number;
      v.x.forEach((x, i) => {
        expect(Math.abs(pseudoVoigt(x, 0, fwhm, eta) - (v.value[i] as number))).toBeLessThan(
          0.015 * peak,
        );
      });
    }
  });

  it('gives η in [0, 1], increasing with H_L/H_G, and H ≥ max(H_G, H_L) (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 1.001, max: 10, noNaN: true }),
        (hG, hL, factor) => {
          const a = tchPseudoVoigt(hG, hL);
          const b = tchPseudoVoigt(hG, hL * factor + 1e-9);
          return (
            a.eta >= 0 &&
            a.eta <= 1 &&
            b.eta >= a.eta &&
            a.fwhm >= Math.max(hG, hL) * (1 - 1e-12) &&
            a.fwhm <= (hG + hL) * (1 + 1e-12)
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scales linearly and survives extreme magnitudes', () => {
    const base = tchPseudoVoigt(0.08, 0.05);
    const scaled = tchPseudoVoigt(0.08e-200, 0.05e-200);
    expect(scaled.fwhm / 1e-200).toBeCloseTo(base.fwhm, 14);
    expect(scaled.eta).toBeCloseTo(base.eta, 14);
    expect(tchPseudoVoigt(0.08e200, 0.05e200).fwhm / 1e200).toBeCloseTo(base.fwhm, 14);
  });
});

describe('bad input', () => {
  it('is rejected with the argument named', () => {
    expect(() => gaussian(1, 0, 0)).toThrow(
      new RangeError('fwhm must be a finite number > 0 (degrees 2θ); received 0'),
    );
    expect(() => lorentzian(Number.NaN, 0, 1)).toThrow(/twoTheta must be a finite number/);
    expect(() => lorentzian('1' as unknown as number, 0, 1)).toThrow(TypeError);
    expect(() => pseudoVoigt(1, 0, 1, 1.2)).toThrow(/eta must be a finite number ≥ 0 and ≤ 1/);
    expect(() => pseudoVoigt(1, Number.POSITIVE_INFINITY, 1, 0.5)).toThrow(
      /center must be a finite number/,
    );
    expect(() => gaussian(1, 0, 1, { normalization: 'peak' as unknown as 'area' })).toThrow(
      /options.normalization must be 'area' or 'height'; received "peak"/,
    );
    expect(() => gaussian([0, Number.NaN], 0, 1)).toThrow(/twoTheta\[1\] must be a finite number/);
    expect(() => gaussian([0, 1], 0, 1, { out: new Float64Array(3) })).toThrow(RangeError);
    expect(() => gaussian([0, 1], 0, 1, { out: [0, 0] as unknown as Float64Array })).toThrow(
      TypeError,
    );
    expect(() => gaussian({} as unknown as number, 0, 1)).toThrow(TypeError);
    expect(() => tchPseudoVoigt(0, 0)).toThrow(/must not both be 0/);
    expect(() => tchPseudoVoigt(-0.1, 0.1)).toThrow(/gaussianFwhm must be a finite number ≥ 0/);
    expect(() => tchPseudoVoigt(0.1, Number.POSITIVE_INFINITY)).toThrow(/lorentzianFwhm/);
  });
});
