import { pseudoVoigt } from '@intercalate/numerics';
import { describe, expect, it } from 'vitest';
import { fitPatternSeries, type PatternData } from '../src/fit-pattern-series.js';
import { fitPeaks } from '../src/fit-peaks.js';

// Cu Kα1 (International Tables, quoted by xrayutilities; /work/shared/REFERENCES.md).
const CU_KA1 = 1.54059292;
const x = Float64Array.from({ length: 1451 }, (_, i) => 17 + 0.02 * i); // 17–46 °2θ

/** 2θ (degrees) of (00l) and (h0l) reflections of a hexagonal cell, from Bragg's law. */
function position(a: number, c: number, h: number, l: number): number {
  const inverseSquare = (4 * h * h) / (3 * a * a) + (l * l) / (c * c);
  return (2 * Math.asin((CU_KA1 * Math.sqrt(inverseSquare)) / 2) * 180) / Math.PI;
}

/**
 * An NMC811-like charge (Jousseaume et al. 2024, Table 1 cell at k = 0): c grows by 0.15 Å and a
 * shrinks by 0.03 Å over 20 patterns, moving the 003 peak down and the 104 peak up. Noise-free.
 */
function series(count = 20): { patterns: PatternData[]; truth: number[][] } {
  const patterns: PatternData[] = [];
  const truth: number[][] = [];
  for (let k = 0; k < count; k++) {
    const a = 2.8727 - (0.03 * k) / (count - 1);
    const c = 14.2127 + (0.15 * k) / (count - 1);
    const centers = [position(a, c, 0, 3), position(a, c, 1, 4)];
    const y = x.map(
      (t) =>
        300 * pseudoVoigt(t, centers[0] as number, 0.1, 0.4) +
        180 * pseudoVoigt(t, centers[1] as number, 0.14, 0.5) +
        60 -
        0.4 * t,
    );
    patterns.push({ x, y });
    truth.push(centers);
  }
  return { patterns, truth };
}

const model = {
  peaks: [
    { center: 18.72, fwhm: 0.12, height: 1500 },
    { center: 44.4, fwhm: 0.12, height: 700 },
  ],
  profile: 'pseudo-voigt' as const,
  background: 'linear' as const,
};

