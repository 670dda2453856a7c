// House rule for every reader: random bytes, truncated valid files, mutated numbers and huge size
// fields end in a TypeError/RangeError that names the argument (or in a valid result), within a
// bounded time. A predicate that lets any other error escape, returns non-finite numbers or
// mismatched lengths, or runs past the deadline fails the property.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseJcampParameters } from '../src/jcamp-parameters.js';
import { readBruker } from '../src/read-bruker.js';
import { readJcamp } from '../src/read-jcamp.js';
import { brukerFiles } from './helpers/write-bruker.js';

// A hang guard, not a speed test: valid inputs parse in well under 1 ms, so 2 s per input only
// trips on a real hang, never on a loaded CI machine. (Speed is measured in bench/.)
const DEADLINE_MS = 2000;
const asdf = readFileSync(new URL('./fixtures/jcamp-asdf.jdx', import.meta.url), 'utf8');
const affn = readFileSync(new URL('./fixtures/jcamp-affn.jdx', import.meta.url), 'utf8');
const bruker = brukerFiles({
  values: [0, 1, -1, 2147483647, -2147483648, 123456, -8, 5],
  dataType: 'int32',
  byteOrder: 'little',
  ncProc: -3,
  sf: 125,
  bf1: 124.999,
  sr: 1000,
  swp: 5000,
  offset: 20,
  nucleus: '7Li',
});

function allFinite(values: Float64Array | undefined): boolean {
  if (values === undefined) return true;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i] as number)) return false;
  return true;
}

/**
 * Runs `read` and checks the house rule: a valid result (checked by `valid`) or a TypeError /
 * RangeError whose message starts with one of the argument names, within DEADLINE_MS.
 */
function bounded<T>(read: () => T, valid: (result: T) => boolean): boolean {
  const start = performance.now();
  try {
    const result = read();
    if (!valid(result)) throw new Error('returned an invalid result');
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) {
      throw new Error(`escaped ${(error as Error)?.name}: ${(error as Error)?.message}`);
    }
    if (!/^(text|files|options)\b/.test(error.message)) {
      throw new Error(`${error.name} does not name the argument: ${error.message}`);
    }
  }
  const elapsed = performance.now() - start;
  if (elapsed > DEADLINE_MS) throw new Error(`took ${elapsed.toFixed(0)} ms`);
  return true;
}

const jcampValid = (s: ReturnType<typeof readJcamp>) =>
  s.x.length === s.y.length &&
  allFinite(s.x) &&
  allFinite(s.y) &&
  (s.ppm === undefined || (s.ppm.length === s.x.length && allFinite(s.ppm)));
const brukerValid = (s: ReturnType<typeof readBruker>) =>
  s.intensities.length === s.ppm.length && allFinite(s.intensities) && allFinite(s.ppm);

// Characters that matter to the parsers: ASDF pseudo-digits, AFFN, separators, labels, brackets.
const jcampChars = [
  ...'0123456789.+-eE ,;\n\t@ABCDEFGHIabcdefghi%JKLMNOPQRjklmnopqrSTUVWXYZs?#=$<>()',
];
const jcampish = fc.string({ unit: fc.constantFrom(...jcampChars), maxLength: 300 });
const hugeNumbers = fc.constantFrom(
  '0',
  '-1',
  '1.5',
  '16777217',
  '9007199254740993',
  '1e15',
  '1e308',
  '1e999',
  '1e-300',
  '-1e308',
  'NaN',
  '',
  '<1>',
  '(0..3)',
  String(2 ** 31),
  String(2 ** 53),
);

function mutate(text: string, edits: [number, string][]): string {
  let out = text;
  for (const [at, replacement] of edits) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + replacement + out.slice(i + 1);
  }
  return out;
}

