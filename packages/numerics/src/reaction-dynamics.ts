import { gradient } from './gradient.js';
import { savitzkyGolay } from './savitzky-golay.js';
import { assertFiniteNumber, assertNumericArray, describeValue } from './validate.js';

/** Options of {@link reactionDynamics}. */
export interface ReactionDynamicsOptions {
  /**
   * Savitzky–Golay smoothing window W (samples, odd, 1 ≤ W ≤ number of samples) applied to each
   * trace before the crossings and slopes are read; 1 disables smoothing.
   * @defaultValue the odd integer 2⌊n/40⌋ + 1, at least 3 and at most n (n = number of samples)
   */
  window?: number;
  /**
   * Degree of the smoothing polynomial, an integer with 0 ≤ order < window.
   * @defaultValue 2, lowered to window − 1 when the window is smaller
   */
  order?: number;
  /** Fraction of a trace's net change that marks the onset, in (0, completionLevel). @defaultValue 0.1 */
  onsetLevel?: number;
  /** Fraction of a trace's net change that marks completion, in (onsetLevel, 1). @defaultValue 0.9 */
  completionLevel?: number;
  /**
   * A slope peak starts where the directed normalized slope rises to `peakFraction` × its maximum
   * and ends where it falls below half of that level (hysteresis), in (0, 1]. @defaultValue 0.5
   */
  peakFraction?: number;
  /**
   * A trace is active (it reacted) when the magnitude of its net change (smoothed last minus smoothed
   * first value, in trace units) exceeds `minChange` (≥ 0) and 1e-9 × the largest |value| of the
   * smoothed trace (so that rounding on a constant trace is not read as a reaction). Inactive traces
   * get NaN SOC values and no peaks and are left out of the population index. @defaultValue 0
   */
  minChange?: number;
  /**
   * The population is `'synchronous'` when `synchronicityIndex` ≥ this value, in (0, 1).
   * @defaultValue 0.5
   */
  synchronousThreshold?: number;
}

/** What {@link reactionDynamics} reports for one trace (one particle). */
export interface ReactionDynamicsTrace {
  /** True when the net change exceeds `minChange`; the other SOC fields are NaN otherwise. */
  active: boolean;
  /** Net change of the smoothed trace, last sample minus first, in the unit of the trace. */
  change: number;
  /** SOC (unit of `soc`) at which the smoothed trace first reaches `onsetLevel` of its net change. */
  onsetSoc: number;
  /** SOC at which it then first reaches `completionLevel` of its net change. */
  completionSoc: number;
  /** |completionSoc − onsetSoc|: the SOC range over which the particle reacts (unit of `soc`). */
  transitionWidth: number;
  /** Number of slope peaks (separate bursts of reaction), 0 for an inactive trace. */
  slopePeaks: number;
  /**
   * Largest directed normalized slope d f / d(SOC progress) of the smoothed trace, where f runs from
   * 0 to 1 over the net change, in 1 per unit of `soc` (a step reads large, a uniform ramp over
   * the whole SOC span reads 1/span).
   */
  maxSlope: number;
}

/** Result of {@link reactionDynamics}. */
export interface ReactionDynamicsResult {
  /** One entry per input trace, in input order. */
  traces: ReactionDynamicsTrace[];
  /**
   * Mean over all pairs of active traces of the overlap ratio of their transition windows,
   * |Wᵢ ∩ Wⱼ| / |Wᵢ ∪ Wⱼ| with Wᵢ = [onsetSocᵢ, completionSocᵢ]; in [0, 1]. NaN with fewer than
   * two active traces.
   */
  synchronicityIndex: number;
  /**
   * `'synchronous'` when `synchronicityIndex` ≥ `synchronousThreshold`, `'asynchronous'` below it,
   * `'undetermined'` when fewer than two traces are active.
   */
  classification: 'asynchronous' | 'synchronous' | 'undetermined';
}

