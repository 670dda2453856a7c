import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curieWeissScale } from '../src/curie-weiss.js';

// Law: δ(T) = δ_dia + C' / (T − θ) (Curie–Weiss susceptibility; Grey & Dupré, Chem. Rev. 2004,
// 104, 4493), so δ(T₂) = δ_dia + (δ(T₁) − δ_dia)(T₁ − θ)/(T₂ − θ).

const temperature = fc.double({ min: 150, max: 500, noNaN: true });
const theta = fc.double({ min: -300, max: 100, noNaN: true });
const shift = fc.double({ min: -3000, max: 3000, noNaN: true });

describe('curieWeissScale', () => {
  it('matches the closed form worked by hand', () => {
    // θ = −100 K: 700 × (320 + 100) / (298 + 100) = 700 × 420 / 398 = 738.6934673 ppm
    expect(curieWeissScale(700, { from: 320, to: 298, theta: -100 })).toBeCloseTo(738.6934673, 6);
    // θ = 0 (Curie): 700 × 320 / 298 = 751.6778523 ppm; also the default
    expect(curieWeissScale(700, { from: 320, to: 298, theta: 0 })).toBeCloseTo(751.6778523, 6);
    expect(curieWeissScale(700, { from: 320, to: 298 })).toBeCloseTo(751.6778523, 6);
    // with a diamagnetic part of 2 ppm: 2 + 698 × 320 / 298 = 751.5302013 ppm
    expect(curieWeissScale(700, { from: 320, to: 298, diamagneticShift: 2 })).toBeCloseTo(
      751.5302013,
      6,
    );
    // positive θ (ferromagnetic correlations): 500 × (300 − 50) / (350 − 50) = 416.6666667
    expect(curieWeissScale(500, { from: 300, to: 350, theta: 50 })).toBeCloseTo(416.6666667, 6);
  });

  it('is the identity for from = to and leaves the diamagnetic shift alone', () => {
    expect(curieWeissScale(812.5, { from: 310, to: 310, theta: -80 })).toBe(812.5);
    expect(curieWeissScale(3, { from: 250, to: 400, theta: -50, diamagneticShift: 3 })).toBe(3);
  });

  it('round-trips from → to → from', () => {
    fc.assert(
      fc.property(shift, temperature, temperature, theta, (d, t1, t2, th) => {
        const there = curieWeissScale(d, { from: t1, to: t2, theta: th });
        const back = curieWeissScale(there, { from: t2, to: t1, theta: th });
        return Math.abs(back - d) <= 1e-12 * (Math.abs(d) + 1) * 100;
      }),
      { numRuns: 300 },
    );
  });

  it('keeps (T − θ)·(δ − δ_dia) constant; θ = 0 is the pure Curie law δ·T = constant', () => {
    fc.assert(
      fc.property(
        shift,
        temperature,
        temperature,
        theta,
        fc.double({ min: -10, max: 10, noNaN: true }),
        (d, t1, t2, th, dia) => {
          const scaled = curieWeissScale(d, { from: t1, to: t2, theta: th, diamagneticShift: dia });
          const invariant = (t1 - th) * (d - dia);
          const curie = curieWeissScale(d, { from: t1, to: t2, theta: 0 });
          const scale = 1e-12 * (Math.abs(invariant) + 1) * 100;
          return (
            Math.abs((t2 - th) * (scaled - dia) - invariant) <= scale &&
            Math.abs(curie * t2 - d * t1) <= 1e-12 * (Math.abs(d * t1) + 1) * 100
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('composes: T₁ → T₂ → T₃ equals T₁ → T₃, and shifts shrink in magnitude on heating', () => {
    fc.assert(
      fc.property(shift, temperature, temperature, temperature, theta, (d, t1, t2, t3, th) => {
        const viaT2 = curieWeissScale(curieWeissScale(d, { from: t1, to: t2, theta: th }), {
          from: t2,
          to: t3,
          theta: th,
        });
        const direct = curieWeissScale(d, { from: t1, to: t3, theta: th });
        const hotter = curieWeissScale(d, { from: t1, to: t1 + 10, theta: th });
        return (
          Math.abs(viaT2 - direct) <= 1e-12 * (Math.abs(d) + 1) * 100 &&
          Math.abs(hotter) <= Math.abs(d)
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rejects bad input', () => {
    expect(() => curieWeissScale(700, { from: 300, to: 298, theta: 300 })).toThrow(
      new RangeError(
        'from must be above the Weiss temperature theta (T − θ > 0, Curie–Weiss regime); received from = 300 K with theta = 300 K',
      ),
    );
    expect(() => curieWeissScale(700, { from: 350, to: 250, theta: 260 })).toThrow(
      /to must be above the Weiss temperature theta .*received to = 250 K with theta = 260 K/,
    );
    expect(() => curieWeissScale(700, { from: 0, to: 298 })).toThrow(
      new RangeError('from must be a finite number > 0 (K); received 0'),
    );
    expect(() => curieWeissScale(700, { from: 300, to: -5 })).toThrow(RangeError);
    expect(() => curieWeissScale(Number.NaN, { from: 300, to: 298 })).toThrow(
      /shift must be a finite number \(ppm\); received NaN/,
    );
    expect(() =>
      curieWeissScale(700, { from: 300, to: 298, theta: Number.NEGATIVE_INFINITY }),
    ).toThrow(RangeError);
    expect(() =>
      curieWeissScale(700, { from: 300, to: 298, diamagneticShift: Number.NaN }),
    ).toThrow(RangeError);
    expect(() => curieWeissScale(700, { from: '300', to: 298 } as never)).toThrow(TypeError);
    expect(() => curieWeissScale(700, null as never)).toThrow(TypeError);
    expect(() => curieWeissScale(700, undefined as never)).toThrow(TypeError);
  });
});
