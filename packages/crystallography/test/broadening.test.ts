import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexagonalDSpacing, type MillerIndices } from '../src/hexagonal-d-spacing.js';
import { scherrerSize, subtractInstrumentalWidth } from '../src/scherrer.js';
import { stephensBroadening, stephensCoefficients } from '../src/stephens.js';
import { type WilliamsonHallPeak, williamsonHall } from '../src/williamson-hall.js';
import peers from './fixtures/profiles.json' with { type: 'json' };

const DEG = Math.PI / 180;
const CU_KA1 = 1.5406;

describe('subtractInstrumentalWidth', () => {
  it('subtracts in quadrature or linearly', () => {
    // 3-4-5 triangle: √(0.5² − 0.3²) = 0.4.
    expect(subtractInstrumentalWidth(0.5, 0.3, 'quadratic')).toBeCloseTo(0.4, 15);
    expect(subtractInstrumentalWidth(0.5, 0.3, 'linear')).toBeCloseTo(0.2, 15);
    expect(subtractInstrumentalWidth(0.5, 0.5, 'quadratic')).toBe(0);
    expect(subtractInstrumentalWidth(0.5, 0, 'linear')).toBe(0.5);
  });
});

describe('scherrerSize', () => {
  it('is Kλ/(β cosθ) with β in radians', () => {
    // β = 0.2° = 0.2π/180 rad, θ = 30°: L = 0.9 × 1.5406 / (0.2π/180 × √3/2) = 458.66… Å.
    const expected = (0.9 * CU_KA1) / ((0.2 * Math.PI) / 180 / (2 / Math.sqrt(3)));
    expect(
      scherrerSize({ fwhm: 0.2, twoTheta: 60, wavelength: CU_KA1, shapeFactor: 0.9 }),
    ).toBeCloseTo(expected, 10);
    expect(expected).toBeCloseTo(458.67, 1);
    // K = 1 (GSAS-II) gives 1/0.9 times more.
    expect(
      scherrerSize({ fwhm: 0.2, twoTheta: 60, wavelength: CU_KA1, shapeFactor: 1 }),
    ).toBeCloseTo(expected / 0.9, 10);
  });

  it('removes the instrumental width first', () => {
    const base = { twoTheta: 60, wavelength: CU_KA1, shapeFactor: 0.9 };
    const reference = scherrerSize({ ...base, fwhm: 0.4 });
    expect(
      scherrerSize({ ...base, fwhm: 0.5, instrumentalFwhm: 0.3, subtraction: 'quadratic' }),
    ).toBeCloseTo(reference, 10);
    expect(
      scherrerSize({ ...base, fwhm: 0.6, instrumentalFwhm: 0.2, subtraction: 'linear' }),
    ).toBeCloseTo(reference, 10);
  });

  it('rejects bad input with the argument named', () => {
    const base = { fwhm: 0.2, twoTheta: 60, wavelength: CU_KA1, shapeFactor: 0.9 };
    expect(() => scherrerSize({ ...base, wavelength: -1.54 })).toThrow(
      new RangeError('wavelength must be a finite number > 0 (Å); received -1.54'),
    );
    expect(() => scherrerSize({ ...base, shapeFactor: undefined as never })).toThrow(
      /shapeFactor must be a finite number > 0; received undefined/,
    );
    expect(() => scherrerSize({ ...base, fwhm: 0 })).toThrow(/fwhm must be a finite number > 0/);
    expect(() => scherrerSize({ ...base, twoTheta: 180 })).toThrow(/twoTheta/);
    expect(() => scherrerSize({ ...base, instrumentalFwhm: 0.1 })).toThrow(
      /subtraction must be 'quadratic' \(Gaussian widths\) or 'linear' \(Lorentzian widths\) when instrumentalFwhm is given; received undefined/,
    );
    expect(() =>
      scherrerSize({ ...base, instrumentalFwhm: 0.3, subtraction: 'quadratic' }),
    ).toThrow(/instrumentalFwhm must be ≤ fwhm/);
    expect(() => scherrerSize({ ...base, instrumentalFwhm: 0.2, subtraction: 'linear' })).toThrow(
      /no sample broadening is left/,
    );
    expect(() => scherrerSize(null as never)).toThrow(TypeError);
    expect(() => subtractInstrumentalWidth(0.2, 0.1, 'cubic' as never)).toThrow(TypeError);
    expect(() => subtractInstrumentalWidth(-0.2, 0, 'linear')).toThrow(RangeError);
  });
});

