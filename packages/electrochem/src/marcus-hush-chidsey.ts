import { assertFiniteNumber, erfc } from '@intercalate/numerics';
import { assertOptions, fOverRTFrom, positiveCurrentDensity } from './kinetics-options.js';

/** Options of {@link marcusHushChidsey}. */
export interface MarcusHushChidseyOptions {
  /**
   * Exchange current density i0, in A m⁻², finite and > 0: the current of each direction at
   * η = 0 (the rate is normalized to it, see {@link marcusHushChidsey}).
   */
  exchangeCurrentDensity: number;
  /** Overpotential η, in V, finite. */
  overpotential: number;
  /**
   * Reorganization energy λ, in eV (equivalently V per elementary charge), finite and > 0.
   * Typical intercalation values are 0.1–0.5 eV (≈ 4–20 kT at room temperature).
   */
  reorganizationEnergy: number;
  /** Absolute temperature T, in K, finite and > 0. */
  temperature: number;
}

/** Unnormalized one-direction Zeng et al. rate without the √(πλ) prefactor: erfc((λ − √(1 + √λ + η²))/(2√λ)). */
function erfcFactor(lambda: number, eta: number): number {
  const root = Math.sqrt(lambda);
  return erfc((lambda - Math.sqrt(1 + root + eta * eta)) / (2 * root));
}

/**
 * Marcus–Hush–Chidsey (MHC) current density in the closed form of Zeng, Smith, Bai and Bazant,
 * J. Electroanal. Chem. 735 (2014) 77–83, normalized so that `exchangeCurrentDensity` is the
 * true exchange current density:
 *
 * k_ox/red(η̃) = √(πλ̃)/(1 + exp(∓η̃))·erfc[(λ̃ − √(1 + √λ̃ + η̃²))/(2√λ̃)],
 * i = i0·[k_ox(η̃) − k_red(η̃)]/k_ox(0) = 2·i0·tanh(η̃/2)·erfc(a(η̃))/erfc(a(0)),
 *
 * with λ̃ = λ·F/(RT) = λ/(k_B T) and η̃ = F·η/(RT) (λ in eV, η in V), a(η̃) the erfc argument.
 * Anodic positive, like {@link butlerVolmer}.
 *
 * Normalization: divided by k(0), as MPET does, so i0 has the same meaning as in Butler–Volmer
 * and the slope at η = 0 is i0·F/(RT) (that of symmetric Butler–Volmer); PyBaMM's MHC option
 * does not normalize, and its rate constant then differs from i0 by the factor k(0), which
 * depends on λ.
 *
 * Behaviour: for |η̃| ≪ 1 the current equals symmetric (α = ½) Butler–Volmer; at large |η| it
 * saturates (curved Tafel plot, the MHC signature) instead of growing exponentially. The closed
 * form approximates the Chidsey integral ∫ exp(−(x − λ̃ ± η̃)²/(4λ̃))/(1 + eˣ) dx (+ oxidation): against it
 * (mpmath quadrature, see test/fixtures/marcus-hush-chidsey.py) the normalized current is within
 * 7 % at λ̃ = 10 (≈ 0.26 eV at 298 K), 16 % for λ̃ from 5 to 20 (0.13–0.5 eV) and 30 % from 2
 * to 40, for |η̃| ≤ 30; it is exact to first order at small η. Beyond λ̃ ≈ 20 the error grows
 * and the closed form does not reproduce the exact MHC → Butler–Volmer limit at very large λ
 * (at fixed η it tends to 2·i0·tanh(η̃/2) instead). For λ ≫ 0.5 eV use {@link butlerVolmer}
 * with αa = αc = ½.
 *
 * @param options - i0 (A m⁻²), η (V), λ (eV), T (K); see {@link MarcusHushChidseyOptions}.
 * @returns Current density in A m⁻², anodic positive.
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if i0 ≤ 0, η is not finite, λ ≤ 0, or T ≤ 0.
 *
 * @example
 * ```ts
 * import { marcusHushChidsey } from '@intercalate/electrochem';
 * marcusHushChidsey({ exchangeCurrentDensity: 1, overpotential: 0.1, reorganizationEnergy: 0.3, temperature: 298.15 });
 * // ≈ 2.94 A m⁻² (symmetric Butler–Volmer gives 13.6: MHC saturates)
 * ```
 */
export function marcusHushChidsey(options: MarcusHushChidseyOptions): number {
  assertOptions(
    options,
    '{ exchangeCurrentDensity, overpotential, reorganizationEnergy, temperature }',
  );
  const i0 = positiveCurrentDensity(
    'options.exchangeCurrentDensity',
    options.exchangeCurrentDensity,
  );
  const eta = assertFiniteNumber('options.overpotential', options.overpotential, { unit: 'V' });
  const lambdaEv = assertFiniteNumber(
    'options.reorganizationEnergy',
    options.reorganizationEnergy,
    {
      min: 0,
      exclusiveMin: true,
      unit: 'eV',
    },
  );
  const f = fOverRTFrom('options.temperature', options.temperature);
  const lambda = lambdaEv * f;
  const x = eta * f;
  const reference = erfcFactor(lambda, 0);
  if (reference === 0) {
    throw new RangeError(
      `options.reorganizationEnergy ${lambdaEv} eV is ${lambda.toPrecision(4)} kT at this temperature: the rate at η = 0 underflows (erfc argument > 27); use butlerVolmer with alphaA = alphaC = 0.5 for λ ≫ kT`,
    );
  }
  return 2 * i0 * Math.tanh(0.5 * x) * (erfcFactor(lambda, x) / reference);
}
