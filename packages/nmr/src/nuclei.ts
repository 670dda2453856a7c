import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/**
 * Spin properties of one NMR-active nuclide, as tabulated by IUPAC (Harris, Becker, Cabral de
 * Menezes, Goodfellow, Granger, "NMR nomenclature. Nuclear spin properties and conventions for
 * chemical shifts", Pure Appl. Chem. 2001, 73, 1795–1818, Table 1).
 */
export interface Nucleus {
  /** Canonical symbol, mass number first: `'7Li'`, `'23Na'`, `'1H'`. */
  readonly symbol: string;
  /** Nuclear spin quantum number I, a positive multiple of ½ (e.g. 1.5 for ⁷Li). */
  readonly spin: number;
  /**
   * Magnetogyric (gyromagnetic) ratio γ in rad s⁻¹ T⁻¹, in full SI units, with its sign (¹⁷O is
   * negative). IUPAC tabulates γ/10⁷, so the ⁷Li entry 10.3977013 is stored as 10.3977013e7.
   */
  readonly gyromagneticRatio: number;
  /**
   * Frequency ratio Ξ in %: the resonance frequency of the nuclide's IUPAC reference compound in a
   * field where the ¹H of TMS (1 % in CDCl₃) resonates at exactly 100 MHz. Always positive here
   * (IUPAC tabulates magnitudes). This is what defines δ = 0 on the unified scale.
   */
  readonly frequencyRatio: number;
  /** Natural abundance in % (atom fraction × 100). */
  readonly naturalAbundance: number;
  /**
   * Electric quadrupole moment Q in fm² (1 fm² = 10⁻³⁰ m² = 0.01 barn), with its sign; 0 for
   * spin ½. IUPAC 2001 takes these from Pyykkö, Mol. Phys. 2001, 99, 1617.
   */
  readonly quadrupoleMoment: number;
}

/** Symbols of the nuclei in {@link NUCLEI}. */
export type NucleusSymbol =
  | '1H'
  | '2H'
  | '6Li'
  | '7Li'
  | '13C'
  | '17O'
  | '23Na'
  | '27Al'
  | '31P'
  | '59Co';

function entry(
  symbol: NucleusSymbol,
  spin: number,
  gyromagneticRatio: number,
  frequencyRatio: number,
  naturalAbundance: number,
  quadrupoleMoment: number,
): Nucleus {
  return Object.freeze({
    symbol,
    spin,
    gyromagneticRatio,
    frequencyRatio,
    naturalAbundance,
    quadrupoleMoment,
  });
}

/**
 * Frozen table of the nuclei met in battery-cathode NMR, keyed by canonical symbol.
 *
 * Every number is copied from IUPAC Recommendations 2001 (Harris et al., Pure Appl. Chem. 2001,
 * 73, 1795, Table 1: spin, natural abundance, γ/10⁷ rad s⁻¹ T⁻¹, Ξ in %, Q in fm² from Pyykkö
 * 2001). The transcription was cross-checked against two independent public transcriptions of the
 * same table (the SPIKE/NPK spin table by M.-A. Delsuc and the DNPLab `gmrProperties` table after
 * M. Hrovat's gmr.m), which agree with it to the last digit for every entry here; Ξ of ¹H, ²H,
 * ¹³C, ²⁷Al, ³¹P and ⁵⁹Co also against a third one.
 *
 * | symbol | I   | γ/10⁷ (rad s⁻¹ T⁻¹) | Ξ (%)      | abundance (%) | Q (fm²)  |
 * |--------|-----|---------------------|------------|---------------|----------|
 * | ¹H     | 1/2 | 26.7522128          | 100.000000 | 99.9885       | 0        |
 * | ²H     | 1   | 4.10662791          | 15.350609  | 0.0115        | 0.2860   |
 * | ⁶Li    | 1   | 3.9371709           | 14.716086  | 7.59          | −0.0808  |
 * | ⁷Li    | 3/2 | 10.3977013          | 38.863797  | 92.41         | −4.01    |
 * | ¹³C    | 1/2 | 6.728284            | 25.145020  | 1.07          | 0        |
 * | ¹⁷O    | 5/2 | −3.62808            | 13.556457  | 0.038         | −2.558   |
 * | ²³Na   | 3/2 | 7.0808493           | 26.451900  | 100           | 10.4     |
 * | ²⁷Al   | 5/2 | 6.9762715           | 26.056859  | 100           | 14.66    |
 * | ³¹P    | 1/2 | 10.8394             | 40.480742  | 100           | 0        |
 * | ⁵⁹Co   | 7/2 | 6.332               | 23.727074  | 100           | 42.0     |
 *
 * Each Ξ refers to the IUPAC reference compound of that nucleus listed in the same table (for
 * example aqueous LiCl for ⁶Li/⁷Li, aqueous NaCl for ²³Na, TMS for ¹H/¹³C, 85 % H₃PO₄ for ³¹P).
 *
 * Note that γ and Ξ are not interchangeable: γ is a bare-nucleus property, while Ξ includes the
 * shielding of the reference compounds (for ⁷Li, γ(⁷Li)/γ(¹H) = 0.3886670 but Ξ/100 = 0.3886380,
 * 75 ppm apart). See {@link larmorFrequency}. Some existing JavaScript constant tables deviate
 * from these IUPAC values by up to 0.07 %.
 *
 * @example
 * ```ts
 * import { NUCLEI } from '@intercalate/nmr';
 * NUCLEI['7Li'].spin; // 1.5
 * NUCLEI['23Na'].frequencyRatio; // 26.4519 (%)
 * NUCLEI['7Li'].gyromagneticRatio; // 103977013 (rad s⁻¹ T⁻¹)
 * ```
 */
