import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollingMean } from '../src/rolling-mean.js';
import data from './fixtures/array-kernels.json' with { type: 'json' };

const series = (minLength: number, maxLength = 60) =>
  fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength, maxLength });

describe('rollingMean', () => {
  it('follows pandas rolling(window, center, min_periods=1).mean() (the rule written in numpy)', () => {
    const y = data.rollingMean.y;
    const scale = Math.max(...y.map(Math.abs));
    for (const c of data.rollingMean.cases) {
      const got = rollingMean(y, c.window, { center: c.center });
      let worst = 0;
      for (let i = 0; i < y.length; i++) {
        worst = Math.max(worst, Math.abs((got[i] as number) - (c.expected[i] as number)));
      }
      expect(worst, `window ${c.window}, center ${c.center}`).toBeLessThanOrEqual(
        4 * Number.EPSILON * scale,
      );
    }
  });

  it('matches closed forms, including the even-window convention', () => {
    // Window 3 centred: ends average two points, (1 + 2)/2 = 1.5 and (4 + 5)/2 = 4.5.
    expect(Array.from(rollingMean([1, 2, 3, 4, 5], 3))).toEqual([1.5, 2, 3, 4, 4.5]);
    // Trailing window 3: 1, (1 + 2)/2, (1 + 2 + 3)/3, …
    expect(Array.from(rollingMean([1, 2, 3, 4, 5], 3, { center: false }))).toEqual([
      1, 1.5, 2, 3, 4,
    ]);
    // Even window 4, centred: pandas spans i − 2 … i + 1, so an impulse at index 4 reaches
    // outputs 3…6 (one more point on the left of each window than on the right).
    const impulse = [0, 0, 0, 0, 4, 0, 0, 0, 0];
    expect(Array.from(rollingMean(impulse, 4))).toEqual([0, 0, 0, 1, 1, 1, 1, 0, 0]);
    // Window 2 centred is the trailing pair [i − 1, i].
    expect(Array.from(rollingMean([1, 2, 3, 4, 5], 2))).toEqual([1, 1.5, 2.5, 3.5, 4.5]);
    // Window = length, trailing: the running mean of the prefix.
    expect(Array.from(rollingMean([2, 4, 6, 8], 4, { center: false }))).toEqual([2, 3, 4, 5]);
  });

  it('returns a constant exactly, and is the identity for a window of 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e300, max: 1e300, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (c, length, rawWindow, center) => {
          const window = Math.min(rawWindow, length);
          const out = rollingMean(new Array(length).fill(c), window, { center });
          expect(out.every((v) => v === c)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(series(1), fc.boolean(), (ys, center) => {
        // + 0 turns −0 into +0 on both sides (the two are the same value).
        expect(Array.from(rollingMean(ys, 1, { center })).map((v) => v + 0)).toEqual(
          ys.map((v) => v + 0),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('lies within the range of its window and is shift-equivariant', () => {
    fc.assert(
      fc.property(
        series(1),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (ys, rawWindow, center, shift) => {
          const n = ys.length;
          const window = Math.min(rawWindow, n);
          const offset = center ? Math.floor((window - 1) / 2) : 0;
          const out = rollingMean(ys, window, { center });
          const shifted = rollingMean(
            ys.map((v) => v + shift),
            window,
            { center },
          );
          // Up to rounding: 4ε of the window's values, and the ε² residue that the compensated
          // running sum keeps from every value it has added and removed.
          const eps = Number.EPSILON;
          let violations = 0;
          for (let i = 0; i < n; i++) {
            const end = Math.min(n, i + 1 + offset);
            const part = ys.slice(Math.max(0, end - window), end);
            const seen = ys.slice(0, end).reduce((sum, v) => sum + Math.abs(v), 0);
            const slack = 4 * eps * Math.max(...part.map(Math.abs)) + 8 * eps * eps * seen;
            const v = out[i] as number;
            if (v < Math.min(...part) - slack || v > Math.max(...part) + slack) violations++;
            // Shifting the data shifts the mean (up to the rounding of the shifted data).
            if (Math.abs((shifted[i] as number) - (v + shift)) > 1e-11 * (1e4 + Math.abs(shift))) {
              violations++;
            }
          }
          expect(violations).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not drift over a long series (compensated running sum)', () => {
    // Huge values pass through the window, then a long stretch of small varying ones: each later
    // mean must equal the directly summed mean of its 7 values to ~1e-17. An uncompensated
    // running sum keeps an error of order ε·1e12 ≈ 1e-4 from the huge values.
    const n = 20000;
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++)
      y[i] = i < 1000 ? (i % 2 === 0 ? 1e12 : -1e12 + 0.3) : 0.1 * (i % 3);
    const out = rollingMean(y, 7, { center: false });
    let worst = 0;
    for (let i = 2000; i < n; i++) {
      let direct = 0;
      for (let j = i - 6; j <= i; j++) direct += y[j] as number;
      worst = Math.max(worst, Math.abs((out[i] as number) - direct / 7));
    }
    expect(worst).toBeLessThan(1e-16);
  });

  it('writes into out', () => {
    const out = new Float64Array(3);
    expect(rollingMean([1, 2, 3], 3, { out })).toBe(out);
    expect(Array.from(out)).toEqual([1.5, 2, 2.5]);
  });

  it('rejects bad input with a message naming the argument', () => {
    expect(() => rollingMean([], 1)).toThrow(
      new RangeError('y must have at least 1 element; received length 0'),
    );
    expect(() => rollingMean([1, Number.NaN], 1)).toThrow(/y\[1\] must be a finite number/);
    expect(() => rollingMean([1, 2, 3], 0)).toThrow(
      new RangeError('window must be an integer ≥ 1 and ≤ 3; received 0'),
    );
    expect(() => rollingMean([1, 2, 3], 4)).toThrow(
      /window must be an integer ≥ 1 and ≤ 3; received 4/,
    );
    expect(() => rollingMean([1, 2, 3], 1.5)).toThrow(RangeError);
    expect(() => rollingMean([1, 2, 3], '2' as unknown as number)).toThrow(TypeError);
    expect(() => rollingMean([1, 2, 3], 2, { center: 1 as unknown as boolean })).toThrow(
      new TypeError('center must be true or false; received 1'),
    );
    expect(() => rollingMean([1, 2, 3], 2, { out: new Float64Array(2) })).toThrow(/out must have/);
    const y = new Float64Array(4);
    expect(() => rollingMean(y, 2, { out: y })).toThrow(/out must not share memory with y/);
    expect(() => rollingMean(y.subarray(1), 2, { out: new Float64Array(y.buffer, 0, 3) })).toThrow(
      /share memory/,
    );
    expect(() => rollingMean([1, 2], 1, { out: [0, 0] as unknown as Float64Array })).toThrow(
      TypeError,
    );
  });
});
