import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readJcamp } from '../src/read-jcamp.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const affn = fixture('jcamp-affn.jdx');
const asdf = fixture('jcamp-asdf.jdx');

// The data of both fixtures, written out: 24 ordinates Y, YFACTOR = 0.5, and
// x = FIRSTX + (LASTX − FIRSTX)·i/23 = 2000 − 100·i Hz. The ASDF file encodes them by hand per
// McDonald & Wilks (1988): e.g. line 1 "20000A00KL%TNM0J50" is X = 20000 (× XFACTOR 0.1 = 2000 Hz),
// A00 = SQZ 100, K = DIF +2 → 102, L = +3 → 105, %T = DIF 0 twice → 105, 105, N = +5 → 110,
// M0 = +40 → 150, J50 = +150 → 300; line 2 starts with the Y-check C00 = 300; "nX" on line 3 is
// DIF −5 six times (X = DUP 6); the last line "-3000b0" only repeats −20 as the final Y-check.
const ordinates = [
  100, 102, 105, 105, 105, 110, 150, 300, 600, 1200, 1800, 1200, 600, 300, 150, 110, 105, 100, 95,
  90, 85, 80, -5, -20,
];
const expectedY = new Float64Array(ordinates.map((value) => value * 0.5));
const expectedX = new Float64Array(ordinates.map((_, i) => 2000 - 100 * i));

function withData(lines: string[], header: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    TITLE: 't',
    'JCAMP-DX': '4.24',
    XUNITS: 'HZ',
    YUNITS: 'ARBITRARY UNITS',
    FIRSTX: '2000',
    LASTX: '-300',
    NPOINTS: '24',
    XFACTOR: '0.1',
    YFACTOR: '0.5',
    ...header,
  };
  const head = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([label, value]) => `##${label}= ${value}`);
  return [...head, '##XYDATA= (X++(Y..Y))', ...lines, '##END='].join('\n');
}

