import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexagonalDSpacing, type MillerIndices } from '../src/hexagonal-d-spacing.js';
import {
  cellVolume,
  cubicLattice,
  dSpacing,
  dSpacings,
  hexagonalLattice,
  type Lattice,
  type LatticeParameters,
  lattice,
  type SymmetricTensor3,
} from '../src/lattice.js';
import reference from './fixtures/lattice-geometry.json' with { type: 'json' };

const relativeError = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

/** Full 3 × 3 matrix of a Voigt-ordered symmetric tensor. */
function fullMatrix(t: SymmetricTensor3): number[][] {
  const [xx, yy, zz, yz, xz, xy] = t;
  return [
    [xx, xy, xz],
    [xy, yy, yz],
    [xz, yz, zz],
  ];
}

/** Random real cells: lengths 2–20 Å, angles drawn until the metric determinant is clearly > 0. */
const cellArbitrary = fc
  .record({
    a: fc.double({ min: 2, max: 20, noNaN: true }),
    b: fc.double({ min: 2, max: 20, noNaN: true }),
    c: fc.double({ min: 2, max: 20, noNaN: true }),
    alpha: fc.double({ min: 50, max: 130, noNaN: true }),
    beta: fc.double({ min: 50, max: 130, noNaN: true }),
    gamma: fc.double({ min: 50, max: 130, noNaN: true }),
  })
  .filter(({ alpha, beta, gamma }) => {
    const [ca, cb, cg] = [alpha, beta, gamma].map((x) => Math.cos((x * Math.PI) / 180)) as [
      number,
      number,
      number,
    ];
    return 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg > 0.05;
  });

const index = fc.integer({ min: -6, max: 6 });
const hklArbitrary = fc
  .tuple(index, index, index)
  .filter(([h, k, l]) => h !== 0 || k !== 0 || l !== 0);

describe('lattice: pymatgen and xrayutilities references (fixtures/lattice-geometry.py)', () => {
  const cells = Object.entries(reference.cells);

  it('has the cells it needs', () => {
    expect(cells.map(([name]) => name)).toEqual([
      'NMC622',
      'NMC811',
      'LNO',
      'monoclinic',
      'triclinic',
      'flatTriclinic',
    ]);
  });

  it('matches the volumes of pymatgen, xrayutilities and a 50-digit evaluation', () => {
    for (const [, cell] of cells) {
      const { volume } = lattice(cell.parameters);
      // The 50-digit mpmath value is the truth; pymatgen (det of the 3×3 matrix) is off by up to
      // 1.4e-14 on the flat cell, xrayutilities by 6e-15; ours stays at rounding level.
      expect(relativeError(volume, cell.volume50Digits)).toBeLessThan(4e-16);
      expect(relativeError(volume, cell.volume)).toBeLessThan(2e-14);
      expect(relativeError(volume, cell.volumeXrayutilities)).toBeLessThan(1e-14);
    }
  });

  it('matches pymatgen metric and reciprocal metric tensors', () => {
    for (const [, cell] of cells) {
      const computed = lattice(cell.parameters);
      const G = fullMatrix(computed.metric);
      const Gstar = fullMatrix(computed.reciprocalMetric);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const scale = Math.sqrt(
            (cell.metric[i]?.[i] as number) * (cell.metric[j]?.[j] as number),
          );
          expect(Math.abs((G[i]?.[j] as number) - (cell.metric[i]?.[j] as number))).toBeLessThan(
            1e-14 * scale,
          );
          const starScale = Math.sqrt(
            (cell.reciprocalMetric[i]?.[i] as number) * (cell.reciprocalMetric[j]?.[j] as number),
          );
          expect(
            Math.abs((Gstar[i]?.[j] as number) - (cell.reciprocalMetric[i]?.[j] as number)),
          ).toBeLessThan(2e-13 * starScale);
        }
      }
    }
  });

  it('matches pymatgen Lattice.d_hkl and xrayutilities planeDistance', () => {
    let count = 0;
    for (const [, cell] of cells) {
      const computed = lattice(cell.parameters);
      const batch = dSpacings(
        computed,
        cell.reflections.map((r) => r.hkl as unknown as MillerIndices),
      );
      cell.reflections.forEach((r, i) => {
        const d = dSpacing(computed, r.hkl as unknown as MillerIndices);
        expect(relativeError(d, r.d)).toBeLessThan(2e-14);
        expect(relativeError(d, r.dXrayutilities)).toBeLessThan(2e-14);
        expect(batch[i]).toBe(d);
        count++;
      });
    }
    expect(count).toBeGreaterThan(80);
  });
});

