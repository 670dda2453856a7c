import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sidebandPositions } from '../src/sideband-positions.js';

describe('sidebandPositions', () => {
  it('spaces ⁷Li sidebands by 514.6 ppm at 60 kHz MAS and ¹H 300 MHz (Mu et al. 2024)', () => {
    // ν₀(⁷Li) = Ξ/100 · 300 = 0.38863797 × 300 = 116.591391 MHz (IUPAC 2001);
    // spacing = 60 000 Hz / 116.591391 MHz = 514.61776 ppm (REFERENCES.md: 514.6 ppm)
    const positions = sidebandPositions({
      isotropicShift: 700,
      spinningRate: 60_000,
      nucleus: '7Li',
      protonFrequency: 300,
      orders: 2,
    });
    expect(positions).toBeInstanceOf(Float64Array);
    expect(positions.length).toBe(5);
    const expected = [
      700 - 2 * 514.61776,
      700 - 514.61776,
      700,
      700 + 514.61776,
      700 + 2 * 514.61776,
    ];
    for (let i = 0; i < 5; i++) expect(positions[i]).toBeCloseTo(expected[i] as number, 4);
    expect(positions[2]).toBe(700);
  });

  it('spaces ²³Na sidebands by 756.09 ppm under the same conditions', () => {
    // ν₀(²³Na) = 0.264519 × 300 = 79.3557 MHz; 60 000 / 79.3557 = 756.0894 ppm
    const [below, centre, above] = sidebandPositions({
      isotropicShift: 430,
      spinningRate: 60_000,
      nucleus: 'Na-23',
      protonFrequency: 300,
      orders: 1,
    });
    expect(centre).toBe(430);
    expect((above as number) - 430).toBeCloseTo(756.0894, 3);
    expect(430 - (below as number)).toBeCloseTo(756.0894, 3);
  });

  it('uses ν₀ = γB₀/2π when given a field: 514.29 ppm at exactly 7.05 T', () => {
    // ν₀ = 10.3977013e7 × 7.05 / 2π = 116.666612 MHz; 60 000 / 116.666612 = 514.28596 ppm
    const positions = sidebandPositions({
      isotropicShift: 0,
      spinningRate: 60_000,
      nucleus: '7Li',
      field: 7.05,
      orders: 1,
    });
    expect(positions[2]).toBeCloseTo(514.28596, 4);
  });

  it('returns only the centreband for orders = 0 and writes into out', () => {
    const single = sidebandPositions({
      isotropicShift: -3.5,
      spinningRate: 10_000,
      nucleus: '7Li',
      protonFrequency: 300,
      orders: 0,
    });
    expect(Array.from(single)).toEqual([-3.5]);
    const out = new Float64Array(7);
    const result = sidebandPositions({
      isotropicShift: 0,
      spinningRate: 30_000,
      nucleus: '23Na',
      protonFrequency: 500,
      orders: 3,
      out,
    });
    expect(result).toBe(out);
    expect(out[3]).toBe(0);
    expect(out[6]).toBeCloseTo((3 * 30_000) / (0.264519 * 500), 9);
  });

  it('is an evenly spaced increasing comb, symmetric about δ_iso, spacing ∝ ν_r / ν_H', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2000, max: 5000, noNaN: true }),
        fc.double({ min: 1000, max: 150_000, noNaN: true }),
        fc.double({ min: 100, max: 1200, noNaN: true }),
        fc.constantFrom('7Li', '23Na', '6Li', '31P', '27Al'),
        fc.integer({ min: 0, max: 12 }),
        (isotropicShift, spinningRate, protonFrequency, nucleus, orders) => {
          const options = { isotropicShift, spinningRate, nucleus, protonFrequency, orders };
          const positions = sidebandPositions(options);
          const doubled = sidebandPositions({ ...options, spinningRate: 2 * spinningRate });
          const tol = 1e-11 * (Math.abs(isotropicShift) + 1e5);
          if (positions.length !== 2 * orders + 1) return false;
          if (positions[orders] !== isotropicShift) return false;
          const spacing = orders > 0 ? (positions[orders + 1] as number) - isotropicShift : 0;
          for (let n = 1; n <= orders; n++) {
            const up = (positions[orders + n] as number) - isotropicShift;
            const down = isotropicShift - (positions[orders - n] as number);
            if (!(up > 0 && Math.abs(up - down) < tol && Math.abs(up - n * spacing) < tol)) {
              return false;
            }
            const upDoubled = (doubled[orders + n] as number) - isotropicShift;
            if (Math.abs(upDoubled - 2 * up) > tol) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    const good = {
      isotropicShift: 700,
      spinningRate: 60_000,
      nucleus: '7Li',
      protonFrequency: 300,
      orders: 2,
    };
    expect(() => sidebandPositions(null as never)).toThrow(TypeError);
    expect(() => sidebandPositions({ ...good, isotropicShift: Number.NaN })).toThrow(
      /isotropicShift must be a finite number \(ppm\); received NaN/,
    );
    expect(() => sidebandPositions({ ...good, spinningRate: 0 })).toThrow(
      new RangeError('spinningRate must be a finite number > 0 (Hz); received 0'),
    );
    expect(() => sidebandPositions({ ...good, orders: 1.5 })).toThrow(
      /orders must be an integer ≥ 0 and ≤ 1000000; received 1.5/,
    );
    expect(() => sidebandPositions({ ...good, orders: -1 })).toThrow(RangeError);
    expect(() => sidebandPositions({ ...good, orders: 2e6 })).toThrow(RangeError);
    expect(() => sidebandPositions({ ...good, field: 7.05 })).toThrow(
      /options must give exactly one of field \(T\) or protonFrequency \(MHz\); received both/,
    );
    expect(() => sidebandPositions({ ...good, protonFrequency: undefined })).toThrow(
      /received neither/,
    );
    expect(() => sidebandPositions({ ...good, protonFrequency: -300 })).toThrow(RangeError);
    expect(() => sidebandPositions({ ...good, nucleus: '8Li' })).toThrow(RangeError);
    expect(() => sidebandPositions({ ...good, out: new Float64Array(4) })).toThrow(
      new RangeError('out must have the same length as 2·orders + 1 (5); received length 4'),
    );
    expect(() => sidebandPositions({ ...good, out: new Float32Array(5) as never })).toThrow(
      TypeError,
    );
  });
});
