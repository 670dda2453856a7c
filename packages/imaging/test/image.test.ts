import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertImage, createImage, isPixelArray } from '../src/index.js';

describe('createImage', () => {
  it('wraps data without copying and keeps shape, channels and spacing', () => {
    const data = new Uint8Array(2 * 3 * 3);
    const image = createImage(data, [2, 3], { channels: 3, spacing: [0.5, 0.25] });
    expect(image.data).toBe(data);
    expect(image.shape).toEqual([2, 3]);
    expect(image.channels).toBe(3);
    expect(image.spacing).toEqual([0.5, 0.25]);
    expect(createImage(new Float32Array(8), [2, 2, 2]).channels).toBe(1);
    expect(createImage(new Float32Array(8), [2, 2, 2]).spacing).toBeUndefined();
  });

  it('law: accepts exactly data.length = product(shape) × channels', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -2, max: 2 }),
        (shape, channels, delta) => {
          const length = shape.reduce((p, s) => p * s, channels) + delta;
          if (length < 0) return;
          const build = () => createImage(new Float64Array(length), shape, { channels });
          if (delta === 0) expect(build().shape).toEqual(shape);
          else expect(build).toThrow(RangeError);
        },
      ),
    );
  });

  it('rejects bad input with named errors', () => {
    expect(() => createImage([1, 2] as never, [1, 2])).toThrow(
      /data must be a Uint8Array, Uint16Array, Float32Array or Float64Array; received Array\(2\)/,
    );
    expect(() => createImage(new Int16Array(4) as never, [2, 2])).toThrow(TypeError);
    expect(() => createImage(new Uint8Array(4), 'x' as never)).toThrow(TypeError);
    expect(() => createImage(new Uint8Array(4), [4])).toThrow(/shape must have 2 axes/);
    expect(() => createImage(new Uint8Array(4), [2, 2, 1, 1])).toThrow(RangeError);
    expect(() => createImage(new Uint8Array(4), [2, 2.5])).toThrow(/shape\[1\] must be an integer/);
    expect(() => createImage(new Uint8Array(0), [0, 2])).toThrow(/shape\[0\]/);
    expect(() => createImage(new Uint8Array(4), [2, 2], { channels: 0 })).toThrow(/channels/);
    expect(() => createImage(new Uint8Array(4), [2, 2], { spacing: [1] })).toThrow(
      /spacing must have one entry per axis/,
    );
    expect(() => createImage(new Uint8Array(4), [2, 2], { spacing: [1, 0] })).toThrow(
      /spacing\[1\] must be a finite number > 0/,
    );
    expect(() => createImage(new Uint8Array(4), [2, 2], { spacing: 'x' as never })).toThrow(
      TypeError,
    );
    expect(() => createImage(new Uint8Array(5), [2, 2])).toThrow(
      /data must hold product\(shape\) × channels = 4 samples/,
    );
  });
});

describe('assertImage', () => {
  it('returns a checked image and enforces the requirements', () => {
    const image = createImage(new Uint16Array(12), [2, 2], { channels: 3 });
    expect(assertImage('frame', image).channels).toBe(3);
    expect(assertImage('frame', { data: new Float64Array(4), shape: [2, 2] }).channels).toBe(1);
    expect(() => assertImage('frame', image, { channels: 1 })).toThrow(
      /frame must have 1 channel\(s\); received 3/,
    );
    expect(() => assertImage('frame', image, { dimensions: [3] })).toThrow(
      /frame must be 3D; received a 2D image of shape \[2, 2\]/,
    );
  });

  it('prefixes the argument name to the errors of a malformed image', () => {
    expect(() => assertImage('frame', null)).toThrow(TypeError);
    expect(() => assertImage('frame', 42)).toThrow(/frame must be an image/);
    expect(() => assertImage('frame', { data: [1], shape: [1, 1] })).toThrow(
      new TypeError(
        'frame: data must be a Uint8Array, Uint16Array, Float32Array or Float64Array; received Array(1)',
      ),
    );
    expect(() => assertImage('frame', { data: new Uint8Array(3), shape: [2, 2] })).toThrow(
      RangeError,
    );
  });
});

describe('isPixelArray', () => {
  it('accepts the four pixel types only', () => {
    for (const ok of [
      new Uint8Array(1),
      new Uint16Array(1),
      new Float32Array(1),
      new Float64Array(1),
    ])
      expect(isPixelArray(ok)).toBe(true);
    for (const no of [
      new Int16Array(1),
      new Uint32Array(1),
      [1],
      null,
      'x',
      new Uint8ClampedArray(1),
    ])
      expect(isPixelArray(no)).toBe(false);
  });
});
