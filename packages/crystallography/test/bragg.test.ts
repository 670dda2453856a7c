import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  convertTwoTheta,
  convertTwoThetaAxis,
  dFromQ,
  dFromTwoTheta,
  dToTwoThetaAxis,
  energyToWavelength,
  HC_KEV_ANGSTROM,
  qFromD,
  qFromTwoTheta,
  qToTwoThetaAxis,
  twoTheta,
  twoThetaFromQ,
  twoThetaToQAxis,
  wavelengthToEnergy,
} from '../src/bragg.js';
import type { MillerIndices } from '../src/hexagonal-d-spacing.js';
import { dSpacing, dSpacings, hexagonalLattice } from '../src/lattice.js';
import reference from './fixtures/lattice-geometry.json' with { type: 'json' };

const relativeError = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
const CU_KA1 = 1.54059292; // International Tables Vol. C, Table 4.2.2.6

describe('Bragg geometry against pymatgen XRDCalculator (fixtures/lattice-geometry.py)', () => {
  it('uses the same wavelengths as the fixture', () => {
    expect(reference.wavelengths.CuKa1).toBe(CU_KA1);
    // 20 keV through xrayutilities.en2lam (scipy CODATA 2018 constants).
    expect(relativeError(energyToWavelength(20), reference.wavelengths['20keV'])).toBeLessThan(
      2e-16,
    );
  });

  it('reproduces d and 2θ of every listed reflection of the Table 1 cells at Cu Kα1 and 20 keV', () => {
    let count = 0;
    for (const [name, patterns] of Object.entries(reference.patterns)) {
      const { parameters } = reference.cells[name as keyof typeof reference.cells];
      const cell = hexagonalLattice(parameters.a, parameters.c);
      for (const [radiation, peaks] of Object.entries(patterns)) {
        const wavelength = reference.wavelengths[radiation as keyof typeof reference.wavelengths];
        const d = dSpacings(
          cell,
          peaks.map((p) => p.hkl as unknown as MillerIndices),
        );
        const angles = dToTwoThetaAxis(d, wavelength);
        peaks.forEach((peak, i) => {
          expect(relativeError(d[i] as number, peak.d)).toBeLessThan(1e-14);
          // pymatgen: 2θ = 2·asin(λ|g|/2) in degrees; agreement to rounding.
          expect(Math.abs(twoTheta(peak.d, wavelength) - peak.twoTheta)).toBeLessThan(1e-12);
          expect(Math.abs((angles[i] as number) - peak.twoTheta)).toBeLessThan(1e-12);
          expect(relativeError(dFromTwoTheta(peak.twoTheta, wavelength), peak.d)).toBeLessThan(
            1e-13,
          );
          count++;
        });
      }
    }
    expect(count).toBeGreaterThan(120);
  });

  it('places the NMC811 003 peak where Cu Kα1 and 20 keV data put it', () => {
    const nmc811 = hexagonalLattice(2.8727, 14.2127);
    const d003 = dSpacing(nmc811, [0, 0, 3]);
    const atCu = twoTheta(d003, CU_KA1);
    expect(atCu).toBeCloseTo(18.714902219983227, 12); // pymatgen, fixture NMC811/CuKa1 row 0
    expect(convertTwoTheta(atCu, CU_KA1, energyToWavelength(20))).toBeCloseTo(
      twoTheta(d003, energyToWavelength(20)),
      12,
    );
  });
});

describe('energy ↔ wavelength against xrayutilities', () => {
  it('uses hc from the exact SI constants (CODATA 2018)', () => {
    expect(HC_KEV_ANGSTROM).toBe(12.398419843320026);
  });

  it('matches xrayutilities en2lam and lam2en', () => {
    for (const { keV, wavelength } of reference.energy.enToLam) {
      // xrayutilities evaluates h·c/(e·E)·1e10 in another order: up to 2 ulp apart.
      expect(relativeError(energyToWavelength(keV), wavelength)).toBeLessThan(5e-16);
    }
    for (const { wavelength, keV } of reference.energy.lamToEn) {
      expect(relativeError(wavelengthToEnergy(wavelength), keV)).toBeLessThan(5e-16);
    }
    expect(reference.energy.enToLam.length).toBe(6);
  });
});

