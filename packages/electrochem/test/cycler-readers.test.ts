// Reference values are the numbers written by hand into the fixtures (test/fixtures/*.mpt, *.csv,
// *.txt), converted with exact unit factors (1 mA = 1e-3 A, 1 mAh = 3.6 C, 1 Ah = 3600 C,
// 1 h = 3600 s).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBiologicMpt, readCyclerCsv } from '../src/index.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const text = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');

describe('readBiologicMpt', () => {
  it('reads an EC-Lab GCPL export into SI arrays (decimal point, CRLF, trailing tabs)', () => {
    const data = readBiologicMpt(fixture('biologic-gcpl.mpt'));
    expect(data.time).toHaveLength(16);
    expect(data.time[1]).toBe(1800);
    expect(data.time[15]).toBe(25200.5);
    expect(data.voltage[0]).toBe(3.7012);
    expect(data.voltage[15]).toBe(3.6811);
    expect(data.current[0]).toBeCloseTo(0.0813e-3, 18);
    expect(data.current[8]).toBeCloseTo(-0.0813e-3, 18);
    // (Q-Qo)/mA.h preferred: 0.0813 mA × 0.5 h = 0.04065 mAh = 0.14634 C
    expect(data.sources).toEqual({
      time: 'time/s',
      voltage: 'Ewe/V',
      current: '<I>/mA',
      capacity: '(Q-Qo)/mA.h',
      cycle: 'cycle number',
    });
    expect(data.capacity![1]).toBeCloseTo(0.04065 * 3.6, 12);
    expect(data.cycle![3]).toBe(0);
    expect(data.columns['ox/red']![8]).toBe(0);
    // 0.0813 mA × 3.5 h of charge
    expect(data.columns['Q charge/discharge/mA.h']![7]).toBeCloseTo(0.28455, 12);
  });

  it('reads the decimal-comma (French locale) export to the same numbers', () => {
    const point = readBiologicMpt(fixture('biologic-gcpl.mpt'));
    const comma = readBiologicMpt(text('biologic-gcpl-comma.mpt'));
    expect(Array.from(comma.time)).toEqual(Array.from(point.time));
    expect(Array.from(comma.voltage)).toEqual(Array.from(point.voltage));
    expect(Array.from(comma.current)).toEqual(Array.from(point.current));
    expect(Array.from(comma.capacity!)).toEqual(Array.from(point.capacity!));
  });

  it('accepts a file exported without the header block, and I/mA, Ecell, mV units', () => {
    const data = readBiologicMpt('time/s\tEcell/mV\tI/mA\n0\t3700\t1\n10\t3710\t1\n');
    expect(Array.from(data.voltage)).toEqual([3.7, 3.71]);
    expect(Array.from(data.current)).toEqual([0.001, 0.001]);
    expect(data.capacity).toBeUndefined();
    expect(data.sources.voltage).toBe('Ecell/mV');
  });

  it('reports malformed files with the line', () => {
    const good = text('biologic-gcpl.mpt');
    const lines = good.split('\r\n');
    expect(() => readBiologicMpt('hello')).toThrow(/text must be a BioLogic EC-Lab ASCII export/);
    expect(() =>
      readBiologicMpt(good.replace('Nb header lines : 22', 'Nb header lines : x')),
    ).toThrow(/text line 2: expected "Nb header lines : N"/);
    expect(() =>
      readBiologicMpt(good.replace('Nb header lines : 22', 'Nb header lines : 999999999')),
    ).toThrow(/text line 2: Nb header lines must be an integer from 3/);
    const badNumber = [...lines];
    badNumber[25] = badNumber[25]!.replace('3.7801000E+00', '3.78O1000E+00');
    expect(() => readBiologicMpt(badNumber.join('\n'))).toThrow(
      'text line 26: column "Ewe/V" must be a finite number; received "3.78O1000E+00"',
    );
    const short = [...lines];
    short[24] = short[24]!.split('\t').slice(0, 5).join('\t');
    expect(() => readBiologicMpt(short.join('\n'))).toThrow(
      /text line 25: expected 17 tab-separated fields/,
    );
    expect(() => readBiologicMpt(good.replace('Ewe/V', 'Ewe/furlong'))).toThrow(
      /unit "furlong", not a known voltage unit/,
    );
    expect(() => readBiologicMpt(good.replace('<I>/mA', 'J/mA'))).toThrow(/no current column/);
    expect(() => readBiologicMpt(lines.slice(0, 22).join('\n'))).toThrow(/no data rows/);
    expect(() => readBiologicMpt(42 as never)).toThrow(TypeError);
  });
});

