import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGitt, gittDiffusionCoefficient } from '../src/index.js';
import reference from './fixtures/gitt_reference.json' with { type: 'json' };

describe('gittDiffusionCoefficient', () => {
  it('matches the Weppner–Huggins closed forms (fixtures/gitt_reference.py, numpy)', () => {
    // Sphere form 4r²/(9πτ)(ΔEs/ΔEt)², r = 5 µm, τ = 600 s, ΔEs = 5 mV, ΔEt = 20 mV.
    const d = gittDiffusionCoefficient({
      pulseDuration: 600,
      deltaEs: 0.005,
      deltaEt: 0.02,
      radius: 5e-6,
    });
    expect(d).toBeCloseTo(reference.sphere, 28);
    expect(Math.abs(d / reference.sphere - 1)).toBeLessThan(1e-14);
    // The molar-volume/area form for the same sphere (m/M·V_M = 4/3πr³, S = 4πr²) is the same D.
    const { mass, molarMass, molarVolume, area, D } = reference.areaForm;
    const dArea = gittDiffusionCoefficient({
      pulseDuration: 600,
      deltaEs: 0.005,
      deltaEt: 0.02,
      mass,
      molarMass,
      molarVolume,
      area,
    });
    expect(Math.abs(dArea / D - 1)).toBeLessThan(1e-14);
    expect(Math.abs(dArea / d - 1)).toBeLessThan(1e-12);
  });

  it('scales as (ΔEs/ΔEt)², r² and 1/τ, and ignores the common sign', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.1, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-8, max: 1e-4, noNaN: true }),
        (tau, es, et, r) => {
          const base = gittDiffusionCoefficient({
            pulseDuration: tau,
            deltaEs: es,
            deltaEt: et,
            radius: r,
          });
          const twice = gittDiffusionCoefficient({
            pulseDuration: tau,
            deltaEs: 2 * es,
            deltaEt: et,
            radius: 2 * r,
          });
          const longer = gittDiffusionCoefficient({
            pulseDuration: 4 * tau,
            deltaEs: es,
            deltaEt: et,
            radius: r,
          });
          const negative = gittDiffusionCoefficient({
            pulseDuration: tau,
            deltaEs: -es,
            deltaEt: -et,
            radius: r,
          });
          return (
            Math.abs(twice / (16 * base) - 1) < 1e-12 &&
            Math.abs((4 * longer) / base - 1) < 1e-12 &&
            negative === base
          );
        },
      ),
    );
  });

  it('rejects bad input', () => {
    const ok = { pulseDuration: 600, deltaEs: 0.005, deltaEt: 0.02, radius: 5e-6 };
    expect(() => gittDiffusionCoefficient(null as never)).toThrow(TypeError);
    expect(() => gittDiffusionCoefficient({ ...ok, pulseDuration: 0 })).toThrow(
      new RangeError('pulseDuration must be a finite number > 0 (s); received 0'),
    );
    expect(() => gittDiffusionCoefficient({ ...ok, deltaEt: 0 })).toThrow(
      /deltaEt must be a finite number ≠ 0/,
    );
    expect(() => gittDiffusionCoefficient({ ...ok, deltaEs: Number.NaN })).toThrow(RangeError);
    expect(() => gittDiffusionCoefficient({ ...ok, radius: -1 })).toThrow(/input.radius must be/);
    expect(() => gittDiffusionCoefficient({ ...ok, radius: undefined })).toThrow(/geometry/);
    expect(() => gittDiffusionCoefficient({ ...ok, area: 1 })).toThrow(/not both/);
    expect(() =>
      gittDiffusionCoefficient({
        pulseDuration: 1,
        deltaEs: 1,
        deltaEt: 1,
        mass: 1,
        molarMass: 1,
        molarVolume: 1,
      }),
    ).toThrow(/input.area must be/);
  });
});

