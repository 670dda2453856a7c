import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram } from '../src/histogram.js';
import data from './fixtures/array-kernels.json' with { type: 'json' };

/** The generator of fixtures/array-kernels.py: uᵢ = (sᵢ + 0.5)/2³², sᵢ₊₁ = 1664525·sᵢ + 1013904223 mod 2³². */
function lcg(seed: number, n: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s + 0.5) / 4294967296;
  }
  return out;
}

type Generated = { lcgSeed: number; length: number; scale: number; shift: number };

function caseData(x: number[] | Generated): number[] | Float64Array {
  if (Array.isArray(x)) return x;
  return lcg(x.lcgSeed, x.length).map((u) => u * x.scale + x.shift);
}

/**
 * Doubles in [−bound, bound] without subnormals: a data range narrower than the smallest normal
 * double cannot be split into bins (histogram throws, tested below), which is not what the laws
 * here are about. (A filter, not a map: a non-injective map can make fast-check shrink forever.)
 */
const normalDouble = (bound: number) =>
  fc
    .double({ min: -bound, max: bound, noNaN: true })
    .filter((v) => v === 0 || Math.abs(v) > 1e-300);

/** Whether the data range can hold `bins` distinct float64 edges (else histogram throws). */
function binnable(xs: readonly number[], bins: number): boolean {
  if (xs.length === 0) return true;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi || hi - lo > bins * 4 * Number.EPSILON * Math.max(Math.abs(lo), Math.abs(hi));
}

