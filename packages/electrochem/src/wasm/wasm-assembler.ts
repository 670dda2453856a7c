/**
 * A minimal WebAssembly assembler for the package's SIMD kernels: each instruction helper returns
 * its binary encoding together with its WebAssembly text (WAT) form, so a kernel is written once
 * in TypeScript, compiled at run time without a toolchain, and its encoding can be checked
 * against a reference assembler (`wabt`) in the tests. Only the instructions the kernels use are
 * provided (folded S-expression style: operands first, then the opcode).
 *
 * Internal to the package: not exported from `index.ts`.
 *
 * @module
 */

/** One instruction sequence: its binary encoding and its WAT text. */
export interface Code {
  /** Encoded bytes. */
  readonly bytes: readonly number[];
  /** WebAssembly text form (folded S-expression). */
  readonly text: string;
}

/** Unsigned LEB128 encoding. */
export function unsignedLeb128(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 encoding of a bigint (i32/i64 constants). */
function signedLeb128(value: bigint): number[] {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const signBitSet = (byte & 0x40) !== 0;
    if ((v === 0n && !signBitSet) || (v === -1n && signBitSet)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Little-endian bytes of a float64. */
function float64Bytes(value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return Array.from(new Uint8Array(view.buffer));
}

/** Little-endian bytes of an int64 (two's complement). */
function int64Bytes(value: bigint): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt.asUintN(64, value), true);
  return Array.from(new Uint8Array(view.buffer));
}

/** WAT spelling of a float64 that reads back to the same bits (hexadecimal float). */
function float64Text(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0x0p+0' : '0x0p+0';
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, value);
  const hi = bits.getUint32(0);
  const lo = bits.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const exponent = (hi >>> 20) & 0x7ff;
  const mantissa = (
    (hi & 0xfffff).toString(16).padStart(5, '0') + lo.toString(16).padStart(8, '0')
  ).replace(/0+$/, '');
  if (exponent === 0) return `${sign}0x0.${mantissa}p-1022`;
  return `${sign}0x1${mantissa ? `.${mantissa}` : ''}p${exponent - 1023}`;
}

/** Concatenates operand codes and appends one instruction. */
function instruction(
  name: string,
  opcode: readonly number[],
  operands: readonly Code[],
  immediates: { bytes: readonly number[]; text: string } = { bytes: [], text: '' },
): Code {
  const bytes: number[] = [];
  for (const operand of operands) bytes.push(...operand.bytes);
  bytes.push(...opcode, ...immediates.bytes);
  const inner = [name + immediates.text, ...operands.map((o) => o.text)].join(' ');
  return { bytes, text: `(${inner})` };
}

const SIMD_PREFIX = 0xfd;
const simd = (code: number) => [SIMD_PREFIX, ...unsignedLeb128(code)];

/** A sequence of instructions, in order. */
export function sequence(...codes: readonly Code[]): Code {
  return {
    bytes: codes.flatMap((c) => c.bytes),
    text: codes.map((c) => c.text).join('\n'),
  };
}

// ---- locals and constants -------------------------------------------------------------------

/** Local variable access by index (parameters first, then declared locals). */
export const local = {
  get: (index: number): Code =>
    instruction(`local.get`, [0x20], [], { bytes: unsignedLeb128(index), text: ` ${index}` }),
  set: (index: number, value: Code): Code =>
    instruction('local.set', [0x21], [value], { bytes: unsignedLeb128(index), text: ` ${index}` }),
};

/** `i32.const`. */
export const i32Const = (value: number): Code =>
  instruction('i32.const', [0x41], [], { bytes: signedLeb128(BigInt(value)), text: ` ${value}` });

// ---- scalar integer and float ops -----------------------------------------------------------

const binary =
  (name: string, opcode: readonly number[]) =>
  (a: Code, b: Code): Code =>
    instruction(name, opcode, [a, b]);
const unary =
  (name: string, opcode: readonly number[]) =>
  (a: Code): Code =>
    instruction(name, opcode, [a]);