describe('lattice: closed forms', () => {
  it('cubic: V = a³ and d = a/√(h² + k² + l²)', () => {
    const a = 5.431144; // silicon-like cubic cell
    const si = cubicLattice(a);
    expect(si.volume).toBe(a * a * a);
    expect(si.system).toBe('cubic');
    for (const hkl of [
      [1, 1, 1],
      [2, 2, 0],
      [3, 1, 1],
      [4, 0, 0],
      [5, 3, 1],
    ] as MillerIndices[]) {
      const [h, k, l] = hkl;
      expect(dSpacing(si, hkl)).toBeCloseTo(a / Math.sqrt(h * h + k * k + l * l), 14);
    }
    // The metric is diagonal with exact zeros (cos 90° is taken as exactly 0).
    expect(si.metric).toEqual([a * a, a * a, a * a, 0, 0, 0]);
  });

  it('orthorhombic: 1/d² = h²/a² + k²/b² + l²/c² and V = abc', () => {
    const cell = lattice({ a: 4.1, b: 5.3, c: 7.9, alpha: 90, beta: 90, gamma: 90 });
    expect(cell.volume).toBeCloseTo(4.1 * 5.3 * 7.9, 12);
    const d = dSpacing(cell, [1, 2, 3]);
    expect(1 / (d * d)).toBeCloseTo(1 / 4.1 ** 2 + 4 / 5.3 ** 2 + 9 / 7.9 ** 2, 14);
  });

  it('monoclinic: V = abc sin β and 1/d² = (h²/a² + k² sin²β/b² + l²/c² − 2hl cos β/(ac))/sin²β', () => {
    const [a, b, c, beta] = [5.2, 9.0, 5.4, 104.5];
    const cell = lattice({ a, b, c, alpha: 90, beta, gamma: 90 });
    const s = Math.sin((beta * Math.PI) / 180);
    const cb = Math.cos((beta * Math.PI) / 180);
    expect(relativeError(cell.volume, a * b * c * s)).toBeLessThan(1e-15);
    expect(cellVolume(cell)).toBe(cell.volume);
    for (const [h, k, l] of [
      [1, 0, 1],
      [-1, 0, 1],
      [2, 1, -3],
    ] as const) {
      const inverseSquare =
        (h * h) / (a * a * s * s) +
        (k * k) / (b * b) +
        (l * l) / (c * c * s * s) -
        (2 * h * l * cb) / (a * c * s * s);
      expect(relativeError(dSpacing(cell, [h, k, l]), 1 / Math.sqrt(inverseSquare))).toBeLessThan(
        1e-14,
      );
    }
  });

  it('hexagonal: V = a²c·√3/2, d₀₀₃ = c/3, d₁₁₀ = a/2', () => {
    const nmc811 = hexagonalLattice(2.8727, 14.2127);
    expect(relativeError(nmc811.volume, (2.8727 ** 2 * 14.2127 * Math.sqrt(3)) / 2)).toBeLessThan(
      1e-15,
    );
    expect(dSpacing(nmc811, [0, 0, 3])).toBeCloseTo(14.2127 / 3, 14);
    expect(dSpacing(nmc811, [1, 1, 0])).toBeCloseTo(2.8727 / 2, 14);
    expect(nmc811.system).toBe('hexagonal');
  });

  it('rhombohedral: V = a³√(1 − 3cos²α + 2cos³α)', () => {
    const [a, alpha] = [5.0, 55.3];
    const cell = lattice({ a, b: a, c: a, alpha, beta: alpha, gamma: alpha });
    const ca = Math.cos((alpha * Math.PI) / 180);
    expect(
      relativeError(cell.volume, a ** 3 * Math.sqrt(1 - 3 * ca * ca + 2 * ca ** 3)),
    ).toBeLessThan(1e-14);
    expect(cell.system).toBe('rhombohedral');
  });
});

