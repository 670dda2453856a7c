// House rule for every reader: random text, random bytes, truncated and mutated files end in a
// TypeError/RangeError whose message names the argument (`text` or `options`), or in a valid table,
// within a bounded time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LatticeTable, readLatticeTable } from '../src/index.js';

// A hang guard, not a speed test: these inputs parse in well under a millisecond.
const DEADLINE_MS = 2000;

function valid(table: LatticeTable): boolean {
  const n = table.cLi.length;
  if (n === 0 || table.a.length !== n || table.c.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const x = table.cLi[i] as number;
    if (!(x >= 0 && x <= 1) || !((table.a[i] as number) > 0) || !((table.c[i] as number) > 0))
      return false;
    if (!Number.isFinite(table.a[i] as number) || !Number.isFinite(table.c[i] as number))
      return false;
  }
  for (const extra of [table.aEsd, table.cEsd, table.strain, table.strainEsd]) {
    if (extra !== undefined && extra.length !== n) return false;
  }
  return true;
}

function violates(input: string | Uint8Array): string | undefined {
  const start = performance.now();
  try {
    if (!valid(readLatticeTable(input, { maxRows: 5000 }))) return 'returned an invalid table';
  } catch (error) {
    if (!(error instanceof TypeError || error instanceof RangeError)) {
      return `escaped ${(error as Error)?.name}: ${(error as Error)?.message}`;
    }
    if (!/^(text|options)\b/.test(error.message))
      return `does not name the argument: ${error.message}`;
  }
  const elapsed = performance.now() - start;
  return elapsed > DEADLINE_MS ? `took ${elapsed.toFixed(0)} ms` : undefined;
}

const csv = `# export\nc_Li, a (Å), a_esd, c (Å), c_esd, strain\n${Array.from(
  { length: 80 },
  (_, i) =>
    `${(1 - 0.01 * i).toFixed(2)}, ${(2.87 - 0.0005 * i).toFixed(5)}, 0.0002, ${(14.2 + 0.003 * i).toFixed(4)}, 0.001, ${(0.01 * i).toFixed(3)}`,
).join('\n')}`;
const chars = [...'0123456789.+-eE ,;\t\n\r#aclLi_()σxNIfinity\ufeff'];

describe('readLatticeTable fuzz', () => {
  it('ends random, truncated and mutated input in a named error or a valid table', () => {
    const problems: string[] = [];
    const record = (p: string | undefined) => {
      if (p !== undefined && problems.length < 5) problems.push(p);
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...chars), maxLength: 400 }), (text) => {
        record(violates(text));
        record(violates(`c_Li,a,c\n${text}`));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => record(violates(bytes))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...chars)), { maxLength: 5 }),
        (cut, edits) => {
          record(violates(csv.slice(0, cut % (csv.length + 1))));
          const mutated = [...csv];
          for (const [at, char] of edits) mutated[at % mutated.length] = char;
          record(violates(mutated.join('')));
        },
      ),
      { numRuns: 300 },
    );
    record(violates(`c_Li,a,c\n${'0.5,2.8,14.2\n'.repeat(6000)}`)); // past maxRows
    expect(problems).toEqual([]);
  });
});
