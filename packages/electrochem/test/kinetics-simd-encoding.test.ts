import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { kineticsModuleBytes, kineticsModuleText } from '../src/wasm/kinetics-simd-kernels.js';
import { unsignedLeb128 } from '../src/wasm/wasm-assembler.js';

describe('the SIMD kinetics module encoding', () => {
  it('is byte for byte what the reference assembler (wabt) makes of its WAT text', async () => {
    const wabt = await wabtInit();
    const parsed = wabt.parseWat('kinetics.wat', kineticsModuleText(), { simd: true });
    parsed.resolveNames();
    parsed.validate();
    const reference = new Uint8Array(parsed.toBinary({}).buffer);
    parsed.destroy();
    expect(Array.from(kineticsModuleBytes())).toEqual(Array.from(reference));
  });

  it('validates in this engine', () => {
    const wasm = (globalThis as { WebAssembly?: { validate(b: Uint8Array): boolean } }).WebAssembly;
    expect(wasm?.validate(kineticsModuleBytes())).toBe(true);
  });

  it('encodes unsigned LEB128 as the WebAssembly spec examples', () => {
    // spec examples: 624485 → e5 8e 26; 127 → 7f; 128 → 80 01
    expect(unsignedLeb128(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb128(127)).toEqual([0x7f]);
    expect(unsignedLeb128(128)).toEqual([0x80, 0x01]);
    expect(unsignedLeb128(0)).toEqual([0]);
  });
});
