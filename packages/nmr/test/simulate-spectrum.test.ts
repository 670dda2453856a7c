import { trapezoid } from '@intercalate/numerics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sidebandIntensities } from '../src/sideband-intensities.js';
import { type SpectrumLine, simulateSpectrum } from '../src/simulate-spectrum.js';

/** n points from `from` to `to` (either direction). */
function axisFrom(from: number, to: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

const LI7 = 116.591; // ⁷Li at ¹H 300 MHz (Ξ = 38.863797 %), MHz
/** 60 kHz MAS for ⁷Li at 116.591 MHz: ν_r/ν_ref = 60 000 Hz / 116.591 MHz = 514.6 ppm. */
const SPACING = 60_000 / LI7;

describe('simulateSpectrum', () => {
  it('integrates to the sum of the areas (Gaussians: exactly; Lorentzians: minus the tails off the axis)', () => {
    const axis = axisFrom(4000, -4000, 40_001); // decreasing, 0.2 ppm steps
    const gaussians: SpectrumLine[] = [
      { shift: 740, fwhm: 40, area: 0.7, shape: 'gaussian' },
      { shift: -20, fwhm: 15, area: 0.3, shape: 'gaussian' },
    ];
    const sidebands = {
      spinningRate: 60_000,
      orders: 4,
      intensities: [1, 2, 3, 5, 20, 6, 3, 2, 1],
    };
    const y = simulateSpectrum({ axis, lines: gaussians, sidebands, referenceFrequency: LI7 });
    // Decreasing x: numpy's trapz convention gives the negated integral.
    expect(Math.abs(-trapezoid(y, axis) - 1)).toBeLessThan(1e-13);

    // A Lorentzian of area a at c holds a·(atan((b − c)/γ) − atan((a₀ − c)/γ))/π on [a₀, b].
    const lorentz: SpectrumLine = { shift: 300, fwhm: 30, area: 2, shape: 'lorentzian' };
    const z = simulateSpectrum({ axis, lines: [lorentz], sidebands, referenceFrequency: LI7 });
    let expected = 0;
    sidebands.intensities.forEach((weight, k) => {
      const c = 300 + (k - 4) * SPACING;
      const inside = (Math.atan((4000 - c) / 15) - Math.atan((-4000 - c) / 15)) / Math.PI;
      expected += (2 * weight * inside) / 43;
    });
    expect(expected).toBeLessThan(2 * 0.999); // the tails off the axis are not negligible
    // Trapezoid error (h²/12)·|f′| at the ends is ~1e-12 here; Lorentzian interior error smaller.
    expect(Math.abs(-trapezoid(z, axis) - expected)).toBeLessThan(1e-9);
  });

  it('places sidebands ν_r/ν_ref apart: 60 kHz at 116.591 MHz is 514.6 ppm', () => {
    expect(SPACING).toBeCloseTo(514.62, 2);
    const axis = axisFrom(-3000, 3000, 600_001); // 0.01 ppm steps
    const y = simulateSpectrum({
      axis,
      lines: [{ shift: 100, fwhm: 2, area: 1, shape: 'gaussian' }],
      sidebands: { spinningRate: 60_000, orders: 2, intensities: [1, 1, 1, 1, 1] },
      referenceFrequency: LI7,
    });
    // The maxima: the largest sample in each window, refined by a parabola through its neighbours.
    const peaks: number[] = [];
    for (let order = -2; order <= 2; order++) {
      const centre = 100 + order * 514.6;
      let best = -1;
      for (let i = 0; i < axis.length; i++) {
        const x = axis[i] as number;
        if (Math.abs(x - centre) < 10 && (best < 0 || (y[i] as number) > (y[best] as number)))
          best = i;
      }
      const [a, b, c] = [y[best - 1], y[best], y[best + 1]] as [number, number, number];
      peaks.push((axis[best] as number) + (0.01 * (a - c)) / (2 * (a - 2 * b + c)));
    }
    for (let k = 0; k < 5; k++) {
      expect(Math.abs((peaks[k] as number) - (100 + (k - 2) * SPACING))).toBeLessThan(1e-6);
    }
  });

  it('gives each sideband area × its normalised intensity', () => {
    // Narrow Gaussians far apart: integrate a ±50 ppm window around each order.
    const intensities = [0.5, 2, 10, 1.5, 0];
    const axis = axisFrom(-1500, 1500, 300_001);
    const y = simulateSpectrum({
      axis,
      lines: [{ shift: 0, fwhm: 5, area: 3, shape: 'gaussian' }],
      sidebands: { spinningRate: 60_000, orders: 2, intensities },
      referenceFrequency: LI7,
    });
    const total = intensities.reduce((s, v) => s + v, 0);
    for (let order = -2; order <= 2; order++) {
      const centre = order * SPACING;
      const from = Math.round((centre - 50 + 1500) * 100);
      const to = Math.round((centre + 50 + 1500) * 100);
      const part = trapezoid(y.subarray(from, to + 1), axis.subarray(from, to + 1));
      expect(Math.abs(part - (3 * (intensities[order + 2] as number)) / total)).toBeLessThan(1e-12);
    }
  });

  it('draws computed intensities (anisotropy) like the same intensities given', () => {
    const axis = axisFrom(2000, -2000, 2001);
    const lines: SpectrumLine[] = [
      { shift: 500, fwhm: 50, area: 1, shape: 'pseudo-voigt', eta: 0.3 },
    ];
    const computed = simulateSpectrum({
      axis,
      lines,
      sidebands: { spinningRate: 60_000, orders: 3, anisotropy: 300, asymmetry: 0.4 },
      referenceFrequency: LI7,
    });
    const intensities = sidebandIntensities({
      anisotropy: 300,
      asymmetry: 0.4,
      spinningRate: 60_000,
      referenceFrequency: LI7,
      orders: 3,
    });
    const given = simulateSpectrum({
      axis,
      lines,
      sidebands: { spinningRate: 60_000, orders: 3, intensities },
      referenceFrequency: LI7,
    });
    let violations = 0;
    for (let i = 0; i < axis.length; i++) {
      if (Math.abs((computed[i] as number) - (given[i] as number)) > 1e-15) violations++;
    }
    expect(violations).toBe(0);
  });

  it('does not depend on the axis direction, and is linear in the lines', () => {
    const line = fc.record({
      shift: fc.double({ min: -800, max: 800, noNaN: true }),
      fwhm: fc.double({ min: 5, max: 200, noNaN: true }),
      area: fc.double({ min: -5, max: 5, noNaN: true }),
      shape: fc.constantFrom('lorentzian' as const, 'gaussian' as const, 'pseudo-voigt' as const),
      eta: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const up = axisFrom(-1000, 1000, 801);
        const down = up.slice().reverse();
        const sidebands = { spinningRate: 25_000, orders: 2, intensities: [1, 2, 5, 2, 1] };
        const a = simulateSpectrum({ axis: up, lines, sidebands, referenceFrequency: LI7 });
        const b = simulateSpectrum({ axis: down, lines, sidebands, referenceFrequency: LI7 });
        const sum = new Float64Array(801);
        for (const single of lines) {
          const part = simulateSpectrum({
            axis: up,
            lines: [single],
            sidebands,
            referenceFrequency: LI7,
          });
          for (let i = 0; i < 801; i++) sum[i] = (sum[i] as number) + (part[i] as number);
        }
        const peak = Math.max(...Array.from(a, Math.abs), 1e-300);
        let violations = 0;
        for (let i = 0; i < 801; i++) {
          if (Math.abs((a[i] as number) - (b[800 - i] as number)) > 1e-15 * peak) violations++;
          if (Math.abs((a[i] as number) - (sum[i] as number)) > 1e-14 * peak) violations++;
        }
        expect(violations).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('draws centrebands only without sidebands, writes into out, and gives 0 for no lines', () => {
    const axis = [10, 0, -10];
    const out = new Float64Array([7, 7, 7]);
    const y = simulateSpectrum({
      axis,
      lines: [{ shift: 0, fwhm: 2, area: 1, shape: 'lorentzian' }],
      out,
    });
    expect(y).toBe(out);
    // Peak 2/(π·fwhm) = 1/π; at 10 ppm = 10 half widths: (1/π)·1/(1 + 100).
    expect(Math.abs((y[1] as number) - 1 / Math.PI)).toBeLessThan(1e-16);
    expect(Math.abs((y[0] as number) - 1 / (101 * Math.PI))).toBeLessThan(1e-17);
    expect(Array.from(simulateSpectrum({ axis, lines: [] }))).toEqual([0, 0, 0]);
  });

  it('rejects bad input, naming the argument', () => {
    const axis = [1, 0, -1];
    const line: SpectrumLine = { shift: 0, fwhm: 1, area: 1, shape: 'lorentzian' };
    const sidebands = { spinningRate: 60_000, orders: 1, intensities: [1, 1, 1] };
    expect(() => simulateSpectrum(undefined as never)).toThrow(/options must be an object/);
    expect(() => simulateSpectrum({ axis: [], lines: [line] })).toThrow(
      /axis must have at least 1 element/,
    );
    expect(() => simulateSpectrum({ axis: [0, Number.NaN], lines: [line] })).toThrow(
      /axis\[1\] must be a finite number/,
    );
    expect(() => simulateSpectrum({ axis, lines: line as never })).toThrow(
      /lines must be an array of lines/,
    );
    expect(() => simulateSpectrum({ axis, lines: [line, null as never] })).toThrow(
      /lines\[1\] must be an object/,
    );
    expect(() => simulateSpectrum({ axis, lines: [{ ...line, shape: 'voigt' as never }] })).toThrow(
      /lines\[0\]\.shape must be 'lorentzian', 'gaussian' or 'pseudo-voigt'; received "voigt"/,
    );
    expect(() => simulateSpectrum({ axis, lines: [{ ...line, fwhm: 0 }] })).toThrow(
      /lines\[0\]\.fwhm must be a finite number > 0 \(ppm\); received 0/,
    );
    expect(() => simulateSpectrum({ axis, lines: [{ ...line, shift: Number.NaN }] })).toThrow(
      /lines\[0\]\.shift/,
    );
    expect(() =>
      simulateSpectrum({ axis, lines: [{ ...line, area: Number.POSITIVE_INFINITY }] }),
    ).toThrow(/lines\[0\]\.area/);
    expect(() => simulateSpectrum({ axis, lines: [{ ...line, shape: 'pseudo-voigt' }] })).toThrow(
      /lines\[0\]\.eta must be a finite number ≥ 0 and ≤ 1; received undefined/,
    );
    expect(() => simulateSpectrum({ axis, lines: [line], sidebands })).toThrow(
      /referenceFrequency \(MHz\) is required with sidebands/,
    );
    expect(() =>
      simulateSpectrum({ axis, lines: [line], sidebands, referenceFrequency: 0 }),
    ).toThrow(/referenceFrequency must be a finite number > 0 \(MHz\); received 0/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { ...sidebands, spinningRate: -5 },
        referenceFrequency: LI7,
      }),
    ).toThrow(/sidebands.spinningRate must be a finite number > 0 \(Hz\); received -5/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { ...sidebands, orders: -1 },
        referenceFrequency: LI7,
      }),
    ).toThrow(/sidebands.orders must be an integer ≥ 0/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { ...sidebands, intensities: [1, 1] },
        referenceFrequency: LI7,
      }),
    ).toThrow(
      /sidebands.intensities must have the same length as 2·orders \+ 1 \(3\); received length 2/,
    );
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { ...sidebands, intensities: [1, -1, 1] },
        referenceFrequency: LI7,
      }),
    ).toThrow(/sidebands.intensities\[1\] must be a finite number ≥ 0; received -1/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { ...sidebands, intensities: [0, 0, 0] },
        referenceFrequency: LI7,
      }),
    ).toThrow(/finite, positive sum/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { spinningRate: 60_000, orders: 1 },
        referenceFrequency: LI7,
      }),
    ).toThrow(/received neither/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { ...sidebands, anisotropy: 100 },
        referenceFrequency: LI7,
      }),
    ).toThrow(/either intensities or anisotropy/);
    expect(() =>
      simulateSpectrum({
        axis,
        lines: [line],
        sidebands: { spinningRate: 60_000, orders: 1, anisotropy: 100, asymmetry: 2 },
        referenceFrequency: LI7,
      }),
    ).toThrow(/asymmetry must be a finite number ≥ 0 and ≤ 1; received 2/);
    expect(() => simulateSpectrum({ axis, lines: [line], sidebands: 5 as never })).toThrow(
      /sidebands must be an object/,
    );
    expect(() => simulateSpectrum({ axis, lines: [line], out: new Float64Array(2) })).toThrow(
      /out must have the same length as axis \(3\); received length 2/,
    );
    expect(() => simulateSpectrum({ axis, lines: [line], out: [0, 0, 0] as never })).toThrow(
      /out must be a Float64Array/,
    );
  });
});