/**
 * Reads asynchronous vs synchronous reaction from per-particle traces against state of charge, as
 * Sharma et al. do with the normalized optical intensity of NMC particles (steps and single slope
 * peaks on the first charge, gradual overlapping changes afterwards).
 *
 * For each trace y(s) on the common SOC grid s (strictly increasing or strictly decreasing):
 * 1. ŷ = Savitzky–Golay smoothing of y over the sample index (window W, degree p; numerics'
 *    `savitzkyGolay`); the net change is Δ = ŷ[n−1] − ŷ[0].
 * 2. The trace is active when |Δ| > max(`minChange`, 1e-9 · max|ŷ|). Its reaction coordinate f = (ŷ − ŷ[0]) / Δ runs
 *    from 0 to 1 whatever the sign of Δ.
 * 3. `onsetSoc` is the first SOC, in sample order, where f reaches `onsetLevel` (default 0.1);
 *    `completionSoc` is the first SOC after it where f reaches `completionLevel` (default 0.9);
 *    both are linearly interpolated between samples. `transitionWidth` = |completion − onset|.
 *    For a logistic step f = 1/(1 + e^{−(s−s₀)/w}) the defaults give s₀ ∓ w ln 9 and a width of
 *    2w ln 9 ≈ 4.39 w.
 * 4. The directed slope g = df/ds × sign(s[n−1] − s[0]) (numerics' `gradient`, numpy's formula) is
 *    positive while the particle advances. `slopePeaks` counts the separate excursions of g above
 *    `peakFraction` × max g: an excursion starts when g ≥ that level and ends when g falls below
 *    half of it (hysteresis, so noise on a plateau does not split a peak). A sharp step and a
 *    uniform ramp both count 1; a particle whose fragments react at different times counts 2 or more.
 *
 * Population: `synchronicityIndex` is the mean, over all pairs of active traces, of the overlap
 * ratio (Jaccard index) of their transition windows, J = |Wᵢ ∩ Wⱼ| / |Wᵢ ∪ Wⱼ|. It is 1 when all
 * particles react over the same SOC window and 0 when no two particles react at the same time, does
 * not depend on the SOC unit or on an affine change of the trace units, and reads directly as "of
 * the SOC range in which either of two particles reacts, the fraction in which both do". For two
 * windows of equal width w offset by δ < w it is (w − δ)/(w + δ), so the default threshold 0.5
 * means particles whose windows are offset by less than a third of their width on average are
 * called synchronous. Staggered sharp steps (Sharma's first charge) give J ≈ 0; gradual changes
 * that span the charge (later cycles) give J near 1. The cost is O(m²) in the number m of active
 * traces (m = 1000 takes a few ms).
 *
 * Reference: N. Sharma, L. S. de Vasconcelos, S. Hassan, K. Zhao, "Asynchronous-to-Synchronous
 * Transition of Li Reactions in Solid-Solution Cathodes", Nano Lett. 22 (2022) 5883–5890, Fig. 1c.
 * The index and the onset/width definitions are this toolkit's (the paper reads the plots).
 *
 * @param traces - One array per particle (any unit: normalized intensity, Li fraction…), each
 *   with one finite value per SOC sample.
 * @param soc - State of charge at each sample (any unit, typically a fraction in [0, 1] or %),
 *   strictly monotonic, at least 3 samples.
 * @param options - Smoothing, levels and thresholds; see {@link ReactionDynamicsOptions}.
 * @returns Per-trace onset, completion, width, peak count and maximal slope, and the population's
 *   synchronicity index and classification.
 * @throws TypeError if `traces` is not an array of numeric arrays or `soc` is not numeric.
 * @throws RangeError if `traces` is empty, a trace's length differs from `soc`'s, a value is not
 *   finite, `soc` has fewer than 3 samples or is not strictly monotonic, or an option is outside
 *   its documented domain.
 *
 * @example
 * ```ts
 * import { reactionDynamics } from '@intercalate/numerics';
 * const soc = Array.from({ length: 101 }, (_, i) => i / 100);
 * const step = (s0: number) => soc.map((s) => 1 / (1 + Math.exp(-(s - s0) / 0.005)));
 * const result = reactionDynamics([step(0.2), step(0.5), step(0.8)], soc);
 * result.classification; // 'asynchronous' (the three particles react one after the other)
 * result.traces[1].onsetSoc; // ≈ 0.49
 * ```
 */
