import { describe, expect, it } from 'vitest';
import { readLatticeTable } from '../src/index.js';

describe('readLatticeTable', () => {
  it('reads a CSV export with units, esd and strain columns', () => {
    const text =
      '\ufeff# NMC811 C/5\r\nc_Li, a (Å), a_esd, c (Å), sigma(c), strain, strain esd, Rwp\r\n0.95, 2.8721, 0.0002, 14.2180, 0.0010, 0.01, 0.002, 3.1\r\n\r\n0.90,2.8702,0.0002,14.2391,0.0011,0.012,0.002,3.3\r\n# end\r\n';
    const table = readLatticeTable(text);
    expect(Array.from(table.cLi)).toEqual([0.95, 0.9]);
    expect(Array.from(table.a)).toEqual([2.8721, 2.8702]);
    expect(Array.from(table.c)).toEqual([14.218, 14.2391]);
    expect(Array.from(table.aEsd ?? [])).toEqual([0.0002, 0.0002]);
    expect(Array.from(table.cEsd ?? [])).toEqual([0.001, 0.0011]);
    expect(Array.from(table.strain ?? [])).toEqual([0.01, 0.012]);
    expect(Array.from(table.strainEsd ?? [])).toEqual([0.002, 0.002]);
    expect(table.columnNames).toEqual([
      'c_Li',
      'a (Å)',
      'a_esd',
      'c (Å)',
      'sigma(c)',
      'strain',
      'strain esd',
      'Rwp',
    ]);
    expect(table.comments).toEqual(['NMC811 C/5', 'end']);
  });

  it('accepts semicolons, tabs, spaces, other header spellings and UTF-8 bytes', () => {
    for (const text of [
      'x_Li; a/A; c/A\n0.5; 2.85; 14.4',
      'Li content\ta\tc\n0.5\t2.85\t14.4',
      'cLi a c\n0.5 2.85 14.4',
      'X_LI,D_TM,C,u(a),esd_c\n0.5,2.85,14.4,1e-4,2E-3',
    ]) {
      const table = readLatticeTable(new TextEncoder().encode(text));
      expect(table.cLi[0]).toBe(0.5);
      expect(table.a[0]).toBe(2.85);
      expect(table.c[0]).toBe(14.4);
    }
    const withEsd = readLatticeTable('X_LI,D_TM,C,u(a),esd_c\n0.5,2.85,14.4,1e-4,2E-3');
    expect(withEsd.aEsd?.[0]).toBe(1e-4);
    expect(withEsd.cEsd?.[0]).toBe(2e-3);
    expect(withEsd.strain).toBeUndefined();
  });

  it('reports malformed files with the line and column', () => {
    expect(() => readLatticeTable('0.5, 2.85, 14.4')).toThrow(/text line 1: expected a header/);
    expect(() => readLatticeTable('c_Li, a\n0.5, 2.85')).toThrow(
      /text line 1: the header must name a c column/,
    );
    expect(() => readLatticeTable('c_Li, a, c, x_Li\n0.5, 2.85, 14.4, 0.5')).toThrow(
      /both name cLi/,
    );
    expect(() => readLatticeTable('c_Li, a, c\n0.5, 2.85, 14.4\n0.4, 2.84')).toThrow(
      new RangeError('text line 3: expected 3 fields as in the header (line 1); received 2'),
    );
    expect(() => readLatticeTable('c_Li, a, c\n0.5, 2.85, abc')).toThrow(
      /text line 2, column "c": expected a decimal number; received "abc"/,
    );
    expect(() => readLatticeTable('c_Li, a, c\n0.5, 2.85, NaN')).toThrow(
      /expected a decimal number/,
    );
    expect(() => readLatticeTable('c_Li, a, c\n1.5, 2.85, 14.4')).toThrow(
      /text line 2, column "c_Li": c_Li must be in \[0, 1\]; received 1.5/,
    );
    expect(() => readLatticeTable('c_Li, a, c\n0.5, -2.85, 14.4')).toThrow(/a must be > 0/);
    expect(() => readLatticeTable('c_Li, a, c, a_esd\n0.5, 2.85, 14.4, -1')).toThrow(
      /an esd must be ≥ 0/,
    );
    expect(() => readLatticeTable('c_Li, a, c\n0.5, 2.85, 1e999')).toThrow(/must be finite/);
    expect(() => readLatticeTable('c_Li, a, c\n0.5,, 14.4')).toThrow(
      /expected a decimal number; received ""/,
    );
    expect(() => readLatticeTable('c_Li, a, c\n')).toThrow(/at least one data row/);
    expect(() => readLatticeTable('# only a comment')).toThrow(
      /a header line and at least one data row/,
    );
    expect(() =>
      readLatticeTable('c_Li, a, c\n0.5, 2.85, 14.4\n0.4, 2.84, 14.45', { maxRows: 1 }),
    ).toThrow(/more than options.maxRows = 1/);
  });

  it('rejects bad arguments', () => {
    expect(() => readLatticeTable(42 as unknown as string)).toThrow(TypeError);
    expect(() => readLatticeTable(new Uint8Array([0xff, 0xfe, 0x00]))).toThrow(
      /text must be UTF-8/,
    );
    expect(() => readLatticeTable('c_Li,a,c\n0.5,2.8,14', { maxRows: 0 })).toThrow(
      /options.maxRows/,
    );
    expect(() => readLatticeTable('c_Li,a,c\n0.5,2.8,14', null as unknown as object)).toThrow(
      TypeError,
    );
  });
});
