import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalStateOfCharge, lithiumLossProjection, MATERIALS } from '../src/index.js';
import reference from './fixtures/strain-landscape.json';

describe('MATERIALS', () => {
  it('carries Table 1 of Jousseaume et al. 2024', () => {
    expect(MATERIALS.NMC622.pristine).toEqual({ a: 2.8703, c: 14.2255, tmOxygenDistance: 1.9732 });
    expect(MATERIALS.NMC811.pristine).toEqual({ a: 2.8727, c: 14.2127, tmOxygenDistance: 1.9708 });
    expect(MATERIALS.LNO.pristine).toEqual({ a: 2.8747, c: 14.1775, tmOxygenDistance: 1.9719 });
    for (const m of Object.values(MATERIALS)) expect(m.spaceGroup).toBe('R-3m');
  });

  it('has molar masses that agree with pymatgen (2e-5 relative: its Li is 6.941) and capacities F/(3.6M)', () => {
    const masses = reference.pymatgenMolarMass as Record<string, number>;
    for (const m of Object.values(MATERIALS)) {
      const theirs = masses[m.formula] as number;
      expect(Math.abs(m.molarMass - theirs) / theirs).toBeLessThan(2.5e-5);
      expect(m.theoreticalCapacity).toBeCloseTo(96485.33212331001 / (3.6 * m.molarMass), 10);
    }
    // REFERENCES.md (IUPAC weights): NMC811 ≈ 275.5, NMC622 ≈ 276.5 mAh/g.
    expect(MATERIALS.NMC811.theoreticalCapacity).toBeCloseTo(275.5, 1);
    expect(MATERIALS.NMC622.theoreticalCapacity).toBeCloseTo(276.5, 1);
  });
});

describe('criticalStateOfCharge', () => {
  it("reproduces the paper's ≈ 85 % (NMC622) and ≈ 65 % (LNO) SOC at c_Li = 0.4 with the preset windows", () => {
    const nmc622 = criticalStateOfCharge({
      criticalContent: 0.4,
      ...MATERIALS.NMC622.cyclingWindow,
    });
    const lno = criticalStateOfCharge({ criticalContent: 0.4, ...MATERIALS.LNO.cyclingWindow });
    expect(nmc622).toBeCloseTo(0.6 / 0.7, 15); // closed form (1 − 0.4)/(1 − 0.3)
    expect(Math.abs(nmc622 - 0.85)).toBeLessThan(0.02);
    expect(Math.abs(lno - 0.65)).toBeLessThan(0.02);
  });

  it('maps the window ends to 0 and 1 and is linear in c*', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.49, noNaN: true }),
        fc.double({ min: 0.51, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (low, high, t) => {
          const w = { cLiDischarged: high, cLiCharged: low };
          expect(criticalStateOfCharge({ criticalContent: high, ...w })).toBe(0);
          expect(criticalStateOfCharge({ criticalContent: low, ...w })).toBeCloseTo(1, 12);
          const c = high - t * (high - low);
          expect(criticalStateOfCharge({ criticalContent: c, ...w })).toBeCloseTo(t, 10);
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(() =>
      criticalStateOfCharge(null as unknown as Parameters<typeof criticalStateOfCharge>[0]),
    ).toThrow(TypeError);
    expect(() =>
      criticalStateOfCharge({ criticalContent: 1.2, cLiDischarged: 1, cLiCharged: 0.3 }),
    ).toThrow(/criticalContent must be/);
    expect(() =>
      criticalStateOfCharge({ criticalContent: 0.4, cLiDischarged: 0.3, cLiCharged: 0.3 }),
    ).toThrow(/cLiCharged must be < cLiDischarged/);
    expect(() =>
      criticalStateOfCharge({ criticalContent: 0.4, cLiDischarged: 1, cLiCharged: Number.NaN }),
    ).toThrow(RangeError);
  });
});

describe('lithiumLossProjection', () => {
  it('shifts the window down by the cumulative loss and reports the fraction below c*', () => {
    const p = lithiumLossProjection({
      window: { cLiDischarged: 1, cLiCharged: 0.3 },
      lossPerCycle: 0.001,
      cycles: 500,
      criticalContent: 0.4,
    });
    expect(p.lowestCLi.length).toBe(501);
    expect(p.lowestCLi[100]).toBeCloseTo(0.2, 14);
    expect(p.highestCLi[100]).toBeCloseTo(0.9, 14);
    expect(p.fractionBelowCritical[100]).toBeCloseTo(0.2 / 0.7, 14);
    expect(p.firstCycleBelowCritical).toBe(0);
    expect(p.lowestCLi[500]).toBe(0); // clamped at an empty lattice
  });

  it('starts at 1 − criticalStateOfCharge and never decreases the fraction below c* (a law of a rigid downward shift)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.45, noNaN: true }),
        fc.double({ min: 0.55, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.01, noNaN: true }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        (low, high, loss, critical) => {
          const window = { cLiDischarged: high, cLiCharged: low };
          const p = lithiumLossProjection({
            window,
            lossPerCycle: loss,
            cycles: 200,
            criticalContent: critical,
          });
          const soc = criticalStateOfCharge({ criticalContent: critical, ...window });
          expect(p.fractionBelowCritical[0]).toBeCloseTo(Math.min(1, Math.max(0, 1 - soc)), 12);
          for (let k = 1; k <= 200; k++) {
            expect(p.fractionBelowCritical[k] as number).toBeGreaterThanOrEqual(
              (p.fractionBelowCritical[k - 1] as number) - 1e-12,
            );
          }
          if (critical > low) expect(p.firstCycleBelowCritical).toBe(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('finds the first cycle below c*', () => {
    const p = lithiumLossProjection({
      window: { cLiDischarged: 0.95, cLiCharged: 0.45 },
      lossPerCycle: 0.001,
      cycles: 100,
      criticalContent: 0.4,
    });
    expect(p.firstCycleBelowCritical).toBe(51); // 0.45 − 0.001·k < 0.4 ⇔ k > 50
    const never = lithiumLossProjection({
      window: { cLiDischarged: 0.95, cLiCharged: 0.45 },
      lossPerCycle: 0,
      cycles: 10,
      criticalContent: 0.4,
    });
    expect(never.firstCycleBelowCritical).toBeNaN();
  });

  it('rejects bad input', () => {
    const base = {
      window: { cLiDischarged: 1, cLiCharged: 0.3 },
      lossPerCycle: 0.001,
      cycles: 10,
      criticalContent: 0.4,
    };
    expect(() => lithiumLossProjection(null as unknown as typeof base)).toThrow(TypeError);
    expect(() =>
      lithiumLossProjection({ ...base, window: null as unknown as typeof base.window }),
    ).toThrow(/window must be an object/);
    expect(() =>
      lithiumLossProjection({ ...base, window: { cLiDischarged: 0.3, cLiCharged: 0.5 } }),
    ).toThrow(/window.cLiCharged must be </);
    expect(() => lithiumLossProjection({ ...base, lossPerCycle: -0.1 })).toThrow(/lossPerCycle/);
    expect(() => lithiumLossProjection({ ...base, cycles: 2.5 })).toThrow(
      /cycles must be an integer/,
    );
    expect(() => lithiumLossProjection({ ...base, cycles: 1e9 })).toThrow(/cycles/);
    expect(() => lithiumLossProjection({ ...base, criticalContent: Number.NaN })).toThrow(
      /criticalContent/,
    );
  });
});
