import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arealFractions,
  createImage,
  differenceMap,
  edgeEnergy,
  whiteLineEnergy,
} from '../src/index.js';
import fixture from './fixtures/xanes-maps.json';

const [nE, height, width] = fixture.shape as [number, number, number];
const stack = createImage(Float64Array.from(fixture.stack), [nE, height, width], {
  spacing: [1, 30, 30],
});
const energies = fixture.energies;

function expectMap(actual: Float64Array, expected: (number | null)[], tolerance: number) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, i) => {
    if (value === null) expect(Number.isNaN(actual[i]!), `pixel ${i}`).toBe(true);
    else expect(Math.abs(actual[i]! - value), `pixel ${i}`).toBeLessThanOrEqual(tolerance);
  });
}

describe('whiteLineEnergy', () => {
  it('matches numpy.polyfit + np.roots of the derivative on synthetic Ni K-edge spectra (xanes-maps.py)', () => {
    for (const c of fixture.polynomial) {
      const map = whiteLineEnergy(stack, energies, {
        window: c.window,
        order: c.order,
        ...(c.upsample === null ? {} : { upsample: c.upsample }),
      });
      expect(map.shape).toEqual([height, width]);
      expect(map.spacing).toEqual([30, 30]);
      // Normal equations in a scaled variable vs numpy's SVD least squares: agree to ~1e-9 eV;
      // the 20× grid search returns a grid energy, identical in both.
      expectMap(map.data, c.energies, 1e-7);
    }
  });

  it("returns the discrete maximum with method 'maximum' (numpy.argmax)", () => {
    expectMap(whiteLineEnergy(stack, energies, { method: 'maximum' }).data, fixture.maximum, 0);
  });

  it('finds the vertex of an exact parabola and the maximum of a cubic (closed forms)', () => {
    const e = Array.from({ length: 41 }, (_, i) => 8340 + 0.5 * i);
    // Parabola with vertex at 8350.3: every order ≥ 2 reproduces it exactly.
    const parabola = Float64Array.from(e, (x) => 3 - 0.02 * (x - 8350.3) ** 2);
    for (const order of [2, 3, 4, 5, 6]) {
      const value = whiteLineEnergy(createImage(parabola, [41, 1, 1]), e, { order, window: 4 })
        .data[0]!;
      expect(Math.abs(value - 8350.3)).toBeLessThan(1e-8);
    }
    // Cubic y = t − t³/3 (t = E − 8350) sampled on t ∈ [−1.5, 2]: y' = 1 − t² vanishes at t = 1,
    // the maximum over the interval (y(1) = 2/3 > y(−1.5) = −0.375 > y(2) = −2/3).
    const ec = Array.from({ length: 15 }, (_, i) => 8348.5 + 0.25 * i);
    const cubic = Float64Array.from(ec, (x) => x - 8350 - (x - 8350) ** 3 / 3);
    const value = whiteLineEnergy(createImage(cubic, [15, 1, 1]), ec, { order: 3, window: 4 })
      .data[0]!;
    expect(Math.abs(value - 8351)).toBeLessThan(1e-9);
    // A 20× grid on 0.5 eV steps resolves 0.025 eV.
    const grid = whiteLineEnergy(createImage(parabola, [41, 1, 1]), e, {
      order: 2,
      window: 4,
      upsample: 20,
    }).data[0]!;
    expect(Math.abs(grid - 8350.3)).toBeLessThanOrEqual(0.0125 + 1e-9);
  });

  it('is equivariant under an energy shift and invariant under an affine map of μ (law)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (shift, scale, offset) => {
          const shifted = energies.map((e) => e + shift);
          const mapped = createImage(
            Float64Array.from(fixture.stack, (v) => scale * v + offset),
            [nE, height, width],
          );
          const a = whiteLineEnergy(stack, energies, { window: 4, order: 3 }).data;
          const b = whiteLineEnergy(mapped, shifted, { window: 4, order: 3 }).data;
          for (let i = 0; i < a.length; i++) {
            if (Number.isNaN(a[i]!) !== Number.isNaN(b[i]!)) return false;
            if (!Number.isNaN(a[i]!) && Math.abs(a[i]! + shift - b[i]!) > 1e-6) return false;
          }
          return true;
        },
      ),
      { numRuns: 30 },
    );
  });

  it('puts NaN outside the mask, accepts a plain mask array, writes into out', () => {
    const mask = new Uint8Array(height * width).fill(1);
    mask[0] = 0;
    const out = new Float64Array(height * width);
    const map = whiteLineEnergy(stack, energies, { mask, out });
    expect(map.data).toBe(out);
    expect(Number.isNaN(out[0]!)).toBe(true);
    expect(Number.isNaN(out[1]!)).toBe(false);
    const imageMask = createImage(mask, [height, width]);
    expect(Array.from(whiteLineEnergy(stack, energies, { mask: imageMask }).data)).toEqual(
      Array.from(out),
    );
  });

  it('rejects bad input naming the argument', () => {
    expect(() => whiteLineEnergy(undefined as never, energies)).toThrow(TypeError);
    expect(() => whiteLineEnergy(createImage(new Float64Array(4), [2, 2]), [1, 2])).toThrow(
      /stack must be 3D/,
    );
    expect(() => whiteLineEnergy(stack, energies.slice(1))).toThrow(
      /energies must have the same length as the first axis of stack/,
    );
    const reversed = [...energies].reverse();
    expect(() => whiteLineEnergy(stack, reversed)).toThrow(/strictly increasing/);
    expect(() => whiteLineEnergy(stack, energies, { window: 0 })).toThrow(
      /window must be a finite number > 0 \(eV\); received 0/,
    );
    expect(() => whiteLineEnergy(stack, energies, { order: 7 })).toThrow(/order/);
    expect(() => whiteLineEnergy(stack, energies, { order: 2.5 })).toThrow(/order/);
    expect(() => whiteLineEnergy(stack, energies, { upsample: 0 })).toThrow(/upsample/);
    expect(() => whiteLineEnergy(stack, energies, { method: 'fit' as never })).toThrow(/method/);
    expect(() => whiteLineEnergy(stack, energies, { mask: new Uint8Array(3) })).toThrow(/mask/);
    expect(() => whiteLineEnergy(stack, energies, { out: new Float64Array(3) })).toThrow(/out/);
    expect(() => whiteLineEnergy(stack, energies, { out: [] as never })).toThrow(TypeError);
    expect(() => whiteLineEnergy(stack, energies, 'x' as never)).toThrow(/options/);
  });
});

