import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUCLEI, type Nucleus, type NucleusSymbol, nucleus } from '../src/nuclei.js';

// Reference values: IUPAC Recommendations 2001, Harris, Becker, Cabral de Menezes, Goodfellow,
// Granger, Pure Appl. Chem. 2001, 73, 1795–1818, Table 1 (spin I, natural abundance %, γ/10⁷
// rad s⁻¹ T⁻¹, Ξ %, Q fm² from Pyykkö 2001). ¹H, ⁶Li, ⁷Li, ²³Na also as quoted in
// /work/shared/REFERENCES.md; all rows agree with the SPIKE/NPK (Delsuc) and DNPLab transcriptions.
const IUPAC: Record<NucleusSymbol, [number, number, number, number, number]> = {
  //      I     γ/10⁷        Ξ (%)       abundance  Q (fm²)
  '1H': [0.5, 26.7522128, 100.0, 99.9885, 0],
  '2H': [1, 4.10662791, 15.350609, 0.0115, 0.286],
  '6Li': [1, 3.9371709, 14.716086, 7.59, -0.0808],
  '7Li': [1.5, 10.3977013, 38.863797, 92.41, -4.01],
  '13C': [0.5, 6.728284, 25.14502, 1.07, 0],
  '17O': [2.5, -3.62808, 13.556457, 0.038, -2.558],
  '23Na': [1.5, 7.0808493, 26.4519, 100, 10.4],
  '27Al': [2.5, 6.9762715, 26.056859, 100, 14.66],
  '31P': [0.5, 10.8394, 40.480742, 100, 0],
  '59Co': [3.5, 6.332, 23.727074, 100, 42.0],
};
const symbols = Object.keys(IUPAC) as NucleusSymbol[];

describe('NUCLEI', () => {
  it('holds the IUPAC 2001 Table 1 values, γ in rad s⁻¹ T⁻¹ (IUPAC γ/10⁷ × 10⁷)', () => {
    expect(Object.keys(NUCLEI).sort()).toEqual([...symbols].sort());
    for (const symbol of symbols) {
      const [spin, gammaOver1e7, xi, abundance, q] = IUPAC[symbol];
      const entry = NUCLEI[symbol];
      expect(entry.symbol).toBe(symbol);
      expect(entry.spin).toBe(spin);
      expect(entry.gyromagneticRatio).toBeCloseTo(gammaOver1e7 * 1e7, 0);
      expect(entry.frequencyRatio).toBe(xi);
      expect(entry.naturalAbundance).toBe(abundance);
      expect(entry.quadrupoleMoment).toBe(q);
    }
    // spot checks written out in full SI
    expect(NUCLEI['7Li'].gyromagneticRatio).toBe(103_977_013);
    expect(NUCLEI['1H'].gyromagneticRatio).toBe(267_522_128);
    expect(NUCLEI['23Na'].gyromagneticRatio).toBe(70_808_493);
  });

  it('is frozen, table and entries', () => {
    expect(Object.isFrozen(NUCLEI)).toBe(true);
    for (const symbol of symbols) expect(Object.isFrozen(NUCLEI[symbol])).toBe(true);
    expect(() => {
      (NUCLEI['7Li'] as { spin: number }).spin = 2;
    }).toThrow(TypeError);
    expect(NUCLEI['7Li'].spin).toBe(1.5);
  });

  it('obeys the physics of the table', () => {
    let violations = 0;
    for (const symbol of symbols) {
      const { spin, quadrupoleMoment, gyromagneticRatio, frequencyRatio } = NUCLEI[symbol];
      // a quadrupole moment exists only for I ≥ 1
      if ((spin === 0.5) !== (quadrupoleMoment === 0)) violations++;
      // Ξ/100 ≈ |γ_X/γ_H| up to the shielding of the reference compounds (< 0.3 % for these;
      // ⁵⁹Co, with its huge shift range, is the worst at −2445 ppm): catches a mistyped digit
      const ratio = Math.abs(gyromagneticRatio / NUCLEI['1H'].gyromagneticRatio);
      if (Math.abs(ratio / (frequencyRatio / 100) - 1) > 3e-3) violations++;
    }
    expect(violations).toBe(0);
    // isotopes of one element sum to 100 % abundance
    expect(NUCLEI['6Li'].naturalAbundance + NUCLEI['7Li'].naturalAbundance).toBeCloseTo(100, 10);
    expect(NUCLEI['1H'].naturalAbundance + NUCLEI['2H'].naturalAbundance).toBeCloseTo(100, 10);
    // ⁶Li and ⁷Li share the same Ξ reference compound, so γ/Ξ agrees to < 1 ppm (74.2 vs 74.6)
    const offset = (symbol: NucleusSymbol): number =>
      NUCLEI[symbol].gyromagneticRatio /
        NUCLEI['1H'].gyromagneticRatio /
        (NUCLEI[symbol].frequencyRatio / 100) -
      1;
    expect(Math.abs(offset('6Li') - offset('7Li'))).toBeLessThan(1e-6);
    // ²H in (CD₃)₄Si vs ¹H in TMS: the same molecule, Ξ(²H)/100 = γ(²H)/γ(¹H) to 0.1 ppm
    expect(Math.abs(offset('2H'))).toBeLessThan(1e-7);
  });
});

