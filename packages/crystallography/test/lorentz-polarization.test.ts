import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lorentzPolarization } from '../src/lorentz-polarization.js';

const DEG = Math.PI / 180;

describe('lorentzPolarization', () => {
  it('matches the closed form without monochromator', () => {
    // 2θ = 90°: cos 2θ = 0, so LP = (1 + 0)/(2 sin²45° cos45°) = 1/(2 · ½ · 1/√2) = √2.
    expect(lorentzPolarization(90)).toBeCloseTo(Math.SQRT2, 14);
    // 2θ = 60°: (1 + ¼)/(2 sin²30° cos30°) = 1.25/(2 · ¼ · √3/2) = 5/√3.
    expect(lorentzPolarization(60)).toBeCloseTo(5 / Math.sqrt(3), 13);
    // 2θ = 120°: cos²120° = ¼ again; sin²60° cos60° = ¾ · ½ → 1.25/(2 · 3/8) = 5/3.
    expect(lorentzPolarization(120)).toBeCloseTo(5 / 3, 13);
  });

  it('matches (1 + cos²2θ_m cos²2θ)/((1 + cos²2θ_m) sin²θ cosθ) with a monochromator', () => {
    const m = 26.6;
    const c2m = Math.cos(m * DEG) ** 2;
    for (const twoTheta of [18.7, 44.4, 90, 150]) {
      const t = (twoTheta / 2) * DEG;
      const expected =
        (1 + c2m * Math.cos(2 * t) ** 2) / ((1 + c2m) * Math.sin(t) ** 2 * Math.cos(t));
      expect(lorentzPolarization(twoTheta, { monochromatorTwoTheta: m })).toBeCloseTo(expected, 12);
    }
    // A 90° monochromator polarises fully: the factor is then 1/(sin²θ cosθ) (perpendicular only).
    const t = 20 * DEG;
    expect(lorentzPolarization(40, { monochromatorTwoTheta: 90 })).toBeCloseTo(
      1 / (Math.sin(t) ** 2 * Math.cos(t)),
      12,
    );
  });

  it('handles polarised beams: P = 1 removes the cos²2θ term, P = 0 keeps only it', () => {
    const t = 35 * DEG;
    const lorentz = 1 / (Math.sin(t) ** 2 * Math.cos(t));
    expect(lorentzPolarization(70, { polarization: 1 })).toBeCloseTo(lorentz, 12);
    expect(lorentzPolarization(70, { polarization: 0 })).toBeCloseTo(
      lorentz * Math.cos(2 * t) ** 2,
      12,
    );
  });

  it("is 2× GSAS-II's Lorenz·Polarization with P′ = P/(P + (1 − P)cos²2θ_m) (fast-check)", () => {
    // GSAS-II (GSASIIstrMath): Lorenz = 1/(2 sin²θ cosθ); GSASIIpwd.Polarization at azimuth 0:
    // pola = (1 − P′)cos²2θ + P′.
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 179, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (twoTheta, mono, p) => {
          const t = (twoTheta / 2) * DEG;
          const c2m = Math.cos(mono * DEG) ** 2;
          const pSample = p / (p + (1 - p) * c2m);
          const gsas =
            ((1 - pSample) * Math.cos(2 * t) ** 2 + pSample) / (2 * Math.sin(t) ** 2 * Math.cos(t));
          const ours = lorentzPolarization(twoTheta, {
            monochromatorTwoTheta: mono,
            polarization: p,
          });
          return Math.abs(ours - 2 * gsas) <= 1e-12 * ours;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('has its polarisation part equal to 1 in the forward direction', () => {
    // LP·sin²θ cosθ → 1 as 2θ → 0, for any monochromator and polarisation.
    const twoTheta = 1e-4;
    const t = (twoTheta / 2) * DEG;
    for (const options of [{}, { monochromatorTwoTheta: 26.6 }, { polarization: 0.9 }]) {
      expect(lorentzPolarization(twoTheta, options) * Math.sin(t) ** 2 * Math.cos(t)).toBeCloseTo(
        1,
        9,
      );
    }
  });

  it('maps arrays into `out`', () => {
    const out = new Float64Array(2);
    const result = lorentzPolarization([90, 60], { out });
    expect(result).toBe(out);
    expect(result[0]).toBeCloseTo(Math.SQRT2, 14);
    expect(result[1]).toBe(lorentzPolarization(60));
  });
});

describe('bad input', () => {
  it('is rejected with the argument named', () => {
    expect(() => lorentzPolarization(0)).toThrow(
      new RangeError('twoTheta must be a finite number > 0 and < 180 (degrees 2θ); received 0'),
    );
    expect(() => lorentzPolarization(180)).toThrow(RangeError);
    expect(() => lorentzPolarization(1e-320)).toThrow(/LP to be finite/);
    expect(() => lorentzPolarization([10, Number.NaN])).toThrow(/twoTheta\[1\]/);
    expect(() => lorentzPolarization(10, { polarization: 1.5 })).toThrow(/options.polarization/);
    expect(() => lorentzPolarization(10, { monochromatorTwoTheta: -1 })).toThrow(
      /options.monochromatorTwoTheta must be a finite number ≥ 0 and < 180/,
    );
    expect(() => lorentzPolarization(10, { polarization: 0, monochromatorTwoTheta: 90 })).toThrow(
      /lets no intensity through the monochromator/,
    );
    expect(() => lorentzPolarization(10, null as never)).toThrow(TypeError);
    expect(() => lorentzPolarization('10' as never)).toThrow(TypeError);
    expect(() => lorentzPolarization([10, 20], { out: new Float64Array(3) })).toThrow(RangeError);
  });
});
