import { createRng } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitStrainMasterCurve, strainMasterCurve } from '../src/index.js';
import reference from './fixtures/master-curve.json';

const truth = { criticalContent: 0.4, baseline: 0.05, amplitude: 0.04, decayLength: 0.06 };
const grid = Array.from({ length: 86 }, (_, i) => Math.round((0.15 + 0.01 * i) * 1e10) / 1e10);

function noisy(seed: number, sigma = 0.01): number[] {
  const rng = createRng(seed);
  return grid.map((c) => strainMasterCurve(c, truth) + sigma * rng.normal());
}

describe('strainMasterCurve', () => {
  it('is flat above c*, continuous at c* and follows the closed form below', () => {
    expect(strainMasterCurve(0.4, truth)).toBe(0.05);
    expect(strainMasterCurve(0.9, truth)).toBe(0.05);
    expect(strainMasterCurve(0.3, truth)).toBeCloseTo(0.05 + 0.04 * (Math.exp(0.1 / 0.06) - 1), 15);
    // Continuous at c*: the jump just below is the slope A/λ times the distance (≈ 7e-13).
    expect(Math.abs(strainMasterCurve(0.4 - 1e-12, truth) - 0.05)).toBeLessThan(1e-12);
  });

  it('rejects bad input', () => {
    expect(() => strainMasterCurve(1.5, truth)).toThrow(/cLi must be/);
    expect(() => strainMasterCurve(0.5, { ...truth, decayLength: 0 })).toThrow(
      /decayLength must be/,
    );
    expect(() => strainMasterCurve(0.5, { ...truth, criticalContent: -0.1 })).toThrow(
      /criticalContent/,
    );
    expect(() => strainMasterCurve(0.5, null as unknown as typeof truth)).toThrow(TypeError);
  });
});

describe('fitStrainMasterCurve', () => {
  it('agrees with lmfit 1.1 on the same data and model (fixture master-curve.py)', () => {
    const fit = fitStrainMasterCurve(reference.cLi, reference.strain);
    const ref = reference.lmfit;
    for (const [ours, theirs, se, seRef] of [
      [fit.criticalContent, ref.cs.value, fit.standardErrors.criticalContent, ref.cs.stderr],
      [fit.baseline, ref.b.value, fit.standardErrors.baseline, ref.b.stderr],
      [fit.amplitude, ref.A.value, fit.standardErrors.amplitude, ref.A.stderr],
      [fit.decayLength, ref.lam.value, fit.standardErrors.decayLength, ref.lam.stderr],
    ] as const) {
      // Same minimum to well within its standard error; standard errors to 1e-4 relative
      // (lmfit's Jacobian is by finite differences).
      expect(Math.abs(ours - theirs)).toBeLessThan(1e-4 * seRef);
      expect(Math.abs(se - seRef)).toBeLessThan(1e-4 * seRef);
    }
    expect(fit.chiSquare).toBeCloseTo(reference.chisqr, 12);
    expect(fit.reducedChiSquare).toBeCloseTo(reference.redchi, 12);
    expect(fit.converged).toBe(true);
  });

  it('recovers c* within its standard error at the expected rate (seeded noise, 40 data sets)', () => {
    let within1 = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const fit = fitStrainMasterCurve(grid, noisy(seed));
      const z =
        Math.abs(fit.criticalContent - truth.criticalContent) / fit.standardErrors.criticalContent;
      expect(z).toBeLessThan(3.5);
      if (z < 1) within1++;
    }
    // 68 % expected within 1 SE; binomial(40, 0.68) is in [18, 36] with probability > 0.999.
    expect(within1).toBeGreaterThanOrEqual(18);
    expect(within1).toBeLessThanOrEqual(36);
  });

  it('finds the exact parameters of noise-free data, in any input order, whatever the truth', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 0.6, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.double({ min: 0.04, max: 0.1, noNaN: true }),
        (criticalContent, baseline, amplitude, decayLength) => {
          const p = { criticalContent, baseline, amplitude, decayLength };
          const cLi = [...grid].reverse();
          const strain = cLi.map((c) => strainMasterCurve(c, p));
          const fit = fitStrainMasterCurve(cLi, strain);
          expect(fit.criticalContent).toBeCloseTo(criticalContent, 6);
          expect(fit.decayLength).toBeCloseTo(decayLength, 6);
          expect(fit.baseline).toBeCloseTo(baseline, 8);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('uses weights as 1/σ (scaling all weights leaves the parameters unchanged)', () => {
    const strain = noisy(3);
    const a = fitStrainMasterCurve(grid, strain);
    const b = fitStrainMasterCurve(grid, strain, { weights: grid.map(() => 100) });
    expect(b.criticalContent).toBeCloseTo(a.criticalContent, 8);
    expect(b.standardErrors.criticalContent).toBeCloseTo(a.standardErrors.criticalContent, 8);
    expect(b.chiSquare).toBeCloseTo(a.chiSquare * 1e4, 4);
  });

  it('rejects bad input', () => {
    const s = [1, 2, 3, 4, 5];
    const c = [0.1, 0.2, 0.3, 0.4, 0.5];
    expect(() => fitStrainMasterCurve([0.1, 0.2, 0.3, 0.4], [1, 2, 3, 4])).toThrow(
      /cLi must have at least 5/,
    );
    expect(() => fitStrainMasterCurve(c, [1, 2])).toThrow(/strain must have the same length/);
    expect(() => fitStrainMasterCurve([0.1, 0.2, 0.3, 0.4, 1.5], s)).toThrow(
      /cLi\[4\] must be a lithium content/,
    );
    expect(() => fitStrainMasterCurve(c, [1, 2, Number.NaN, 4, 5])).toThrow(
      /strain\[2\] must be a finite/,
    );
    expect(() => fitStrainMasterCurve(c, s, { weights: [1, 1, -1, 1, 1] })).toThrow(
      /weights\[2\] must be ≥ 0/,
    );
    expect(() => fitStrainMasterCurve(c, s, { weights: [0, 0, 0, 0, 0] })).toThrow(
      /weights must not all be 0/,
    );
    expect(() => fitStrainMasterCurve([0.1, 0.1, 0.2, 0.2, 0.3], s)).toThrow(/at least 4 distinct/);
    expect(() => fitStrainMasterCurve(c, s, 'x' as unknown as object)).toThrow(TypeError);
  });
});
