import { describeValue } from '@intercalate/numerics';
import { type LaueClass, millerTriple } from './laue-classes.js';

/**
 * A space group whose reflection conditions are implemented, in Hermann–Mauguin notation (spaces
 * in the argument are ignored, so `'R -3 m'` is accepted):
 *
 * - `'P1'` (No. 1): no conditions; Laue class −1.
 * - `'R-3m'` (No. 166), hexagonal axes: the layered oxides LiMO₂ (NMC, LNO, LCO); Laue class −3m1.
 * - `'Pm-3m'` (No. 221): no conditions; the LaB₆ line-position standard (NIST SRM 660c).
 * - `'Fm-3m'` (No. 225): face-centred cubic (rock-salt, fcc metals, CeO₂).
 * - `'Fd-3m'` (No. 227): diamond-type (Si, NIST SRM 640) and spinels (LiMn₂O₄, LiNi₀.₅Mn₁.₅O₄).
 */
export type SpaceGroupSymbol = 'P1' | 'R-3m' | 'Pm-3m' | 'Fm-3m' | 'Fd-3m';

/** The supported {@link SpaceGroupSymbol}s. */
export const SPACE_GROUPS: readonly SpaceGroupSymbol[] = Object.freeze([
  'P1',
  'R-3m',
  'Pm-3m',
  'Fm-3m',
  'Fd-3m',
] as const);

/** What {@link spaceGroupInfo} knows about a supported space group. */
export interface SpaceGroupInfo {
  /** The Hermann–Mauguin symbol, e.g. `'R-3m'`. */
  symbol: SpaceGroupSymbol;
  /** The number in the International Tables for Crystallography, Vol. A (1–230). */
  number: number;
  /** The Laue class that merges equivalent reflections (`'-3m'` = −3m1 for R-3m). */
  laueClass: LaueClass;
  /**
   * The lattice the reflections are indexed on: `'triclinic'` (any cell), `'hexagonal'` (a = b,
   * α = β = 90°, γ = 120°; R-3m on hexagonal axes) or `'cubic'` (a = b = c, α = β = γ = 90°).
   */
  axes: 'triclinic' | 'hexagonal' | 'cubic';
  /**
   * The Wyckoff positions (multiplicity and letter, e.g. `'8a'`) that {@link ReflectionConditionOptions.sites}
   * accepts for this group: all of them, from the International Tables, Vol. A.
   */
  wyckoffPositions: readonly string[];
}

/** Options of {@link isReflectionAllowed}. */
export interface ReflectionConditionOptions {
  /**
   * R-3m only: the setting of the rhombohedral lattice on its hexagonal axes. `'obverse'` (the
   * standard of the International Tables, pymatgen, xrayutilities, GSAS-II) has the centring
   * translations ±(2/3, 1/3, 1/3) and the condition −h + k + l = 3n; `'reverse'` has ±(1/3, 2/3, 1/3)
   * and the condition h − k + l = 3n (the same crystal rotated 180° about c: (h, k, l) ↦ (−h, −k, l)).
   * @defaultValue 'obverse'
   */
  setting?: 'obverse' | 'reverse';
  /**
   * The occupied Wyckoff positions (e.g. `['8a']` for silicon or diamond in Fd-3m), to add their
   * special reflection conditions to the general ones of the space group: a reflection is then
   * allowed if it meets the general conditions and the conditions of at least one listed position
   * (a position without extra conditions allows every reflection the space group allows). This is
   * how xrayutilities (`SGLattice.hkl_allowed`) treats a structure whose atoms sit only on special
   * positions. Omit it to apply the space-group (general-position) conditions only.
   * @defaultValue undefined (general conditions only)
   */
  sites?: readonly string[];
}

type Condition = (h: number, k: number, l: number) => boolean;

const mod = (x: number, n: number): number => ((x % n) + n) % n;

// Face centring F: h + k, h + l, k + l all even ⇔ h, k, l all even or all odd.
const faceCentred: Condition = (h, k, l) => mod(h + k, 2) === 0 && mod(h + l, 2) === 0;
const allOdd: Condition = (h, k, l) => mod(h, 2) === 1 && mod(k, 2) === 1 && mod(l, 2) === 1;
const allEven: Condition = (h, k, l) => mod(h, 2) === 0 && mod(k, 2) === 0 && mod(l, 2) === 0;
const always: Condition = () => true;

// Fd-3m general conditions (ITA 227): hkl: h + k, h + l, k + l = 2n; 0kl: k + l = 4n (k, l = 2n);
// hhl: h + l = 2n; h00: h = 4n. The 0kl condition and its cubic equivalents h0l and hk0 (the hhl and
// h00 ones follow from it and from F) read: if an index is 0, the other two sum to a multiple of 4.
const fdGeneral: Condition = (h, k, l) =>
  faceCentred(h, k, l) &&
  (h !== 0 || mod(k + l, 4) === 0) &&
  (k !== 0 || mod(h + l, 4) === 0) &&
  (l !== 0 || mod(h + k, 4) === 0);