describe('lattice: crystal-system inference', () => {
  const cell = (a: number, b: number, c: number, alpha: number, beta: number, gamma: number) =>
    lattice({ a, b, c, alpha, beta, gamma }).system;

  it('recognises the seven systems in their standard settings', () => {
    expect(cell(4, 4, 4, 90, 90, 90)).toBe('cubic');
    expect(cell(4, 4, 6, 90, 90, 90)).toBe('tetragonal');
    expect(cell(4, 5, 6, 90, 90, 90)).toBe('orthorhombic');
    expect(cell(3, 3, 14, 90, 90, 120)).toBe('hexagonal');
    expect(cell(5, 5, 5, 70, 70, 70)).toBe('rhombohedral');
    expect(cell(5, 9, 5.4, 90, 104.5, 90)).toBe('monoclinic');
    expect(cell(5.1, 6.3, 7.7, 82.5, 103.1, 95.7)).toBe('triclinic');
  });

  it('recognises non-standard settings of tetragonal, hexagonal and monoclinic cells', () => {
    expect(cell(4, 6, 4, 90, 90, 90)).toBe('tetragonal');
    expect(cell(6, 4, 4, 90, 90, 90)).toBe('tetragonal');
    expect(cell(14, 3, 3, 120, 90, 90)).toBe('hexagonal');
    expect(cell(3, 14, 3, 90, 120, 90)).toBe('hexagonal');
    expect(cell(5, 9, 5.4, 90, 90, 104.5)).toBe('monoclinic');
    expect(cell(5, 9, 5.4, 104.5, 90, 90)).toBe('monoclinic');
    // 120° between unequal axes, or between an equal pair that is not the 120° pair: monoclinic.
    expect(cell(3, 3.5, 14, 90, 90, 120)).toBe('monoclinic');
    expect(cell(3, 3, 14, 120, 90, 90)).toBe('monoclinic');
    // Rhombohedral-like but unequal angles or lengths: triclinic.
    expect(cell(5, 5, 5, 70, 70, 71)).toBe('triclinic');
    expect(cell(5, 5, 5.1, 70, 70, 70)).toBe('triclinic');
  });

  it('applies the documented tolerances (1e-6 relative on lengths, 1e-6° on angles)', () => {
    expect(cell(4, 4 * (1 + 5e-7), 4, 90, 90, 90 + 5e-7)).toBe('cubic');
    expect(cell(4, 4 * (1 + 5e-6), 4, 90, 90, 90)).toBe('tetragonal');
    expect(cell(4, 5, 6, 90, 90, 90 + 5e-6)).toBe('monoclinic');
    const loose = { lengthTolerance: 1e-3, angleTolerance: 0.01 };
    expect(
      lattice({ a: 4, b: 4.002, c: 4.001, alpha: 90, beta: 90.005, gamma: 90 }, loose).system,
    ).toBe('cubic');
    expect(lattice({ a: 4, b: 4.002, c: 4.001, alpha: 90, beta: 90.005, gamma: 90 }).system).toBe(
      'monoclinic',
    );
  });
});