/** Widths (degrees 2θ) of a sample with size L (Å) and strain ε under β cosθ = Kλ/L + 4ε sinθ. */
function syntheticWidths(twoThetas: number[], size: number, strain: number, k: number): number[] {
  return twoThetas.map((twoTheta) => {
    const theta = (twoTheta / 2) * DEG;
    return ((k * CU_KA1) / size + 4 * strain * Math.sin(theta)) / Math.cos(theta) / DEG;
  });
}

describe('williamsonHall', () => {
  const angles = [18.7, 36.7, 38.3, 44.4, 48.6, 58.6, 64.4, 68.0];

  it('recovers size and strain from exact synthetic widths', () => {
    const widths = syntheticWidths(angles, 650, 1.2e-3, 0.9);
    const peaks = angles.map((twoTheta, i) => ({ twoTheta, fwhm: widths[i] as number }));
    const result = williamsonHall(peaks, { wavelength: CU_KA1, shapeFactor: 0.9 });
    expect(result.size).toBeCloseTo(650, 8);
    expect(result.microstrain).toBeCloseTo(1.2e-3, 14);
    expect(result.fit.chiSquare).toBeLessThan(1e-25);
    expect(result.standardErrors.size).toBeLessThan(1e-8);
    expect(result.fit.degreesOfFreedom).toBe(6);
  });

  it('recovers them for any size, strain and set of angles (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 5e-3, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 10, max: 150 }), { minLength: 2, maxLength: 12 }),
        fc.constantFrom(0.9, 0.94, 1),
        (size, strain, twoThetas, k) => {
          const widths = syntheticWidths(twoThetas, size, strain, k);
          const peaks = twoThetas.map((twoTheta, i) => ({ twoTheta, fwhm: widths[i] as number }));
          const result = williamsonHall(peaks, { wavelength: CU_KA1, shapeFactor: k });
          return (
            Math.abs(result.size - size) <= 1e-7 * size &&
            Math.abs(result.microstrain - strain) <= 1e-9 * (strain + (k * CU_KA1) / size)
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('removes instrumental widths before the fit', () => {
    const widths = syntheticWidths(angles, 400, 8e-4, 1);
    const instrument = angles.map((t) => 0.03 + 0.0004 * t);
    const peaks = angles.map((twoTheta, i) => ({
      twoTheta,
      fwhm: Math.hypot(widths[i] as number, instrument[i] as number),
      instrumentalFwhm: instrument[i] as number,
    }));
    const result = williamsonHall(peaks, {
      wavelength: CU_KA1,
      shapeFactor: 1,
      subtraction: 'quadratic',
    });
    expect(result.size).toBeCloseTo(400, 8);
    expect(result.microstrain).toBeCloseTo(8e-4, 13);
  });

  it('matches scipy.stats.linregress and numpy.polyfit (fixtures/profiles.py)', () => {
    const wh = peers.williamsonHall;
    const plain = wh.twoTheta.map((twoTheta, i) => ({ twoTheta, fwhm: wh.fwhm[i] as number }));
    const weighted = plain.map((p, i) => ({ ...p, fwhmError: wh.fwhmError[i] as number }));
    const options = { wavelength: CU_KA1, shapeFactor: 0.9 };
    const check = (
      fit: ReturnType<typeof williamsonHall>['fit'],
      ref: { slope: number; intercept: number; slopeError: number; interceptError: number },
    ) => {
      expect(fit.slope).toBeCloseTo(ref.slope, 15);
      expect(fit.intercept / ref.intercept).toBeCloseTo(1, 12);
      expect(fit.slopeError / ref.slopeError).toBeCloseTo(1, 10);
      expect(fit.interceptError / ref.interceptError).toBeCloseTo(1, 10);
    };
    check(williamsonHall(plain, options).fit, wh.unweighted);
    const w = williamsonHall(weighted, options);
    check(w.fit, wh.weighted);
    expect(w.fit.covariance[1] / wh.weighted.covariance).toBeCloseTo(1, 10);
    check(williamsonHall(weighted, { ...options, absoluteSigma: true }).fit, wh.weightedAbsolute);
    // size = Kλ/intercept and its first-order error.
    expect(w.size).toBeCloseTo((0.9 * CU_KA1) / wh.weighted.intercept, 8);
    expect(w.standardErrors.size).toBeCloseTo(
      (0.9 * CU_KA1 * wh.weighted.interceptError) / wh.weighted.intercept ** 2,
      8,
    );
  });

  it('reports what cannot be estimated as NaN or Infinity', () => {
    // Two peaks: the line is exact, the scaled errors have no degrees of freedom.
    const two = williamsonHall(
      [
        { twoTheta: 20, fwhm: 0.1 },
        { twoTheta: 40, fwhm: 0.12 },
      ],
      { wavelength: CU_KA1, shapeFactor: 0.9 },
    );
    expect(Number.isNaN(two.standardErrors.microstrain)).toBe(true);
    expect(Number.isFinite(two.size)).toBe(true);
    // Widths on the line β cosθ = 0.001·(4 sinθ − 1): negative intercept → size NaN.
    const falling = williamsonHall(
      [60, 100, 140].map((twoTheta) => {
        const theta = (twoTheta / 2) * DEG;
        return { twoTheta, fwhm: (0.001 * (4 * Math.sin(theta) - 1)) / Math.cos(theta) / DEG };
      }),
      { wavelength: CU_KA1, shapeFactor: 0.9 },
    );
    expect(falling.fit.intercept).toBeCloseTo(-0.001, 15);
    expect(Number.isNaN(falling.size)).toBe(true);
    expect(Number.isNaN(falling.standardErrors.size)).toBe(true);
  });

  it('rejects bad input with the argument named', () => {
    const options = { wavelength: CU_KA1, shapeFactor: 0.9 };
    const peaks: WilliamsonHallPeak[] = [
      { twoTheta: 20, fwhm: 0.1 },
      { twoTheta: 40, fwhm: 0.12 },
    ];
    expect(() => williamsonHall([peaks[0] as WilliamsonHallPeak], options)).toThrow(
      new RangeError('peaks must have at least 2 elements; received length 1'),
    );
    expect(() =>
      williamsonHall(
        [
          { twoTheta: 20, fwhm: 0.1 },
          { twoTheta: 20, fwhm: 0.12 },
        ],
        options,
      ),
    ).toThrow(/two or more distinct twoTheta/);
    expect(() => williamsonHall(peaks, { ...options, wavelength: 0 })).toThrow(
      /options.wavelength/,
    );
    expect(() => williamsonHall(peaks, { wavelength: CU_KA1 } as never)).toThrow(
      /options.shapeFactor must be a finite number > 0; received undefined/,
    );
    expect(() =>
      williamsonHall(
        [{ twoTheta: 20, fwhm: 0.1, fwhmError: 0.01 }, peaks[1] as WilliamsonHallPeak],
        options,
      ),
    ).toThrow(/peaks\[1\].fwhmError must be given for every peak or for none/);
    expect(() =>
      williamsonHall(
        [
          { twoTheta: 20, fwhm: 0.1, fwhmError: 0 },
          { twoTheta: 30, fwhm: 0.1, fwhmError: 0.01 },
        ],
        options,
      ),
    ).toThrow(/peaks\[0\].fwhmError must be a finite number > 0/);
    expect(() =>
      williamsonHall([...peaks, { twoTheta: 50, fwhm: 0.1, instrumentalFwhm: 0.05 }], options),
    ).toThrow(/options.subtraction must be 'quadratic'/);
    expect(() => williamsonHall([...peaks, { twoTheta: 190, fwhm: 0.1 }], options)).toThrow(
      /peaks\[2\].twoTheta/,
    );
    expect(() => williamsonHall([...peaks, { twoTheta: 50, fwhm: -0.1 }], options)).toThrow(
      /peaks\[2\].fwhm/,
    );
    expect(() => williamsonHall([...peaks, null as never], options)).toThrow(
      /peaks\[2\] must be an object/,
    );
    expect(() => williamsonHall('peaks' as never, options)).toThrow(TypeError);
    expect(() => williamsonHall(peaks, null as never)).toThrow(TypeError);
    expect(() => williamsonHall(peaks, { ...options, absoluteSigma: 1 as never })).toThrow(
      /options.absoluteSigma must be a boolean/,
    );
  });
});

describe('stephensCoefficients', () => {
  it('has the closed forms of the −3m1 terms', () => {
    expect(stephensCoefficients([1, 0, 4], '-3m1')).toEqual({ S400: 1, S004: 256, S202: 48 });
    // (110): h² + hk + k² = 3 → S400 coefficient 9, no l terms.
    expect(stephensCoefficients([1, 1, 0], '-3m')).toEqual({ S400: 9, S004: 0, S202: 0 });
    // (2 −1 3): 16 + 1 − 16 − 4 + 12 = 9; l⁴ = 81; 3(4·9 + 1·9 − 2·9) = 81.
    expect(stephensCoefficients([2, -1, 3], '6/mmm')).toEqual({ S400: 9, S004: 81, S202: 81 });
  });

  it("equal GSAS-II's MustrainCoeff polynomials written out (fast-check)", () => {
    // GSASIIspc.MustrainCoeff, Laue classes 6/m, 6/mmm, 3m1:
    // h⁴ + k⁴ + 2kh³ + 2hk³ + 3(hk)², l⁴, 3((hl)² + (kl)² + hkl²).
    const index = fc.integer({ min: -9, max: 9 });
    fc.assert(
      fc.property(index, index, index, (h, k, l) => {
        fc.pre(h !== 0 || k !== 0 || l !== 0);
        const c = stephensCoefficients([h, k, l], '6/m');
        return (
          c.S400 === h ** 4 + k ** 4 + 2 * k * h ** 3 + 2 * h * k ** 3 + 3 * (h * k) ** 2 &&
          c.S004 === l ** 4 &&
          c.S202 === 3 * ((h * l) ** 2 + (k * l) ** 2 + h * k * l * l)
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('stephensBroadening', () => {
  const a = 2.872;
  const c = 14.2;

  it('follows FWHM(2θ, rad) = 1e-6·d²·tanθ·√(ΣS·C)', () => {
    const s = { S400: 4e4, S004: 2, S202: 30 };
    // (104): C = (1, 256, 48) → ΣS·C = 40000 + 512 + 1440 = 41952.
    const d = hexagonalDSpacing(a, c, [1, 0, 4]);
    const expected = 1e-6 * d * d * Math.tan(22.2 * DEG) * Math.sqrt(41952);
    expect(stephensBroadening(s, [1, 0, 4], { a, c }, 44.4)).toBeCloseTo(expected / DEG, 15);
    expect(stephensBroadening(s, [1, 0, 4], d, 44.4)).toBe(
      stephensBroadening(s, [1, 0, 4], { a, c }, 44.4),
    );
  });

  it('reduces to isotropic strain 1e-6·μ·tanθ for S400 = 16μ²/(9a⁴), S004 = μ²/c⁴, S202 = 8μ²/(9a²c²) (fast-check)', () => {
    // ΣS·C = μ²·(4(h² + hk + k²)/(3a²) + l²/c²)² = μ²/d⁴, so d² cancels: the d² (not d⁴) law.
    const index = fc.integer({ min: -6, max: 6 });
    fc.assert(
      fc.property(
        index,
        index,
        index,
        fc.double({ min: 10, max: 1e4, noNaN: true }),
        fc.double({ min: 5, max: 170, noNaN: true }),
        (h, k, l, mu, twoTheta) => {
          fc.pre(h !== 0 || k !== 0 || l !== 0);
          const s = {
            S400: (16 * mu * mu) / (9 * a ** 4),
            S004: (mu * mu) / c ** 4,
            S202: (8 * mu * mu) / (9 * a * a * c * c),
          };
          const width = stephensBroadening(s, [h, k, l], { a, c }, twoTheta);
          const isotropic = (1e-6 * mu * Math.tan((twoTheta / 2) * DEG)) / DEG;
          return Math.abs(width - isotropic) <= 1e-12 * isotropic;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is the same for symmetry-equivalent reflections of −3m1 (fast-check)', () => {
    const index = fc.integer({ min: -6, max: 6 });
    const s = { S400: 3.1e4, S004: 5.5, S202: 42 };
    fc.assert(
      fc.property(index, index, index, (h, k, l) => {
        fc.pre(h !== 0 || k !== 0 || l !== 0);
        const width = stephensBroadening(s, [h, k, l], { a, c }, 50);
        const equivalents: MillerIndices[] = [
          [k, -h - k, l], // 3-fold axis along c
          [-h, -k, -l], // inversion
          [k, h, -l], // 2-fold axis along a + b
        ];
        return equivalents.every(
          (hkl) => Math.abs(stephensBroadening(s, hkl, { a, c }, 50) - width) <= 1e-13 * width,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad input with the argument named', () => {
    const s = { S400: 4e4, S004: 2, S202: 30 };
    expect(() => stephensCoefficients([1, 0, 4], 'm-3m' as never)).toThrow(
      new TypeError(
        "laueClass must be one of '-3m1', '-3m', '6/m', '6/mmm' (hexagonal axes); received \"m-3m\"",
      ),
    );
    expect(() => stephensCoefficients([0, 0, 0], '-3m1')).toThrow(/hkl must not be \[0, 0, 0\]/);
    expect(() => stephensCoefficients([1, 0.5, 0], '-3m1')).toThrow(
      /hkl\[1\] \(k\) must be an integer/,
    );
    expect(() => stephensCoefficients([1, 0] as never, '-3m1')).toThrow(TypeError);
    expect(() => stephensBroadening({ ...s, S202: -1e6 }, [1, 0, 4], 2, 44)).toThrow(
      /Σ S·C ≥ 0 for hkl \[1, 0, 4\]/,
    );
    expect(() => stephensBroadening({ ...s, S004: Number.NaN }, [1, 0, 4], 2, 44)).toThrow(
      /parameters.S004/,
    );
    expect(() => stephensBroadening(s, [1, 0, 4], -2, 44)).toThrow(/d must be a finite number > 0/);
    expect(() => stephensBroadening(s, [1, 0, 4], { a, c, gamma: 90 } as never, 44)).toThrow(
      /d.gamma must be 120° for a hexagonal cell/,
    );
    expect(() => stephensBroadening(s, [1, 0, 4], { a } as never, 44)).toThrow(/d.c/);
    expect(() => stephensBroadening(s, [1, 0, 4], 'd' as never, 44)).toThrow(TypeError);
    expect(() => stephensBroadening(s, [1, 0, 4], 2, 0)).toThrow(/twoTheta/);
    expect(() => stephensBroadening(null as never, [1, 0, 4], 2, 44)).toThrow(TypeError);
  });
});
