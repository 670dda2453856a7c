import { pseudoVoigt, WAVELENGTHS } from '@intercalate/crystallography';
import { trapezoid } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples, latticeFunction, simulatePeakWarping } from '../src/index.js';
import reference from './fixtures/strain-landscape.json';

const lambda = WAVELENGTHS.Cu.kAlpha1;
const fa = latticeFunction(examples.nmc811.cLi, examples.nmc811.a);
const fc811 = latticeFunction(examples.nmc811.cLi, examples.nmc811.c);

/**
 * Broadening (degrees) measured on the simulated intensity: √(second moment − instrument variance),
 * from the curve alone (trapezoid sums), for hkl at c_Li with a uniform Δc_Li = 0.1.
 */
function measuredBroadening(
  hkl: [number, number, number],
  cLi: number,
): { measured: number; spread: number } {
  const grid = Float64Array.from({ length: 100_001 }, (_, i) => 15 + 0.0006 * i); // 15–75°
  const fwhm = 0.02;
  const peak = simulatePeakWarping({
    hkl,
    fa,
    fc: fc811,
    cLi,
    deltaCLi: 0.1,
    wavelength: lambda,
    twoTheta: grid,
    profile: { shape: 'gaussian', fwhm },
  });
  const y = peak.intensity;
  const area = trapezoid(y, 0.0006);
  const mean =
    trapezoid(
      Float64Array.from(y, (v, i) => v * (grid[i] as number)),
      0.0006,
    ) / area;
  const second =
    trapezoid(
      Float64Array.from(y, (v, i) => v * ((grid[i] as number) - mean) ** 2),
      0.0006,
    ) / area;
  const instrument = (fwhm / (2 * Math.sqrt(2 * Math.LN2))) ** 2;
  return { measured: Math.sqrt(second - instrument), spread: peak.positionSpread };
}

