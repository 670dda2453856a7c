import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random.js';
import { reactionDynamics } from '../src/reaction-dynamics.js';

const grid = (n: number, from = 0, to = 1) =>
  Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
const logistic = (s: number, s0: number, w: number) => 1 / (1 + Math.exp(-(s - s0) / w));
const logit = (p: number) => Math.log(p / (1 - p));

/** Closed form: SOC where the end-normalized logistic reaches `level` of its change on [a, b]. */
function logisticCrossing(level: number, s0: number, w: number, a: number, b: number): number {
  const lo = logistic(a, s0, w);
  const hi = logistic(b, s0, w);
  return s0 + w * logit(lo + level * (hi - lo));
}

/** Jaccard index of two intervals, straight from its definition. */
function jaccard(a: [number, number], b: [number, number]): number {
  const inter = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  return inter / (Math.max(a[1], b[1]) - Math.min(a[0], b[0]));
}

describe('reactionDynamics: per-trace onset, width and slope peaks', () => {
  it('finds the closed-form 10 % / 90 % crossings of logistic steps (no smoothing)', () => {
    const soc = grid(4001);
    const cases = [
      [0.3, 0.02],
      [0.55, 0.005],
      [0.7, 0.05],
    ] as const;
    const traces = cases.map(([s0, w]) => soc.map((s) => 2 + 3 * logistic(s, s0, w)));
    const result = reactionDynamics(traces, soc, { window: 1 });
    cases.forEach(([s0, w], i) => {
      const t = result.traces[i]!;
      const onset = logisticCrossing(0.1, s0, w, 0, 1);
      const completion = logisticCrossing(0.9, s0, w, 0, 1);
      // linear interpolation on a 2.5e-4 grid: error ≤ h²·max|f''|/(8 f') ≪ 1e-5 here
      expect(t.onsetSoc).toBeCloseTo(onset, 5);
      expect(t.completionSoc).toBeCloseTo(completion, 5);
      expect(t.transitionWidth).toBeCloseTo(completion - onset, 5);
      expect(t.slopePeaks).toBe(1);
      expect(t.active).toBe(true);
      // max of d/ds logistic = 1/(4w) in the normalized coordinate (ends saturate to < 1e-3)
      expect(t.maxSlope / (1 / (4 * w))).toBeCloseTo(1, 2);
    });
  });

  it('keeps the onset of a broad step under the default smoothing', () => {
    const soc = grid(401);
    const trace = soc.map((s) => logistic(s, 0.4, 0.05));
    const t = reactionDynamics([trace], soc).traces[0]!;
    // closed form s0 − w ln 9 corrected for the finite ends; SG (W = 21, p = 2) barely biases a
    // step 5 samples… 20 samples wide.
    expect(t.onsetSoc).toBeCloseTo(logisticCrossing(0.1, 0.4, 0.05, 0, 1), 3);
    expect(t.completionSoc).toBeCloseTo(logisticCrossing(0.9, 0.4, 0.05, 0, 1), 3);
  });

  it('reads linear ramps exactly: onset a + 0.1(b − a), one slope peak', () => {
    const soc = grid(1001);
    const ramp = (a: number, b: number) =>
      soc.map((s) => Math.min(1, Math.max(0, (s - a) / (b - a))));
    const t = reactionDynamics([ramp(0.1, 0.9)], soc, { window: 1 }).traces[0]!;
    expect(t.onsetSoc).toBeCloseTo(0.18, 10);
    expect(t.completionSoc).toBeCloseTo(0.82, 10);
    expect(t.slopePeaks).toBe(1);
    expect(t.maxSlope).toBeCloseTo(1 / 0.8, 10);
  });

  it('counts two slope peaks for a particle that reacts in two bursts', () => {
    const soc = grid(801);
    // two fragments of a cracked particle (Sharma Fig. 2): 60 % reacts at 0.3, 40 % at 0.65
    const trace = soc.map((s) => 0.6 * logistic(s, 0.3, 0.01) + 0.4 * logistic(s, 0.65, 0.01));
    expect(reactionDynamics([trace], soc).traces[0]!.slopePeaks).toBe(2);
  });

  it('does not split a noisy ramp into several peaks (hysteresis)', () => {
    const rng = createRng(7);
    const soc = grid(801);
    const trace = soc.map((s) => s + 0.002 * (rng.uniform() - 0.5));
    const t = reactionDynamics([trace], soc).traces[0]!;
    expect(t.slopePeaks).toBe(1);
    expect(t.onsetSoc).toBeCloseTo(0.1, 2);
  });

  it('handles decreasing traces and discharge (decreasing SOC) by symmetry', () => {
    const soc = grid(501);
    const up = soc.map((s) => logistic(s, 0.35, 0.02));
    const forward = reactionDynamics([up], soc, { window: 1 }).traces[0]!;
    // same particle, intensity falling instead of rising: f is defined on the net change
    const down = reactionDynamics([up.map((v) => -v)], soc, { window: 1 }).traces[0]!;
    expect(down.onsetSoc).toBeCloseTo(forward.onsetSoc, 12);
    expect(down.change).toBeCloseTo(-forward.change, 12);
    // discharge: SOC runs 1 → 0, the reaction at SOC 0.65 (= 1 − 0.35) in reversed order
    const socDown = soc.map((s) => 1 - s);
    const t = reactionDynamics([up], socDown, { window: 1 }).traces[0]!;
    expect(t.onsetSoc).toBeCloseTo(1 - forward.onsetSoc, 12);
    expect(t.completionSoc).toBeLessThan(t.onsetSoc);
    expect(t.transitionWidth).toBeCloseTo(forward.transitionWidth, 12);
    expect(t.maxSlope).toBeCloseTo(forward.maxSlope, 9);
  });

  it('marks flat traces inactive and leaves them out of the index', () => {
    const soc = grid(101);
    const flat = soc.map(() => 0.4);
    const r = reactionDynamics([flat, soc.map((s) => s)], soc);
    expect(r.traces[0]).toMatchObject({ active: false, slopePeaks: 0 });
    expect(r.traces[0]!.change).toBeCloseTo(0, 14);
    expect(r.traces[0]!.onsetSoc).toBeNaN();
    expect(r.synchronicityIndex).toBeNaN();
    expect(r.classification).toBe('undetermined');
    const small = reactionDynamics([soc.map((s) => 0.01 * s)], soc, { minChange: 0.05 });
    expect(small.traces[0]!.active).toBe(false);
  });
});

