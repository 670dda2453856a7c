import { describe, expect, it } from 'vitest';
import { WAVELENGTHS } from '../src/wavelengths.js';
import reference from './fixtures/lattice-geometry.json' with { type: 'json' };

const relativeError = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
const anodes = Object.entries(WAVELENGTHS);

describe('WAVELENGTHS', () => {
  it('holds the International Tables values as transcribed (ITC Vol. C, Tables 4.2.2.1 and 4.2.2.6)', () => {
    // Transcribed a second time, by hand, from the tables (Ag: Deslattes et al. 2003).
    expect(WAVELENGTHS.Cu.kAlpha1).toBe(1.54059292);
    expect(WAVELENGTHS.Cu.kAlpha2).toBe(1.5444274);
    expect(WAVELENGTHS.Cu.kBeta1).toBe(1.392234);
    expect([WAVELENGTHS.Mo.kAlpha1, WAVELENGTHS.Mo.kAlpha2]).toEqual([0.70931715, 0.713607]);
    expect([WAVELENGTHS.Co.kAlpha1, WAVELENGTHS.Co.kAlpha2]).toEqual([1.788996, 1.792835]);
    expect([WAVELENGTHS.Ag.kAlpha1, WAVELENGTHS.Ag.kAlpha2]).toEqual([0.55942178, 0.5638131]);
    expect([WAVELENGTHS.Cr.kAlpha1, WAVELENGTHS.Cr.kAlpha2]).toEqual([2.289726, 2.293651]);
    expect([WAVELENGTHS.Fe.kAlpha1, WAVELENGTHS.Fe.kAlpha2]).toEqual([1.936041, 1.939973]);
  });

  it('agrees with xrayutilities’ line energies for Cu Kα1 and Mo Kα1 (fixtures/lattice-geometry.py)', () => {
    // xrayutilities stores energies rounded to 1e-5 eV: 1.54059299 vs 1.54059292 (4.5e-8).
    const lines = reference.energy.xrayutilitiesLines;
    expect(relativeError(WAVELENGTHS.Cu.kAlpha1, lines.CuKa1)).toBeLessThan(1e-7);
    expect(relativeError(WAVELENGTHS.Mo.kAlpha1, lines.MoKa1)).toBeLessThan(1e-7);
    // The documented disagreements: xrayutilities' Cu Kα2 and Kβ are 8.6 ppm off Table 4.2.2.1,
    // its Co lines come from the X-ray data booklet (8 ppm and 34 ppm off Hölzer et al. 1997).
    expect(relativeError(WAVELENGTHS.Cu.kAlpha2, lines.CuKa2)).toBeGreaterThan(8e-6);
    expect(relativeError(WAVELENGTHS.Cu.kAlpha2, lines.CuKa2)).toBeLessThan(9e-6);
    expect(relativeError(WAVELENGTHS.Cu.kBeta1, lines.CuKb)).toBeLessThan(1e-5);
    expect(relativeError(WAVELENGTHS.Co.kAlpha1, lines.CoKa1)).toBeLessThan(1e-5);
    expect(relativeError(WAVELENGTHS.Co.kAlpha2, lines.CoKa2)).toBeLessThan(4e-5);
  });

  it('is within 30 ppm of pymatgen’s older table for every line, which catches transcription slips', () => {
    const pymatgen = reference.energy.pymatgenWavelengths as Record<string, number>;
    let compared = 0;
    for (const [element, lines] of anodes) {
      for (const [line, value] of [
        ['Ka1', lines.kAlpha1],
        ['Ka2', lines.kAlpha2],
        ['Ka', lines.kAlpha],
      ] as const) {
        const theirs = pymatgen[`${element}${line}`] as number;
        expect(relativeError(value, theirs)).toBeLessThan(3e-5);
        compared++;
      }
    }
    expect(compared).toBe(18);
    // …but they are not the same numbers: pymatgen's Cu Kα1 is 1.54056 (21 ppm shorter).
    expect(relativeError(WAVELENGTHS.Cu.kAlpha1, pymatgen.CuKa1 as number)).toBeGreaterThan(2e-5);
  });

  it('defines Kα as (2·Kα1 + Kα2)/3 with the conventional Kα2/Kα1 ratio 0.5', () => {
    for (const [, lines] of anodes) {
      expect(lines.kAlpha2Ratio).toBe(0.5);
      expect(lines.kAlpha).toBeCloseTo((2 * lines.kAlpha1 + lines.kAlpha2) / 3, 15);
      expect(lines.kAlpha2).toBeGreaterThan(lines.kAlpha1);
      expect(lines.kAlpha).toBeGreaterThan(lines.kAlpha1);
      expect(lines.kAlpha).toBeLessThan(lines.kAlpha2);
    }
    expect(WAVELENGTHS.Cu.kAlpha).toBeCloseTo(1.54187108, 15);
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(WAVELENGTHS)).toBe(true);
    for (const [, lines] of anodes) expect(Object.isFrozen(lines)).toBe(true);
    expect(() => {
      (WAVELENGTHS.Cu as { kAlpha1: number }).kAlpha1 = 1.5406;
    }).toThrow(TypeError);
    expect(WAVELENGTHS.Cu.kAlpha1).toBe(1.54059292);
  });
});
