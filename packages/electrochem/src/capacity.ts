import {
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  outputBuffer,
} from '@intercalate/numerics';
import { FARADAY } from './constants.js';
import { molarMass } from './molar-mass.js';

/** Options of {@link theoreticalCapacity}. */
export interface TheoreticalCapacityOptions {
  /**
   * Electrons (or exchanged Li⁺/Na⁺) per formula unit, finite and > 0; fractional values are
   * allowed (0.5 for half the Li of LiMO₂).
   * @defaultValue 1
   */
  electrons?: number;
  /** Atomic-weight overrides passed to {@link molarMass}. @defaultValue `{}` */
  atomicWeights?: Readonly<Record<string, number>>;
}

/**
 * Theoretical specific capacity of an electrode material,
 *
 * Q = n·F/(3.6·M)  (mAh g⁻¹),
 *
 * with n electrons per formula unit, F in C mol⁻¹ and M the molar mass (g mol⁻¹, IUPAC 2021
 * standard atomic weights, see {@link molarMass}) of the formula as written (the lithiated
 * material for a cathode); 3.6 converts C g⁻¹ to mAh g⁻¹.
 *
 * @param formula - Chemical formula, e.g. `'LiNi0.8Mn0.1Co0.1O2'`.
 * @param options - Electrons per formula unit and atomic-weight overrides; see
 *   {@link TheoreticalCapacityOptions}.
 * @returns Q in mAh g⁻¹.
 * @throws TypeError if `formula` is not a string or `options` is not an object.
 * @throws RangeError if the formula is invalid (see {@link molarMass}) or `electrons` is not > 0.
 *
 * @example
 * ```ts
 * import { theoreticalCapacity } from '@intercalate/electrochem';
 * theoreticalCapacity('LiNi0.8Mn0.1Co0.1O2'); // 275.5 mAh/g (NMC811)
 * theoreticalCapacity('LiFePO4'); // 169.9 mAh/g
 * ```
 */
export function theoreticalCapacity(
  formula: string,
  options: TheoreticalCapacityOptions = {},
): number {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { electrons, atomicWeights }; received ${describeValue(options)}`,
    );
  }
  const electrons = assertFiniteNumber('options.electrons', options.electrons ?? 1, {
    min: 0,
    exclusiveMin: true,
  });
  const mass = molarMass(formula, { atomicWeights: options.atomicWeights ?? {} });
  return (electrons * FARADAY) / (3.6 * mass);
}

/** Options of {@link lithiumContentFromCapacity} and {@link capacityFromLithiumContent}. */
export interface LithiumContentOptions {
  /**
   * Formula of the material as weighed (e.g. the pristine `'LiNi0.8Mn0.1Co0.1O2'`); the capacity
   * of one Li per formula unit, F/(3.6·M), sets the scale.
   */
  formula: string;
  /** Li content x₀ of the formula unit at zero capacity, finite and ≥ 0. @defaultValue 1 */
  initialContent?: number;
  /** Atomic-weight overrides passed to {@link molarMass}. @defaultValue `{}` */
  atomicWeights?: Readonly<Record<string, number>>;
}

function lithiumScale(options: LithiumContentOptions): { perLithium: number; x0: number } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { formula, initialContent }; received ${describeValue(options)}`,
    );
  }
  const x0 = assertFiniteNumber('options.initialContent', options.initialContent ?? 1, { min: 0 });
  const perLithium = theoreticalCapacity(options.formula, {
    atomicWeights: options.atomicWeights ?? {},
  });
  return { perLithium, x0 };
}

/**
 * Li content x of LiₓMO₂-type material after a specific charge Q has been extracted:
 *
 * x = x₀ − Q/Q₁,  Q₁ = F/(3.6·M)  (mAh g⁻¹ per Li per formula unit),
 *
 * with M the molar mass of `options.formula` (the material as weighed). Convention: Q is the
 * capacity passed since the state x₀, positive for delithiation (charge of a cathode), negative
 * for lithiation, in mAh g⁻¹ of that material. Side reactions are not separated: x is the
 * Coulomb-counting content.
 *
 * @param capacity - Q in mAh g⁻¹: one number, or an array of them (e.g. a cycler's capacity column).
 * @param options - Formula, x₀ and atomic-weight overrides; see {@link LithiumContentOptions}.
 * @returns x (dimensionless, ≥ 0): a number for a number, a new Float64Array for an array.
 * @throws TypeError if `capacity` is not a number or numeric array, or `options` is malformed.
 * @throws RangeError if a capacity is not finite, the formula is invalid, x₀ < 0, or a capacity
 *   exceeds x₀·Q₁ (it would need a negative Li content).
 *
 * @example
 * ```ts
 * import { lithiumContentFromCapacity } from '@intercalate/electrochem';
 * lithiumContentFromCapacity(220, { formula: 'LiNi0.8Mn0.1Co0.1O2' }); // 0.2015
 * ```
 */
