import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng, pseudoVoigt } from '@intercalate/numerics';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fitPatternSeries,
  type PatternData,
  type PatternFitEntry,
  type PatternSeriesResult,
} from '../src/fit-pattern-series.js';
import type * as Parallel from '../src/parallel.js';

// Worker threads run JavaScript files, not the TypeScript sources vitest transforms, so the two
// entry points are bundled here the way the package build does (tsup, ES modules side by side:
// parallel.js starts ./parallel-worker.js by URL), and the test imports the bundle.
let dir: string;
let fitPatternSeriesParallel: typeof Parallel.fitPatternSeriesParallel;
const root = new URL('..', import.meta.url).pathname;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crystallography-parallel-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  await build({
    entry: {
      parallel: join(root, 'src/parallel.ts'),
      'parallel-worker': join(root, 'src/parallel-worker.ts'),
    },
    format: ['esm'],
    outDir: dir,
    target: 'node20',
    platform: 'node',
    noExternal: ['@intercalate/numerics'],
    config: false,
    silent: true,
    dts: false,
  });
  ({ fitPatternSeriesParallel } = (await import(
    pathToFileURL(join(dir, 'parallel.js')).href
  )) as typeof Parallel);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const x = Float64Array.from({ length: 401 }, (_, i) => 17.5 + 0.005 * i); // 17.5–19.5 °2θ

/**
 * An operando-like series: one pseudo-Voigt 003 peak walking 0.1° (one FWHM) to lower angle over
 * the series and broadening slightly, on a flat background, with Gaussian noise of σ = 1 count
 * from numerics' seeded generator (the fits do not land on the generating values).
 */
function series(count: number): PatternData[] {
  const rng = createRng(7);
  return Array.from({ length: count }, (_, k) => {
    const t = k / (count - 1);
    const y = x.map(
      (v) => 60 * pseudoVoigt(v, 18.72 - 0.1 * t, 0.1 + 0.01 * t, 0.5) + 40 + rng.normal(),
    );
    return { x, y };
  });
}

const model = {
  peaks: [{ center: 18.72, fwhm: 0.1, height: 350 }],
  profile: 'pseudo-voigt' as const,
  background: 'constant' as const,
};

/** Fitted values and standard errors of one entry: center, fwhm, area, eta, background. */
function values(entry: PatternFitEntry | undefined): { value: number[]; error: number[] } {
  if (!entry?.ok) throw new Error(`entry ${entry?.index} did not fit`);
  const peak = entry.fit.peaks[0];
  if (!peak) throw new Error('no peak');
  const e = peak.standardErrors;
  return {
    value: [peak.center, peak.fwhm, peak.area, peak.eta ?? 0, entry.fit.background[0] as number],
    error: [e.center, e.fwhm, e.area, e.eta ?? 0, entry.fit.backgroundStandardErrors[0] as number],
  };
}

