import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJcampParameters } from '../src/jcamp-parameters.js';
import { readBruker } from '../src/read-bruker.js';
import { brukerFiles, type SyntheticBruker, writeBrukerDataSet } from './helpers/write-bruker.js';

// ⁷Li-like synthetic set: SI = 8, SW_p = 5000 Hz, SF = 125 MHz, OFFSET = 20 ppm.
// Δ = SW_p/(SF·SI) = 5000/(125·8) = 5 ppm per point, so by hand
// ppm = 20, 15, 10, 5, 0, −5, −10, −15 (last point OFFSET − 7/8·SW_p/SF = 20 − 35).
// BF1 = 124.999 MHz and SR = 1000 Hz: SF = BF1 + SR/1e6 = 124.999 + 0.001 = 125 MHz ≠ BF1.
const expectedPpm = new Float64Array([20, 15, 10, 5, 0, -5, -10, -15]);
const intValues = [0, 1, -1, 2147483647, -2147483648, 123456, -8, 5];
const floatValues = [0.1, -2.5e-7, 1e300, -Math.PI, 0, 42, Number.MIN_VALUE, 7];

function spec(overrides: Partial<SyntheticBruker> = {}): SyntheticBruker {
  return {
    values: intValues,
    dataType: 'int32',
    byteOrder: 'little',
    ncProc: -3,
    sf: 125,
    bf1: 124.999,
    sr: 1000,
    swp: 5000,
    offset: 20,
    nucleus: '7Li',
    ...overrides,
  };
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function readFromDisk(s: SyntheticBruker) {
  const root = mkdtempSync(join(tmpdir(), 'intercalate-bruker-'));
  roots.push(root);
  const dir = writeBrukerDataSet(root, s);
  return readBruker({
    '1r': readFileSync(join(dir, 'pdata', '1', '1r')),
    procs: readFileSync(join(dir, 'pdata', '1', 'procs'), 'latin1'),
    acqus: readFileSync(join(dir, 'acqus'), 'latin1'),
  });
}

describe('readBruker', () => {
  for (const byteOrder of ['little', 'big'] as const) {
    it(`reads int32 ${byteOrder}-endian data back exactly, scaled by 2^NC_proc`, () => {
      // NC_proc = −3: intensity = raw / 8, exact in binary floating point.
      const spectrum = readFromDisk(spec({ byteOrder }));
      expect(spectrum.intensities).toEqual(new Float64Array(intValues.map((v) => v / 8)));
      expect(spectrum.ppm).toEqual(expectedPpm);
      expect(spectrum.nucleus).toBe('7Li');
      expect(spectrum.referenceFrequency).toBe(125);
      expect(spectrum.spectralWidth).toBe(5000);
    });

    it(`reads float64 ${byteOrder}-endian data back exactly, scaled by 2^NC_proc`, () => {
      // NC_proc = 1: intensity = 2·raw, exact (1e300·2 stays finite, 2·MIN_VALUE is exact).
      const spectrum = readFromDisk(
        spec({ byteOrder, dataType: 'float64', values: floatValues, ncProc: 1 }),
      );
      expect(spectrum.intensities).toEqual(new Float64Array(floatValues.map((v) => 2 * v)));
      expect(spectrum.ppm).toEqual(expectedPpm);
    });
  }

  it('uses SF from procs, not BF1 from acqus, for the axis', () => {
    const spectrum = readBruker(brukerFiles(spec()));
    expect(spectrum.parameters.acqus?.BF1).toBe(124.999);
    expect(spectrum.parameters.procs.SF).toBe(125);
    expect(spectrum.referenceFrequency).toBe(125);
    // With BF1 the right edge would be 20 − 7·5000/(124.999·8) = −15.00028 ppm.
    expect(spectrum.ppm[7]).toBe(-15);
  });

  it('accepts an ArrayBuffer and a Uint8Array view with a byte offset', () => {
    const files = brukerFiles(spec({ byteOrder: 'big' }));
    const padded = new Uint8Array(files['1r'].length + 3);
    padded.set(files['1r'], 3);
    const view = padded.subarray(3);
    const expected = new Float64Array(intValues.map((v) => v / 8));
    expect(readBruker({ ...files, '1r': view }).intensities).toEqual(expected);
    expect(readBruker({ ...files, '1r': view.slice().buffer }).intensities).toEqual(expected);
  });

  it('takes the nucleus from NUC1 of acqus, else AXNUC of procs', () => {
    const files = brukerFiles(spec({ nucleus: '23Na' }));
    expect(readBruker(files).nucleus).toBe('23Na');
    const { acqus: _acqus, ...withoutAcqus } = files;
    const spectrum = readBruker(withoutAcqus);
    expect(spectrum.nucleus).toBe('23Na');
    expect(spectrum.parameters.acqus).toBeUndefined();
    const noNucleus = brukerFiles(spec({ procs: { AXNUC: '<off>' } }));
    expect(readBruker({ '1r': noNucleus['1r'], procs: noNucleus.procs }).nucleus).toBeUndefined();
  });

  it('rejects a 1r whose length is not SI × element size, before allocating', () => {
    const files = brukerFiles(spec());
    expect(() => readBruker({ ...files, '1r': files['1r'].subarray(0, 31) })).toThrow(
      new RangeError(
        "files['1r'] must hold SI × 4 = 32 bytes (SI = 8, int32); received 31 bytes: the file is truncated",
      ),
    );
    const longer = new Uint8Array(40);
    expect(() => readBruker({ ...files, '1r': longer })).toThrow(/longer than procs says/);
    // A huge SI with a small file fails on the length check, without a 2^50-element allocation.
    const huge = brukerFiles(spec({ procs: { SI: String(2 ** 50) } }));
    expect(() => readBruker(huge)).toThrow(/must hold SI × 4 = 4503599627370496 bytes/);
  });

  it('rejects bad input', () => {
    const files = brukerFiles(spec());
    expect(() => readBruker(null as never)).toThrow(TypeError);
    expect(() => readBruker({ ...files, '1r': [1, 2] as never })).toThrow(
      /files\['1r'\] must be the 1r file content as a Uint8Array or ArrayBuffer; received Array\(2\)/,
    );
    expect(() => readBruker({ ...files, procs: 3 as never })).toThrow(TypeError);
    expect(() => readBruker({ ...files, acqus: new Uint8Array(2) as never })).toThrow(TypeError);
    const withProcs = (
      procs: Record<string, string | undefined>,
      s: Partial<SyntheticBruker> = {},
    ) => readBruker(brukerFiles(spec({ ...s, procs })));
    expect(() => withProcs({ SF: undefined })).toThrow(
      new RangeError('files.procs must contain ##$SF=; it is missing'),
    );
    expect(() => withProcs({ SF: '0' })).toThrow(
      /files.procs ##\$SF must be a finite number > 0 \(MHz\); received 0/,
    );
    expect(() => withProcs({ SW_p: '<abc>' })).toThrow(/##\$SW_p must be a number; received "abc"/);
    expect(() => withProcs({ BYTORDP: '2' })).toThrow(/##\$BYTORDP must be an integer ≥ 0 and ≤ 1/);
    expect(() => withProcs({ DTYPP: '1' })).toThrow(
      /##\$DTYPP must be 0 \(int32\) or 2 \(float64\); received 1/,
    );
    expect(() => withProcs({ NC_proc: '1000' })).toThrow(
      /NC_proc must be an integer ≥ -100 and ≤ 100/,
    );
    expect(() => withProcs({ PPARMOD: '1' })).toThrow(/only 1D spectra/);
    expect(() => withProcs({ STSR: '100' })).toThrow(/strip-transformed spectra are not supported/);
    expect(() => withProcs({ STSI: '4', FTSIZE: '8' })).toThrow(/strip transform/);
    expect(() => withProcs({ SI: '8.5' })).toThrow(/##\$SI must be an integer ≥ 1/);
    expect(() =>
      readBruker(
        brukerFiles(spec({ dataType: 'float64', values: [1, Number.NaN, 0, 0, 0, 0, 0, 0] })),
      ),
    ).toThrow(/files\['1r'\] point 1 is NaN/);
    expect(() =>
      readBruker(
        brukerFiles(spec({ dataType: 'float64', values: [1e308, 0, 0, 0, 0, 0, 0, 0], ncProc: 2 })),
      ),
    ).toThrow(/every intensity must be finite/);
    expect(() => withProcs({ SF: '1e-306' })).toThrow(/non-degenerate ppm axis/);
    expect(() => readBruker({ ...files, procs: '##$SF= 1\n##$P= (0..3)\n1 2 3\n##END=' })).toThrow(
      new RangeError('files.procs line 2: ##$P= (0..3) must hold 4 elements; received 3'),
    );
  });
});

describe('parseJcampParameters', () => {
  it('types numbers, <strings> and (0..n) arrays of a Bruker acqus file', () => {
    const acqus = parseJcampParameters(brukerFiles(spec()).acqus, { stripDollar: true });
    expect(acqus.BF1).toBe(124.999);
    expect(acqus.NUC1).toBe('7Li');
    expect(acqus.NUC2).toBe('off');
    expect(acqus.PULPROG).toBe('zg');
    const delays = acqus.D as number[];
    expect(delays).toHaveLength(64);
    expect(delays[1]).toBe(2);
    expect(acqus.GPNAM).toEqual(Array.from({ length: 32 }, () => 'sine.100'));
    expect(acqus.TITLE).toBe('Parameter file, TopSpin 4.1.4');
    // the $$ comment after NPOINTS is removed
    expect(acqus.NPOINTS).toBe(7);
    const keepDollar = parseJcampParameters('##$SF= 1.5\n##XUNITS= HZ\n##END=');
    expect(keepDollar).toEqual({ $SF: 1.5, XUNITS: 'HZ' });
  });

  it('rejects malformed parameter files with the line number', () => {
    expect(() => parseJcampParameters(42 as never)).toThrow(TypeError);
    expect(() => parseJcampParameters('##TITLE= x\n##$SF 400\n##END=')).toThrow(
      new RangeError('text line 2: a ##LABEL line must contain "="; received "##$SF 400"'),
    );
    expect(() => parseJcampParameters('junk\n##TITLE= x')).toThrow(/text line 1: text outside/);
    expect(() => parseJcampParameters('##$GPNAM= (0..1)\n<a> b\n', { name: 'acqus' })).toThrow(
      /acqus line 1: ##\$GPNAM= \(0..1\) mixes <strings> with other text/,
    );
    expect(() => parseJcampParameters('##$D= (0..1)\n1 x\n')).toThrow(/non-numeric element "x"/);
  });
});
