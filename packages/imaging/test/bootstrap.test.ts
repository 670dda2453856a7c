import { createRng, quantile } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BootstrapStatistic,
  bootstrapConfidenceInterval,
  representativeness,
} from '../src/index.js';
import reference from './fixtures/bootstrap-scipy.json' with { type: 'json' };

const relative = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

/** N(mean, sd²) draws from numpy-compatible normals. */
const normalSample = (n: number, seed: number, mean = 0, sd = 1): Float64Array =>
  createRng(seed)
    .normalArray(n)
    .map((z) => mean + sd * z);

/** Population standard deviation (ddof 0), written out for the closed forms. */
const plugInSd = (x: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < x.length; i++) m += x[i] as number;
  m /= x.length;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += ((x[i] as number) - m) ** 2;
  return Math.sqrt(s / x.length);
};

const Z975 = 1.959963984540054; // Φ⁻¹(0.975), scipy.special.ndtri(0.975)

describe('bootstrapConfidenceInterval reproduces scipy.stats.bootstrap (same seed, same draws)', () => {
  // Reference: scipy 1.10.1 scipy.stats.bootstrap(..., random_state=seed), fixtures/bootstrap-scipy.py.
  for (const c of reference.cases) {
    const label = `${c.kind} n=${c.values.length} ${c.statistic} ${c.method} B=${c.resamples} ${c.confidence}${c.scipyDegenerate ? ' (scipy NaN, a = 0)' : ''}`;
    it(label, () => {
      let statistic: BootstrapStatistic;
      let ddof = 0;
      if (c.statistic === 'p90') statistic = (sample) => quantile(sample, 0.9);
      else if (c.statistic === 'std-ddof1') {
        statistic = 'std';
        ddof = 1;
      } else statistic = c.statistic as BootstrapStatistic;
      const result = bootstrapConfidenceInterval(c.values, statistic, {
        resamples: c.resamples,
        confidence: c.confidence,
        method: c.method as 'bca' | 'percentile',
        seed: c.seed,
        ddof,
      });
      expect(relative(result.estimate, c.estimate)).toBeLessThan(1e-14);
      // Round-off only: summation order of the statistics and the jackknife's closed forms.
      expect(relative(result.low, c.low), 'low').toBeLessThan(1e-12);
      expect(relative(result.high, c.high), 'high').toBeLessThan(1e-12);
      expect(relative(result.standardError, c.standardError), 'standard error').toBeLessThan(1e-9);
      expect(result).toMatchObject({
        confidence: c.confidence,
        method: c.method,
        resamples: c.resamples,
      });
    });
  }
});

describe('bootstrapConfidenceInterval against closed forms', () => {
  const n = 2000;
  const x = normalSample(n, 20210701, 8350, 0.5);
  const s = plugInSd(x);
  let m = 0;
  for (const v of x) m += v;
  m /= n;

  it('mean of normal data: percentile CI ≈ x̄ ± z·s/√n, standard error ≈ s/√n', () => {
    // The bootstrap distribution of the mean has variance s²/n (s with ddof 0), and is normal
    // for large n (CLT); the 2.5 % quantile of 9999 resamples has ~2 % Monte Carlo error.
    const ci = bootstrapConfidenceInterval(x, 'mean', { method: 'percentile', seed: 3 });
    const halfWidth = (Z975 * s) / Math.sqrt(n);
    expect(ci.estimate).toBeCloseTo(m, 9);
    expect(Math.abs(ci.low - (m - halfWidth)) / halfWidth).toBeLessThan(0.05);
    expect(Math.abs(ci.high - (m + halfWidth)) / halfWidth).toBeLessThan(0.05);
    expect(relative(ci.standardError, s / Math.sqrt(n))).toBeLessThan(0.03);
  });

  it('BCa ≈ percentile for symmetric data (z₀ ≈ 0, a ≈ 0)', () => {
    const p = bootstrapConfidenceInterval(x, 'mean', { method: 'percentile', seed: 5 });
    const b = bootstrapConfidenceInterval(x, 'mean', { method: 'bca', seed: 5 });
    const halfWidth = (Z975 * s) / Math.sqrt(n);
    expect(Math.abs(b.low - p.low) / halfWidth).toBeLessThan(0.05);
    expect(Math.abs(b.high - p.high) / halfWidth).toBeLessThan(0.05);
  });

  it('median of normal data: standard error ≈ √(π/2)·σ/√n (asymptotic variance 1/(4f²n))', () => {
    const ci = bootstrapConfidenceInterval(x, 'median', { resamples: 2999, seed: 9 });
    expect(relative(ci.standardError, (Math.sqrt(Math.PI / 2) * s) / Math.sqrt(n))).toBeLessThan(
      0.12,
    );
  });

  it('std of normal data: standard error ≈ σ/√(2n)', () => {
    const ci = bootstrapConfidenceInterval(x, 'std', { resamples: 2999, seed: 10 });
    expect(relative(ci.standardError, s / Math.sqrt(2 * n))).toBeLessThan(0.08);
  });

  it('constant data give the degenerate interval [c, c] for every statistic and method', () => {
    for (const statistic of ['mean', 'median', 'std'] as const) {
      for (const method of ['bca', 'percentile'] as const) {
        const ci = bootstrapConfidenceInterval([4.2, 4.2, 4.2, 4.2], statistic, {
          method,
          resamples: 99,
        });
        const c = statistic === 'std' ? 0 : 4.2;
        expect([ci.estimate, ci.low, ci.high, ci.standardError]).toEqual([c, c, c, 0]);
      }
    }
  });

  it('BCa is NaN when the estimate lies outside the bootstrap distribution (as scipy)', () => {
    // The number of distinct values: 12 for the sample, fewer for every resample that is not a
    // permutation (probability 12!/12¹² = 5e-5 each), so p₀ = 1 and z₀ = +∞.
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const distinct = (v: Float64Array): number => new Set(v).size;
    const bca = bootstrapConfidenceInterval(x, distinct, { resamples: 199, seed: 3 });
    expect(bca.estimate).toBe(12);
    expect(bca.low).toBeNaN();
    expect(bca.high).toBeNaN();
    expect(Number.isFinite(bca.standardError)).toBe(true);
    const percentile = bootstrapConfidenceInterval(x, distinct, {
      resamples: 199,
      seed: 3,
      method: 'percentile',
    });
    expect(percentile.high).toBeLessThan(12);
  });
});

