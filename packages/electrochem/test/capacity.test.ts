import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityFromLithiumContent,
  cRateCurrent,
  FARADAY,
  lithiumContentFromCapacity,
  molarMass,
  stateOfCharge,
  theoreticalCapacity,
} from '../src/index.js';

describe('theoreticalCapacity', () => {
  it('gives the published values for NMC811/622/532 and LiFePO4', () => {
    // REFERENCES.md (PyBaMM docs / literature): NMC811 ≈ 275.5, NMC622 ≈ 276.5, NMC532 ≈ 277.6.
    expect(theoreticalCapacity('LiNi0.8Mn0.1Co0.1O2')).toBeCloseTo(275.5, 1);
    expect(theoreticalCapacity('LiNi0.6Mn0.2Co0.2O2')).toBeCloseTo(276.5, 1);
    expect(theoreticalCapacity('LiNi0.5Mn0.3Co0.2O2')).toBeCloseTo(277.6, 1);
    // LiFePO4: 170 mAh/g, the textbook value (F/(3.6·157.757) = 169.89).
    expect(theoreticalCapacity('LiFePO4')).toBeCloseTo(169.89, 2);
  });

  it('scales linearly with electrons (closed form n·F/(3.6 M))', () => {
    const m = molarMass('Li4Ti5O12');
    expect(theoreticalCapacity('Li4Ti5O12', { electrons: 3 })).toBeCloseTo(
      (3 * FARADAY) / (3.6 * m),
      10,
    );
    expect(() => theoreticalCapacity('LiCoO2', { electrons: 0 })).toThrow(/options\.electrons/);
    expect(() => theoreticalCapacity('LiQqO2')).toThrow(/not an element symbol/);
    expect(() => theoreticalCapacity('LiCoO2', null as never)).toThrow(TypeError);
  });
});

describe('lithium content ↔ capacity', () => {
  it('x = x₀ − Q/Q₁ with Q₁ = F/(3.6 M)', () => {
    const q1 = theoreticalCapacity('LiCoO2');
    expect(capacityFromLithiumContent(0.5, { formula: 'LiCoO2' })).toBeCloseTo(q1 / 2, 10);
    expect(capacityFromLithiumContent(0.5, { formula: 'LiCoO2' })).toBeCloseTo(136.922, 3); // F/(3.6·97.871194)/2
    expect(lithiumContentFromCapacity(220, { formula: 'LiNi0.8Mn0.1Co0.1O2' })).toBeCloseTo(
      1 - 220 / 275.5092, // F/(3.6·97.2798437) = 275.5092
      4,
    );
    const xs = lithiumContentFromCapacity([0, 100, 200], {
      formula: 'LiCoO2',
      initialContent: 0.95,
    });
    expect(xs).toBeInstanceOf(Float64Array);
    expect(xs[0]).toBe(0.95);
    expect(xs[2]).toBeCloseTo(0.95 - 200 / q1, 12);
  });

  it('are inverse to each other (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 1.2, noNaN: true }),
        (x, x0) => {
          const options = { formula: 'LiNi0.8Mn0.1Co0.1O2', initialContent: x0 };
          const q = capacityFromLithiumContent(x, options);
          return Math.abs(lithiumContentFromCapacity(q, options) - x) < 1e-12;
        },
      ),
    );
  });

  it('rejects impossible contents and bad input', () => {
    expect(() => lithiumContentFromCapacity(300, { formula: 'LiNi0.8Mn0.1Co0.1O2' })).toThrow(
      /capacity must be ≤ 275\.509 mAh g⁻¹/,
    );
    expect(() => lithiumContentFromCapacity([0, 400], { formula: 'LiCoO2' })).toThrow(
      /capacity\[1\]/,
    );
    expect(() => capacityFromLithiumContent(-0.1, { formula: 'LiCoO2' })).toThrow(RangeError);
    expect(() => capacityFromLithiumContent([0.5, -1], { formula: 'LiCoO2' })).toThrow(
      /lithiumContent\[1\]/,
    );
    expect(() => lithiumContentFromCapacity(Number.NaN, { formula: 'LiCoO2' })).toThrow(RangeError);
    expect(() => lithiumContentFromCapacity(1, { formula: 'LiCoO2', initialContent: -1 })).toThrow(
      /initialContent/,
    );
    expect(() => lithiumContentFromCapacity(1, null as never)).toThrow(TypeError);
  });
});

describe('stateOfCharge', () => {
  it('integrates current by the trapezoid rule (closed form for linear current)', () => {
    expect(
      Array.from(
        stateOfCharge({ time: [0, 1800, 3600], current: [0.1, 0.1, 0.1] }, { capacity: 0.2 }),
      ),
    ).toEqual([0, 0.25, 0.5]);
    // I(t) = 0.2·t/3600 A over 1 h: ∫ = 0.1 A h; trapezoid exact for linear I.
    const time = Float64Array.from({ length: 11 }, (_, k) => 360 * k);
    const current = time.map((t) => (0.2 * t) / 3600);
    const soc = stateOfCharge({ time, current }, { capacity: 1, initial: 0.3 });
    expect(soc[10]).toBeCloseTo(0.4, 14);
  });

  it('rejects bad input', () => {
    expect(() => stateOfCharge({ time: [0, 2, 1], current: [1, 1, 1] }, { capacity: 1 })).toThrow(
      /data\.time must be non-decreasing; received data\.time\[2\] = 1 after 2/,
    );
    expect(() => stateOfCharge({ time: [0, 1], current: [1] }, { capacity: 1 })).toThrow(
      RangeError,
    );
    expect(() => stateOfCharge({ time: [0, 1], current: [1, 1] }, { capacity: 0 })).toThrow(
      /options\.capacity/,
    );
    expect(() => stateOfCharge(null as never, { capacity: 1 })).toThrow(TypeError);
  });
});

describe('cRateCurrent', () => {
  it('C/20 of 200 mAh/g on 1 g is 10 mA (Mu et al. 2024: "C/20 (10 mA/g)")', () => {
    expect(cRateCurrent({ cRate: 1 / 20, specificCapacity: 200, mass: 1 })).toBeCloseTo(0.01, 15);
    expect(cRateCurrent({ cRate: 2, capacity: 3 })).toBe(6);
  });

  it('rejects bad input', () => {
    expect(() => cRateCurrent({ cRate: 0, capacity: 1 })).toThrow(/options\.cRate/);
    expect(() => cRateCurrent({ cRate: 1 })).toThrow(/received neither/);
    expect(() => cRateCurrent({ cRate: 1, capacity: 1, mass: 1 })).toThrow(/not both/);
    expect(() => cRateCurrent({ cRate: 1, specificCapacity: 100 })).toThrow(/options\.mass/);
    expect(() => cRateCurrent(null as never)).toThrow(TypeError);
  });
});
