import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFft } from '../src/fft.js';
import { gaussLegendre } from '../src/gauss-legendre.js';
import numpy from './fixtures/quadrature-fft.json' with { type: 'json' };

describe('gaussLegendre', () => {
  it('matches numpy.polynomial.legendre.leggauss (fixtures/quadrature-fft.py)', () => {
    for (const { n, nodes, weights } of numpy.leggauss) {
      const rule = gaussLegendre(n);
      let worst = 0;
      for (let i = 0; i < n; i++) {
        worst = Math.max(
          worst,
          Math.abs((rule.nodes[i] as number) - (nodes[i] as number)),
          Math.abs((rule.weights[i] as number) - (weights[i] as number)),
        );
      }
      // numpy polishes its nodes with one Newton step; both sides are within a few ulp of the roots.
      expect(worst).toBeLessThan(5e-15);
    }
  });

  it('integrates polynomials of degree ≤ 2n − 1 exactly on any interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.1, max: 4, noNaN: true }),
        (n, a, width) => {
          const b = a + width;
          const { nodes, weights } = gaussLegendre(n, [a, b]);
          for (let degree = 0; degree <= 2 * n - 1; degree++) {
            let sum = 0;
            for (let i = 0; i < n; i++)
              sum += (weights[i] as number) * (nodes[i] as number) ** degree;
            // closed form ∫ₐᵇ x^d dx = (b^(d+1) − a^(d+1))/(d + 1)
            const exact = (b ** (degree + 1) - a ** (degree + 1)) / (degree + 1);
            const scale = Math.max(Math.abs(a), Math.abs(b)) ** degree * width;
            expect(Math.abs(sum - exact)).toBeLessThanOrEqual(1e-12 * (1 + scale));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('rejects bad input', () => {
    expect(() => gaussLegendre(0)).toThrow(/n must be an integer ≥ 1/);
    expect(() => gaussLegendre(2.5)).toThrow(RangeError);
    expect(() => gaussLegendre(3, [1, 1])).toThrow(/interval\[1\] must be a finite number > 1/);
    expect(() => gaussLegendre(3, [0] as unknown as [number, number])).toThrow(TypeError);
  });
});

describe('createFft', () => {
  it('matches numpy.fft.fft (fixtures/quadrature-fft.py)', () => {
    for (const c of numpy.fft) {
      const re = Float64Array.from(c.re);
      const im = Float64Array.from(c.im);
      createFft(c.size)(re, im);
      let worst = 0;
      for (let k = 0; k < c.size; k++) {
        worst = Math.max(
          worst,
          Math.abs((re[k] as number) - (c.fftRe[k] as number)),
          Math.abs((im[k] as number) - (c.fftIm[k] as number)),
        );
      }
      expect(worst).toBeLessThan(1e-12 * Math.max(1, c.size));
    }
  });

  it('obeys Parseval: Σ|X|² = N·Σ|x|²', () => {
    const fft = createFft(256);
    const re = Float64Array.from({ length: 256 }, (_, i) => Math.sin(i * 0.37) + (i % 7) / 3);
    const im = Float64Array.from({ length: 256 }, (_, i) => Math.cos(i * 1.1));
    let before = 0;
    for (let i = 0; i < 256; i++) before += (re[i] as number) ** 2 + (im[i] as number) ** 2;
    fft(re, im);
    let after = 0;
    for (let i = 0; i < 256; i++) after += (re[i] as number) ** 2 + (im[i] as number) ** 2;
    expect(after / (256 * before)).toBeCloseTo(1, 12);
  });

  it('rejects bad input', () => {
    expect(() => createFft(12)).toThrow(new RangeError('size must be a power of two; received 12'));
    expect(() => createFft(0)).toThrow(RangeError);
    expect(() => createFft(8)(new Float64Array(4), new Float64Array(8))).toThrow(/re must be/);
  });
});