/** Scalar i32 operations used for loop counters and addresses. */
export const i32 = {
  add: binary('i32.add', [0x6a]),
  sub: binary('i32.sub', [0x6b]),
  and: binary('i32.and', [0x71]),
  shl: binary('i32.shl', [0x74]),
  gtU: binary('i32.gt_u', [0x4b]),
  eqz: unary('i32.eqz', [0x45]),
  wrapI64: unary('i32.wrap_i64', [0xa7]),
};

/** Scalar i64 operations. */
export const i64 = {
  shrU: binary('i64.shr_u', [0x88]),
  const: (value: bigint): Code =>
    instruction('i64.const', [0x42], [], { bytes: signedLeb128(value), text: ` ${value}` }),
};

// ---- SIMD (v128) ops ------------------------------------------------------------------------

/** Alignment and offset immediates of a 16-byte memory access. */
const memarg = (offset: number) => ({
  bytes: [4, ...unsignedLeb128(offset)],
  text: offset ? ` offset=${offset}` : '',
});

/** 128-bit vector operations (two float64 or two int64 lanes). */
export const v128 = {
  load: (address: Code, offset = 0): Code =>
    instruction('v128.load', simd(0x00), [address], memarg(offset)),
  store: (address: Code, value: Code, offset = 0): Code =>
    instruction('v128.store', simd(0x0b), [address, value], memarg(offset)),
  /** `v128.const i64x2 a b`. */
  constI64x2: (a: bigint, b: bigint = a): Code =>
    instruction('v128.const', simd(0x0c), [], {
      bytes: [...int64Bytes(a), ...int64Bytes(b)],
      text: ` i64x2 ${BigInt.asIntN(64, a)} ${BigInt.asIntN(64, b)}`,
    }),
  and: binary('v128.and', simd(0x4e)),
  or: binary('v128.or', simd(0x50)),
};

/** `i8x16.shuffle` with 16 lane indices (0–15 from a, 16–31 from b). */
export function shuffle(lanes: readonly number[], a: Code, b: Code): Code {
  return instruction('i8x16.shuffle', simd(0x0d), [a, b], {
    bytes: [...lanes],
    text: ` ${lanes.join(' ')}`,
  });
}

/** Two-lane int64 operations. */
export const i64x2 = {
  extractLane: (lane: 0 | 1, a: Code): Code =>
    instruction('i64x2.extract_lane', simd(0x1d), [a], { bytes: [lane], text: ` ${lane}` }),
  allTrue: unary('i64x2.all_true', simd(0xc3)),
  shl: binary('i64x2.shl', simd(0xcb)),
  shrU: binary('i64x2.shr_u', simd(0xcd)),
  add: binary('i64x2.add', simd(0xce)),
  sub: binary('i64x2.sub', simd(0xd1)),
};

/** Two-lane float64 operations. */
export const f64x2 = {
  splat: unary('f64x2.splat', simd(0x14)),
  /** A float64 constant in both lanes. */
  constant: (value: number): Code =>
    instruction('f64x2.splat', simd(0x14), [
      instruction('f64.const', [0x44], [], {
        bytes: float64Bytes(value),
        text: ` ${float64Text(value)}`,
      }),
    ]),
  le: binary('f64x2.le', simd(0x4b)),
  ge: binary('f64x2.ge', simd(0x4c)),
  abs: unary('f64x2.abs', simd(0xec)),
  sqrt: unary('f64x2.sqrt', simd(0xef)),
  add: binary('f64x2.add', simd(0xf0)),
  sub: binary('f64x2.sub', simd(0xf1)),
  mul: binary('f64x2.mul', simd(0xf2)),
  div: binary('f64x2.div', simd(0xf3)),
  min: binary('f64x2.min', simd(0xf4)),
  max: binary('f64x2.max', simd(0xf5)),
};

// ---- control --------------------------------------------------------------------------------

/** `f64.neg` of a scalar. */
export const f64Neg = unary('f64.neg', [0x9a]);

/**
 * `(block (loop body))`: `body` runs repeatedly; inside it `breakIf(1, c)` leaves the block and
 * `continueLoop` (branch to depth 0) starts the next iteration.
 */