describe('fitPatternSeriesParallel', () => {
  it('agrees with the sequential series within the fit tolerance', async () => {
    const patterns = series(30);
    const sequential = await fitPatternSeries(patterns, model);
    const parallel = await fitPatternSeriesParallel(patterns, model, { workers: 3 });
    expect(sequential.fitted).toBe(30);
    expect(parallel.fitted).toBe(30);
    expect(parallel.aborted).toBe(false);
    // Chunks start at patterns 0, 10 and 20 from the model, the others from their predecessor:
    // both runs converge to the same minimum (tolerance 1e-10 relative on the step), so every
    // parameter agrees to a tiny fraction of its standard error.
    let worst = 0;
    parallel.entries.forEach((entry, k) => {
      expect(entry.index).toBe(k);
      const p = values(entry);
      const s = values(sequential.entries[k]);
      p.value.forEach((v, j) => {
        worst = Math.max(worst, Math.abs(v - (s.value[j] as number)) / (s.error[j] as number));
      });
      p.error.forEach((v, j) => {
        expect(v).toBeCloseTo(s.error[j] as number, 6);
      });
    });
    expect(worst).toBeLessThan(1e-4);
    // Pattern 20 started from the model in the parallel run and from pattern 19 in the sequential
    // one: different paths (iteration counts or last digits), same minimum.
    const a = parallel.entries[20];
    const b = sequential.entries[20];
    expect(
      a?.ok &&
        b?.ok &&
        (a.fit.iterations !== b.fit.iterations || a.fit.chiSquare !== b.fit.chiSquare),
    ).toBe(true);
  });

  it('with one worker reproduces the sequential series exactly', async () => {
    const patterns = series(8);
    const sequential = await fitPatternSeries(patterns, model);
    const parallel = await fitPatternSeriesParallel(patterns, model, { workers: 1 });
    expect(parallel).toEqual(sequential);
  });

  it('reports bad patterns without stopping the series, in input order', async () => {
    const patterns: unknown[] = series(12);
    patterns[2] = null; // not a pattern: reported on the calling thread
    patterns[5] = { x, y: Float64Array.from(x, (_, i) => (i === 9 ? Number.NaN : 1)) };
    patterns[9] = { x, y: new Float64Array(x.length) }; // constant
    patterns[10] = { x: 'axis', y: [1, 2] };
    const sequential = await fitPatternSeries(patterns as PatternData[], model);
    const parallel = await fitPatternSeriesParallel(patterns as PatternData[], model, {
      workers: 2,
    });
    expect(parallel.entries.map((e) => e.index)).toEqual(Array.from({ length: 12 }, (_, k) => k));
    expect(parallel.fitted).toBe(8);
    expect(parallel.failed).toBe(4);
    for (const k of [2, 5, 9, 10]) {
      const p = parallel.entries[k];
      const s = sequential.entries[k];
      expect(p?.ok).toBe(false);
      if (p?.ok === false && s?.ok === false) {
        expect(p.error.constructor).toBe(s.error.constructor);
        expect(p.error.message).toBe(s.error.message);
      }
    }
    const nan = parallel.entries[5];
    expect(nan?.ok === false && nan.error).toBeInstanceOf(RangeError);
    expect(nan?.ok === false && nan.error.message).toMatch(/y\[9\] must be a finite number/);
    const notObject = parallel.entries[2];
    expect(notObject?.ok === false && notObject.error).toBeInstanceOf(TypeError);
  });

  it('reports progress over all workers, on the calling thread', async () => {
    const patterns = series(20);
    const progress: Array<[number, number | undefined]> = [];
    const result = await fitPatternSeriesParallel(patterns, model, {
      workers: 2,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.fitted).toBe(20);
    expect(progress).toEqual(Array.from({ length: 20 }, (_, k) => [k + 1, 20]));

    const failing = fitPatternSeriesParallel(patterns, model, {
      workers: 2,
      onProgress: (done) => {
        if (done === 3) throw new Error('stop drawing');
      },
    });
    await expect(failing).rejects.toThrow('stop drawing');
  });

  it('terminates the workers on abort and returns the entries done', async () => {
    const patterns = series(200);
    const controller = new AbortController();
    let calls = 0;
    const result = await fitPatternSeriesParallel(patterns, model, {
      workers: 2,
      signal: controller.signal,
      onProgress: (done) => {
        calls = done;
        if (done === 6) controller.abort();
      },
    });
    expect(result.aborted).toBe(true);
    expect(result.entries.length).toBe(6);
    expect(result.fitted + result.failed).toBe(6);
    const indices = result.entries.map((e) => e.index);
    expect(indices).toEqual([...indices].sort((p, q) => p - q));
    // Terminated: no entry arrives after the promise resolved.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toBe(6);

    // A signal-like object without addEventListener is polled.
    const flag = { aborted: false };
    setTimeout(() => {
      flag.aborted = true;
    }, 5);
    const polled: PatternSeriesResult = await fitPatternSeriesParallel(series(400), model, {
      workers: 2,
      signal: flag,
    });
    expect(polled.aborted).toBe(true);
    expect(polled.entries.length).toBeLessThan(400);

    const before = new AbortController();
    before.abort();
    expect(await fitPatternSeriesParallel(patterns, model, { signal: before.signal })).toEqual({
      entries: [],
      fitted: 0,
      failed: 0,
      aborted: true,
    });
  });

  it('handles more workers than patterns, and an empty series', async () => {
    const patterns = series(3);
    const result = await fitPatternSeriesParallel(patterns, model, { workers: 8 });
    expect(result.fitted).toBe(3);
    expect(await fitPatternSeriesParallel([], model, { workers: 2 })).toEqual({
      entries: [],
      fitted: 0,
      failed: 0,
      aborted: false,
    });
  });

  it('rejects bad input', async () => {
    const patterns = series(3);
    for (const workers of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      await expect(fitPatternSeriesParallel(patterns, model, { workers })).rejects.toThrow(
        RangeError,
      );
    }
    await expect(
      fitPatternSeriesParallel(patterns, model, { workers: '2' as unknown as number }),
    ).rejects.toThrow(/options\.workers must be/);
    await expect(fitPatternSeriesParallel(42 as unknown as PatternData[], model)).rejects.toThrow(
      /patterns must be an array, iterable or async iterable/,
    );
    await expect(fitPatternSeriesParallel(patterns, { ...model, peaks: [] })).rejects.toThrow(
      /model\.peaks must be a non-empty array/,
    );
    await expect(
      fitPatternSeriesParallel(patterns, model, { onProgress: 1 as unknown as () => void }),
    ).rejects.toThrow(/onProgress must be a function/);
    await expect(
      fitPatternSeriesParallel(patterns, model, { signal: 'stop' as unknown as AbortSignal }),
    ).rejects.toThrow(/signal must be an AbortSignal/);
    await expect(
      fitPatternSeriesParallel(patterns, model, null as unknown as Record<string, never>),
    ).rejects.toThrow(TypeError);
  });
});