export function reactionDynamics(
  traces: readonly ArrayLike<number>[],
  soc: ArrayLike<number>,
  options: ReactionDynamicsOptions = {},
): ReactionDynamicsResult {
  if (!Array.isArray(traces)) {
    throw new TypeError(
      `traces must be an array of numeric arrays (one per particle); received ${describeValue(traces)}`,
    );
  }
  if (traces.length === 0) {
    throw new RangeError('traces must hold at least one trace; received an empty array');
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  assertNumericArray('soc', soc, { minLength: 3 });
  const n = soc.length;
  const direction = Math.sign((soc[n - 1] as number) - (soc[0] as number));
  for (let i = 1; i < n; i++) {
    const step = ((soc[i] as number) - (soc[i - 1] as number)) * direction;
    if (!(step > 0)) {
      throw new RangeError(
        `soc must be strictly monotonic; received soc[${i - 1}] = ${soc[i - 1]}, soc[${i}] = ${soc[i]}`,
      );
    }
  }
  for (let t = 0; t < traces.length; t++) {
    assertNumericArray(`traces[${t}]`, traces[t], { length: n, lengthOf: 'soc' });
  }
  const defaultWindow = Math.min(Math.max(3, 2 * Math.floor(n / 40) + 1), n % 2 === 1 ? n : n - 1);
  const window = assertFiniteNumber('window', options.window ?? defaultWindow, {
    min: 1,
    max: n,
    integer: true,
  });
  const order = assertFiniteNumber('order', options.order ?? Math.min(2, window - 1), {
    min: 0,
    max: window - 1,
    integer: true,
  });
  const onsetLevel = assertFiniteNumber('onsetLevel', options.onsetLevel ?? 0.1, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  const completionLevel = assertFiniteNumber('completionLevel', options.completionLevel ?? 0.9, {
    min: onsetLevel,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  const peakFraction = assertFiniteNumber('peakFraction', options.peakFraction ?? 0.5, {
    min: 0,
    max: 1,
    exclusiveMin: true,
  });
  const minChange = assertFiniteNumber('minChange', options.minChange ?? 0, { min: 0 });
  const threshold = assertFiniteNumber(
    'synchronousThreshold',
    options.synchronousThreshold ?? 0.5,
    { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true },
  );

  const smoothed = new Float64Array(n);
  const slope = new Float64Array(n);
  const results: ReactionDynamicsTrace[] = [];
  for (const trace of traces) {
    if (window > 1) savitzkyGolay(trace, { window, order, out: smoothed });
    else smoothed.set(trace);
    const first = smoothed[0] as number;
    const change = (smoothed[n - 1] as number) - first;
    let largest = 0;
    for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(smoothed[i] as number));
    if (!(Math.abs(change) > Math.max(minChange, 1e-9 * largest))) {
      results.push({
        active: false,
        change,
        onsetSoc: Number.NaN,
        completionSoc: Number.NaN,
        transitionWidth: Number.NaN,
        slopePeaks: 0,
        maxSlope: Number.NaN,
      });
      continue;
    }
    for (let i = 0; i < n; i++) smoothed[i] = ((smoothed[i] as number) - first) / change;
    const onsetIndex = firstCrossing(smoothed, onsetLevel, 1);
    const completionIndex = firstCrossing(smoothed, completionLevel, onsetIndex);
    const onsetSoc = interpolateCrossing(smoothed, soc, onsetLevel, onsetIndex);
    const completionSoc = interpolateCrossing(smoothed, soc, completionLevel, completionIndex);
    gradient(smoothed, soc, { out: slope });
    let maxSlope = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const g = (slope[i] as number) * direction;
      slope[i] = g;
      if (g > maxSlope) maxSlope = g;
    }
    results.push({
      active: true,
      change,
      onsetSoc,
      completionSoc,
      transitionWidth: Math.abs(completionSoc - onsetSoc),
      slopePeaks: countPeaks(slope, peakFraction * maxSlope),
      maxSlope,
    });
  }

  let pairs = 0;
  let sum = 0;
  for (let i = 0; i < results.length; i++) {
    const a = results[i] as ReactionDynamicsTrace;
    if (!a.active) continue;
    const aLow = Math.min(a.onsetSoc, a.completionSoc);
    const aHigh = Math.max(a.onsetSoc, a.completionSoc);
    for (let j = i + 1; j < results.length; j++) {
      const b = results[j] as ReactionDynamicsTrace;
      if (!b.active) continue;
      const bLow = Math.min(b.onsetSoc, b.completionSoc);
      const bHigh = Math.max(b.onsetSoc, b.completionSoc);
      const intersection = Math.max(0, Math.min(aHigh, bHigh) - Math.max(aLow, bLow));
      const union = Math.max(aHigh, bHigh) - Math.min(aLow, bLow);
      // Two windows of zero width at the same SOC coincide exactly.
      sum += union > 0 ? intersection / union : aLow === bLow ? 1 : 0;
      pairs++;
    }
  }
  const synchronicityIndex = pairs > 0 ? sum / pairs : Number.NaN;
  const classification =
    pairs === 0 ? 'undetermined' : synchronicityIndex >= threshold ? 'synchronous' : 'asynchronous';
  return { traces: results, synchronicityIndex, classification };
}

/** First index ≥ `from` with f[i] ≥ level (f ends at exactly 1 > level, so one exists). */
function firstCrossing(f: Float64Array, level: number, from: number): number {
  for (let i = Math.max(from, 1); i < f.length; i++) if ((f[i] as number) >= level) return i;
  return f.length - 1;
}

/** SOC where f crosses `level` between samples index − 1 and index, by linear interpolation. */
function interpolateCrossing(
  f: Float64Array,
  soc: ArrayLike<number>,
  level: number,
  index: number,
): number {
  const f0 = f[index - 1] as number;
  const f1 = f[index] as number;
  const s0 = soc[index - 1] as number;
  const s1 = soc[index] as number;
  // firstCrossing guarantees f0 < level ≤ f1.
  return s0 + ((level - f0) / (f1 - f0)) * (s1 - s0);
}

/** Excursions of g above `high`, each ending when g falls below high / 2. */
function countPeaks(g: Float64Array, high: number): number {
  if (!(high > 0)) return 0;
  const low = high / 2;
  let peaks = 0;
  let inside = false;
  for (let i = 0; i < g.length; i++) {
    const value = g[i] as number;
    if (!inside && value >= high) {
      inside = true;
      peaks++;
    } else if (inside && value < low) {
      inside = false;
    }
  }
  return peaks;
}
