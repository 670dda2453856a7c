import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaussian, lorentzian, pseudoVoigt, tchPseudoVoigt } from '../src/profiles.js';
import { type PatternPeak, simulatePattern } from '../src/simulate-pattern.js';

const grid = Float64Array.from({ length: 8001 }, (_, i) => 10 + 0.015 * i); // 10–130°

/** Deterministic pseudo-random peaks (LCG), some near or beyond the grid edges. */
function makePeaks(count: number, seed: number): PatternPeak[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => ({
    twoTheta: 8 + 124 * next(),
    area: 1 + 99 * next(),
    fwhm: 0.05 + 0.25 * next(),
    eta: next(),
  }));
}

/** The exact sum of full profiles, evaluated independently peak by peak. */
function exactSum(peaks: PatternPeak[]): Float64Array {
  const sum = new Float64Array(grid.length);
  for (const p of peaks) {
    const profile = pseudoVoigt(grid, p.twoTheta, p.fwhm as number, p.eta as number);
    for (let i = 0; i < grid.length; i++)
      sum[i] = (sum[i] as number) + p.area * (profile[i] as number);
  }
  return sum;
}

/**
 * The documented pointwise truncation bound for window k: Σ η·area·2/(π·FWHM)/(1 + 4k²) over the
 * peaks, plus the Gaussian cut at min(k, 3.82) FWHM: (1 − η)·area·G_max·exp(−4 ln 2·k_G²).
 */
function truncationBound(peaks: PatternPeak[], k: number): number {
  const kG = Math.min(k, 9 / (2 * Math.sqrt(2 * Math.LN2)));
  let bound = 0;
  for (const p of peaks) {
    const f = p.fwhm as number;
    const eta = p.eta as number;
    bound += (eta * Math.abs(p.area) * (2 / (Math.PI * f))) / (1 + 4 * k * k);
    bound +=
      (1 - eta) *
      Math.abs(p.area) *
      ((2 * Math.sqrt(Math.LN2 / Math.PI)) / f) *
      Math.exp(-4 * Math.LN2 * kG * kG);
  }
  return bound;
}

function maxAbsDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  }
  return worst;
}

describe('simulatePattern', () => {
  const peaks = makePeaks(500, 42);
  const exact = exactSum(peaks);
  const scale = Math.max(...exact);

  it('with window: Infinity equals the sum of the full profiles', () => {
    const pattern = simulatePattern(grid, peaks, { window: Number.POSITIVE_INFINITY });
    expect(maxAbsDifference(pattern, exact)).toBeLessThan(1e-13 * scale);
  });

  it('stays within the documented truncation bound for k = 20 (default), 50 and 3', () => {
    for (const k of [20, 50, 3]) {
      const pattern =
        k === 20 ? simulatePattern(grid, peaks) : simulatePattern(grid, peaks, { window: k });
      const error = maxAbsDifference(pattern, exact);
      expect(error).toBeLessThanOrEqual(truncationBound(peaks, k));
      // …and the bound is not vacuous: the truncation is visible.
      expect(error).toBeGreaterThan(truncationBound(peaks, k) / 1000);
    }
  });

  it('loses the area fraction η(1 − (2/π)·arctan(2k)) of a Lorentzian component', () => {
    // One pseudo-Voigt on a fine grid (FWHM/1000 steps); the trapezoid rule over the evaluated
    // points (the window) has an error O(step²) ≈ 1e-7 of the area.
    const fwhm = 0.1;
    const step = fwhm / 1000;
    const fine = Float64Array.from({ length: 12_001 }, (_, i) => 44 + (i - 6000) * step);
    for (const [k, eta] of [
      [5, 1],
      [5, 0.3],
      [2, 0.6],
    ] as const) {
      const pattern = simulatePattern(fine, [{ twoTheta: 44, area: 1, fwhm, eta }], { window: k });
      const first = pattern.findIndex((v) => v > 0);
      let last = pattern.length - 1;
      while ((pattern[last] as number) === 0) last--;
      let area = 0;
      for (let i = first + 1; i <= last; i++) {
        area += 0.5 * ((pattern[i] as number) + (pattern[i - 1] as number)) * step;
      }
      // The window spans [first, last] to within one step: correct for the part of the window
      // beyond the outermost points, (window − evaluated width) × edge value.
      const edge = (eta * (2 / (Math.PI * fwhm))) / (1 + 4 * k * k);
      area += (2 * k * fwhm - ((fine[last] as number) - (fine[first] as number))) * edge;
      // The Gaussian keeps erf(2k√ln 2) = 1 − erfc(3.3302) = 1 − 2.4815e-6 at k = 2 (Python's
      // math.erfc), 1 − 5e-32 at k = 5.
      const gaussianKept = k === 2 ? 1 - 2.481546e-6 : 1;
      const expected = eta * (2 / Math.PI) * Math.atan(2 * k) + (1 - eta) * gaussianKept;
      expect(Math.abs(area - expected)).toBeLessThan(1e-6);
    }
  });

  it('never adds more than the exact sum, and adds all of it near each peak (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 40 }),
        (seed, count) => {
          const some = makePeaks(count, seed);
          const full = exactSum(some);
          const windowed = simulatePattern(grid, some, { window: 10 });
          let violations = 0;
          for (let i = 0; i < grid.length; i++) {
            if ((windowed[i] as number) > (full[i] as number) * (1 + 1e-12) + 1e-300) violations++;
          }
          return violations === 0 && maxAbsDifference(windowed, full) <= truncationBound(some, 10);
        },
      ),
      { numRuns: 15 },
    );
  });

  it("evaluates 'gaussian', 'lorentzian' and 'tch' peaks", () => {
    const single = [
      { twoTheta: 44.4, area: 7, fwhm: 0.12, gaussianFwhm: 0.1, lorentzianFwhm: 0.04 },
    ];
    const g = simulatePattern(grid, single, { profile: 'gaussian' });
    const l = simulatePattern(grid, single, {
      profile: 'lorentzian',
      window: Number.POSITIVE_INFINITY,
    });
    const t = simulatePattern(grid, single, { profile: 'tch', window: Number.POSITIVE_INFINITY });
    const tch = tchPseudoVoigt(0.1, 0.04);
    const i = 2293; // 44.395°
    expect(g[i]).toBeCloseTo(7 * gaussian(grid[i] as number, 44.4, 0.12), 12);
    expect(l[i]).toBeCloseTo(7 * lorentzian(grid[i] as number, 44.4, 0.12), 12);
    expect(t[i]).toBeCloseTo(7 * pseudoVoigt(grid[i] as number, 44.4, tch.fwhm, tch.eta), 12);
  });

  it('adds the tails of peaks outside the grid, overwrites `out`, accepts plain arrays', () => {
    const out = new Float64Array(3).fill(5);
    const small = [20, 20.5, 21];
    const result = simulatePattern(small, [{ twoTheta: 19, area: 2, fwhm: 0.1, eta: 1 }], {
      out,
      window: 100,
    });
    expect(result).toBe(out);
    // Lorentzian tail at 1 and 2 FWHM·10 away: 2·(2/(π·0.1))/(1 + 4·(Δ/0.1)²).
    expect(result[0]).toBeCloseTo((2 * (2 / (Math.PI * 0.1))) / (1 + 4 * 100), 14);
    expect(result[2]).toBeCloseTo((2 * (2 / (Math.PI * 0.1))) / (1 + 4 * 400), 14);
    expect(simulatePattern(small, [])).toEqual(new Float64Array(3));
  });
});

