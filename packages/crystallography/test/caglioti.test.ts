import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caglioti,
  cagliotiFromGsasII,
  cagliotiToGsasII,
  lorentzianWidth,
} from '../src/caglioti.js';

describe('caglioti', () => {
  it('gives √(U + V + W) at 2θ = 90° (tanθ = 1) and √W at 2θ = 0', () => {
    const p = { U: 0.0123, V: -0.0045, W: 0.0067 };
    expect(caglioti(p, 90)).toBeCloseTo(Math.sqrt(0.0123 - 0.0045 + 0.0067), 15);
    expect(caglioti(p, 0)).toBe(Math.sqrt(0.0067));
    // 2θ = 120°: tanθ = tan 60° = √3 → U·3 + V·√3 + W.
    expect(caglioti(p, 120)).toBeCloseTo(
      Math.sqrt(0.0123 * 3 - 0.0045 * Math.sqrt(3) + 0.0067),
      15,
    );
  });

  it('maps arrays into `out`', () => {
    const p = { U: 0.004, V: -0.002, W: 0.002 };
    const out = new Float64Array(3);
    const result = caglioti(p, [20, 90, 150], { out });
    expect(result).toBe(out);
    expect(result[1]).toBeCloseTo(Math.sqrt(0.004), 15);
    expect(result[0]).toBe(caglioti(p, 20));
    expect(result[2]).toBe(caglioti(p, 150));
  });

  it('grows with 2θ when U > 0, V ≥ 0 (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 170, noNaN: true }),
        fc.double({ min: 0.01, max: 9, noNaN: true }),
        (U, V, W, twoTheta, step) =>
          caglioti({ U, V, W }, twoTheta + step) > caglioti({ U, V, W }, twoTheta),
      ),
      { numRuns: 200 },
    );
  });
});

describe('lorentzianWidth', () => {
  it('is X/cosθ + Y tanθ + Z', () => {
    // 2θ = 90°: cos 45° = 1/√2, tan 45° = 1.
    expect(lorentzianWidth({ X: 0.02, Y: 0.03 }, 90)).toBeCloseTo(0.02 * Math.SQRT2 + 0.03, 15);
    // 2θ = 0: X + Z.
    expect(lorentzianWidth({ X: 0.02, Y: 0.03, Z: 0.01 }, 0)).toBeCloseTo(0.03, 15);
    // 2θ = 120°: 1/cos 60° = 2, tan 60° = √3.
    const widths = lorentzianWidth({ X: 0.01, Y: 0.02 }, [0, 120]);
    expect(widths[1]).toBeCloseTo(0.02 + 0.02 * Math.sqrt(3), 15);
  });
});

describe('GSAS-II conversions', () => {
  it('turn FWHM² (deg²) into Gaussian variance (centideg²) and back', () => {
    // FWHM² = 8 ln 2 · σ²; σ² in centideg² = 10⁴ σ² in deg² → U_GSAS = U·10⁴/(8 ln 2).
    const ours = { U: 0.004, V: -0.002, W: 0.002, X: 0.01, Y: 0.05 };
    const gsas = cagliotiToGsasII(ours);
    expect(gsas.U).toBeCloseTo((0.004 * 1e4) / (8 * Math.LN2), 12);
    expect(gsas.X).toBeCloseTo(1, 14);
    expect(gsas.Y).toBeCloseTo(5, 14);
    expect(gsas.Z).toBeUndefined();
    const back = cagliotiFromGsasII(gsas);
    for (const key of ['U', 'V', 'W', 'X', 'Y'] as const) {
      expect(back[key]).toBeCloseTo(ours[key], 15);
    }
  });

  it("agree with GSAS-II's own width: FWHM = √(8 ln 2·σ²)/100 degrees", () => {
    // GSAS-II (getCWsig): σ² = U tan²θ + V tanθ + W in centideg²; Gaussian FWHM = 2.3548·σ/100 deg.
    const gsas = { U: 2, V: -2, W: 5 };
    const twoTheta = 64;
    const t = Math.tan((32 * Math.PI) / 180);
    const sigma2 = gsas.U * t * t + gsas.V * t + gsas.W;
    expect(caglioti(cagliotiFromGsasII(gsas), twoTheta)).toBeCloseTo(
      Math.sqrt(8 * Math.LN2 * sigma2) / 100,
      14,
    );
  });
});

describe('bad input', () => {
  it('is rejected with the argument named', () => {
    expect(() => caglioti({ U: -1, V: 0, W: 0.001 }, 90)).toThrow(
      /U tan²θ \+ V tanθ \+ W must be ≥ 0 \(degrees²\) at twoTheta = 90; received -0\.99/,
    );
    expect(() => caglioti({ U: 0, V: 0, W: 0.001 }, 180)).toThrow(
      new RangeError('twoTheta must be a finite number ≥ 0 and < 180 (degrees 2θ); received 180'),
    );
    expect(() => caglioti({ U: 0, V: 0, W: 0.001 }, [10, -1])).toThrow(/twoTheta\[1\]/);
    expect(() => caglioti({ U: 0, V: Number.NaN, W: 0.001 }, 10)).toThrow(/parameters.V/);
    expect(() => caglioti({ U: 0, V: 0 } as never, 10)).toThrow(
      new TypeError('parameters.W must be a finite number; received undefined'),
    );
    expect(() => caglioti(null as never, 10)).toThrow(/parameters must be an object \{ U, V, W \}/);
    expect(() => caglioti({ U: 0, V: 0, W: 1 }, [1, 2], { out: new Float64Array(1) })).toThrow(
      RangeError,
    );
    expect(() => caglioti({ U: 0, V: 0, W: 1 }, 'x' as never)).toThrow(TypeError);
    expect(() => lorentzianWidth({ X: -0.1, Y: 0 }, 10)).toThrow(
      /X\/cosθ \+ Y tanθ \+ Z must be ≥ 0/,
    );
    expect(() => lorentzianWidth({ X: 0.1 } as never, 10)).toThrow(/parameters.Y/);
    expect(() => lorentzianWidth({ X: 0.1, Y: 0, Z: '1' } as never, 10)).toThrow(/parameters.Z/);
    expect(() => cagliotiFromGsasII({ U: 1, V: 1 } as never)).toThrow(/parameters.W/);
    expect(() => cagliotiToGsasII({ U: 1, V: 1, W: 1, X: Number.POSITIVE_INFINITY })).toThrow(
      /parameters.X/,
    );
  });
});
