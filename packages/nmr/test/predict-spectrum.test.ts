import { trapezoid } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictSpectrum } from '../src/predict-spectrum.js';
import { simulateSpectrum } from '../src/simulate-spectrum.js';

const LI7 = 116.591;

function axisFrom(from: number, to: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

function maxDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

describe('predictSpectrum', () => {
  it('draws one line per environment with area = probability × area', () => {
    const axis = axisFrom(2000, -2000, 4001);
    const distribution = {
      environments: [
        { shift: 740, probability: 0.5 },
        { shift: 520, probability: 0.3 },
        { shift: -15, probability: 0.2 },
      ],
    };
    const sidebands = { spinningRate: 60_000, orders: 2, intensities: [0.05, 0.2, 1, 0.15, 0.04] };
    const predicted = predictSpectrum(distribution, {
      axis,
      fwhm: 70,
      shape: 'pseudo-voigt',
      eta: 0.7,
      area: 3,
      sidebands,
      referenceFrequency: LI7,
    });
    const direct = simulateSpectrum({
      axis,
      lines: distribution.environments.map((e) => ({
        shift: e.shift,
        fwhm: 70,
        area: 3 * e.probability,
        shape: 'pseudo-voigt' as const,
        eta: 0.7,
      })),
      sidebands,
      referenceFrequency: LI7,
    });
    expect(maxDifference(predicted, direct)).toBeLessThan(1e-16);
  });

  it('integrates to area × Σ probability (Gaussian lines on a wide axis)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            shift: fc.double({ min: -500, max: 500, noNaN: true }),
            probability: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (environments, area) => {
          const axis = axisFrom(-1500, 1500, 6001);
          const y = predictSpectrum({ environments }, { axis, fwhm: 20, shape: 'gaussian', area });
          const expected = area * environments.reduce((s, e) => s + e.probability, 0);
          expect(Math.abs(trapezoid(y, axis) - expected)).toBeLessThan(
            1e-12 * Math.max(1, expected),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('merges environments with equal shifts without changing the spectrum', () => {
    // As in a pathway model where many arrangements give the same summed shift.
    const environments = [
      { shift: 100, probability: 0.1 },
      { shift: 250, probability: 0.2 },
      { shift: 100, probability: 0.15 },
      { shift: -0, probability: 0.05 },
      { shift: 0, probability: 0.25 },
      { shift: 250, probability: 0 },
    ];
    const axis = axisFrom(600, -400, 1001);
    const merged = predictSpectrum({ environments }, { axis, fwhm: 12 });
    const oneByOne = new Float64Array(axis.length);
    for (const e of environments) {
      const part = simulateSpectrum({
        axis,
        lines: [{ shift: e.shift, fwhm: 12, area: e.probability, shape: 'lorentzian' }],
      });
      for (let i = 0; i < axis.length; i++)
        oneByOne[i] = (oneByOne[i] as number) + (part[i] as number);
    }
    expect(maxDifference(merged, oneByOne)).toBeLessThan(1e-16);
  });

  it('accepts an environmentDistribution-like result and writes into out', () => {
    const distribution = {
      environments: [{ counts: {}, shift: 10, probability: 1 }],
      meanShift: 10,
      omittedProbability: 0,
      species: ['Ni3+'],
    };
    const axis = [20, 10, 0];
    const out = new Float64Array(3);
    expect(predictSpectrum(distribution, { axis, fwhm: 2, out })).toBe(out);
    // Lorentzian by default: peak 2/(π·2) = 1/π.
    expect(Math.abs((out[1] as number) - 1 / Math.PI)).toBeLessThan(1e-16);
    expect(Array.from(predictSpectrum({ environments: [] }, { axis, fwhm: 2 }))).toEqual([0, 0, 0]);
  });

  it('rejects bad input, naming the argument', () => {
    const axis = [1, 0, -1];
    const distribution = { environments: [{ shift: 0, probability: 1 }] };
    expect(() => predictSpectrum(null as never, { axis, fwhm: 1 })).toThrow(
      /distribution must be an object \{ environments/,
    );
    expect(() => predictSpectrum({ environments: 3 } as never, { axis, fwhm: 1 })).toThrow(
      TypeError,
    );
    expect(() => predictSpectrum(distribution, null as never)).toThrow(/options must be an object/);
    expect(() => predictSpectrum({ environments: [5 as never] }, { axis, fwhm: 1 })).toThrow(
      /distribution.environments\[0\] must be an object/,
    );
    expect(() =>
      predictSpectrum({ environments: [{ shift: Number.NaN, probability: 1 }] }, { axis, fwhm: 1 }),
    ).toThrow(/distribution.environments\[0\]\.shift must be a finite number \(ppm\)/);
    expect(() =>
      predictSpectrum({ environments: [{ shift: 0, probability: -0.1 }] }, { axis, fwhm: 1 }),
    ).toThrow(
      /distribution.environments\[0\]\.probability must be a finite number ≥ 0; received -0.1/,
    );
    expect(() => predictSpectrum(distribution, { axis, fwhm: 0 })).toThrow(
      /fwhm must be a finite number > 0 \(ppm\); received 0/,
    );
    expect(() => predictSpectrum(distribution, { axis, fwhm: 1, area: Number.NaN })).toThrow(
      /area must be a finite number; received NaN/,
    );
    expect(() => predictSpectrum(distribution, { axis, fwhm: 1, shape: 'voigt' as never })).toThrow(
      /shape must be 'lorentzian', 'gaussian' or 'pseudo-voigt'/,
    );
    expect(() => predictSpectrum(distribution, { axis, fwhm: 1, shape: 'pseudo-voigt' })).toThrow(
      /eta must be a finite number ≥ 0 and ≤ 1; received undefined/,
    );
    expect(() =>
      predictSpectrum(distribution, {
        axis,
        fwhm: 1,
        sidebands: { spinningRate: 60_000, orders: 1, intensities: [1, 1, 1] },
      }),
    ).toThrow(/referenceFrequency \(MHz\) is required with sidebands/);
    expect(() => predictSpectrum(distribution, { axis: [], fwhm: 1 })).toThrow(/axis must have/);
  });
});
