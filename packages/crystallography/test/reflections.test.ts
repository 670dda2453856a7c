import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cubicLattice, dSpacing, hexagonalLattice, type Lattice, lattice } from '../src/lattice.js';
import { equivalentReflections, multiplicity } from '../src/laue-classes.js';
import { type Reflection, reflections } from '../src/reflections.js';
import { isReflectionAllowed, type SpaceGroupSymbol } from '../src/space-groups.js';
import peers from './fixtures/reflections.json' with { type: 'json' };

const CU_KA1 = 1.54059292; // Å, International Tables (REFERENCES.md)
const MO_KA1 = 0.70931715; // Å, International Tables (xrayutilities' MoKa1)

interface PeerRow {
  hkl: number[];
  d: number;
  twoTheta: number;
  multiplicity: number;
}

/** Compares a list with a peer's list entry by entry; returns the mismatches (empty when equal). */
function compare(ours: Reflection[], peer: PeerRow[]): string[] {
  const problems: string[] = [];
  if (ours.length !== peer.length) problems.push(`length ${ours.length} vs ${peer.length}`);
  for (let i = 0; i < Math.min(ours.length, peer.length); i++) {
    const a = ours[i] as Reflection;
    const b = peer[i] as PeerRow;
    if (
      a.hkl.join() !== b.hkl.join() ||
      Math.abs(a.d - b.d) > 1e-12 * b.d ||
      Math.abs(a.twoTheta - b.twoTheta) > 1e-10 ||
      a.multiplicity !== b.multiplicity
    ) {
      problems.push(`#${i}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  }
  return problems;
}

describe('reflections', () => {
  const nmc811 = hexagonalLattice(peers.nmc811.a, peers.nmc811.c); // Jousseaume 2024, Table 1

  it('lists NMC811 (R-3m) at Cu Kα1 to 90° as xrayutilities does (fixtures/reflections.py)', () => {
    const list = reflections(nmc811, { spaceGroup: 'R-3m', wavelength: CU_KA1, twoThetaMax: 90 });
    expect(list.slice(0, 11).map((r) => r.hkl.join(''))).toEqual([
      '003',
      '101',
      '006',
      '012',
      '104',
      '015',
      '009',
      '107',
      '018',
      '110',
      '113',
    ]);
    // Closed forms: d₀₀₃ = c/3, d₁₁₀ = a/2 (hexagonal metric), 2θ = 2 asin(λ/2d).
    expect(list[0]?.d).toBeCloseTo(peers.nmc811.c / 3, 13);
    expect(list[9]?.d).toBeCloseTo(peers.nmc811.a / 2, 13);
    expect(list[0]?.twoTheta).toBeCloseTo(
      (2 * Math.asin(CU_KA1 / (2 * (peers.nmc811.c / 3))) * 180) / Math.PI,
      12,
    );
    // xrayutilities: allowed hkl, symmetry-based multiplicities, d from its own q transform
    expect(compare(list, peers.nmc811.reflections)).toEqual([]);
  });

  it('agrees with pymatgen XRDCalculator on the NMC811 peak positions, not its multiplicities', () => {
    const list = reflections(nmc811, { spaceGroup: 'R-3m', wavelength: CU_KA1, twoThetaMax: 90 });
    const peaks = peers.nmc811Pymatgen.peaks;
    // pymatgen keeps a peak only where a structure factor is non-zero and merges equal 2θ, so
    // every one of its peaks must be one of ours (none of ours vanishes accidentally here either).
    expect(peaks.length).toBe(list.length);
    let unmatched = 0;
    for (const peak of peaks) {
      const match = list.find((r) => Math.abs(r.d - peak.d) < 1e-10 * peak.d);
      if (!match || Math.abs(match.twoTheta - peak.twoTheta) > 1e-8) unmatched++;
    }
    expect(unmatched).toBe(0);
    // pymatgen labels the 012 peak 10-12 (= 102, absent in R-3m) with a permutation count of 12;
    // the −3m1 orbit of 012 has 6 members. Its 101 also says 12 for the same reason.
    const p012 = peaks[3] as (typeof peaks)[number];
    expect(p012.families[0]).toEqual({ hkil: [1, 0, -1, 2], multiplicity: 12 });
    expect(list[3]).toMatchObject({ hkl: [0, 1, 2], multiplicity: 6 });
  });

  it('indexes a silicon standard (Fd-3m, site 8a) as xrayutilities does', () => {
    const si = cubicLattice(peers.silicon.a); // a = 5.431020511 Å (CODATA 2018)
    const list = reflections(si, {
      spaceGroup: 'Fd-3m',
      sites: ['8a'],
      wavelength: CU_KA1,
      twoThetaMax: 150,
    });
    expect(list.slice(0, 8).map((r) => [r.hkl.join(''), r.multiplicity])).toEqual([
      ['111', 8],
      ['220', 12],
      ['311', 24],
      ['400', 6],
      ['331', 24],
      ['422', 24],
      ['511', 24],
      ['333', 8],
    ]);
    // d = a/√(h² + k² + l²): 111 → a/√3; 511 and 333 share √27 but stay two entries.
    expect(list[0]?.d).toBeCloseTo(peers.silicon.a / Math.sqrt(3), 13);
    expect(list[6]?.d).toBeCloseTo(peers.silicon.a / Math.sqrt(27), 13);
    expect(list[7]?.d).toBeCloseTo(list[6]?.d as number, 13);
    expect(list.some((r) => r.hkl.join() === '2,2,2')).toBe(false);
    expect(compare(list, peers.silicon.reflections)).toEqual([]);
    // Space-group conditions only: 222 and 442 come back.
    const general = reflections(si, { spaceGroup: 'Fd-3m', wavelength: CU_KA1, twoThetaMax: 150 });
    expect(compare(general, peers.fd3mGeneral.reflections)).toEqual([]);
  });

  it('lists LaB6 (Pm-3m, NIST SRM 660c) and an fcc metal (Fm-3m) as xrayutilities does', () => {
    const lab6 = reflections(cubicLattice(peers.lab6.a), {
      spaceGroup: 'Pm-3m',
      wavelength: CU_KA1,
      twoThetaMax: peers.lab6.twoThetaMax,
    });
    expect(lab6.slice(0, 4).map((r) => r.hkl.join(''))).toEqual(['100', '110', '111', '200']);
    // 100: d = a, 2θ = 2 asin(λ/2a)
    expect(lab6[0]?.twoTheta).toBeCloseTo(
      (Math.asin(CU_KA1 / (2 * peers.lab6.a)) * 360) / Math.PI,
      12,
    );
    expect(compare(lab6, peers.lab6.reflections)).toEqual([]);
    const fcc = reflections(cubicLattice(peers.fm3m.a), {
      spaceGroup: 'Fm-3m',
      wavelength: CU_KA1,
      twoThetaMax: peers.fm3m.twoThetaMax,
    });
    expect(compare(fcc, peers.fm3m.reflections)).toEqual([]);
  });

  it('misses no reflection of an oblique triclinic cell (pymatgen get_points_in_sphere)', () => {
    const t = peers.triclinic;
    const list = reflections(t, {
      spaceGroup: 'P1',
      wavelength: CU_KA1,
      twoThetaMax: t.twoThetaMax,
    });
    expect(list.reduce((s, r) => s + r.multiplicity, 0)).toBe(t.points);
    expect(list.map((r) => r.hkl.join()).sort()).toEqual(
      t.reflections.map((r) => r.hkl.join()).sort(),
    );
    let off = 0;
    for (let i = 0; i < list.length; i++) {
      if (Math.abs((list[i] as Reflection).d - (t.reflections[i] as { d: number }).d) > 1e-12)
        off++;
    }
    expect(off).toBe(0);
  });

  it('obeys the laws of a reflection list (random cells, wavelengths and ranges)', () => {
    // Independent brute force: scan 1.5 times the index bound, count every allowed (h, k, l) with
    // d ≥ d_min; the multiplicities must add up to that count, each listed family must be allowed
    // with all its equivalents, and the list must run in increasing 2θ.
    const cases = fc.oneof(
      fc.record({
        group: fc.constant<SpaceGroupSymbol>('R-3m'),
        cell: fc
          .tuple(
            fc.double({ min: 2.5, max: 4, noNaN: true }),
            fc.double({ min: 5, max: 16, noNaN: true }),
          )
          .map(([a, c]) => hexagonalLattice(a, c)),
      }),
      fc.record({
        group: fc.constantFrom<SpaceGroupSymbol>('Fd-3m', 'Fm-3m', 'Pm-3m'),
        cell: fc.double({ min: 3, max: 7, noNaN: true }).map((a) => cubicLattice(a)),
      }),
      fc.record({
        group: fc.constant<SpaceGroupSymbol>('P1'),
        cell: fc
          .record({
            a: fc.double({ min: 3, max: 6, noNaN: true }),
            b: fc.double({ min: 3, max: 6, noNaN: true }),
            c: fc.double({ min: 3, max: 6, noNaN: true }),
            alpha: fc.double({ min: 60, max: 120, noNaN: true }),
            beta: fc.double({ min: 60, max: 120, noNaN: true }),
            gamma: fc.double({ min: 60, max: 120, noNaN: true }),
          })
          .filter((p) => {
            try {
              lattice(p);
              return true;
            } catch {
              return false;
            }
          })
          .map((p) => lattice(p)),
      }),
    );
    fc.assert(
      fc.property(
        cases,
        fc.double({ min: 1, max: 2.3, noNaN: true }),
        fc.double({ min: 20, max: 150, noNaN: true }),
        ({ group, cell }: { group: SpaceGroupSymbol; cell: Lattice }, wavelength, twoThetaMax) => {
          const list = reflections(cell, { spaceGroup: group, wavelength, twoThetaMax });
          const laueClass = group === 'R-3m' ? '-3m' : group === 'P1' ? '-1' : 'm-3m';
          const dMin = wavelength / (2 * Math.sin((twoThetaMax * Math.PI) / 360));
          let problems = 0;
          let previous = 0;
          for (const r of list) {
            if (!(r.twoTheta >= previous - 1e-9 && r.twoTheta <= twoThetaMax + 1e-9)) problems++;
            previous = r.twoTheta;
            const orbit = equivalentReflections(r.hkl, laueClass);
            if (r.multiplicity !== orbit.length) problems++;
            if (orbit.some((e) => !isReflectionAllowed(e, group))) problems++;
          }
          // points within rounding of the sphere may fall either side: bracket the count
          let inner = 0;
          let outer = 0;
          const hMax = Math.ceil(1.5 * (cell.a / dMin)) + 1;
          const kMax = Math.ceil(1.5 * (cell.b / dMin)) + 1;
          const lMax = Math.ceil(1.5 * (cell.c / dMin)) + 1;
          for (let h = -hMax; h <= hMax; h++) {
            for (let k = -kMax; k <= kMax; k++) {
              for (let l = -lMax; l <= lMax; l++) {
                if ((h || k || l) && isReflectionAllowed([h, k, l], group)) {
                  const d = dSpacing(cell, [h, k, l]);
                  if (d >= dMin * (1 + 1e-9)) inner++;
                  if (d >= dMin * (1 - 1e-9)) outer++;
                }
              }
            }
          }
          const total = list.reduce((s, r) => s + r.multiplicity, 0);
          expect(problems).toBe(0);
          expect(total).toBeGreaterThanOrEqual(inner);
          expect(total).toBeLessThanOrEqual(outer);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('scales: a cell and a wavelength both scaled by s give the same hkl and 2θ, d × s', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (s) => {
        const base = reflections(nmc811, {
          spaceGroup: 'R-3m',
          wavelength: CU_KA1,
          twoThetaMax: 120,
        });
        const scaled = reflections(hexagonalLattice(2.8727 * s, 14.2127 * s), {
          spaceGroup: 'R-3m',
          wavelength: CU_KA1 * s,
          twoThetaMax: 120,
        });
        // Reflections within rounding of the 120° edge may drop in or out; compare the interior.
        const inside = (r: Reflection) => r.twoTheta < 119.999;
        const a = base.filter(inside);
        const b = scaled.filter(inside);
        expect(b.map((r) => r.hkl.join(' '))).toEqual(a.map((r) => r.hkl.join(' ')));
        let off = 0;
        for (let i = 0; i < a.length; i++) {
          const p = a[i] as Reflection;
          const q = b[i] as Reflection;
          if (Math.abs(q.d - p.d * s) > 1e-12 * q.d || Math.abs(q.twoTheta - p.twoTheta) > 1e-9)
            off++;
        }
        expect(off).toBe(0);
      }),
      { numRuns: 10 },
    );
  });

  it('stops at dMin, reaches 180° at most, and handles the reverse setting', () => {
    const all = reflections(nmc811, { spaceGroup: 'R-3m', wavelength: MO_KA1, twoThetaMax: 180 });
    expect(all.at(-1)?.d).toBeGreaterThanOrEqual(MO_KA1 / 2);
    expect(all.at(-1)?.twoTheta).toBeLessThanOrEqual(180);
    const limited = reflections(nmc811, {
      spaceGroup: 'R-3m',
      wavelength: MO_KA1,
      twoThetaMax: 180,
      dMin: 1.2,
    });
    expect(limited).toEqual(all.filter((r) => r.d >= 1.2));
    // reverse: the same d list (a 180° rotation), with 102 in place of 012
    const reverse = reflections(nmc811, {
      spaceGroup: 'R-3m',
      setting: 'reverse',
      wavelength: CU_KA1,
      twoThetaMax: 90,
    });
    const obverse = reflections(nmc811, {
      spaceGroup: 'R-3m',
      wavelength: CU_KA1,
      twoThetaMax: 90,
    });
    expect(reverse.map((r) => r.d)).toEqual(obverse.map((r) => r.d));
    expect(reverse[3]?.hkl).toEqual([1, 0, 2]);
    // multiplicity of each entry is the Laue-class orbit size
    expect(obverse.every((r) => r.multiplicity === multiplicity(r.hkl, '-3m'))).toBe(true);
  });

  it('rejects bad input', () => {
    const run =
      (options: unknown, cell: unknown = nmc811) =>
      () =>
        reflections(cell as Lattice, options as Parameters<typeof reflections>[1]);
    const ok = { spaceGroup: 'R-3m', wavelength: CU_KA1, twoThetaMax: 90 };
    expect(run({ spaceGroup: 'R-3m', twoThetaMax: 90 })).toThrow(
      new TypeError(
        'options.wavelength is required (Å; there is no default, e.g. 1.54059292 for Cu Kα1); received undefined',
      ),
    );
    expect(run({ ...ok, wavelength: -1.54 })).toThrow(
      new RangeError('options.wavelength must be a finite number > 0 (Å); received -1.54'),
    );
    expect(run({ ...ok, wavelength: '1.54' })).toThrow(TypeError);
    expect(run({ ...ok, twoThetaMax: undefined })).toThrow(/options.twoThetaMax must be/);
    expect(run({ ...ok, twoThetaMax: 0 })).toThrow(RangeError);
    expect(run({ ...ok, twoThetaMax: 181 })).toThrow(/≤ 180 \(degrees\); received 181/);
    expect(run({ ...ok, dMin: -1 })).toThrow(/options.dMin must be a finite number ≥ 0/);
    expect(run({ ...ok, spaceGroup: 'R3m' })).toThrow(
      /options.spaceGroup must be one of the supported space groups 'P1', 'R-3m', 'Pm-3m', 'Fm-3m', 'Fd-3m'; received "R3m"/,
    );
    expect(run({ ...ok, spaceGroup: 'Fd-3m' })).toThrow(
      /lattice must have the symmetry of Fd-3m, a cubic cell/,
    );
    expect(run(ok, cubicLattice(4))).toThrow(/hexagonal axes \(a = b, α = β = 90°, γ = 120°\)/);
    expect(run(ok, { a: 2.87, b: 2.87, c: -14, alpha: 90, beta: 90, gamma: 120 })).toThrow(
      /c must be a finite number > 0/,
    );
    expect(run(ok, null)).toThrow(TypeError);
    expect(run(null)).toThrow(/options must be an object/);
    expect(run({ ...ok, sites: ['3z'] })).toThrow(/Wyckoff positions of R-3m/);
    expect(run({ ...ok, wavelength: 0.01, twoThetaMax: 180 }, cubicLattice(5))).toThrow(
      /Fm-3m|lattice must have/,
    );
    expect(run({ spaceGroup: 'P1', wavelength: 0.01, twoThetaMax: 180 }, cubicLattice(20))).toThrow(
      /index triples \(at most 50000000\); raise options.dMin/,
    );
  });
});
