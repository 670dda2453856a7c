import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../src/random.js';
import data from './fixtures/random-integers.json' with { type: 'json' };

// Reference values: numpy 1.24.2's np.random.RandomState(seed).randint, written by
// fixtures/random-integers.py. Comparisons are exact.

describe('Rng.integer / integerArray reproduce RandomState.randint', () => {
  for (const c of data.cases) {
    it(`seed ${c.seed}: randint(${c.low}, ${c.high}, ${c.values.length}, ${c.dtype})`, () => {
      expect(Array.from(createRng(c.seed).integerArray(c.low, c.high, c.values.length))).toEqual(
        c.values,
      );
      const rng = createRng(c.seed);
      expect(c.values.map(() => rng.integer(c.low, c.high))).toEqual(c.values);
    });
  }

  it('fills Int32Array and Uint32Array outputs with the same stream', () => {
    const c = data.cases.find((x) => x.dtype === 'int32');
    if (c === undefined) throw new Error('fixture lacks an int32 case');
    const out = new Int32Array(c.values.length);
    expect(createRng(c.seed).integerArray(c.low, c.high, out)).toBe(out);
    expect(Array.from(out)).toEqual(c.values);
    const u = data.cases.find((x) => x.dtype === 'uint32');
    if (u === undefined) throw new Error('fixture lacks a uint32 case');
    const uout = createRng(u.seed).integerArray(u.low, u.high, new Uint32Array(u.values.length));
    expect(Array.from(uout)).toEqual(u.values);
  });

  it('draws no word for a range of one value, as numpy', () => {
    const rng = createRng(data.afterSingle.seed);
    expect([rng.integer(3, 4), rng.uniform()]).toEqual(data.afterSingle.values);
  });

  it('interleaves with uniform() on one stream as numpy does', () => {
    const rng = createRng(data.interleaved.seed);
    expect([
      rng.uniform(),
      rng.integer(0, 100),
      rng.uniform(),
      rng.integer(-5, 5),
      rng.integer(0, 3),
    ]).toEqual(data.interleaved.values);
  });

  it("reproduces scipy.stats.bootstrap's (B, n) index matrix row by row", () => {
    const { seed, n, resamples, checksum, row0, row299 } = data.bootstrap;
    const indices = createRng(seed).integerArray(0, n, new Int32Array(n * resamples));
    expect(indices.reduce((s, v) => s + v, 0)).toBe(checksum);
    expect(Array.from(indices.subarray(0, n))).toEqual(row0);
    expect(Array.from(indices.subarray(299 * n, 300 * n))).toEqual(row299);
  });

  it('stays in [low, high) for any bounds (law of the definition)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 2 ** 32 }),
        (seed, low, span) => {
          const values = createRng(seed).integerArray(low, low + span, 20);
          for (const v of values) {
            expect(Number.isInteger(v) && v >= low && v < low + span).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Rng.integer bad input', () => {
  const rng = createRng(0);
  it('rejects empty or too wide ranges, non-integers and wrong types', () => {
    expect(() => rng.integer(5, 5)).toThrow(/high − low must be in \[1, 2³²\]/);
    expect(() => rng.integer(5, 2)).toThrow(RangeError);
    expect(() => rng.integer(0, 2 ** 32 + 1)).toThrow(RangeError);
    expect(() => rng.integer(0.5, 3)).toThrow(/low/);
    expect(() => rng.integer(0, Number.NaN)).toThrow(/high/);
    expect(() => rng.integer('0' as unknown as number, 3)).toThrow(TypeError);
  });

  it('rejects outputs that cannot hold the values, and bad lengths', () => {
    expect(() => rng.integerArray(-1, 3, new Uint32Array(2))).toThrow(/Uint32Array/);
    expect(() => rng.integerArray(0, 2 ** 31 + 1, new Int32Array(2))).toThrow(/Int32Array/);
    expect(() => rng.integerArray(0, 3, -1)).toThrow(RangeError);
    expect(() => rng.integerArray(0, 3, [0, 0] as unknown as Float64Array)).toThrow(TypeError);
  });
});
