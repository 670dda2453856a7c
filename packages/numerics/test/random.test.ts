import { describe, expect, it } from 'vitest';
import { mean } from '../src/mean.js';
import { correctlyRoundedLog, createRng } from '../src/random.js';
import { variance } from '../src/variance.js';
import data from './fixtures/random-streams.json' with { type: 'json' };

// Reference values: numpy 1.24.2's np.random.RandomState, written by fixtures/random-streams.py
// (random_sample, standard_normal, randint(0, 2**32, dtype=np.uint32)); correctly rounded
// logarithms from Python's decimal module at 60 digits. Comparisons are exact (toBe / toEqual).

describe('createRng reproduces numpy RandomState streams', () => {
  for (const stream of data.streams) {
    it(`seed ${stream.seed}: first values of random_sample, standard_normal, raw words`, () => {
      expect(Array.from(createRng(stream.seed).uniformArray(stream.uniform.length))).toEqual(
        stream.uniform,
      );
      expect(Array.from(createRng(stream.seed).normalArray(stream.normal.length))).toEqual(
        stream.normal,
      );
      const rng = createRng(stream.seed);
      expect(stream.uint32.map(() => rng.uint32())).toEqual(stream.uint32);
    });

    it(`seed ${stream.seed}: values deep into the stream`, () => {
      const last = Math.max(...stream.deepUniform.map(([index]) => index as number));
      const uniforms = createRng(stream.seed).uniformArray(last + 1);
      const normals = createRng(stream.seed).normalArray(last + 1);
      for (const [index, value] of stream.deepUniform) {
        expect(uniforms[index as number]).toBe(value);
      }
      for (const [index, value] of stream.deepNormal) {
        expect(normals[index as number]).toBe(value);
      }
    });
  }

  it('scalar calls match numpy scalar calls, the cached normal surviving other draws', () => {
    const { seed, calls, values } = data.interleaved;
    const rng = createRng(seed);
    const drawn = calls.map((call) =>
      call === 'normal' ? rng.normal() : call === 'uniform' ? rng.uniform() : rng.uint32(),
    );
    expect(drawn).toEqual(values);
  });
});

describe('createRng array fillers', () => {
  it('continue the same stream as the scalar methods, in any chunking', () => {
    const scalar = createRng(99);
    const expectedUniform = Array.from({ length: 1500 }, () => scalar.uniform());
    const expectedNormal = Array.from({ length: 1501 }, () => scalar.normal());

    const chunked = createRng(99);
    const uniform = [
      ...chunked.uniformArray(311), // odd sizes cross the 624-word twist boundary at odd offsets
      ...chunked.uniformArray(new Float64Array(700)),
      ...chunked.uniformArray(489),
    ];
    const normal = [
      ...chunked.normalArray(3), // leaves the second value of a pair cached
      chunked.normal(), // takes the cached value
      chunked.normal(), // leaves one cached again
      ...chunked.normalArray(new Float64Array(997)),
      ...chunked.normalArray(0),
      ...chunked.normalArray(499),
    ];
    expect(uniform).toEqual(expectedUniform);
    expect(normal).toEqual(expectedNormal);
  });

  it('fill and return the array they are given', () => {
    const out = new Float64Array(5);
    expect(createRng(1).uniformArray(out)).toBe(out);
    expect(createRng(1).normalArray(out)).toBe(out);
  });

  it('make independent generators: same seed, same stream, no shared state', () => {
    const a = createRng(2 ** 32 - 1);
    const b = createRng(2 ** 32 - 1);
    const first = a.uniform();
    a.normalArray(2000);
    expect(b.uniform()).toBe(first); // a's draws did not advance b
    expect(Array.from(createRng(5).uniformArray(10))).not.toEqual(
      Array.from(createRng(6).uniformArray(10)),
    );
  });
});

describe('createRng statistics (10⁵ draws, 5σ bounds)', () => {
  const n = 100_000;
  it('uniform: in [0, 1), mean 1/2, variance 1/12', () => {
    const u = createRng(2024).uniformArray(n);
    let outside = 0;
    for (const value of u) if (!(value >= 0 && value < 1)) outside++;
    expect(outside).toBe(0);
    // σ(mean) = √(1/12 / n); σ(variance) ≈ √((1/80 − 1/144) / n) from the fourth central moment.
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance(u) - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / n));
  });

  it('normal: mean 0, variance 1', () => {
    const z = createRng(2024).normalArray(n);
    // σ(mean) = 1/√n; σ(sample variance) = √(2/(n − 1)) for normal data.
    expect(Math.abs(mean(z))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance(z, { ddof: 1 }) - 1)).toBeLessThan(5 * Math.sqrt(2 / (n - 1)));
  });
});

describe('correctlyRoundedLog (internal)', () => {
  it('equals the correctly rounded ln x', () => {
    // About 1 in 25 of these is rounded differently by V8's Math.log, so the test can fail.
    const wrong = data.log.filter(([x, lnX]) => correctlyRoundedLog(x as number) !== lnX);
    expect(wrong).toEqual([]);
  });

  it('handles the edge cases like Math.log', () => {
    expect(correctlyRoundedLog(1)).toBe(0);
    expect(correctlyRoundedLog(2)).toBe(Math.LN2);
    expect(correctlyRoundedLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(correctlyRoundedLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(correctlyRoundedLog(-1)).toBeNaN();
    expect(correctlyRoundedLog(5e-324)).toBe(Math.log(5e-324));
  });
});

describe('createRng rejects bad input', () => {
  it('seed must be an integer in [0, 2³² − 1]', () => {
    expect(() => createRng(-1)).toThrow(
      new RangeError('seed must be an integer ≥ 0 and ≤ 4294967295; received -1'),
    );
    expect(() => createRng(2 ** 32)).toThrow(/received 4294967296/);
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng('1' as unknown as number)).toThrow(TypeError);
  });

  it('array fillers need a non-negative integer length or a Float64Array', () => {
    const rng = createRng(0);
    expect(() => rng.uniformArray(-1)).toThrow(/lengthOrOut must be an integer ≥ 0; received -1/);
    expect(() => rng.normalArray(2.5)).toThrow(RangeError);
    expect(() => rng.uniformArray(new Float32Array(3) as unknown as Float64Array)).toThrow(
      /lengthOrOut must be a length \(a non-negative integer\) or a Float64Array to fill; received Float32Array\(3\)/,
    );
    expect(() => rng.normalArray('3' as unknown as number)).toThrow(TypeError);
  });
});
