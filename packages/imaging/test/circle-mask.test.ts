import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleMask } from '../src/index.js';

const count = (mask: Uint8Array) => mask.reduce((sum, v) => sum + v, 0);

describe('circleMask', () => {
  it('selects the pixels whose centres lie strictly inside the circle', () => {
    // radius 1: the 4 neighbours sit at distance exactly 1, outside a strict disk → centre only.
    expect(count(circleMask({ width: 5, height: 5, centerX: 2, centerY: 2, radius: 1 }))).toBe(1);
    // radius 1.5: the diagonals at √2 ≈ 1.414 are inside → 3 × 3 = 9.
    const nine = circleMask({ width: 5, height: 5, centerX: 2, centerY: 2, radius: 1.5 });
    expect(count(nine)).toBe(9);
    expect(Array.from(nine.slice(5, 10))).toEqual([0, 1, 1, 1, 0]); // row 1
    // radius 2.5 on integer centre: Gauss circle count for x² + y² < 6.25 is 21.
    expect(count(circleMask({ width: 9, height: 9, centerX: 4, centerY: 4, radius: 2.5 }))).toBe(
      21,
    );
  });

  it('clips at the border: a disk centred on a corner keeps its quarter', () => {
    // x, y ≥ 0 with x² + y² < 6.25: (0..2, 0..2) minus (2,2) → 8 pixels.
    expect(count(circleMask({ width: 10, height: 10, centerX: 0, centerY: 0, radius: 2.5 }))).toBe(
      8,
    );
    expect(count(circleMask({ width: 4, height: 4, centerX: -10, centerY: -10, radius: 3 }))).toBe(
      0,
    );
  });

  it('has area πr² within the Gauss-circle error bound and is symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: 2, max: 30, noNaN: true }), (radius) => {
        const size = 2 * Math.ceil(radius) + 3;
        const centre = (size - 1) / 2;
        const mask = circleMask({
          width: size,
          height: size,
          centerX: centre,
          centerY: centre,
          radius,
        });
        // |N(r) − πr²| ≤ 2√2·π·r + 2π (a safe form of the classical lattice-point bound)
        expect(Math.abs(count(mask) - Math.PI * radius * radius)).toBeLessThanOrEqual(
          2 * Math.SQRT2 * Math.PI * radius + 2 * Math.PI,
        );
        // Centred disk: symmetric under transposition and under a left-right mirror.
        let asymmetric = 0;
        for (let y = 0; y < size; y++) {
          for (let x = 0; x < size; x++) {
            const v = mask[y * size + x];
            if (v !== mask[x * size + y] || v !== mask[y * size + (size - 1 - x)]) asymmetric++;
          }
        }
        expect(asymmetric).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects bad input', () => {
    expect(() => circleMask({ width: 0, height: 5, centerX: 1, centerY: 1, radius: 1 })).toThrow(
      new RangeError('width must be an integer ≥ 1 (px); received 0'),
    );
    expect(() =>
      circleMask({ width: 5, height: 5, centerX: Number.NaN, centerY: 1, radius: 1 }),
    ).toThrow(/centerX/);
    expect(() => circleMask({ width: 5, height: 5, centerX: 1, centerY: 1, radius: -1 })).toThrow(
      /radius/,
    );
    expect(() => circleMask({ width: 5.5, height: 5, centerX: 1, centerY: 1, radius: 1 })).toThrow(
      RangeError,
    );
  });
});