describe('analyzeGitt', () => {
  const s = reference.synthetic;

  it('recovers the D of a synthetic record built from the semi-infinite solution (fixtures/gitt_reference.py)', () => {
    const result = analyzeGitt(
      { time: s.time, voltage: s.voltage, current: s.current },
      { radius: s.radius },
    );
    expect(result.titrations).toHaveLength(s.titrations.length);
    result.titrations.forEach((t, k) => {
      const want = s.titrations[k]!;
      // The record is exactly linear in √t during each pulse, so the fit recovers ΔEt and D to round-off.
      expect(Math.abs(t.diffusionCoefficient / s.D - 1)).toBeLessThan(1e-8);
      expect(t.deltaEs).toBeCloseTo(want.deltaEs, 12);
      expect(t.deltaEt).toBeCloseTo(want.deltaEt, 10);
      expect(t.relaxedVoltage).toBeCloseTo(want.relaxed, 12);
      expect(t.iRDrop).toBeCloseTo(want.iR, 12);
      expect(t.charge).toBeCloseTo(want.charge, 12);
      expect(t.pulseDuration).toBe(1800);
      expect(t.restDuration).toBe(7200);
      // overpotential = pulse end − relaxed: positive on charge, negative on discharge
      expect(Math.sign(t.overpotential)).toBe(Math.sign(want.charge));
      // short-time validity D τ / L² ≪ 1: 5e-17·1800/(4e-6/3)² ≈ 0.05
      expect(t.validity).toBeCloseTo((s.D * 1800) / (s.radius / 3) ** 2, 6);
    });
    expect(Array.from(result.relaxedVoltage)).toEqual(
      result.titrations.map((t) => t.relaxedVoltage),
    );
    expect(result.cumulativeCharge[4]).toBeCloseTo(2e-4 * 1800, 12); // 3 charges − 2 discharges
  });

  it('returns NaN for D without a geometry, and for a pulse at the very start ΔEs is NaN', () => {
    const result = analyzeGitt({ time: s.time, voltage: s.voltage, current: s.current });
    expect(Number.isNaN(result.titrations[0]!.diffusionCoefficient)).toBe(true);
    expect(result.titrations[0]!.deltaEt).toBeGreaterThan(0);
    const cut = s.time.findIndex((_, i) => s.current[i] !== 0);
    const late = analyzeGitt(
      { time: s.time.slice(cut), voltage: s.voltage.slice(cut), current: s.current.slice(cut) },
      { radius: s.radius },
    );
    expect(Number.isNaN(late.titrations[0]!.deltaEs)).toBe(true);
    expect(Math.abs(late.titrations[1]!.diffusionCoefficient / s.D - 1)).toBeLessThan(1e-8);
  });

  it('ignores a trailing pulse without rest and honours currentThreshold and fitWindow', () => {
    const n = s.time.length;
    const time = [...s.time, s.time[n - 1]! + 30, s.time[n - 1]! + 60];
    const voltage = [...s.voltage, 3.9, 3.91];
    const current = [...s.current, 2e-4, 2e-4];
    expect(analyzeGitt({ time, voltage, current }).titrations).toHaveLength(5);
    // A threshold above the pulse current finds no pulse.
    expect(
      analyzeGitt({ time, voltage, current }, { currentThreshold: 1 }).titrations,
    ).toHaveLength(0);
    const late = analyzeGitt(
      { time: s.time, voltage: s.voltage, current: s.current },
      { radius: s.radius, fitWindow: [0.5, 1] },
    );
    expect(Math.abs(late.titrations[0]!.diffusionCoefficient / s.D - 1)).toBeLessThan(1e-8);
  });

  it('rejects bad input', () => {
    const ok = { time: [0, 1, 2], voltage: [3, 3, 3], current: [0, 1, 0] };
    expect(() => analyzeGitt(null as never)).toThrow(TypeError);
    expect(() => analyzeGitt({ ...ok, time: [0] })).toThrow(/data.time must have at least 2/);
    expect(() => analyzeGitt({ ...ok, voltage: [3, 3] })).toThrow(
      /data.voltage must have the same length/,
    );
    expect(() => analyzeGitt({ ...ok, time: [0, 2, 1] })).toThrow(/strictly increasing/);
    expect(() => analyzeGitt({ ...ok, current: [0, Number.NaN, 0] })).toThrow(RangeError);
    expect(() => analyzeGitt(ok, { currentThreshold: -1 })).toThrow(/options.currentThreshold/);
    expect(() => analyzeGitt(ok, { fitWindow: [0.5, 0.2] })).toThrow(/options.fitWindow\[1\]/);
    expect(() => analyzeGitt(ok, { fitWindow: 1 as never })).toThrow(TypeError);
    expect(() => analyzeGitt(ok, { radius: 0 })).toThrow(/options.radius/);
  });
});
