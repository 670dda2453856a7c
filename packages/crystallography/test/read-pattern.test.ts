import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXy } from '../src/read-pattern.js';

describe('readXy', () => {
  it('reads a two-column .xy file with comments, blank lines and any line ending', () => {
    const text =
      '! Bruker export\r\n# sample NMC811\r\n\r\n  10.00\t 120\r\n10.02   131.5 # spike?\r10.04 1.25e2\n; end\n';
    const pattern = readXy(text);
    expect(Array.from(pattern.x)).toEqual([10, 10.02, 10.04]);
    expect(Array.from(pattern.y)).toEqual([120, 131.5, 125]);
    expect(pattern.sigma).toBeUndefined();
    expect(pattern.columnNames).toBeUndefined();
    expect(pattern.comments).toEqual(['Bruker export', 'sample NMC811', 'end']);
    expect(pattern.x).toBeInstanceOf(Float64Array);
  });

  it('reads the ESD column of a three-column .xye file', () => {
    const pattern = readXy('18.70 1520 38.99\n18.72 1610 40.12\n18.74 1580 0\n');
    expect(Array.from(pattern.sigma as Float64Array)).toEqual([38.99, 40.12, 0]);
    expect(readXy('1 2 3\n2 3 4\n', { columns: { sigma: false } }).sigma).toBeUndefined();
  });

  it('reads CSV with a header line, by column name or index, and semicolon files', () => {
    const csv = '2theta, counts, esd, calc\n10.0, 5, 2.2, 4.9\n10.1, 6, 2.4, 6.2\n';
    const named = readXy(csv, { columns: { x: '2Theta', y: 'counts', sigma: ' ESD ' } });
    expect(named.columnNames).toEqual(['2theta', 'counts', 'esd', 'calc']);
    expect(Array.from(named.y)).toEqual([5, 6]);
    expect(Array.from(named.sigma as Float64Array)).toEqual([2.2, 2.4]);
    const indexed = readXy(csv, { columns: { x: 0, y: 3 } });
    expect(Array.from(indexed.y)).toEqual([4.9, 6.2]);
    expect(indexed.sigma).toBeUndefined();
    const semicolon = readXy('x;y\n-1.5;+2\n-1;.5\n');
    expect(Array.from(semicolon.x)).toEqual([-1.5, -1]);
    expect(Array.from(semicolon.y)).toEqual([2, 0.5]);
  });

  it('accepts a decreasing axis and bytes with a byte-order mark', () => {
    const bytes = new TextEncoder().encode('\ufeff3 30\n2 20\n1 10\n');
    const pattern = readXy(bytes);
    expect(Array.from(pattern.x)).toEqual([3, 2, 1]);
    expect(Array.from(readXy(bytes.buffer as ArrayBuffer).y)).toEqual([30, 20, 10]);
  });

  it('gives back the numbers that were written (round trip)', () => {
    let failures = 0;
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
          minLength: 50,
          maxLength: 50,
        }),
        fc.constantFrom(' ', '\t', ',', ';', ' , '),
        (raw, intensities, delimiter) => {
          const x = [...new Set(raw)].sort((a, b) => a - b);
          const y = intensities.slice(0, x.length);
          const text = x.map((v, i) => `${v}${delimiter}${y[i]}`).join('\n');
          const pattern = readXy(text);
          const same =
            pattern.x.length === x.length &&
            x.every((v, i) => Object.is(pattern.x[i], v === 0 ? 0 : v)) &&
            y.every((v, i) => Object.is(pattern.y[i], v === 0 ? 0 : v));
          if (!same) failures++;
        },
      ),
      { numRuns: 100 },
    );
    expect(failures).toBe(0);
  });

  it('rejects malformed text with the line number', () => {
    expect(() => readXy('1 2\n2 3 4\n')).toThrow(
      new RangeError(
        'text line 2: expected 2 columns (as on the first data line); received 3 in "2 3 4"',
      ),
    );
    expect(() => readXy('1 2\n2 abc\n')).toThrow(
      /text line 2, column 2: expected a finite decimal number; received "abc"/,
    );
    expect(() => readXy('1 2\n2 NaN\n')).toThrow(/text line 2, column 2/);
    expect(() => readXy('1 2\n2 0x10\n')).toThrow(/text line 2, column 2/);
    expect(() => readXy('1,2\n2,\n')).toThrow(/text line 2, column 2: .*received an empty field/);
    expect(() => readXy('1;2\n2;1,5\n')).toThrow(/text line 2, column 2: .*"1,5"/);
    expect(() => readXy('1 2\n1e999 3\n')).toThrow(/text line 2: expected finite numbers/);
    expect(() => readXy('1 2\n2 3\n1.5 4\n')).toThrow(
      /text line 3: x must be strictly monotone \(increasing\); x = 1.5 does not increase from x = 2 on line 2/,
    );
    expect(() => readXy('3 2\n2 3\n# c\n2.5 4\n')).toThrow(
      /text line 4: x must be strictly monotone \(decreasing\); x = 2.5 does not decrease from x = 2 on line 2/,
    );
    expect(() => readXy('1 2\n1 3\n')).toThrow(/text line 2: .* x = 1 repeats x = 1 on line 1/);
    expect(() => readXy('1 2 -3\n')).toThrow(/text line 1: the ESD \(column 3\) must be ≥ 0/);
    expect(() => readXy('title\nangle counts\n1 2\n')).toThrow(/text line 2: .*only one header/);
    expect(() => readXy('a b c\n1 2\n')).toThrow(/header \(line 1\) names 3 columns/);
    expect(() => readXy('5\n')).toThrow(/text line 1: a data line must have at least two columns/);
    expect(() => readXy('# only comments\n\n')).toThrow(/text must contain at least one data line/);
    expect(() => readXy('1 2 3 4\n')).toThrow(/options\.columns must say which columns/);
  });

  it('guards the size and rejects bad options', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `${i} ${i % 7}`).join('\n');
    expect(readXy(text, { maxPoints: 3000 }).x).toHaveLength(3000);
    expect(() => readXy(text, { maxPoints: 2999 })).toThrow(
      /text has more than options\.maxPoints = 2999 data points \(line 3000\)/,
    );
    expect(() => readXy('1 2\n', { maxPoints: 0 })).toThrow(RangeError);
    expect(() => readXy(42 as unknown as string)).toThrow(
      new TypeError('text must be a string, Uint8Array or ArrayBuffer; received 42'),
    );
    expect(() => readXy('1 2\n', null as unknown as object)).toThrow(TypeError);
    expect(() => readXy('1 2\n', { columns: 'x,y' as unknown as object })).toThrow(TypeError);
    expect(() => readXy('1 2\n', { columns: { y: 5 } })).toThrow(
      /options\.columns\.y must be a column index below 2/,
    );
    expect(() => readXy('1 2\n', { columns: { y: -1 } })).toThrow(RangeError);
    expect(() => readXy('1 2\n', { columns: { y: 'counts' } })).toThrow(
      /options\.columns\.y must name a column of the header line \(the text has none\)/,
    );
    expect(() => readXy('1 2\n', { columns: { x: 1 } })).toThrow(/different columns for x and y/);
    expect(() => readXy('1 2\n', { columns: { x: true as unknown as number } })).toThrow(TypeError);
  });
});
