/**
 * Argument validation shared by every `@intercalate/*` package.
 *
 * Each check throws a `TypeError` (wrong type) or `RangeError` (right type, value outside the
 * accepted domain) whose message names the argument, the value received and what is accepted,
 * e.g. `RangeError: wavelength must be a finite number > 0 (Å); received -1.54`.
 *
 * @module
 */

/** Options of {@link assertFiniteNumber}. */
export interface NumberDomain {
  /** Smallest accepted value (inclusive unless `exclusiveMin`). */
  min?: number;
  /** Largest accepted value (inclusive unless `exclusiveMax`). */
  max?: number;
  /** Reject `value === min`. @defaultValue false */
  exclusiveMin?: boolean;
  /** Reject `value === max`. @defaultValue false */
  exclusiveMax?: boolean;
  /** Require an integer. @defaultValue false */
  integer?: boolean;
  /** Unit appended to the message, e.g. `'Å'` or `'K'`. */
  unit?: string;
}

/**
 * Formats a received value for an error message: numbers as written by JavaScript, strings quoted,
 * arrays and typed arrays by kind and length, other objects by constructor name.
 *
 * @param value - Any value.
 * @returns A short, human-readable description.
 *
 * @example
 * ```ts
 * import { describeValue } from '@intercalate/numerics';
 * describeValue(new Float64Array(3)); // 'Float64Array(3)'
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (ArrayBuffer.isView(value)) {
    const length = (value as unknown as { length?: number }).length ?? value.byteLength;
    return `${value.constructor.name}(${length})`;
  }
  if (typeof value === 'function') return 'function';
  const constructorName = (value as { constructor?: { name?: string } }).constructor?.name;
  return constructorName && constructorName !== 'Object' ? constructorName : 'object';
}

function domainText(domain: NumberDomain): string {
  const parts: string[] = [];
  if (domain.min !== undefined) parts.push(`${domain.exclusiveMin ? '>' : '≥'} ${domain.min}`);
  if (domain.max !== undefined) parts.push(`${domain.exclusiveMax ? '<' : '≤'} ${domain.max}`);
  const kind = domain.integer ? 'an integer' : 'a finite number';
  const range = parts.length > 0 ? ` ${parts.join(' and ')}` : '';
  const unit = domain.unit ? ` (${domain.unit})` : '';
  return `${kind}${range}${unit}`;
}

/**
 * Checks that `value` is a finite number inside `domain` and returns it.
 *
 * @param name - The argument's name as the caller knows it (used in the message).
 * @param value - The value to check.
 * @param domain - Accepted bounds, integrality and unit. @defaultValue `{}` (any finite number)
 * @returns `value`, typed as a number.
 * @throws TypeError if `value` is not of type number.
 * @throws RangeError if `value` is NaN, infinite, not an integer when one is required, or out of bounds.
 *
 * @example
 * ```ts
 * import { assertFiniteNumber } from '@intercalate/numerics';
 * assertFiniteNumber('wavelength', 1.5406, { min: 0, exclusiveMin: true, unit: 'Å' }); // 1.5406
 * assertFiniteNumber('wavelength', -1.54, { min: 0, exclusiveMin: true, unit: 'Å' });
 * // RangeError: wavelength must be a finite number > 0 (Å); received -1.54
 * ```
 */
