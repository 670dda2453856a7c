import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analyzeCycler,
  currentCurves,
  networkProtocol,
  runNetwork,
} from '../.vitepress/theme/kinetics/kinetics-core';
import {
  analyzeStrain,
  illustrativeData,
  projectWindow,
  readLatticeFile,
  warpPeaks,
} from '../.vitepress/theme/strain/strain-core';

// The computations behind the Strain explorer and Kinetics pages, run in Node (the browser tests
// check the same pages end to end). Reference values: closed forms, or the parameters of the
// scripts that wrote the example files (apps/docs/scripts/example_lattice.py, example_cycler.py).

const examples = new URL('../public/examples/', import.meta.url);
const bytes = (name: string) => {
  const buffer = readFileSync(new URL(name, examples));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
};
const text = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe('strain page', () => {
  it('recovers the closed-form features of the illustrative table and its master curve', () => {
    const data = readLatticeFile({
      name: 'nmc622-illustrative.csv',
      bytes: bytes('strain/nmc622-illustrative.csv'),
    });
    expect(data.cLi.length).toBe(39);
    const r = analyzeStrain({ data, window: 5, deltaCLi: [0.05], fitDeltaCLi: 0.05, points: 201 });
    // example_lattice.py: dc/dx = 0 at 0.40, logistic a(x) steepest at 0.62, c* = 0.40
    const byName = Object.fromEntries(r.contents.map((c) => [c.name, c]));
    expect(Math.abs(byName['d_IL maximum'].cLi - 0.4)).toBeLessThan(0.03);
    expect(Math.abs(byName['steepest d_TM'].cLi - 0.62)).toBeLessThan(0.03);
    expect(r.fit.ok).toBe(true);
    if (r.fit.ok) {
      expect(r.fit.source).toBe('file');
      expect(Math.abs(r.fit.criticalContent - 0.4)).toBeLessThan(
        3 * r.fit.criticalContentError + 0.01,
      );
      expect(Math.abs(r.fit.decayLength - 0.06)).toBeLessThan(0.02);
    }
  });

  it('eqn (1) on the illustrative curves: strain in %, NaN off the domain', () => {
    const r = analyzeStrain({
      data: illustrativeData(),
      window: 5,
      deltaCLi: [0.05, 0.1],
      fitDeltaCLi: 0.05,
      points: 101,
    });
    // The grid spans the data: c_Li 0.20 … 1.00 (examples.nmc811)
    expect(r.grid[0]).toBeCloseTo(0.2, 12);
    expect(r.grid[100]).toBeCloseTo(1, 12);
    // At the ends c_Li ± Δc_Li/2 leaves the data: NaN, never an extrapolation
    expect(Number.isNaN(r.epsC[0])).toBe(true);
    expect(Number.isNaN(r.epsA[100])).toBe(true);
    // At c_Li = 0.6 (grid index 50), ε^c in % from the closed form c(x) (nearly linear there):
    // 100·|c(0.575) − c(0.625)|/c(0.6); the rolling mean of a near-linear curve changes little
    const c = (x: number) =>
      14.2127 + 0.5 * (1 - x) - 0.05 * (Math.exp((0.4 - x) / 0.1) - Math.exp(-6));
    expect(r.epsC[50]).toBeCloseTo((100 * Math.abs(c(0.575) - c(0.625))) / c(0.6), 3);
    // "about 30 times" higher along c below 0.4 (Jousseaume et al. 2024)
    expect(r.anisotropyLow).toBeGreaterThan(15);
    expect(r.anisotropyLow).toBeLessThan(60);
  });

  it('critical SOC and lithium loss follow their closed forms', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.6, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.4, noNaN: true }),
        fc.double({ min: 0.1, max: 0.5, noNaN: true }),
        (high, low, cStar) => {
          const p = projectWindow({
            criticalContent: cStar,
            window: { cLiDischarged: high, cLiCharged: low },
            lossPerCycle: 0.001,
            cycles: 10,
          });
          expect(p.criticalSoc).toBeCloseTo((high - cStar) / (high - low), 12);
          // rigid shift: the window keeps its width while it stays above 0
          expect(p.highestCLi[10] - p.lowestCLi[10]).toBeCloseTo(high - low, 10);
        },
      ),
    );
  });

  it('peak warping: the 003 spread exceeds the 101 spread below 0.4 (anisotropy)', () => {
    const [p003, p101] = warpPeaks({ cLi: 0.3, deltaCLi: 0.1, fwhm: 0.05, points: 400 });
    expect(p003.hkl).toBe('003');
    expect(p003.positionSpread).toBeGreaterThan(3 * p101.positionSpread);
    // area-normalised profiles: ∫ I d2θ ≈ 1 over the window (trapezoid)
    let area = 0;
    for (let i = 1; i < p003.twoTheta.length; i++) {
      area +=
        0.5 *
        (p003.intensity[i] + p003.intensity[i - 1]) *
        (p003.twoTheta[i] - p003.twoTheta[i - 1]);
    }
    expect(area).toBeGreaterThan(0.9);
    expect(area).toBeLessThan(1.0001);
  });

  it('reports bad input with a clear error', () => {
    expect(() =>
      readLatticeFile({ name: 'x.csv', bytes: text('c_Li,a,c\n0.9,2.87,oops\n') }),
    ).toThrow(/line 2/);
    expect(() =>
      readLatticeFile({ name: 'x.csv', bytes: text('c_Li,a,c\n0.9,2.87,14.2\n0.8,2.86,14.3\n') }),
    ).toThrow(/at least 5 rows/);
    expect(() =>
      analyzeStrain({
        data: illustrativeData(),
        window: 5,
        deltaCLi: [2],
        fitDeltaCLi: 0.05,
        points: 11,
      }),
    ).toThrow(RangeError);
    expect(() =>
      projectWindow({
        criticalContent: 0.4,
        window: { cLiDischarged: 0.2, cLiCharged: 0.9 },
        lossPerCycle: 0,
        cycles: 1,
      }),
    ).toThrow(RangeError);
    expect(() => warpPeaks({ cLi: 0.21, deltaCLi: 0.2, fwhm: 0.05, points: 10 })).toThrow(
      RangeError,
    );
  });

  it('never hangs on random bytes: a clear error or a table', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        try {
          readLatticeFile({ name: 'random.csv', bytes: data.slice().buffer });
        } catch (error) {
          expect(error).toSatisfy((e) => e instanceof RangeError || e instanceof TypeError);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('kinetics page', () => {
  const F = 1.602176634e-19 * 6.02214076e23; // CODATA 2018 exact
  const R = 1.380649e-23 * 6.02214076e23;

  it('Butler–Volmer against its closed form, MHC equal to it near η = 0 and saturating', () => {
    const r = currentCurves({
      i0: 2,
      alpha: 0.3,
      lambda: 0.3,
      temperature: 298.15,
      etaMax: 0.3,
      points: 301,
    });
    const f = F / (R * 298.15);
    for (const k of [0, 77, 150, 299]) {
      const eta = r.eta[k];
      expect(r.bv[k]).toBeCloseTo(2 * (Math.exp(0.3 * f * eta) - Math.exp(-0.7 * f * eta)), 9);
    }
    // slope i0·F/RT at η = 0 for both (MHC normalised by k(0)); η = ±0.002 V
    const slope = (y: Float64Array) => (y[151] - y[149]) / (r.eta[151] - r.eta[149]);
    expect(slope(r.mhc) / (2 * f)).toBeCloseTo(1, 2);
    expect(slope(r.bv) / (2 * f)).toBeCloseTo(1, 2);
    // far below symmetric Butler–Volmer, 2·i0·sinh(fη/2), at η = 0.3 V (MHC saturates)
    expect(r.mhcAtMax).toBeLessThan(0.2 * 2 * 2 * Math.sinh((f * 0.3) / 2));
    expect(() =>
      currentCurves({
        ...{ i0: -1, alpha: 0.5, lambda: 0.3, temperature: 300, etaMax: 0.1, points: 11 },
      }),
    ).toThrow(/exchangeCurrentDensity/);
  });

  it('the network protocol: charge with a hold, discharge, charge with a hold', () => {
    const p = networkProtocol(0.05);
    expect(p.map((s) => s.mode)).toEqual(['current', 'voltage', 'current', 'current', 'voltage']);
  });

  it("the page's network: asynchronous first charge in the C/20 constant-current step, synchronous second", () => {
    // the page's defaults (ParticleNetwork.vue); Sharma et al. 2022, Fig. 1c/4d: staggered steps
    // during the constant-current first charge, gradual and synchronous afterwards
    const r = runNetwork({
      particles: 100,
      cRate: 0.05,
      pathLengthSpread: 0.5,
      seed: 1,
      frames: 40,
    });
    expect(r.constantCurrentShare).toBeGreaterThan(0.7);
    expect(r.charges.map((c) => c.classification)).toEqual(['asynchronous', 'synchronous']);
    expect(r.charges[0].synchronicityIndex).toBeLessThan(0.3);
    expect(r.charges[1].synchronicityIndex).toBeGreaterThan(0.8);
    expect(Array.from(r.upstream.subarray(0, 11))).toEqual([...new Array(10).fill(-1), 0]);
    expect(r.charges[0].lithium.length).toBe(100 * r.charges[0].frames);
  });

  it('GITT of the synthetic .mpt returns the generating D; dQ/dV of the CSV its peaks', () => {
    const g = analyzeCycler({
      name: 'gitt-synthetic.mpt',
      bytes: bytes('kinetics/gitt-synthetic.mpt'),
      radiusMicrometre: 10,
      step: 0.005,
      reversal: 0.05,
    });
    expect(g.format).toBe('BioLogic .mpt');
    // example_cycler.py: D_k = logspace(−16, −15, 12) m² s⁻¹ for r = 10 µm
    expect(g.gitt.diffusion.length).toBe(12);
    g.gitt.diffusion.forEach((d, k) => {
      expect(d / 10 ** (-16 + k / 11)).toBeCloseTo(1, 3);
    });
    // 12 pulses of 0.1 mA × 600 s = 1/60 mAh each
    expect(g.gitt.charge[11]).toBeCloseTo(12 / 60, 3);
    const c = analyzeCycler({
      name: 'cycle-synthetic.csv',
      bytes: bytes('kinetics/cycle-synthetic.csv'),
      radiusMicrometre: 5,
      step: 0.005,
      reversal: 0.05,
    });
    expect(c.format).toBe('CSV');
    expect(c.branches.map((b) => b.direction)).toEqual(['rising', 'falling']);
    expect(Math.abs(c.branches[0].peak - 4.0)).toBeLessThan(0.01);
    expect(Math.abs(c.branches[1].peak - 3.97)).toBeLessThan(0.01);
    expect(c.gitt.charge.length).toBe(0);
  });

  it('reports bad cycler files with a clear error, never hangs on random bytes', () => {
    const request = { radiusMicrometre: 5, step: 0.005, reversal: 0.05 };
    expect(() =>
      analyzeCycler({
        ...request,
        name: 'x.mpt',
        bytes: text('EC-Lab ASCII FILE\nNb header lines : 99\n'),
      }),
    ).toThrow(RangeError);
    expect(() => analyzeCycler({ ...request, name: 'x.csv', bytes: text('a,b\n1,2\n') })).toThrow(
      RangeError,
    );
    expect(() =>
      analyzeCycler({
        ...request,
        step: 0,
        name: 'x.csv',
        bytes: bytes('kinetics/cycle-synthetic.csv'),
      }),
    ).toThrow(/step/);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (data, mpt) => {
        try {
          analyzeCycler({ ...request, name: mpt ? 'r.mpt' : 'r.csv', bytes: data.slice().buffer });
        } catch (error) {
          expect(error).toSatisfy((e) => e instanceof RangeError || e instanceof TypeError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
