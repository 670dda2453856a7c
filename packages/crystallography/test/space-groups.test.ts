import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexagonalDSpacing } from '../src/hexagonal-d-spacing.js';
import {
  canonicalReflection,
  equivalentReflections,
  LAUE_CLASSES,
  type LaueClass,
  laueClassOperations,
  multiplicity,
} from '../src/laue-classes.js';
import {
  isReflectionAllowed,
  SPACE_GROUPS,
  type SpaceGroupSymbol,
  spaceGroupInfo,
} from '../src/space-groups.js';
import peers from './fixtures/reflections.json' with { type: 'json' };

type Triple = [number, number, number];

// Group orders of the 11 Laue classes (International Tables, Vol. A, Table 10.1.2.2).
const ORDERS: Record<LaueClass, number> = {
  '-1': 2,
  '2/m': 4,
  mmm: 8,
  '4/m': 8,
  '4/mmm': 16,
  '-3': 6,
  '-3m': 12,
  '-3m1': 12,
  '-31m': 12,
  '6/m': 12,
  '6/mmm': 24,
  'm-3': 24,
  'm-3m': 48,
};

const apply = (m: number[][], [h, k, l]: readonly [number, number, number]): Triple =>
  m.map(
    (row) => (row[0] as number) * h + (row[1] as number) * k + (row[2] as number) * l + 0,
  ) as Triple;

const index = fc.integer({ min: -7, max: 7 });
const triple = fc
  .tuple(index, index, index)
  .filter(([h, k, l]) => h !== 0 || k !== 0 || l !== 0) as fc.Arbitrary<Triple>;

describe('laueClassOperations', () => {
  it('returns closed groups of the right order containing the identity and the inversion', () => {
    for (const laueClass of LAUE_CLASSES) {
      const ops = laueClassOperations(laueClass);
      expect(ops.length, laueClass).toBe(ORDERS[laueClass]);
      const keys = new Set(ops.map((m) => m.flat().join(',')));
      expect(keys.size, laueClass).toBe(ops.length);
      expect(keys.has('1,0,0,0,1,0,0,0,1')).toBe(true);
      expect(keys.has('-1,0,0,0,-1,0,0,0,-1')).toBe(true);
      // closure: the product of any two operations is an operation
      let notClosed = 0;
      for (const a of ops) {
        for (const b of ops) {
          const product = a.map((row) =>
            [0, 1, 2].map((j) =>
              row.reduce((s, x, m) => s + x * ((b[m] as number[])[j] as number), 0),
            ),
          );
          if (!keys.has(product.flat().join(','))) notClosed++;
        }
      }
      expect(notClosed, laueClass).toBe(0);
    }
  });

  it('gives isometries of the lattice metric of each crystal system', () => {
    // A Laue operation maps a reciprocal-lattice vector onto one of the same length, so it keeps
    // the quadratic form of 1/d² of the crystal system: cubic h² + k² + l²; tetragonal h² + k² and
    // l²; orthorhombic h², k², l²; hexagonal h² + hk + k² and l²; monoclinic (b unique) k² and the
    // pair (h, l) up to sign.
    const invariants: [LaueClass[], (t: Triple) => string][] = [
      [['m-3', 'm-3m'], ([h, k, l]) => `${h ** 2 + k ** 2 + l ** 2}`],
      [['4/m', '4/mmm'], ([h, k, l]) => `${h ** 2 + k ** 2},${l ** 2}`],
      [['mmm'], ([h, k, l]) => `${h ** 2},${k ** 2},${l ** 2}`],
      [
        ['-3', '-3m', '-31m', '6/m', '6/mmm'],
        ([h, k, l]) => `${h ** 2 + h * k + k ** 2},${l ** 2}`,
      ],
      [['2/m'], ([h, k, l]) => `${k ** 2},${h * l},${h ** 2}`],
    ];
    let violations = 0;
    for (const [classes, invariant] of invariants) {
      for (const laueClass of classes) {
        for (const m of laueClassOperations(laueClass)) {
          for (const hkl of [
            [1, 2, 3],
            [4, -1, 2],
            [0, 3, -5],
          ] as Triple[]) {
            if (invariant(apply(m, hkl)) !== invariant(hkl)) violations++;
          }
        }
      }
    }
    expect(violations).toBe(0);
  });

  it('rejects an unknown Laue class', () => {
    expect(() => laueClassOperations('-6m2' as LaueClass)).toThrow(
      /laueClass must be one of the Laue classes '-1', '2\/m'.*; received "-6m2"/,
    );
  });
});