describe('histogram', () => {
  it('equals numpy.histogram: counts and edges, value for value', () => {
    for (const c of data.histogram.cases) {
      const x = caseData(c.x as number[] | Generated);
      const range = 'range' in c ? (c.range as [number, number]) : undefined;
      const { counts, edges } = histogram(x, range ? { bins: c.bins, range } : { bins: c.bins });
      expect(Array.from(counts), c.name).toEqual(c.counts);
      expect(Array.from(edges), c.name).toEqual(c.edges);
    }
  });

  it('places values within an ulp of an edge exactly as numpy does', () => {
    for (const c of data.histogram.edgeProbes) {
      const { counts, edges } = histogram(c.x, {
        bins: c.bins as number,
        range: c.range as [number, number],
      });
      expect(Array.from(edges), c.name).toEqual(c.edges);
      expect(Array.from(counts), c.name).toEqual(c.counts);
      // The probes are chosen so that the uncorrected index ⌊(x − first)·bins/(last − first)⌋
      // misplaces some of them: numpy's correction step is what these counts test.
      expect(c.naiveCounts, c.name).not.toEqual(c.counts);
    }
  });

  it('matches closed forms', () => {
    // min 1, max 4, 3 bins of width 1: [1, 2) holds 1; [2, 3) holds 2, 2; [3, 4] holds 3, 3, 3, 4.
    const h = histogram([1, 2, 2, 3, 3, 3, 4], { bins: 3 });
    expect(Array.from(h.edges)).toEqual([1, 2, 3, 4]);
    expect(Array.from(h.counts)).toEqual([1, 2, 4]);
    // Explicit edges: 7 is outside; 1 is in [1, 2] (the last bin is closed).
    expect(Array.from(histogram([0.5, 1, 1.5, 7], { bins: [0, 1, 2] }).counts)).toEqual([1, 2]);
    // Infinite outer edges catch everything; ±Infinity values are out of a finite range.
    const inf = Number.POSITIVE_INFINITY;
    expect(Array.from(histogram([-inf, -5, 0, 5, inf], { bins: [-inf, 0, inf] }).counts)).toEqual([
      2, 3,
    ]);
    expect(Array.from(histogram([-inf, 0.5, inf], { bins: 2, range: [0, 1] }).counts)).toEqual([
      0, 1,
    ]);
    // Constant data: numpy widens the range to [c − 0.5, c + 0.5].
    expect(Array.from(histogram([3, 3], { bins: 2 }).edges)).toEqual([2.5, 3, 3.5]);
  });

  it('counts every in-range value exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(normalDouble(100), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: -120, max: 120, noNaN: true }),
        fc.oneof(fc.constant(0), fc.double({ min: 1e-9, max: 150, noNaN: true })),
        (xs, bins, first, width) => {
          const last = first + width;
          // A degenerate range [c, c] is widened to [c − 0.5, c + 0.5] (documented, as numpy).
          const lo = first === last ? first - 0.5 : first;
          const hi = first === last ? last + 0.5 : last;
          fc.pre(binnable(xs, bins) && binnable([lo, hi], bins));
          const inRange = xs.filter((v) => v >= lo && v <= hi).length;
          const { counts } = histogram(xs, { bins, range: [first, last] });
          expect(counts.reduce((a, b) => a + b, 0)).toBe(inRange);
          expect(histogram(xs, { bins }).counts.reduce((a, b) => a + b, 0)).toBe(xs.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the same with its own edges passed back explicitly (searched, not indexed)', () => {
    fc.assert(
      fc.property(
        fc.array(normalDouble(1e3), { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 64 }),
        (xs, bins) => {
          fc.pre(binnable(xs, bins));
          const uniform = histogram(xs, { bins });
          // Add the edges themselves and their neighbours, the values where indexing can slip.
          const probes = [...xs];
          for (const e of uniform.edges) probes.push(e, e * (1 + 2 ** -52), e * (1 - 2 ** -52));
          const range: [number, number] = [
            uniform.edges[0] as number,
            uniform.edges[bins] as number,
          ];
          const indexed = histogram(probes, { bins, range });
          const searched = histogram(probes, { bins: uniform.edges });
          expect(Array.from(indexed.counts)).toEqual(Array.from(searched.counts));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fills and returns the out buffer', () => {
    const out = new Float64Array([9, 9]);
    const { counts } = histogram([0, 0.2, 0.9], { bins: 2, range: [0, 1], out });
    expect(counts).toBe(out);
    expect(Array.from(out)).toEqual([2, 1]);
  });

  it('rejects bad input with a message naming the argument', () => {
    expect(() => histogram([1, Number.NaN])).toThrow(
      new RangeError('x[1] must be a number, not NaN; received NaN'),
    );
    expect(() => histogram([1, Number.NaN], { range: [0, 2] })).toThrow(/x\[1\]/);
    expect(() => histogram([1, Number.NaN], { bins: [0, 1, 2] })).toThrow(/x\[1\]/);
    expect(() => histogram([1, Number.POSITIVE_INFINITY])).toThrow(/x\[1\] must be finite/);
    expect(() => histogram([1, 2], { bins: 0 })).toThrow(/bins must be an integer ≥ 1/);
    expect(() => histogram([1, 2], { bins: 2.5 })).toThrow(RangeError);
    expect(() => histogram([1, 2], { bins: '3' as unknown as number })).toThrow(TypeError);
    expect(() => histogram([1, 2], { bins: [0] })).toThrow(/bins must have at least 2 elements/);
    expect(() => histogram([1, 2], { bins: [0, 2, 1] })).toThrow(/non-decreasing/);
    expect(() => histogram([1, 2], { bins: [0, Number.NaN] })).toThrow(/bins\[1\]/);
    expect(() => histogram([1, 2], { bins: [0, 1], range: [0, 1] })).toThrow(/range must not be/);
    expect(() => histogram([1, 2], { range: [2, 1] })).toThrow(/range\[0\] ≤ range\[1\]/);
    expect(() => histogram([1, 2], { range: [0, Number.POSITIVE_INFINITY] })).toThrow(
      /range\[1\] must be a finite number/,
    );
    expect(() => histogram([1, 2], { range: [0] as unknown as [number, number] })).toThrow(
      TypeError,
    );
    expect(() => histogram([1e17, 1e17])).toThrow(/cannot be split/);
    expect(() => histogram([1, 2], { bins: 1000, range: [1, 1 + 1e-14] })).toThrow(/too narrow/);
    expect(() => histogram([1, 2], { bins: 2, out: new Float64Array(3) })).toThrow(
      /out must have the same length as the number of bins \(2\)/,
    );
    expect(() => histogram([1, 2], { out: [0, 0] as unknown as Float64Array })).toThrow(TypeError);
    expect(() => histogram({} as unknown as number[])).toThrow(TypeError);
  });
});
