import { assertFiniteNumber, assertNumericArray, outputBuffer } from '@intercalate/numerics';
import { overpotentialKernel } from './kinetics-kernels.js';
import {
  assertOptions,
  assertPositiveArray,
  finiteElement,
  fOverRTFrom,
  positiveCurrentDensity,
  transferCoefficient,
} from './kinetics-options.js';
import { kineticsSimdAvailable, SIMD_MIN_LENGTH, scaledAsinhArray } from './wasm/kinetics-simd.js';

/** Options of {@link overpotential}. */
export interface OverpotentialOptions {
  /** Current density i, in A m⁻², anodic positive, finite. */
  current: number;
  /** Exchange current density i0, in A m⁻², finite and > 0. */
  exchangeCurrentDensity: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/**
 * Inverse Butler–Volmer kinetics: the overpotential η (V) that drives the current density i
 * through an interface of exchange current density i0, i.e. the root of
 * i0·[exp(αa·F·η/(RT)) − exp(−αc·F·η/(RT))] = i (anodic positive, see {@link butlerVolmer}).
 *
 * - αa = αc = α: closed form η = (RT/(αF))·asinh(i/(2·i0)); with α = ½ this is PyBaMM's
 *   inverse η = (2RT/F)·asinh(i/(2·i0)).
 * - αa ≠ αc (PyBaMM has no inverse for this case): safeguarded Newton iteration on the
 *   logarithm of the scaled equation, ln(exp(αa·x) − exp(−αc·x)) = ln|i/i0| with x = Fη/(RT),
 *   which is increasing and concave so the iterates rise monotonically to the root from the lower
 *   bound asinh(r/2)/max(αa, αc), clamped to the bracket [asinh(r/2)/max, asinh(r/2)/min]
 *   (r = |i|/i0). Cathodic currents use the mirror identity. Accurate to about 1e-15 relative
 *   (within the 1e-12 promised) and free of overflow for any finite i and i0: ln|i| − ln i0 is
 *   used instead of i/i0 when that ratio is not representable, so |η| of several volts is fine.
 *
 * @param options - i (A m⁻²), i0 (A m⁻²), αa, αc, T (K); see {@link OverpotentialOptions}.
 * @returns Overpotential η in V, with the sign of i (0 for i = 0).
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if i is not finite, i0 ≤ 0, αa or αc is outside (0, 1), or T ≤ 0.
 *
 * @example
 * ```ts
 * import { overpotential } from '@intercalate/electrochem';
 * // PyBaMM's test: j = 1, j0 = 0.5, T = 300 K, symmetric → 0.0455705 V
 * overpotential({ current: 1, exchangeCurrentDensity: 0.5, temperature: 300 });
 * overpotential({ current: -50, exchangeCurrentDensity: 1, alphaA: 0.3, alphaC: 0.7, temperature: 298.15 });
 * // ≈ -0.1433 V
 * ```
 */
export function overpotential(options: OverpotentialOptions): number {
  assertOptions(options, '{ current, exchangeCurrentDensity, alphaA, alphaC, temperature }');
  const i = assertFiniteNumber('options.current', options.current, { unit: 'A m⁻²' });
  const i0 = positiveCurrentDensity(
    'options.exchangeCurrentDensity',
    options.exchangeCurrentDensity,
  );
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  return overpotentialKernel(i, i0, alphaA, alphaC, f);
}

/** Options of {@link overpotentialArray}. */
export interface OverpotentialArrayOptions {
  /** Current densities i, in A m⁻², anodic positive, finite. */
  current: ArrayLike<number>;
  /**
   * Exchange current density i0, in A m⁻², > 0: one value for all points, or one per point
   * (same length as `current`).
   */
  exchangeCurrentDensity: number | ArrayLike<number>;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Absolute temperature T, in K, > 0. */
  temperature: number;
  /** Destination buffer, a Float64Array of the length of `current`. */
  out?: Float64Array;
}

/**
 * Vectorized {@link overpotential}: η[k] solving i0[k]·[exp(αa·F·η/(RT)) − exp(−αc·F·η/(RT))] =
 * i[k] for every current density of a typed array or array, with the same closed form
 * (αa = αc), safeguarded solve (αa ≠ αc), accuracy and sign convention. Allocates nothing when
 * `out` is given.
 *
 * With αa = αc, one i0 and 64 points or more, the closed form runs in a WebAssembly SIMD kernel
 * (four points per iteration; asinh u = ln(u + √(u² + 1)), or log1p(u + u²/(1 + √(1 + u²)))
 * below u = ½, with a table-driven logarithm), within 1e-15 relative of `Math.asinh`; zero,
 * subnormal and huge ratios, and runtimes without WebAssembly SIMD, use the scalar path.
 *
 * @param options - i (A m⁻²) per point, i0 (A m⁻²) scalar or per point, αa, αc, T (K) and
 *   `out`; see {@link OverpotentialArrayOptions}.
 * @returns `out`, or a new Float64Array, with the overpotentials in V.
 * @throws TypeError if `options` is not an object, an array is not numeric, or `out` is not a
 *   Float64Array.
 * @throws RangeError if an element is not finite, an i0 is ≤ 0, αa or αc is outside (0, 1),
 *   T ≤ 0, or lengths differ. (On long arrays the finiteness check runs with the kernel: `out`
 *   may then already hold the results before the bad element.)
 *
 * @example
 * ```ts
 * import { overpotentialArray } from '@intercalate/electrochem';
 * const eta = overpotentialArray({
 *   current: [-10, 0, 10],
 *   exchangeCurrentDensity: 1,
 *   alphaA: 0.4,
 *   alphaC: 0.6,
 *   temperature: 298.15,
 * }); // ≈ [-0.0930, 0, 0.1480] V
 * ```
 */
export function overpotentialArray(options: OverpotentialArrayOptions): Float64Array {
  assertOptions(options, '{ current, exchangeCurrentDensity, alphaA, alphaC, temperature, out }');
  const currentOption = options.current;
  const alphaA = transferCoefficient('options.alphaA', options.alphaA);
  const alphaC = transferCoefficient('options.alphaC', options.alphaC);
  const f = fOverRTFrom('options.temperature', options.temperature);
  const i0Option = options.exchangeCurrentDensity;
  // Long arrays in the symmetric case with one i0 run the WebAssembly SIMD asinh kernel where
  // available; it declines non-finite points, so their check is fused into its scalar fallback.
  const simd =
    alphaA === alphaC &&
    typeof i0Option === 'number' &&
    (currentOption as { length?: unknown } | null)?.length !== undefined &&
    (currentOption as ArrayLike<unknown>).length >= SIMD_MIN_LENGTH &&
    kineticsSimdAvailable();
  const current = assertNumericArray('options.current', currentOption, { finite: !simd });
  const n = current.length;
  const out = outputBuffer(options.out, n, 'options.current');
  if (typeof i0Option === 'number') {
    const i0 = positiveCurrentDensity('options.exchangeCurrentDensity', i0Option);
    if (alphaA === alphaC) {
      // Symmetric closed form η = asinh(i/(2 i0))/(α f): the SIMD kernel (within 1e-15 relative
      // of Math.asinh) or one flat loop of the scalar kernel's fast branch (the same bits as
      // overpotential()); the scalar kernel handles i = 0 and ratios that are not representable.
      const denominator = alphaA * f;
      const symmetric = (i: number) => {
        const r = Math.abs(i / i0);
        return r >= 1e-300 && r <= Number.MAX_VALUE
          ? Math.asinh(0.5 * (i / i0)) / denominator
          : overpotentialKernel(i, i0, alphaA, alphaC, f);
      };
      if (simd) {
        scaledAsinhArray(current, 0.5 / i0, 1 / denominator, out, (k) =>
          symmetric(finiteElement('options.current', current, k)),
        );
        return out;
      }
      for (let k = 0; k < n; k++) out[k] = symmetric(current[k] as number);
      return out;
    }
    for (let k = 0; k < n; k++) {
      out[k] = overpotentialKernel(current[k] as number, i0, alphaA, alphaC, f);
    }
    return out;
  }
  const i0 = assertPositiveArray('options.exchangeCurrentDensity', i0Option, n);
  for (let k = 0; k < n; k++) {
    out[k] = overpotentialKernel(current[k] as number, i0[k] as number, alphaA, alphaC, f);
  }
  return out;
}
