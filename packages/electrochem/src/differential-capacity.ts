import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  savitzkyGolay,
} from '@intercalate/numerics';

/** Savitzky–Golay smoothing settings of {@link DifferentialCapacityOptions}. */
export interface DifferentialCapacitySmoothing {
  /** Window length in bins, an integer ≥ 1 (odd recommended; shortened on short branches). */
  window: number;
  /** Polynomial order, an integer with 0 ≤ order < window. */
  order: number;
}

/** Options of {@link differentialCapacity}. */
export interface DifferentialCapacityOptions {
  /** Width of the voltage bins, in V, finite and > 0. Bins are aligned on multiples of it. @defaultValue 0.005 */
  step?: number;
  /**
   * Savitzky–Golay smoothing of each branch's dQ/dV over its bins (numerics' `savitzkyGolay`,
   * scipy's `savgol_filter` convention), or `false` for the raw binned values. The window is
   * shortened to the largest odd number of bins available (and the order below it) on short
   * branches.
   * @defaultValue `{ window: 7, order: 2 }`
   */
  smoothing?: DifferentialCapacitySmoothing | false;
  /**
   * Voltage reversal, in V, that ends a branch: the voltage must move back by more than this from
   * its running extreme before a new (charge ↔ discharge) branch starts, so noise smaller than
   * this never splits a branch. Finite and ≥ 0. For pulsed data (GITT, intermittent current)
   * set it above the voltage drop between the end of one pulse and the start of the next.
   * @defaultValue 0.02
   */
  reversal?: number;
}

/** One monotonic-trend branch (a charge or a discharge) of {@link differentialCapacity}. */
export interface DifferentialCapacityBranch {
  /**
   * 'rising' (voltage increasing: charge of a cathode vs Li⁺/Li) or 'falling' (discharge of a
   * cathode). A branch that never moves by more than `reversal` is labelled by the sign of its
   * net voltage change ('rising' if none).
   */
  direction: 'rising' | 'falling';
  /** Index of the branch's first sample in the input arrays. */
  start: number;
  /** Index one past the branch's last sample (consecutive branches share their boundary sample, the voltage extreme). */
  end: number;
  /** Bin centres, in V, increasing. */
  voltage: Float64Array;
  /**
   * dQ/dV per bin, in (unit of capacity) V⁻¹: the capacity change in the bin divided by the
   * voltage change across it in the branch's direction (+step rising, −step falling), then
   * smoothed. Its sign is that of dQ/dV in the data.
   */
  dqdv: Float64Array;
  /** Net capacity change over the branch, in the unit of capacity (last minus first). */
  capacityChange: number;
}

/** Result of {@link differentialCapacity}. */
export interface DifferentialCapacity {
  /** Branches in time order. */
  branches: DifferentialCapacityBranch[];
}

/** Largest number of bins a branch may have (guards against a tiny step). */
const MAX_BINS = 10_000_000;

/**
 * Differential capacity dQ/dV of cycler data, robust to noise and to non-monotonic voltage:
 *
 * 1. **Branches.** Samples where the capacity does not change (rests, GITT relaxations) are
 *    skipped. The voltage trend of the rest is followed with hysteresis: a branch ends at its
 *    running voltage extreme once the voltage has come back by more than `reversal` from it, so
 *    charge and discharge are separated while noise below `reversal` is not.
 * 2. **Binning.** In each branch every capacity increment ΔQ_k = Q_k − Q_{k−1} is added to the
 *    voltage bin (width `step`, edges at multiples of `step`) that holds its midpoint voltage
 *    (V_{k−1} + V_k)/2, and dQ/dV = ΣΔQ/(±step), + for a rising branch and − for a falling
 *    one. Binning in voltage (a histogram of charge over voltage, rather than a finite difference
 *    ΔQ/ΔV of neighbouring samples) never divides by a small, noisy ΔV, and conserves charge:
 *    Σ dQ/dV·(±step) over a branch equals its capacity change exactly before smoothing. With
 *    noise-free, densely sampled data each bin holds the mean of dQ/dV over the bin.
 * 3. **Smoothing.** Savitzky–Golay over the bins (`smoothing`, default window 7, order 2).
 *
 * Compared with cellpy's approach (interpolate onto a uniform voltage grid, invert,
 * differentiate, smooth), binning needs no monotonic V(Q) and never interpolates across noise.
 * The capacity must be continuous within a branch: a counter that resets to 0 at every step
 * must be made cumulative (or the data split) first. The unit of dQ/dV is that of `capacity`
 * per volt (mAh g⁻¹ V⁻¹ for mAh g⁻¹).
 *
 * @param data - `capacity` (any unit, e.g. mAh g⁻¹) and `voltage` (V) per sample, arrays of
 *   the same length ≥ 2, in time order.
 * @param options - Bin width, smoothing and reversal threshold; see
 *   {@link DifferentialCapacityOptions}.
 * @returns The branches in time order, each with its bin centres and dQ/dV.
 * @throws TypeError if `data` or `options` is not an object, or an array is not numeric.
 * @throws RangeError if an element is not finite, lengths differ or are < 2, `step` ≤ 0,
 *   `reversal` < 0, the smoothing window/order are invalid, or a branch would need more than
 *   10⁷ bins (step too small for its voltage range).
 *
 * @example
 * ```ts
 * import { differentialCapacity } from '@intercalate/electrochem';
 * // A plateau-free charge: Q rises linearly by 100 mAh/g over 3.0–4.0 V → dQ/dV = 100 mAh/g/V.
 * const voltage = Float64Array.from({ length: 1001 }, (_, k) => 3 + k / 1000);
 * const capacity = voltage.map((v) => 100 * (v - 3));
 * const { branches } = differentialCapacity({ capacity, voltage }, { step: 0.01 });
 * branches[0].direction; // 'rising'
 * branches[0].dqdv[50]; // ≈ 100
 * ```
 */
