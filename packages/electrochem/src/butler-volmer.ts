import { assertFiniteNumber, assertNumericArray, outputBuffer } from '@intercalate/numerics';
import { butlerVolmerKernel } from './kinetics-kernels.js';
import {
  assertOptions,
  assertPositiveArray,
  finiteElement,
  fOverRTFrom,
  positiveCurrentDensity,
  transferCoefficient,
} from './kinetics-options.js';
import {
  expm1DifferenceArray,
  kineticsSimdAvailable,
  SIMD_MIN_LENGTH,
} from './wasm/kinetics-simd.js';

/** Options of {@link butlerVolmer}. */
export interface ButlerVolmerOptions {
  /** Exchange current density i0, in A m⁻², finite and > 0. */
  exchangeCurrentDensity: number;
  /** Overpotential η = φs − φl − E_eq (eqn 2 of Sharma et al. 2022), in V, finite. */
  overpotential: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/**
 * Butler–Volmer current density, eqn (1) of Sharma et al., Nano Lett. 2022, 22, 5883:
 *
 * i = i0·[exp(αa·F·η/(RT)) − exp(−αc·F·η/(RT))]
 *
 * Sign convention: anodic (oxidation, delithiation of a cathode on charge) current and
 * overpotential are positive, as in Sharma et al., PyBaMM and MPET. With αa = αc = ½ this is
 * PyBaMM's symmetric form i = 2·i0·sinh(Fη/(2RT)); PyBaMM's asymmetric form uses αa = α,
 * αc = 1 − α (here both are free, as in the paper). αa and αc need not sum to 1. Evaluated as
 * i0·[expm1(αa·fη) − expm1(−αc·fη)], accurate to rounding near η = 0; the result overflows to
 * ±Infinity only for |η| above about 700·RT/(αF) (≈ 36 V at 298 K, α = ½).
 *
 * @param options - i0 (A m⁻²), η (V), αa, αc and T (K); see {@link ButlerVolmerOptions}.
 * @returns Current density i, in A m⁻² (unit of i0), anodic positive.
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if i0 ≤ 0, η is not finite, αa or αc is outside (0, 1), or T ≤ 0.
 *
 * @example
 * ```ts
 * import { butlerVolmer } from '@intercalate/electrochem';
 * butlerVolmer({ exchangeCurrentDensity: 0.5, overpotential: 0.0455705, temperature: 300 });
 * // ≈ 1 A m⁻² (PyBaMM's inverse-kinetics test, read backwards)
 * butlerVolmer({ exchangeCurrentDensity: 1, overpotential: -0.1, alphaA: 0.3, alphaC: 0.7, temperature: 298.15 });
 * // ≈ -15.2 A m⁻² (cathodic)
 * ```
 */
export function butlerVolmer(options: ButlerVolmerOptions): number {
  assertOptions(options, '{ exchangeCurrentDensity, overpotential, alphaA, alphaC, temperature }');
  const i0 = positiveCurrentDensity(
    'options.exchangeCurrentDensity',
    options.exchangeCurrentDensity,
  );
  const eta = assertFiniteNumber('options.overpotential', options.overpotential, { unit: 'V' });
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  return butlerVolmerKernel(i0, eta, alphaA, alphaC, f);
}

/** Options of {@link butlerVolmerArray}. */
export interface ButlerVolmerArrayOptions {
  /** Overpotentials η, in V, finite. */
  overpotential: ArrayLike<number>;
  /**
   * Exchange current density i0, in A m⁻², > 0: one value for all points, or one per point
   * (same length as `overpotential`).
   */
  exchangeCurrentDensity: number | ArrayLike<number>;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, > 0. */
  temperature: number;
  /** Destination buffer, a Float64Array of the length of `overpotential`. */
  out?: Float64Array;
}

/**
 * Vectorized {@link butlerVolmer}: i[k] = i0[k]·[exp(αa·F·η[k]/(RT)) − exp(−αc·F·η[k]/(RT))],
 * anodic positive, for every overpotential in a typed array or array. Same formula and
 * convention as {@link butlerVolmer}; allocates nothing when `out` is given.
 *
 * Arrays of 64 points or more run a WebAssembly SIMD kernel (four points per iteration; the
 * exponentials by Cody–Waite reduction and a degree-11 polynomial, within 1e-15 relative of
 * i0·(expm1(αa·f·η) − expm1(−αc·f·η)) with `Math.expm1`); points where an exponent exceeds 700
 * in magnitude, and runtimes without WebAssembly SIMD, use the scalar {@link butlerVolmer}
 * arithmetic. The two paths round the exponent differently ((αa·f)·η vs αa·(f·η)), so they agree
 * to about |exponent| ulp rather than bit for bit.
 *
 * @param options - η (V) per point, i0 (A m⁻²) scalar or per point, αa, αc, T (K) and `out`;
 *   see {@link ButlerVolmerArrayOptions}.
 * @returns `out`, or a new Float64Array, with the current densities in A m⁻².
 * @throws TypeError if `options` is not an object, an array is not numeric, or `out` is not a
 *   Float64Array.
 * @throws RangeError if an element is not finite, an i0 is ≤ 0, αa or αc is outside (0, 1),
 *   T ≤ 0, or lengths differ. (On long arrays the finiteness check runs with the kernel: `out`
 *   may then already hold the results before the bad element.)
 *
 * @example
 * ```ts
 * import { butlerVolmerArray } from '@intercalate/electrochem';
 * const eta = Float64Array.from({ length: 201 }, (_, k) => -0.2 + 0.002 * k); // V
 * const i = butlerVolmerArray({ overpotential: eta, exchangeCurrentDensity: 2, temperature: 298.15 });
 * i[100]; // 0 (η = 0)
 * ```
 */
export function butlerVolmerArray(options: ButlerVolmerArrayOptions): Float64Array {
  assertOptions(
    options,
    '{ overpotential, exchangeCurrentDensity, alphaA, alphaC, temperature, out }',
  );
  const etaOption = options.overpotential;
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  // Long arrays run the WebAssembly SIMD kernel (four points per iteration) where available; it
  // declines non-finite points, so their check is fused into its scalar fallback.
  const simd =
    (etaOption as { length?: unknown } | null)?.length !== undefined &&
    (etaOption as ArrayLike<unknown>).length >= SIMD_MIN_LENGTH &&
    kineticsSimdAvailable();
  const eta = assertNumericArray('options.overpotential', etaOption, { finite: !simd });
  const n = eta.length;
  const out = outputBuffer(options.out, n, 'options.overpotential');
  const i0Option = options.exchangeCurrentDensity;
  const i0 =
    typeof i0Option === 'number'
      ? positiveCurrentDensity('options.exchangeCurrentDensity', i0Option)
      : assertPositiveArray('options.exchangeCurrentDensity', i0Option, n);
  if (simd) {
    const uniform = typeof i0 === 'number';
    expm1DifferenceArray(
      eta,
      alphaA * f,
      alphaC * f,
      uniform ? i0 : 1,
      uniform ? undefined : i0,
      out,
      (k) =>
        butlerVolmerKernel(
          uniform ? i0 : (i0[k] as number),
          finiteElement('options.overpotential', eta, k),
          alphaA,
          alphaC,
          f,
        ),
    );
    return out;
  }
  if (typeof i0 === 'number') {
    for (let k = 0; k < n; k++)
      out[k] = butlerVolmerKernel(i0, eta[k] as number, alphaA, alphaC, f);
    return out;
  }
  for (let k = 0; k < n; k++) {
    out[k] = butlerVolmerKernel(i0[k] as number, eta[k] as number, alphaA, alphaC, f);
  }
  return out;
}
