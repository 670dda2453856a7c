import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from '../src/quantile.js';
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

/** Mirror of large_sets() in fixtures/array-kernels.py (same operations, same float64 values). */
function largeSets(): Record<string, Float64Array> {
  const uniform = lcg(7, 100003).map((u) => u * 10 - 3);
  const ties = lcg(11, 50000).map((u) => Math.floor(u * 7));
  const heavy = lcg(13, 65536).map((w, i) => (i % 2 === 1 ? -1 : 1) * (1 / (w * w * w)));
  const ascending = lcg(17, 40000).sort();
  return { uniform, ties, heavy, ascending };
}

const sortedCopy = (xs: ArrayLike<number>) => Float64Array.from(xs).sort();

describe('quantile', () => {
  it('equals numpy.quantile bit for bit on small samples (odd, even, ties, n = 1 and 2)', () => {
    for (const c of data.quantile.small) {
      const all = quantile(c.x, c.q);
      c.q.forEach((q, j) => {
        expect(quantile(c.x, q), `${c.name} q=${q}`).toBe(c.expected[j]);
        expect(all[j], `${c.name} q=${q} (array form)`).toBe(c.expected[j]);
      });
    }
  });

  it('equals numpy.quantile bit for bit on large samples (sampled selection and full copy)', () => {
    const sets = largeSets();
    for (const c of data.quantile.large) {
      const x = sets[c.name] as Float64Array;
      expect(quantile(x, 0.5), `${c.name} median`).toBe(c.median);
      expect(Array.from(quantile(x, [0.01, 0.5, 0.99])), `${c.name} tails`).toEqual(c.tails);
      expect(Array.from(quantile(x, c.q)), `${c.name} all q`).toEqual(c.expected);
      expect(quantile(Array.from(x), 0.99), `${c.name} plain array`).toBe(c.tails[2]);
    }
  });

  it('matches closed forms', () => {
    // Sorted [1, 2, 3, 4]: h = 3q. q = 0.25 → h = 0.75 → 1 + 0.75·(2 − 1) = 1.75; q = 0.5 → 2.5.
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 1)).toBe(4);
    // [10, 20, 30, 40, 50]: q = 0.9 → h = 3.6 → 40 + 0.6·10 = 46.
    expect(Array.from(quantile([50, 10, 40, 20, 30], [0, 0.5, 0.9]))).toEqual([10, 30, 46]);
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile([1, 2, 3], [])).toEqual(new Float64Array(0));
  });

  it('is monotone in q and lies within [min, max]', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (xs, qs) => {
          const sortedQ = [...qs].sort((a, b) => a - b);
          const values = quantile(xs, sortedQ);
          const lo = Math.min(...xs);
          const hi = Math.max(...xs);
          let violations = 0;
          for (let j = 0; j < values.length; j++) {
            const v = values[j] as number;
            if (v < lo || v > hi) violations++;
            if (j > 0 && v < (values[j - 1] as number)) violations++;
          }
          expect(violations).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the order statistics: min at q = 0, max at q = 1, the middle value for odd n', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (raw) => {
          const xs = raw.length % 2 === 1 ? raw : raw.slice(1);
          if (xs.length === 0) return;
          const sorted = sortedCopy(xs);
          // + 0 turns −0 into +0: the two are equal values, in either order.
          expect(quantile(xs, 0) + 0).toBe((sorted[0] as number) + 0);
          expect(quantile(xs, 1) + 0).toBe((sorted[xs.length - 1] as number) + 0);
          expect(quantile(xs, 0.5) + 0).toBe((sorted[(xs.length - 1) / 2] as number) + 0);
          // Permutation invariance.
          expect(quantile([...xs].reverse(), 0.37)).toBe(quantile(xs, 0.37));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the order statistics of large samples (selection path) and leaves x unchanged', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.integer({ min: 0, max: 2 }),
        (seed, kind) => {
          const n = 33001;
          const u = lcg(seed, n);
          // kind 0: uniform; 1: few distinct values; 2: descending heavy tail.
          const x =
            kind === 0
              ? u
              : kind === 1
                ? u.map((v) => Math.floor(v * 5))
                : sortedCopy(u.map((v) => 1 / (v * v))).reverse();
          const before = Float64Array.from(x);
          const sorted = sortedCopy(x);
          const values = quantile(x, [0, 0.01, 0.5, 0.99, 1]);
          expect(Array.from(values)).toEqual([
            sorted[0],
            sorted[330],
            sorted[16500],
            sorted[32670],
            sorted[n - 1],
          ]);
          expect(quantile(x, 0.5)).toBe(sorted[16500]);
          let changed = 0;
          for (let i = 0; i < n; i++) if (!Object.is(x[i], before[i])) changed++;
          expect(changed).toBe(0);
        },
      ),
      { numRuns: 4 },
    );
  });

  it('stays exact when the sampled brackets miss (adversarial data: full-copy fallback)', () => {
    // Put a huge value at every index the selection samples (the implementation's xorshift32 with
    // its fixed seed), so the sample brackets nothing near the true median.
    const n = 50001;
    const x = lcg(99, n);
    let state = 0x2545f491;
    for (let i = 0; i < 1 << 13; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      x[Math.floor(((state >>> 0) / 4294967296) * n)] = 1e9;
    }
    const sorted = sortedCopy(x);
    expect(quantile(x, 0.5)).toBe(sorted[25000]);
    expect(Array.from(quantile(x, [0.1, 0.9]))).toEqual([sorted[5000], sorted[45000]]);
  });

  it('rejects bad input with a message naming the argument', () => {
    expect(() => quantile([], 0.5)).toThrow(
      new RangeError('x must have at least 1 element; received length 0'),
    );
    expect(() => quantile([1, Number.NaN, 3], 0.5)).toThrow(
      new RangeError('x[1] must be a finite number; received NaN'),
    );
    expect(() => quantile([1, Number.POSITIVE_INFINITY], [0.5])).toThrow(/x\[1\] must be a finite/);
    const large = lcg(5, 40000);
    large[31234] = Number.NaN;
    expect(() => quantile(large, 0.5)).toThrow(/x\[31234\] must be a finite number; received NaN/);
    expect(() => quantile(large, [0.1, 0.9])).toThrow(/x\[31234\]/);
    large[31234] = Number.NEGATIVE_INFINITY;
    expect(() => quantile(large, 0.5)).toThrow(/x\[31234\] must be a finite number/);
    expect(() => quantile([1, 2], 1.5)).toThrow(
      new RangeError('q must be a finite number ≥ 0 and ≤ 1; received 1.5'),
    );
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
    expect(() => quantile([1, 2], [0.5, -0.1])).toThrow(/q\[1\] must be a finite number ≥ 0/);
    expect(() => quantile([1, 2], '0.5' as unknown as number)).toThrow(TypeError);
    expect(() => quantile('12' as unknown as number[], 0.5)).toThrow(TypeError);
  });
});
