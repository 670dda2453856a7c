import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import type { PathwayTable } from './pathway-contributions.js';
import {
  indexPathwayTable,
  lookupPathway,
  type PathwayEnvironment,
  type PathwayIndex,
} from './pathway-shift.js';

/** Options of {@link environmentDistribution}. */
export interface EnvironmentDistributionOptions {
  /**
   * Fractions x_s of the transition-metal sites held by each species, keyed by species label
   * (`'Ni3+'`), e.g. the result of {@link compositionFromFormula}. Non-negative; their sum must be
   * 1 to within 10⁻⁶ and is then normalised to exactly 1. Species with fraction 0 are ignored and
   * need no table entry.
   */
  composition: Readonly<Record<string, number>>;
  /**
   * Pathway contributions (ppm per neighbour), e.g. `pathwayContributions['7Li']` or a user table;
   * every species with a nonzero fraction needs an entry for every geometry in `shells`.
   */
  table: PathwayTable;
  /**
   * Number of TM sites in each shell, keyed by geometry label. The default is the O3 layered-oxide
   * geometry of a Li in the Li layer: 6 first-shell neighbours through ≈ 90° TM–O–Li bonds and 6
   * second-shell neighbours through ≈ 180° bonds. Integers from 0 to 10 000.
   * @defaultValue `{ '90': 6, '180': 6 }`
   */
  shells?: Readonly<Record<string, number>>;
  /**
   * Environments with a smaller probability are left out of `environments` (their total is
   * reported as `omittedProbability`); `meanShift` is still the mean over all environments.
   * @defaultValue 0 (keep every environment)
   */
  minProbability?: number;
  /**
   * Largest number of environments to enumerate (before `minProbability` is applied); a larger
   * problem is a RangeError rather than an unbounded allocation.
   * @defaultValue 1 000 000
   */
  maxEnvironments?: number;
}

/** One distinct cation environment of a Li/Na site with its probability and shift. */
export interface SiteEnvironment {
  /**
   * Number of neighbours of each species (every species of the composition, zeros included) in
   * each shell, keyed by geometry then species label: `counts['90']['Ni3+']`. The per-shell
   * objects are frozen and shared between environments.
   */
  readonly counts: PathwayEnvironment;
  /** Probability of this environment for a random TM arrangement (dimensionless, in [0, 1]). */
  readonly probability: number;
  /** Summed pathway shift of this environment in ppm (see {@link pathwayShift}). */
  readonly shift: number;
}

/** Result of {@link environmentDistribution}. */
export interface EnvironmentDistribution {
  /**
   * Every distinct environment (with probability ≥ `minProbability`), sorted by decreasing
   * probability; equal probabilities are ordered by increasing shift. Probabilities that are equal
   * in exact arithmetic (e.g. one Mn⁴⁺ or one Co³⁺ among Ni³⁺ when x_Mn = x_Co) can differ in the
   * last bit, which then decides their order.
   */
  readonly environments: SiteEnvironment[];
  /**
   * Probability-weighted mean shift over all environments, in ppm, from the closed form
   * Σ_shell n_shell Σ_s x_s·δ(s, shell) (linearity of expectation); independent of
   * `minProbability`.
   */
  readonly meanShift: number;
  /** Total probability of the environments left out by `minProbability` (0 when none were). */
  readonly omittedProbability: number;
  /** The species with a nonzero fraction, in the order of `composition`. */
  readonly species: readonly string[];
}

const DEFAULT_SHELLS: Readonly<Record<string, number>> = Object.freeze({ '90': 6, '180': 6 });

/** Number of ways to write n as an ordered sum of k non-negative integers, C(n + k − 1, k − 1). */
function weakCompositionCount(n: number, k: number): number {
  let count = 1;
  for (let j = 1; j < k; j++) count = (count * (n + j)) / j;
  return Math.round(count);
}

