import { assertFiniteNumber, fastExp } from '@intercalate/numerics';

/**
 * A property of the active material as a function of its lithium content x = c/c_max
 * (the dimensionless `cLi` of the toolkit, 0 ≤ x ≤ 1): a diffusivity D(x) in m² s⁻¹, an electronic
 * conductivity κ(x) in S m⁻¹ or an open-circuit voltage U(x) in V vs Li⁺/Li.
 *
 * The particle models ({@link simulateSingleParticle}, {@link simulateParticleNetwork}) take such
 * functions as options; supply your own (fitted to GITT or conductivity data, e.g. through
 * `pchip` from `@intercalate/numerics`) or start from the bundled *illustrative* laws. A law is
 * called with x in [0, 1] and must return a finite number (D, κ > 0); the models throw a
 * RangeError naming the law and x otherwise.
 *
 * @example
 * ```ts
 * import type { TransportLaw } from '@intercalate/electrochem';
 * const constantD: TransportLaw = () => 1e-14; // m² s⁻¹
 * ```
 */
export type TransportLaw = (x: number) => number;

/** 1/(1 + e^(−u)) without overflow for large |u|. */
function logistic(u: number): number {
  if (u >= 0) return 1 / (1 + fastExp(-u));
  const e = fastExp(u);
  return e / (1 + e);
}

const FRACTION = { min: 0, max: 1 };

function lithiumFraction(x: number): void {
  // the particle models call the laws in their inner loops: validate only what fails the check
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) assertFiniteNumber('x', x, FRACTION);
}

/**
 * ILLUSTRATIVE Li diffusivity of a layered NMC oxide vs lithium content, in m² s⁻¹. Not fitted to
 * any data set: a smooth law that follows the published trend so that models show its
 * consequences.
 *
 * log₁₀ D(x) = log₁₀ D_low + (log₁₀ D_high − log₁₀ D_low) · σ((x₀ − x)/w), σ(u) = 1/(1 + e^(−u)),
 * with D_high = 1e-14 m² s⁻¹, D_low = 1e-17 m² s⁻¹, x₀ = 0.9, w = 0.025.
 *
 * So D ≈ 1e-14 m² s⁻¹ (1e-10 cm² s⁻¹) for x ≲ 0.8, falls by three orders of magnitude between
 * x = 0.8 and 1, and is lowest in the fully lithiated (pristine, discharged) state: D(1) ≈
 * 1.1e-17 m² s⁻¹. Trend: Sharma et al., Nano Lett. 2022, 22, 5883, Fig. 4c ("low diffusivity in
 * the low SOC region, x = 1.0–0.8 in Liₓ(NMC)O₂"; divacancy mechanism, Van der Ven et al.,
 * Acc. Chem. Res. 2013). Magnitude of the plateau: inside the NMC532 GITT range 1e-15–4e-13
 * m² s⁻¹ (Yang et al., Electrochim. Acta 2012, 66, 88) and close to PyBaMM's Chen2020 NMC811
 * value 4e-15 m² s⁻¹. The depth of the drop (×1e-3) is a choice that makes the first-cycle
 * capacity loss of mechanism (2) appear at C/20 for a 5 µm particle.
 *
 * @param x - Lithium content x = c/c_max in [0, 1].
 * @returns D(x) in m² s⁻¹.
 * @throws TypeError if `x` is not a number.
 * @throws RangeError if `x` is not finite or outside [0, 1].
 *
 * @example
 * ```ts
 * import { illustrativeNmcDiffusivity } from '@intercalate/electrochem';
 * illustrativeNmcDiffusivity(0.5); // 1.0e-14 m² s⁻¹
 * illustrativeNmcDiffusivity(1); // 1.1e-17 m² s⁻¹
 * ```
 */
export function illustrativeNmcDiffusivity(x: number): number {
  lithiumFraction(x);
  return fastExp(Math.LN10 * (-17 + 3 * logistic((0.9 - x) / 0.025)));
}

