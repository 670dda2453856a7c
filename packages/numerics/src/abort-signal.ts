import { describeValue } from './validate.js';

/**
 * The part of an `AbortSignal` that long-running functions of the toolkit read: they check
 * `aborted` between units of work (patterns of a series, time steps of a simulation).
 *
 * A structural type, so that declaration files do not depend on the DOM or Node type libraries:
 * a browser or Node `AbortSignal` (from an `AbortController`) fits it, and so does any object
 * with a boolean `aborted` property.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const signal: AbortSignalLike = controller.signal;
 * controller.abort(); // signal.aborted === true
 * ```
 */
export interface AbortSignalLike {
  /** True once the operation should stop. */
  readonly aborted: boolean;
}

/**
 * Checks an optional `signal` argument: `undefined`, or an object with a boolean `aborted`.
 *
 * @param name - The argument's name as the caller knows it, e.g. `'options.signal'`.
 * @param value - The value to check.
 * @returns `value`, typed as `AbortSignalLike | undefined`.
 * @throws TypeError if `value` is neither `undefined` nor signal-like.
 *
 * @example
 * ```ts
 * import { assertAbortSignal } from '@intercalate/numerics';
 * assertAbortSignal('signal', new AbortController().signal); // the signal
 * assertAbortSignal('signal', 'stop');
 * // TypeError: signal must be an AbortSignal (an object with a boolean aborted); received "stop"
 * ```
 */
export function assertAbortSignal(name: string, value: unknown): AbortSignalLike | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    typeof (value as { aborted?: unknown }).aborted !== 'boolean'
  ) {
    throw new TypeError(
      `${name} must be an AbortSignal (an object with a boolean aborted); received ${describeValue(value)}`,
    );
  }
  return value as AbortSignalLike;
}
