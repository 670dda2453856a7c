import { pseudoVoigt } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FitPeaksResult, fitPeaks, type InitialPeak } from '../src/fit-peaks.js';
import lmfit from './fixtures/fitting.json' with { type: 'json' };

/** |a − b| ≤ tol·|b|. */
function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

type Values = Record<string, number>;

/** Our fit in lmfit's names for a pseudo-Voigt doublet on a line (sigma = fwhm/2). */
function asLmfit(fit: FitPeaksResult, errors: boolean): Values {
  const out: Values = {};
  fit.peaks.forEach((peak, k) => {
    const s = errors ? peak.standardErrors : peak;
    out[`p${k}_amplitude`] = s.area;
    out[`p${k}_center`] = s.center;
    out[`p${k}_sigma`] = s.fwhm / 2;
    out[`p${k}_fraction`] = s.eta as number;
    out[`p${k}_height`] = s.height;
  });
  const bg = errors ? fit.backgroundStandardErrors : fit.background;
  out.bg_intercept = bg[0] as number;
  out.bg_slope = bg[1] as number;
  return out;
}

function doubletStart(start: Values): InitialPeak[] {
  return [0, 1].map((k) => ({
    center: start[`p${k}_center`] as number,
    fwhm: 2 * (start[`p${k}_sigma`] as number),
    area: start[`p${k}_amplitude`] as number,
    eta: start[`p${k}_fraction`] as number,
  }));
}

describe('fitPeaks against lmfit (fixtures/fitting.py)', () => {
  const { x, y, start } = lmfit.pvoigt_doublet;
  const weights = y.map((v) => 1 / Math.sqrt(Math.max(v, 1)));
  const initialBackground = [start.bg_intercept, start.bg_slope];

  it('fits a pseudo-Voigt doublet on a line: parameters to 1e-6, standard errors to 1e-3', () => {
    const fit = fitPeaks(x, y, doubletStart(start), {
      profile: 'pseudo-voigt',
      background: 'linear',
      weights,
      initialBackground,
    });
    expect(fit.converged).toBe(true);
    const values = asLmfit(fit, false);
    const errors = asLmfit(fit, true);
    const reference = lmfit.pvoigt_doublet.fit;
    for (const [name, value] of Object.entries(reference.values)) {
      expect(relativeError(values[name] as number, value), name).toBeLessThan(1e-6);
    }
    for (const [name, value] of Object.entries(reference.stderr)) {
      expect(relativeError(errors[name] as number, value as number), name).toBeLessThan(1e-3);
    }
    expect(relativeError(fit.reducedChiSquare, reference.redchi)).toBeLessThan(1e-9);
    expect(relativeError(fit.chiSquare, reference.chisqr)).toBeLessThan(1e-9);
  });

  it('holds a parameter fixed as lmfit does with vary=False (stderr 0)', () => {
    const peaks = doubletStart(start);
    peaks[0] = { ...(peaks[0] as InitialPeak), eta: 0.5, fixed: ['eta'] };
    const fit = fitPeaks(x, y, peaks, { weights, initialBackground });
    const values = asLmfit(fit, false);
    const errors = asLmfit(fit, true);
    const reference = lmfit.pvoigt_doublet_fixed.fit;
    for (const [name, value] of Object.entries(reference.values)) {
      expect(relativeError(values[name] as number, value) || 0, name).toBeLessThan(1e-6);
    }
    for (const [name, value] of Object.entries(reference.stderr)) {
      if (value === 0) expect(errors[name], name).toBe(0);
      else expect(relativeError(errors[name] as number, value), name).toBeLessThan(1e-3);
    }
    expect(fit.parameterNames).not.toContain('peaks[0].eta');
    expect(fit.parameterNames).toHaveLength(9);
  });

  it('fits a Gaussian on a quadratic background (lmfit PolynomialModel, raw powers of x)', () => {
    const g = lmfit.gaussian_quadratic;
    // lmfit's Gaussian sigma is the standard deviation: fwhm = 2√(2 ln 2)·sigma.
    const toFwhm = 2 * Math.sqrt(2 * Math.LN2);
    const fit = fitPeaks(
      g.x,
      g.y,
      [{ center: g.start.g_center, fwhm: toFwhm * g.start.g_sigma, area: g.start.g_amplitude }],
      {
        profile: 'gaussian',
        background: { polynomial: 2 },
        initialBackground: [g.start.bg_c0, 0, 0],
      },
    );
    const peak = fit.peaks[0] as FitPeaksResult['peaks'][number];
    const values: Values = {
      g_amplitude: peak.area,
      g_center: peak.center,
      g_sigma: peak.fwhm / toFwhm,
      g_fwhm: peak.fwhm,
      g_height: peak.height,
      bg_c0: fit.background[0] as number,
      bg_c1: fit.background[1] as number,
      bg_c2: fit.background[2] as number,
    };
    const errors: Values = {
      g_amplitude: peak.standardErrors.area,
      g_center: peak.standardErrors.center,
      g_sigma: peak.standardErrors.fwhm / toFwhm,
      g_fwhm: peak.standardErrors.fwhm,
      g_height: peak.standardErrors.height,
      bg_c0: fit.backgroundStandardErrors[0] as number,
      bg_c1: fit.backgroundStandardErrors[1] as number,
      bg_c2: fit.backgroundStandardErrors[2] as number,
    };
    for (const [name, value] of Object.entries(g.fit.values)) {
      expect(relativeError(values[name] as number, value), name).toBeLessThan(1e-6);
    }
    for (const [name, value] of Object.entries(g.fit.stderr)) {
      expect(relativeError(errors[name] as number, value), name).toBeLessThan(1e-3);
    }
    expect(peak.eta).toBeUndefined();
    expect(relativeError(fit.reducedChiSquare, g.fit.redchi)).toBeLessThan(1e-9);
  });
});

