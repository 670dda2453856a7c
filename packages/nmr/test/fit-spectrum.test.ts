import { createRng } from '@intercalate/numerics';
import { describe, expect, it } from 'vitest';
import { type FitSidebands, fitSpectrum } from '../src/fit-spectrum.js';
import { sidebandIntensities } from '../src/sideband-intensities.js';
import { type SpectrumLine, simulateSpectrum } from '../src/simulate-spectrum.js';

const LI7 = 116.591; // ⁷Li at ¹H 300 MHz
const n = 2048;
const axis = Float64Array.from({ length: n }, (_, i) => 2200 - (4400 * i) / (n - 1));

const truth: SpectrumLine[] = [
  { shift: 740, fwhm: 60, area: 70, shape: 'lorentzian' },
  { shift: 520, fwhm: 90, area: 30, shape: 'pseudo-voigt', eta: 0.4 },
  { shift: -10, fwhm: 25, area: 10, shape: 'gaussian' },
];
const start: SpectrumLine[] = [
  { shift: 725, fwhm: 45, area: 50, shape: 'lorentzian' },
  { shift: 540, fwhm: 110, area: 40, shape: 'pseudo-voigt', eta: 0.7 },
  { shift: 0, fwhm: 35, area: 6, shape: 'gaussian' },
];
/** Offset and slope (per ppm) of the linear baseline added to the synthetic spectra. */
const OFFSET = 0.01;
const SLOPE = 2e-6;

function synthetic(sidebands: FitSidebands | undefined, noise = 0, seed = 0): Float64Array {
  const y = simulateSpectrum({
    axis,
    lines: truth,
    ...(sidebands ? { sidebands, referenceFrequency: LI7 } : {}),
  });
  const z = noise > 0 ? createRng(seed).normalArray(n) : undefined;
  for (let i = 0; i < n; i++) {
    y[i] =
      (y[i] as number) + OFFSET + SLOPE * (axis[i] as number) + (z ? noise * (z[i] as number) : 0);
  }
  return y;
}

const fixedSidebands: FitSidebands = {
  spinningRate: 60_000,
  orders: 2,
  anisotropy: 250,
  asymmetry: 0.3,
};

