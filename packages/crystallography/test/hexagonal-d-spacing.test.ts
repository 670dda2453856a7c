import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexagonalDSpacing, type MillerIndices } from '../src/hexagonal-d-spacing.js';
import pymatgen from './fixtures/hexagonal-d-spacing.json' with { type: 'json' };

// NMC811-like cell (Jousseaume et al. 2024, Table 1 order of magnitude): a = 2.872 Å, c = 14.20 Å.
const a = 2.872;
const c = 14.2;

describe('hexagonalDSpacing', () => {
  it('matches the closed forms of special planes', () => {
    // (00l): 1/d² = l²/c² → d = c/l; (003) is the interlayer distance c/3.
    expect(hexagonalDSpacing(a, c, [0, 0, 3])).toBeCloseTo(c / 3, 14);
    // (110): 4·3/(3a²) = 4/a² → d = a/2.
    expect(hexagonalDSpacing(a, c, [1, 1, 0])).toBeCloseTo(a / 2, 14);
    // (100): 4/(3a²) → d = a·√3/2.
    expect(hexagonalDSpacing(a, c, [1, 0, 0])).toBeCloseTo((a * Math.sqrt(3)) / 2, 14);
  });

  it('matches pymatgen for the layered-oxide reflections (fixtures/hexagonal-d-spacing.py)', () => {
    expect(pymatgen.reflections.length).toBeGreaterThan(5);
    for (const { hkl, d } of pymatgen.reflections) {
      expect(
        hexagonalDSpacing(pymatgen.a, pymatgen.c, hkl as unknown as MillerIndices),
      ).toBeCloseTo(d, 12);
    }
  });

  it('obeys the laws of the hexagonal metric', () => {
    const index = fc.integer({ min: -8, max: 8 });
    fc.assert(
      fc.property(index, index, index, fc.integer({ min: 2, max: 5 }), (h, k, l, n) => {
        fc.pre(h !== 0 || k !== 0 || l !== 0);
        const d = hexagonalDSpacing(a, c, [h, k, l]);
        // Friedel pair and the 6-fold axis: (h,k,l), (−h,−k,−l), (k,i,l) and (−h−k... ) are equivalent.
        const equivalents: MillerIndices[] = [
          [-h, -k, -l],
          [k, -h - k, l],
          [-h - k, h, l],
          [k, h, l],
        ];
        for (const hkl of equivalents) expect(hexagonalDSpacing(a, c, hkl)).toBeCloseTo(d, 12);
        // Higher orders: d(nh, nk, nl) = d(h, k, l) / n.
        expect(hexagonalDSpacing(a, c, [n * h, n * k, n * l])).toBeCloseTo(d / n, 12);
        // Scaling the cell scales every spacing.
        expect(hexagonalDSpacing(2 * a, 2 * c, [h, k, l])).toBeCloseTo(2 * d, 12);
      }),
    );
  });

  it('rejects bad input', () => {
    expect(() => hexagonalDSpacing(-2.87, c, [0, 0, 3])).toThrow(
      new RangeError('a must be a finite number > 0 (Å); received -2.87'),
    );
    expect(() => hexagonalDSpacing(a, Number.NaN, [0, 0, 3])).toThrow(
      /c must be a finite number > 0/,
    );
    expect(() => hexagonalDSpacing(a, c, [0, 0, 0])).toThrow(RangeError);
    expect(() => hexagonalDSpacing(a, c, [1, 0.5, 0])).toThrow(/hkl\[1\] \(k\) must be an integer/);
    expect(() => hexagonalDSpacing(a, c, [1, 0] as unknown as MillerIndices)).toThrow(TypeError);
  });
});