export function assertFiniteNumber(
  name: string,
  value: unknown,
  domain: NumberDomain = {},
): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be ${domainText(domain)}; received ${describeValue(value)}`);
  }
  const { min, max } = domain;
  const ok =
    Number.isFinite(value) &&
    (!domain.integer || Number.isInteger(value)) &&
    (min === undefined || (domain.exclusiveMin ? value > min : value >= min)) &&
    (max === undefined || (domain.exclusiveMax ? value < max : value <= max));
  if (!ok) {
    throw new RangeError(`${name} must be ${domainText(domain)}; received ${describeValue(value)}`);
  }
  return value;
}

/** Options of {@link assertNumericArray}. */
export interface ArrayRequirements {
  /** Fewest elements accepted. @defaultValue 0 */
  minLength?: number;
  /** Exact length required (e.g. to match another argument). */
  length?: number;
  /** What `length` refers to, for the message, e.g. `'the length of x'`. */
  lengthOf?: string;
  /** Check that every element is a finite number. @defaultValue true */
  finite?: boolean;
}

/**
 * Checks that `value` is an array-like of numbers (a typed array or an array) and returns it.
 *
 * @param name - The argument's name as the caller knows it.
 * @param value - The value to check.
 * @param requirements - Length and finiteness requirements.
 * @returns `value`, typed as `ArrayLike<number>`.
 * @throws TypeError if `value` is not an array or typed array, or holds a non-number.
 * @throws RangeError if the length is wrong or an element is NaN or infinite.
 *
 * @example
 * ```ts
 * import { assertNumericArray } from '@intercalate/numerics';
 * assertNumericArray('x', [1, 2, 3], { minLength: 2 }); // [1, 2, 3]
 * assertNumericArray('y', [1, Number.NaN]);
 * // RangeError: y[1] must be a finite number; received NaN
 * ```
 */
export function assertNumericArray(
  name: string,
  value: unknown,
  requirements: ArrayRequirements = {},
): ArrayLike<number> {
  const isTyped =
    ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array);
  if (!(Array.isArray(value) || (isTyped && !(value instanceof BigUint64Array)))) {
    throw new TypeError(
      `${name} must be an array or typed array of numbers; received ${describeValue(value)}`,
    );
  }
  const array = value as ArrayLike<unknown>;
  const { minLength = 0, length } = requirements;
  if (length !== undefined && array.length !== length) {
    const what = requirements.lengthOf ?? String(length);
    throw new RangeError(
      `${name} must have the same length as ${what} (${length}); received length ${array.length}`,
    );
  }
  if (array.length < minLength) {
    throw new RangeError(
      `${name} must have at least ${minLength} element${minLength === 1 ? '' : 's'}; received length ${array.length}`,
    );
  }
  if (requirements.finite !== false || !isTyped) {
    for (let i = 0; i < array.length; i++) {
      const element = array[i];
      if (typeof element !== 'number') {
        throw new TypeError(`${name}[${i}] must be a number; received ${describeValue(element)}`);
      }
      if (requirements.finite !== false && !Number.isFinite(element)) {
        throw new RangeError(`${name}[${i}] must be a finite number; received ${element}`);
      }
    }
  }
  return array as ArrayLike<number>;
}

/**
 * Returns the destination buffer of a function that takes an optional `out` argument: `out`
 * itself when it is a `Float64Array` of the required length, a new zero-filled `Float64Array`
 * when `out` is `undefined`. Hot loops call a function with the same `out` again and again, so
 * they allocate nothing.
 *
 * @param out - The caller's `out` option (or `undefined`).
 * @param length - Required number of elements.
 * @param lengthOf - What the length must match, for the message, e.g. `'y'` or `'one element per bin'`.
 * @returns The buffer to write into.
 * @throws TypeError if `out` is neither `undefined` nor a `Float64Array`.
 * @throws RangeError if `out` has the wrong length.
 *
 * @example
 * ```ts
 * import { outputBuffer } from '@intercalate/numerics';
 * outputBuffer(undefined, 3, 'x'); // Float64Array(3) [0, 0, 0]
 * const out = new Float64Array(3);
 * outputBuffer(out, 3, 'x') === out; // true
 * outputBuffer(new Float64Array(2), 3, 'x');
 * // RangeError: out must have the same length as x (3); received length 2
 * ```
 */
export function outputBuffer(out: unknown, length: number, lengthOf: string): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (!(out instanceof Float64Array)) {
    throw new TypeError(`out must be a Float64Array; received ${describeValue(out)}`);
  }
  if (out.length !== length) {
    throw new RangeError(
      `out must have the same length as ${lengthOf} (${length}); received length ${out.length}`,
    );
  }
  return out;
}
