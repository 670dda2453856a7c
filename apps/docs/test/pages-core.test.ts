import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../.vitepress/theme/components/csv';
import { transferables } from '../.vitepress/theme/components/worker-protocol';
import {
  fitLayeredPattern,
  simulateLayeredPattern,
  wavelengthOf,
} from '../.vitepress/theme/diffraction/diffraction-core';
import { fitNmrFiles, predictLi7, readSpectrumFiles } from '../.vitepress/theme/nmr/nmr-core';

// The computations behind the live pages, run in Node (the browser tests check the same pages
// end to end). Reference values: closed forms, or the parameters of the scripts that generated the
// example files (apps/docs/scripts/example_xy.py, example_jcamp.py).

const examples = new URL('../public/examples/', import.meta.url);
const bytes = (name: string) => {
  const buffer = readFileSync(new URL(name, examples));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
};

describe('diffraction page', () => {
  it('simulates the R-3m reflections at the closed-form positions', () => {
    const lambda = wavelengthOf({ kind: 'cu-ka1' });
    expect(lambda).toBe(1.54059292);
    const { rows, twoTheta, intensity } = simulateLayeredPattern({
      a: 2.8727,
      c: 14.2127,
      wavelength: lambda,
      twoThetaMax: 70,
      fwhm: 0.1,
      eta: 0.5,
      points: 2000,
    });
    // Jousseaume et al. Table 1 NMC811, the order given in the package's reflections() example
    expect(rows.map((r) => r.hkl.replaceAll(' ', ''))).toEqual([
      '003',
      '101',
      '006',
      '012',
      '104',
      '015',
      '009',
      '107',
      '018',
      '110',
      '113',
    ]);
    // 2θ(110) from d = a/2 (closed form for hexagonal 110)
    const d110 = 2.8727 / 2;
    expect(rows[9].twoTheta).toBeCloseTo((2 * Math.asin(lambda / (2 * d110)) * 180) / Math.PI, 10);
    expect(twoTheta.length).toBe(2000);
    expect(Math.max(...intensity)).toBeGreaterThan(0);
    // Synchrotron: λ = hc/E (hc = 12.398419843320026 keV·Å, CODATA 2018)
    expect(wavelengthOf({ kind: 'synchrotron', energy: 27 })).toBeCloseTo(
      12.398419843320026 / 27,
      12,
    );
  });

  it('recovers the lattice of the synthetic example from its peaks', () => {
    const text = new TextDecoder().decode(bytes('nmc-synthetic.xye'));
    const fit = fitLayeredPattern({
      text,
      a: 2.8727,
      c: 14.2127,
      wavelength: 1.54059292,
      fwhm: 0.1,
      zeroShift: false,
    });
    // example_xy.py: a = 2.8650 Å, c = 14.2600 Å; Poisson noise → agree within 5 esd
    expect(Math.abs(fit.lattice.a - 2.865)).toBeLessThan(5 * fit.lattice.aError + 1e-5);
    expect(Math.abs(fit.lattice.c - 14.26)).toBeLessThan(5 * fit.lattice.cError + 1e-4);
    expect(fit.lattice.observations).toBeGreaterThanOrEqual(7);
  });

  it('reports bad input with the reader’s or the fitter’s error', () => {
    const base = { a: 2.8727, c: 14.2127, wavelength: 1.54059292, fwhm: 0.1, zeroShift: false };
    expect(() => fitLayeredPattern({ ...base, text: '18.70 1520\n18.72 oops\n' })).toThrow(
      /line 2/,
    );
    expect(() => fitLayeredPattern({ ...base, text: '1 2\n2 3\n' })).toThrow(RangeError);
    const text = new TextDecoder().decode(bytes('nmc-synthetic.xye'));
    // A wavelength for which the data range holds no reflection of the lattice
    expect(() => fitLayeredPattern({ ...base, text, wavelength: 0.1 })).toThrow(RangeError);
    expect(() => wavelengthOf({ kind: 'synchrotron', energy: -1 })).toThrow(RangeError);
  });
});