export function blockLoop(body: Code): Code {
  return {
    bytes: [0x02, 0x40, 0x03, 0x40, ...body.bytes, 0x0b, 0x0b],
    text: `(block\n(loop\n${body.text}))`,
  };
}

/** `br_if depth condition`. */
export const breakIf = (depth: number, condition: Code): Code =>
  instruction('br_if', [0x0d], [condition], { bytes: unsignedLeb128(depth), text: ` ${depth}` });

/** `br depth`. */
export const branch = (depth: number): Code =>
  instruction('br', [0x0c], [], { bytes: unsignedLeb128(depth), text: ` ${depth}` });

/** `(if (then …) (else …))` without a result. */
export function ifElse(condition: Code, then: Code, otherwise: Code): Code {
  return {
    bytes: [...condition.bytes, 0x04, 0x40, ...then.bytes, 0x05, ...otherwise.bytes, 0x0b],
    text: `(if ${condition.text}\n(then\n${then.text})\n(else\n${otherwise.text}))`,
  };
}

// ---- module ---------------------------------------------------------------------------------

/** Value types of parameters, results and locals. */
export type ValueType = 'i32' | 'i64' | 'f64' | 'v128';
const VALUE_TYPE: Record<ValueType, number> = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b };

/** One exported function of a module. */
export interface FunctionDefinition {
  /** Export name. */
  name: string;
  /** Parameter types (locals 0 … params.length − 1). */
  params: readonly ValueType[];
  /** Result type, if any. */
  result?: ValueType;
  /** Declared locals (indices after the parameters). */
  locals: readonly ValueType[];
  /** The function body (its value, if any, left on the stack). */
  body: Code;
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb128(content.length), ...content];
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

function name(text: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(text));
  return [...unsignedLeb128(bytes.length), ...bytes];
}

/**
 * Encodes a module that exports a memory named `memory` (`memoryPages` pages of 64 KiB) and the
 * given functions.
 */
export function encodeModule(
  functions: readonly FunctionDefinition[],
  memoryPages: number,
): Uint8Array {
  // one type per distinct signature, in order of first use (as the text format's assemblers do)
  const types: number[][] = [];
  const typeIndex = new Map<string, number>();
  const functionTypes = functions.map((f) => {
    const type = [
      0x60,
      ...vector(f.params.map((p) => [VALUE_TYPE[p]])),
      ...vector(f.result ? [[VALUE_TYPE[f.result]]] : []),
    ];
    const key = type.join(',');
    let index = typeIndex.get(key);
    if (index === undefined) {
      index = types.length;
      types.push(type);
      typeIndex.set(key, index);
    }
    return index;
  });
  const bodies = functions.map((f) => {
    const groups: number[][] = [];
    for (const type of f.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === VALUE_TYPE[type]) last[0] = (last[0] as number) + 1;
      else groups.push([1, VALUE_TYPE[type]]);
    }
    const content = [
      ...vector(
        groups.map(([count, type]) => [...unsignedLeb128(count as number), type as number]),
      ),
      ...f.body.bytes,
      0x0b,
    ];
    return [...unsignedLeb128(content.length), ...content];
  });
  const exports = [
    [...name('memory'), 0x02, 0],
    ...functions.map((f, k) => [...name(f.name), 0x00, ...unsignedLeb128(k)]),
  ];
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vector(types)),
    ...section(3, vector(functionTypes.map((index) => unsignedLeb128(index)))),
    ...section(5, vector([[0x00, ...unsignedLeb128(memoryPages)]])),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}

/** WAT text of the same module, for checking the encoding against a reference assembler. */
export function moduleText(functions: readonly FunctionDefinition[], memoryPages: number): string {
  const fns = functions.map((f) => {
    const params = f.params.map((p) => `(param ${p})`).join(' ');
    const result = f.result ? ` (result ${f.result})` : '';
    const locals = f.locals.length ? `\n(local ${f.locals.join(' ')})` : '';
    return `(func (export "${f.name}") ${params}${result}${locals}\n${f.body.text})`;
  });
  return `(module\n(memory (export "memory") ${memoryPages})\n${fns.join('\n')})`;
}
