import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sidebandIntensities } from '../src/sideband-intensities.js';
import data from './fixtures/sideband-intensities.json' with { type: 'json' };

/** Moments Σ (N·ν_r)^k·I_N, k = 0 … 3 (frequencies in Hz). */
function moments(intensities: Float64Array, orders: number, spinningRate: number): number[] {
  const result = [0, 0, 0, 0];
  intensities.forEach((value, index) => {
    const frequency = (index - orders) * spinningRate;
    for (let k = 0; k < 4; k++) result[k] = (result[k] as number) + frequency ** k * value;
  });
  return result;
}

describe('sidebandIntensities', () => {
  it('equals an independent time-domain powder simulation (scipy Rotation, explicit γ average)', () => {
    let worst = 0;
    for (const c of data.cases) {
      const intensities = sidebandIntensities(c);
      expect(intensities.length).toBe(2 * c.orders + 1);
      intensities.forEach((value, k) => {
        worst = Math.max(worst, Math.abs(value - (c.intensities[k] as number)));
      });
    }
    // The two differ by rounding only (both grids are converged far below this).
    expect(worst).toBeLessThan(1e-12);
  });

  it('obeys the Maricq–Waugh moment theorems of the static powder pattern', () => {
    // Σ I_N = 1, Σ N·ν_r·I_N = 0, Σ (Nν_r)²·I_N = δ²(3 + η²)/15, Σ (Nν_r)³·I_N = (2/35)δ³(1 − η²)
    // with δ = δ_aniso·ν_ref in Hz: ⟨ν²⟩ and ⟨ν³⟩ of the static pattern (the eigenvalues of the
    // traceless tensor are δ, −δ(1 ± η)/2; ⟨(n·T·n)²⟩ = (2/15)Σλ², ⟨(n·T·n)³⟩ = (8/105)Σλ³).
    fc.assert(
      fc.property(
        fc.double({ min: -600, max: 600, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 20_000, max: 70_000, noNaN: true }),
        (anisotropy, eta, spinningRate) => {
          const referenceFrequency = 116.591;
          const delta = anisotropy * referenceFrequency;
          const orders = 40; // far beyond R ≤ 3.5: the truncated tail is below 1e-20
          const intensities = sidebandIntensities({
            anisotropy,
            asymmetry: eta,
            spinningRate,
            referenceFrequency,
            orders,
          });
          const [m0, m1, m2, m3] = moments(intensities, orders, spinningRate) as [
            number,
            number,
            number,
            number,
          ];
          // Rounding: ~1e-16 absolute per intensity, times (N·ν_r)^k, so the tolerances scale
          // with the larger of δ and ν_r.
          const scale = Math.max(Math.abs(delta), spinningRate);
          expect(Math.abs(m0 - 1)).toBeLessThan(1e-13);
          expect(Math.abs(m1)).toBeLessThan(1e-12 * scale);
          expect(Math.abs(m2 - (delta * delta * (3 + eta * eta)) / 15)).toBeLessThan(
            1e-12 * scale * scale,
          );
          expect(Math.abs(m3 - (2 / 35) * delta ** 3 * (1 - eta * eta))).toBeLessThan(
            1e-11 * scale ** 3,
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('sends everything to the centreband as the anisotropy vanishes', () => {
    const exact = sidebandIntensities({
      anisotropy: 0,
      asymmetry: 0.4,
      spinningRate: 60_000,
      referenceFrequency: 116.591,
      orders: 3,
    });
    expect(Array.from(exact)).toEqual([0, 0, 0, 1, 0, 0, 0]);
    // Leading order in R = δ/ν_r (Φ small, exp(iΦ) ≈ 1 + iΦ): I_±1 ≈ R²(1 + η²/3)/15 and
    // I_±2 ≈ R²(1 + η²/3)/120, from the powder average of the rank-2 components,
    // ⟨|ν_m|²⟩ = δ²(1 + η²/3)/5 · |d²_m0(θ_m)|², |d²_±1,0|² = 1/3, |d²_±2,0|² = 1/6.
    const eta = 0.6;
    for (const ratio of [0.01, 0.03]) {
      const intensities = sidebandIntensities({
        anisotropy: ratio * 100,
        asymmetry: eta,
        spinningRate: 10_000,
        referenceFrequency: 100,
        orders: 2,
      });
      const first = (ratio * ratio * (1 + (eta * eta) / 3)) / 15;
      const second = (ratio * ratio * (1 + (eta * eta) / 3)) / 120;
      // The next terms are O(R³) relative to these (the ± asymmetry is odd in δ).
      for (const [index, expected] of [
        [1, first],
        [3, first],
        [0, second],
        [4, second],
      ] as const) {
        expect(Math.abs((intensities[index] as number) / expected - 1)).toBeLessThan(3 * ratio);
      }
      expect(Math.abs((intensities[2] as number) - (1 - 2 * first - 2 * second))).toBeLessThan(
        ratio ** 3,
      );
    }
  });

  it('mirrors the manifold when the anisotropy changes sign: I_N(−δ) = I_−N(δ)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (anisotropy, eta) => {
          const base = {
            asymmetry: eta,
            spinningRate: 50_000,
            referenceFrequency: 116.591,
            orders: 6,
          };
          const plus = sidebandIntensities({ ...base, anisotropy });
          const minus = sidebandIntensities({ ...base, anisotropy: -anisotropy });
          let violations = 0;
          for (let k = 0; k < 13; k++) {
            if (Math.abs((plus[k] as number) - (minus[12 - k] as number)) > 1e-14) violations++;
          }
          expect(violations).toBe(0);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('puts more intensity on the low-frequency side for δ > 0, η = 0 (the static horn at −δ/2)', () => {
    const intensities = sidebandIntensities({
      anisotropy: 800,
      asymmetry: 0,
      spinningRate: 30_000,
      referenceFrequency: 116.591,
      orders: 8,
    });
    let below = 0;
    let above = 0;
    for (let k = 0; k < 8; k++) below += intensities[k] as number;
    for (let k = 9; k < 17; k++) above += intensities[k] as number;
    expect(below).toBeGreaterThan(above);
  });

  it('is converged with the default grid (a finer grid and more rotor steps change < 1e-12)', () => {
    for (const [anisotropy, eta, spinningRate] of [
      [500, 0.3, 15_000],
      [-1200, 0.9, 20_000],
    ] as const) {
      const base = {
        anisotropy,
        asymmetry: eta,
        spinningRate,
        referenceFrequency: 116.591,
        orders: 12,
      };
      const coarse = sidebandIntensities(base);
      const fine = sidebandIntensities({ ...base, orientations: 80, rotorSteps: 512 });
      let worst = 0;
      coarse.forEach((value, k) => {
        worst = Math.max(worst, Math.abs(value - (fine[k] as number)));
      });
      expect(worst).toBeLessThan(1e-12);
    }
  });

  it('returns the true fractions: orders too few to hold the manifold sum to less than 1', () => {
    const base = {
      anisotropy: 2000,
      asymmetry: 0.2,
      spinningRate: 20_000,
      referenceFrequency: 116.591,
    };
    const few = sidebandIntensities({ ...base, orders: 2 });
    const many = sidebandIntensities({ ...base, orders: 40 });
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(few)).toBeLessThan(0.9);
    expect(Math.abs(sum(many) - 1)).toBeLessThan(1e-13);
    // The orders kept are the same numbers either way.
    for (let k = 0; k < 5; k++) {
      expect(Math.abs((few[k] as number) - (many[38 + k] as number))).toBeLessThan(1e-14);
    }
    const out = new Float64Array(5);
    expect(sidebandIntensities({ ...base, orders: 2, out })).toBe(out);
  });

  it('rejects bad input, naming the argument', () => {
    const ok = {
      anisotropy: 100,
      asymmetry: 0.5,
      spinningRate: 60_000,
      referenceFrequency: 116.591,
      orders: 3,
    };
    expect(() => sidebandIntensities(null as never)).toThrow(/options must be an object/);
    expect(() => sidebandIntensities({ ...ok, anisotropy: Number.NaN })).toThrow(
      /anisotropy must be a finite number \(ppm\); received NaN/,
    );
    expect(() => sidebandIntensities({ ...ok, asymmetry: 1.2 })).toThrow(
      /asymmetry must be a finite number ≥ 0 and ≤ 1; received 1.2/,
    );
    expect(() => sidebandIntensities({ ...ok, spinningRate: 0 })).toThrow(
      /spinningRate must be a finite number > 0 \(Hz\); received 0/,
    );
    expect(() => sidebandIntensities({ ...ok, referenceFrequency: -1 })).toThrow(
      /referenceFrequency must be a finite number > 0 \(MHz\)/,
    );
    expect(() => sidebandIntensities({ ...ok, orders: 1.5 })).toThrow(/orders must be an integer/);
    expect(() => sidebandIntensities({ ...ok, orientations: 1 })).toThrow(/orientations/);
    expect(() => sidebandIntensities({ ...ok, rotorSteps: 100 })).toThrow(
      /rotorSteps must be a power of two > 2·orders \(6\); received 100/,
    );
    expect(() => sidebandIntensities({ ...ok, rotorSteps: 4 })).toThrow(/rotorSteps/);
    expect(() => sidebandIntensities({ ...ok, out: new Float64Array(3) })).toThrow(
      /out must have the same length as 2·orders \+ 1 \(7\); received length 3/,
    );
    expect(() => sidebandIntensities({ ...ok, out: [0] as never })).toThrow(TypeError);
    expect(() => sidebandIntensities({ ...ok, anisotropy: 1e6, spinningRate: 1000 })).toThrow(
      /too large for a sideband manifold/,
    );
  });
});