describe('readJcamp', () => {
  it('reads the AFFN fixture (blanks, commas and PAC signs as separators)', () => {
    const spectrum = readJcamp(affn);
    expect(spectrum.y).toEqual(expectedY);
    expect(spectrum.x).toEqual(expectedX);
    expect(spectrum.xUnits).toBe('HZ');
    expect(spectrum.yUnits).toBe('ARBITRARY UNITS');
    expect(spectrum.title).toBe('Synthetic 7Li spectrum, AFFN (hand-written test fixture)');
    expect(spectrum.dataType).toBe('NMR SPECTRUM');
    expect(spectrum.table).toBe('XYDATA');
    expect(spectrum.parameters['.OBSERVE NUCLEUS']).toBe('^7Li');
    expect(spectrum.parameters.$SI).toBe(24);
    expect(spectrum.parameters.XYDATA).toBeUndefined();
  });

  it('reads the same data compressed by hand in ASDF (SQZ, DIF, DUP, Y-checks) to identical arrays', () => {
    const compressed = readJcamp(asdf);
    const plain = readJcamp(affn);
    expect(compressed.y).toEqual(plain.y);
    expect(compressed.x).toEqual(plain.x);
    expect(compressed.y).toEqual(expectedY);
  });

  it('reads SQZ with DUP of values (no DIF, so no Y-checks)', () => {
    const text = withData([
      '20000A00A02A05UA10A50C00',
      '12000F00A200A800A200F00C00A50A10',
      '4000A05A00I5I0H5H0eb0',
    ]);
    expect(readJcamp(text).y).toEqual(expectedY);
  });

  it('converts HZ to ppm with .OBSERVE FREQUENCY and copies a PPM axis', () => {
    const spectrum = readJcamp(asdf);
    // 2000 Hz / 116.591391 MHz = 17.1539251984737 ppm; −300 Hz → −2.573088779771055 ppm.
    expect(spectrum.referenceFrequency).toBe(116.591391);
    expect(spectrum.ppm?.[0]).toBeCloseTo(17.1539251984737, 12);
    expect(spectrum.ppm?.[23]).toBeCloseTo(-2.573088779771055, 12);
    const inPpm = readJcamp(
      withData(['20000A00KL%TNM0J50'], { XUNITS: 'PPM', NPOINTS: '8', LASTX: '1300' }),
    );
    expect(inPpm.ppm).toEqual(inPpm.x);
    expect(inPpm.referenceFrequency).toBeUndefined();
    const noObserve = readJcamp(withData(['20000A00KL%TNM0J50'], { NPOINTS: '8', LASTX: '1300' }));
    expect(noObserve.ppm).toBeUndefined();
  });

  it('spaces x evenly from FIRSTX to LASTX without overflow, LASTX exactly at the end', () => {
    // FIRSTX = 1e308, LASTX = −1e308, 24 points: x[i] = 1e308 − 2e308·i/23, although the span
    // 2e308 itself is beyond the largest double.
    const spectrum = readJcamp(
      withData(['20000A00KL%TNM0J50', '13000C00L00O00To00Tl00j50m0', '5000A10nXq5j5'], {
        FIRSTX: '1e308',
        LASTX: '-1e308',
        XFACTOR: '1',
      }),
    );
    expect(spectrum.x[0]).toBe(1e308);
    expect(spectrum.x[23]).toBe(-1e308);
    expect(spectrum.x[1]).toBeCloseTo((21 / 23) * 1e308, -295); // (22·1e308 − 1e308)/23
    const tenths = readJcamp(
      withData(['1A0JT', '3A2'], { FIRSTX: '0.1', LASTX: '0.3', NPOINTS: '3', XFACTOR: '0.1' }),
    );
    expect(tenths.x[2]).toBe(0.3);
  });

  it('reads ##XYPOINTS and ##PEAK TABLE (XY..XY) pairs', () => {
    const text = [
      '##TITLE= peaks',
      '##JCAMP-DX= 5.01',
      '##XUNITS= PPM',
      '##YUNITS= ARBITRARY UNITS',
      '##XFACTOR= 1',
      '##YFACTOR= 2',
      '##NPOINTS= 3',
      '##PEAK TABLE= (XY..XY)',
      '720.5, 10; 0,1.5E+01',
      '-15.25,2',
      '##END=',
    ].join('\n');
    const spectrum = readJcamp(text);
    expect(spectrum.table).toBe('PEAK TABLE');
    expect(spectrum.x).toEqual(new Float64Array([720.5, 0, -15.25]));
    expect(spectrum.y).toEqual(new Float64Array([20, 30, 4]));
    const points = readJcamp(text.replace('##PEAK TABLE=', '##XYPOINTS='));
    expect(points.table).toBe('XYPOINTS');
    expect(() => readJcamp(text.replace('##NPOINTS= 3', '##NPOINTS= 4'))).toThrow(
      /NPOINTS= 4 but ##PEAK TABLE holds 3 points/,
    );
    expect(() => readJcamp(text.replace('-15.25,2', '-15.25'))).toThrow(/must hold \(x, y\) pairs/);
    expect(() => readJcamp(text.replace('(XY..XY)', '(XYW..XYW)'))).toThrow(/must be \(XY..XY\)/);
  });

  it('reads the first 1D block of a compound (LINK) file', () => {
    const structure = '##TITLE= structure\n##JCAMP-CS= 3.7\n##BLOCK_ID= 1\n##END=';
    const text = `##TITLE= link\n##JCAMP-DX= 5.01\n##DATA TYPE= LINK\n##BLOCKS= 2\n${structure}\n${asdf}\n##END=`;
    const spectrum = readJcamp(text);
    expect(spectrum.y).toEqual(expectedY);
    expect(spectrum.title).toBe('Synthetic 7Li spectrum, ASDF DIFDUP (hand-written test fixture)');
  });

  it('verifies each DIF Y-check and names the line', () => {
    // line 19 of the fixture is "13000C00…": change the check value 300 (C00) to 301 (C01)
    const corrupt = asdf.replace('13000C00', '13000C01');
    expect(() => readJcamp(corrupt)).toThrow(
      new RangeError(
        'text line 19: DIF Y-check value 301 does not repeat the last ordinate 300 of the previous line; the data are corrupt',
      ),
    );
    // large integers are compared exactly, decimals within rounding of the DIF chain
    expect(() =>
      readJcamp(withData(['20000A000000000000JT', '13000A000000000001'], { NPOINTS: '3' })),
    ).toThrow(/DIF Y-check value 1000000000001 does not repeat the last ordinate 1000000000002/);
    const decimals = readJcamp(
      withData(['20000@.1%.2%.2', '17000@.5'], { NPOINTS: '3', LASTX: '1800' }),
    );
    expect(decimals.y).toEqual(
      new Float64Array([0.1, 0.1 + 0.2, 0.1 + 0.2 + 0.2].map((v) => v * 0.5)),
    );
    // a lost line breaks the chain of checks too
    expect(() => readJcamp(asdf.replace('13000C00L00O00To00Tl00j50m0\n', ''))).toThrow(
      /line 19: DIF Y-check value 110 does not repeat the last ordinate 300/,
    );
  });

  it('validates NPOINTS against the data and bounds memory', () => {
    expect(() => readJcamp(asdf.replace('##NPOINTS= 24', '##NPOINTS= 25'))).toThrow(
      new RangeError(
        'text line 17: ##NPOINTS= 25 but ##XYDATA holds 24 points; the file is truncated or corrupt',
      ),
    );
    expect(() => readJcamp(asdf.replace('##NPOINTS= 24', '##NPOINTS= 23'))).toThrow(
      /line 20: ##XYDATA holds more points than ##NPOINTS= 23/,
    );
    expect(() => readJcamp(asdf.replace('##NPOINTS= 24', '##NPOINTS= 1e15'))).toThrow(
      /##NPOINTS must be an integer ≥ 1 and ≤ 16777216; received 1000000000000000/,
    );
    expect(() => readJcamp(asdf, { maxPoints: 10 })).toThrow(/≤ 10; received 24/);
    // a DUP count far beyond NPOINTS fails at once instead of expanding
    expect(() => readJcamp(withData(['20000A00s99999999999999']))).toThrow(
      /DUP count 999999999999999 runs past ##NPOINTS= 24/,
    );
  });

  it('rejects bad input with the line number', () => {
    expect(() => readJcamp(42 as never)).toThrow(
      new TypeError('text must be the JCAMP-DX file content as a string; received 42'),
    );
    expect(() => readJcamp(affn, null as never)).toThrow(TypeError);
    expect(() => readJcamp(affn, { maxPoints: 0 })).toThrow(
      /options.maxPoints must be an integer ≥ 1/,
    );
    expect(() => readJcamp('##TITLE= x\n##XUNITS= HZ\n##END=')).toThrow(
      /holds no ##XYDATA=, ##XYPOINTS= or ##PEAK TABLE= record/,
    );
    expect(() =>
      readJcamp('##TITLE= fid\n##NTUPLES= NMR FID\n##END NTUPLES= NMR FID\n##END='),
    ).toThrow(/line 2: ##NTUPLES data .* are not supported/);
    expect(() => readJcamp(withData(['20000A00KL'], { FIRSTX: '' }))).toThrow(
      /needs ##FIRSTX=, ##LASTX= and ##NPOINTS= in its block; FIRSTX missing/,
    );
    expect(() => readJcamp(withData(['20000A00KL'], { YFACTOR: '0' }))).toThrow(
      /##YFACTOR must be nonzero/,
    );
    expect(() => readJcamp(withData(['20000A00KL'], { LASTX: 'abc' }))).toThrow(
      /##LASTX must be a finite number; received "abc"/,
    );
    expect(() => readJcamp(withData(['20000A00K#L']))).toThrow(
      /line 11, column 10: unexpected character "#" in ##XYDATA/,
    );
    expect(() => readJcamp(withData(['20000 100 ? 3']))).toThrow(/"\?" \(missing value\)/);
    expect(() => readJcamp(withData(['20000J00']))).toThrow(
      /DIF value "J00" has no preceding ordinate/,
    );
    expect(() => readJcamp(withData(['20000T']))).toThrow(
      /DUP count "T" does not follow an ordinate/,
    );
    expect(() => readJcamp(withData(['J20000A00']))).toThrow(/must start with its abscissa/);
    expect(() => readJcamp(withData(['20000 1.2.3']))).toThrow(/"1.2.3" is not a finite number/);
    expect(() => readJcamp(withData(['20000 1e+999']))).toThrow(/"1e\+999" is not a finite number/);
    expect(() => readJcamp(withData(['20000 100', '30000 100']))).toThrow(
      /line 12: abscissa 3000 runs against FIRSTX → LASTX/,
    );
    expect(() => readJcamp(withData(['20000 1E+308'], { YFACTOR: '10', NPOINTS: '1' }))).toThrow(
      /y\[0\] overflows to Infinity/,
    );
    expect(() => readJcamp(affn.replace('(X++(Y..Y))', '(X++(Y..Y),R)'))).toThrow(
      /##XYDATA= must be \(X\+\+\(Y..Y\)\)/,
    );
  });
});