describe('readJcamp fuzz', () => {
  it('survives random text and random bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          jcampish,
          jcampish.map(
            (tail) =>
              `##TITLE= f\n##NPOINTS= 8\n##FIRSTX= 0\n##LASTX= 7\n##XYDATA= (X++(Y..Y))\n${tail}`,
          ),
          fc.string({
            unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
            maxLength: 300,
          }),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        ),
        (text) => bounded(() => readJcamp(text), jcampValid),
      ),
      { numRuns: 400 },
    );
  });

  it('survives truncated valid files', () => {
    fc.assert(
      fc.property(fc.constantFrom(asdf, affn), fc.nat(), (text, cut) =>
        bounded(() => readJcamp(text.slice(0, cut % (text.length + 1))), jcampValid),
      ),
      { numRuns: 300 },
    );
  });

  it('survives mutated characters and numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(asdf, affn),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...jcampChars)), {
          minLength: 1,
          maxLength: 6,
        }),
        (text, edits) => bounded(() => readJcamp(mutate(text, edits)), jcampValid),
      ),
      { numRuns: 400 },
    );
  });

  it('survives huge or malformed size fields and factors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('NPOINTS', 'FIRSTX', 'LASTX', 'XFACTOR', 'YFACTOR', '.OBSERVE FREQUENCY'),
        hugeNumbers,
        fc.constantFrom(asdf, affn),
        fc.option(fc.integer({ min: 1, max: 64 }), { nil: undefined }),
        (label, value, text, maxPoints) => {
          const pattern = new RegExp(`##${label.replace('.', '\\.')}= [^\\n]*`);
          const edited = text.replace(pattern, `##${label}= ${value}`);
          return bounded(
            () => readJcamp(edited, maxPoints === undefined ? {} : { maxPoints }),
            jcampValid,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses DUP bombs and huge arrays in bounded time', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{5,40}$/), (digits) => {
        const dup = asdf.replace('5000A10nXq5j5', `5000A10s${digits}`);
        const array = `##$P= (0..${digits})\n1 2 3\n##END=`;
        return (
          bounded(() => readJcamp(dup), jcampValid) &&
          bounded(
            () => parseJcampParameters(array),
            () => true,
          )
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('readBruker fuzz', () => {
  it('survives random 1r bytes of any length, for both data types', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 128 }),
        fc.constantFrom('0', '2'),
        fc.constantFrom('0', '1'),
        (bytes, dtype, order) => {
          const procs = bruker.procs
            .replace('##$DTYPP= 0', `##$DTYPP= ${dtype}`)
            .replace('##$BYTORDP= 0', `##$BYTORDP= ${order}`);
          return bounded(
            () => readBruker({ '1r': bytes, procs, acqus: bruker.acqus }),
            brukerValid,
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives truncated files', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (a, b, c) =>
        bounded(
          () =>
            readBruker({
              '1r': bruker['1r'].subarray(0, a % (bruker['1r'].length + 1)),
              procs: bruker.procs.slice(0, b % (bruker.procs.length + 1)),
              acqus: bruker.acqus.slice(0, c % (bruker.acqus.length + 1)),
            }),
          brukerValid,
        ),
      ),
      { numRuns: 300 },
    );
  });

  it('survives mutated and huge parameter values', () => {
    const labels = [
      'SI',
      'SF',
      'SW_p',
      'OFFSET',
      'NC_proc',
      'BYTORDP',
      'DTYPP',
      'PPARMOD',
      'STSI',
      'STSR',
      'FTSIZE',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...labels),
        fc.oneof(hugeNumbers, fc.double().map(String), fc.integer().map(String)),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...jcampChars)), { maxLength: 3 }),
        (label, value, edits) => {
          const procs = mutate(
            bruker.procs.replace(new RegExp(`##\\$${label}= [^\\n]*`), `##$${label}= ${value}`),
            edits,
          );
          return bounded(() => readBruker({ ...bruker, procs }), brukerValid);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives random argument types and random procs text', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        jcampish,
        (anything, text) =>
          bounded(() => readBruker(anything as never), brukerValid) &&
          bounded(() => readBruker({ ...bruker, procs: text }), brukerValid) &&
          bounded(() => readBruker({ ...bruker, '1r': anything as never }), brukerValid),
      ),
      { numRuns: 300 },
    );
  });
});