// Fd-3m 8a, 8b, 48f: hkl: h = 2n + 1 or h + k + l = 4n.
const fdSite8a: Condition = (h, k, l) => allOdd(h, k, l) || mod(h + k + l, 4) === 0;
// Fd-3m 16c, 16d: hkl: h = 2n + 1 or h, k, l = 4n + 2 or h, k, l = 4n.
const fdSite16c: Condition = (h, k, l) =>
  allOdd(h, k, l) ||
  (mod(h, 4) === 2 && mod(k, 4) === 2 && mod(l, 4) === 2) ||
  (mod(h, 4) === 0 && mod(k, 4) === 0 && mod(l, 4) === 0);

interface SpaceGroupEntry {
  readonly info: SpaceGroupInfo;
  general: Condition;
  sites: Record<string, Condition>;
}

function entry(
  symbol: SpaceGroupSymbol,
  number: number,
  laueClass: LaueClass,
  axes: SpaceGroupInfo['axes'],
  general: Condition,
  sites: Record<string, Condition>,
): SpaceGroupEntry {
  const info = Object.freeze({
    symbol,
    number,
    laueClass,
    axes,
    wyckoffPositions: Object.freeze(Object.keys(sites)),
  });
  return { info, general, sites };
}

const noExtra = (letters: string[]): Record<string, Condition> =>
  Object.fromEntries(letters.map((letter) => [letter, always]));

// Wyckoff positions and their special conditions from the International Tables for
// Crystallography, Vol. A (as tabulated in xrayutilities' wyckpos.py).
const TABLE: Record<SpaceGroupSymbol, SpaceGroupEntry> = {
  P1: entry('P1', 1, '-1', 'triclinic', always, noExtra(['1a'])),
  'R-3m': entry(
    'R-3m',
    166,
    '-3m',
    'hexagonal',
    (h, k, l) => mod(-h + k + l, 3) === 0,
    noExtra(['3a', '3b', '6c', '9d', '9e', '18f', '18g', '18h', '36i']),
  ),
  'Pm-3m': entry(
    'Pm-3m',
    221,
    'm-3m',
    'cubic',
    always,
    noExtra([
      '1a',
      '1b',
      '3c',
      '3d',
      '6e',
      '6f',
      '8g',
      '12h',
      '12i',
      '12j',
      '24k',
      '24l',
      '24m',
      '48n',
    ]),
  ),
  'Fm-3m': entry('Fm-3m', 225, 'm-3m', 'cubic', faceCentred, {
    ...noExtra(['4a', '4b']),
    '8c': allEven,
    '24d': allEven,
    ...noExtra(['24e', '32f']),
    '48g': allEven,
    ...noExtra(['48h', '48i', '96j', '96k', '192l']),
  }),
  'Fd-3m': entry('Fd-3m', 227, 'm-3m', 'cubic', fdGeneral, {
    '8a': fdSite8a,
    '8b': fdSite8a,
    '16c': fdSite16c,
    '16d': fdSite16c,
    '32e': always,
    '48f': fdSite8a,
    ...noExtra(['96g', '96h', '192i']),
  }),
};
function lookUp(spaceGroup: unknown, name = 'spaceGroup'): SpaceGroupEntry {
  const key = typeof spaceGroup === 'string' ? spaceGroup.replace(/\s+/g, '') : undefined;
  if (key === undefined || !Object.hasOwn(TABLE, key)) {
    throw new RangeError(
      `${name} must be one of the supported space groups ${SPACE_GROUPS.map((s) => `'${s}'`).join(', ')}; received ${describeValue(spaceGroup)}`,
    );
  }
  return TABLE[key as SpaceGroupSymbol];
}

/**
 * The number, Laue class, axes and Wyckoff positions of a supported space group.
 *
 * @param spaceGroup - One of {@link SPACE_GROUPS}, e.g. `'R-3m'`.
 * @returns A frozen description of the group.
 * @throws RangeError if the space group is not supported (the message lists the supported ones).
 *
 * @example
 * ```ts
 * import { spaceGroupInfo } from '@intercalate/crystallography';
 * spaceGroupInfo('R-3m').laueClass; // '-3m'
 * spaceGroupInfo('Fd-3m').number; // 227
 * ```
 */
export function spaceGroupInfo(spaceGroup: SpaceGroupSymbol): SpaceGroupInfo {
  return lookUp(spaceGroup).info;
}

/**
 * Builds the reflection-condition test of a space group, settings and sites checked once.
 *
 * @internal
 */
