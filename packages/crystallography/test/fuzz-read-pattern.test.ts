// House rule for every reader: random bytes, truncated valid files and mutated numbers end in a
// TypeError/RangeError that names the argument (or in a valid result), within a bounded time. A
// predicate that lets any other error escape, returns non-finite numbers, mismatched lengths or an
// x that is not strictly monotone, or runs past the deadline fails the property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXy, type XyPattern } from '../src/read-pattern.js';

// A hang guard, not a speed test: valid inputs parse in well under 1 ms, so 2 s per input only
// trips on a real hang, never on a loaded CI machine. (Speed is measured in bench/.)
const DEADLINE_MS = 2000;

function valid(pattern: XyPattern): boolean {
  const { x, y, sigma } = pattern;
  if (x.length === 0 || y.length !== x.length) return false;
  if (sigma !== undefined && sigma.length !== x.length) return false;
  const direction = x.length > 1 ? Math.sign((x[1] as number) - (x[0] as number)) : 1;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i] as number) || !Number.isFinite(y[i] as number)) return false;
    if (sigma && !((sigma[i] as number) >= 0 && Number.isFinite(sigma[i] as number))) return false;
    if (i > 0 && Math.sign((x[i] as number) - (x[i - 1] as number)) !== direction) return false;
  }
  return direction !== 0;
}

/** Runs readXy on `input` and checks the house rule; counts violations instead of throwing. */
function violates(input: string | Uint8Array): string | undefined {
  const start = performance.now();
  try {
    if (!valid(readXy(input, { maxPoints: 5000 }))) return 'returned an invalid result';
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) {
      return `escaped ${(error as Error)?.name}: ${(error as Error)?.message}`;
    }
    if (!/^(text|options)\b/.test(error.message)) {
      return `${error.name} does not name the argument: ${error.message}`;
    }
  }
  const elapsed = performance.now() - start;
  return elapsed > DEADLINE_MS ? `took ${elapsed.toFixed(0)} ms` : undefined;
}

const xye = Array.from(
  { length: 200 },
  (_, i) =>
    `${(10 + 0.02 * i).toFixed(2)} ${(100 + 50 * Math.sin(i)).toFixed(3)} ${(10 + (i % 5)).toFixed(1)}`,
).join('\n');
const csv = `# exported\n2theta,intensity\n${Array.from({ length: 100 }, (_, i) => `${20 + i * 0.05},${i * i}`).join('\r\n')}`;
const chars = [...'0123456789.+-eE ,;\t\n\r#!abcxyNIfinity\u00a0\ufeff'];

describe('readXy fuzz', () => {
  it('ends random text, random bytes, truncated and mutated files in a named error or a valid pattern', () => {
    const problems: string[] = [];
    const record = (problem: string | undefined) => {
      if (problem !== undefined && problems.length < 5) problems.push(problem);
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 400 }), (text) => {
        record(violates(text));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        record(violates(bytes));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(xye, csv),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...chars)), { maxLength: 5 }),
        (file, cut, edits) => {
          const truncated = file.slice(0, cut % (file.length + 1));
          record(violates(truncated));
          const mutated = [...file];
          for (const [at, char] of edits) mutated[at % mutated.length] = char;
          record(violates(mutated.join('')));
        },
      ),
      { numRuns: 200 },
    );
    // Large inputs stay within the deadline and the size guard.
    record(violates(`${xye}\n`.repeat(50)));
    record(violates(Array.from({ length: 6000 }, (_, i) => `${i} 1`).join('\n')));
    expect(problems).toEqual([]);
  });
});