export const NUCLEI: Readonly<Record<NucleusSymbol, Nucleus>> = Object.freeze({
  '1H': entry('1H', 0.5, 26.7522128e7, 100.0, 99.9885, 0),
  '2H': entry('2H', 1, 4.10662791e7, 15.350609, 0.0115, 0.286),
  '6Li': entry('6Li', 1, 3.9371709e7, 14.716086, 7.59, -0.0808),
  '7Li': entry('7Li', 1.5, 10.3977013e7, 38.863797, 92.41, -4.01),
  '13C': entry('13C', 0.5, 6.728284e7, 25.14502, 1.07, 0),
  '17O': entry('17O', 2.5, -3.62808e7, 13.556457, 0.038, -2.558),
  '23Na': entry('23Na', 1.5, 7.0808493e7, 26.4519, 100, 10.4),
  '27Al': entry('27Al', 2.5, 6.9762715e7, 26.056859, 100, 14.66),
  '31P': entry('31P', 0.5, 10.8394e7, 40.480742, 100, 0),
  '59Co': entry('59Co', 3.5, 6.332e7, 23.727074, 100, 42.0),
});

const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

const KNOWN = Object.keys(NUCLEI).join(', ');

function canonicalSymbol(text: string): string | undefined {
  const plain = text.trim().replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (d) => SUPERSCRIPT_DIGITS[d] as string);
  const massFirst = /^(\d{1,3})\s*-?\s*([A-Za-z]{1,2})$/.exec(plain);
  const elementFirst = /^([A-Za-z]{1,2})\s*-?\s*(\d{1,3})$/.exec(plain);
  const mass = massFirst?.[1] ?? elementFirst?.[2];
  const element = massFirst?.[2] ?? elementFirst?.[1];
  if (mass === undefined || element === undefined) return undefined;
  const normalized = element.charAt(0).toUpperCase() + element.slice(1).toLowerCase();
  return `${Number(mass)}${normalized}`;
}

function validateCustomNucleus(value: Nucleus): Nucleus {
  if (typeof value.symbol !== 'string') {
    throw new TypeError(`nucleus.symbol must be a string; received ${describeValue(value.symbol)}`);
  }
  const spin = assertFiniteNumber('nucleus.spin', value.spin, { min: 0, exclusiveMin: true });
  if (!Number.isInteger(2 * spin)) {
    throw new RangeError(`nucleus.spin must be a positive multiple of 1/2; received ${spin}`);
  }
  const gamma = assertFiniteNumber('nucleus.gyromagneticRatio', value.gyromagneticRatio, {
    unit: 'rad s⁻¹ T⁻¹',
  });
  if (gamma === 0) {
    throw new RangeError('nucleus.gyromagneticRatio must be a finite non-zero number; received 0');
  }
  assertFiniteNumber('nucleus.frequencyRatio', value.frequencyRatio, {
    min: 0,
    exclusiveMin: true,
    unit: '%',
  });
  assertFiniteNumber('nucleus.naturalAbundance', value.naturalAbundance, {
    min: 0,
    max: 100,
    unit: '%',
  });
  assertFiniteNumber('nucleus.quadrupoleMoment', value.quadrupoleMoment, { unit: 'fm²' });
  return value;
}

/**
 * Looks a nucleus up in {@link NUCLEI} by its symbol or a common spelling of it.
 *
 * Accepted spellings, for any nucleus of the table: mass number first or last, with an optional
 * hyphen or space, superscript digits, element symbol in any letter case — `'7Li'`, `'Li7'`,
 * `'Li-7'`, `'7-Li'`, `'⁷Li'`, `'li7'`, `' 23Na '`. A {@link Nucleus} object (for a nuclide not in
 * the table) is validated and returned as is, so every function taking a nucleus accepts either.
 *
 * @param symbolOrAlias - A nucleus symbol or alias, or a custom {@link Nucleus} object.
 * @returns The frozen table entry (or the validated custom object).
 * @throws TypeError if the argument is neither a string nor an object.
 * @throws RangeError if the string names no nucleus of the table (the message lists the known
 *   ones), or a custom object has a non-finite or out-of-domain field.
 *
 * @example
 * ```ts
 * import { nucleus } from '@intercalate/nmr';
 * nucleus('Li-7').symbol; // '7Li'
 * nucleus('²³Na').spin; // 1.5
 * nucleus('8Li'); // RangeError: nucleus must be one of 1H, 2H, 6Li, ...; received "8Li"
 * ```
 */
export function nucleus(symbolOrAlias: string | Nucleus): Nucleus {
  if (typeof symbolOrAlias === 'string') {
    const symbol = canonicalSymbol(symbolOrAlias);
    if (symbol !== undefined && Object.hasOwn(NUCLEI, symbol)) {
      return NUCLEI[symbol as NucleusSymbol];
    }
    throw new RangeError(
      `nucleus must be one of ${KNOWN} (or a spelling such as 'Li7', 'Li-7', '⁷Li'), or a Nucleus object; received ${describeValue(symbolOrAlias)}`,
    );
  }
  if (typeof symbolOrAlias === 'object' && symbolOrAlias !== null) {
    return validateCustomNucleus(symbolOrAlias);
  }
  throw new TypeError(
    `nucleus must be a nucleus symbol string (one of ${KNOWN}) or a Nucleus object; received ${describeValue(symbolOrAlias)}`,
  );
}
