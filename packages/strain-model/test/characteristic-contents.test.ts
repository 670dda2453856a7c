import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characteristicContents, examples } from '../src/index.js';

/** Synthetic curves with known features (closed forms), sampled every 0.01 in c_Li. */
function synthetic(ilMaximum: number, steepest: number) {
  const cLi = Array.from({ length: 86 }, (_, i) => 0.15 + 0.01 * i);
  // d_IL = c/3: a parabola whose maximum is at ilMaximum.
  const c = cLi.map((x) => 3 * (4.82 - 0.4 * (x - ilMaximum) ** 2));
  // d_TM = a: a logistic step whose derivative is largest at `steepest`; with s = 0.05 its slope
  // falls to 10 % of the maximum where σ(1 − σ) = 0.025, i.e. z = ln(σ/(1 − σ)) with
  // σ = (1 − √0.9)/2: onset = steepest + 0.05·z.
  const a = cLi.map((x) => 2.81 + 0.06 / (1 + Math.exp(-(x - steepest) / 0.05)));
  const sigma = (1 - Math.sqrt(0.9)) / 2;
  const onset = steepest + 0.05 * Math.log(sigma / (1 - sigma));
  return { cLi, a, c, onset };
}

describe('characteristicContents', () => {
  it('recovers known maxima and the plateau onset of synthetic curves', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.3, max: 0.5, noNaN: true }),
        fc.double({ min: 0.55, max: 0.7, noNaN: true }),
        (ilMaximum, steepest) => {
          const { cLi, a, c, onset } = synthetic(ilMaximum, steepest);
          const found = characteristicContents({ cLi, a, c });
          const u = found.dILMaximum.uncertainty;
          expect(u).toBeCloseTo((5 * 0.01) / Math.sqrt(12), 12);
          expect(Math.abs(found.dILMaximum.cLi - ilMaximum)).toBeLessThan(u);
          expect(Math.abs(found.dTMSlopeMaximum.cLi - steepest)).toBeLessThan(u);
          expect(Math.abs(found.dTMPlateauOnset.cLi - onset)).toBeLessThan(u);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('finds the published contents (0.40, 0.32, 0.62) on the illustrative curves of all three materials', () => {
    for (const curves of [examples.nmc811, examples.nmc622, examples.lno]) {
      const found = characteristicContents(curves);
      const u = found.dILMaximum.uncertainty;
      expect(Math.abs(found.dILMaximum.cLi - 0.4)).toBeLessThan(u);
      expect(Math.abs(found.dTMPlateauOnset.cLi - 0.32)).toBeLessThan(u);
      expect(Math.abs(found.dTMSlopeMaximum.cLi - 0.62)).toBeLessThan(u);
      expect(found.dILMaximum.value).toBeCloseTo(found.dIL(found.dILMaximum.cLi), 15);
    }
  });

  it('reports NaN for a feature outside the data', () => {
    const cLi = Array.from({ length: 20 }, (_, i) => 0.5 + 0.025 * i);
    const found = characteristicContents({
      cLi,
      a: cLi.map((x) => 2.8 + 0.05 * x), // no maximum of the slope inside, no plateau
      c: cLi.map((x) => 14.6 - 0.3 * x), // d_IL maximum at the lowest content: outside
    });
    expect(found.dILMaximum.cLi).toBeNaN();
    expect(found.dTMPlateauOnset.cLi).toBeNaN();
  });

  it('rejects bad input', () => {
    const cLi = [0.2, 0.4, 0.6, 0.8];
    const a = [2.81, 2.82, 2.85, 2.87];
    const c = [14.3, 14.45, 14.4, 14.3];
    expect(() =>
      characteristicContents(null as unknown as Parameters<typeof characteristicContents>[0]),
    ).toThrow(TypeError);
    expect(() => characteristicContents({ cLi: [0.2, 0.4], a: [1, 2], c: [1, 2] })).toThrow(
      /cLi must have at least 3/,
    );
    expect(() => characteristicContents({ cLi, a: [1, 2], c })).toThrow(
      /a must have the same length/,
    );
    expect(() => characteristicContents({ cLi, a, c: [14, 14, -1, 14] })).toThrow(/c\[2\] must be/);
    expect(() => characteristicContents({ cLi, a, c, plateauFraction: 1 })).toThrow(
      /plateauFraction/,
    );
    expect(() => characteristicContents({ cLi, a, c, window: 9 })).toThrow(/window/);
    expect(() => characteristicContents({ cLi: [0.2, 0.2, 0.4, 0.4], a, c })).toThrow(
      /at least 3 distinct/,
    );
  });
});
