import { describeValue } from '@intercalate/numerics';

/** Internal: a Uint8Array view of `bytes` (Uint8Array, other ArrayBufferView or ArrayBuffer). */
export function asBytes(bytes: unknown, format: string): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) {
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  throw new TypeError(
    `bytes must be the ${format} file's contents as a Uint8Array (or Buffer, ArrayBuffer); received ${describeValue(bytes)}`,
  );
}

/** Internal: true on a little-endian platform (every platform Node and browsers run on today). */
export const LITTLE_ENDIAN_PLATFORM = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Internal: turns any error of a third-party decoder into a RangeError naming `bytes`. */
export function corrupt(format: string, error: unknown): RangeError {
  const message = error instanceof Error ? error.message : String(error);
  return new RangeError(`bytes must be a valid ${format} file; the decoder failed: ${message}`);
}
