import { describe, expect, it } from 'vitest';
import { assertAbortSignal } from '../src/abort-signal.js';

describe('assertAbortSignal', () => {
  it('accepts undefined, a real AbortSignal and any object with a boolean aborted', () => {
    expect(assertAbortSignal('signal', undefined)).toBeUndefined();
    const controller = new AbortController();
    expect(assertAbortSignal('signal', controller.signal)).toBe(controller.signal);
    controller.abort();
    expect(assertAbortSignal('signal', controller.signal)?.aborted).toBe(true);
    const plain = { aborted: false };
    expect(assertAbortSignal('signal', plain)).toBe(plain);
  });

  it('rejects anything else, naming the argument', () => {
    expect(() => assertAbortSignal('options.signal', 'stop')).toThrow(
      new TypeError(
        'options.signal must be an AbortSignal (an object with a boolean aborted); received "stop"',
      ),
    );
    expect(() => assertAbortSignal('signal', null)).toThrow(TypeError);
    expect(() => assertAbortSignal('signal', { aborted: 'yes' })).toThrow(TypeError);
  });
});