describe('reactionDynamics: population synchronicity', () => {
  it('staggered sharp steps are asynchronous (index ≈ 0)', () => {
    const soc = grid(1001);
    const onsets = [0.1, 0.22, 0.35, 0.5, 0.62, 0.78, 0.9];
    const r = reactionDynamics(
      onsets.map((s0) => soc.map((s) => logistic(s, s0, 0.004))),
      soc,
    );
    expect(r.classification).toBe('asynchronous');
    expect(r.synchronicityIndex).toBeLessThan(0.01);
    r.traces.forEach((t, i) => {
      expect(t.slopePeaks).toBe(1);
      expect(Math.abs(t.onsetSoc - onsets[i]!)).toBeLessThan(0.02);
    });
  });

  it('overlapping gradual ramps are synchronous, with the closed-form index', () => {
    const soc = grid(1001);
    const windows: [number, number][] = [
      [0.0, 0.9],
      [0.05, 1.0],
      [0.02, 0.95],
      [0.1, 0.92],
    ];
    const traces = windows.map(([a, b]) =>
      soc.map((s) => Math.min(1, Math.max(0, (s - a) / (b - a)))),
    );
    const r = reactionDynamics(traces, soc, { window: 1 });
    // transition window of a ramp on [a, b]: [a + 0.1(b − a), a + 0.9(b − a)]
    const w = windows.map(([a, b]) => [a + 0.1 * (b - a), a + 0.9 * (b - a)] as [number, number]);
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < w.length; i++)
      for (let j = i + 1; j < w.length; j++) {
        sum += jaccard(w[i]!, w[j]!);
        pairs++;
      }
    expect(r.synchronicityIndex).toBeCloseTo(sum / pairs, 9);
    expect(r.synchronicityIndex).toBeGreaterThan(0.8);
    expect(r.classification).toBe('synchronous');
  });

  it('two equal windows offset by δ give (w − δ)/(w + δ); the threshold sits at δ = w/3', () => {
    const soc = grid(2001);
    const ramp = (a: number) => soc.map((s) => Math.min(1, Math.max(0, (s - a) / 0.5)));
    // windows [a + 0.05, a + 0.45], width 0.4
    const r = reactionDynamics([ramp(0.1), ramp(0.2)], soc, { window: 1 });
    expect(r.synchronicityIndex).toBeCloseTo((0.4 - 0.1) / (0.4 + 0.1), 9);
    const custom = reactionDynamics([ramp(0.1), ramp(0.2)], soc, {
      window: 1,
      synchronousThreshold: 0.7,
    });
    expect(custom.classification).toBe('asynchronous');
  });

  it('laws: index in [0, 1], invariant under affine maps of SOC and of each trace', () => {
    const soc = grid(301);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s0: fc.double({ min: 0.15, max: 0.85, noNaN: true }),
            w: fc.double({ min: 0.005, max: 0.1, noNaN: true }),
            scale: fc.double({ min: 0.1, max: 10, noNaN: true }),
            sign: fc.constantFrom(-1, 1),
            offset: fc.double({ min: -5, max: 5, noNaN: true }),
          }),
          { minLength: 2, maxLength: 6 },
        ),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (particles, c, d) => {
          const base = particles.map(({ s0, w }) => soc.map((s) => logistic(s, s0, w)));
          const mapped = particles.map(({ scale, sign, offset }, i) =>
            base[i]!.map((v) => sign * scale * v + offset),
          );
          const r = reactionDynamics(base, soc);
          const rs = reactionDynamics(
            mapped,
            soc.map((s) => c * s + d),
          );
          expect(r.synchronicityIndex).toBeGreaterThanOrEqual(0);
          expect(r.synchronicityIndex).toBeLessThanOrEqual(1);
          expect(rs.synchronicityIndex).toBeCloseTo(r.synchronicityIndex, 6);
          r.traces.forEach((t, i) => {
            expect(rs.traces[i]!.onsetSoc).toBeCloseTo(c * t.onsetSoc + d, 5);
            expect(rs.traces[i]!.slopePeaks).toBe(t.slopePeaks);
          });
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('reactionDynamics: bad input', () => {
  const soc = grid(10);
  const trace = soc.map((s) => s);
  it('rejects malformed arguments with named errors', () => {
    expect(() => reactionDynamics('x' as never, soc)).toThrow(TypeError);
    expect(() => reactionDynamics([], soc)).toThrow(/traces must hold at least one trace/);
    expect(() => reactionDynamics([trace.slice(1)], soc)).toThrow(
      /traces\[0\] must have the same length as soc \(10\)/,
    );
    expect(() => reactionDynamics([[...trace.slice(1), Number.NaN]], soc)).toThrow(RangeError);
    expect(() => reactionDynamics([trace], [0, 1])).toThrow(/soc must have at least 3/);
    expect(() => reactionDynamics([trace.slice(0, 3)], [0, 1, 1])).toThrow(
      /soc must be strictly monotonic/,
    );
    expect(() => reactionDynamics([trace], soc, { window: 11 })).toThrow(/window/);
    expect(() => reactionDynamics([trace], soc, { window: 5, order: 5 })).toThrow(/order/);
    expect(() => reactionDynamics([trace], soc, { onsetLevel: 0 })).toThrow(/onsetLevel/);
    expect(() => reactionDynamics([trace], soc, { completionLevel: 0.05 })).toThrow(
      /completionLevel/,
    );
    expect(() => reactionDynamics([trace], soc, { peakFraction: 0 })).toThrow(/peakFraction/);
    expect(() => reactionDynamics([trace], soc, { minChange: -1 })).toThrow(/minChange/);
    expect(() => reactionDynamics([trace], soc, { synchronousThreshold: 1 })).toThrow(
      /synchronousThreshold/,
    );
    expect(() => reactionDynamics([trace], soc, null as never)).toThrow(TypeError);
  });
});