interface ShellTable {
  /** Number of distinct count vectors m. */
  size: number;
  /** Counts, row-major m × k. */
  counts: Int32Array;
  /** Multinomial probability of each row. */
  probability: Float64Array;
  /** Summed shift of each row (ppm). */
  shift: Float64Array;
}

/**
 * Enumerates every count vector (c_1 … c_k) with Σ c = n, its multinomial probability
 * n!/∏c_s! · ∏x_s^c_s (evaluated in logs) and its shift Σ c_s·δ_s.
 */
function enumerateShell(
  n: number,
  logX: Float64Array,
  delta: Float64Array,
  logFactorial: Float64Array,
): ShellTable {
  const k = logX.length;
  const size = weakCompositionCount(n, k);
  const counts = new Int32Array(size * k);
  const probability = new Float64Array(size);
  const shift = new Float64Array(size);
  const current = new Int32Array(k);
  const logN = logFactorial[n] as number;
  let row = 0;
  // Depth-first over species: species s takes c from `remaining` down to 0; the last takes the rest.
  const fill = (s: number, remaining: number, logP: number, sum: number): void => {
    if (s === k - 1) {
      current[s] = remaining;
      counts.set(current, row * k);
      probability[row] = Math.exp(
        logP + remaining * (logX[s] as number) - (logFactorial[remaining] as number),
      );
      shift[row] = sum + remaining * (delta[s] as number);
      row++;
      return;
    }
    for (let c = remaining; c >= 0; c--) {
      current[s] = c;
      fill(
        s + 1,
        remaining - c,
        logP + c * (logX[s] as number) - (logFactorial[c] as number),
        sum + c * (delta[s] as number),
      );
    }
  };
  fill(0, n, logN, 0);
  return { size, counts, probability, shift };
}

/**
 * Every distinct first/second-shell (or user-defined) cation environment of a Li/Na site for a
 * random, uncorrelated arrangement of the transition-metal ions, with its probability and its
 * summed pathway shift.
 *
 * Model: each of the n_g sites of shell g is occupied independently by species s with probability
 * x_s (the composition). The counts in a shell then follow a multinomial distribution,
 * P_g(c) = n_g! / ∏_s c_s! · ∏_s x_s^c_s, shells are independent, and an environment (the counts
 * in every shell) has probability ∏_g P_g(c_g) and shift Σ_g Σ_s c_{g,s}·δ(s, g), as
 * {@link pathwayShift} gives. Environments with identical counts are one entry; the number of
 * entries is ∏_g C(n_g + k − 1, k − 1) for k species (7056 for four species over 6 + 6 sites).
 * The mean shift follows from linearity of expectation:
 * ⟨δ⟩ = Σ_g n_g Σ_s x_s·δ(s, g). Short-range order (Ni/Mn clustering, Li/Ni antisites) is not
 * modelled; the same enumeration in numpy/itertools gives the same probabilities (see the bench).
 *
 * Probabilities are computed in logs (ln n! tabulated), so large shells neither overflow nor
 * underflow to a wrong value; they sum to 1 to within rounding (~10⁻¹⁵ for 6 + 6 sites).
 *
 * @param options - Composition, pathway table, shell sizes and pruning, see
 * {@link EnvironmentDistributionOptions}.
 * @returns The environments sorted by decreasing probability, the mean shift (ppm), the omitted
 * probability and the species list.
 * @throws TypeError if `options`, `composition`, `shells` or `table` are not of the right type.
 * @throws RangeError if a fraction is negative or not finite, the fractions do not sum to 1, a
 * shell size is not an integer from 0 to 10 000, a species present has no table entry for a shell
 * geometry, `minProbability` is outside [0, 1], or the enumeration would exceed `maxEnvironments`.
 *
 * @example
 * ```ts
 * import {
 *   compositionFromFormula,
 *   environmentDistribution,
 *   pathwayContributions,
 * } from '@intercalate/nmr';
 * const { environments, meanShift } = environmentDistribution({
 *   composition: compositionFromFormula('LiNi0.8Mn0.1Co0.1O2'),
 *   table: pathwayContributions['7Li'],
 * });
 * environments.length; // 7056 = C(9, 3)²
 * meanShift; // 6·(0.1·(−30) + 0.7·(−15) + 0.1·250) + 6·(0.1·170 + 0.7·110 + 0.1·(−60)) = 597 ppm
 * // the most likely environment is all Ni3+: probability 0.7¹² = 0.0138, shift 570 ppm
 * environments[0]?.shift; // 570
 * ```
 */
