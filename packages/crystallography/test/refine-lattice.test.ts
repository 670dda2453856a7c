import { createRng } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MillerIndices } from '../src/hexagonal-d-spacing.js';
import { type LatticeObservation, refineLattice } from '../src/refine-lattice.js';
import lmfit from './fixtures/fitting.json' with { type: 'json' };

// Cu Kα1 (International Tables, quoted by xrayutilities; /work/shared/REFERENCES.md).
const CU_KA1 = 1.54059292;
// NMC811, Jousseaume et al. 2024, Table 1.
const A = 2.8727;
const C = 14.2127;
const NMC_HKL: MillerIndices[] = [
  [0, 0, 3],
  [1, 0, 1],
  [0, 0, 6],
  [0, 1, 2],
  [1, 0, 4],
  [0, 1, 5],
  [1, 0, 7],
  [0, 1, 8],
  [1, 1, 0],
  [1, 1, 3],
];

/**
 * Bragg's law written out for the test: 2θ = 2·asin(λ/(2d)) in degrees, with 1/d² from the
 * metric of an orthogonal or hexagonal cell (hexagonal: 4(h² + hk + k²)/(3a²) + l²/c²).
 */
function braggTwoTheta(
  hkl: MillerIndices,
  cell: { a: number; b?: number; c: number; hexagonal?: boolean },
  wavelength: number,
): number {
  const [h, k, l] = hkl;
  const b = cell.b ?? cell.a;
  const inverseSquare = cell.hexagonal
    ? (4 * (h * h + h * k + k * k)) / (3 * cell.a * cell.a) + (l * l) / (cell.c * cell.c)
    : (h * h) / (cell.a * cell.a) + (k * k) / (b * b) + (l * l) / (cell.c * cell.c);
  return (2 * Math.asin((wavelength * Math.sqrt(inverseSquare)) / 2) * 180) / Math.PI;
}

const nmc = (shift = 0): LatticeObservation[] =>
  NMC_HKL.map((hkl) => ({
    hkl,
    twoTheta: braggTwoTheta(hkl, { a: A, c: C, hexagonal: true }, CU_KA1) + shift,
  }));

