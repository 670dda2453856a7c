import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  butlerVolmer,
  butlerVolmerArray,
  chargeTransferResistance,
  exchangeCurrentDensity,
  FARADAY,
  GAS_CONSTANT,
  linearizedButlerVolmer,
  overpotential,
  overpotentialArray,
  tafel,
  tafelSlope,
} from '../src/index.js';
import {
  butlerVolmerKernel,
  exchangeCurrentDensityKernel,
  overpotentialKernel,
} from '../src/kinetics-kernels.js';
import brentq from './fixtures/kinetics.json' with { type: 'json' };

const relative = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

describe('butlerVolmer', () => {
  it('equals 2·i0·sinh(Fη/2RT) when αa = αc = ½ (closed form)', () => {
    const T = 298.15;
    const f = FARADAY / (GAS_CONSTANT * T);
    for (const eta of [-0.4, -0.05, -1e-6, 0, 1e-9, 0.013, 0.2, 1.5]) {
      const expected = 2 * 3.2 * Math.sinh((f * eta) / 2);
      const got = butlerVolmer({ exchangeCurrentDensity: 3.2, overpotential: eta, temperature: T });
      expect(relative(got, expected)).toBeLessThan(2e-15);
    }
  });

  it('is anodic positive and reproduces the brentq fixture forward (scipy)', () => {
    for (const c of brentq.cases) {
      const i = butlerVolmer({
        exchangeCurrentDensity: c.exchangeCurrentDensity,
        overpotential: c.overpotential,
        alphaA: c.alphaA,
        alphaC: c.alphaC,
        temperature: c.temperature,
      });
      // brentq stopped within a few ulps of η; the current's relative sensitivity to η is
      // |di/dη|·|η|/|i| ≤ (αmax·f·|η|) ≈ 200 at most here.
      expect(relative(i, c.current)).toBeLessThan(1e-12);
      expect(Math.sign(i)).toBe(Math.sign(c.current));
    }
  });

  it('keeps full relative accuracy at tiny η (slope i0·(αa + αc)·F/RT)', () => {
    // Series: i = i0·(αa + αc)·x + i0·(αa² − αc²)·x²/2 + …, x = Fη/RT; at x = 1e-10 the second
    // term is 1e-11 of the first.
    const T = 300;
    const f = FARADAY / (GAS_CONSTANT * T);
    const eta = 1e-10 / f;
    const got = butlerVolmer({
      exchangeCurrentDensity: 1,
      overpotential: eta,
      alphaA: 0.3,
      alphaC: 0.6,
      temperature: T,
    });
    expect(relative(got, 0.9e-10)).toBeLessThan(1e-10);
  });

  it('rejects bad input naming the argument', () => {
    const ok = { exchangeCurrentDensity: 1, overpotential: 0.1, temperature: 298 };
    expect(() => butlerVolmer({ ...ok, alphaA: 1 })).toThrow(
      new RangeError('options.alphaA must be a finite number > 0 and < 1; received 1'),
    );
    expect(() => butlerVolmer({ ...ok, alphaC: 0 })).toThrow(/options\.alphaC .* received 0/);
    expect(() => butlerVolmer({ ...ok, temperature: 0 })).toThrow(
      new RangeError('options.temperature must be a finite number > 0 (K); received 0'),
    );
    expect(() => butlerVolmer({ ...ok, temperature: -5 })).toThrow(RangeError);
    expect(() => butlerVolmer({ ...ok, exchangeCurrentDensity: 0 })).toThrow(
      /options\.exchangeCurrentDensity must be a finite number > 0 \(A m⁻²\); received 0/,
    );
    expect(() => butlerVolmer({ ...ok, overpotential: Number.NaN })).toThrow(RangeError);
    expect(() => butlerVolmer({ ...ok, overpotential: '0.1' as unknown as number })).toThrow(
      TypeError,
    );
    expect(() => butlerVolmer(null as unknown as never)).toThrow(TypeError);
  });
});