describe('simulatePeakWarping', () => {
  it('matches the numpy sum of pseudo-Voigts over np.interp lattices (fixture strain-landscape.py)', () => {
    const la = latticeFunction(reference.cLi, reference.a, { interpolation: 'linear' });
    const lc = latticeFunction(reference.cLi, reference.c, { interpolation: 'linear' });
    for (const [hkl, axis, expected] of [
      [[0, 0, 3], reference.warping.axis003, reference.warping.peak003],
      [[1, 0, 1], reference.warping.axis101, reference.warping.peak101],
    ] as const) {
      const result = simulatePeakWarping({
        hkl: hkl as unknown as [number, number, number],
        fa: la,
        fc: lc,
        cLi: 0.3,
        deltaCLi: 0.1,
        wavelength: 1.54059292,
        twoTheta: axis,
        profile: { shape: 'pseudo-voigt', fwhm: 0.05, eta: 0.3 },
      });
      let peak = 0;
      for (const v of expected.intensity) peak = Math.max(peak, v);
      for (let i = 0; i < axis.length; i++) {
        expect(
          Math.abs((result.intensity[i] as number) - (expected.intensity[i] as number)),
        ).toBeLessThan(1e-11 * peak);
      }
      for (let k = 0; k < 200; k++)
        expect(result.positions[k]).toBeCloseTo(expected.positions[k] as number, 10);
      expect(result.meanPosition).toBeCloseTo(expected.mean, 10);
      expect(result.positionSpread).toBeCloseTo(expected.spread, 10);
    }
  });

  it('warps 003 much more than 101 below c_Li = 0.4, and not above (illustrative NMC811)', () => {
    const low003 = measuredBroadening([0, 0, 3], 0.27);
    const low101 = measuredBroadening([1, 0, 1], 0.27);
    const high003 = measuredBroadening([0, 0, 3], 0.6);
    const high101 = measuredBroadening([1, 0, 1], 0.6);
    // Law of a convolution: the variances of the instrument profile and of the positions add.
    for (const b of [low003, low101, high003, high101]) expect(b.measured).toBeCloseTo(b.spread, 5);
    // Below 0.4: c collapses while a is on its plateau, so 003 broadens > 4× more than 101 …
    expect(low003.measured).toBeGreaterThan(4 * low101.measured);
    // … while at 0.6 (a changing fastest, c nearly flat) 101 broadens more than 003,
    expect(high101.measured).toBeGreaterThan(2 * high003.measured);
    // and 003 broadens 3× more at 0.27 than at 0.6.
    expect(low003.measured).toBeGreaterThan(3 * high003.measured);
  });

  it('is a single profile at Δc_Li = 0 and keeps unit area (laws of a weighted sum of unit-area profiles)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.45, max: 0.85, noNaN: true }),
        fc.double({ min: 0, max: 0.15, noNaN: true }),
        fc.constantFrom('uniform', 'gaussian' as const),
        (cLi, deltaCLi, distribution) => {
          const grid = Float64Array.from({ length: 3001 }, (_, i) => 17 + 0.001 * i);
          const profile = { shape: 'gaussian' as const, fwhm: 0.08 };
          const single = simulatePeakWarping({
            hkl: [0, 0, 3],
            fa,
            fc: fc811,
            cLi,
            deltaCLi: 0,
            wavelength: lambda,
            twoTheta: grid,
            profile,
            samples: 5,
          });
          expect(single.positionSpread).toBeLessThan(1e-12); // 5 identical positions, up to rounding
          const position = single.positions[0] as number;
          const direct = pseudoVoigt(grid, position, 0.08, 0);
          for (let i = 0; i < grid.length; i += 100)
            expect(single.intensity[i]).toBeCloseTo(direct[i] as number, 10);
          const warped = simulatePeakWarping({
            hkl: [0, 0, 3],
            fa,
            fc: fc811,
            cLi,
            deltaCLi,
            distribution,
            wavelength: lambda,
            twoTheta: grid,
            profile,
          });
          expect(trapezoid(warped.intensity, 0.001)).toBeCloseTo(1, 6);
          let total = 0;
          for (const w of warped.weights) total += w;
          expect(total).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('accepts an explicit distribution of local contents', () => {
    const grid = Float64Array.from({ length: 2001 }, (_, i) => 18 + 0.001 * i);
    const result = simulatePeakWarping({
      hkl: [0, 0, 3],
      fa,
      fc: fc811,
      cLi: 0.5,
      deltaCLi: 0,
      distribution: { offsets: [-0.05, 0.05], weights: [1, 3] },
      wavelength: lambda,
      twoTheta: grid,
      profile: { fwhm: 0.03 },
    });
    expect(Array.from(result.contents)).toEqual([0.45, 0.55]);
    expect(Array.from(result.weights)).toEqual([0.25, 0.75]);
  });

  it('rejects bad input', () => {
    const grid = [18, 18.5, 19];
    const base = {
      hkl: [0, 0, 3] as [number, number, number],
      fa,
      fc: fc811,
      cLi: 0.5,
      deltaCLi: 0.1,
      wavelength: lambda,
      twoTheta: grid,
      profile: { fwhm: 0.05 },
    };
    expect(() => simulatePeakWarping(null as unknown as typeof base)).toThrow(TypeError);
    expect(() => simulatePeakWarping({ ...base, fa: 2 as unknown as typeof fa })).toThrow(
      /fa must be a function/,
    );
    expect(() => simulatePeakWarping({ ...base, cLi: 1.5 })).toThrow(/cLi must be/);
    expect(() => simulatePeakWarping({ ...base, deltaCLi: -0.1 })).toThrow(/deltaCLi must be/);
    expect(() => simulatePeakWarping({ ...base, wavelength: 0 })).toThrow(/wavelength must be/);
    expect(() => simulatePeakWarping({ ...base, wavelength: 20 })).toThrow(/beyond 2θ = 180°/);
    expect(() => simulatePeakWarping({ ...base, profile: { fwhm: -1 } })).toThrow(/profile.fwhm/);
    expect(() => simulatePeakWarping({ ...base, profile: { fwhm: 0.1, eta: 2 } })).toThrow(
      /profile.eta/,
    );
    expect(() =>
      simulatePeakWarping({ ...base, profile: { shape: 'voigt' as 'gaussian', fwhm: 0.1 } }),
    ).toThrow(TypeError);
    expect(() => simulatePeakWarping({ ...base, cLi: 0.22, deltaCLi: 0.1 })).toThrow(
      /domain of fa and fc/,
    );
    expect(() => simulatePeakWarping({ ...base, cLi: 0.98, deltaCLi: 0.1 })).toThrow(
      /in \[0, 1\]|domain/,
    );
    expect(() => simulatePeakWarping({ ...base, samples: 0 })).toThrow(/samples/);
    expect(() => simulatePeakWarping({ ...base, distribution: 'lognormal' as 'uniform' })).toThrow(
      TypeError,
    );
    expect(() =>
      simulatePeakWarping({ ...base, distribution: { offsets: [0], weights: [-1] } }),
    ).toThrow(/weights\[0\] must be ≥ 0/);
    expect(() => simulatePeakWarping({ ...base, twoTheta: [19, 18] })).toThrow(RangeError);
    expect(() => simulatePeakWarping({ ...base, hkl: [0, 0, 0] })).toThrow(RangeError);
  });
});
