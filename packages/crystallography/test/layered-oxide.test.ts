import { brent } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cubicLattice, dSpacing, hexagonalLattice, type Lattice, lattice } from '../src/lattice.js';
import { dIL, dTM, oxygenZFromTmOxygenDistance, tmOxygenDistance } from '../src/layered-oxide.js';
import reference from './fixtures/lattice-geometry.json' with { type: 'json' };

// Jousseaume et al., Energy Environ. Sci. 2024, Table 1 (pristine R-3m cells, Å), transcribed
// here a second time from the paper so that the fixture's copy is checked too.
const TABLE1 = {
  NMC622: { a: 2.8703, c: 14.2255, dTMO: 1.9732 },
  NMC811: { a: 2.8727, c: 14.2127, dTMO: 1.9708 },
  LNO: { a: 2.8747, c: 14.1775, dTMO: 1.9719 },
} as const;

describe('dTM and dIL (Jousseaume et al. 2024: d_TM = a, d_IL = c/3)', () => {
  it('read a and c/3 off the Table 1 cells, and d_IL is the 003 spacing', () => {
    for (const { a, c } of Object.values(TABLE1)) {
      const cell = hexagonalLattice(a, c);
      expect(dTM(cell)).toBe(a);
      expect(dIL(cell)).toBe(c / 3);
      expect(dIL(cell)).toBeCloseTo(dSpacing(cell, [0, 0, 3]), 14);
      // d_TM is the in-plane TM–TM distance: twice the 110 spacing.
      expect(dTM(cell)).toBeCloseTo(2 * dSpacing(cell, [1, 1, 0]), 14);
      expect(dTM({ a, b: a, c, alpha: 90, beta: 90, gamma: 120 })).toBe(a);
    }
  });
});

describe('tmOxygenDistance (TM at 3a, O at 6c (0, 0, z), R-3m hexagonal axes)', () => {
  it('equals the nearest TM–O distance of pymatgen’s neighbour search (fixtures/lattice-geometry.py)', () => {
    let count = 0;
    for (const [name, row] of Object.entries(reference.tmO)) {
      expect(row.a).toBe(TABLE1[name as keyof typeof TABLE1].a);
      expect(row.c).toBe(TABLE1[name as keyof typeof TABLE1].c);
      const cell = hexagonalLattice(row.a, row.c);
      // z = 0.05 and 0.1 are on the branch where the O straight above the TM is nearest (c·z),
      // 0.24–0.4 on the octahedral branch √(a²/3 + c²(z − 1/3)²).
      for (const { z, d } of row.distances) {
        expect(tmOxygenDistance(cell, z)).toBeCloseTo(d, 13);
        count++;
      }
    }
    expect(count).toBe(21);
  });

  it('gives the Table 1 d_TM–O at the z that pymatgen (scipy brentq) finds, and vice versa', () => {
    for (const [name, row] of Object.entries(reference.tmO)) {
      const { a, c, dTMO } = TABLE1[name as keyof typeof TABLE1];
      expect(row.dTMO).toBe(dTMO);
      const cell = hexagonalLattice(a, c);
      // numerics' brent on our distance, bracketing the layered-oxide branch z < 1/3.
      const z = brent((x) => tmOxygenDistance(cell, x) - dTMO, 0.2, 1 / 3, { tolerance: 1e-15 });
      expect(z).toBeCloseTo(row.zFromTable, 12);
      expect(z).toBeGreaterThan(0.257);
      expect(z).toBeLessThan(0.259);
      expect(oxygenZFromTmOxygenDistance(cell, dTMO)).toBeCloseTo(row.zFromTable, 13);
      expect(tmOxygenDistance(cell, row.zFromTable)).toBeCloseTo(dTMO, 13);
    }
  });

  it('obeys the geometry: z ↔ d round trip, minimum a/√3 at z = 1/3, linear scaling', () => {
    const cell = hexagonalLattice(2.8727, 14.2127);
    expect(tmOxygenDistance(cell, 1 / 3)).toBeCloseTo(2.8727 / Math.sqrt(3), 14);
    // The branches cross where c·z = √(a²/3 + c²(z − 1/3)²).
    const zCross = brent(
      (z) => 14.2127 * z - Math.hypot(2.8727 / Math.sqrt(3), 14.2127 * (z - 1 / 3)),
      0.01,
      1 / 3,
    );
    fc.assert(
      fc.property(
        fc.double({ min: zCross + 1e-9, max: 1 / 3, noNaN: true }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        (z, s) => {
          const d = tmOxygenDistance(cell, z);
          expect(oxygenZFromTmOxygenDistance(cell, d)).toBeCloseTo(z, 11);
          const scaled = hexagonalLattice(2.8727 * s, 14.2127 * s);
          expect(tmOxygenDistance(scaled, z)).toBeCloseTo(s * d, 12);
          // Symmetric about the TM layer midpoint z = 1/3 on the octahedral branch.
          if (2 / 3 - z < 0.5) expect(tmOxygenDistance(cell, 2 / 3 - z)).toBeCloseTo(d, 12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    const cell = hexagonalLattice(2.8727, 14.2127);
    for (const f of [dTM, dIL, (x: Lattice) => tmOxygenDistance(x, 0.25)]) {
      expect(() => f(cubicLattice(4))).toThrow(
        /lattice must be hexagonal in the standard setting .* \(system 'cubic'\)/,
      );
      // Hexagonal metric, but with the unique axis along a: not the layered-oxide setting.
      expect(() => f(lattice({ a: 14, b: 3, c: 3, alpha: 120, beta: 90, gamma: 90 }))).toThrow(
        RangeError,
      );
      expect(() => f(null as unknown as Lattice)).toThrow(TypeError);
    }
    expect(() => tmOxygenDistance(cell, 0)).toThrow(
      new RangeError('oxygenZ must be a finite number > 0 and < 0.5; received 0'),
    );
    expect(() => tmOxygenDistance(cell, 0.5)).toThrow(RangeError);
    expect(() => tmOxygenDistance(cell, Number.NaN)).toThrow(RangeError);
    expect(() => tmOxygenDistance(cell, '0.25' as unknown as number)).toThrow(TypeError);
    expect(() => oxygenZFromTmOxygenDistance(cell, 1.6)).toThrow(
      /distance must be ≥ a\/√3 = 1.658.* Å .* received 1.6/,
    );
    expect(() => oxygenZFromTmOxygenDistance(cell, 3)).toThrow(/has no layered-oxide oxygen z/);
    expect(() => oxygenZFromTmOxygenDistance(cell, -2)).toThrow(
      /distance must be a finite number > 0/,
    );
    expect(() => oxygenZFromTmOxygenDistance(cubicLattice(4), 2)).toThrow(RangeError);
  });
});