describe('edgeEnergy', () => {
  it('matches numpy (np.gradient argmax; half-height by linear interpolation) (xanes-maps.py)', () => {
    expectMap(
      edgeEnergy(stack, energies, { method: 'half-height' }).data,
      fixture.edge['half-height'],
      1e-9,
    );
    expectMap(
      edgeEnergy(stack, energies, { method: 'derivative' }).data,
      fixture.edge.derivative,
      0,
    );
  });

  it('finds the middle of a linear ramp and the steepest point of an arctan edge (closed forms)', () => {
    const e = Array.from({ length: 61 }, (_, i) => 8320 + 0.5 * i);
    const ramp = Float64Array.from(e, (x) => Math.min(1, Math.max(0, (x - 8330) / 10)));
    expect(edgeEnergy(createImage(ramp, [61, 1, 1]), e).data[0]).toBeCloseTo(8335, 10);
    // arctan edge centred on 8334.0 (a grid point): steepest there, and at half height there
    // when the pre/post levels are symmetric about the centre.
    const arctan = Float64Array.from(e, (x) => 0.5 + Math.atan((x - 8334) / 1.2) / Math.PI);
    expect(edgeEnergy(createImage(arctan, [61, 1, 1]), e, { method: 'derivative' }).data[0]).toBe(
      8334,
    );
    const half = edgeEnergy(createImage(arctan, [61, 1, 1]), e, {
      preEdge: [8320, 8322],
      postEdge: [8346, 8348],
    }).data[0]!;
    expect(Math.abs(half - 8334)).toBeLessThan(0.01);
  });

  it('gives NaN without an edge step, outside the mask, and for NaN spectra', () => {
    const e = [1, 2, 3, 4];
    const falling = createImage(Float64Array.from([4, 3, 2, 1, 1, 1, 1, 1]), [4, 1, 2]);
    const map = edgeEnergy(falling, e, { mask: [1, 0] }).data;
    expect(Number.isNaN(map[0]!)).toBe(true); // post-edge below pre-edge
    expect(Number.isNaN(map[1]!)).toBe(true); // masked
    const nan = createImage(Float64Array.from([0, Number.NaN, 1, 1]), [4, 1, 1]);
    expect(Number.isNaN(edgeEnergy(nan, e, { method: 'derivative' }).data[0]!)).toBe(true);
  });

  it('rejects bad input naming the argument', () => {
    expect(() => edgeEnergy(stack, energies, { method: 'max' as never })).toThrow(/method/);
    expect(() => edgeEnergy(stack, energies, { preEdge: [1, 2] })).toThrow(
      /preEdge must contain at least one of the energies/,
    );
    expect(() => edgeEnergy(stack, energies, { postEdge: [8400, 8300] })).toThrow(/from ≤ to/);
    expect(() => edgeEnergy(stack, energies, { postEdge: 8400 as never })).toThrow(TypeError);
    expect(() => edgeEnergy(createImage(new Float64Array(2), [2, 1, 1]), [1, 2])).toThrow(
      /at least 3 energies/,
    );
    expect(() => edgeEnergy(stack, [...energies.slice(0, -1), Number.NaN])).toThrow(/energies/);
  });
});