export function lithiumContentFromCapacity(
  capacity: number,
  options: LithiumContentOptions,
): number;
export function lithiumContentFromCapacity(
  capacity: ArrayLike<number>,
  options: LithiumContentOptions,
): Float64Array;
export function lithiumContentFromCapacity(
  capacity: number | ArrayLike<number>,
  options: LithiumContentOptions,
): number | Float64Array {
  const { perLithium, x0 } = lithiumScale(options);
  const convert = (q: number, name: string): number => {
    let x = x0 - q / perLithium;
    // Rounding of a capacity computed from x = 0 may leave −1 ulp: snap it.
    if (x < 0 && x >= -1e-12 * Math.max(1, x0)) x = 0;
    if (x < 0) {
      throw new RangeError(
        `${name} must be ≤ ${Number((x0 * perLithium).toPrecision(6))} mAh g⁻¹ (all the Li of x₀ = ${x0} in ${options.formula}); received ${q}`,
      );
    }
    return x;
  };
  if (typeof capacity === 'number') {
    return convert(assertFiniteNumber('capacity', capacity, { unit: 'mAh g⁻¹' }), 'capacity');
  }
  const values = assertNumericArray('capacity', capacity);
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = convert(values[k] as number, `capacity[${k}]`);
  return out;
}

/**
 * Inverse of {@link lithiumContentFromCapacity}: the specific capacity Q = (x₀ − x)·F/(3.6·M)
 * (mAh g⁻¹ of the material as weighed) passed between Li contents x₀ and x; positive when Li
 * was removed.
 *
 * @param lithiumContent - x (dimensionless, finite, ≥ 0): one number or an array.
 * @param options - Formula, x₀ and atomic-weight overrides; see {@link LithiumContentOptions}.
 * @returns Q in mAh g⁻¹: a number for a number, a new Float64Array for an array.
 * @throws TypeError if `lithiumContent` is not a number or numeric array, or `options` is malformed.
 * @throws RangeError if an x is not finite or is < 0, the formula is invalid, or x₀ < 0.
 *
 * @example
 * ```ts
 * import { capacityFromLithiumContent } from '@intercalate/electrochem';
 * capacityFromLithiumContent(0.5, { formula: 'LiCoO2' }); // 136.9 mAh/g
 * ```
 */
export function capacityFromLithiumContent(
  lithiumContent: number,
  options: LithiumContentOptions,
): number;
export function capacityFromLithiumContent(
  lithiumContent: ArrayLike<number>,
  options: LithiumContentOptions,
): Float64Array;
export function capacityFromLithiumContent(
  lithiumContent: number | ArrayLike<number>,
  options: LithiumContentOptions,
): number | Float64Array {
  const { perLithium, x0 } = lithiumScale(options);
  if (typeof lithiumContent === 'number') {
    const x = assertFiniteNumber('lithiumContent', lithiumContent, { min: 0 });
    return (x0 - x) * perLithium;
  }
  const values = assertNumericArray('lithiumContent', lithiumContent);
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    const x = values[k] as number;
    if (x < 0) {
      throw new RangeError(`lithiumContent[${k}] must be a finite number ≥ 0; received ${x}`);
    }
    out[k] = (x0 - x) * perLithium;
  }
  return out;
}

/** Options of {@link stateOfCharge}. */
export interface StateOfChargeOptions {
  /** Nominal capacity of the cell or electrode, in A h, finite and > 0. */
  capacity: number;
  /** State of charge at the first sample (fraction, finite). @defaultValue 0 */
  initial?: number;
  /** Destination buffer, a Float64Array of the length of `time`. */
  out?: Float64Array;
}

/**
 * State of charge by Coulomb counting:
 *
 * SOC(t_k) = SOC₀ + (1/(3600·C))·∫_{t₀}^{t_k} I dt,
 *
 * with the integral by the trapezoid rule over the samples, I in A (charging positive, the
 * usual cycler sign for a cathode half-cell or a full cell), t in s and the nominal capacity C
 * in A h. The result is a fraction (1 = full); values outside [0, 1] are returned as computed
 * (they signal a wrong nominal capacity or SOC₀, or side reactions) rather than clipped.
 *
 * @param data - `time` (s, non-decreasing) and `current` (A), arrays of the same length ≥ 1.
 * @param options - Nominal capacity (A h), initial SOC and `out`; see {@link StateOfChargeOptions}.
 * @returns `out`, or a new Float64Array, with the SOC at every sample.
 * @throws TypeError if `data` or `options` is not an object, an array is not numeric, or `out`
 *   is not a Float64Array.
 * @throws RangeError if an element is not finite, lengths differ, time decreases, the capacity is
 *   not > 0, or `initial` is not finite.
 *
 * @example
 * ```ts
 * import { stateOfCharge } from '@intercalate/electrochem';
 * // 1 h at 0.1 A into a 0.2 A h cell: half charged
 * stateOfCharge({ time: [0, 1800, 3600], current: [0.1, 0.1, 0.1] }, { capacity: 0.2 });
 * // Float64Array [0, 0.25, 0.5]
 * ```
 */
