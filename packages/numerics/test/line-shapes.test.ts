import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addGaussianRange,
  addLineShape,
  addLineShapeDerivatives,
  addLorentzianRange,
  gaussian,
  type LineShape,
  type LineShapeTargets,
  lorentzian,
  pseudoVoigt,
} from '../src/line-shapes.js';
import { trapezoid } from '../src/trapezoid.js';
import data from './fixtures/line-shapes.json' with { type: 'json' };

/** |a − b| ≤ rel·|b| + abs. */
function close(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= rel * Math.abs(b) + abs;
}

function grid(from: number, to: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
}

/** The profile P(x) of a line by the scalar functions (no window anywhere). */
function profile(line: LineShape, x: number): number {
  const area = (line.area ?? 1) * (line.scale ?? 1);
  if (line.shape === 'lorentzian') return area * lorentzian(x, line.center, line.fwhm);
  if (line.shape === 'gaussian') return area * gaussian(x, line.center, line.fwhm);
  return area * pseudoVoigt(x, line.center, line.fwhm, line.eta as number);
}

const shapes = ['lorentzian', 'gaussian', 'pseudo-voigt'] as const;
const lineArbitrary = fc.record({
  shape: fc.constantFrom(...shapes),
  center: fc.double({ min: -5, max: 5, noNaN: true }),
  fwhm: fc.double({ min: 0.2, max: 4, noNaN: true }),
  eta: fc.double({ min: 0, max: 1, noNaN: true }),
  // Magnitudes well away from underflow, so that finite differences keep their precision.
  area: fc
    .tuple(fc.double({ min: 0.1, max: 10, noNaN: true }), fc.boolean())
    .map(([size, negative]) => (negative ? -size : size)),
  scale: fc.double({ min: 0.1, max: 3, noNaN: true }),
});

