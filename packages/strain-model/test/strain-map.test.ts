import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples, heterogeneityStrain, latticeFunction, strainMap } from '../src/index.js';
import reference from './fixtures/strain-landscape.json';

describe('strainMap', () => {
  it('matches eqn (1) on scipy PCHIP and on np.interp lattice functions (fixture strain-landscape.py)', () => {
    for (const [interpolation, expected] of [
      ['pchip', reference.pchip],
      ['linear', reference.linear],
    ] as const) {
      const fa = latticeFunction(reference.cLi, reference.a, { interpolation });
      const fcc = latticeFunction(reference.cLi, reference.c, { interpolation });
      const map = strainMap({ fa, fc: fcc, cLi: reference.grid, deltaCLi: reference.deltas });
      expect(map.rows).toBe(3);
      expect(map.columns).toBe(reference.grid.length);
      for (let j = 0; j < map.rows; j++) {
        for (let i = 0; i < map.columns; i++) {
          const k = j * map.columns + i;
          const ea = expected.epsA[j]?.[i] as number;
          const ec = expected.epsC[j]?.[i] as number;
          // Absolute 1e-15: ε is a difference of Å values over Å, rounded to ~1e-16 whatever its size.
          expect(Math.abs((map.epsA[k] as number) - ea)).toBeLessThanOrEqual(1e-10 * ea + 1e-15);
          expect(Math.abs((map.epsC[k] as number) - ec)).toBeLessThanOrEqual(1e-10 * ec + 1e-15);
          expect(map.anisotropy[k]).toBeCloseTo(ec / ea, 8);
        }
      }
    }
  });

  it('equals heterogeneityStrain element by element, with plain functions too, and is even in Δc_Li', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.double({ min: -0.1, max: 0.1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (cLi, deltas) => {
          const fa = (x: number) => 2.8 + 0.05 * Math.tanh((x - 0.6) / 0.1);
          const fcc = (x: number) => 14.2 + 0.3 * (1 - x) - 0.05 * Math.exp((0.4 - x) / 0.1);
          const map = strainMap({ fa, fc: fcc, cLi, deltaCLi: deltas });
          const mirrored = strainMap({ fa, fc: fcc, cLi, deltaCLi: deltas.map((d) => -d) });
          for (let j = 0; j < deltas.length; j++) {
            for (let i = 0; i < cLi.length; i++) {
              const k = j * cLi.length + i;
              expect(map.epsA[k]).toBe(
                heterogeneityStrain(fa, cLi[i] as number, deltas[j] as number),
              );
              expect(map.epsC[k]).toBe(
                heterogeneityStrain(fcc, cLi[i] as number, deltas[j] as number),
              );
              expect(mirrored.epsC[k]).toBe(map.epsC[k]);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gives exactly slope·Δ/f for linear lattice functions and 0 (anisotropy NaN) at Δ = 0', () => {
    const cLi = Float64Array.from({ length: 11 }, (_, i) => 0.3 + 0.04 * i);
    const fa = latticeFunction([0, 1], [2.8, 2.9], { smoothing: 'none', interpolation: 'linear' });
    const fcc = latticeFunction([0, 1], [14.6, 14.2], {
      smoothing: 'none',
      interpolation: 'linear',
    });
    const map = strainMap({ fa, fc: fcc, cLi, deltaCLi: [0, 0.1] });
    for (let i = 0; i < cLi.length; i++) {
      const x = cLi[i] as number;
      expect(map.epsA[i]).toBe(0);
      expect(map.anisotropy[i]).toBeNaN();
      expect(map.epsA[11 + i]).toBeCloseTo((0.1 * 0.1) / (2.8 + 0.1 * x), 14);
      expect(map.epsC[11 + i]).toBeCloseTo((0.4 * 0.1) / (14.6 - 0.4 * x), 14);
    }
  });

  it('reproduces the paper on the illustrative NMC811 curves: ε^c grows below 0.4, ε^a falls, ε^c/ε^a reaches tens', () => {
    const { cLi, a, c } = examples.nmc811;
    const fa = latticeFunction(cLi, a);
    const fcc = latticeFunction(cLi, c);
    const grid = Float64Array.from({ length: 41 }, (_, i) => 0.23 + 0.005 * i); // 0.23 … 0.43
    const map = strainMap({ fa, fc: fcc, cLi: grid, deltaCLi: 0.05 });
    const at = (x: number) => Math.round((x - 0.23) / 0.005);
    // Below 0.4, walking down in c_Li: ε^c rises, ε^a falls (Jousseaume et al. 2024, Fig. 6C–D).
    for (let i = at(0.25); i < at(0.38); i++) {
      expect(map.epsC[i] as number).toBeGreaterThan(map.epsC[i + 1] as number);
      expect(map.epsA[i] as number).toBeLessThan(map.epsA[i + 1] as number);
    }
    // Above 0.4 the weak strain is dominated by a (ε^c/ε^a < 1 at 0.5–0.7) …
    const high = strainMap({ fa, fc: fcc, cLi: [0.5, 0.6, 0.7], deltaCLi: 0.05 });
    for (const r of high.anisotropy) expect(r).toBeLessThan(1);
    // … and ε^c reaches tens of times ε^a at low c_Li (the paper: about 30).
    const lowest = map.anisotropy[at(0.25)] as number;
    expect(lowest).toBeGreaterThan(15);
    expect(lowest).toBeLessThan(60);
  });

  it('writes into out buffers without allocating new ones', () => {
    const fa = (x: number) => 2.8 + 0.1 * x;
    const fcc = (x: number) => 14.4 - 0.2 * x;
    const out = {
      epsA: new Float64Array(6),
      epsC: new Float64Array(6),
      anisotropy: new Float64Array(6),
    };
    const map = strainMap({ fa, fc: fcc, cLi: [0.3, 0.5, 0.7], deltaCLi: [0.02, 0.04], out });
    expect(map.epsA).toBe(out.epsA);
    expect(map.epsC).toBe(out.epsC);
    expect(map.anisotropy).toBe(out.anisotropy);
  });

  it('returns NaN where the window leaves the lattice functions’ domain', () => {
    const fa = latticeFunction([0.2, 0.6, 1], [2.81, 2.85, 2.87]);
    const fcc = latticeFunction([0.2, 0.6, 1], [14.0, 14.4, 14.2]);
    const map = strainMap({ fa, fc: fcc, cLi: [0.21, 0.5], deltaCLi: 0.1 });
    expect(map.epsA[0]).toBeNaN();
    expect(map.epsA[1]).toBeGreaterThan(0);
  });

  it('rejects bad input', () => {
    const f = (x: number) => 1 + x;
    expect(() => strainMap(null as unknown as Parameters<typeof strainMap>[0])).toThrow(TypeError);
    expect(() =>
      strainMap({ fa: 1 as unknown as typeof f, fc: f, cLi: [0.5], deltaCLi: 0.1 }),
    ).toThrow(/fa must be a function/);
    expect(() => strainMap({ fa: f, fc: f, cLi: [], deltaCLi: 0.1 })).toThrow(
      /cLi must have at least 1/,
    );
    expect(() => strainMap({ fa: f, fc: f, cLi: [1.5], deltaCLi: 0.1 })).toThrow(
      /cLi\[0\] must be a lithium content/,
    );
    expect(() => strainMap({ fa: f, fc: f, cLi: [0.5], deltaCLi: [0.1, 2] })).toThrow(
      /deltaCLi\[1\] must be in/,
    );
    expect(() => strainMap({ fa: f, fc: f, cLi: [0.5], deltaCLi: Number.NaN })).toThrow(
      /deltaCLi must be/,
    );
    expect(() => strainMap({ fa: () => 0, fc: f, cLi: [0.5], deltaCLi: 0.1 })).toThrow(
      /fa\(cLi\) must be non-zero/,
    );
    expect(() =>
      strainMap({ fa: f, fc: f, cLi: [0.5], deltaCLi: 0.1, out: { epsA: new Float64Array(2) } }),
    ).toThrow(/out must have the same length/);
  });
});