describe('fitPatternSeries', () => {
  it('tracks drifting 003/104 peaks and reports broken patterns without stopping', async () => {
    const { patterns, truth } = series();
    patterns[6] = { x, y: Float64Array.from(x, (_, i) => (i === 700 ? Number.NaN : 1)) };
    patterns[13] = { x, y: new Float64Array(x.length) }; // all zeros
    const progress: Array<[number, number | undefined]> = [];
    const result = await fitPatternSeries(patterns, model, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.entries).toHaveLength(20);
    expect(result.fitted).toBe(18);
    expect(result.failed).toBe(2);
    expect(result.aborted).toBe(false);
    expect(progress).toEqual(Array.from({ length: 20 }, (_, k) => [k + 1, 20]));
    let misses = 0;
    result.entries.forEach((entry, k) => {
      expect(entry.index).toBe(k);
      if (k === 6 || k === 13) {
        expect(entry.ok).toBe(false);
        return;
      }
      if (!entry.ok) {
        misses++;
        return;
      }
      entry.fit.peaks.forEach((peak, j) => {
        if (Math.abs(peak.center - (truth[k]?.[j] as number)) > 1e-8) misses++;
      });
    });
    expect(misses).toBe(0);
    const nan = result.entries[6];
    const zeros = result.entries[13];
    expect(nan?.ok === false && nan.error).toBeInstanceOf(RangeError);
    expect(nan?.ok === false && nan.error.message).toMatch(/y\[700\] must be a finite number/);
    expect(zeros?.ok === false && zeros.error.message).toMatch(/y must not be constant/);
  });

  it('warm-starts each pattern from the previous fit', async () => {
    // The 003 peak walks 0.6° (5 FWHM) in 0.03° steps: from the model's start, the last pattern's
    // peak is out of reach, but each pattern starts within a third of a FWHM of its peak.
    const steps = 21;
    const patterns = Array.from({ length: steps }, (_, k) => ({
      x,
      y: x.map((t) => 300 * pseudoVoigt(t, 18.7 + 0.03 * k, 0.12, 0.4) + 20),
    }));
    const start = {
      peaks: [{ center: 18.7, fwhm: 0.12, height: 1000 }],
      window: [17, 21] as const,
    };
    const result = await fitPatternSeries(patterns, start);
    expect(result.fitted).toBe(steps);
    const last = result.entries[steps - 1];
    expect(last?.ok && last.fit.peaks[0]?.center).toBeCloseTo(18.7 + 0.03 * (steps - 1), 9);
    const cold = fitPeaks(x, patterns[steps - 1]?.y as Float64Array, start.peaks, {
      window: [17, 21],
    });
    expect(Math.abs((cold.peaks[0]?.center as number) - 19.3)).toBeGreaterThan(1e-3);
  });

  it('stops between patterns when aborted and returns the patterns done', async () => {
    const { patterns } = series();
    const controller = new AbortController();
    const result = await fitPatternSeries(patterns, model, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 5) controller.abort();
      },
    });
    expect(result.aborted).toBe(true);
    expect(result.entries).toHaveLength(5);
    expect(result.fitted).toBe(5);
    const before = new AbortController();
    before.abort();
    const none = await fitPatternSeries(patterns, model, { signal: before.signal });
    expect(none).toEqual({ entries: [], fitted: 0, failed: 0, aborted: true });
  });

  it('takes async iterables and weights by the patterns’ sigma', async () => {
    const { patterns } = series(3);
    async function* stream() {
      for (const p of patterns) yield { ...p, sigma: Float64Array.from(p.y, (v) => Math.sqrt(v)) };
    }
    const totals: Array<number | undefined> = [];
    const result = await fitPatternSeries(stream(), model, {
      onProgress: (_done, total) => totals.push(total),
    });
    expect(totals).toEqual([undefined, undefined, undefined]);
    expect(result.fitted).toBe(3);
    // The first entry is fitPeaks with weights 1/σ from the model's start.
    const first = patterns[0] as PatternData;
    const direct = fitPeaks(first.x, first.y, model.peaks, {
      ...model,
      weights: Array.from(first.y, (v) => 1 / Math.sqrt(v)),
    });
    const entry = result.entries[0];
    expect(entry?.ok && entry.fit.chiSquare).toBe(direct.chiSquare);
  });

  it('reports fits that do not converge as failures, with the fit', async () => {
    const { patterns } = series(2);
    const result = await fitPatternSeries(patterns, { ...model, maxIterations: 1 });
    expect(result.failed).toBe(2);
    const entry = result.entries[0];
    expect(entry?.ok).toBe(false);
    if (entry && !entry.ok) {
      expect(entry.error.message).toMatch(/patterns\[0\]: the fit did not converge/);
      expect(entry.fit?.converged).toBe(false);
    }
    const odd = await fitPatternSeries([null as unknown as PatternData], model);
    expect(odd.entries[0]?.ok === false && odd.entries[0].error).toBeInstanceOf(TypeError);
  });

  it('rejects bad input', async () => {
    const { patterns } = series(2);
    await expect(fitPatternSeries(42 as unknown as PatternData[], model)).rejects.toThrow(
      /patterns must be an array, iterable or async iterable/,
    );
    await expect(fitPatternSeries(patterns, { ...model, peaks: [] })).rejects.toThrow(
      /model\.peaks must be a non-empty array/,
    );
    await expect(
      fitPatternSeries(patterns, { ...model, peaks: [{ center: 18.7, fwhm: -1 }] }),
    ).rejects.toThrow(RangeError);
    await expect(
      fitPatternSeries(patterns, { ...model, background: 'spline' as 'linear' }),
    ).rejects.toThrow(TypeError);
    await expect(
      fitPatternSeries(patterns, model, { workers: 4 } as unknown as Record<string, never>),
    ).rejects.toThrow(
      /options.workers is not an option of fitPatternSeries.*crystallography\/parallel/,
    );
    await expect(
      fitPatternSeries(patterns, model, { onProgress: 'log' as unknown as () => void }),
    ).rejects.toThrow(/onProgress must be a function/);
    await expect(fitPatternSeries(patterns, model, { signal: {} as AbortSignal })).rejects.toThrow(
      /signal must be an AbortSignal/,
    );
  });
});