export function stateOfCharge(
  data: { time: ArrayLike<number>; current: ArrayLike<number> },
  options: StateOfChargeOptions,
): Float64Array {
  if (typeof data !== 'object' || data === null) {
    throw new TypeError(
      `data must be an object { time, current }; received ${describeValue(data)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { capacity, initial, out }; received ${describeValue(options)}`,
    );
  }
  const time = assertNumericArray('data.time', data.time, { minLength: 1 });
  const n = time.length;
  const current = assertNumericArray('data.current', data.current, {
    length: n,
    lengthOf: 'data.time',
  });
  const capacity = assertFiniteNumber('options.capacity', options.capacity, {
    min: 0,
    exclusiveMin: true,
    unit: 'A h',
  });
  const initial = assertFiniteNumber('options.initial', options.initial ?? 0);
  const out = outputBuffer(options.out, n, 'data.time');
  const scale = 1 / (3600 * capacity);
  let charge = 0;
  out[0] = initial;
  for (let k = 1; k < n; k++) {
    const dt = (time[k] as number) - (time[k - 1] as number);
    if (dt < 0) {
      throw new RangeError(
        `data.time must be non-decreasing; received data.time[${k}] = ${time[k]} after ${time[k - 1]}`,
      );
    }
    charge += 0.5 * dt * ((current[k] as number) + (current[k - 1] as number));
    out[k] = initial + charge * scale;
  }
  return out;
}

/** Options of {@link cRateCurrent}: `capacity`, or `specificCapacity` with `mass`. */
export interface CRateCurrentOptions {
  /** C-rate in h⁻¹ (C/20 → 0.05, 2C → 2), finite and > 0. */
  cRate: number;
  /** Nominal capacity, in A h, > 0 (give this, or `specificCapacity` and `mass`). */
  capacity?: number;
  /** Nominal specific capacity, in mAh g⁻¹, > 0 (with `mass`). */
  specificCapacity?: number;
  /** Active-material mass, in g, > 0 (with `specificCapacity`). */
  mass?: number;
}

/**
 * Current of a C-rate: I = n·C_nom, the current that passes the nominal capacity in 1/n hours.
 * With a specific capacity, C_nom = specificCapacity·mass/1000 (mAh g⁻¹ × g → A h).
 *
 * @param options - C-rate and either `capacity` (A h) or `specificCapacity` (mAh g⁻¹) and
 *   `mass` (g); see {@link CRateCurrentOptions}.
 * @returns Current magnitude in A.
 * @throws TypeError if `options` is not an object or a field is not a number.
 * @throws RangeError if a value is not finite and > 0, or both or neither of `capacity` and
 *   `specificCapacity`/`mass` are given.
 *
 * @example
 * ```ts
 * import { cRateCurrent } from '@intercalate/electrochem';
 * // C/20 of 200 mAh/g on 1 g: 10 mA (Mu et al. 2024: "C/20 (10 mA/g)")
 * cRateCurrent({ cRate: 1 / 20, specificCapacity: 200, mass: 1 }); // 0.01 A
 * cRateCurrent({ cRate: 2, capacity: 3 }); // 6 A
 * ```
 */
export function cRateCurrent(options: CRateCurrentOptions): number {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { cRate, capacity } or { cRate, specificCapacity, mass }; received ${describeValue(options)}`,
    );
  }
  const positive = { min: 0, exclusiveMin: true };
  const cRate = assertFiniteNumber('options.cRate', options.cRate, { ...positive, unit: 'h⁻¹' });
  const bySpecific = options.specificCapacity !== undefined || options.mass !== undefined;
  if (options.capacity !== undefined) {
    if (bySpecific) {
      throw new RangeError(
        'options must give either capacity (A h) or specificCapacity (mAh g⁻¹) with mass (g), not both',
      );
    }
    return (
      cRate * assertFiniteNumber('options.capacity', options.capacity, { ...positive, unit: 'A h' })
    );
  }
  if (!bySpecific) {
    throw new RangeError(
      'options must give capacity (A h), or specificCapacity (mAh g⁻¹) with mass (g); received neither',
    );
  }
  const specific = assertFiniteNumber('options.specificCapacity', options.specificCapacity, {
    ...positive,
    unit: 'mAh g⁻¹',
  });
  const mass = assertFiniteNumber('options.mass', options.mass, { ...positive, unit: 'g' });
  return (cRate * specific * mass) / 1000;
}