describe('multiplicity', () => {
  it('gives the −3m1 multiplicities of R-3m (hexagonal axes), worked from the orbits', () => {
    // 00l: only l → −l (the 2-fold (k, h, −l) or −1): {00l, 00−l} → 2.
    expect(multiplicity([0, 0, 3], '-3m')).toBe(2);
    // h0l: the 3-fold gives h0l, 0−hl, −hhl; the 2-fold (k, h, −l) maps them to 0h−l, −h0−l, h−h−l,
    // which are the Friedel mates of the first three → 6.
    expect(multiplicity([1, 0, 4], '-3m')).toBe(6);
    expect(multiplicity([0, 1, 2], '-3m')).toBe(6);
    // h00 and hh0: a 2-fold fixes each, 12/2 → 6.
    expect(multiplicity([1, 0, 0], '-3m')).toBe(6);
    expect(multiplicity([1, 1, 0], '-3m')).toBe(6);
    // hk0 with h ≠ k, hhl and general hkl: no operation but the identity fixes them → 12.
    expect(multiplicity([4, 1, 0], '-3m')).toBe(12);
    expect(multiplicity([1, 1, 3], '-3m')).toBe(12);
    expect(multiplicity([2, 1, 1], '-3m')).toBe(12);
    // −3: no 2-folds, so 00l → 2 and everything else → 6.
    expect(multiplicity([1, 1, 3], '-3')).toBe(6);
    expect(multiplicity([0, 0, 1], '-3')).toBe(2);
  });

  it('gives the m−3m multiplicities (sign changes × permutations)', () => {
    // h00: 3 positions × 2 signs = 6; hh0: 3 × 4 = 12; hhh: 2³ = 8; hk0: 6 × 4 = 24;
    // hhl: 3 × 8 = 24; hkl: 6 × 8 = 48.
    expect(multiplicity([4, 0, 0], 'm-3m')).toBe(6);
    expect(multiplicity([2, 2, 0], 'm-3m')).toBe(12);
    expect(multiplicity([1, 1, 1], 'm-3m')).toBe(8);
    expect(multiplicity([2, 1, 0], 'm-3m')).toBe(24);
    expect(multiplicity([3, 1, 1], 'm-3m')).toBe(24);
    expect(multiplicity([5, 3, 1], 'm-3m')).toBe(48);
    // m−3 has only the cyclic permutations: hk0 → 12, hkl → 24.
    expect(multiplicity([2, 1, 0], 'm-3')).toBe(12);
    expect(multiplicity([5, 3, 1], 'm-3')).toBe(24);
    // −1: Friedel pairs only.
    expect(multiplicity([1, 2, 3], '-1')).toBe(2);
  });

  it('matches the symmetry-based multiplicities of xrayutilities (fixtures/reflections.py)', () => {
    const cases: [LaueClass, { hkl: number[]; multiplicity: number }[]][] = [
      ['-3m', peers.nmc811.reflections],
      ['m-3m', peers.fd3mGeneral.reflections],
      ['m-3m', peers.lab6.reflections],
    ];
    let mismatches = 0;
    for (const [laueClass, rows] of cases) {
      for (const row of rows)
        if (multiplicity(row.hkl, laueClass) !== row.multiplicity) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('is the orbit size, divides the group order, and is the same for every orbit member', () => {
    fc.assert(
      fc.property(triple, fc.constantFrom(...LAUE_CLASSES), (hkl, laueClass) => {
        const orbit = equivalentReflections(hkl, laueClass);
        const m = multiplicity(hkl, laueClass);
        expect(orbit.length).toBe(m);
        expect(ORDERS[laueClass] % m).toBe(0);
        expect(orbit.some((e) => e.join() === hkl.join())).toBe(true);
        const representative = canonicalReflection(hkl, laueClass).join();
        expect(orbit[0]?.join()).toBe(representative);
        for (const member of orbit) {
          expect(multiplicity(member, laueClass)).toBe(m);
          expect(canonicalReflection(member, laueClass).join()).toBe(representative);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the hexagonal d-spacing over a −3m1 orbit', () => {
    fc.assert(
      fc.property(triple, (hkl) => {
        const d = hexagonalDSpacing(2.8727, 14.2127, hkl);
        for (const e of equivalentReflections(hkl, '-3m')) {
          expect(hexagonalDSpacing(2.8727, 14.2127, e)).toBeCloseTo(d, 12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects bad input', () => {
    expect(() => multiplicity([0, 0, 0], '-3m')).toThrow(
      new RangeError('hkl must not be [0, 0, 0] (no lattice plane); received [0, 0, 0]'),
    );
    expect(() => multiplicity([1, 0.5, 0], '-3m')).toThrow(/hkl\[1\] \(k\) must be an integer/);
    expect(() => multiplicity([1, 0], '-3m')).toThrow(TypeError);
    expect(() => multiplicity('111' as unknown as number[], 'm-3m')).toThrow(TypeError);
    expect(() => multiplicity([1, 1, 1], 'm3m' as LaueClass)).toThrow(RangeError);
    expect(() => equivalentReflections([1, Number.NaN, 1], 'm-3m')).toThrow(RangeError);
    expect(() => canonicalReflection([1, 1, 1], undefined as unknown as LaueClass)).toThrow(
      /received undefined/,
    );
  });
});

describe('canonicalReflection and equivalentReflections', () => {
  it('label families the usual way', () => {
    // −3m1: 012 ≡ 10−2 (via (h, k, l) → (k, h, −l)), but 012 ≢ 102.
    expect(canonicalReflection([1, 0, -2], '-3m')).toEqual([0, 1, 2]);
    expect(canonicalReflection([1, -1, 2], '-3m')).toEqual([0, 1, 2]);
    // 102 (absent in R-3m obverse) is its own family: −112 and 0−12 are its 3-fold images
    expect(canonicalReflection([-1, 1, 2], '-3m')).toEqual([1, 0, 2]);
    expect(canonicalReflection([1, 0, 2], '-3m')).toEqual([1, 0, 2]);
    expect(canonicalReflection([0, 1, -1], '-3m')).toEqual([1, 0, 1]);
    expect(canonicalReflection([-2, 1, 3], '-3m')).toEqual([1, 1, 3]);
    // −31m and 6/mmm: (h, k, l) ≡ (k, h, l), so 012 and 102 merge, labelled 102.
    expect(canonicalReflection([0, 1, 2], '-31m')).toEqual([1, 0, 2]);
    expect(canonicalReflection([0, 1, 2], '6/mmm')).toEqual([1, 0, 2]);
    // cubic: h ≥ k ≥ l ≥ 0
    expect(canonicalReflection([-1, 5, 1], 'm-3m')).toEqual([5, 1, 1]);
    expect(canonicalReflection([0, -2, 4], 'm-3m')).toEqual([4, 2, 0]);
    expect(canonicalReflection([1, 2, 0], 'm-3')).toEqual([2, 0, 1]);
    expect(equivalentReflections([0, 1, 2], '-3m')).toEqual([
      [0, 1, 2],
      [1, 0, -2],
      [1, -1, 2],
      [-1, 0, 2],
      [0, -1, -2],
      [-1, 1, -2],
    ]);
    expect(equivalentReflections([0, 0, 3], '-3m')).toEqual([
      [0, 0, 3],
      [0, 0, -3],
    ]);
  });
});

describe('isReflectionAllowed', () => {
  it('applies the R-3m obverse and reverse conditions', () => {
    const allowed = (hkl: Triple, setting?: 'obverse' | 'reverse') =>
      isReflectionAllowed(hkl, 'R-3m', setting ? { setting } : {});
    // obverse −h + k + l = 3n
    for (const hkl of [
      [0, 0, 3],
      [1, 0, 1],
      [0, 0, 6],
      [0, 1, 2],
      [1, 0, 4],
      [0, 1, 5],
      [1, 1, 0],
      [1, 1, 3],
    ] as Triple[]) {
      expect(allowed(hkl), hkl.join()).toBe(true);
    }
    for (const hkl of [
      [0, 0, 1],
      [1, 0, 0],
      [1, 0, 2],
      [0, 1, 1],
      [0, 0, 4],
    ] as Triple[]) {
      expect(allowed(hkl), hkl.join()).toBe(false);
    }
    // reverse h − k + l = 3n: 102 and 011 appear, 012 and 101 vanish
    expect(allowed([1, 0, 2], 'reverse')).toBe(true);
    expect(allowed([0, 1, 1], 'reverse')).toBe(true);
    expect(allowed([0, 1, 2], 'reverse')).toBe(false);
    expect(allowed([1, 0, 1], 'reverse')).toBe(false);
    expect(allowed([0, 0, 3], 'reverse')).toBe(true);
  });

  it('R-3m: conditions are invariant under −3m1, and reverse is obverse rotated 180° about c', () => {
    const ops = laueClassOperations('-3m');
    fc.assert(
      fc.property(triple, ([h, k, l]) => {
        const obverse = isReflectionAllowed([h, k, l], 'R-3m');
        for (const m of ops) expect(isReflectionAllowed(apply(m, [h, k, l]), 'R-3m')).toBe(obverse);
        expect(isReflectionAllowed([-h, -k, l], 'R-3m', { setting: 'reverse' })).toBe(obverse);
        // a third of all hkl: exactly one of three consecutive l is allowed
        const count = [0, 1, 2].filter((s) =>
          isReflectionAllowed([h, k, l + s + 30], 'R-3m'),
        ).length;
        expect(count).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it('cubic conditions are invariant under m−3m', () => {
    const ops = laueClassOperations('m-3m');
    const groups: [SpaceGroupSymbol, { sites?: string[] }][] = [
      ['Fm-3m', {}],
      ['Fd-3m', {}],
      ['Fd-3m', { sites: ['8a'] }],
      ['Fd-3m', { sites: ['16d'] }],
    ];
    let violations = 0;
    for (let h = -5; h <= 5; h++) {
      for (let k = -5; k <= 5; k++) {
        for (let l = -5; l <= 5; l++) {
          if (h === 0 && k === 0 && l === 0) continue;
          for (const [group, options] of groups) {
            const allowed = isReflectionAllowed([h, k, l], group, options);
            for (const m of ops) {
              if (isReflectionAllowed(apply(m, [h, k, l]), group, options) !== allowed)
                violations++;
            }
          }
        }
      }
    }
    expect(violations).toBe(0);
  });

  it('matches xrayutilities for Fd-3m (general and Si 8a), Fm-3m and Pm-3m (fixtures/reflections.py)', () => {
    // Every family h ≥ k ≥ l ≥ 0 inside the fixture's d range must be listed by xrayutilities if
    // and only if it is allowed here.
    const cases: [SpaceGroupSymbol, { sites?: string[] }, typeof peers.silicon][] = [
      ['Fd-3m', { sites: ['8a'] }, peers.silicon],
      ['Fd-3m', {}, peers.fd3mGeneral],
      ['Fm-3m', {}, peers.fm3m],
      ['Pm-3m', {}, peers.lab6],
    ];
    for (const [group, options, peer] of cases) {
      const dMin = peer.wavelength / (2 * Math.sin((peer.twoThetaMax * Math.PI) / 360));
      const nMax = (peer.a / dMin) ** 2; // 1/d² = (h² + k² + l²)/a²
      const listed = new Set(peer.reflections.map((r) => r.hkl.join()));
      const ours = new Set<string>();
      for (let h = 0; h * h <= nMax; h++) {
        for (let k = 0; k <= h; k++) {
          for (let l = 0; l <= k; l++) {
            const n = h * h + k * k + l * l;
            if (n > 0 && n <= nMax && isReflectionAllowed([h, k, l], group, options)) {
              ours.add([h, k, l].join());
            }
          }
        }
      }
      expect([...ours].sort(), `${group} ${JSON.stringify(options)}`).toEqual([...listed].sort());
    }
  });

  it('separates the Fd-3m space-group conditions from the silicon 8a site conditions', () => {
    // 222: hhl with h + l = 4 even → allowed by the space group; 8a needs h odd or h + k + l = 4n
    // (2 + 2 + 2 = 6) → absent for Si. 200: h00 needs h = 4n → absent in both. 442: 10 ≠ 4n.
    expect(isReflectionAllowed([2, 2, 2], 'Fd-3m')).toBe(true);
    expect(isReflectionAllowed([2, 2, 2], 'Fd-3m', { sites: ['8a'] })).toBe(false);
    expect(isReflectionAllowed([4, 4, 2], 'Fd-3m')).toBe(true);
    expect(isReflectionAllowed([4, 4, 2], 'Fd-3m', { sites: ['8a'] })).toBe(false);
    expect(isReflectionAllowed([2, 0, 0], 'Fd-3m')).toBe(false);
    expect(isReflectionAllowed([4, 2, 0], 'Fd-3m')).toBe(false); // 0kl: 4 + 2 ≠ 4n
    expect(isReflectionAllowed([4, 0, 0], 'Fd-3m', { sites: ['8a'] })).toBe(true);
    expect(isReflectionAllowed([1, 1, 1], 'Fd-3m', { sites: ['8a'] })).toBe(true);
    // spinel 16d alone: 220 (not all ≡ 0 or all ≡ 2 mod 4) absent, 222 and 440 present
    expect(isReflectionAllowed([2, 2, 0], 'Fd-3m', { sites: ['16d'] })).toBe(false);
    expect(isReflectionAllowed([2, 2, 2], 'Fd-3m', { sites: ['16d'] })).toBe(true);
    expect(isReflectionAllowed([4, 4, 0], 'Fd-3m', { sites: ['16d'] })).toBe(true);
    // a spinel LiMn₂O₄ (8a, 16d, 32e): 32e has no extra conditions → the general ones
    expect(isReflectionAllowed([2, 2, 2], 'Fd-3m', { sites: ['8a', '16d', '32e'] })).toBe(true);
    // 8a or 16d: union of the two site conditions
    expect(isReflectionAllowed([2, 2, 0], 'Fd-3m', { sites: ['8a', '16d'] })).toBe(true);
    // Fm-3m 8c (fluorite anion): all even only
    expect(isReflectionAllowed([1, 1, 1], 'Fm-3m', { sites: ['8c'] })).toBe(false);
    expect(isReflectionAllowed([1, 1, 1], 'Fm-3m')).toBe(true);
    expect(isReflectionAllowed([1, 1, 0], 'Fm-3m')).toBe(false);
  });

  it('allows everything in P1 and Pm-3m', () => {
    fc.assert(
      fc.property(triple, (hkl) => {
        expect(isReflectionAllowed(hkl, 'P1')).toBe(true);
        expect(isReflectionAllowed(hkl, 'Pm-3m', { sites: ['1a', '6f'] })).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects bad input', () => {
    expect(() => isReflectionAllowed([1, 1, 1], 'Fd3m' as SpaceGroupSymbol)).toThrow(
      new RangeError(
        `spaceGroup must be one of the supported space groups 'P1', 'R-3m', 'Pm-3m', 'Fm-3m', 'Fd-3m'; received "Fd3m"`,
      ),
    );
    expect(() => isReflectionAllowed([1, 1, 1], 166 as unknown as SpaceGroupSymbol)).toThrow(
      /received 166/,
    );
    expect(() => isReflectionAllowed([0, 0, 0], 'P1')).toThrow(RangeError);
    expect(() => isReflectionAllowed([1, 2], 'P1')).toThrow(TypeError);
    expect(() => isReflectionAllowed([1, 2, 1e10], 'P1')).toThrow(/hkl\[2\] \(l\)/);
    expect(() =>
      isReflectionAllowed([1, 0, 1], 'R-3m', { setting: 'inverse' as 'reverse' }),
    ).toThrow(/options.setting must be 'obverse' or 'reverse'; received "inverse"/);
    expect(() => isReflectionAllowed([1, 1, 1], 'Fd-3m', { setting: 'reverse' })).toThrow(
      /R-3m\) only/,
    );
    expect(() => isReflectionAllowed([1, 1, 1], 'Fd-3m', { sites: ['4a'] })).toThrow(
      /Wyckoff positions of Fd-3m \(8a, 8b, 16c, 16d, 32e, 48f, 96g, 96h, 192i\); received "4a"/,
    );
    expect(() => isReflectionAllowed([1, 1, 1], 'Fd-3m', { sites: [] })).toThrow(TypeError);
    expect(() =>
      isReflectionAllowed([1, 1, 1], 'Fd-3m', { sites: '8a' as unknown as string[] }),
    ).toThrow(TypeError);
  });
});

describe('spaceGroupInfo', () => {
  it('describes the supported groups', () => {
    expect(SPACE_GROUPS).toEqual(['P1', 'R-3m', 'Pm-3m', 'Fm-3m', 'Fd-3m']);
    expect(spaceGroupInfo('R-3m')).toMatchObject({
      number: 166,
      laueClass: '-3m',
      axes: 'hexagonal',
    });
    expect(spaceGroupInfo('R -3 m' as SpaceGroupSymbol).symbol).toBe('R-3m');
    expect(spaceGroupInfo('Fd-3m')).toMatchObject({
      number: 227,
      laueClass: 'm-3m',
      axes: 'cubic',
    });
    expect(spaceGroupInfo('Pm-3m').wyckoffPositions).toHaveLength(14);
    expect(spaceGroupInfo('P1')).toMatchObject({ number: 1, laueClass: '-1', axes: 'triclinic' });
    expect(() => spaceGroupInfo('P63/mmc' as SpaceGroupSymbol)).toThrow(RangeError);
  });
});
