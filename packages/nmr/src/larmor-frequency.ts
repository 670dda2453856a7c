import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { nucleus as lookUpNucleus, NUCLEI, type Nucleus } from './nuclei.js';

/**
 * The magnet, given either as a field in tesla or as the spectrometer's ¹H frequency in MHz —
 * exactly one of the two. See {@link larmorFrequency} for why they are not interchangeable.
 */
export type Spectrometer =
  | {
      /** Static field B₀ in tesla, > 0. */
      field: number;
      /** Must be absent when `field` is given. */
      protonFrequency?: undefined;
    }
  | {
      /** The spectrometer's ¹H (TMS) frequency in MHz, > 0, e.g. 300 for a "300 MHz" magnet. */
      protonFrequency: number;
      /** Must be absent when `protonFrequency` is given. */
      field?: undefined;
    };

const TWO_PI = 2 * Math.PI;

/**
 * Checks that `spectrometer` holds exactly one of `field` / `protonFrequency`; returns which one.
 *
 * @internal
 */
export function readSpectrometer(
  name: string,
  spectrometer: unknown,
): { field: number } | { protonFrequency: number } {
  if (typeof spectrometer !== 'object' || spectrometer === null) {
    throw new TypeError(
      `${name} must be an object { field } (T) or { protonFrequency } (MHz); received ${describeValue(spectrometer)}`,
    );
  }
  const { field, protonFrequency } = spectrometer as {
    field?: unknown;
    protonFrequency?: unknown;
  };
  if ((field === undefined) === (protonFrequency === undefined)) {
    throw new TypeError(
      `${name} must give exactly one of field (T) or protonFrequency (MHz); received ${
        field === undefined ? 'neither' : 'both'
      }`,
    );
  }
  if (field !== undefined) {
    return {
      field: assertFiniteNumber(`${name}.field`, field, { min: 0, exclusiveMin: true, unit: 'T' }),
    };
  }
  return {
    protonFrequency: assertFiniteNumber(`${name}.protonFrequency`, protonFrequency, {
      min: 0,
      exclusiveMin: true,
      unit: 'MHz',
    }),
  };
}

/**
 * Resonance frequency of a nucleus in MHz, from the field or from the spectrometer's ¹H frequency.
 *
 * - From a field B₀ in tesla: ν₀ = |γ| B₀ / 2π, with γ the bare-nucleus magnetogyric ratio of
 *   {@link NUCLEI}. The absolute value is returned: nuclei with γ < 0 (¹⁷O) precess in the opposite
 *   sense, which matters for the sign of spectral axes but not for the frequency in MHz.
 * - From the ¹H frequency ν_H of the spectrometer in MHz: ν₀ = Ξ/100 · ν_H, with Ξ the IUPAC
 *   frequency ratio. This is the frequency at which δ = 0 on the IUPAC unified scale, i.e. the
 *   reference frequency for ppm ↔ Hz conversions ({@link ppmToHz}), and the one Bruker's nucleus
 *   tables use.
 *
 * The two routes are not interchangeable. A "300 MHz" magnet is 7.0460 T, not 7.05 T (see
 * {@link fieldFromProtonFrequency}); ⁷Li is 116.591 MHz from Ξ at ¹H 300 MHz but 116.667 MHz at
 * exactly 7.05 T. Even at the matching field the two differ, because γ is a bare-nucleus property
 * while Ξ includes the shielding of the reference compounds: ⁷Li at 7.04598 T is 116.600 MHz from
 * γ, 75 ppm above the Ξ value. For ppm bookkeeping use `protonFrequency`; use `field` when the
 * magnet is specified in tesla and ~10⁻⁴ relative accuracy is enough.
 *
 * @param nucleus - A symbol or alias (`'7Li'`, `'Li-7'`, `'²³Na'`, as accepted by the `nucleus`
 *   lookup) or a {@link Nucleus} object.
 * @param spectrometer - Exactly one of `{ field }` in tesla or `{ protonFrequency }` in MHz.
 * @returns The Larmor frequency ν₀ in MHz, > 0.
 * @throws TypeError if `spectrometer` is not an object or gives both or neither of `field` and
 *   `protonFrequency`, or `nucleus` is neither a string nor an object.
 * @throws RangeError if the nucleus is unknown, or `field` / `protonFrequency` is not a finite
 *   number > 0.
 *
 * @example
 * ```ts
 * import { larmorFrequency } from '@intercalate/nmr';
 * larmorFrequency('7Li', { protonFrequency: 300 }); // 116.591391 (MHz, from Ξ)
 * larmorFrequency('7Li', { field: 7.05 }); // 116.66661 (MHz, from γ)
 * larmorFrequency('23Na', { protonFrequency: 300 }); // 79.3557 (MHz)
 * ```
 */
export function larmorFrequency(nucleus: string | Nucleus, spectrometer: Spectrometer): number {
  const entry = lookUpNucleus(nucleus);
  const magnet = readSpectrometer('spectrometer', spectrometer);
  if ('field' in magnet) {
    return (Math.abs(entry.gyromagneticRatio) * magnet.field) / TWO_PI / 1e6;
  }
  return (entry.frequencyRatio / 100) * magnet.protonFrequency;
}

/**
 * Field B₀ in tesla at which a bare proton resonates at `protonFrequency` MHz:
 * B₀ = 2π ν_H / γ(¹H), with γ(¹H) = 26.7522128 × 10⁷ rad s⁻¹ T⁻¹ (IUPAC 2001).
 *
 * A "300 MHz" spectrometer is therefore 7.04598 T, not the nominal 7.05 T quoted in papers (Mu et
 * al., J. Am. Chem. Soc. 2024, "300 MHz (7.05 T)"). The protons of TMS are shielded by a few tens
 * of ppm relative to the bare proton, so the true field of a magnet whose TMS line is at exactly
 * `protonFrequency` is higher by that relative amount (Bruker lists 7.04925 T for 300.13 MHz);
 * this is below the accuracy at which fields are usually quoted.
 *
 * @param protonFrequency - The ¹H frequency in MHz, > 0.
 * @returns The field in tesla.
 * @throws TypeError if `protonFrequency` is not a number.
 * @throws RangeError if `protonFrequency` is not finite or not > 0.
 *
 * @example
 * ```ts
 * import { fieldFromProtonFrequency } from '@intercalate/nmr';
 * fieldFromProtonFrequency(300); // 7.04598 (T)
 * fieldFromProtonFrequency(500); // 11.7433 (T)
 * ```
 */
export function fieldFromProtonFrequency(protonFrequency: number): number {
  assertFiniteNumber('protonFrequency', protonFrequency, {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  return (TWO_PI * protonFrequency * 1e6) / NUCLEI['1H'].gyromagneticRatio;
}
