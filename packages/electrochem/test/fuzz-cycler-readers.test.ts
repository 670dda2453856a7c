// House rule for every reader: random bytes, truncated valid files and mutated fields end in a
// TypeError/RangeError that names the argument (or in a valid result), within a bounded time.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { type CyclerData, readBiologicMpt, readCyclerCsv } from '../src/index.js';

// A hang guard, not a speed test: the fixtures parse in well under 1 ms.
const DEADLINE_MS = 2000;
const read = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');
const mpt = [read('biologic-gcpl.mpt'), read('biologic-gcpl-comma.mpt')];
const csv = [read('arbin.csv'), read('neware-semicolon.csv'), read('generic-tab.txt')];

function finite(values: Float64Array | undefined): boolean {
  if (values === undefined) return true;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

const valid = (d: CyclerData) =>
  d.time.length > 0 &&
  d.voltage.length === d.time.length &&
  d.current.length === d.time.length &&
  (d.capacity === undefined || d.capacity.length === d.time.length) &&
  finite(d.time) &&
  finite(d.voltage) &&
  finite(d.current) &&
  finite(d.capacity);

function bounded(run: () => CyclerData): boolean {
  const start = performance.now();
  try {
    if (!valid(run())) throw new Error('returned an invalid result');
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) {
      throw new Error(`escaped ${(error as Error)?.name}: ${(error as Error)?.message}`);
    }
    if (!/^(text|options)\b/.test(error.message)) {
      throw new Error(`${error.name} does not name the argument: ${error.message}`);
    }
  }
  const elapsed = performance.now() - start;
  if (elapsed > DEADLINE_MS) throw new Error(`took ${elapsed.toFixed(0)} ms`);
  return true;
}

const chars = [...'0123456789.,;:+-eE \t\n\r/<>()[]_#abcdefghIVAmsQ'];
const noise = fc.string({ unit: fc.constantFrom(...chars), maxLength: 400 });
const bytes = fc.uint8Array({ maxLength: 400 });

function mutate(text: string, edits: [number, string][]): string {
  let out = text;
  for (const [at, replacement] of edits) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + replacement + out.slice(i + 1);
  }
  return out;
}

describe.each([
  ['readBiologicMpt', (t: string | Uint8Array) => readBiologicMpt(t), mpt],
  ['readCyclerCsv', (t: string | Uint8Array) => readCyclerCsv(t), csv],
] as const)('%s fuzz', (_, reader, files) => {
  it('survives random text and random bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          noise,
          noise.map(
            (tail) => `EC-Lab ASCII FILE\nNb header lines : 3\n\ntime/s\tEwe/V\tI/mA\n${tail}`,
          ),
          noise.map((tail) => `time(s),voltage(V),current(A)\n${tail}`),
          bytes,
        ),
        (input) => bounded(() => reader(input)),
      ),
      { numRuns: 300 },
    );
  });

  it('survives truncated valid files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), (file, cut) =>
        bounded(() => reader(file.slice(0, cut % (file.length + 1)))),
      ),
      { numRuns: 300 },
    );
  });

  it('survives mutated characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...chars)), { minLength: 1, maxLength: 6 }),
        (file, edits) => bounded(() => reader(mutate(file, edits))),
      ),
      { numRuns: 300 },
    );
  });
});

describe('readBiologicMpt header-count fuzz', () => {
  it('refuses huge or absurd header counts without allocating for them', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[0-9]{1,40}$/), fc.constantFrom('-1', '1e9', '', 'NaN')),
        (count) =>
          bounded(() =>
            readBiologicMpt(mpt[0]!.replace('Nb header lines : 22', `Nb header lines : ${count}`)),
          ),
      ),
      { numRuns: 200 },
    );
  });
});