describe('readCyclerCsv', () => {
  it('reads an Arbin-style CSV (units in parentheses, date column skipped, ambiguous capacity left out)', () => {
    const data = readCyclerCsv(text('arbin.csv'));
    expect(data.sources).toEqual({
      time: 'Test_Time(s)',
      voltage: 'Voltage(V)',
      current: 'Current(A)',
    });
    expect(data.time).toHaveLength(12);
    expect(data.time[3]).toBe(3601.0105);
    expect(data.current[9]).toBe(-0.0000813);
    expect(data.voltage[11]).toBe(3.7381);
    expect(data.capacity).toBeUndefined();
    expect(data.columns.Date_Time).toBeUndefined();
    const chosen = readCyclerCsv(text('arbin.csv'), {
      columns: { capacity: 'charge_capacity(ah)' },
    });
    expect(chosen.capacity![7]).toBeCloseTo(0.000203273 * 3600, 12);
  });

  it('reads a semicolon, decimal-comma export with metadata lines, h and mA/mAh units', () => {
    const data = readCyclerCsv(text('neware-semicolon.csv'));
    expect(data.sources).toEqual({
      time: 'Total Time(h)',
      voltage: 'Voltage(V)',
      current: 'Current(mA)',
      capacity: 'Capacity(mAh)',
    });
    expect(Array.from(data.time)).toEqual([0, 1800, 3600, 5400, 7200, 9000]);
    expect(data.current[4]).toBeCloseTo(-0.0813e-3, 18);
    expect(data.voltage[1]).toBe(3.7398);
    expect(data.capacity![3]).toBeCloseTo(0.122 * 3.6, 12);
  });

  it('reads a tab-separated file with slash units and a text column', () => {
    const data = readCyclerCsv(text('generic-tab.txt'));
    expect(Array.from(data.time)).toEqual([0, 60, 120, 180]);
    expect(data.current[0]).toBe(0.0005);
    expect(data.capacity![3]).toBeCloseTo(0.025 * 3.6, 14);
    expect(data.sources.voltage).toBe('Ecell/V');
  });

  it('needs a unit for every needed column, from the header or options.units', () => {
    const csv = 'time,voltage,current\n0,3.7,0.001\n1,3.8,0.001\n';
    expect(() => readCyclerCsv(csv)).toThrow(/text line 1: column "time" has no unit/);
    const data = readCyclerCsv(csv, { units: { time: 'min', voltage: 'V', current: 'mA' } });
    expect(Array.from(data.time)).toEqual([0, 60]);
    expect(data.current[1]).toBe(0.000001);
  });

  it('reports malformed files and options with the line or option', () => {
    const csv = text('arbin.csv');
    expect(() => readCyclerCsv('1,2,3\n4,5,6\n')).toThrow(/text has no header row/);
    expect(() => readCyclerCsv(csv.replace('3.73981', '3.7x981'))).toThrow(
      'text line 5: column "Voltage(V)" must be a finite number; received "3.7x981"',
    );
    expect(() => readCyclerCsv(csv.replace(',3.73981,', ',3.73981,1,'))).toThrow(
      /text line 5: expected 10 comma-separated fields/,
    );
    expect(() => readCyclerCsv(csv, { columns: { time: 'nope' } })).toThrow(
      /options.columns.time must name a column/,
    );
    expect(() => readCyclerCsv(csv, { units: { voltage: 'furlong' } })).toThrow(
      /options.units.voltage must be one of/,
    );
    expect(() => readCyclerCsv(csv, { delimiter: '|' as never })).toThrow(/options.delimiter/);
    expect(() => readCyclerCsv(csv, null as never)).toThrow(TypeError);
    expect(() => readCyclerCsv(null as never)).toThrow(TypeError);
  });
});
