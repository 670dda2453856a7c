import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mean, RunningMoments, standardDeviation, variance } from '../src/index.js';
import numpy from './fixtures/moments-numpy.json' with { type: 'json' };

// Closed-form reference values, worked by hand:
// [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, population variance 32/8 = 4.
// 1e9 + [4, 7, 13, 16]: mean 1e9 + 10, deviations ±6, ±3, sum of squares 90, sample variance 90/3 = 30.
const textbook = [2, 4, 4, 4, 5, 5, 7, 9];
const offset = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];

describe('mean', () => {
  it('matches closed forms', () => {
    expect(mean(textbook)).toBe(5);
    expect(mean(offset)).toBe(1e9 + 10);
    expect(mean(new Float32Array([1.5, 2.5]))).toBe(2);
  });

  it('stays finite when the plain sum overflows', () => {
    expect(mean([1e308, 1e308, 1e308])).toBeCloseTo(1e308, -300);
    expect(mean([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE);
  });

  it('is the mean: it lies between min and max and is shift-equivariant', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (xs, shift) => {
          const m = mean(xs);
          expect(m).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
          expect(m).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
          expect(mean(xs.map((x) => x + shift))).toBeCloseTo(m + shift, 6);
        },
      ),
    );
  });

  it('rejects bad input with a message naming the argument', () => {
    expect(() => mean([])).toThrow(
      new RangeError('x must have at least 1 element; received length 0'),
    );
    expect(() => mean([1, Number.NaN, 3])).toThrow(/x\[1\] must be a finite number; received NaN/);
    expect(() => mean(new Float64Array([1, Number.POSITIVE_INFINITY]))).toThrow(RangeError);
    expect(() => mean('123' as unknown as number[])).toThrow(TypeError);
    expect(() => mean([1, '2'] as unknown as number[])).toThrow(
      /x\[1\] must be a number; received "2"/,
    );
  });
});

describe('variance and standardDeviation', () => {
  it('match closed forms', () => {
    expect(variance(textbook)).toBe(4);
    expect(standardDeviation(textbook)).toBe(2);
    expect(variance(textbook, { ddof: 1 })).toBeCloseTo(32 / 7, 15);
  });

  it('survive a large offset where the textbook formula fails', () => {
    expect(variance(offset, { ddof: 1 })).toBe(30);
    const naive = (offset.reduce((s, x) => s + x * x, 0) - 4 * (1e9 + 10) ** 2) / 3;
    expect(Math.abs(naive - 30)).toBeGreaterThan(1); // the cancellation the stable form avoids
  });

  it('is shift-invariant and scales with the square of a factor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 40 }),
        fc.double({ min: -1e8, max: 1e8, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (xs, shift, scale) => {
          const v = variance(xs, { ddof: 1 });
          expect(v).toBeGreaterThanOrEqual(0);
          // Adding the shift rounds each value by up to ulp(|shift|) ≈ 2.2e-16·|shift|; the variance
          // may move by about 2σ times that, and no more.
          const tolerance = 1e-9 * (1 + v) + 8e-16 * Math.abs(shift) * (Math.sqrt(v) + 1);
          expect(
            Math.abs(
              variance(
                xs.map((x) => x + shift),
                { ddof: 1 },
              ) - v,
            ),
          ).toBeLessThan(tolerance);
          // Scaling rounds each value by up to 2.2e-16·|x·scale|: bound the change accordingly.
          const expected = variance(xs) * scale * scale;
          const rounding = 4.4e-16 * scale * Math.max(...xs.map(Math.abs));
          const scaledTolerance =
            1e-12 * expected + rounding * (2 * Math.sqrt(expected) + rounding) + 1e-300;
          expect(Math.abs(variance(xs.map((x) => x * scale)) - expected)).toBeLessThanOrEqual(
            scaledTolerance,
          );
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(() => variance([1], { ddof: 1 })).toThrow(
      new RangeError('x must have at least 2 elements; received length 1'),
    );
    expect(() => variance([1, 2], { ddof: -1 })).toThrow(
      /ddof must be an integer ≥ 0; received -1/,
    );
    expect(() => variance([1, 2], { ddof: 0.5 })).toThrow(RangeError);
    expect(() => standardDeviation([1, Number.NaN])).toThrow(/x\[1\]/);
  });
});

describe('agreement with numpy (fixtures/moments-numpy.py)', () => {
  it.each(numpy.cases)('$name', (c) => {
    // The mean is compared with the correctly rounded math.fsum(x)/n (numpy's pairwise sum is
    // itself up to ~1e-16 relative off); the variance with numpy on long doubles.
    // Rounding is relative to the magnitude of the data, mean(|x|), not to a mean near zero.
    const scale = c.x.reduce((s, v) => s + Math.abs(v), 0) / c.x.length;
    expect(Math.abs(mean(c.x) - c.fsumMean)).toBeLessThanOrEqual(2.3e-16 * scale);
    expect(Math.abs(mean(c.x) - c.mean)).toBeLessThanOrEqual(4.5e-16 * scale);
    expect(variance(c.x, { ddof: 1 })).toBeCloseTo(
      c.var1LongDouble,
      15 - Math.ceil(Math.log10(c.var1)),
    );
    expect(Math.abs(variance(c.x) / c.var0 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(variance(c.x, { ddof: 1 }) / c.var1 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(standardDeviation(c.x, { ddof: 1 }) / c.std1 - 1)).toBeLessThan(1e-13);
    const streamed = new RunningMoments().addAll(c.x);
    expect(Math.abs(streamed.variance(1) / c.var1 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(streamed.mean - c.fsumMean)).toBeLessThanOrEqual(1e-15 * scale);
  });
});

describe('RunningMoments', () => {
  it('agrees with the two-pass functions, chunked and merged in any split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.nat(),
        (xs, cut) => {
          const split = cut % (xs.length + 1);
          const left = new RunningMoments().addAll(xs.slice(0, split));
          const right = new RunningMoments().addAll(xs.slice(split));
          left.merge(right);
          expect(left.count).toBe(xs.length);
          expect(left.mean).toBeCloseTo(mean(xs), 6);
          const v = variance(xs, { ddof: 1 });
          expect(Math.abs(left.variance(1) - v)).toBeLessThanOrEqual(1e-8 * (1 + v));
          expect(left.min).toBe(Math.min(...xs));
          expect(left.max).toBe(Math.max(...xs));
        },
      ),
    );
  });

  it('handles the offset data exactly and reports NaN before it has enough data', () => {
    const moments = new RunningMoments();
    expect(moments.variance()).toBeNaN();
    moments.add(offset[0] as number);
    expect(moments.variance(1)).toBeNaN();
    moments.addAll(offset.slice(1));
    expect(moments.mean).toBe(1e9 + 10);
    expect(moments.variance(1)).toBe(30);
    expect(moments.standardDeviation(0)).toBeCloseTo(Math.sqrt(22.5), 12);
  });

  it('rejects bad input', () => {
    expect(() => new RunningMoments().add(Number.NaN)).toThrow(
      /value must be a finite number; received NaN/,
    );
    expect(() => new RunningMoments().addAll([1, Number.POSITIVE_INFINITY])).toThrow(/values\[1\]/);
    expect(() => new RunningMoments().merge({} as RunningMoments)).toThrow(TypeError);
    expect(() => new RunningMoments().variance(-1)).toThrow(RangeError);
  });
});
