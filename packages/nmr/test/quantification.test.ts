import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIntensity, relativeContent } from '../src/quantification.js';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
// zero or a normal (non-subnormal) value: subnormals lose precision in any product
const orZero = (min: number, max: number) =>
  fc.oneof(fc.constant(0), fc.double({ min, max, noNaN: true }));
const close = (a: number, b: number, rel = 1e-12): boolean =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

describe('normalizeIntensity', () => {
  it('matches the closed form and first-order propagation worked by hand', () => {
    // value = 1.2e6 / (2.0e-4 mol × 2048 scans × 1) = 1.2e6 / 0.4096 = 2 929 687.5
    // relative σ = √((0.03/1.2)² + (0.04/2.0)²) = √(0.000625 + 0.0004) = √0.001025 = 0.0320156
    // σ = 2 929 687.5 × 0.0320156 = 93 795.77
    const result = normalizeIntensity({
      integral: 1.2e6,
      moles: 2.0e-4,
      scans: 2048,
      integralUncertainty: 0.03e6,
      molesUncertainty: 0.04e-4,
    });
    expect(result.value).toBeCloseTo(2_929_687.5, 6);
    expect(result.uncertainty).toBeCloseTo(93_795.77, 1);
    // receiver gain 64 divides both: 45 776.367 ± 1465.56
    const gained = normalizeIntensity({
      integral: 1.2e6,
      moles: 2.0e-4,
      scans: 2048,
      receiverGain: 64,
      integralUncertainty: 0.03e6,
      molesUncertainty: 0.04e-4,
    });
    expect(gained.value).toBeCloseTo(45_776.3671875, 6);
    expect(gained.uncertainty).toBeCloseTo(1465.559, 2);
    // no uncertainties given → exact
    expect(normalizeIntensity({ integral: 10, moles: 0.5, scans: 4 })).toEqual({
      value: 5,
      uncertainty: 0,
    });
  });

  it('stays defined for a zero integral (σ = σ_I / (n·N_s·RG))', () => {
    expect(
      normalizeIntensity({ integral: 0, moles: 1e-4, scans: 100, integralUncertainty: 2 }),
    ).toEqual({ value: 0, uncertainty: 2 / (1e-4 * 100) });
  });

  it('agrees with the linearized propagation from numerical partial derivatives', () => {
    fc.assert(
      fc.property(
        positive(1, 1e8),
        positive(1e-6, 1e-2),
        fc.integer({ min: 1, max: 65_536 }),
        positive(0.5, 2048),
        orZero(1e-9, 0.2),
        orZero(1e-9, 0.2),
        (integral, moles, scans, receiverGain, relI, relN) => {
          const integralUncertainty = relI * integral;
          const molesUncertainty = relN * moles;
          const f = (i: number, n: number): number =>
            normalizeIntensity({ integral: i, moles: n, scans, receiverGain }).value;
          // central differences: ∂v/∂I and ∂v/∂n
          const hI = integral * 1e-6;
          const hN = moles * 1e-6;
          const dI = (f(integral + hI, moles) - f(integral - hI, moles)) / (2 * hI);
          const dN = (f(integral, moles + hN) - f(integral, moles - hN)) / (2 * hN);
          const expected = Math.sqrt(
            (dI * integralUncertainty) ** 2 + (dN * molesUncertainty) ** 2,
          );
          const { uncertainty } = normalizeIntensity({
            integral,
            moles,
            scans,
            receiverGain,
            integralUncertainty,
            molesUncertainty,
          });
          return Math.abs(uncertainty - expected) <= 1e-6 * expected + Number.MIN_VALUE;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is linear: twice the scans or the gain halves value and uncertainty', () => {
    fc.assert(
      fc.property(
        orZero(1e-6, 1e8),
        positive(1e-6, 1e-2),
        fc.integer({ min: 1, max: 30_000 }),
        positive(0.5, 1000),
        orZero(1e-6, 1e6),
        orZero(1e-12, 1e-3),
        (integral, moles, scans, receiverGain, integralUncertainty, molesUncertainty) => {
          const base = {
            integral,
            moles,
            scans,
            receiverGain,
            integralUncertainty,
            molesUncertainty,
          };
          const a = normalizeIntensity(base);
          const b = normalizeIntensity({ ...base, scans: 2 * scans });
          const c = normalizeIntensity({ ...base, receiverGain: 2 * receiverGain });
          return (
            close(b.value * 2, a.value) &&
            close(b.uncertainty * 2, a.uncertainty) &&
            close(c.value * 2, a.value) &&
            close(c.uncertainty * 2, a.uncertainty)
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    const good = { integral: 1e6, moles: 1e-4, scans: 1024 };
    expect(() => normalizeIntensity(null as never)).toThrow(TypeError);
    expect(() => normalizeIntensity({ ...good, integral: -1 })).toThrow(
      new RangeError('integral must be a finite number ≥ 0; received -1'),
    );
    expect(() => normalizeIntensity({ ...good, integral: Number.NaN })).toThrow(RangeError);
    expect(() => normalizeIntensity({ ...good, moles: 0 })).toThrow(
      new RangeError('moles must be a finite number > 0 (mol); received 0'),
    );
    expect(() => normalizeIntensity({ ...good, scans: 0 })).toThrow(RangeError);
    expect(() => normalizeIntensity({ ...good, scans: 16.5 })).toThrow(
      /scans must be an integer ≥ 1; received 16.5/,
    );
    expect(() => normalizeIntensity({ ...good, receiverGain: 0 })).toThrow(RangeError);
    expect(() => normalizeIntensity({ ...good, receiverGain: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
    expect(() => normalizeIntensity({ ...good, integralUncertainty: -1 })).toThrow(RangeError);
    expect(() => normalizeIntensity({ ...good, molesUncertainty: Number.NaN })).toThrow(RangeError);
    expect(() => normalizeIntensity({ ...good, moles: '1e-4' as never })).toThrow(TypeError);
  });
});

describe('relativeContent', () => {
  it('matches the closed form worked by hand', () => {
    // 1860 / 3000 = 0.62 (62 % of the pristine Li);
    // relative σ = √((60/1860)² + (90/3000)²) = √(0.00104058 + 0.0009) = 0.0440520;
    // σ = 0.62 × 0.0440520 = 0.0273123
    const result = relativeContent(
      { value: 1860, uncertainty: 60 },
      { value: 3000, uncertainty: 90 },
    );
    expect(result.value).toBeCloseTo(0.62, 12);
    expect(result.uncertainty).toBeCloseTo(0.0273123, 6);
    expect(relativeContent({ value: 0, uncertainty: 5 }, { value: 10, uncertainty: 1 })).toEqual({
      value: 0,
      uncertainty: 0.5,
    });
  });

  it('gives the Li fraction from two normalized spectra (moles and scans cancel correctly)', () => {
    // pristine: 2.0e-4 mol, 1024 scans, integral 8.0e5 → 3.90625e6 per mol per scan
    // cycled:  1.5e-4 mol, 4096 scans, integral 1.488e6 → 2.421875e6 → 0.62 of pristine
    const pristine = normalizeIntensity({ integral: 8.0e5, moles: 2.0e-4, scans: 1024 });
    const cycled = normalizeIntensity({ integral: 1.488e6, moles: 1.5e-4, scans: 4096 });
    expect(relativeContent(cycled, pristine).value).toBeCloseTo(0.62, 12);
  });

  it('is a ratio: S/S = 1, inverse swaps, relative uncertainties add in quadrature', () => {
    fc.assert(
      fc.property(
        positive(1e-3, 1e9),
        positive(1e-3, 1e9),
        orZero(1e-9, 0.3),
        orZero(1e-9, 0.3),
        (s, r, relS, relR) => {
          const sample = { value: s, uncertainty: relS * s };
          const reference = { value: r, uncertainty: relR * r };
          const forward = relativeContent(sample, reference);
          const backward = relativeContent(reference, sample);
          const self = relativeContent(sample, { value: s, uncertainty: 0 });
          return (
            close(forward.value * backward.value, 1, 1e-12) &&
            close(forward.uncertainty / forward.value, Math.hypot(relS, relR), 1e-12) &&
            close(backward.uncertainty / backward.value, Math.hypot(relS, relR), 1e-12) &&
            self.value === 1 &&
            close(self.uncertainty, relS, 1e-12)
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    const ok = { value: 1, uncertainty: 0.1 };
    expect(() => relativeContent(ok, { value: 0, uncertainty: 0 })).toThrow(
      new RangeError('reference.value must be a finite number > 0; received 0'),
    );
    expect(() => relativeContent({ value: -0.1, uncertainty: 0 }, ok)).toThrow(
      new RangeError('sample.value must be a finite number ≥ 0; received -0.1'),
    );
    expect(() => relativeContent({ value: 1, uncertainty: -0.1 }, ok)).toThrow(
      /sample.uncertainty must be a finite number ≥ 0; received -0.1/,
    );
    expect(() => relativeContent(ok, { value: Number.NaN, uncertainty: 0 })).toThrow(RangeError);
    expect(() => relativeContent(ok, { value: 1, uncertainty: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
    expect(() => relativeContent(null as never, ok)).toThrow(
      /sample must be an object \{ value, uncertainty \}; received null/,
    );
    expect(() => relativeContent(ok, 3 as never)).toThrow(TypeError);
    expect(() => relativeContent({ value: '1', uncertainty: 0 } as never, ok)).toThrow(TypeError);
  });
});