describe('bootstrapConfidenceInterval laws (property tests)', () => {
  const sample = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), {
    minLength: 5,
    maxLength: 30,
  });
  const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('low ≤ high, both inside [min, max] of the data for the mean and the median', () => {
    fc.assert(
      fc.property(
        sample,
        seed,
        fc.constantFrom('mean', 'median'),
        fc.constantFrom('bca', 'percentile'),
        (x, s, statistic, method) => {
          const ci = bootstrapConfidenceInterval(x, statistic as 'mean' | 'median', {
            resamples: 199,
            seed: s,
            method: method as 'bca' | 'percentile',
          });
          if (Number.isNaN(ci.low)) return; // BCa undefined (documented)
          const lo = Math.min(...x);
          const hi = Math.max(...x);
          expect(ci.low).toBeLessThanOrEqual(ci.high);
          expect(ci.low).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(ci.high).toBeLessThanOrEqual(hi + 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the percentile interval of the mean contains the estimate', () => {
    // The bootstrap distribution of the mean is centred on x̄ (E*[x̄*] = x̄); for n ≥ 5 at most
    // (1 − 1/n)ⁿ·… of it can lie on one side, far above 2.5 %.
    fc.assert(
      fc.property(sample, seed, (x, s) => {
        const ci = bootstrapConfidenceInterval(x, 'mean', {
          resamples: 999,
          seed: s,
          method: 'percentile',
        });
        expect(ci.low).toBeLessThanOrEqual(ci.estimate + 1e-9);
        expect(ci.high).toBeGreaterThanOrEqual(ci.estimate - 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  const checkEquivariance = (
    x: number[],
    s: number,
    c: number,
    k: number,
    method: 'bca' | 'percentile',
  ): void => {
    const options = { resamples: 199, seed: s, method };
    const scale = Math.max(...x.map(Math.abs), 1);
    for (const statistic of ['mean', 'median', 'std'] as const) {
      const base = bootstrapConfidenceInterval(x, statistic, options);
      if (Number.isNaN(base.low)) continue;
      const shifted = bootstrapConfidenceInterval(
        x.map((v) => v + c),
        statistic,
        options,
      );
      const scaled = bootstrapConfidenceInterval(
        x.map((v) => v * k),
        statistic,
        options,
      );
      const shift = statistic === 'std' ? 0 : c;
      // Round-off of x + c is ~1e-16·(|c| + scale) per value; resample statistics may swap
      // between near-ties, hence a tolerance rather than equality.
      const tol = 1e-9 * (Math.abs(c) + scale);
      expect(Math.abs(shifted.low - (base.low + shift))).toBeLessThan(tol);
      expect(Math.abs(shifted.high - (base.high + shift))).toBeLessThan(tol);
      expect(Math.abs(scaled.low - k * base.low)).toBeLessThan(1e-9 * k * scale);
      expect(Math.abs(scaled.high - k * base.high)).toBeLessThan(1e-9 * k * scale);
    }
  };

  it('is equivariant (percentile): mean/median follow x + c and k·x; std ignores x + c', () => {
    fc.assert(
      fc.property(
        sample,
        seed,
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (x, s, c, k) => checkEquivariance(x, s, c, k, 'percentile'),
      ),
      { numRuns: 25 },
    );
  });

  it('is equivariant (BCa) on continuous data', () => {
    // BCa compares each resample statistic with θ̂; with ties (repeated or denormal values) a
    // rounding of x + c can move a resample from "equal" to "below" and shift z₀ by 1/(2B), so
    // the law is checked on continuous data, where exact ties have probability 0.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        seed,
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (dataSeed, s, c, k) =>
          checkEquivariance(Array.from(normalSample(25, dataSeed, 3, 2)), s, c, k, 'bca'),
      ),
      { numRuns: 15 },
    );
  });

  it('percentile intervals are nested: a higher confidence gives a wider interval', () => {
    fc.assert(
      fc.property(sample, seed, (x, s) => {
        const narrow = bootstrapConfidenceInterval(x, 'median', {
          resamples: 199,
          seed: s,
          method: 'percentile',
          confidence: 0.8,
        });
        const wide = bootstrapConfidenceInterval(x, 'median', {
          resamples: 199,
          seed: s,
          method: 'percentile',
          confidence: 0.99,
        });
        expect(wide.low).toBeLessThanOrEqual(narrow.low);
        expect(wide.high).toBeGreaterThanOrEqual(narrow.high);
      }),
      { numRuns: 40 },
    );
  });

  it('is reproducible for a seed, and the default seed is 0', () => {
    const x = normalSample(30, 1);
    const a = bootstrapConfidenceInterval(x, 'mean', { resamples: 299, seed: 77 });
    const b = bootstrapConfidenceInterval(Array.from(x), 'mean', { resamples: 299, seed: 77 });
    const c = bootstrapConfidenceInterval(x, 'mean', { resamples: 299, seed: 78 });
    expect(b).toEqual(a);
    expect(c.low).not.toBe(a.low);
    expect(bootstrapConfidenceInterval(x, 'mean', { resamples: 299 })).toEqual(
      bootstrapConfidenceInterval(x, 'mean', { resamples: 299, seed: 0 }),
    );
  });

  it('a custom statistic sees n values per resample and n − 1 per jackknife sample', () => {
    const lengths = new Set<number>();
    const x = normalSample(9, 2);
    const custom = bootstrapConfidenceInterval(
      x,
      (v) => {
        lengths.add(v.length);
        let sum = 0;
        for (const value of v) sum += value;
        return sum / v.length;
      },
      { resamples: 99, seed: 4 },
    );
    expect([...lengths].sort()).toEqual([8, 9]);
    const builtIn = bootstrapConfidenceInterval(x, 'mean', { resamples: 99, seed: 4 });
    expect(relative(custom.low, builtIn.low)).toBeLessThan(1e-12);
    expect(relative(custom.high, builtIn.high)).toBeLessThan(1e-12);
  });
});

describe('bootstrapConfidenceInterval progress, abort and bad input', () => {
  const x = [1, 2, 3, 4, 5];

  it('reports progress every 512 resamples and at the end, and stops on an aborted signal', () => {
    const calls: [number, number][] = [];
    bootstrapConfidenceInterval(x, 'mean', {
      resamples: 1100,
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [512, 1100],
      [1024, 1100],
      [1100, 1100],
    ]);
    const controller = new AbortController();
    controller.abort();
    expect(() => bootstrapConfidenceInterval(x, 'mean', { signal: controller.signal })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
    let seen = 0;
    const later = new AbortController();
    expect(() =>
      bootstrapConfidenceInterval(x, 'mean', {
        resamples: 5000,
        signal: later.signal,
        onProgress: () => {
          seen++;
          later.abort();
        },
      }),
    ).toThrow(/aborted/);
    expect(seen).toBe(1);
  });

  it('rejects bad values and statistics, naming the argument and the value', () => {
    expect(() => bootstrapConfidenceInterval([1], 'mean')).toThrow(
      /values must have at least 2 elements; received length 1/,
    );
    expect(() => bootstrapConfidenceInterval([1, Number.NaN, 3], 'mean')).toThrow(
      /values\[1\] must be a finite number; received NaN/,
    );
    expect(() => bootstrapConfidenceInterval('123' as unknown as number[], 'mean')).toThrow(
      TypeError,
    );
    expect(() => bootstrapConfidenceInterval(x, 'mode' as unknown as BootstrapStatistic)).toThrow(
      /statistic must be 'mean', 'median', 'std' or a function.*received "mode"/,
    );
    expect(() => bootstrapConfidenceInterval(x, 3 as unknown as BootstrapStatistic)).toThrow(
      TypeError,
    );
    expect(() => bootstrapConfidenceInterval([1, 2], 'std', { ddof: 1 })).toThrow(
      /values must have at least 3 elements/,
    );
  });

  it('rejects a custom statistic that returns a non-finite or non-number', () => {
    expect(() => bootstrapConfidenceInterval(x, () => Number.NaN)).toThrow(
      /statistic must return a finite number; it returned NaN/,
    );
    expect(() =>
      bootstrapConfidenceInterval(x, (() => 'a') as unknown as (s: Float64Array) => number),
    ).toThrow(TypeError);
  });

  it('rejects bad options', () => {
    expect(() => bootstrapConfidenceInterval(x, 'mean', { resamples: 1 })).toThrow(/resamples/);
    expect(() => bootstrapConfidenceInterval(x, 'mean', { resamples: 10.5 })).toThrow(RangeError);
    expect(() => bootstrapConfidenceInterval(x, 'mean', { confidence: 1 })).toThrow(
      /confidence must be a number strictly between 0 and 1; received 1/,
    );
    expect(() => bootstrapConfidenceInterval(x, 'mean', { confidence: 0 })).toThrow(RangeError);
    expect(() => bootstrapConfidenceInterval(x, 'mean', { confidence: 95 })).toThrow(RangeError);
    expect(() =>
      bootstrapConfidenceInterval(x, 'mean', { method: 'basic' as unknown as 'bca' }),
    ).toThrow(/method must be 'bca' or 'percentile'; received "basic"/);
    expect(() => bootstrapConfidenceInterval(x, 'mean', { seed: -1 })).toThrow(/seed/);
    expect(() => bootstrapConfidenceInterval(x, 'mean', { seed: 2 ** 32 })).toThrow(/seed/);
    expect(() => bootstrapConfidenceInterval(x, 'std', { ddof: 0.5 })).toThrow(/ddof/);
    expect(() =>
      bootstrapConfidenceInterval(x, 'mean', 5 as unknown as Record<string, never>),
    ).toThrow(/options must be an object/);
    expect(() =>
      bootstrapConfidenceInterval(x, 'mean', { onProgress: 1 as unknown as () => void }),
    ).toThrow(/onProgress must be a function/);
  });
});

describe('representativeness', () => {
  it('half-widths fall as 1/√n and match z·σ/√n for the mean of a normal population', () => {
    // Closed form: the percentile interval of the mean of n draws from N(μ, σ²) has half-width
    // ≈ z·σ̂/√n, and E[σ̂] ≈ σ (ddof-0 bias (n−1)/n is < 2.5 % here).
    const population = normalSample(4000, 77, 10, 2);
    const r = representativeness(population, {
      sampleSizes: [25, 100, 400, 1600],
      method: 'percentile',
      repeats: 10,
      resamples: 999,
      seed: 1,
    });
    const sigma = plugInSd(population);
    for (let k = 0; k < 4; k++) {
      const n = r.sampleSizes[k] as number;
      const expected = (Z975 * sigma * Math.sqrt((n - 1) / n)) / Math.sqrt(n);
      expect(relative(r.halfWidth[k] as number, expected), `n = ${n}`).toBeLessThan(0.08);
      expect(r.halfWidthStd[k]).toBeGreaterThan(0);
      expect(r.low[k]).toBeLessThan(r.estimate[k] as number);
      expect(r.high[k]).toBeGreaterThan(r.estimate[k] as number);
    }
    for (let k = 0; k < 3; k++) {
      // n × 4 → half-width × 1/2
      const ratio = (r.halfWidth[k + 1] as number) / (r.halfWidth[k] as number);
      expect(Math.abs(ratio - 0.5)).toBeLessThan(0.07);
    }
    expect(r.populationEstimate).toBeCloseTo(population.reduce((a, b) => a + b, 0) / 4000, 10);
    expect(r).toMatchObject({
      confidence: 0.95,
      method: 'percentile',
      resamples: 999,
      repeats: 10,
    });
  });

  it('finds how many particles are enough for a tolerance: (z·σ/tol)² ≈ 384 for σ = 1, tol = 0.1', () => {
    const population = normalSample(3000, 5);
    const r = representativeness(population, {
      sampleSizes: [100, 200, 300, 450, 600],
      method: 'percentile',
      repeats: 8,
      resamples: 999,
      tolerance: 0.1,
      seed: 2,
    });
    // Half-widths ≈ 0.196, 0.139, 0.113, 0.092, 0.080: the first ≤ 0.1 is at n = 450.
    expect(r.sufficientSampleSize).toBe(450);
    const expected = (Z975 * plugInSd(population)) ** 2 / 0.01;
    expect(relative(r.projectedSampleSize as number, expected)).toBeLessThan(0.12);
    const none = representativeness(population, {
      sampleSizes: [50, 100],
      resamples: 199,
      repeats: 3,
      tolerance: 0.01,
    });
    expect(none.sufficientSampleSize).toBeUndefined();
    expect(none.projectedSampleSize).toBeGreaterThan(10000);
    expect(
      representativeness(population, { sampleSizes: [50], repeats: 2, resamples: 99 }),
    ).toMatchObject({ sufficientSampleSize: undefined, projectedSampleSize: undefined });
  });

  it('uses the documented default ladder 5, 7, 10, 14, … then N', () => {
    const population = normalSample(100, 6);
    const r = representativeness(population, { repeats: 1, resamples: 99 });
    expect(Array.from(r.sampleSizes)).toEqual([5, 7, 10, 14, 20, 28, 40, 57, 80, 100]);
    expect(Array.from(r.halfWidthStd)).toEqual(new Array(10).fill(0)); // one repeat
    expect(
      Array.from(representativeness([1, 2, 3], { repeats: 1, resamples: 9 }).sampleSizes),
    ).toEqual([3]);
    const withStd = representativeness(normalSample(8, 1), {
      statistic: 'std',
      ddof: 1,
      repeats: 1,
      resamples: 9,
    });
    expect(Array.from(withStd.sampleSizes)).toEqual([5, 7, 8]);
  });

  it('is reproducible, works for any statistic, and with n = N every repeat uses all values', () => {
    const population = normalSample(60, 8);
    const options = { sampleSizes: [10, 60], repeats: 4, resamples: 199, seed: 12 };
    expect(representativeness(population, options)).toEqual(
      representativeness(population, options),
    );
    const median = representativeness(population, { ...options, statistic: 'median' });
    const custom = representativeness(population, {
      ...options,
      statistic: (v) => quantile(v, 0.5),
    });
    for (let k = 0; k < 2; k++) {
      expect(relative(custom.halfWidth[k] as number, median.halfWidth[k] as number)).toBeLessThan(
        1e-12,
      );
    }
    // All N values each time: the subsample estimate is the population's, whatever the order.
    expect(median.estimate[1]).toBeCloseTo(median.populationEstimate, 12);
  });

  it('reports progress per interval and stops on an aborted signal', () => {
    const calls: number[] = [];
    representativeness([1, 2, 3, 4, 5, 6], {
      sampleSizes: [3, 6],
      repeats: 2,
      resamples: 9,
      onProgress: (done, total) => calls.push(done / total),
    });
    expect(calls).toEqual([0.25, 0.5, 0.75, 1]);
    const controller = new AbortController();
    expect(() =>
      representativeness([1, 2, 3, 4, 5, 6], {
        repeats: 2,
        resamples: 9,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('rejects bad input naming the argument', () => {
    const x = [1, 2, 3, 4, 5, 6];
    expect(() => representativeness([1], {})).toThrow(/values must have at least 2 elements/);
    expect(() => representativeness(x, { sampleSizes: [7] })).toThrow(
      /sampleSizes\[0\] must be .*≤ 6.*received 7/,
    );
    expect(() => representativeness(x, { sampleSizes: [1] })).toThrow(/sampleSizes\[0\]/);
    expect(() => representativeness(x, { sampleSizes: [2.5] })).toThrow(RangeError);
    expect(() => representativeness(x, { sampleSizes: [] })).toThrow(/sampleSizes/);
    expect(() => representativeness(x, { sampleSizes: 'all' as unknown as number[] })).toThrow(
      TypeError,
    );
    expect(() => representativeness(x, { tolerance: 0 })).toThrow(/tolerance must be/);
    expect(() => representativeness(x, { tolerance: -1 })).toThrow(/tolerance/);
    expect(() => representativeness(x, { repeats: 0 })).toThrow(/repeats/);
    expect(() =>
      representativeness(x, { statistic: 'max' as unknown as BootstrapStatistic }),
    ).toThrow(/statistic must be/);
    expect(() => representativeness(x, { resamples: 1 })).toThrow(/resamples/);
    expect(() => representativeness(x, null as unknown as Record<string, never>)).toThrow(
      TypeError,
    );
  });
});