export function reflectionCondition(
  spaceGroup: unknown,
  options: ReflectionConditionOptions = {},
  optionsName = 'options',
  spaceGroupName = 'spaceGroup',
): { test: Condition; info: SpaceGroupInfo } {
  const group = lookUp(spaceGroup, spaceGroupName);
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${optionsName} must be an object; received ${describeValue(options)}`);
  }
  const { setting = 'obverse', sites } = options;
  if (setting !== 'obverse' && setting !== 'reverse') {
    throw new RangeError(
      `${optionsName}.setting must be 'obverse' or 'reverse'; received ${describeValue(setting)}`,
    );
  }
  if (setting === 'reverse' && group.info.symbol !== 'R-3m') {
    throw new RangeError(
      `${optionsName}.setting 'reverse' applies to rhombohedral groups (R-3m) only; received it for '${group.info.symbol}'`,
    );
  }
  let general = group.general;
  if (setting === 'reverse') general = (h, k, l) => mod(h - k + l, 3) === 0;
  if (sites === undefined) return { test: general, info: group.info };
  if (!Array.isArray(sites) || sites.length === 0) {
    throw new TypeError(
      `${optionsName}.sites must be a non-empty array of Wyckoff positions such as ['8a']; received ${describeValue(sites)}`,
    );
  }
  const special: Condition[] = [];
  for (const site of sites as unknown[]) {
    if (typeof site !== 'string' || !Object.hasOwn(group.sites, site)) {
      throw new RangeError(
        `${optionsName}.sites must list Wyckoff positions of ${group.info.symbol} (${group.info.wyckoffPositions.join(', ')}); received ${describeValue(site)}`,
      );
    }
    const condition = group.sites[site] as Condition;
    // A position without extra conditions contributes to every reflection the group allows.
    if (condition === always) return { test: general, info: group.info };
    special.push(condition);
  }
  const test: Condition = (h, k, l) => {
    if (!general(h, k, l)) return false;
    for (const condition of special) if (condition(h, k, l)) return true;
    return false;
  };
  return { test, info: group.info };
}

/**
 * Whether the reflection (h, k, l) is allowed by the reflection conditions (systematic absences)
 * of a space group, from the International Tables for Crystallography, Vol. A:
 *
 * - `'P1'`, `'Pm-3m'`: no conditions (every hkl is allowed; LaB₆).
 * - `'R-3m'` on hexagonal axes: −h + k + l = 3n in the obverse setting (the standard), h − k + l = 3n
 *   in the reverse setting (`options.setting`); the conditions on the zones (hki0: −h + k = 3n,
 *   000l: l = 3n, h−h0l: h + l = 3n, …) follow from it. So 003, 101, 012, 104, 110 are allowed and
 *   001, 100, 102 are absent.
 * - `'Fm-3m'`: h + k, h + l, k + l = 2n (h, k, l all even or all odd).
 * - `'Fd-3m'`: the space-group conditions h + k, h + l, k + l = 2n; 0kl: k + l = 4n with k, l = 2n;
 *   hhl: h + l = 2n; h00: h = 4n (with their cubic equivalents h0l, hk0, …). These allow 222 and
 *   442, which the space group's general position can scatter. Silicon and diamond occupy only the
 *   site 8a, whose extra condition (h = 2n + 1 or h + k + l = 4n) removes them: pass
 *   `{ sites: ['8a'] }` to index a silicon standard (111, 220, 311, 400, 331, 422, 511/333, …;
 *   the weak "forbidden" 222 of real Si comes from bonding-charge asphericity and multiple
 *   diffraction, which this model does not include). Spinels LiM₂O₄ (8a, 16d, 32e) occupy 32e,
 *   which has no extra conditions, so the general conditions apply.
 *
 * With `options.sites`, a reflection is allowed if it meets the general conditions and those of
 * at least one listed Wyckoff position, as xrayutilities does; omitted, only the general conditions
 * apply. Every condition here is invariant under the group's Laue class, so a reflection and all
 * its equivalents are either allowed or absent together. Accidental absences (a structure factor
 * that vanishes for particular atomic coordinates) are not systematic and are not predicted.
 *
 * @param hkl - Miller indices, three integers not all zero (hexagonal axes for R-3m).
 * @param spaceGroup - One of {@link SPACE_GROUPS}.
 * @param options - Setting (R-3m) and occupied Wyckoff positions; see {@link ReflectionConditionOptions}.
 * @returns True if the reflection is not systematically absent.
 * @throws TypeError if `hkl` is not an array of three numbers, or `options.sites` is not a
 * non-empty array.
 * @throws RangeError if an index is not an integer in [−10⁹, 10⁹] or all are zero, if the space
 * group is not supported (the message lists the supported ones), if `options.setting` is not
 * `'obverse'`/`'reverse'` (or is `'reverse'` for a non-rhombohedral group), or if a site is not a
 * Wyckoff position of the group.
 *
 * @example
 * ```ts
 * import { isReflectionAllowed } from '@intercalate/crystallography';
 * isReflectionAllowed([0, 0, 3], 'R-3m'); // true
 * isReflectionAllowed([1, 0, 2], 'R-3m'); // false (−1 + 0 + 2 = 1)
 * isReflectionAllowed([1, 0, 2], 'R-3m', { setting: 'reverse' }); // true
 * isReflectionAllowed([2, 2, 2], 'Fd-3m'); // true: the space group allows it
 * isReflectionAllowed([2, 2, 2], 'Fd-3m', { sites: ['8a'] }); // false for silicon
 * ```
 */
export function isReflectionAllowed(
  hkl: ArrayLike<number>,
  spaceGroup: SpaceGroupSymbol,
  options: ReflectionConditionOptions = {},
): boolean {
  const [h, k, l] = millerTriple('hkl', hkl);
  return reflectionCondition(spaceGroup, options).test(h, k, l);
}
