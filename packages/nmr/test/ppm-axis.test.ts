import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ppmAxis } from '../src/ppm-axis.js';
import numpyAxes from './fixtures/ppm-axis.json' with { type: 'json' };

describe('ppmAxis', () => {
  it('follows Bruker: ppm[i] = OFFSET − i·SW_p/(SF·SI), worked by hand', () => {
    // SI = 8, SW_p = 5000 Hz, SF = 125 MHz → SW_p/SF = 40 ppm, Δ = 40/8 = 5 ppm per point.
    // OFFSET = 20 ppm → 20, 15, 10, 5, 0, −5, −10, −15: the last point is
    // OFFSET − (SI − 1)/SI · SW_p/SF = 20 − 7/8 · 40 = −15, one spacing short of 20 − 40 = −20.
    const axis = ppmAxis({ size: 8, spectralWidth: 5000, referenceFrequency: 125, offset: 20 });
    expect(axis).toEqual(new Float64Array([20, 15, 10, 5, 0, -5, -10, -15]));
  });

  it('puts the carrier on index size/2 for even sizes, equal to Bruker with OFFSET = center + SW/(2·SF)', () => {
    // center = 0, Δ = 5 ppm: carrier on index 4 → first point 4·5 = 20 ppm, as the OFFSET case.
    expect(ppmAxis({ size: 8, spectralWidth: 5000, referenceFrequency: 125, center: 0 })).toEqual(
      new Float64Array([20, 15, 10, 5, 0, -5, -10, -15]),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 512 }).map((half) => 2 * half),
        fc.double({ min: 10, max: 2e6, noNaN: true }),
        fc.double({ min: 10, max: 1200, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (size, spectralWidth, referenceFrequency, center) => {
          const fromCenter = ppmAxis({ size, spectralWidth, referenceFrequency, center });
          const offset = center + spectralWidth / referenceFrequency / 2;
          const fromOffset = ppmAxis({ size, spectralWidth, referenceFrequency, offset });
          const tolerance = 1e-12 * (Math.abs(offset) + spectralWidth / referenceFrequency);
          let bad = 0;
          for (let i = 0; i < size; i++) {
            if (Math.abs((fromCenter[i] as number) - (fromOffset[i] as number)) > tolerance) bad++;
          }
          return bad === 0 && fromCenter[size / 2] === center;
        },
      ),
      { numRuns: 100 },
    );
  });

  it('puts the carrier on the middle point for odd sizes (symmetric axis)', () => {
    // SI = 5, SW = 3125 Hz, SF = 125 MHz → Δ = 3125/125/5 = 5 ppm; carrier (0 ppm) on index 2.
    // nmrglue's unit_conversion would give 12.5, 7.5, 2.5, −2.5, −7.5 (carrier at index 2.5).
    expect(ppmAxis({ size: 5, spectralWidth: 3125, referenceFrequency: 125, center: 0 })).toEqual(
      new Float64Array([10, 5, 0, -5, -10]),
    );
    expect(ppmAxis({ size: 1, spectralWidth: 100, referenceFrequency: 100, center: 7 })).toEqual(
      new Float64Array([7]),
    );
  });

  it('matches numpy fftshift(fftfreq)[::-1] for odd sizes and is one point left of it for even sizes', () => {
    // Peer output: test/fixtures/ppm-axis.py (numpy 1.24).
    for (const c of numpyAxes.cases) {
      const axis = ppmAxis({
        size: c.size,
        spectralWidth: c.spectralWidth,
        referenceFrequency: c.referenceFrequency,
        center: c.center,
      });
      const step = c.spectralWidth / c.referenceFrequency / c.size;
      const shift = c.size % 2 === 1 ? 0 : step;
      const worst = Math.max(
        ...c.numpyPpm.map((v, i) => Math.abs((axis[i] as number) - (v + shift))),
      );
      expect(worst, `size ${c.size}`).toBeLessThan(1e-12);
    }
  });

  it('uses the reference frequency it is given: SF, not BF1', () => {
    // SF = BF1 + SR/1e6: BF1 = 124.999 MHz with SR = 1000 Hz gives SF = 125 MHz. With SF the
    // spacing is exactly 5 ppm; with BF1 it would be 5000/124.999/8 = 5.00004 ppm, and the right
    // edge would move from −15 to 20 − 7·5.00004 = −15.00028 ppm.
    const sf = ppmAxis({ size: 8, spectralWidth: 5000, referenceFrequency: 125, offset: 20 });
    const bf1 = ppmAxis({ size: 8, spectralWidth: 5000, referenceFrequency: 124.999, offset: 20 });
    expect(sf[7]).toBe(-15);
    expect(bf1[7]).toBeCloseTo(-15.00028, 5);
  });

  it('is strictly decreasing with constant spacing SW/(SF·SI) and spans (SI − 1)/SI of SW/SF', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4096 }),
        fc.double({ min: 1, max: 5e6, noNaN: true }),
        fc.double({ min: 1, max: 1200, noNaN: true }),
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        (size, spectralWidth, referenceFrequency, offset) => {
          const axis = ppmAxis({ size, spectralWidth, referenceFrequency, offset });
          const step = spectralWidth / referenceFrequency / size;
          const tolerance = 1e-9 * (Math.abs(offset) + spectralWidth / referenceFrequency);
          let bad = 0;
          for (let i = 1; i < size; i++) {
            const gap = (axis[i - 1] as number) - (axis[i] as number);
            if (!(gap > 0) || Math.abs(gap - step) > tolerance) bad++;
          }
          const span = (axis[0] as number) - (axis[size - 1] as number);
          const expected = ((size - 1) / size) * (spectralWidth / referenceFrequency);
          return bad === 0 && axis[0] === offset && Math.abs(span - expected) <= tolerance;
        },
      ),
      { numRuns: 100 },
    );
  });

  it('fills and returns an out buffer', () => {
    const out = new Float64Array(4);
    const axis = ppmAxis({ size: 4, spectralWidth: 400, referenceFrequency: 100, offset: 1, out });
    expect(axis).toBe(out);
    expect(out).toEqual(new Float64Array([1, 0, -1, -2]));
  });

  it('rejects bad input', () => {
    const base = { size: 8, spectralWidth: 5000, referenceFrequency: 125 };
    expect(() => ppmAxis(null as never)).toThrow(TypeError);
    expect(() => ppmAxis(base)).toThrow(
      new RangeError(
        'options must give exactly one of offset (ppm of the first point) and center (ppm at the carrier); received neither',
      ),
    );
    expect(() => ppmAxis({ ...base, offset: 1, center: 0 })).toThrow(/received both/);
    expect(() => ppmAxis({ ...base, size: 0, offset: 1 })).toThrow(
      new RangeError('size must be an integer ≥ 1; received 0'),
    );
    expect(() => ppmAxis({ ...base, size: 2.5, offset: 1 })).toThrow(RangeError);
    expect(() => ppmAxis({ ...base, spectralWidth: -1, offset: 1 })).toThrow(
      /spectralWidth must be a finite number > 0 \(Hz\); received -1/,
    );
    expect(() => ppmAxis({ ...base, referenceFrequency: 0, offset: 1 })).toThrow(
      /referenceFrequency must be a finite number > 0 \(MHz\); received 0/,
    );
    expect(() => ppmAxis({ ...base, offset: Number.NaN })).toThrow(/offset must be a finite/);
    expect(() => ppmAxis({ ...base, center: '3' as never })).toThrow(TypeError);
    expect(() => ppmAxis({ ...base, spectralWidth: Number.MIN_VALUE, offset: 0 })).toThrow(
      /finite spacing > 0/,
    );
    expect(() => ppmAxis({ ...base, offset: 1, out: new Float64Array(3) })).toThrow(
      new RangeError('out must have the same length as size (8); received length 3'),
    );
    expect(() => ppmAxis({ ...base, offset: 1, out: [] as never })).toThrow(TypeError);
  });
});