describe('fitSpectrum', () => {
  it('recovers the lines, manifolds and baseline of a noise-free spectrum', () => {
    const y = synthetic(fixedSidebands);
    const fit = fitSpectrum(axis, y, start, {
      sidebands: fixedSidebands,
      referenceFrequency: LI7,
      background: 'linear',
    });
    expect(fit.converged).toBe(true);
    fit.lines.forEach((line, k) => {
      const expected = truth[k] as SpectrumLine;
      expect(line.shape).toBe(expected.shape);
      expect(Math.abs(line.shift - expected.shift)).toBeLessThan(1e-8);
      expect(Math.abs(line.fwhm / expected.fwhm - 1)).toBeLessThan(1e-9);
      expect(Math.abs(line.area / expected.area - 1)).toBeLessThan(1e-9);
      if (expected.eta !== undefined)
        expect(Math.abs((line.eta as number) - expected.eta)).toBeLessThan(1e-9);
    });
    expect(fit.background.kind).toBe('linear');
    expect(Math.abs(fit.background.offset - OFFSET)).toBeLessThan(1e-12);
    expect(Math.abs(fit.background.slope - SLOPE)).toBeLessThan(1e-15);
    expect(fit.chiSquare).toBeLessThan(1e-18);
    // The manifold used is the computed one, normalised.
    const computed = sidebandIntensities({
      ...fixedSidebands,
      asymmetry: 0.3,
      anisotropy: 250,
      referenceFrequency: LI7,
    });
    const sum = computed.reduce((s, v) => s + v, 0);
    fit.sidebands?.intensities.forEach((value, k) => {
      expect(Math.abs(value - (computed[k] as number) / sum)).toBeLessThan(1e-15);
    });
    expect(Array.from(fit.sidebands?.standardErrors ?? [])).toEqual([0, 0, 0, 0, 0]);
    // fitted + residuals = y
    let violations = 0;
    for (let i = 0; i < n; i++) {
      if (
        Math.abs((fit.fitted[i] as number) + (fit.residuals[i] as number) - (y[i] as number)) >
        1e-15
      ) {
        violations++;
      }
    }
    expect(violations).toBe(0);
  });

  it('recovers a lightly noisy spectrum within its standard errors (createRng, seed 20240601)', () => {
    const sigma = 0.002; // ≈ 0.5 % of the tallest peak
    const y = synthetic(fixedSidebands, sigma, 20240601);
    const fit = fitSpectrum(axis, y, start, {
      sidebands: fixedSidebands,
      referenceFrequency: LI7,
      background: 'linear',
    });
    // Reduced χ² estimates σ² (n − m = 2048 − 12 degrees of freedom: ±3 % at 1σ).
    expect(fit.reducedChiSquare / (sigma * sigma)).toBeGreaterThan(0.88);
    expect(fit.reducedChiSquare / (sigma * sigma)).toBeLessThan(1.12);
    let worst = 0;
    fit.lines.forEach((line, k) => {
      const expected = truth[k] as SpectrumLine;
      for (const key of ['shift', 'fwhm', 'area', 'eta'] as const) {
        const value = line[key];
        const error = line.standardErrors[key];
        if (value === undefined || error === undefined) continue;
        expect(error).toBeGreaterThan(0);
        worst = Math.max(worst, Math.abs(value - (expected[key] as number)) / error);
      }
    });
    worst = Math.max(
      worst,
      Math.abs(fit.background.offset - OFFSET) / fit.background.standardErrors.offset,
    );
    worst = Math.max(
      worst,
      Math.abs(fit.background.slope - SLOPE) / fit.background.standardErrors.slope,
    );
    // 12 parameters: all within 4 standard errors (a 1-in-1000 event for one of them otherwise).
    expect(worst).toBeLessThan(4);
    // And the areas to better than 1 % (what quantification needs).
    fit.lines.forEach((line, k) => {
      expect(Math.abs(line.area / (truth[k] as SpectrumLine).area - 1)).toBeLessThan(0.01);
    });
  });

  it('fits free sideband intensities, shared by the lines, from a start read off the data', () => {
    const given = [0.03, 0.12, 1, 0.1, 0.02];
    const y = synthetic({ spinningRate: 60_000, orders: 2, intensities: given });
    const sidebands: FitSidebands = { spinningRate: 60_000, orders: 2, vary: true };
    const fit = fitSpectrum(axis, y, start, {
      sidebands,
      referenceFrequency: LI7,
      background: 'linear',
    });
    const total = given.reduce((s, v) => s + v, 0);
    fit.sidebands?.intensities.forEach((value, k) => {
      expect(Math.abs(value - (given[k] as number) / total)).toBeLessThan(1e-9);
    });
    expect(fit.sidebands?.standardErrors.every((e) => e >= 0 && e < 1e-9)).toBe(true);
    fit.lines.forEach((line, k) => {
      expect(Math.abs(line.area / (truth[k] as SpectrumLine).area - 1)).toBeLessThan(1e-9);
    });
    // Starting from given intensities instead gives the same answer.
    const again = fitSpectrum(axis, y, start, {
      sidebands: { ...sidebands, intensities: [0.1, 0.1, 1, 0.1, 0.1] },
      referenceFrequency: LI7,
      background: 'linear',
    });
    again.sidebands?.intensities.forEach((value, k) => {
      expect(Math.abs(value - (given[k] as number) / total)).toBeLessThan(1e-9);
    });
  });

  it('propagates noise into the free sideband intensities (errors > 0, truth within 4 errors)', () => {
    const given = [0.03, 0.12, 1, 0.1, 0.02];
    const y = synthetic({ spinningRate: 60_000, orders: 2, intensities: given }, 0.002, 7);
    const fit = fitSpectrum(axis, y, start, {
      sidebands: { spinningRate: 60_000, orders: 2, vary: true, intensities: given },
      referenceFrequency: LI7,
      background: 'linear',
    });
    const total = given.reduce((s, v) => s + v, 0);
    const intensities = fit.sidebands?.intensities as Float64Array;
    const errors = fit.sidebands?.standardErrors as Float64Array;
    expect(Math.abs(intensities.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-14);
    intensities.forEach((value, k) => {
      expect(errors[k]).toBeGreaterThan(0);
      expect(Math.abs(value - (given[k] as number) / total)).toBeLessThan(
        4 * (errors[k] as number),
      );
    });
  });

  it('holds fixed parameters at their initial values with zero standard errors', () => {
    const y = synthetic(undefined);
    const initial = start.map((line, k) => (k === 1 ? { ...line, fwhm: 90, eta: 0.4 } : line));
    const fit = fitSpectrum(axis, y, initial, {
      background: 'linear',
      fixed: [undefined, ['fwhm', 'eta']],
    });
    const line = fit.lines[1];
    expect(line?.fwhm).toBe(90);
    expect(line?.eta).toBe(0.4);
    expect(line?.standardErrors.fwhm).toBe(0);
    expect(line?.standardErrors.eta).toBe(0);
    expect(Math.abs((line?.area as number) - 30)).toBeLessThan(1e-8);
    expect(Math.abs((fit.lines[0]?.shift as number) - 740)).toBeLessThan(1e-8);
    expect(fit.sidebands).toBeUndefined();
  });

  it('fits a constant baseline, or none', () => {
    const y = simulateSpectrum({ axis, lines: truth });
    const shifted = y.map((v) => v + 0.05);
    const constant = fitSpectrum(axis, shifted, start, { background: 'constant' });
    expect(Math.abs(constant.background.offset - 0.05)).toBeLessThan(1e-12);
    expect(constant.background.slope).toBe(0);
    expect(constant.background.standardErrors.slope).toBe(0);
    const none = fitSpectrum(axis, y, start);
    expect(none.background).toEqual({
      kind: 'none',
      offset: 0,
      slope: 0,
      standardErrors: { offset: 0, slope: 0 },
    });
    expect(Math.abs((none.lines[2]?.area as number) - 10)).toBeLessThan(1e-9);
  });

  it('rejects bad input, naming the argument', () => {
    const y = synthetic(undefined);
    const line = start[0] as SpectrumLine;
    expect(() => fitSpectrum([], [], [line])).toThrow(/axis must have at least 1 element/);
    expect(() => fitSpectrum(axis, y.subarray(1), [line])).toThrow(
      /y must have the same length as axis \(2048\); received length 2047/,
    );
    expect(() => fitSpectrum(axis, y, [])).toThrow(/initialLines must be a non-empty array/);
    expect(() => fitSpectrum(axis, y, [{ ...line, fwhm: -1 }])).toThrow(
      /initialLines\[0\]\.fwhm must be a finite number > 0 \(ppm\); received -1/,
    );
    expect(() => fitSpectrum(axis, y, [line], null as never)).toThrow(/options must be an object/);
    expect(() => fitSpectrum(axis, y, [line], { background: 'cubic' as never })).toThrow(
      /background must be 'none', 'constant' or 'linear'; received "cubic"/,
    );
    expect(() => fitSpectrum(axis, y, [line], { fixed: 'fwhm' as never })).toThrow(
      /fixed must be an array/,
    );
    expect(() => fitSpectrum(axis, y, [line], { fixed: [[], []] })).toThrow(
      /fixed must have at most one entry per line \(1\); received length 2/,
    );
    expect(() => fitSpectrum(axis, y, [line], { fixed: [['width' as never]] })).toThrow(
      /fixed\[0\] entries must be 'shift', 'fwhm', 'area' or 'eta'; received "width"/,
    );
    expect(() => fitSpectrum(axis, y, [line], { fixed: [['eta']] })).toThrow(
      /fixed\[0\] holds 'eta' but initialLines\[0\] is a lorentzian/,
    );
    expect(() => fitSpectrum(axis, y, [line], { fixed: [['shift', 'fwhm', 'area']] })).toThrow(
      /needs at least one free parameter/,
    );
    expect(() =>
      fitSpectrum(axis, y, [line], {
        sidebands: { spinningRate: 60_000, orders: 1, intensities: [1, 1, 1] },
      }),
    ).toThrow(/referenceFrequency \(MHz\) is required with sidebands/);
    expect(() =>
      fitSpectrum(axis, y, [line], {
        sidebands: { spinningRate: 60_000, orders: 1.5, vary: true },
        referenceFrequency: LI7,
      }),
    ).toThrow(/sidebands.orders must be an integer/);
    expect(() =>
      fitSpectrum(axis, y, [line], {
        sidebands: { spinningRate: 60_000, orders: 1, vary: true, intensities: [1, 0, 1] },
        referenceFrequency: LI7,
      }),
    ).toThrow(/positive centreband/);
    expect(() => fitSpectrum(axis, y, [line], { weights: [1, 2] })).toThrow(/weights/);
    expect(() => fitSpectrum(axis.subarray(0, 2), y.subarray(0, 2), [line])).toThrow(RangeError);
  });
});