describe('differenceMap and arealFractions', () => {
  const a = createImage(Float64Array.from([8350.8, 8351.2, 8350.1, Number.NaN, 8350]), [1, 5], {
    spacing: [20, 20],
  });
  const b = createImage(Float64Array.from([8350.2, 8350.2, 8350.4, 8350, 8350.01]), [1, 5]);

  it('subtracts b from a (later − earlier), NaN outside the mask or where a value is NaN', () => {
    const d = differenceMap(a, b, [1, 1, 1, 1, 0]);
    expect(d.spacing).toEqual([20, 20]);
    expect(d.data[0]).toBeCloseTo(0.6, 10);
    expect(d.data[1]).toBeCloseTo(1, 10);
    expect(d.data[2]).toBeCloseTo(-0.3, 10);
    expect(Number.isNaN(d.data[3]!)).toBe(true);
    expect(Number.isNaN(d.data[4]!)).toBe(true);
  });

  it('splits the counted pixels into oxidized, reduced and unchanged fractions', () => {
    const d = differenceMap(a, b);
    const f = arealFractions(d, { threshold: 0.05 });
    // counted: 0.6, 1, −0.3, −0.01 (NaN excluded) → 2 up, 1 down, 1 within ±0.05
    expect(f).toEqual({ oxidized: 0.5, reduced: 0.25, unchanged: 0.25, pixels: 4, area: 1600 });
    const zero = arealFractions(d);
    expect(zero.reduced).toBe(0.5);
    const none = arealFractions(d, { mask: [0, 0, 0, 0, 0] });
    expect(none.pixels).toBe(0);
    expect(Number.isNaN(none.oxidized)).toBe(true);
  });

  it('fractions sum to one and swap when the maps swap (law)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, threshold) => {
          const x = createImage(Float64Array.from(values), [1, values.length]);
          const zero = createImage(new Float64Array(values.length), [1, values.length]);
          const f = arealFractions(differenceMap(x, zero), { threshold });
          const g = arealFractions(differenceMap(zero, x), { threshold });
          return (
            Math.abs(f.oxidized + f.reduced + f.unchanged - 1) < 1e-12 &&
            f.oxidized === g.reduced &&
            f.reduced === g.oxidized
          );
        },
      ),
    );
  });

  it('rejects bad input naming the argument', () => {
    expect(() => differenceMap(a, createImage(new Float64Array(4), [2, 2]))).toThrow(
      /b must have the shape of a \[1, 5\]; received \[2, 2\]/,
    );
    expect(() => differenceMap(null as never, b)).toThrow(TypeError);
    expect(() => differenceMap(a, b, [1, 0])).toThrow(/mask/);
    expect(() => differenceMap(a, b, 'all' as never)).toThrow(TypeError);
    expect(() => arealFractions(a, { threshold: -1 })).toThrow(
      /threshold must be a finite number ≥ 0/,
    );
    expect(() => arealFractions(a, { threshold: Number.NaN })).toThrow(RangeError);
    expect(() => arealFractions({} as never)).toThrow(TypeError);
    expect(() => arealFractions(a, { mask: createImage(new Uint8Array(4), [2, 2]) })).toThrow(
      /mask must have shape \[1, 5\]/,
    );
  });
});
