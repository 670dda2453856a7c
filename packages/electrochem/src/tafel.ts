import { assertFiniteNumber } from '@intercalate/numerics';
import {
  assertOptions,
  fOverRTFrom,
  positiveCurrentDensity,
  transferCoefficient,
} from './kinetics-options.js';

/** Options of {@link tafel}. */
export interface TafelOptions {
  /** Exchange current density i0, in A m⁻², finite and > 0. */
  exchangeCurrentDensity: number;
  /** Overpotential η, in V, finite. */
  overpotential: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/**
 * Tafel (high-overpotential) kinetics: the dominant exponential branch of
 * {@link butlerVolmer},
 *
 * i = i0·exp(αa·F·η/(RT)) for η > 0,  i = −i0·exp(−αc·F·η/(RT)) for η < 0,  0 for η = 0.
 *
 * Within 1 % of Butler–Volmer once |η| > ln(100)·RT/((αa + αc)F) (≈ 118 mV at 298 K with
 * αa + αc = 1); it is discontinuous at η = 0 and meant for |η| ≫ RT/F. Anodic positive.
 *
 * @param options - i0 (A m⁻²), η (V), αa, αc, T (K); see {@link TafelOptions}.
 * @returns Current density in A m⁻².
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if i0 ≤ 0, η is not finite, αa or αc is outside (0, 1), or T ≤ 0.
 *
 * @example
 * ```ts
 * import { tafel } from '@intercalate/electrochem';
 * tafel({ exchangeCurrentDensity: 1, overpotential: 0.3, temperature: 298.15 }); // ≈ 343 A m⁻²
 * ```
 */
export function tafel(options: TafelOptions): number {
  assertOptions(options, '{ exchangeCurrentDensity, overpotential, alphaA, alphaC, temperature }');
  const i0 = positiveCurrentDensity(
    'options.exchangeCurrentDensity',
    options.exchangeCurrentDensity,
  );
  const eta = assertFiniteNumber('options.overpotential', options.overpotential, { unit: 'V' });
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  if (eta > 0) return i0 * Math.exp(alphaA * f * eta);
  if (eta < 0) return -i0 * Math.exp(-alphaC * f * eta);
  return 0;
}

/** Options of {@link tafelSlope}. */
export interface TafelSlopeOptions {
  /** Transfer coefficient α of the branch (αa for anodic, αc for cathodic), in (0, 1). */
  alpha: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/**
 * Tafel slope b = ln(10)·RT/(αF): the overpotential per decade of current on the Tafel branch
 * with transfer coefficient α. Reported positive for both branches.
 *
 * @param options - α and T (K); see {@link TafelSlopeOptions}.
 * @returns b in V per decade (0.1183 V at 298.15 K with α = ½).
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if α is outside (0, 1) or T ≤ 0.
 *
 * @example
 * ```ts
 * import { tafelSlope } from '@intercalate/electrochem';
 * tafelSlope({ alpha: 0.5, temperature: 298.15 }); // 0.11832 V/decade
 * ```
 */
export function tafelSlope(options: TafelSlopeOptions): number {
  assertOptions(options, '{ alpha, temperature }');
  const alpha = assertFiniteNumber('options.alpha', options.alpha, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  const f = fOverRTFrom('options.temperature', options.temperature);
  return Math.LN10 / (alpha * f);
}