describe('bad input', () => {
  const peak = { twoTheta: 20, area: 1, fwhm: 0.1, eta: 0.5 };
  it('is rejected with the argument named', () => {
    expect(() => simulatePattern([1, 3, 2], [peak])).toThrow(
      /twoThetaGrid must be non-decreasing \(sorted ascending\); received twoThetaGrid\[2\] = 2 < twoThetaGrid\[1\] = 3/,
    );
    expect(() => simulatePattern([1, Number.NaN], [peak])).toThrow(/twoThetaGrid\[1\]/);
    expect(() => simulatePattern('grid' as never, [peak])).toThrow(TypeError);
    expect(() => simulatePattern([1, 2], {} as never)).toThrow(/peaks must be an array/);
    expect(() => simulatePattern([1, 2], [null as never])).toThrow(/peaks\[0\] must be an object/);
    expect(() => simulatePattern([1, 2], [{ ...peak, fwhm: 0 }])).toThrow(
      /peaks\[0\].fwhm must be a finite number > 0/,
    );
    expect(() => simulatePattern([1, 2], [{ ...peak, eta: undefined }])).toThrow(
      /peaks\[0\].eta is required with profile 'pseudo-voigt'/,
    );
    expect(() => simulatePattern([1, 2], [peak, { ...peak, eta: 2 }])).toThrow(/peaks\[1\].eta/);
    expect(() => simulatePattern([1, 2], [{ ...peak, area: Number.POSITIVE_INFINITY }])).toThrow(
      /peaks\[0\].area/,
    );
    expect(() => simulatePattern([1, 2], [{ ...peak, area: 1e308, fwhm: 1e-3 }])).toThrow(
      /peaks\[0\] must have a finite peak height/,
    );
    expect(() => simulatePattern([1, 2], [{ ...peak, twoTheta: '20' as never }])).toThrow(
      TypeError,
    );
    expect(() =>
      simulatePattern([1, 2], [{ twoTheta: 1, area: 1 }], { profile: 'lorentzian' }),
    ).toThrow(/peaks\[0\].fwhm is required/);
    expect(() => simulatePattern([1, 2], [peak], { profile: 'tch' })).toThrow(
      /peaks\[0\].gaussianFwhm is required with profile 'tch'/,
    );
    expect(() =>
      simulatePattern([1, 2], [{ twoTheta: 1, area: 1, gaussianFwhm: 0, lorentzianFwhm: 0 }], {
        profile: 'tch',
      }),
    ).toThrow(/must not both be 0/);
    expect(() => simulatePattern([1, 2], [peak], { profile: 'voigt' as never })).toThrow(TypeError);
    expect(() => simulatePattern([1, 2], [peak], { window: 0 })).toThrow(
      new RangeError(
        'options.window must be a number > 0 (FWHMs on each side of a peak) or Infinity; received 0',
      ),
    );
    expect(() => simulatePattern([1, 2], [peak], { window: '5' as never })).toThrow(TypeError);
    expect(() => simulatePattern([1, 2], [peak], { out: new Float64Array(3) })).toThrow(RangeError);
    expect(() => simulatePattern([1, 2], [peak], null as never)).toThrow(TypeError);
  });
});