describe('closed forms and inaccessible reflections', () => {
  it('has the textbook special values', () => {
    const lambda = 1.5;
    expect(twoTheta(lambda / 2, lambda)).toBe(180); // back-scattering: d = λ/2
    expect(twoTheta(lambda / Math.SQRT2, lambda)).toBeCloseTo(90, 12); // sin 45° = λ/2d
    expect(twoTheta(lambda, lambda)).toBeCloseTo(60, 12); // sin 30° = 1/2
    expect(dFromTwoTheta(60, lambda)).toBeCloseTo(lambda, 14);
    expect(qFromTwoTheta(180, lambda)).toBeCloseTo((4 * Math.PI) / lambda, 14);
    expect(qFromTwoTheta(0, lambda)).toBe(0);
    expect(twoThetaFromQ(0, lambda)).toBe(0);
    // asin is ill-conditioned at 1: an ulp of q below 4π/λ moves 2θ by ~2e-6°.
    expect(twoThetaFromQ((4 * Math.PI) / lambda, lambda)).toBeCloseTo(180, 5);
    expect(qFromD(2 * Math.PI)).toBe(1);
    expect(dFromQ(1)).toBe(2 * Math.PI);
    expect(convertTwoTheta(37.5, lambda, lambda)).toBeCloseTo(37.5, 12);
    expect(convertTwoTheta(0, lambda, 2 * lambda)).toBe(0);
  });

  it('returns NaN where the reflection cannot be reached', () => {
    expect(twoTheta(0.7, 1.5406)).toBeNaN(); // λ > 2d
    expect(twoThetaFromQ(10, 1.5406)).toBeNaN(); // q > 4π/λ = 8.157
    expect(convertTwoTheta(120, 0.7093, 1.5406)).toBeNaN(); // sin 60°·2.17 > 1
    expect(Array.from(dToTwoThetaAxis([2, 0.7], 1.5406)).map(Number.isNaN)).toEqual([false, true]);
    expect(Array.from(qToTwoThetaAxis([1, 10], 1.5406)).map(Number.isNaN)).toEqual([false, true]);
    expect(Array.from(convertTwoThetaAxis([30, 120], 0.7093, 1.5406)).map(Number.isNaN)).toEqual([
      false,
      true,
    ]);
  });
});

