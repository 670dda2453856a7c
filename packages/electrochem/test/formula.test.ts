import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATOMIC_WEIGHTS, molarMass, parseFormula } from '../src/index.js';
import pymatgen from './fixtures/formula-pymatgen.json' with { type: 'json' };

describe('parseFormula', () => {
  it('reads decimal and a/b subscripts, nested groups and spaces', () => {
    expect([...parseFormula('LiNi0.8Mn0.1Co0.1O2')]).toEqual([
      ['Li', 1],
      ['Ni', 0.8],
      ['Mn', 0.1],
      ['Co', 0.1],
      ['O', 2],
    ]);
    const nmc111 = parseFormula('Li(Ni1/3Mn1/3Co1/3)O2');
    expect(nmc111.get('Mn')).toBe(1 / 3);
    expect([...parseFormula('Li [Ni.5 Mn0.5] O2')]).toEqual([
      ['Li', 1],
      ['Ni', 0.5],
      ['Mn', 0.5],
      ['O', 2],
    ]);
    // Ca3[Co(CO3)3]2: C 6, O 18, Co 2.
    expect(Object.fromEntries(parseFormula('Ca3[Co(CO3)3]2'))).toEqual({
      Ca: 3,
      Co: 2,
      C: 6,
      O: 18,
    });
    expect(parseFormula('  ').size).toBe(0);
  });

  it('rejects malformed formulas with the position', () => {
    expect(() => parseFormula('Li(NiO2')).toThrow(/unclosed '\(' at position 2/);
    expect(() => parseFormula('LiNi]O2')).toThrow(/unmatched '\]' at position 4/);
    expect(() => parseFormula('Li(Ni]O2')).toThrow(/unmatched/);
    expect(() => parseFormula('li2O')).toThrow(/unexpected "l" at position 0/);
    expect(() => parseFormula('Li1/0O')).toThrow(/not finite/);
    expect(() => parseFormula(42 as unknown as string)).toThrow(TypeError);
  });

  it('never hangs or throws anything but RangeError on random strings (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40, unit: fc.constantFrom(...'LiNiMnCoO()[]0123456789./ xZ') }),
        (s) => {
          try {
            parseFormula(s);
            return true;
          } catch (error) {
            return error instanceof RangeError;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('molarMass and ATOMIC_WEIGHTS', () => {
  it('uses IUPAC 2021 values (conventional for interval elements)', () => {
    // CIAAW 2021 / Prohaska et al. 2022, by hand: Li 6.94, O 15.999 (conventional),
    // Ni 58.6934(4), Mn 54.938043(2), Co 58.933194(3).
    expect(ATOMIC_WEIGHTS.Li).toBe(6.94);
    expect(ATOMIC_WEIGHTS.O).toBe(15.999);
    expect(ATOMIC_WEIGHTS.Mn).toBe(54.938043);
    // NMC811: 6.94 + 46.95472 + 5.4938043 + 5.8933194 + 31.998 = 97.2798437 (by hand).
    expect(molarMass('LiNi0.8Mn0.1Co0.1O2')).toBeCloseTo(97.2798437, 7);
    expect(Object.keys(ATOMIC_WEIGHTS)).toHaveLength(84);
  });

  it('agrees with pymatgen to 5e-4 (pymatgen keeps older IUPAC values, e.g. Li 6.941)', () => {
    for (const [symbol, weight] of Object.entries(pymatgen.atomicMass)) {
      const ours = ATOMIC_WEIGHTS[symbol];
      if (ours === undefined) continue; // no standard atomic weight (Tc, Pm, …)
      expect(Math.abs(ours - weight) / weight).toBeLessThan(5e-4);
    }
    for (const [formula, mass] of Object.entries(pymatgen.molarMass)) {
      expect(Math.abs(molarMass(formula) - mass) / mass).toBeLessThan(2e-4);
    }
  });

  it('is additive over formula concatenation (fast-check)', () => {
    const symbols = ['Li', 'Na', 'Ni', 'Mn', 'Co', 'O', 'F', 'P', 'Fe', 'Al'];
    const part = fc
      .tuple(fc.constantFrom(...symbols), fc.integer({ min: 1, max: 40 }))
      .map(([s, k]) => `${s}${k / 8}`);
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 6 }),
        fc.array(part, { minLength: 1, maxLength: 6 }),
        (a, b) => {
          const left = a.join('');
          const right = b.join('');
          const whole = molarMass(`${left}${right}`);
          return Math.abs(whole - molarMass(left) - molarMass(right)) <= 1e-12 * whole;
        },
      ),
    );
  });

  it('rejects unknown elements and elements without a standard weight', () => {
    expect(() => molarMass('LiXxO2')).toThrow(
      new RangeError('formula "LiXxO2" contains "Xx", which is not an element symbol'),
    );
    expect(() => molarMass('TcO2')).toThrow(/Tc, which has no IUPAC standard atomic weight/);
    expect(molarMass('TcO2', { atomicWeights: { Tc: 98 } })).toBeCloseTo(98 + 2 * 15.999, 10);
    expect(molarMass('Li', { atomicWeights: { Li: 6.941 } })).toBe(6.941);
    expect(() => molarMass('Li', { atomicWeights: { Li: -1 } })).toThrow(
      /options\.atomicWeights\.Li/,
    );
    expect(() => molarMass('')).toThrow(/at least one element/);
    expect(() => molarMass('Li0O0')).toThrow(/molar mass of 0/);
    expect(() => molarMass(null as unknown as string)).toThrow(TypeError);
  });
});
