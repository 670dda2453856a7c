/**
 * Validation shared by the public kinetics functions (internal: not exported from index.ts).
 *
 * @module
 */
import { assertFiniteNumber, assertNumericArray, describeValue } from '@intercalate/numerics';
import { FARADAY, GAS_CONSTANT } from './constants.js';

/** Throws unless `options` is a non-null object. */
export function assertOptions(options: unknown, shape: string): asserts options is object {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object ${shape}; received ${describeValue(options)}`);
  }
}

/** A transfer coefficient in the open interval (0, 1); `undefined` gives 0.5. */
export function transferCoefficient(name: string, value: unknown): number {
  if (value === undefined) return 0.5;
  return assertFiniteNumber(name, value, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
}

/** f = F/(RT) in V⁻¹ from a validated temperature (K, finite, > 0). */
export function fOverRTFrom(name: string, temperature: unknown): number {
  const t = assertFiniteNumber(name, temperature, { min: 0, exclusiveMin: true, unit: 'K' });
  return FARADAY / (GAS_CONSTANT * t);
}

/** An exchange current density (A m⁻²), finite and > 0. */
export function positiveCurrentDensity(name: string, value: unknown): number {
  return assertFiniteNumber(name, value, { min: 0, exclusiveMin: true, unit: 'A m⁻²' });
}

/** A per-point exchange current density array: numeric, finite, > 0, of length n. */
export function assertPositiveArray(name: string, value: unknown, n: number): ArrayLike<number> {
  const array = assertNumericArray(name, value, { length: n, lengthOf: 'the data' });
  for (let k = 0; k < n; k++) {
    if (!((array[k] as number) > 0)) {
      throw new RangeError(
        `${name}[${k}] must be a finite number > 0 (A m⁻²); received ${array[k]}`,
      );
    }
  }
  return array;
}

/**
 * Element k of an array whose elements were not checked up front (the SIMD paths check only the
 * points their kernels decline): returns it when finite, else throws the RangeError that
 * `assertNumericArray` would have thrown.
 */
export function finiteElement(name: string, array: ArrayLike<number>, k: number): number {
  const value = array[k] as number;
  if (!Number.isFinite(value)) {
    throw new RangeError(`${name}[${k}] must be a finite number; received ${value}`);
  }
  return value;
}
