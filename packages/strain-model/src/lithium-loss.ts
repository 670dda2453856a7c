import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import type { CyclingWindow } from './materials.js';

/** Input of {@link lithiumLossProjection}. */
export interface LithiumLossProjectionOptions {
  /** The c_Li window of the first cycle (cycle 0); `cLiCharged` < `cLiDischarged`, both in [0, 1]. */
  window: CyclingWindow;
  /** Cyclable lithium lost per cycle, in units of c_Li (fraction of Li sites), in [0, 1]. */
  lossPerCycle: number;
  /** Number of cycles to project, an integer from 0 to 10⁷. */
  cycles: number;
  /** The critical lithium content c*, in [0, 1] (≈ 0.4 for Ni-rich layered oxides). */
  criticalContent: number;
}

/** Result of {@link lithiumLossProjection}: one element per cycle k = 0 … cycles. */
export interface LithiumLossProjection {
  /** The lowest c_Li reached in cycle k (end of charge). */
  lowestCLi: Float64Array;
  /** The highest c_Li reached in cycle k (end of discharge). */
  highestCLi: Float64Array;
  /** The fraction of cycle k's c_Li window that lies below c*, in [0, 1]. */
  fractionBelowCritical: Float64Array;
  /** The first cycle whose lowest c_Li is below c*, or `NaN` if none within `cycles`. */
  firstCycleBelowCritical: number;
}

/**
 * Projects how loss of cyclable lithium drives the working window of a layered-oxide cathode below
 * the critical content c*: the "vicious circle" of Jousseaume et al. (Energy Environ. Sci. 2024,
 * §3.6), where the c_Li range "is gradually shifting to lower values, further and further below
 * the critical content", raising the strain that causes more loss.
 *
 * Model (the paper's picture, as a rigid shift): lithium lost to side reactions no longer returns
 * to the cathode, so after k cycles both ends of the window are lowered by the cumulative loss,
 *
 * low_k = max(0, c_Li,charged − k·loss),  high_k = max(0, c_Li,discharged − k·loss),
 *
 * and the fraction of the window below c* is clamp((c* − low_k)/(high_k − low_k), 0, 1) (1 once
 * the window has collapsed to 0). At cycle 0 it equals 1 − {@link criticalStateOfCharge}
 * (clamped). The loss per cycle is constant; the feedback of strain on the loss rate is not
 * modelled (call again with a larger `lossPerCycle` to explore it). Full-cell balancing, which may
 * pin the end of charge instead, is outside this model.
 *
 * @param options - Window, loss rate, cycle count and c*; see {@link LithiumLossProjectionOptions}.
 * @returns Per-cycle lowest and highest c_Li, fraction below c*, and the first cycle below c*.
 * @throws TypeError if `options` or `window` is not an object or a member is not a number.
 * @throws RangeError if a content is not in [0, 1], `cLiCharged` ≥ `cLiDischarged`,
 *   `lossPerCycle` is not in [0, 1], or `cycles` is not an integer in [0, 10⁷].
 *
 * @example
 * ```ts
 * import { lithiumLossProjection, MATERIALS } from '@intercalate/strain-model';
 * const p = lithiumLossProjection({
 *   window: MATERIALS.NMC622.cyclingWindow, // c_Li 1.00 → 0.30 (assumed)
 *   lossPerCycle: 0.0005,
 *   cycles: 500,
 *   criticalContent: 0.4,
 * });
 * p.fractionBelowCritical[0]; // 0.142… (= 1 − 0.857)
 * p.lowestCLi[500]; // 0.05
 * ```
 */
export function lithiumLossProjection(
  options: LithiumLossProjectionOptions,
): LithiumLossProjection {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { window, lossPerCycle, cycles, criticalContent }; received ${describeValue(options)}`,
    );
  }
  const window = options.window;
  if (typeof window !== 'object' || window === null) {
    throw new TypeError(
      `window must be an object { cLiDischarged, cLiCharged }; received ${describeValue(window)}`,
    );
  }
  const high0 = assertFiniteNumber('window.cLiDischarged', window.cLiDischarged, {
    min: 0,
    max: 1,
  });
  const low0 = assertFiniteNumber('window.cLiCharged', window.cLiCharged, { min: 0, max: 1 });
  if (!(low0 < high0)) {
    throw new RangeError(
      `window.cLiCharged must be < window.cLiDischarged (${high0}); received ${low0}`,
    );
  }
  const loss = assertFiniteNumber('lossPerCycle', options.lossPerCycle, { min: 0, max: 1 });
  const cycles = assertFiniteNumber('cycles', options.cycles, {
    integer: true,
    min: 0,
    max: 1e7,
  });
  const critical = assertFiniteNumber('criticalContent', options.criticalContent, {
    min: 0,
    max: 1,
  });
  const lowestCLi = new Float64Array(cycles + 1);
  const highestCLi = new Float64Array(cycles + 1);
  const fractionBelowCritical = new Float64Array(cycles + 1);
  let firstCycleBelowCritical = Number.NaN;
  for (let k = 0; k <= cycles; k++) {
    const low = Math.max(0, low0 - k * loss);
    const high = Math.max(0, high0 - k * loss);
    lowestCLi[k] = low;
    highestCLi[k] = high;
    let fraction: number;
    if (high <= low) fraction = critical > 0 ? 1 : 0;
    else fraction = Math.min(1, Math.max(0, (critical - low) / (high - low)));
    fractionBelowCritical[k] = fraction;
    if (Number.isNaN(firstCycleBelowCritical) && low < critical) firstCycleBelowCritical = k;
  }
  return { lowestCLi, highestCLi, fractionBelowCritical, firstCycleBelowCritical };
}