describe('nucleus', () => {
  it('accepts the usual spellings', () => {
    for (const alias of ['7Li', 'Li7', 'Li-7', '⁷Li', 'li7', '7LI', ' 7-Li ', 'Li 7']) {
      expect(nucleus(alias)).toBe(NUCLEI['7Li']);
    }
    expect(nucleus('²³Na')).toBe(NUCLEI['23Na']);
    expect(nucleus('Na-23')).toBe(NUCLEI['23Na']);
    expect(nucleus('¹H')).toBe(NUCLEI['1H']);
    expect(nucleus('H1')).toBe(NUCLEI['1H']);
    expect(nucleus('⁵⁹Co')).toBe(NUCLEI['59Co']);
    expect(nucleus('AL27')).toBe(NUCLEI['27Al']);
    expect(nucleus('O-17')).toBe(NUCLEI['17O']);
  });

  it('maps every alias form of every nucleus to its table entry', () => {
    const superscript = (digits: string): string =>
      digits.replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)] as string);
    fc.assert(
      fc.property(fc.constantFrom(...symbols), fc.integer({ min: 0, max: 5 }), (symbol, form) => {
        const [, mass = '', element = ''] = /^(\d+)(\D+)$/.exec(symbol) ?? [];
        const spelled = [
          `${mass}${element}`,
          `${element}${mass}`,
          `${element}-${mass}`,
          `${superscript(mass)}${element}`,
          `${mass}${element.toUpperCase()}`,
          `${element.toLowerCase()}-${mass}`,
        ][form] as string;
        return nucleus(spelled) === NUCLEI[symbol];
      }),
      { numRuns: 100 },
    );
  });

  it('returns a valid custom Nucleus object as is', () => {
    const xe129: Nucleus = {
      symbol: '129Xe',
      spin: 0.5,
      gyromagneticRatio: -7.452103e7,
      frequencyRatio: 27.810186,
      naturalAbundance: 26.44,
      quadrupoleMoment: 0,
    };
    expect(nucleus(xe129)).toBe(xe129);
  });

  it('rejects bad input', () => {
    expect(() => nucleus('8Li')).toThrow(RangeError);
    expect(() => nucleus('8Li')).toThrow(
      /nucleus must be one of 1H, 2H, 6Li, 7Li, 13C, 17O, 23Na, 27Al, 31P, 59Co .*; received "8Li"/,
    );
    expect(() => nucleus('')).toThrow(RangeError);
    expect(() => nucleus('Lithium')).toThrow(RangeError);
    expect(() => nucleus('7Li7')).toThrow(RangeError);
    expect(() => nucleus('toString')).toThrow(RangeError);
    expect(() => nucleus(7 as unknown as string)).toThrow(TypeError);
    expect(() => nucleus(null as unknown as string)).toThrow(
      /nucleus must be a nucleus symbol string .*; received null/,
    );
    const good = { ...NUCLEI['7Li'] };
    expect(() => nucleus({ ...good, spin: 0.7 })).toThrow(
      /nucleus.spin must be a positive multiple/,
    );
    expect(() => nucleus({ ...good, spin: 0 })).toThrow(RangeError);
    expect(() => nucleus({ ...good, gyromagneticRatio: 0 })).toThrow(RangeError);
    expect(() => nucleus({ ...good, gyromagneticRatio: Number.NaN })).toThrow(RangeError);
    expect(() => nucleus({ ...good, frequencyRatio: -1 })).toThrow(RangeError);
    expect(() => nucleus({ ...good, naturalAbundance: 101 })).toThrow(RangeError);
    expect(() => nucleus({ ...good, quadrupoleMoment: Number.POSITIVE_INFINITY })).toThrow(
      RangeError,
    );
    expect(() => nucleus({ ...good, symbol: 7 as unknown as string })).toThrow(TypeError);
  });
});
