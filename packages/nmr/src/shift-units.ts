import { assertFiniteNumber } from '@intercalate/numerics';

/**
 * Converts a chemical shift from ppm to a frequency offset in Hz from the reference:
 *
 * Δν (Hz) = δ (ppm) × ν_ref (MHz)
 *
 * which follows from δ = (ν − ν_ref) / ν_ref × 10⁶. `referenceFrequency` is the spectrometer
 * frequency of the observed nucleus at which δ = 0 (Bruker's SF, not BF1, when they differ).
 *
 * @param shift - Chemical shift δ in ppm, finite.
 * @param referenceFrequency - Reference frequency ν_ref of the observed nucleus in MHz, > 0.
 * @returns The frequency offset ν − ν_ref in Hz.
 * @throws RangeError if `shift` is not finite or `referenceFrequency` is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { ppmToHz } from '@intercalate/nmr';
 * // 7Li at a 300 MHz (1H) magnet resonates at 116.591 MHz: 100 ppm is 11.659 kHz
 * ppmToHz(100, 116.591); // 11659.1
 * ```
 */
export function ppmToHz(shift: number, referenceFrequency: number): number {
  assertFiniteNumber('shift', shift, { unit: 'ppm' });
  assertFiniteNumber('referenceFrequency', referenceFrequency, {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  return shift * referenceFrequency;
}

/**
 * Converts a frequency offset in Hz from the reference to a chemical shift in ppm, the inverse of
 * {@link ppmToHz}: δ (ppm) = Δν (Hz) / ν_ref (MHz). Useful for spinning-sideband spacings: a
 * 60 kHz MAS rate is 514.6 ppm for ⁷Li at 116.591 MHz.
 *
 * @param offset - Frequency offset ν − ν_ref in Hz, finite.
 * @param referenceFrequency - Reference frequency ν_ref of the observed nucleus in MHz, > 0.
 * @returns The chemical shift in ppm.
 * @throws RangeError if `offset` is not finite or `referenceFrequency` is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { hzToPpm } from '@intercalate/nmr';
 * hzToPpm(60_000, 116.591); // 514.62 ppm
 * ```
 */
export function hzToPpm(offset: number, referenceFrequency: number): number {
  assertFiniteNumber('offset', offset, { unit: 'Hz' });
  assertFiniteNumber('referenceFrequency', referenceFrequency, {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  return offset / referenceFrequency;
}
