import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import {
  type SpectrumLine,
  type SpinningSidebands,
  simulateSpectrum,
} from './simulate-spectrum.js';

/**
 * A distribution of shifts: any object with `environments`, each a shift in ppm and its
 * probability, such as the result of `environmentDistribution`.
 */
export interface ShiftDistribution {
  /** The environments; each becomes one line (with its sidebands). */
  readonly environments: ReadonlyArray<{
    /** Isotropic shift of the environment in ppm; finite. */
    readonly shift: number;
    /** Probability (weight) of the environment; finite and ≥ 0. */
    readonly probability: number;
  }>;
}

/** Options of {@link predictSpectrum}. */
export interface PredictSpectrumOptions {
  /** The chemical-shift axis in ppm: n ≥ 1 finite values, in any order and spacing. */
  axis: ArrayLike<number>;
  /** Full width at half maximum of every line in ppm; finite and > 0. */
  fwhm: number;
  /**
   * Line shape of every environment (see {@link SpectrumLine}).
   * @defaultValue 'lorentzian'
   */
  shape?: 'lorentzian' | 'gaussian' | 'pseudo-voigt';
  /** Lorentzian fraction η in [0, 1]; required when `shape` is `'pseudo-voigt'`. */
  eta?: number;
  /**
   * Total area: each environment's line (manifold, with sidebands) has area
   * `probability × area`, so the spectrum integrates to `area × Σ probability`. Use it to scale a
   * prediction to a measured integral or to moles of Li in the rotor.
   * @defaultValue 1
   */
  area?: number;
  /** Spinning sidebands of every line; see {@link SpinningSidebands}. @defaultValue none */
  sidebands?: SpinningSidebands;
  /** Reference frequency of the observed nucleus in MHz; required with `sidebands`. */
  referenceFrequency?: number;
  /** A Float64Array of length n to write into (overwritten) instead of allocating. */
  out?: Float64Array;
}

/**
 * Predicts the spectrum of a distribution of environments: each environment becomes a line at its
 * shift with area = probability × `area`, all with the same width and shape, each with its
 * spinning-sideband manifold, summed on the ppm axis by {@link simulateSpectrum}:
 *
 * y(δ) = area · Σ_env p_env · Σ_N w_N·P(δ; δ_env + N·ν_r/ν_ref, fwhm, η)
 *
 * Probabilities are used as given (they need not sum to 1, e.g. after a `minProbability` cut).
 * Environments with the same shift (common when pathway contributions are additive) are merged
 * into one line with the summed probability before drawing, which changes nothing but the cost;
 * the cost is O(distinct shifts × (2·orders + 1) × n) for Lorentzian lines, so thousands of
 * distinct shifts with many orders on a long axis take seconds.
 *
 * @param distribution - The environments; see {@link ShiftDistribution}.
 * @param options - Axis, width, shape, scale and sidebands; see {@link PredictSpectrumOptions}.
 * @returns The predicted intensities at each axis point (`out` if given), in the unit of `area`
 *   per ppm.
 * @throws TypeError if `distribution` is not an object with an `environments` array, an
 *   environment is not an object, `options` is not an object, or as {@link simulateSpectrum}.
 * @throws RangeError if a shift is not finite, a probability is not finite and ≥ 0, `fwhm` is not
 *   > 0, `area` is not finite, `eta` is missing or outside [0, 1] for a pseudo-Voigt, or as
 *   {@link simulateSpectrum}.
 *
 * @example
 * ```ts
 * import { predictSpectrum } from '@intercalate/nmr';
 * const distribution = {
 *   environments: [
 *     { shift: 740, probability: 0.6 },
 *     { shift: 520, probability: 0.3 },
 *     { shift: 0, probability: 0.1 },
 *   ],
 * };
 * const axis = Float64Array.from({ length: 4096 }, (_, i) => 2000 - (4000 * i) / 4095);
 * const y = predictSpectrum(distribution, {
 *   axis,
 *   fwhm: 80,
 *   referenceFrequency: 116.591,
 *   sidebands: { spinningRate: 60_000, orders: 2, anisotropy: 300, asymmetry: 0.1 },
 * });
 * ```
 */
export function predictSpectrum(
  distribution: ShiftDistribution,
  options: PredictSpectrumOptions,
): Float64Array {
  if (
    typeof distribution !== 'object' ||
    distribution === null ||
    !Array.isArray(distribution.environments)
  ) {
    throw new TypeError(
      `distribution must be an object { environments: [{ shift, probability }, …] }; received ${describeValue(distribution)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { axis, fwhm, shape?, eta?, area?, sidebands?, referenceFrequency?, out? }; received ${describeValue(options)}`,
    );
  }
  const fwhm = assertFiniteNumber('fwhm', options.fwhm, {
    min: 0,
    exclusiveMin: true,
    unit: 'ppm',
  });
  const total = assertFiniteNumber('area', options.area ?? 1);
  const shape = options.shape ?? 'lorentzian';
  if (shape !== 'lorentzian' && shape !== 'gaussian' && shape !== 'pseudo-voigt') {
    throw new TypeError(
      `shape must be 'lorentzian', 'gaussian' or 'pseudo-voigt'; received ${describeValue(shape)}`,
    );
  }
  if (shape === 'pseudo-voigt') assertFiniteNumber('eta', options.eta, { min: 0, max: 1 });
  // Merge equal shifts (in first-seen order, so the sum is reproducible).
  const merged = new Map<number, number>();
  distribution.environments.forEach((environment: unknown, k) => {
    if (typeof environment !== 'object' || environment === null) {
      throw new TypeError(
        `distribution.environments[${k}] must be an object { shift, probability }; received ${describeValue(environment)}`,
      );
    }
    const { shift, probability } = environment as { shift: unknown; probability: unknown };
    const s = assertFiniteNumber(`distribution.environments[${k}].shift`, shift, { unit: 'ppm' });
    const p = assertFiniteNumber(`distribution.environments[${k}].probability`, probability, {
      min: 0,
    });
    merged.set(s, (merged.get(s) ?? 0) + p); // a Map keys −0 and +0 alike
  });
  const lines: SpectrumLine[] = [];
  for (const [shift, probability] of merged) {
    if (probability === 0) continue;
    const line: SpectrumLine = { shift, fwhm, area: probability * total, shape };
    if (options.eta !== undefined) line.eta = options.eta;
    lines.push(line);
  }
  const simulateOptions = {
    axis: options.axis,
    lines,
    ...(options.sidebands === undefined ? {} : { sidebands: options.sidebands }),
    ...(options.referenceFrequency === undefined
      ? {}
      : { referenceFrequency: options.referenceFrequency }),
    ...(options.out === undefined ? {} : { out: options.out }),
  };
  return simulateSpectrum(simulateOptions);
}