describe('overpotential (inverse kinetics)', () => {
  it("reproduces PyBaMM's inverse-kinetics test: j = 1, j0 = 0.5, T = 300 K → 45.5705 mV", () => {
    // PyBaMM tests/unit/test_expression_tree/…/test_inverse_kinetics: 2RT/F·asinh(j/(2 j0)).
    const eta = overpotential({ current: 1, exchangeCurrentDensity: 0.5, temperature: 300 });
    expect(eta * 1000).toBeCloseTo(45.5705, 4);
    const closed = ((2 * GAS_CONSTANT * 300) / FARADAY) * Math.asinh(1);
    expect(relative(eta, closed)).toBeLessThan(1e-15);
  });

  it('matches scipy brentq (polished with mpmath at 40 digits) on the asymmetric equation to 1e-12 relative', () => {
    for (const c of brentq.cases) {
      const eta = overpotential({
        current: c.current,
        exchangeCurrentDensity: c.exchangeCurrentDensity,
        alphaA: c.alphaA,
        alphaC: c.alphaC,
        temperature: c.temperature,
      });
      expect(relative(eta, c.overpotential)).toBeLessThan(1e-12);
    }
  });

  it('inverts butlerVolmer: η(i(η)) = η for |η| ≤ 5 V, any α in (0, 1) (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 200, max: 400, noNaN: true }),
        (eta, alphaA, alphaC, i0, temperature) => {
          const options = { exchangeCurrentDensity: i0, alphaA, alphaC, temperature };
          const current = butlerVolmer({ ...options, overpotential: eta });
          const back = overpotential({ ...options, current });
          // i(η) is rounded to 1 ulp; its condition number |i/(η·di/dη)| ≤ 1 keeps η within a
          // few ulps, plus the solver's own 1e-13 stop.
          return Math.abs(back - eta) <= 1e-12 * Math.abs(eta) + 1e-300;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is monotonic in the current and odd under swapping αa ↔ αc (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (i, di, alphaA, alphaC) => {
          const o = { exchangeCurrentDensity: 1.3, alphaA, alphaC, temperature: 298.15 };
          const e1 = overpotential({ ...o, current: i });
          const e2 = overpotential({ ...o, current: i + di });
          const mirrored = overpotential({ ...o, alphaA: alphaC, alphaC: alphaA, current: -i });
          return e2 >= e1 && Math.abs(mirrored + e1) <= 1e-14 * Math.abs(e1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('does not overflow when i/i0 is not representable', () => {
    // i/i0 = 1e300/1e-300 overflows; ln(i/i0) = 1381.55, and for αa = 0.6 with αc's term
    // negligible η = ln(i/i0)·RT/(αa·F) (closed form in the Tafel limit).
    const T = 298.15;
    const eta = overpotential({
      current: 1e300,
      exchangeCurrentDensity: 1e-300,
      alphaA: 0.6,
      alphaC: 0.4,
      temperature: T,
    });
    const expected = (600 * Math.log(10) * GAS_CONSTANT * T) / (0.6 * FARADAY);
    expect(relative(eta, expected)).toBeLessThan(1e-14);
    const symmetric = overpotential({
      current: -1e300,
      exchangeCurrentDensity: 1e-300,
      temperature: T,
    });
    expect(
      relative(symmetric, (-600 * Math.log(10) * GAS_CONSTANT * T) / (0.5 * FARADAY)),
    ).toBeLessThan(1e-14);
    expect(overpotential({ current: 0, exchangeCurrentDensity: 1, temperature: T })).toBe(0);
  });

  it('handles tiny currents in the linear regime: η → i·RT/((αa + αc)·F·i0)', () => {
    const T = 298.15;
    const eta = overpotential({
      current: 1e-30,
      exchangeCurrentDensity: 1,
      alphaA: 0.2,
      alphaC: 0.5,
      temperature: T,
    });
    expect(relative(eta, (1e-30 * GAS_CONSTANT * T) / (0.7 * FARADAY))).toBeLessThan(1e-14);
  });

  it('rejects bad input naming the argument', () => {
    const ok = { current: 1, exchangeCurrentDensity: 1, temperature: 298 };
    expect(() => overpotential({ ...ok, alphaA: 1.2 })).toThrow(/options\.alphaA .* received 1\.2/);
    expect(() => overpotential({ ...ok, alphaC: -0.1 })).toThrow(RangeError);
    expect(() => overpotential({ ...ok, temperature: -1 })).toThrow(/options\.temperature/);
    expect(() => overpotential({ ...ok, exchangeCurrentDensity: -1 })).toThrow(RangeError);
    expect(() => overpotential({ ...ok, current: Number.POSITIVE_INFINITY })).toThrow(
      /options\.current must be a finite number \(A m⁻²\); received Infinity/,
    );
    expect(() => overpotential(undefined as unknown as never)).toThrow(TypeError);
  });
});

describe('vectorized kinetics', () => {
  it('butlerVolmerArray and overpotentialArray agree with the scalar functions, into out', () => {
    const n = 101;
    const eta = Float64Array.from({ length: n }, (_, k) => -1 + (2 * k) / (n - 1));
    const o = { alphaA: 0.35, alphaC: 0.55, temperature: 310 };
    const i0 = Float64Array.from({ length: n }, (_, k) => 0.1 + k);
    const out = new Float64Array(n);
    const i = butlerVolmerArray({ ...o, overpotential: eta, exchangeCurrentDensity: i0, out });
    expect(i).toBe(out);
    // n ≥ 64 runs the WebAssembly SIMD kernel: it forms the exponent as (αa·f)·η rather than
    // αa·(f·η), and an ulp of an exponent y changes e^y by |y| ulp (|y| ≤ 21 here), so the two
    // agree to ~25 ulp, not bit for bit (test/kinetics-simd.test.ts bounds the kernel itself
    // against Math.expm1 at 1e-15)
    for (let k = 0; k < n; k++) {
      const scalar = butlerVolmer({
        ...o,
        overpotential: eta[k] as number,
        exchangeCurrentDensity: i0[k] as number,
      });
      expect(Math.abs((i[k] as number) - scalar)).toBeLessThanOrEqual(6e-15 * Math.abs(scalar));
    }
    const back = overpotentialArray({ ...o, current: i, exchangeCurrentDensity: i0 });
    for (let k = 0; k < n; k++) {
      expect(Math.abs((back[k] as number) - (eta[k] as number))).toBeLessThanOrEqual(
        1e-13 * Math.abs(eta[k] as number) + 1e-300,
      );
    }
    const scalarI0 = overpotentialArray({ ...o, current: [1, -2], exchangeCurrentDensity: 0.5 });
    expect(scalarI0[1]).toBe(overpotential({ ...o, current: -2, exchangeCurrentDensity: 0.5 }));
  });

  it('rejects bad arrays', () => {
    const o = { temperature: 298, exchangeCurrentDensity: 1 };
    expect(() => butlerVolmerArray({ ...o, overpotential: [0, Number.NaN] })).toThrow(
      /options\.overpotential\[1\] must be a finite number; received NaN/,
    );
    expect(() =>
      butlerVolmerArray({ ...o, overpotential: [0, 1], exchangeCurrentDensity: [1, 0] }),
    ).toThrow(/options\.exchangeCurrentDensity\[1\] must be a finite number > 0/);
    expect(() =>
      overpotentialArray({ ...o, current: [0, 1], exchangeCurrentDensity: [1] }),
    ).toThrow(RangeError);
    expect(() => overpotentialArray({ ...o, current: [0, 1], out: new Float64Array(3) })).toThrow(
      /out must have the same length/,
    );
    expect(() => overpotentialArray({ ...o, current: 'x' as unknown as number[] })).toThrow(
      TypeError,
    );
  });
});

describe('exchangeCurrentDensity (Sharma et al. 2022, eqn 3)', () => {
  it('evaluates F·kc^αa·ka^αc·(cmax − c)^αa·c^αc·(cl/cl,ref)^αa term by term', () => {
    // Hand evaluation: kA = 3e-11, kC = 1e-11, αa = 0.4, αc = 0.6, c = 10000, cMax = 50000,
    // cl = 1200, cl,ref = 1000.
    const expected =
      FARADAY * 1e-11 ** 0.4 * 3e-11 ** 0.6 * 40000 ** 0.4 * 10000 ** 0.6 * 1.2 ** 0.4;
    const got = exchangeCurrentDensity({
      kA: 3e-11,
      kC: 1e-11,
      alphaA: 0.4,
      alphaC: 0.6,
      c: 10000,
      cMax: 50000,
      cElectrolyte: 1200,
      cElectrolyteRef: 1000,
    });
    expect(relative(got, expected)).toBeLessThan(1e-14);
    // Symmetric case equals PyBaMM's Chen2020 form m·√(ce·cs·(cmax − cs)), m = F·√(ka·kc)/√cl,ref.
    const sym = exchangeCurrentDensity({
      kA: 2e-11,
      kC: 2e-11,
      c: 25000,
      cMax: 50000,
      cElectrolyte: 1000,
    });
    expect(relative(sym, FARADAY * 2e-11 * 25000)).toBeLessThan(1e-14);
  });

  it('peaks at c = cMax/2 when αa = αc, and vanishes at c = 0 and cMax', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 100, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alpha, cMax, fraction) => {
          const o = { kA: 1e-10, kC: 5e-11, alphaA: alpha, alphaC: alpha, cMax, cElectrolyte: 800 };
          const peak = exchangeCurrentDensity({ ...o, c: cMax / 2 });
          const other = exchangeCurrentDensity({ ...o, c: fraction * cMax });
          // c·(cMax − c) ≤ cMax²/4 (AM–GM), raised to α.
          return other <= peak * (1 + 1e-14);
        },
      ),
      { numRuns: 300 },
    );
    const o = { kA: 1e-10, kC: 1e-10, cMax: 1000, cElectrolyte: 1000 };
    expect(exchangeCurrentDensity({ ...o, c: 0 })).toBe(0);
    expect(exchangeCurrentDensity({ ...o, c: 1000 })).toBe(0);
  });

  it('rejects c outside [0, cMax] and other bad input', () => {
    const o = { kA: 1e-10, kC: 1e-10, cMax: 1000, cElectrolyte: 1000, c: 500 };
    expect(() => exchangeCurrentDensity({ ...o, c: 1000.5 })).toThrow(
      new RangeError('options.c must be a finite number ≥ 0 and ≤ 1000 (mol m⁻³); received 1000.5'),
    );
    expect(() => exchangeCurrentDensity({ ...o, c: -1 })).toThrow(RangeError);
    expect(() => exchangeCurrentDensity({ ...o, cMax: 0 })).toThrow(/options\.cMax/);
    expect(() => exchangeCurrentDensity({ ...o, kA: 0 })).toThrow(/options\.kA/);
    expect(() => exchangeCurrentDensity({ ...o, alphaA: 1 })).toThrow(/options\.alphaA/);
    expect(() => exchangeCurrentDensity({ ...o, cElectrolyte: -1 })).toThrow(/cElectrolyte/);
    expect(() => exchangeCurrentDensity({ ...o, cElectrolyteRef: 0 })).toThrow(/cElectrolyteRef/);
  });
});

describe('tafel, tafelSlope, linearized kinetics', () => {
  const T = 298.15;
  const f = FARADAY / (GAS_CONSTANT * T);

  it('tafel is the dominant Butler–Volmer branch (closed form)', () => {
    const o = { exchangeCurrentDensity: 2, alphaA: 0.4, alphaC: 0.6, temperature: T };
    expect(relative(tafel({ ...o, overpotential: 0.3 }), 2 * Math.exp(0.4 * f * 0.3))).toBeLessThan(
      1e-15,
    );
    expect(
      relative(tafel({ ...o, overpotential: -0.3 }), -2 * Math.exp(0.6 * f * 0.3)),
    ).toBeLessThan(1e-15);
    expect(tafel({ ...o, overpotential: 0 })).toBe(0);
    // Far from equilibrium the neglected branch is exp(−(αa + αc)·f·η) ≈ 1e-20 of the other.
    const bv = butlerVolmer({ ...o, overpotential: 1.2 });
    expect(relative(tafel({ ...o, overpotential: 1.2 }), bv)).toBeLessThan(1e-15);
    expect(() => tafel({ ...o, overpotential: 0.1, alphaA: 0 })).toThrow(/options\.alphaA/);
    expect(() => tafel({ ...o, overpotential: 0.1, temperature: 0 })).toThrow(RangeError);
  });

  it('tafelSlope = ln(10)·RT/(αF): 118.3 mV/decade at 298.15 K, α = ½', () => {
    // ln(10)·8.314462618·298.15/(0.5·96485.33212) = 2.302585·0.0256926/0.5 = 0.1183187 V.
    expect(tafelSlope({ alpha: 0.5, temperature: T })).toBeCloseTo(0.1183187, 7);
    // A decade of tafel current per slope:
    const o = { exchangeCurrentDensity: 1, alphaA: 0.3, temperature: T };
    const b = tafelSlope({ alpha: 0.3, temperature: T });
    expect(
      relative(tafel({ ...o, overpotential: 0.2 + b }) / tafel({ ...o, overpotential: 0.2 }), 10),
    ).toBeLessThan(1e-13);
    expect(() => tafelSlope({ alpha: 1, temperature: T })).toThrow(/options\.alpha/);
    expect(() => tafelSlope({ alpha: 0.5, temperature: Number.NaN })).toThrow(RangeError);
  });

  it('linearizedButlerVolmer is the tangent of butlerVolmer at η = 0, and R_ct its inverse slope', () => {
    const o = { exchangeCurrentDensity: 1.7, alphaA: 0.45, alphaC: 0.5, temperature: T };
    const eta = 1e-7;
    const lin = linearizedButlerVolmer({ ...o, overpotential: eta });
    expect(relative(lin, 1.7 * 0.95 * f * eta)).toBeLessThan(1e-15);
    expect(relative(lin, butlerVolmer({ ...o, overpotential: eta }))).toBeLessThan(1e-6);
    // Symmetric: relative deviation 1 − x/(2 sinh(x/2)) (closed form, x = fη) ≈ x²/24: ~1 % at x = 0.49.
    const s = { exchangeCurrentDensity: 1, temperature: T };
    const x = 0.49;
    const dev =
      1 -
      linearizedButlerVolmer({ ...s, overpotential: x / f }) /
        butlerVolmer({ ...s, overpotential: x / f });
    expect(relative(dev, 1 - x / (2 * Math.sinh(x / 2)))).toBeLessThan(1e-12);
    expect(dev).toBeCloseTo(0.01, 3);
    const rct = chargeTransferResistance(o);
    expect(relative(rct, (GAS_CONSTANT * T) / (0.95 * FARADAY * 1.7))).toBeLessThan(1e-15);
    expect(() => chargeTransferResistance({ ...o, exchangeCurrentDensity: 0 })).toThrow(
      /exchangeCurrentDensity/,
    );
    expect(() => linearizedButlerVolmer({ ...o, overpotential: Number.NaN })).toThrow(RangeError);
  });
});

describe('kinetics kernels (shared with the particle models)', () => {
  it('are the functions the public API validates for', () => {
    const f = FARADAY / (GAS_CONSTANT * 300);
    expect(butlerVolmerKernel(2, 0.05, 0.3, 0.6, f)).toBe(
      butlerVolmer({
        exchangeCurrentDensity: 2,
        overpotential: 0.05,
        alphaA: 0.3,
        alphaC: 0.6,
        temperature: 300,
      }),
    );
    expect(overpotentialKernel(5, 2, 0.3, 0.6, f)).toBe(
      overpotential({
        current: 5,
        exchangeCurrentDensity: 2,
        alphaA: 0.3,
        alphaC: 0.6,
        temperature: 300,
      }),
    );
    expect(exchangeCurrentDensityKernel(1e-10, 2e-10, 0.5, 0.5, 100, 1000, 500, 1000)).toBe(
      exchangeCurrentDensity({
        kA: 1e-10,
        kC: 2e-10,
        c: 100,
        cMax: 1000,
        cElectrolyte: 500,
        cElectrolyteRef: 1000,
      }),
    );
  });
});