/**
 * ILLUSTRATIVE electronic conductivity of a layered NMC oxide vs lithium content, in S m⁻¹. Not
 * fitted to any data set: a smooth law that follows the published trend.
 *
 * log₁₀ κ(x) = log₁₀ κ_pristine + (log₁₀ κ_charged − log₁₀ κ_pristine) · σ((x₀ − x)/w),
 * with κ_pristine = 1e-5 S m⁻¹ (1e-7 S cm⁻¹), κ_charged = 1 S m⁻¹ (1e-2 S cm⁻¹), x₀ = 0.95,
 * w = 0.01.
 *
 * So κ is five orders of magnitude lower in the pristine state (κ(1) ≈ 1.1e-5 S m⁻¹) than after
 * the first few per cent of Li are removed (κ(0.9) ≈ 0.93 S m⁻¹). Trend: Sharma et al., Nano
 * Lett. 2022, 22, 5883, Fig. 4b ("several orders of magnitude lower in the pristine state",
 * semiconductor-to-metal transition on initial delithiation). End values: NMC conductivity rising
 * from ~1e-7 to ~1e-2 S cm⁻¹ on delithiation (Amin & Chiang, J. Electrochem. Soc. 2016, 163,
 * A1512). The position and sharpness of the rise (x₀, w) are illustrative.
 *
 * @param x - Lithium content x = c/c_max in [0, 1].
 * @returns κ(x) in S m⁻¹.
 * @throws TypeError if `x` is not a number.
 * @throws RangeError if `x` is not finite or outside [0, 1].
 *
 * @example
 * ```ts
 * import { illustrativeNmcConductivity } from '@intercalate/electrochem';
 * illustrativeNmcConductivity(1); // 1.08e-5 S m⁻¹ (pristine)
 * illustrativeNmcConductivity(0.5); // 1.0 S m⁻¹
 * ```
 */
export function illustrativeNmcConductivity(x: number): number {
  lithiumFraction(x);
  return fastExp(Math.LN10 * (-5 + 5 * logistic((0.95 - x) / 0.01)));
}

/**
 * ILLUSTRATIVE open-circuit voltage of a layered NMC oxide vs lithium content, in V vs Li⁺/Li.
 * Not fitted to any data set: a smooth, strictly decreasing curve with the familiar shape
 * (≈ 4.3 V at x ≈ 0.3, a sloping plateau near 3.7–3.9 V, a steep fall as x → 1).
 *
 * U(x) = 3.95 − 1.0·(x − 0.6) + 0.06·ln((1 − x)/x)  (V),
 *
 * a linear term plus an ideal-solution (Nernst-like) term with an effective slope 0.06 V. It
 * diverges to +∞ as x → 0 and to −∞ as x → 1, so a galvanostatic step always meets its voltage
 * cut-off before the surface leaves [0, 1]. Values: U(0.3) = 4.30 V, U(0.6) = 3.93 V,
 * U(0.9) = 3.52 V, U(0.99) = 3.28 V. Use a measured pseudo-OCV (from {@link analyzeGitt}, through
 * an interpolant) for quantitative work.
 *
 * @param x - Lithium content x = c/c_max in [0, 1].
 * @returns U(x) in V vs Li⁺/Li (±Infinity at x = 0 and x = 1).
 * @throws TypeError if `x` is not a number.
 * @throws RangeError if `x` is not finite or outside [0, 1].
 *
 * @example
 * ```ts
 * import { illustrativeNmcOcv } from '@intercalate/electrochem';
 * illustrativeNmcOcv(0.3); // 4.301 V
 * illustrativeNmcOcv(0.9); // 3.518 V
 * ```
 */
export function illustrativeNmcOcv(x: number): number {
  lithiumFraction(x);
  return 3.95 - (x - 0.6) + 0.06 * Math.log((1 - x) / x);
}