describe('lattice: laws', () => {
  it('returns a frozen plain object whose metric tensors are each other’s inverse', () => {
    fc.assert(
      fc.property(cellArbitrary, (parameters) => {
        const cell = lattice(parameters);
        expect(Object.isFrozen(cell)).toBe(true);
        expect(Object.isFrozen(cell.metric)).toBe(true);
        expect(Object.isFrozen(cell.reciprocalMetric)).toBe(true);
        const G = fullMatrix(cell.metric);
        const Gstar = fullMatrix(cell.reciprocalMetric);
        let worst = 0;
        for (let i = 0; i < 3; i++) {
          for (let j = 0; j < 3; j++) {
            let sum = 0;
            for (let m = 0; m < 3; m++) sum += (G[i]?.[m] as number) * (Gstar[m]?.[j] as number);
            worst = Math.max(worst, Math.abs(sum - (i === j ? 1 : 0)));
          }
        }
        expect(worst).toBeLessThan(1e-12);
        // det G = V² (the metric determinant identity).
        const [g0, g1, g2] = G as [number[], number[], number[]];
        const det =
          (g0[0] as number) *
            ((g1[1] as number) * (g2[2] as number) - (g1[2] as number) * (g2[1] as number)) -
          (g0[1] as number) *
            ((g1[0] as number) * (g2[2] as number) - (g1[2] as number) * (g2[0] as number)) +
          (g0[2] as number) *
            ((g1[0] as number) * (g2[1] as number) - (g1[1] as number) * (g2[0] as number));
        expect(relativeError(det, cell.volume ** 2)).toBeLessThan(1e-11);
      }),
      { numRuns: 200 },
    );
  });

  it('scales d linearly with the lattice and V with its cube; Friedel pairs and orders', () => {
    fc.assert(
      fc.property(
        cellArbitrary,
        hklArbitrary,
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.integer({ min: 2, max: 4 }),
        (p, hkl, s, n) => {
          const cell = lattice(p);
          const scaled = lattice({ ...p, a: s * p.a, b: s * p.b, c: s * p.c });
          const d = dSpacing(cell, hkl);
          expect(relativeError(dSpacing(scaled, hkl), s * d)).toBeLessThan(1e-13);
          expect(relativeError(scaled.volume, s ** 3 * cell.volume)).toBeLessThan(1e-13);
          const [h, k, l] = hkl;
          expect(dSpacing(cell, [-h, -k, -l])).toBe(d);
          expect(relativeError(dSpacing(cell, [n * h, n * k, n * l]), d / n)).toBeLessThan(1e-14);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals hexagonalDSpacing on hexagonal cells (to a few ulp)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        hklArbitrary,
        (a, c, hkl) => {
          expect(
            relativeError(dSpacing(hexagonalLattice(a, c), hkl), hexagonalDSpacing(a, c, hkl)),
          ).toBeLessThan(1e-15);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same spacings on rhombohedral and hexagonal axes (R lattice, obverse setting)', () => {
    // A rhombohedral cell (a_R, α) has the hexagonal setting a_H = 2a_R sin(α/2),
    // c_H = a_R√(3(1 + 2cos α)), V_H = 3V_R; obverse indices map as
    // h_R = (2h + k + l)/3, k_R = (−h + k + l)/3, l_R = (−h − 2k + l)/3 for −h + k + l = 3n.
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 10, noNaN: true }),
        fc.double({ min: 20, max: 115, noNaN: true }),
        (aR, alpha) => {
          const rad = (alpha * Math.PI) / 180;
          const rhombohedral = lattice({ a: aR, b: aR, c: aR, alpha, beta: alpha, gamma: alpha });
          const hexagonal = hexagonalLattice(
            2 * aR * Math.sin(rad / 2),
            aR * Math.sqrt(3 * (1 + 2 * Math.cos(rad))),
          );
          expect(relativeError(hexagonal.volume, 3 * rhombohedral.volume)).toBeLessThan(1e-12);
          expect(rhombohedral.system).toBe('rhombohedral');
        },
      ),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 10, noNaN: true }),
        fc.double({ min: 20, max: 115, noNaN: true }),
        hklArbitrary.filter(([h, k, l]) => (((-h + k + l) % 3) + 3) % 3 === 0),
        (aR, alpha, [h, k, l]) => {
          const rad = (alpha * Math.PI) / 180;
          const rhombohedral = lattice({ a: aR, b: aR, c: aR, alpha, beta: alpha, gamma: alpha });
          const hexagonal = hexagonalLattice(
            2 * aR * Math.sin(rad / 2),
            aR * Math.sqrt(3 * (1 + 2 * Math.cos(rad))),
          );
          const rIndices: MillerIndices = [
            (2 * h + k + l) / 3,
            (-h + k + l) / 3,
            (-h - 2 * k + l) / 3,
          ];
          expect(
            relativeError(dSpacing(rhombohedral, rIndices), dSpacing(hexagonal, [h, k, l])),
          ).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('computes flat cells (metric determinant ≪ 1) to full relative accuracy', () => {
    // α = β = 60°, γ = 120° − δ: D = 4 sin σ sin(σ−α) sin(σ−β) sin(σ−γ) with σ = 120° − δ/2,
    // so D = 4 sin(120° − δ/2)·sin²(60° − δ/2)·sin(δ/2) exactly.
    for (const delta of [1, 1e-3, 1e-6, 1e-9]) {
      const gamma = 120 - delta;
      const half = (((120 - gamma) / 2) * Math.PI) / 180; // 120 − γ is exact (Sterbenz)
      const cell = lattice({ a: 4, b: 5, c: 6, alpha: 60, beta: 60, gamma });
      const s60 = Math.sin(Math.PI / 3 - half);
      const D = 4 * Math.sin((2 * Math.PI) / 3 - half) * s60 * s60 * Math.sin(half);
      // The cosine form would lose ~1e-16/D of relative accuracy here (1e-5 at δ = 1e-9).
      expect(relativeError(cell.volume, 120 * Math.sqrt(D))).toBeLessThan(1e-14);
    }
  });

  it('dSpacings accepts nested triples, flat arrays and integer typed arrays and reuses out', () => {
    const cell = lattice({ a: 5.1, b: 6.3, c: 7.7, alpha: 82.5, beta: 103.1, gamma: 95.7 });
    const triples: MillerIndices[] = [
      [1, 0, 0],
      [1, -2, 3],
      [0, 0, 7],
    ];
    const expected = triples.map((hkl) => dSpacing(cell, hkl));
    expect(Array.from(dSpacings(cell, triples))).toEqual(expected);
    expect(Array.from(dSpacings(cell, triples.flat()))).toEqual(expected);
    expect(Array.from(dSpacings(cell, Int32Array.from(triples.flat())))).toEqual(expected);
    expect(Array.from(dSpacings(cell, Float64Array.from(triples.flat())))).toEqual(expected);
    expect(Array.from(dSpacings(cell, Int8Array.from(triples.flat())))).toEqual(expected);
    const out = new Float64Array(3);
    expect(dSpacings(cell, triples, out)).toBe(out);
    expect(Array.from(out)).toEqual(expected);
    expect(dSpacings(cell, [])).toEqual(new Float64Array(0));
    // Plain parameters work wherever a lattice does.
    const parameters: LatticeParameters = { a: 4, b: 4, c: 4, alpha: 90, beta: 90, gamma: 90 };
    expect(dSpacing(parameters, [1, 1, 1])).toBeCloseTo(4 / Math.sqrt(3), 14);
    expect(cellVolume(parameters)).toBe(64);
  });
});

describe('lattice: bad input', () => {
  const good = { a: 4, b: 5, c: 6, alpha: 90, beta: 90, gamma: 90 };

  it('lattice rejects non-objects, bad lengths, bad angles and impossible angle triples', () => {
    expect(() => lattice(null as unknown as LatticeParameters)).toThrow(TypeError);
    expect(() => lattice(5 as unknown as LatticeParameters)).toThrow(
      /parameters must be an object \{ a, b, c, alpha, beta, gamma \}.*received 5/,
    );
    expect(() => lattice({ ...good, a: -4 })).toThrow(
      new RangeError('a must be a finite number > 0 (Å); received -4'),
    );
    expect(() => lattice({ ...good, b: 0 })).toThrow(/b must be a finite number > 0/);
    expect(() => lattice({ ...good, c: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => lattice({ ...good, c: '6' as unknown as number })).toThrow(TypeError);
    expect(() => lattice({ ...good, alpha: 0 })).toThrow(
      new RangeError('alpha must be a finite number > 0 and < 180 (degrees); received 0'),
    );
    expect(() => lattice({ ...good, beta: 180 })).toThrow(
      /beta must be a finite number > 0 and < 180/,
    );
    expect(() => lattice({ ...good, gamma: Number.NaN })).toThrow(/gamma .* received NaN/);
    // γ = 100° > α + β = 80°: no real cell.
    expect(() => lattice({ ...good, alpha: 40, beta: 40, gamma: 100 })).toThrow(
      /must make a real cell .* received alpha 40, beta 40, gamma 100/,
    );
    // α + β + γ = 370° > 360°.
    expect(() => lattice({ ...good, alpha: 120, beta: 120, gamma: 130 })).toThrow(RangeError);
    // Boundary: α + β = γ exactly makes a flat (zero-volume) cell.
    expect(() => lattice({ ...good, alpha: 50, beta: 60, gamma: 110 })).toThrow(/real cell/);
    expect(() => lattice({ ...good, alpha: 120, beta: 120, gamma: 120 })).toThrow(/real cell/);
    expect(() => lattice(good, { lengthTolerance: -1 })).toThrow(
      /options.lengthTolerance must be a finite number ≥ 0; received -1/,
    );
    expect(() => lattice(good, { angleTolerance: Number.NaN })).toThrow(RangeError);
    expect(() => lattice(good, null as unknown as object)).toThrow(TypeError);
  });

  it('shorthands and cellVolume validate their arguments', () => {
    expect(() => hexagonalLattice(-2.87, 14.2)).toThrow(/a must be a finite number > 0/);
    expect(() => hexagonalLattice(2.87, Number.NaN)).toThrow(/c must be a finite number > 0/);
    expect(() => cubicLattice(0)).toThrow(RangeError);
    expect(() => cellVolume(undefined as unknown as Lattice)).toThrow(
      /lattice must be a Lattice .* received undefined/,
    );
    expect(() => cellVolume({ ...good, a: -1 })).toThrow(RangeError);
  });

  it('dSpacing rejects bad Miller indices', () => {
    const cell = lattice(good);
    expect(() => dSpacing(cell, [0, 0, 0])).toThrow(
      new RangeError('hkl must not be [0, 0, 0] (no lattice plane); received [0, 0, 0]'),
    );
    expect(() => dSpacing(cell, [1, 0.5, 0])).toThrow(
      /hkl\[1\] \(k\) must be an integer; received 0.5/,
    );
    expect(() => dSpacing(cell, [1, 0] as unknown as MillerIndices)).toThrow(TypeError);
    expect(() => dSpacing(cell, 'abc' as unknown as MillerIndices)).toThrow(TypeError);
    expect(() => dSpacing(null as unknown as Lattice, [1, 0, 0])).toThrow(TypeError);
  });

  it('dSpacings rejects bad lists and buffers', () => {
    const cell = lattice(good);
    expect(() => dSpacings(cell, 'x' as unknown as number[])).toThrow(TypeError);
    expect(() => dSpacings(cell, [1, 0])).toThrow(/multiple of 3\); received length 2/);
    expect(() => dSpacings(cell, [1, 0, 0, 0, 0, 0])).toThrow(
      /hkl triple 1 .* must not be \[0, 0, 0\]/,
    );
    expect(() => dSpacings(cell, Float64Array.of(1, 0, 0.5))).toThrow(
      /hkl\[2\] must be an integer .* received 0.5/,
    );
    expect(() => dSpacings(cell, [1, 0, Number.NaN])).toThrow(RangeError);
    expect(() => dSpacings(cell, [1, '0', 0] as unknown as number[])).toThrow(TypeError);
    expect(() =>
      dSpacings(cell, [
        [1, 0, 0],
        [1, 0.5, 0],
      ]),
    ).toThrow(/hkl\[1\]\[1\] \(k\) must be an integer/);
    expect(() =>
      dSpacings(cell, [
        [1, 0, 0],
        [1, 0],
      ] as unknown as MillerIndices[]),
    ).toThrow(TypeError);
    expect(() => dSpacings(cell, Int32Array.of(1, 0, 0), new Float64Array(2))).toThrow(
      /out must have the same length as hkl \(one element per triple\) \(1\); received length 2/,
    );
    expect(() => dSpacings(cell, Int32Array.of(1, 0, 0), [0] as unknown as Float64Array)).toThrow(
      TypeError,
    );
  });
});
