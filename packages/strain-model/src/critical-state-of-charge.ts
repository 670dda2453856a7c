import { assertFiniteNumber, describeValue } from '@intercalate/numerics';

/** Input of {@link criticalStateOfCharge}. */
export interface CriticalStateOfChargeOptions {
  /** The critical lithium content c* (≈ 0.4 for Ni-rich layered oxides), in [0, 1]. */
  criticalContent: number;
  /** c_Li at the end of discharge (0 % SOC), in [0, 1]. */
  cLiDischarged: number;
  /** c_Li at the end of charge (100 % SOC), in [0, 1] and below `cLiDischarged`. */
  cLiCharged: number;
}

/**
 * The state of charge at which a cathode reaches the critical lithium content c*, with SOC linear
 * in the lithium extracted over the cycling window:
 *
 * SOC* = (c_Li,discharged − c*) / (c_Li,discharged − c_Li,charged)
 *
 * a fraction (multiply by 100 for %): 0 at the end of discharge, 1 at the end of charge. It is the
 * paper's argument (Jousseaume et al., Energy Environ. Sci. 2024, §3.6) that c_Li = 0.4 is about
 * 85 % SOC for NMC622 but only 65 % for LNO, whose wider window reaches lower c_Li. The result is
 * not clamped: below 0 the whole window lies below c*, above 1 it never reaches c*.
 *
 * @param options - c* and the window; see {@link CriticalStateOfChargeOptions}. The presets of
 *   {@link MATERIALS} carry assumed windows (`...MATERIALS.NMC622.cyclingWindow`).
 * @returns SOC*, dimensionless (fraction of the window's capacity).
 * @throws TypeError if `options` is not an object or a member is not a number.
 * @throws RangeError if a content is not in [0, 1] or `cLiCharged` ≥ `cLiDischarged`.
 *
 * @example
 * ```ts
 * import { criticalStateOfCharge } from '@intercalate/strain-model';
 * criticalStateOfCharge({ criticalContent: 0.4, cLiDischarged: 1, cLiCharged: 0.3 }); // 0.857…
 * criticalStateOfCharge({ criticalContent: 0.4, cLiDischarged: 0.95, cLiCharged: 0.1 }); // 0.647…
 * ```
 */
export function criticalStateOfCharge(options: CriticalStateOfChargeOptions): number {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { criticalContent, cLiDischarged, cLiCharged }; received ${describeValue(options)}`,
    );
  }
  const critical = assertFiniteNumber('criticalContent', options.criticalContent, {
    min: 0,
    max: 1,
  });
  const high = assertFiniteNumber('cLiDischarged', options.cLiDischarged, { min: 0, max: 1 });
  const low = assertFiniteNumber('cLiCharged', options.cLiCharged, { min: 0, max: 1 });
  if (!(low < high)) {
    throw new RangeError(
      `cLiCharged must be < cLiDischarged (${high}): charging removes lithium; received ${low}`,
    );
  }
  return (high - critical) / (high - low);
}