export function environmentDistribution(
  options: EnvironmentDistributionOptions,
): EnvironmentDistribution {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { composition, table, shells? }; received ${describeValue(options)}`,
    );
  }
  const { composition, table } = options;
  const shells = options.shells ?? DEFAULT_SHELLS;
  const minProbability = assertFiniteNumber('minProbability', options.minProbability ?? 0, {
    min: 0,
    max: 1,
  });
  const maxEnvironments = assertFiniteNumber('maxEnvironments', options.maxEnvironments ?? 1e6, {
    min: 1,
    integer: true,
  });

  // Composition: drop zero fractions, check the sum, normalise.
  if (typeof composition !== 'object' || composition === null || Array.isArray(composition)) {
    throw new TypeError(
      `composition must be an object { species: fraction } such as { 'Ni3+': 1 }; received ${describeValue(composition)}`,
    );
  }
  const species: string[] = [];
  const fractions: number[] = [];
  let fractionSum = 0;
  for (const label of Object.keys(composition)) {
    const x = assertFiniteNumber(`composition['${label}']`, composition[label], { min: 0 });
    fractionSum += x;
    if (x > 0) {
      species.push(label);
      fractions.push(x);
    }
  }
  if (species.length === 0 || Math.abs(fractionSum - 1) > 1e-6) {
    throw new RangeError(
      `composition fractions must sum to 1 (to within 1e-6); received a sum of ${fractionSum}`,
    );
  }
  const k = species.length;
  const logX = new Float64Array(k);
  const x = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    x[s] = (fractions[s] as number) / fractionSum;
    logX[s] = Math.log(x[s] as number);
  }

  // Shells and the per-shell shift of each species.
  if (typeof shells !== 'object' || shells === null || Array.isArray(shells)) {
    throw new TypeError(
      `shells must be an object { geometry: number of sites } such as { '90': 6, '180': 6 }; received ${describeValue(shells)}`,
    );
  }
  const geometries = Object.keys(shells);
  const sizes: number[] = [];
  let maxSites = 0;
  for (const geometry of geometries) {
    const n = assertFiniteNumber(`shells['${geometry}']`, shells[geometry], {
      min: 0,
      max: 10_000,
      integer: true,
    });
    sizes.push(n);
    maxSites = Math.max(maxSites, n);
  }
  const index: PathwayIndex = indexPathwayTable(table);
  const deltas: Float64Array[] = geometries.map((geometry, g) => {
    const delta = new Float64Array(k);
    if ((sizes[g] as number) > 0) {
      for (let s = 0; s < k; s++) {
        delta[s] = lookupPathway(index, species[s] as string, geometry, 'composition');
      }
    }
    return delta;
  });

  // Size check before any allocation proportional to the enumeration.
  let total = 1;
  const shellSizes = sizes.map((n) => weakCompositionCount(n, k));
  for (const m of shellSizes) total *= m;
  if (total > maxEnvironments) {
    throw new RangeError(
      `environmentDistribution would enumerate ${total} environments (${shellSizes.join(' × ')}) for ${k} species over shells ${JSON.stringify(shells)}, more than maxEnvironments = ${maxEnvironments}; raise maxEnvironments or reduce the shells or species`,
    );
  }

  // Closed-form mean: Σ_g n_g Σ_s x_s δ(s, g).
  let meanShift = 0;
  for (let g = 0; g < geometries.length; g++) {
    const delta = deltas[g] as Float64Array;
    let perSite = 0;
    for (let s = 0; s < k; s++) perSite += (x[s] as number) * (delta[s] as number);
    meanShift += (sizes[g] as number) * perSite;
  }

  const logFactorial = new Float64Array(maxSites + 1);
  for (let i = 2; i <= maxSites; i++) {
    logFactorial[i] = (logFactorial[i - 1] as number) + Math.log(i);
  }
  const tables = sizes.map((n, g) =>
    enumerateShell(n, logX, deltas[g] as Float64Array, logFactorial),
  );

  // Joint probabilities and shifts, mixed radix with the first shell most significant.
  let probability: Float64Array = new Float64Array([1]);
  let shift: Float64Array = new Float64Array([0]);
  for (const shell of tables) {
    const m = shell.size;
    const nextProbability = new Float64Array(probability.length * m);
    const nextShift = new Float64Array(probability.length * m);
    for (let a = 0; a < probability.length; a++) {
      const pa = probability[a] as number;
      const sa = shift[a] as number;
      const base = a * m;
      for (let b = 0; b < m; b++) {
        nextProbability[base + b] = pa * (shell.probability[b] as number);
        nextShift[base + b] = sa + (shell.shift[b] as number);
      }
    }
    probability = nextProbability;
    shift = nextShift;
  }

  // Prune, then sort indices by decreasing probability, increasing shift, enumeration order.
  let kept = 0;
  let omittedProbability = 0;
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) {
    const p = probability[i] as number;
    if (p >= minProbability) order[kept++] = i;
    else omittedProbability += p;
  }
  const sorted = order.subarray(0, kept);
  sorted.sort((i, j) => {
    const pi = probability[i] as number;
    const pj = probability[j] as number;
    if (pi !== pj) return pj - pi;
    const si = shift[i] as number;
    const sj = shift[j] as number;
    if (si !== sj) return si - sj;
    return i - j;
  });

  // Shared, frozen per-shell count objects, built on first use.
  const countObjects: (Readonly<Record<string, number>> | undefined)[][] = tables.map(
    (shell) => new Array(shell.size),
  );
  const countsOf = (g: number, row: number): Readonly<Record<string, number>> => {
    const cache = countObjects[g] as (Readonly<Record<string, number>> | undefined)[];
    let object = cache[row];
    if (object === undefined) {
      const counts = (tables[g] as ShellTable).counts;
      const built: Record<string, number> = {};
      for (let s = 0; s < k; s++) built[species[s] as string] = counts[row * k + s] as number;
      object = Object.freeze(built);
      cache[row] = object;
    }
    return object;
  };

  // Index-like keys ('90', '180') make objects built key by key slow (sparse elements); an object
  // literal is fast, so the default geometry gets one.
  const buildCounts =
    geometries.length === 2 && geometries[0] === '90' && geometries[1] === '180'
      ? (rows: Int32Array): PathwayEnvironment => ({
          '90': countsOf(0, rows[0] as number),
          '180': countsOf(1, rows[1] as number),
        })
      : (rows: Int32Array): PathwayEnvironment => {
          const counts: Record<string, Readonly<Record<string, number>>> = {};
          for (let g = 0; g < geometries.length; g++) {
            counts[geometries[g] as string] = countsOf(g, rows[g] as number);
          }
          return counts;
        };

  const environments: SiteEnvironment[] = new Array(kept);
  const rows = new Int32Array(geometries.length);
  for (let e = 0; e < kept; e++) {
    const flat = sorted[e] as number;
    let rest = flat;
    for (let g = geometries.length - 1; g >= 0; g--) {
      const m = (tables[g] as ShellTable).size;
      const row = rest % m;
      rest = (rest - row) / m;
      rows[g] = row;
    }
    environments[e] = {
      counts: buildCounts(rows),
      probability: probability[flat] as number,
      shift: shift[flat] as number,
    };
  }

  return { environments, meanShift, omittedProbability, species };
}