describe('lorentzian, gaussian, pseudoVoigt', () => {
  it('equal lmfit.lineshapes (sigma = fwhm/2 for lorentzian and pvoigt) to 1e-12', () => {
    let violations = 0;
    let compared = 0;
    for (const c of data.cases) {
      c.x.forEach((x, i) => {
        const pairs: [number, number][] = [
          [lorentzian(x, c.center, c.fwhm), c.lorentzian[i] as number],
          [gaussian(x, c.center, c.fwhm), c.gaussian[i] as number],
          [pseudoVoigt(x, c.center, c.fwhm, c.eta), c.pseudoVoigt[i] as number],
        ];
        for (const [ours, theirs] of pairs) {
          compared++;
          if (!close(ours, theirs, 1e-12, 1e-300)) violations++;
        }
      });
    }
    expect(compared).toBe(data.cases.length * 13 * 3);
    expect(violations).toBe(0);
  });

  it('have the closed-form peak heights and half maxima at ± fwhm/2', () => {
    const fwhm = 0.37;
    // Lorentzian peak (1/π)/γ with γ = fwhm/2, i.e. 2/(π·fwhm).
    expect(close(lorentzian(3, 3, fwhm), 2 / (Math.PI * fwhm), 2e-16)).toBe(true);
    // Gaussian peak 1/(σ√(2π)) with σ = fwhm/(2√(2 ln 2)), i.e. 2√(ln 2/π)/fwhm.
    expect(close(gaussian(3, 3, fwhm), (2 * Math.sqrt(Math.LN2 / Math.PI)) / fwhm, 4e-16)).toBe(
      true,
    );
    // pV peak: η·2/(π·fwhm) + (1 − η)·2√(ln 2/π)/fwhm.
    const pvPeak = (0.3 * 2) / (Math.PI * fwhm) + (0.7 * 2 * Math.sqrt(Math.LN2 / Math.PI)) / fwhm;
    expect(close(pseudoVoigt(3, 3, fwhm, 0.3), pvPeak, 4e-16)).toBe(true);
    for (const side of [-1, 1]) {
      const x = 3 + (side * fwhm) / 2;
      expect(close(lorentzian(x, 3, fwhm), lorentzian(3, 3, fwhm) / 2, 1e-15)).toBe(true);
      expect(close(gaussian(x, 3, fwhm), gaussian(3, 3, fwhm) / 2, 1e-15)).toBe(true);
      expect(close(pseudoVoigt(x, 3, fwhm, 0.6), pseudoVoigt(3, 3, fwhm, 0.6) / 2, 1e-15)).toBe(
        true,
      );
    }
  });

  it('reject bad input, naming the argument', () => {
    expect(() => lorentzian(Number.NaN, 0, 1)).toThrow(/x must be a finite number; received NaN/);
    expect(() => lorentzian(0, Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
    expect(() => lorentzian(0, 0, 0)).toThrow(/fwhm must be a finite number > 0; received 0/);
    expect(() => gaussian(0, 0, -1)).toThrow(/fwhm must be a finite number > 0; received -1/);
    expect(() => gaussian(0, 0, 1e-320)).toThrow(/reciprocal is finite/);
    expect(() => gaussian('1' as unknown as number, 0, 1)).toThrow(TypeError);
    expect(() => pseudoVoigt(0, 0, 1, 1.5)).toThrow(/eta must be a finite number ≥ 0 and ≤ 1/);
    expect(() => pseudoVoigt(0, 0, 1, -0.1)).toThrow(RangeError);
  });
});

describe('addLineShape', () => {
  it('integrates to area·scale (trapezoid on a wide fine grid vs the closed forms)', () => {
    // On [c − A, c + A]: ∫L = (2/π)·arctan(2A/fwhm), ∫G = erf(A/(σ√2)) = 1 to double precision
    // for A = 200 fwhm. The trapezoid rule adds the Euler–Maclaurin end term
    // (h²/12)·(f′(b) − f′(a)), with f′ = −2u·L/(u² + γ²) for the Lorentzian part (−8e-12 here);
    // the next term, O(h⁴·f‴), is below 1e-16.
    const fwhm = 0.5;
    const gamma = fwhm / 2;
    const halfSpan = 200 * fwhm;
    const n = 16_001;
    const h = (2 * halfSpan) / (n - 1);
    const axis = grid(7 - halfSpan, 7 + halfSpan, n);
    const slopeAtEnd = (-2 * halfSpan * (gamma / Math.PI)) / (halfSpan ** 2 + gamma ** 2) ** 2;
    const lorentzInside =
      (2 / Math.PI) * Math.atan((2 * halfSpan) / fwhm) + ((h * h) / 12) * (2 * slopeAtEnd);
    const cases: [LineShape, number][] = [
      [{ shape: 'lorentzian', center: 7, fwhm, area: 2.5 }, 2.5 * lorentzInside],
      [{ shape: 'gaussian', center: 7, fwhm, area: 2.5, scale: 0.4 }, 1],
      [
        { shape: 'pseudo-voigt', center: 7, fwhm, eta: 0.35, area: -3 },
        -3 * (0.35 * lorentzInside + 0.65),
      ],
    ];
    for (const [line, expected] of cases) {
      const out = addLineShape(new Float64Array(axis.length), axis, line);
      expect(close(trapezoid(out, axis), expected, 2e-15), line.shape).toBe(true);
    }
  });

  it('equals the scalar functions everywhere (Lorentzian tails are not windowed)', () => {
    const axis = grid(-3000, 3000, 6001);
    const lines: LineShape[] = [
      { shape: 'lorentzian', center: 12.3, fwhm: 0.8, area: 2 },
      { shape: 'pseudo-voigt', center: -40, fwhm: 3, eta: 0.2, area: 1.5, scale: 0.5 },
      { shape: 'gaussian', center: 100, fwhm: 5, area: 4 },
    ];
    const out = addLineShape(new Float64Array(axis.length), axis, lines);
    let violations = 0;
    for (let i = 0; i < axis.length; i++) {
      const x = axis[i] as number;
      const expected = lines.reduce((s, line) => s + profile(line, x), 0);
      // The Gaussian window drops values below 2.6e-18 of a peak (here ≤ 4·0.94/5 ≈ 0.75).
      if (!close(out[i] as number, expected, 1e-14, 2e-18)) violations++;
    }
    expect(violations).toBe(0);
    // 3000 ppm from a 0.8 ppm-wide Lorentzian (3750 FWHM) its tail is still all there:
    // 2·(γ/π)/(u² + γ²) with γ = 0.4, u = 2987.7.
    const alone = addLineShape(new Float64Array(axis.length), axis, lines[0] as LineShape);
    expect(close(alone[6000] as number, (2 * (0.4 / Math.PI)) / (2987.7 ** 2 + 0.16), 1e-12)).toBe(
      true,
    );
  });

  it('does not depend on the axis order (increasing, decreasing, shuffled)', () => {
    fc.assert(
      fc.property(
        fc.array(lineArbitrary, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (lines, seed) => {
          const up = grid(-12, 12, 241);
          const down = up.slice().reverse();
          const shuffled = up.slice();
          let state = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            const j = state % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
          }
          const a = addLineShape(new Float64Array(241), up, lines);
          const b = addLineShape(new Float64Array(241), down, lines);
          const c = addLineShape(new Float64Array(241), shuffled, lines);
          let violations = 0;
          for (let i = 0; i < 241; i++) {
            const x = shuffled[i] as number;
            const k = Math.round((x + 12) * 10);
            if (!close(b[240 - i] as number, a[i] as number, 0, 1e-15)) violations++;
            if (!close(c[i] as number, a[k] as number, 0, 1e-15)) violations++;
          }
          expect(violations).toBe(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is linear: lines added one by one equal lines added together', () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 2, maxLength: 5 }), (lines) => {
        const axis = grid(-20, 20, 401);
        const together = addLineShape(new Float64Array(401), axis, lines);
        const oneByOne = new Float64Array(401);
        for (const line of lines) addLineShape(oneByOne, axis, line);
        const peak = Math.max(...Array.from(together, Math.abs), 1e-300);
        let violations = 0;
        for (let i = 0; i < 401; i++) {
          if (!close(oneByOne[i] as number, together[i] as number, 0, 1e-14 * peak)) violations++;
        }
        expect(violations).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('adds into out without clearing it, and returns it', () => {
    const axis = [0, 1, 2];
    const out = new Float64Array([1, 1, 1]);
    expect(addLineShape(out, axis, { shape: 'lorentzian', center: 1, fwhm: 2 })).toBe(out);
    // 1 + L(1; 1, 2) = 1 + 1/π; at the neighbours 1 + 1/(2π).
    expect(close(out[1] as number, 1 + 1 / Math.PI, 1e-15)).toBe(true);
    expect(close(out[0] as number, 1 + 1 / (2 * Math.PI), 1e-15)).toBe(true);
    // Zero area adds nothing; an empty list adds nothing.
    addLineShape(out, axis, { shape: 'gaussian', center: 1, fwhm: 1, area: 0 });
    addLineShape(out, axis, []);
    expect(close(out[1] as number, 1 + 1 / Math.PI, 1e-15)).toBe(true);
  });

  it('rejects bad input, naming the argument', () => {
    const axis = [0, 1, 2];
    const out = new Float64Array(3);
    const ok: LineShape = { shape: 'gaussian', center: 0, fwhm: 1 };
    expect(() => addLineShape([0, 0, 0] as unknown as Float64Array, axis, ok)).toThrow(
      /out must be a Float64Array; received Array\(3\)/,
    );
    expect(() => addLineShape(new Float64Array(2), axis, ok)).toThrow(
      /out must have the same length as axis \(3\)/,
    );
    expect(() => addLineShape(out, [0, Number.NaN, 1], ok)).toThrow(/axis\[1\] must be a finite/);
    expect(() => addLineShape(out, 'abc' as unknown as number[], ok)).toThrow(TypeError);
    expect(() => addLineShape(out, axis, null as unknown as LineShape)).toThrow(
      /lines must be a line object/,
    );
    expect(() => addLineShape(out, axis, [ok, 3 as unknown as LineShape])).toThrow(
      /lines\[1\] must be an object/,
    );
    expect(() =>
      addLineShape(out, axis, { ...ok, shape: 'voigt' as unknown as 'gaussian' }),
    ).toThrow(/line.shape must be 'lorentzian', 'gaussian' or 'pseudo-voigt'; received "voigt"/);
    expect(() => addLineShape(out, axis, [ok, { ...ok, fwhm: 0 }])).toThrow(
      /lines\[1\]\.fwhm must be a finite number > 0; received 0/,
    );
    expect(() => addLineShape(out, axis, { ...ok, center: Number.NaN })).toThrow(
      /line.center must be a finite number/,
    );
    expect(() => addLineShape(out, axis, { ...ok, area: Number.POSITIVE_INFINITY })).toThrow(
      /line.area/,
    );
    expect(() => addLineShape(out, axis, { ...ok, scale: Number.NaN })).toThrow(/line.scale/);
    expect(() => addLineShape(out, axis, { ...ok, shape: 'pseudo-voigt' })).toThrow(
      /line.eta must be a finite number ≥ 0 and ≤ 1; received undefined/,
    );
    expect(() => addLineShape(out, axis, { ...ok, area: 1e300, fwhm: 1e-10 })).toThrow(
      /finite peak height/,
    );
  });
});

describe('addLineShapeDerivatives', () => {
  it('agree with central finite differences of addLineShape', () => {
    const axis = grid(-15, 15, 301);
    const n = axis.length;
    const evaluate = (line: LineShape) => addLineShape(new Float64Array(n), axis, line);
    fc.assert(
      fc.property(lineArbitrary, (line) => {
        const targets = {
          value: new Float64Array(n),
          center: new Float64Array(n),
          fwhm: new Float64Array(n),
          area: new Float64Array(n),
          scale: new Float64Array(n),
          ...(line.shape === 'pseudo-voigt' ? { eta: new Float64Array(n) } : {}),
        };
        addLineShapeDerivatives(axis, line, targets);
        const value = evaluate(line);
        const keys = ['center', 'fwhm', 'area', 'scale', 'eta'] as const;
        let violations = 0;
        for (const key of keys) {
          const analytic = targets[key as keyof typeof targets];
          if (!analytic) continue;
          // Central difference with a step that keeps η inside [0, 1].
          const p0 = line[key];
          const h = key === 'eta' ? 1e-6 : 1e-6 * Math.max(1, Math.abs(p0));
          const lo = key === 'eta' ? Math.max(0, p0 - h) : p0 - h;
          const hi = key === 'eta' ? Math.min(1, p0 + h) : p0 + h;
          const plus = evaluate({ ...line, [key]: hi });
          const minus = evaluate({ ...line, [key]: lo });
          const size = Math.max(...Array.from(analytic, Math.abs), 1e-300);
          for (let i = 0; i < n; i++) {
            const numeric = ((plus[i] as number) - (minus[i] as number)) / (hi - lo);
            if (!close(analytic[i] as number, numeric, 0, 1e-6 * size + 1e-9)) violations++;
          }
        }
        // The value itself, to rounding (the factors are multiplied in another order).
        const peak = Math.max(...Array.from(value, Math.abs));
        for (let i = 0; i < n; i++) {
          if (!close(targets.value[i] as number, value[i] as number, 1e-14, 1e-15 * peak)) {
            violations++;
          }
        }
        expect(violations).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('adds, so shared parameters get summed derivatives (a doublet with one area)', () => {
    // A Kα₁/Kα₂-like doublet: one area parameter a, lines a·P(x; c) + 0.5·a·P(x; c + 1).
    // ∂/∂a = P(x; c) + 0.5·P(x; c + 1), the value at a = 1.
    const axis = grid(-5, 5, 101);
    const lines: LineShape[] = [
      { shape: 'lorentzian', center: 0, fwhm: 1, area: 3 },
      { shape: 'lorentzian', center: 1, fwhm: 1, area: 3, scale: 0.5 },
    ];
    const dArea = new Float64Array(101);
    addLineShapeDerivatives(axis, lines, [{ area: dArea }, { area: dArea }]);
    const unit = addLineShape(
      new Float64Array(101),
      axis,
      lines.map((line) => ({ ...line, area: 1 })),
    );
    let violations = 0;
    for (let i = 0; i < 101; i++)
      if (!close(dArea[i] as number, unit[i] as number, 1e-15)) violations++;
    expect(violations).toBe(0);
  });

  it('stays finite far in the tails and gives ∂/∂center = 0 at the centre', () => {
    const axis = [-1e200, -1e6, 0, 1e6, 1e200];
    const t: LineShapeTargets = {
      center: new Float64Array(5),
      fwhm: new Float64Array(5),
      eta: new Float64Array(5),
    };
    addLineShapeDerivatives(axis, { shape: 'pseudo-voigt', center: 0, fwhm: 1e-3, eta: 0.5 }, t);
    for (const buffer of [t.center, t.fwhm, t.eta]) {
      expect(Array.from(buffer as Float64Array).every(Number.isFinite)).toBe(true);
    }
    expect(t.center?.[2]).toBe(0);
    // At the centre ∂pV/∂fwhm = −pV/fwhm (the peak height scales as 1/fwhm).
    const peak = pseudoVoigt(0, 0, 1e-3, 0.5);
    expect(close(t.fwhm?.[2] as number, -peak / 1e-3, 1e-14)).toBe(true);
  });

  it('rejects bad input, naming the argument', () => {
    const axis = [0, 1, 2];
    const line: LineShape = { shape: 'lorentzian', center: 0, fwhm: 1 };
    const b = new Float64Array(3);
    expect(() => addLineShapeDerivatives(axis, line, { eta: b })).toThrow(
      /targets.eta is only accepted for a 'pseudo-voigt' line/,
    );
    expect(() => addLineShapeDerivatives(axis, line, { center: [0, 0, 0] as never })).toThrow(
      /targets.center must be a Float64Array; received Array\(3\)/,
    );
    expect(() => addLineShapeDerivatives(axis, line, { fwhm: new Float64Array(4) })).toThrow(
      /targets.fwhm must have the same length as axis \(3\); received length 4/,
    );
    expect(() => addLineShapeDerivatives(axis, [line], { value: b })).toThrow(
      /targets must be an array/,
    );
    expect(() => addLineShapeDerivatives(axis, [line, line], [{ value: b }])).toThrow(
      /targets must have the same length as lines \(2\); received length 1/,
    );
    expect(() => addLineShapeDerivatives(axis, [line], [null as never])).toThrow(
      /targets\[0\] must be an object/,
    );
    expect(() => addLineShapeDerivatives(axis, { ...line, fwhm: -1 }, {})).toThrow(
      /line.fwhm must be a finite number > 0; received -1/,
    );
    expect(() => addLineShapeDerivatives([Number.POSITIVE_INFINITY], line, {})).toThrow(
      /axis\[0\] must be a finite number/,
    );
  });
});

describe('addLorentzianRange / addGaussianRange (unchecked range kernels)', () => {
  it('add exactly the area-normalised profiles, only inside [from, to)', () => {
    const axis = Float64Array.from({ length: 201 }, (_, i) => i / 20 - 5);
    const out = new Float64Array(201);
    addLorentzianRange(out, axis, 50, 151, 0.3, 0.8, 2);
    addGaussianRange(out, axis, 50, 151, -0.2, 0.5, 3);
    let outside = 0;
    let worst = 0;
    for (let i = 0; i < axis.length; i++) {
      const x = axis[i] as number;
      if (i < 50 || i >= 151) outside += Math.abs(out[i] as number);
      else {
        const expected = 2 * lorentzian(x, 0.3, 0.8) + 3 * gaussian(x, -0.2, 0.5);
        worst = Math.max(worst, Math.abs((out[i] as number) - expected));
      }
    }
    expect(outside).toBe(0);
    expect(worst).toBeLessThan(1e-14);
  });
});