describe('laws: round trips θ ↔ d ↔ q ↔ E and monotonicity', () => {
  const wavelength = fc.double({ min: 0.1, max: 3, noNaN: true });
  const angle = fc.double({ min: 0.01, max: 179, noNaN: true });

  it('d → 2θ → d, 2θ → q → 2θ, and q from 2θ equals 2π/d', () => {
    fc.assert(
      fc.property(angle, wavelength, (t, lambda) => {
        const d = dFromTwoTheta(t, lambda);
        expect(twoTheta(d, lambda)).toBeCloseTo(t, 9);
        const q = qFromTwoTheta(t, lambda);
        expect(relativeError(q, qFromD(d))).toBeLessThan(1e-14);
        expect(relativeError(dFromQ(q), d)).toBeLessThan(1e-14);
        expect(twoThetaFromQ(q, lambda)).toBeCloseTo(t, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('E → λ → E, and converting 2θ there and back is the identity when reachable', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 200, noNaN: true }),
        angle,
        wavelength,
        (energy, t, lambda) => {
          expect(
            relativeError(wavelengthToEnergy(energyToWavelength(energy)), energy),
          ).toBeLessThan(3e-16);
          const other = energyToWavelength(energy);
          const moved = convertTwoTheta(t, lambda, other);
          if (Number.isNaN(moved)) {
            // Unreachable exactly when λ_new/(2d) > 1.
            expect(other / (2 * dFromTwoTheta(t, lambda))).toBeGreaterThan(1 - 1e-12);
          } else {
            expect(convertTwoTheta(moved, other, lambda)).toBeCloseTo(t, 6);
            expect(twoTheta(dFromTwoTheta(t, lambda), other)).toBeCloseTo(moved, 6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('2θ decreases with d and increases with λ (Bragg’s law)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1.6, max: 20, noNaN: true }), // 2d > 2·1.5406: reachable
        fc.double({ min: 1.0001, max: 2, noNaN: true }),
        (d, factor) => {
          expect(twoTheta(d * factor, 1.5406)).toBeLessThan(twoTheta(d, 1.5406));
          expect(twoTheta(d, 1.5406 * factor)).toBeGreaterThan(twoTheta(d, 1.5406));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the axis converters equal the scalar functions and reuse out', () => {
    const axis = Float64Array.from({ length: 801 }, (_, i) => 10 + i * 0.1);
    const out = new Float64Array(axis.length);
    expect(twoThetaToQAxis(axis, CU_KA1, out)).toBe(out);
    let mismatches = 0;
    for (let i = 0; i < axis.length; i++) {
      if (out[i] !== qFromTwoTheta(axis[i] as number, CU_KA1)) mismatches++;
    }
    const back = qToTwoThetaAxis(out, CU_KA1);
    const moved = convertTwoThetaAxis(axis, CU_KA1, 0.5);
    for (let i = 0; i < axis.length; i++) {
      if (Math.abs((back[i] as number) - (axis[i] as number)) > 1e-11) mismatches++;
      if (moved[i] !== convertTwoTheta(axis[i] as number, CU_KA1, 0.5)) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(Array.from(twoThetaToQAxis([0, 180], 2))).toEqual([0, 2 * Math.PI]);
  });
});

describe('bad input', () => {
  it('scalar functions name the argument, the value and the domain', () => {
    expect(() => twoTheta(-1, 1.54)).toThrow(
      new RangeError('d must be a finite number > 0 (Å); received -1'),
    );
    expect(() => twoTheta(2, 0)).toThrow(
      /wavelength must be a finite number > 0 \(Å\); received 0/,
    );
    expect(() => twoTheta(2, undefined as unknown as number)).toThrow(TypeError);
    expect(() => dFromTwoTheta(0, 1.54)).toThrow(
      /twoTheta must be a finite number > 0 and ≤ 180 \(degrees\); received 0/,
    );
    expect(() => dFromTwoTheta(181, 1.54)).toThrow(RangeError);
    expect(() => dFromTwoTheta(20, Number.NaN)).toThrow(RangeError);
    expect(() => qFromTwoTheta(-1, 1.54)).toThrow(/twoTheta must be a finite number ≥ 0 and ≤ 180/);
    expect(() => qFromTwoTheta(20, -1.54)).toThrow(RangeError);
    expect(() => twoThetaFromQ(-0.1, 1.54)).toThrow(/q must be a finite number ≥ 0 \(Å⁻¹\)/);
    expect(() => twoThetaFromQ(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => qFromD(0)).toThrow(/d must be a finite number > 0/);
    expect(() => dFromQ(0)).toThrow(/q must be a finite number > 0 \(Å⁻¹\); received 0/);
    expect(() => energyToWavelength(-8)).toThrow(
      new RangeError('energy must be a finite number > 0 (keV); received -8'),
    );
    expect(() => energyToWavelength('8' as unknown as number)).toThrow(TypeError);
    expect(() => wavelengthToEnergy(0)).toThrow(/wavelength must be a finite number > 0/);
    expect(() => convertTwoTheta(200, 1.54, 0.7)).toThrow(/twoTheta/);
    expect(() => convertTwoTheta(20, 0, 0.7)).toThrow(/fromWavelength must be a finite number > 0/);
    expect(() => convertTwoTheta(20, 1.54, -0.7)).toThrow(
      /toWavelength must be a finite number > 0/,
    );
  });

  it('axis functions reject bad arrays, elements and buffers', () => {
    expect(() => twoThetaToQAxis('abc' as unknown as number[], 1.54)).toThrow(TypeError);
    expect(() => twoThetaToQAxis([10, 190], 1.54)).toThrow(
      new RangeError('twoThetaAxis[1] must be in [0, 180] (degrees); received 190'),
    );
    expect(() => twoThetaToQAxis([10, Number.NaN], 1.54)).toThrow(/twoThetaAxis\[1\].*NaN/);
    expect(() => twoThetaToQAxis([10, '20'] as unknown as number[], 1.54)).toThrow(TypeError);
    expect(() => twoThetaToQAxis([10], 0)).toThrow(/wavelength/);
    expect(() => twoThetaToQAxis([10, 20], 1.54, new Float64Array(3))).toThrow(
      /out must have the same length as twoThetaAxis \(2\); received length 3/,
    );
    expect(() => twoThetaToQAxis([10], 1.54, [0] as unknown as Float64Array)).toThrow(TypeError);
    expect(() => qToTwoThetaAxis([-1], 1.54)).toThrow(/qAxis\[0\] must be a finite number ≥ 0/);
    expect(() => qToTwoThetaAxis(Float64Array.of(1, Number.POSITIVE_INFINITY), 1.54)).toThrow(
      RangeError,
    );
    expect(() => qToTwoThetaAxis([1], -1)).toThrow(RangeError);
    expect(() => dToTwoThetaAxis([2, 0], 1.54)).toThrow(/dValues\[1\] must be a finite number > 0/);
    expect(() => dToTwoThetaAxis([2], Number.NaN)).toThrow(RangeError);
    expect(() => convertTwoThetaAxis([10, -5], 1.54, 0.7)).toThrow(/twoThetaAxis\[1\]/);
    expect(() => convertTwoThetaAxis([10], 1.54, 0)).toThrow(/toWavelength/);
    expect(() => convertTwoThetaAxis(null as unknown as number[], 1.54, 0.7)).toThrow(TypeError);
  });
});