export function differentialCapacity(
  data: { capacity: ArrayLike<number>; voltage: ArrayLike<number> },
  options: DifferentialCapacityOptions = {},
): DifferentialCapacity {
  if (typeof data !== 'object' || data === null) {
    throw new TypeError(
      `data must be an object { capacity, voltage }; received ${describeValue(data)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { step, smoothing, reversal }; received ${describeValue(options)}`,
    );
  }
  const voltage = assertNumericArray('data.voltage', data.voltage, { minLength: 2 });
  const n = voltage.length;
  const capacity = assertNumericArray('data.capacity', data.capacity, {
    length: n,
    lengthOf: 'data.voltage',
  });
  const step = assertFiniteNumber('options.step', options.step ?? 0.005, {
    min: 0,
    exclusiveMin: true,
    unit: 'V',
  });
  const reversal = assertFiniteNumber('options.reversal', options.reversal ?? 0.02, {
    min: 0,
    unit: 'V',
  });
  const smoothing = options.smoothing ?? { window: 7, order: 2 };
  let window = 0;
  let order = 0;
  if (smoothing !== false) {
    if (typeof smoothing !== 'object' || smoothing === null) {
      throw new TypeError(
        `options.smoothing must be { window, order } or false; received ${describeValue(smoothing)}`,
      );
    }
    window = assertFiniteNumber('options.smoothing.window', smoothing.window, {
      min: 1,
      integer: true,
    });
    order = assertFiniteNumber('options.smoothing.order', smoothing.order, {
      min: 0,
      max: window - 1,
      integer: true,
    });
  }

  // 1. Branch boundaries (sample indices) from the voltage trend of the active samples.
  const boundaries: number[] = [0];
  const directions: number[] = [];
  let direction = 0;
  let anchor = Number.NaN; // first active voltage of the branch (direction unknown yet)
  let extreme = Number.NaN;
  let extremeIndex = 0;
  for (let k = 1; k < n; k++) {
    if (capacity[k] === capacity[k - 1]) continue;
    const v = voltage[k] as number;
    if (Number.isNaN(anchor)) {
      anchor = voltage[k - 1] as number;
      extreme = anchor;
      extremeIndex = k - 1;
    }
    if (direction === 0) {
      if (v - anchor > reversal) direction = 1;
      else if (anchor - v > reversal) direction = -1;
      if (direction !== 0) {
        extreme = v;
        extremeIndex = k;
      }
      continue;
    }
    if (direction * (v - extreme) >= 0) {
      extreme = v;
      extremeIndex = k;
    } else if (direction * (extreme - v) > reversal) {
      directions.push(direction);
      boundaries.push(extremeIndex);
      direction = -direction;
      extreme = v;
      extremeIndex = k;
    }
  }
  directions.push(direction);
  boundaries.push(n - 1);

  // 2–3. Bin each branch's increments, then smooth.
  const branches: DifferentialCapacityBranch[] = [];
  for (let b = 0; b < directions.length; b++) {
    const first = boundaries[b] as number;
    const last = boundaries[b + 1] as number;
    let d = directions[b] as number;
    if (d === 0) d = (voltage[last] as number) < (voltage[first] as number) ? -1 : 1;
    let lowBin = Number.POSITIVE_INFINITY;
    let highBin = Number.NEGATIVE_INFINITY;
    for (let k = first + 1; k <= last; k++) {
      if (capacity[k] === capacity[k - 1]) continue;
      const bin = Math.floor((0.5 * ((voltage[k - 1] as number) + (voltage[k] as number))) / step);
      if (bin < lowBin) lowBin = bin;
      if (bin > highBin) highBin = bin;
    }
    if (lowBin > highBin) continue; // no capacity change in this stretch
    const bins = highBin - lowBin + 1;
    if (!(bins <= MAX_BINS)) {
      throw new RangeError(
        `options.step ${step} V would need ${bins} bins over ${(lowBin * step).toPrecision(6)}–${((highBin + 1) * step).toPrecision(6)} V; use a step ≥ ${((bins * step) / MAX_BINS).toPrecision(3)} V`,
      );
    }
    const dq = new Float64Array(bins);
    for (let k = first + 1; k <= last; k++) {
      const delta = (capacity[k] as number) - (capacity[k - 1] as number);
      if (delta === 0) continue;
      const bin = Math.floor((0.5 * ((voltage[k - 1] as number) + (voltage[k] as number))) / step);
      dq[bin - lowBin] = (dq[bin - lowBin] as number) + delta;
    }
    const scale = 1 / (d * step);
    for (let j = 0; j < bins; j++) dq[j] = (dq[j] as number) * scale;
    let dqdv: Float64Array = dq;
    if (smoothing !== false && bins >= 2) {
      const w = Math.min(window, bins % 2 === 1 ? bins : bins - 1);
      if (w > 1) dqdv = savitzkyGolay(dq, { window: w, order: Math.min(order, w - 1) });
    }
    const centres = new Float64Array(bins);
    for (let j = 0; j < bins; j++) centres[j] = (lowBin + j + 0.5) * step;
    branches.push({
      direction: d > 0 ? 'rising' : 'falling',
      start: first,
      end: last + 1,
      voltage: centres,
      dqdv,
      capacityChange: (capacity[last] as number) - (capacity[first] as number),
    });
  }
  return { branches };
}