describe('nmr page', () => {
  it('predicts the environments of NMC811 with the closed-form mean shift', () => {
    const r = predictLi7({
      formula: 'LiNi0.8Mn0.1Co0.1O2',
      protonFrequency: 300,
      spinningRateKHz: 60,
      fwhm: 60,
      anisotropy: 400,
      orders: 2,
      ppmHigh: 3000,
      ppmLow: -2000,
      points: 1024,
    });
    // 6·(0.1·(−30) + 0.7·(−15) + 0.1·250) + 6·(0.1·170 + 0.7·110 + 0.1·(−60)) = 597 ppm
    expect(r.meanShift).toBeCloseTo(597, 9);
    // C(9, 3)² environments; the most likely is all Ni³⁺, p = 0.7¹², 6·(−15) + 6·110 = 570 ppm
    expect(r.environments).toBe(7056);
    expect(r.mostLikely.shift).toBeCloseTo(570, 9);
    expect(r.mostLikely.probability).toBeCloseTo(0.7 ** 12, 12);
    // Probabilities of the merged sticks sum to 1
    expect(r.stickProbability.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    // ν₀ = 300 MHz · Ξ(⁷Li) = 300 · 0.38863797 (IUPAC); spacing ν_r/ν₀
    expect(r.referenceFrequency).toBeCloseTo(116.591391, 6);
    expect(r.sidebandSpacing).toBeCloseTo(60_000 / 116.591391, 6);
  });

  it('fits the synthetic example and returns its areas', () => {
    const fit = fitNmrFiles({
      files: [{ name: 'li7-synthetic.jdx', bytes: bytes('li7-synthetic.jdx') }],
      spinningRateKHz: 10, // ignored: the file gives ##$MASR= 60000
      lines: 2,
      micromoles: 10,
    });
    expect(fit.spinningRate).toBe(60_000);
    expect(fit.spinningRateFromFile).toBe(true);
    expect(fit.orders).toBe(3);
    expect(fit.scans).toBe(1024);
    const byShift = [...fit.lines].sort((p, q) => p.shift - q.shift);
    // example_jcamp.py: 0 ppm (FWHM 12, area 0.1) and 620 ppm (FWHM 180, area 0.9)
    expect(byShift[0].shift).toBeCloseTo(0, 0);
    expect(byShift[1].shift).toBeGreaterThan(619);
    expect(byShift[1].shift).toBeLessThan(621);
    expect(byShift[0].fraction).toBeGreaterThan(0.095);
    expect(byShift[0].fraction).toBeLessThan(0.105);
    expect(byShift[1].area).toBeGreaterThan(0.89);
    expect(byShift[1].area).toBeLessThan(0.91);
  });

  it('reports bad files with a clear error', () => {
    const text = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
    expect(() => readSpectrumFiles([])).toThrow(TypeError);
    expect(() => readSpectrumFiles([{ name: '1r', bytes: new ArrayBuffer(8) }])).toThrow(
      /needs the files 1r and procs/,
    );
    expect(() => readSpectrumFiles([{ name: 'x.jdx', bytes: text('not a jcamp file') }])).toThrow(
      RangeError,
    );
    expect(() =>
      predictLi7({
        formula: 'LiNi0.8Mn0.1Co0.1O2',
        protonFrequency: 300,
        spinningRateKHz: 60,
        fwhm: -1,
        anisotropy: 400,
        orders: 2,
        ppmHigh: 3000,
        ppmLow: -2000,
        points: 64,
      }),
    ).toThrow(/fwhm/);
  });

  it('never hangs on random bytes: a clear error or a spectrum, in bounded time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (data) => {
        try {
          readSpectrumFiles([{ name: 'random.jdx', bytes: data.slice().buffer }]);
        } catch (error) {
          expect(error).toSatisfy((e) => e instanceof RangeError || e instanceof TypeError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('figure helpers', () => {
  it('writes RFC 4180 CSV with a header and empty cells for NaN', () => {
    expect(
      toCsv({
        columns: ['x_deg', 'label'],
        data: [Float64Array.of(1.5, Number.NaN), ['a,b', 'say "hi"']],
      }),
    ).toBe('x_deg,label\n1.5,"a,b"\n,"say ""hi"""\n');
  });

  it('CSV has one line per row plus the header (any table)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 50 }),
        (xs) => {
          const lines = toCsv({ columns: ['v'], data: [xs] }).split('\n');
          expect(lines.length).toBe(xs.length + 2); // header, rows, final empty string
          // round trip to the same number (−0 is written as 0, equal under ===)
          for (const [i, x] of xs.entries()) expect(Number(lines[i + 1]) === x).toBe(true);
        },
      ),
    );
  });

  it('collects the buffers of nested typed arrays for transfer', () => {
    const a = new Float64Array(3);
    const b = new Float64Array(2);
    expect(transferables({ a, nested: { b, again: a }, list: [1, 'x'] })).toEqual([
      a.buffer,
      b.buffer,
    ]);
  });
});
