// Formatting helpers shared by the pages' components.

/** `value` with `digits` decimals, or "—" when it is missing or not finite. */
export const fmt = (value: number | undefined, digits: number): string =>
  value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '—';

/** An error as shown on the pages: "RangeError: message" (its name, then its message). */
export const errorText = (error: unknown): string =>
  `${(error as Error).name}: ${(error as Error).message}`;
