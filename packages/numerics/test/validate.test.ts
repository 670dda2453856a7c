import { describe, expect, it } from 'vitest';
import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '../src/index.js';

describe('assertFiniteNumber', () => {
  it('returns accepted values and formats the house error message', () => {
    expect(
      assertFiniteNumber('wavelength', 1.5406, { min: 0, exclusiveMin: true, unit: 'Å' }),
    ).toBe(1.5406);
    expect(() =>
      assertFiniteNumber('wavelength', -1.54, { min: 0, exclusiveMin: true, unit: 'Å' }),
    ).toThrow(new RangeError('wavelength must be a finite number > 0 (Å); received -1.54'));
    expect(() =>
      assertFiniteNumber('alpha', 1, { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }),
    ).toThrow(new RangeError('alpha must be a finite number > 0 and < 1; received 1'));
    expect(() => assertFiniteNumber('n', 2.5, { integer: true, min: 1 })).toThrow(
      new RangeError('n must be an integer ≥ 1; received 2.5'),
    );
    expect(() => assertFiniteNumber('t', '300', { unit: 'K' })).toThrow(
      new TypeError('t must be a finite number (K); received "300"'),
    );
    expect(() => assertFiniteNumber('t', Number.NaN)).toThrow(RangeError);
    expect(() => assertFiniteNumber('t', Number.NEGATIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('assertNumericArray', () => {
  it('accepts arrays and typed arrays, rejects everything else', () => {
    expect(assertNumericArray('x', [1, 2])).toEqual([1, 2]);
    expect(assertNumericArray('x', new Uint16Array(3))).toHaveLength(3);
    expect(() => assertNumericArray('x', new BigInt64Array(2))).toThrow(TypeError);
    expect(() => assertNumericArray('x', { length: 2, 0: 1, 1: 2 })).toThrow(
      new TypeError('x must be an array or typed array of numbers; received object'),
    );
    expect(() => assertNumericArray('y', [1, 2], { length: 3, lengthOf: 'x' })).toThrow(
      new RangeError('y must have the same length as x (3); received length 2'),
    );
    expect(() => assertNumericArray('y', [1, Number.NaN], { finite: false })).not.toThrow();
  });

  it('describes values compactly', () => {
    expect(describeValue(new Float64Array(4))).toBe('Float64Array(4)');
    expect(describeValue([1, 2])).toBe('Array(2)');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(new Map())).toBe('Map');
  });
});

describe('outputBuffer', () => {
  it('returns the caller buffer, allocates when absent, and rejects the wrong kind or length', () => {
    const out = new Float64Array(3);
    expect(outputBuffer(out, 3, 'x')).toBe(out);
    const fresh = outputBuffer(undefined, 4, 'x');
    expect(fresh).toBeInstanceOf(Float64Array);
    expect(Array.from(fresh)).toEqual([0, 0, 0, 0]);
    expect(() => outputBuffer(new Float64Array(2), 3, 'y')).toThrow(
      new RangeError('out must have the same length as y (3); received length 2'),
    );
    expect(() => outputBuffer(new Float32Array(3), 3, 'y')).toThrow(
      new TypeError('out must be a Float64Array; received Float32Array(3)'),
    );
  });
});