describe('fitPeaks', () => {
  const x = Float64Array.from({ length: 801 }, (_, i) => 20 + 0.01 * i);

  it('recovers noise-free peak sets to 1e-8 (any profile, from perturbed starts)', () => {
    const profiles = ['gaussian', 'lorentzian', 'pseudo-voigt'] as const;
    const peak = fc.record({
      fwhm: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
      area: fc.double({ min: 5, max: 200, noNaN: true }),
      eta: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
      dc: fc.double({ min: -0.15, max: 0.15, noNaN: true }),
      sw: fc.double({ min: 0.85, max: 1.2, noNaN: true }),
      sa: fc.double({ min: 0.7, max: 1.3, noNaN: true }),
    });
    let failures = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...profiles),
        fc.array(peak, { minLength: 1, maxLength: 3 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (profile, peaks, b0, b1) => {
          // Centres 1.8° apart (≥ 6 FWHM): each peak is resolved.
          const truth = peaks.map((p, k) => ({ ...p, center: 21.5 + 1.8 * k }));
          const y = x.map((t) => {
            let v = b0 + b1 * (t - 20);
            for (const p of truth) {
              const eta = profile === 'gaussian' ? 0 : profile === 'lorentzian' ? 1 : p.eta;
              v += p.area * pseudoVoigt(t, p.center, p.fwhm, eta);
            }
            return v;
          });
          const start: InitialPeak[] = truth.map((p) => ({
            center: p.center + p.dc * p.fwhm,
            fwhm: p.fwhm * p.sw,
            area: p.area * p.sa,
            ...(profile === 'pseudo-voigt' ? { eta: 0.5 } : {}),
          }));
          // The law is that the least-squares minimum sits at the generating parameters; a tight
          // tolerance shows it (the default, 1e-10 relative to the whole parameter vector, leaves
          // a weak peak next to one 40 times larger ~1e-8 short).
          const fit = fitPeaks(x, y, start, { profile, tolerance: 1e-13 });
          let ok = fit.converged;
          truth.forEach((p, k) => {
            const f = fit.peaks[k] as FitPeaksResult['peaks'][number];
            ok &&= Math.abs(f.center - p.center) <= 1e-8 * p.fwhm;
            ok &&= relativeError(f.fwhm, p.fwhm) <= 1e-8;
            ok &&= relativeError(f.area, p.area) <= 1e-8;
            if (profile === 'pseudo-voigt') ok &&= Math.abs((f.eta as number) - p.eta) <= 1e-8;
          });
          // The background line at both ends of the axis, relative to the largest peak height.
          const scale = Math.max(...fit.peaks.map((f) => f.height));
          for (const t of [20, 28]) {
            const fitted = (fit.background[0] as number) + (fit.background[1] as number) * t;
            ok &&= Math.abs(fitted - (b0 + b1 * (t - 20))) <= 1e-8 * scale;
          }
          if (!ok) failures++;
        },
      ),
      { numRuns: 25 },
    );
    expect(failures).toBe(0);
  });

  it('reports the height of the unit-area profiles (closed forms)', () => {
    // Lorentzian: height = 2·area/(π·fwhm); Gaussian: 2·area·√(ln 2/π)/fwhm.
    const y = x.map((t) => 40 * pseudoVoigt(t, 24, 0.2, 1) + 10);
    const lorentz = fitPeaks(x, y, [{ center: 24.02, fwhm: 0.25, height: 100 }], {
      profile: 'lorentzian',
      background: 'constant',
    });
    expect(
      relativeError(lorentz.peaks[0]?.height as number, (2 * 40) / (Math.PI * 0.2)),
    ).toBeLessThan(1e-9);
    expect(lorentz.background[0]).toBeCloseTo(10, 8);
    const g = x.map((t) => 40 * pseudoVoigt(t, 24, 0.2, 0));
    const gauss = fitPeaks(x, g, [{ center: 24.01, fwhm: 0.18 }], {
      profile: 'gaussian',
      background: 'none',
    });
    expect(
      relativeError(
        gauss.peaks[0]?.height as number,
        (2 * 40 * Math.sqrt(Math.LN2 / Math.PI)) / 0.2,
      ),
    ).toBeLessThan(1e-9);
    expect(gauss.background).toHaveLength(0);
    // The fitted curve and residuals agree with the data.
    expect(Math.max(...gauss.residuals.map(Math.abs))).toBeLessThan(1e-8);
    expect(gauss.fitted[400]).toBeCloseTo(g[400] as number, 8);
  });

  it('fits a window of the pattern and a decreasing axis alike', () => {
    const y = x.map(
      (t) => 50 * pseudoVoigt(t, 23, 0.15, 0.3) + 70 * pseudoVoigt(t, 26, 0.15, 0.3) + 5,
    );
    const fit = fitPeaks(x, y, [{ center: 25.97, fwhm: 0.12, height: 300 }], {
      window: [25, 27],
      background: 'constant',
    });
    expect(fit.start).toBe(500);
    expect(fit.end).toBe(701);
    expect(fit.x).toHaveLength(201);
    expect(fit.fitted).toHaveLength(201);
    expect(fit.peaks[0]?.center).toBeCloseTo(26, 5);
    const reversedX = Float64Array.from(x).reverse();
    const reversedY = Float64Array.from(y).reverse();
    const backwards = fitPeaks(reversedX, reversedY, [{ center: 25.97, fwhm: 0.12, height: 300 }], {
      window: [25, 27],
      background: 'constant',
    });
    expect(backwards.start).toBe(100);
    expect(backwards.peaks[0]?.center).toBeCloseTo(fit.peaks[0]?.center as number, 10);
    expect(backwards.peaks[0]?.area).toBeCloseTo(fit.peaks[0]?.area as number, 8);
  });

  it('reports standard errors consistent with its covariance', () => {
    const { x: lx, y: ly, start } = lmfit.pvoigt_doublet;
    const fit = fitPeaks(lx, ly, doubletStart(start), { background: { polynomial: 1 } });
    const m = fit.parameterNames.length;
    expect(fit.covariance).toHaveLength(m * m);
    const slope = fit.parameterNames.indexOf('background[1]');
    expect(Math.sqrt(fit.covariance[slope * m + slope] as number)).toBeCloseTo(
      fit.backgroundStandardErrors[1] as number,
      12,
    );
    const center = fit.parameterNames.indexOf('peaks[1].center');
    expect(Math.sqrt(fit.covariance[center * m + center] as number)).toBe(
      fit.peaks[1]?.standardErrors.center,
    );
  });

  it('rejects bad input', () => {
    const y = x.map((t) => 50 * pseudoVoigt(t, 23, 0.15, 0.3) + 5);
    const peak = { center: 23, fwhm: 0.1, height: 100 };
    expect(() => fitPeaks(x, y.subarray(1), [peak])).toThrow(
      /y must have the same length as x \(801\)/,
    );
    const shuffled = Float64Array.from(x);
    shuffled[10] = 20.05;
    expect(() => fitPeaks(shuffled, y, [peak])).toThrow(
      /x must be strictly monotone .* increases from x\[0\] to x\[1\] but x\[10\] = 20.05 follows x\[9\] = 20.09/,
    );
    expect(() => fitPeaks(x, y, [])).toThrow(TypeError);
    expect(() => fitPeaks(x, y, [{ ...peak, area: 3 }])).toThrow(/area or height, not both/);
    expect(() => fitPeaks(x, y, [{ ...peak, fwhm: 0 }])).toThrow(
      /initialPeaks\[0\]\.fwhm must be a finite number > 0; received 0/,
    );
    expect(() => fitPeaks(x, y, [{ ...peak, eta: 0.5 }], { profile: 'gaussian' })).toThrow(
      /eta is only accepted with profile 'pseudo-voigt'/,
    );
    expect(() => fitPeaks(x, y, [{ ...peak, eta: 1.5 }])).toThrow(RangeError);
    expect(() => fitPeaks(x, y, [peak], { profile: 'voigt' as 'gaussian' })).toThrow(TypeError);
    expect(() => fitPeaks(x, y, [peak], { background: 'cubic' as 'linear' })).toThrow(TypeError);
    expect(() => fitPeaks(x, y, [peak], { background: { polynomial: 11 } })).toThrow(RangeError);
    expect(() => fitPeaks(x, y, [peak], { fixed: ['eta'], profile: 'lorentzian' })).toThrow(
      /fixed\[0\] is 'eta'/,
    );
    expect(() => fitPeaks(x, y, [peak], { fixed: ['width' as 'fwhm'] })).toThrow(TypeError);
    expect(() =>
      fitPeaks(x, y, [peak], { fixed: ['center', 'fwhm', 'area', 'eta'], background: 'none' }),
    ).toThrow(/at least one free parameter/);
    expect(() => fitPeaks(x, new Float64Array(x.length), [peak])).toThrow(/y must not be constant/);
    expect(() => fitPeaks(x, y, [peak], { window: [50, 60] })).toThrow(/window \[50, 60\]/);
    expect(() => fitPeaks(x, y, [peak], { window: [22, 22.03] })).toThrow(
      /at least as many points as free parameters \(6\)/,
    );
    expect(() => fitPeaks(x, y, [peak], { initialBackground: [1] })).toThrow(
      /initialBackground must have the same length/,
    );
    expect(() => fitPeaks(x, y, [peak], { weights: [1, 2] })).toThrow(/weights/);
    const nan = Float64Array.from(y);
    nan[3] = Number.NaN;
    expect(() => fitPeaks(x, nan, [peak])).toThrow(/y\[3\] must be a finite number/);
    expect(() => fitPeaks(x, y, [peak], null as unknown as object)).toThrow(TypeError);
  });
});