describe('refineLattice', () => {
  it('recovers the NMC811 cell from noise-free positions at Cu Kα1 to 1e-10 Å', () => {
    const fit = refineLattice(nmc(), { wavelength: CU_KA1, system: 'hexagonal' });
    expect(Math.abs(fit.a - A)).toBeLessThan(1e-10);
    expect(Math.abs(fit.c - C)).toBeLessThan(1e-10);
    expect(fit.b).toBe(fit.a);
    expect(fit.gamma).toBe(120);
    expect(fit.zeroShift).toBe(0);
    expect(fit.volume).toBeCloseTo((Math.sqrt(3) / 2) * A * A * C, 9);
    expect(Math.max(...fit.residuals.map(Math.abs))).toBeLessThan(1e-10);
    expect(fit.standardErrors.a).toBeLessThan(1e-12);
    expect(fit.parameterNames).toEqual(['a', 'c']);
  });

  it('recovers a zero shift with the cell', () => {
    const fit = refineLattice(nmc(0.05), {
      wavelength: CU_KA1,
      system: 'hexagonal',
      zeroShift: true,
    });
    expect(Math.abs(fit.a - A)).toBeLessThan(1e-10);
    expect(Math.abs(fit.c - C)).toBeLessThan(1e-10);
    expect(fit.zeroShift).toBeCloseTo(0.05, 10);
    expect(fit.parameterNames).toEqual(['a', 'c', 'zeroShift']);
    // Without the zero shift the same positions give a biased cell and a misfit.
    const biased = refineLattice(nmc(0.05), { wavelength: CU_KA1, system: 'hexagonal' });
    expect(Math.abs(biased.c - C)).toBeGreaterThan(1e-3);
    expect(biased.reducedChiSquare).toBeGreaterThan(1e-6);
  });

  it('matches lmfit on noisy positions, with and without a zero shift (fixtures/fitting.py)', () => {
    const { hkl, twoTheta, sigma, wavelength } = lmfit.lattice;
    const observations = hkl.map((h, i) => ({
      hkl: h as unknown as MillerIndices,
      twoTheta: twoTheta[i] as number,
      sigma,
    }));
    for (const [label, zeroShift] of [
      ['zero_shift', true],
      ['no_zero_shift', false],
    ] as const) {
      const reference = lmfit.lattice[label];
      const fit = refineLattice(observations, { wavelength, system: 'hexagonal', zeroShift });
      expect(fit.a).toBeCloseTo(reference.values.a, 9);
      expect(fit.c).toBeCloseTo(reference.values.c, 8);
      expect(Math.abs(fit.standardErrors.a / reference.stderr.a - 1)).toBeLessThan(1e-4);
      expect(Math.abs(fit.standardErrors.c / reference.stderr.c - 1)).toBeLessThan(1e-4);
      expect(Math.abs(fit.reducedChiSquare / reference.redchi - 1)).toBeLessThan(1e-8);
      if (zeroShift) {
        const ref = lmfit.lattice.zero_shift;
        expect(fit.zeroShift).toBeCloseTo(ref.values.zero, 8);
        expect(Math.abs(fit.standardErrors.zeroShift / ref.stderr.zero - 1)).toBeLessThan(1e-4);
      }
    }
  });

  it('gives esd that match the scatter of repeated refinements (zero shift refined)', () => {
    // 400 synthetic data sets, each position with Gaussian noise of σ = 0.005°: the standard
    // deviation of the refined a, c and Δ over the sets must agree with the mean esd (to the
    // ~5 % sampling error of 400 sets, allowed 15 %).
    const rng = createRng(7);
    const sigma = 0.005;
    const values: number[][] = [[], [], []];
    const esds: number[][] = [[], [], []];
    for (let set = 0; set < 400; set++) {
      const observations = nmc(0.02).map((o) => ({
        ...o,
        twoTheta: o.twoTheta + sigma * rng.normal(),
        sigma,
      }));
      const fit = refineLattice(observations, {
        wavelength: CU_KA1,
        system: 'hexagonal',
        zeroShift: true,
      });
      values[0]?.push(fit.a);
      values[1]?.push(fit.c);
      values[2]?.push(fit.zeroShift);
      esds[0]?.push(fit.standardErrors.a);
      esds[1]?.push(fit.standardErrors.c);
      esds[2]?.push(fit.standardErrors.zeroShift);
    }
    const mean = (v: number[]) => v.reduce((s, t) => s + t, 0) / v.length;
    const sd = (v: number[]) => {
      const m = mean(v);
      return Math.sqrt(v.reduce((s, t) => s + (t - m) ** 2, 0) / (v.length - 1));
    };
    for (let j = 0; j < 3; j++) {
      const ratio = sd(values[j] as number[]) / mean(esds[j] as number[]);
      expect(ratio).toBeGreaterThan(0.85);
      expect(ratio).toBeLessThan(1.15);
    }
    // Unbiased: the mean refined values sit within 4 standard errors of the truth.
    expect(Math.abs(mean(values[0] as number[]) - A)).toBeLessThan(
      (4 * sd(values[0] as number[])) / 20,
    );
    expect(Math.abs(mean(values[1] as number[]) - C)).toBeLessThan(
      (4 * sd(values[1] as number[])) / 20,
    );
  });

  it('recovers cubic, tetragonal and orthorhombic cells exactly', () => {
    // Silicon, a = 5.431020511 Å (CODATA 2018), its first five reflections at Cu Kα1.
    const silicon = (
      [
        [1, 1, 1],
        [2, 2, 0],
        [3, 1, 1],
        [4, 0, 0],
        [3, 3, 1],
      ] as MillerIndices[]
    ).map((hkl) => ({
      hkl,
      twoTheta: braggTwoTheta(hkl, { a: 5.431020511, c: 5.431020511 }, CU_KA1),
    }));
    const si = refineLattice(silicon, { wavelength: CU_KA1, system: 'cubic' });
    expect(Math.abs(si.a - 5.431020511)).toBeLessThan(1e-10);
    expect(si.c).toBe(si.a);
    expect(si.volume).toBeCloseTo(5.431020511 ** 3, 8);

    const index = fc.integer({ min: 0, max: 4 });
    const hkl = fc
      .tuple(index, index, index)
      .filter(([h, k, l]) => h + k + l > 0) as fc.Arbitrary<MillerIndices>;
    let failures = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 3, max: 12, noNaN: true }),
        fc.double({ min: 3, max: 12, noNaN: true }),
        fc.double({ min: 3, max: 12, noNaN: true }),
        fc.array(hkl, { minLength: 6, maxLength: 12 }),
        fc.double({ min: -0.1, max: 0.1, noNaN: true }),
        (a, b, c, indices, shift) => {
          for (const system of ['tetragonal', 'orthorhombic'] as const) {
            const cell = { a, b: system === 'tetragonal' ? a : b, c };
            // Keep reflections below 2θ = 150° with a Mo Kα1-like wavelength.
            const observations = indices
              .map((h) => ({ hkl: h, twoTheta: braggTwoTheta(h, cell, 0.7093) + shift }))
              .filter((o) => o.twoTheta < 150);
            let fit: ReturnType<typeof refineLattice>;
            try {
              fit = refineLattice(observations, { wavelength: 0.7093, system, zeroShift: true });
            } catch (error) {
              // Too few reflections, or ones that do not determine every axis: a RangeError.
              if (!(error instanceof RangeError)) failures++;
              continue;
            }
            const ok =
              Math.abs(fit.a - cell.a) <= 1e-8 * cell.a &&
              Math.abs(fit.b - cell.b) <= 1e-8 * cell.b &&
              Math.abs(fit.c - cell.c) <= 1e-8 * cell.c &&
              Math.abs(fit.zeroShift - shift) <= 1e-8;
            // A singular problem (e.g. every reflection along one axis) may leave the zero shift
            // undetermined: its esd is NaN, never a wrong number.
            if (!ok && !Number.isNaN(fit.standardErrors.zeroShift)) failures++;
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(failures).toBe(0);
  });

  it('rejects bad input', () => {
    const observations = nmc();
    expect(() =>
      refineLattice(observations, { system: 'hexagonal' } as unknown as {
        wavelength: number;
        system: 'hexagonal';
      }),
    ).toThrow(new TypeError('wavelength must be a finite number > 0 (Å); received undefined'));
    expect(() => refineLattice(observations, { wavelength: -1.54, system: 'hexagonal' })).toThrow(
      new RangeError('wavelength must be a finite number > 0 (Å); received -1.54'),
    );
    expect(() =>
      refineLattice(observations, { wavelength: CU_KA1, system: 'monoclinic' as 'cubic' }),
    ).toThrow(TypeError);
    expect(() =>
      refineLattice([{ hkl: [0, 0, 0], twoTheta: 20 }, ...observations], {
        wavelength: CU_KA1,
        system: 'hexagonal',
      }),
    ).toThrow(/observations\[0\]\.hkl must not be \[0, 0, 0\]/);
    expect(() =>
      refineLattice([{ hkl: [1, 0.5, 0], twoTheta: 20 }, ...observations], {
        wavelength: CU_KA1,
        system: 'hexagonal',
      }),
    ).toThrow(/observations\[0\]\.hkl\[1\] \(k\) must be an integer/);
    expect(() =>
      refineLattice([{ hkl: [1, 1, 0], twoTheta: 190 }, ...observations], {
        wavelength: CU_KA1,
        system: 'hexagonal',
      }),
    ).toThrow(/observations\[0\]\.twoTheta must be a finite number > 0 and < 180/);
    expect(() =>
      refineLattice(
        [{ ...(observations[0] as LatticeObservation), sigma: 0.01 }, ...observations],
        {
          wavelength: CU_KA1,
          system: 'hexagonal',
        },
      ),
    ).toThrow(/all give sigma or none/);
    expect(() =>
      refineLattice(observations.slice(0, 1), { wavelength: CU_KA1, system: 'hexagonal' }),
    ).toThrow(/at least 2 reflections to refine a, c; received 1/);
    expect(() =>
      refineLattice(
        [
          { hkl: [0, 0, 3], twoTheta: 18.7 },
          { hkl: [0, 0, 6], twoTheta: 37.9 },
        ],
        { wavelength: CU_KA1, system: 'hexagonal' },
      ),
    ).toThrow(/do not determine a/);
    expect(() =>
      refineLattice(
        [
          { hkl: [1, 1, 0], twoTheta: 30 },
          { hkl: [2, 2, 0], twoTheta: 62 },
          { hkl: [0, 0, 2], twoTheta: 40 },
        ],
        { wavelength: CU_KA1, system: 'orthorhombic' },
      ),
    ).toThrow(/linearly dependent/);
    expect(() => refineLattice('003' as unknown as [], { wavelength: 1, system: 'cubic' })).toThrow(
      TypeError,
    );
  });
});
