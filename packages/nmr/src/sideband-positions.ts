import { assertFiniteNumber, describeValue, outputBuffer } from '@intercalate/numerics';
import { larmorFrequency, readSpectrometer } from './larmor-frequency.js';
import type { Nucleus } from './nuclei.js';

/** Largest `orders` accepted by {@link sidebandPositions} (2 × 10⁶ + 1 positions). */
const MAX_ORDERS = 1_000_000;

/** Options of {@link sidebandPositions}. */
export interface SidebandPositionsOptions {
  /** Isotropic shift δ_iso of the centreband in ppm, finite. */
  isotropicShift: number;
  /** Magic-angle spinning rate ν_r in Hz (not kHz), finite and > 0. */
  spinningRate: number;
  /** The observed nucleus: a symbol or alias (`'7Li'`, `'Na23'`) or a {@link Nucleus} object. */
  nucleus: string | Nucleus;
  /**
   * Static field B₀ in tesla. Give exactly one of `field` and `protonFrequency`; prefer
   * `protonFrequency`, which gives the ppm reference frequency (see {@link larmorFrequency}).
   */
  field?: number;
  /** The spectrometer's ¹H frequency in MHz, e.g. 300. Exactly one of `field`/`protonFrequency`. */
  protonFrequency?: number;
  /**
   * Highest sideband order N_max: positions are returned for N = −N_max … N_max. An integer in
   * 0 … 1 000 000.
   */
  orders: number;
  /** Buffer of length 2·orders + 1 to write into instead of allocating. */
  out?: Float64Array;
}

/**
 * Positions in ppm of the spinning sidebands of a line under magic-angle spinning:
 *
 * δ_N = δ_iso + N · ν_r / ν₀ · 10⁶, for N = −orders, …, −1, 0, 1, …, orders
 *
 * with ν_r the spinning rate in Hz and ν₀ the Larmor frequency of the nucleus in Hz (from
 * {@link larmorFrequency}, in MHz there, so N · ν_r [Hz] / ν₀ [MHz] is already in ppm). The formula
 * is exact: a sideband sits at ν_iso + N ν_r, and δ is linear in ν.
 *
 * The output holds 2·orders + 1 values in increasing N, hence increasing ppm: index `orders` is the
 * centreband N = 0 (equal to `isotropicShift`), index `orders + N` is sideband N. Only positions
 * are computed, not intensities (those depend on the shift anisotropy; too few orders in an
 * intensity calculation aliases the outer sidebands).
 *
 * Under the conditions of Mu et al. (J. Am. Chem. Soc. 2024; 60 kHz MAS, ¹H 300 MHz) ⁷Li
 * sidebands are 60 000 / 116.5914 = 514.6 ppm apart, and ²³Na sidebands 756.1 ppm apart.
 *
 * @param options - Shift, spinning rate, nucleus, magnet and number of orders; see
 *   {@link SidebandPositionsOptions}.
 * @returns The sideband positions in ppm, in increasing order (`out` if given).
 * @throws TypeError if `options` is not an object, gives both or neither of `field` and
 *   `protonFrequency`, or `out` is not a Float64Array.
 * @throws RangeError if the shift is not finite, the spinning rate, field or ¹H frequency is not a
 *   finite number > 0, the nucleus is unknown, `orders` is not an integer in 0 … 1 000 000, or
 *   `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { sidebandPositions } from '@intercalate/nmr';
 * sidebandPositions({
 *   isotropicShift: 700,
 *   spinningRate: 60_000,
 *   nucleus: '7Li',
 *   protonFrequency: 300,
 *   orders: 2,
 * }); // Float64Array [-329.24, 185.38, 700, 1214.62, 1729.24]
 * ```
 */
export function sidebandPositions(options: SidebandPositionsOptions): Float64Array {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { isotropicShift, spinningRate, nucleus, field | protonFrequency, orders }; received ${describeValue(options)}`,
    );
  }
  const isotropicShift = assertFiniteNumber('isotropicShift', options.isotropicShift, {
    unit: 'ppm',
  });
  const spinningRate = assertFiniteNumber('spinningRate', options.spinningRate, {
    min: 0,
    exclusiveMin: true,
    unit: 'Hz',
  });
  const orders = assertFiniteNumber('orders', options.orders, {
    min: 0,
    max: MAX_ORDERS,
    integer: true,
  });
  const magnet = readSpectrometer('options', {
    field: options.field,
    protonFrequency: options.protonFrequency,
  });
  const larmor = larmorFrequency(options.nucleus, magnet);
  const length = 2 * orders + 1;
  const positions = outputBuffer(options.out, length, '2·orders + 1');
  const spacing = spinningRate / larmor;
  for (let n = -orders; n <= orders; n++) {
    positions[n + orders] = isotropicShift + n * spacing;
  }
  return positions;
}
