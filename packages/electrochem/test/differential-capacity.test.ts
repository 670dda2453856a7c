import { createRng } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { differentialCapacity } from '../src/index.js';

/** Logistic plateau: Q(V) = Q0/(1 + exp(−(V − V0)/w)), dQ/dV = Q/w·(1 − Q/Q0). */
const q = (v: number) => 150 / (1 + Math.exp(-(v - 3.7) / 0.03));
const dq = (v: number) => (q(v) / 0.03) * (1 - q(v) / 150);

describe('differentialCapacity', () => {
  it('gives the bin average of dQ/dV for dense noise-free data (closed form)', () => {
    const n = 20001;
    const voltage = Float64Array.from({ length: n }, (_, k) => 3.4 + (0.6 * k) / (n - 1));
    const capacity = voltage.map(q);
    const step = 0.01;
    const { branches } = differentialCapacity({ capacity, voltage }, { step, smoothing: false });
    expect(branches).toHaveLength(1);
    const [branch] = branches as [(typeof branches)[0]];
    expect(branch.direction).toBe('rising');
    for (let j = 1; j < branch.voltage.length - 1; j++) {
      const centre = branch.voltage[j] as number;
      // Mean of dQ/dV over the bin = (Q(hi) − Q(lo))/step; increments straddling an edge move
      // at most one sample's ΔQ (≤ 0.6/20000 V × max dQ/dV 1250 = 0.04) between bins.
      const expected = (q(centre + step / 2) - q(centre - step / 2)) / step;
      expect(Math.abs((branch.dqdv[j] as number) - expected)).toBeLessThan(0.04 / step);
    }
  });

  it('separates charge and discharge of noisy, non-monotonic data and finds the peak', () => {
    const rng = createRng(7);
    const voltage: number[] = [];
    const capacity: number[] = [];
    // Charge: Q from 0 to 150 along the logistic; discharge: back down (net capacity counter).
    for (let k = 0; k <= 3000; k++) {
      const v = 3.4 + (0.6 * k) / 3000;
      voltage.push(v + 0.002 * (rng.uniform() - 0.5) * 2);
      capacity.push(q(v));
    }
    for (let k = 0; k <= 3000; k++) {
      const v = 4.0 - (0.6 * k) / 3000;
      voltage.push(v - 0.05 + 0.002 * (rng.uniform() - 0.5) * 2); // 50 mV hysteresis
      capacity.push(q(v));
    }
    const { branches } = differentialCapacity({ capacity, voltage }, { step: 0.005 });
    expect(branches.map((b) => b.direction)).toEqual(['rising', 'falling']);
    const [charge, discharge] = branches as [(typeof branches)[0], (typeof branches)[0]];
    const argmax = (b: typeof charge) => {
      let best = 0;
      for (let j = 1; j < b.dqdv.length; j++)
        if ((b.dqdv[j] as number) > (b.dqdv[best] as number)) best = j;
      return b.voltage[best] as number;
    };
    // ±2 mV noise on a flat-topped peak (1.5 % lower 7.5 mV off centre): within two 5 mV bins.
    expect(Math.abs(argmax(charge) - 3.7)).toBeLessThanOrEqual(0.0101);
    expect(Math.abs(argmax(discharge) - 3.65)).toBeLessThanOrEqual(0.0101);
    // Peak height: bin average of dQ/dV at the top is 1250·(1 − O((step/w)²)) ≈ 1245; smoothing
    // with window 7 over 5 mV bins lowers it a little more.
    const peak = Math.max(...charge.dqdv);
    expect(peak).toBeGreaterThan(0.9 * dq(3.7));
    expect(peak).toBeLessThan(1.05 * dq(3.7));
    // Both branches have positive dQ/dV (capacity falls while voltage falls on discharge).
    expect(Math.min(...discharge.dqdv)).toBeGreaterThan(-50);
    // The branches meet at the noisy voltage maximum; together they hold the whole change.
    expect(charge.capacityChange + discharge.capacityChange).toBeCloseTo(
      (capacity.at(-1) as number) - (capacity[0] as number),
      10,
    );
    expect(charge.capacityChange).toBeGreaterThan(149.9);
  });

  it('conserves charge: Σ dQ/dV·(±step) = the branch capacity change (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -0.01, max: 0.03, noNaN: true }),
            fc.double({ min: -1, max: 3, noNaN: true }),
          ),
          {
            minLength: 2,
            maxLength: 300,
          },
        ),
        fc.double({ min: 0.001, max: 0.05, noNaN: true }),
        (steps, step) => {
          const voltage = [3.5];
          const capacity = [0];
          for (const [dv, dQ] of steps) {
            voltage.push((voltage.at(-1) as number) + dv);
            capacity.push((capacity.at(-1) as number) + dQ);
          }
          const { branches } = differentialCapacity(
            { capacity, voltage },
            { step, smoothing: false },
          );
          let total = 0;
          for (const b of branches) {
            const sign = b.direction === 'rising' ? 1 : -1;
            let sum = 0;
            for (const v of b.dqdv) sum += v * sign * step;
            if (Math.abs(sum - b.capacityChange) > 1e-9 * (1 + Math.abs(b.capacityChange)))
              return false;
            total += b.capacityChange;
          }
          return (
            Math.abs(total - ((capacity.at(-1) as number) - (capacity[0] as number))) <
            1e-9 * (1 + Math.abs(total))
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('skips rests (constant capacity); a reversal above the relaxation keeps GITT charge in one branch', () => {
    // GITT-like: charge pulses with 0.09 V relaxations at constant capacity in between; the next
    // pulse starts 0.045 V below the previous maximum, so `reversal` must exceed that.
    const voltage: number[] = [];
    const capacity: number[] = [];
    let qq = 0;
    for (let pulse = 0; pulse < 10; pulse++) {
      for (let k = 0; k < 20; k++) {
        voltage.push(3.6 + pulse * 0.05 + k * 0.005);
        qq += 1;
        capacity.push(qq);
      }
      for (let k = 0; k < 10; k++) {
        voltage.push(3.6 + pulse * 0.05 + 0.1 - k * 0.01);
        capacity.push(qq);
      }
    }
    const { branches } = differentialCapacity({ capacity, voltage }, { step: 0.01, reversal: 0.1 });
    expect(branches.map((b) => b.direction)).toEqual(['rising']);
    expect(branches[0]?.capacityChange).toBe(199);
    // With the default 20 mV reversal each pulse restart reads as a reversal.
    expect(differentialCapacity({ capacity, voltage }).branches.length).toBeGreaterThan(1);
  });

  it('rejects bad input', () => {
    const data = { capacity: [0, 1, 2], voltage: [3, 3.1, 3.2] };
    expect(() => differentialCapacity(data, { step: 0 })).toThrow(
      /options\.step must be a finite number > 0 \(V\)/,
    );
    expect(() => differentialCapacity(data, { step: 1e-12 })).toThrow(/bins/);
    expect(() => differentialCapacity(data, { reversal: -1 })).toThrow(/options\.reversal/);
    expect(() => differentialCapacity(data, { smoothing: { window: 3, order: 3 } })).toThrow(
      /options\.smoothing\.order/,
    );
    expect(() => differentialCapacity({ capacity: [0, 1], voltage: [3, 3.1, 3.2] })).toThrow(
      /data\.capacity must have the same length/,
    );
    expect(() => differentialCapacity({ capacity: [0], voltage: [3] })).toThrow(/at least 2/);
    expect(() => differentialCapacity({ capacity: [0, Number.NaN], voltage: [3, 3.1] })).toThrow(
      RangeError,
    );
    expect(() => differentialCapacity(null as never)).toThrow(TypeError);
  });
});
