import {
  assertFiniteNumber,
  assertNumericArray,
  createRng,
  describeValue,
  type ReactionDynamicsOptions,
  type ReactionDynamicsTrace,
  reactionDynamics,
} from '@intercalate/numerics';
import { FARADAY, GAS_CONSTANT } from './constants.js';
import {
  assertLaw,
  type CyclingStep,
  type CyclingStepSummary,
  checkpoint,
  Series,
} from './cycling-protocol.js';
import {
  butlerVolmerKernel,
  butlerVolmerSlopeKernel,
  exchangeCurrentDensityKernel,
} from './kinetics-kernels.js';
import { type ParticleOptions, resolveParticleOptions } from './particle-options.js';
import { runProtocol } from './protocol-driver.js';
import {
  diffusionStep,
  diffusionWork,
  evaluateDiffusivity,
  inventory,
  sphereGrid,
} from './sphere-diffusion.js';
import { illustrativeNmcConductivity, type TransportLaw } from './transport-laws.js';

/** Options of {@link simulateParticleNetwork}. Only `protocol` is required. */
export interface ParticleNetworkOptions extends ParticleOptions {
  /** Number of particles N, integer ≥ 1 (ignored when `pathLength` is an array). @defaultValue 100 */
  particles?: number;
  /** Electronic conductivity κ(x) (S m⁻¹), > 0. @defaultValue {@link illustrativeNmcConductivity} */
  conductivity?: TransportLaw;
  /**
   * Path factor ℓ_k of each particle's own segment (m), ≥ 0: the segment's area-specific
   * resistance is ρ_k = R_k + ℓ_k/κ(x̄_k) (Ω m²), the oxide of particle k that the current crosses
   * (ℓ lumps the path length and the ratio of particle to contact area; 0 = carbon reaches the
   * reacting surface). Give an array (its length sets N; the paths are then parallel unless
   * `upstream` is given), or leave it out for the generated electrode: N particles in `chains`
   * chains, the first particle of each chain touching the carbon network (ℓ = 0) and every other
   * particle drawn log-normal, log₁₀ ℓ_k = log₁₀(`pathLengthMedian`) + `pathLengthSpread`·z_k, with
   * z_k standard normal from `createRng(seed).normal()` (numpy `RandomState(seed).standard_normal`;
   * one draw per particle, in index order, chain heads included).
   */
  pathLength?: ArrayLike<number>;
  /**
   * Median of the generated path factors (m), > 0. The default makes a pristine segment
   * ℓ/κ(0.99) ≈ 20 Ω m² (κ(0.99) ≈ 1.2e-5 S m⁻¹): at the ≈ 0.9 V between a charging and a
   * pristine particle it passes ≈ 0.045 A m⁻², so a particle needs ≈ 2 h to remove the few per cent
   * of Li that make it conduct.
   * @defaultValue 2.4e-4
   */
  pathLengthMedian?: number;
  /** Spread of the generated path factors: standard deviation of log₁₀ ℓ (decades), ≥ 0. @defaultValue 0.5 */
  pathLengthSpread?: number;
  /** Seed of the generator of path factors (numpy RandomState-compatible `createRng`). @defaultValue 1 */
  seed?: number;
  /**
   * Number of chains C of the generated electrode, integer in [1, N] (only when `pathLength` and
   * `upstream` are left out): particle k is reached through particle k − C (upstream k − C), and
   * particles 0…C−1 touch the carbon network (upstream −1, ℓ = 0). So particle k sits behind
   * ⌊k/C⌋ other particles, as the top particles of Sharma et al.'s Fig. 4a sit behind zero to four
   * obstructing particles. C = N gives N perfectly wired particles in parallel.
   * @defaultValue min(10, N)
   */
  chains?: number;
  /**
   * Topology of the electronic paths: for each particle k, the index of the particle through
   * which its path continues towards the current collector, or −1 when its segment connects to
   * the collector (carbon network) directly. Integers in [−1, N − 1], none its own index, without
   * cycles (every particle must reach −1); length N. The path of particle k is its own segment
   * followed by those of its upstream particles, and a segment carries the current of its
   * particle plus that of every particle behind it (Kirchhoff), so a pristine particle on the path
   * blocks all the particles behind it until it has delithiated and conducts. With generated path
   * factors (`pathLength` left out) every ℓ is drawn log-normal (no ℓ = 0 heads) and `chains` must
   * be left out.
   * @defaultValue the chains of the generated electrode; all −1 (parallel paths) when `pathLength` is an array
   * @example
   * ```ts
   * import { simulateParticleNetwork } from '@intercalate/electrochem';
   * // particles 0 → 1 → 2 in a chain from the collector (0 on the carbon), particle 3 in parallel
   * const r = simulateParticleNetwork({
   *   protocol: [{ mode: 'current', cRate: 0.05, maxDuration: 3600 }],
   *   pathLength: [0, 2e-4, 2e-4, 2e-4],
   *   upstream: [-1, 0, 1, -1],
   * });
   * r.upstream; // Int32Array [-1, 0, 1, -1]
   * ```
   */
  upstream?: ArrayLike<number>;
  /**
   * Carbon-contact resistance R_k of each segment (Ω m², ≥ 0): one number for all particles or one
   * per particle. @defaultValue 0.01
   */
  contactResistance?: number | ArrayLike<number>;
  /** Finite-volume shells per particle, integer ≥ 1 (1 = uniform particle). @defaultValue 4 */
  shells?: number;
  /** Options of the per-half-cycle `reactionDynamics` analysis. @defaultValue `{ minChange: 0.05 }` (particles that change x̄ by less are inactive) */
  dynamics?: ReactionDynamicsOptions;
}

/** One half-cycle (a run of charge or discharge steps) with its reaction-dynamics analysis. */
export interface NetworkHalfCycle {
  /** `'charge'` (delithiation) or `'discharge'`. */
  direction: 'charge' | 'discharge';
  /** Protocol step indices in the half-cycle (e.g. a constant-current step and its hold). */
  steps: number[];
  /** First sample index (the state before the half-cycle). */
  startIndex: number;
  /** Last sample index. */
  endIndex: number;
  /**
   * Population synchronicity index of `reactionDynamics` from `@intercalate/numerics` (mean
   * pairwise overlap of the particles' reaction windows on the cell-SOC axis): ≈ 0 for staggered
   * steps, ≈ 1 for synchronous reaction; NaN with fewer than two active particles.
   */
  synchronicityIndex: number;
  /** Its classification: `'asynchronous'`, `'synchronous'` or `'undetermined'`. */
  classification: 'asynchronous' | 'synchronous' | 'undetermined';
  /** Per-particle onset, width, slope-peak count… on the `stateOfCharge` axis. */
  particles: ReactionDynamicsTrace[];
}

/** Result of {@link simulateParticleNetwork}: one sample per accepted time step (and the initial state). */
export interface ParticleNetworkResult {
  /** Time (s). */
  time: Float64Array;
  /** Cell (current-collector) potential Φ vs Li⁺/Li (V). */
  voltage: Float64Array;
  /** Mean surface current density over the particles (A m⁻²), charge positive. */
  current: Float64Array;
  /** Mean lithium content of the electrode (mean of the particles' x̄). */
  cellLithium: Float64Array;
  /** Cell state of charge 1 − `cellLithium` (theoretical, 0 = fully lithiated). */
  stateOfCharge: Float64Array;
  /** Cumulative charge passed by the whole network (C), ∫ Σ I_k dt. */
  charge: Float64Array;
  /** Lithium in the whole network (mol). */
  totalLithium: Float64Array;
  /** Protocol step index of each sample. */
  step: Int32Array;
  /** Per particle, its mean lithium content x̄_k at each sample: the traces. */
  particleLithium: Float64Array[];
  /** The path factors ℓ_k used (m). */
  pathLength: Float64Array;
  /** The contact resistances R_k used (Ω m²). */
  contactResistance: Float64Array;
  /** The upstream particle of each particle's path (−1: the collector); see {@link ParticleNetworkOptions.upstream}. */
  upstream: Int32Array;
  /** One summary per executed protocol step (`charge` for the whole network, C). */
  steps: CyclingStepSummary[];
  /** The half-cycles with their synchronicity analysis. */
  halfCycles: NetworkHalfCycle[];
}

/**
 * Simulates N active particles in one electrode (Sharma et al., Nano Lett. 2022, 22, 5883,
 * mechanisms (1) and (3)): each particle reacts by Butler–Volmer kinetics behind an electronic
 * path whose resistance scales with 1/κ(x̄) of the particles on it, and all share one applied
 * cell current (or one held voltage).
 *
 * Circuit: the current collector is at the cell potential Φ (vs Li⁺/Li; electrolyte potential 0,
 * ideal electrolyte and counter electrode). Particle k owns a segment of area-specific resistance
 * ρ_k = R_k + ℓ_k/κ(x̄_k) (Ω m²): a carbon-contact term R_k and a conduction term through its own
 * poorly conducting oxide (ℓ_k, m, lumps the path length and the ratio of particle to contact
 * area). The segment joins the particle's node to the node of its `upstream` particle (or to the
 * collector, −1), so the paths form a forest rooted at the collector, and segment k carries
 * J_k = i_k + Σ J_c over the particles c directly behind k. With φ_up the potential of the
 * upstream node (Φ for −1), the surface current density i_k (A m⁻², anodic positive) satisfies
 *
 * φ_k = φ_up − ρ_k·J_k = U(x_s,k) + η_k,  i_k = BV(η_k; i0(c_s,k)),
 *
 * and on a galvanostatic step Σ_k i_k = N·i_applied, with 1C defined by `nominalLithiumRange`.
 * All upstream −1 is N parallel paths, r_k = ρ_k. Each step is solved by a joint Newton
 * iteration on (η_1…η_N, Φ) whose linear system is eliminated exactly along the tree in O(N)
 * (bottom-up subtree conductances, then top-down updates), warm-started and step-limited; for
 * parallel paths a nested bracketed solve (monotone in Φ) backs it up, for a tree the time step
 * is halved. Nothing is allocated per time step.
 *
 * Inside each particle: spherical diffusion on `shells` finite-volume shells (equal volume by
 * default; arithmetic-mean interface D; surface = outer shell), backward Euler with D evaluated at
 * the start of the step (linearly implicit), U linearized about the zero-current prediction of
 * the surface concentration, i0 and κ evaluated at the start of the step. Lithium is conserved to
 * round-off.
 *
 * Default electrode (illustrative, seeded): 100 particles in 10 chains; each chain's first
 * particle touches the carbon network (ℓ = 0, the paper's "direct carbon binder connection to the
 * current collector"), particle k sits behind particle k − 10, and the other path factors are
 * log-normal (median 2.4e-4 m, 0.5 decade), so a pristine segment is ≈ 20 Ω m² and the particle
 * at depth d sits behind d pristine particles (Fig. 4a: "four NMC particles obstructing"). Why a
 * tree: pristine NMC conducts so poorly (κ(0.99) ≈ 1.2e-5 S m⁻¹) that a pristine path of
 * ℓ/κ ≈ 57 Ω m² (the former parallel default) drops 57 × 0.067 ≈ 3.8 V at C/20 (0.067 A m⁻²
 * here), far more than the ≈ 1 V between U(0.99) = 3.28 V and the 4.3 V cut-off (the
 * Butler–Volmer overpotential is only ≈ 0.1 V even when the few conducting particles carry N
 * times the mean current); parallel paths wired well enough to carry C/20 let every pristine
 * particle leak current and delithiate gradually. Behind other particles, a pristine particle
 * waits: the chain heads carry the current from the start; once a particle has lost the few per
 * cent of Li that raise κ by orders of magnitude it conducts, takes the current (its U is the
 * lowest), catches up with the others in one step and unblocks the particle behind it. With C/20
 * and a 4.3 V hold: the constant-current step passes ≈ 95 % of the first charge, 92 particles
 * switch one after another (one slope peak each, onsets over ≈ 0.6 of SOC, in the order of the
 * pristine path resistance, synchronicity index ≈ 0.23); the first discharge stops ≈ 9 % short
 * (mechanism (2)), every particle keeps a high κ and the second charge is gradual and
 * synchronous (index ≈ 0.97). These numbers depend on the seed (indices 0.2–0.47 for seeds 1–5:
 * always asynchronous). For the former parallel model pass
 * `upstream: new Array(100).fill(-1)` with `pathLengthMedian: 7e-4, pathLengthSpread: 0.75`
 * (its first charge then runs in the 4.3 V hold).
 *
 * Half-cycles (runs of consecutive non-rest steps with the same current direction) are analysed
 * with `reactionDynamics` from `@intercalate/numerics` on the `stateOfCharge` axis, after linear
 * resampling of the traces onto 201 equally spaced SOC values of the half-cycle (samples where the
 * SOC does not strictly advance are dropped first).
 *
 * @param options - Protocol, particles, paths, laws and numerics; see {@link ParticleNetworkOptions}.
 * @returns Cell series, per-particle traces, step summaries and half-cycle synchronicity; see
 *   {@link ParticleNetworkResult}.
 * @throws TypeError if an option has the wrong type or a step lacks an end condition.
 * @throws RangeError if an option is outside its domain, arrays have mismatched lengths, a law
 *   returns a non-finite value (or D, κ ≤ 0), or the time step collapses outside a galvanostatic
 *   step.
 * @throws Error named `'AbortError'` when `signal` is aborted.
 *
 * @example
 * ```ts
 * import { simulateParticleNetwork } from '@intercalate/electrochem';
 * const cycle = [
 *   { mode: 'current', cRate: 1 / 20, maxVoltage: 4.3 },
 *   { mode: 'voltage', voltage: 4.3, minCRate: 1 / 100 },
 *   { mode: 'current', cRate: -1 / 20, minVoltage: 2.5 },
 * ] as const;
 * const result = simulateParticleNetwork({ protocol: [...cycle, ...cycle] });
 * result.halfCycles.map((h) => h.classification);
 * // ['asynchronous', 'synchronous', 'synchronous', 'synchronous']
 * result.particleLithium[0]; // x̄ of particle 0 at every sample (vs result.time or result.stateOfCharge)
 * ```
 */
export function simulateParticleNetwork(options: ParticleNetworkOptions): ParticleNetworkResult {
  const {
    protocol,
    radius,
    cMax,
    x0,
    diffusivity,
    ocv,
    kin,
    temperature,
    range,
    shells,
    gridKind,
    maxStep,
  } = resolveParticleOptions(options, { shells: 4, maxShells: 10000 });
  const positive = { min: 0, exclusiveMin: true };
  const conductivity = options.conductivity ?? illustrativeNmcConductivity;
  assertLaw('options.conductivity', conductivity);
  const dynamicsOptions = options.dynamics ?? { minChange: 0.05 };
  if (typeof dynamicsOptions !== 'object' || dynamicsOptions === null) {
    throw new TypeError(
      `options.dynamics must be an object; received ${describeValue(dynamicsOptions)}`,
    );
  }

  // Paths.
  let path: Float64Array;
  let upstream: Int32Array;
  if (options.pathLength !== undefined) {
    const given = assertNumericArray('options.pathLength', options.pathLength, { minLength: 1 });
    path = Float64Array.from(given);
    path.forEach((value, k) => {
      if (!(value >= 0)) {
        throw new RangeError(
          `options.pathLength[${k}] must be a finite number ≥ 0 (m); received ${value}`,
        );
      }
    });
    upstream = resolveUpstream(options.upstream, path.length);
  } else {
    const n = assertFiniteNumber('options.particles', options.particles ?? 100, {
      min: 1,
      max: 1e6,
      integer: true,
    });
    const median = assertFiniteNumber(
      'options.pathLengthMedian',
      options.pathLengthMedian ?? 2.4e-4,
      { ...positive, unit: 'm' },
    );
    const spread = assertFiniteNumber('options.pathLengthSpread', options.pathLengthSpread ?? 0.5, {
      min: 0,
      max: 10,
    });
    const seed = assertFiniteNumber('options.seed', options.seed ?? 1, {
      min: 0,
      max: 2 ** 32 - 1,
      integer: true,
    });
    let chains = n;
    if (options.upstream !== undefined) {
      if (options.chains !== undefined) {
        throw new TypeError(
          'options.chains and options.upstream exclude each other: give the chains of the generated electrode or your own upstream links, not both',
        );
      }
      upstream = resolveUpstream(options.upstream, n);
    } else {
      chains = assertFiniteNumber('options.chains', options.chains ?? Math.min(10, n), {
        min: 1,
        max: n,
        integer: true,
      });
      upstream = new Int32Array(n);
      for (let k = 0; k < n; k++) upstream[k] = k < chains ? -1 : k - chains;
    }
    const rng = createRng(seed);
    path = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const z = rng.normal();
      // Generated chains: the first particle of each touches the carbon network (ℓ = 0).
      path[k] = options.upstream === undefined && k < chains ? 0 : median * 10 ** (spread * z);
    }
  }
  const n = path.length;
  const contact = new Float64Array(n);
  const contactOption = options.contactResistance ?? 0.01;
  if (typeof contactOption === 'number') {
    contact.fill(
      assertFiniteNumber('options.contactResistance', contactOption, { min: 0, unit: 'Ω m²' }),
    );
  } else {
    const given = assertNumericArray('options.contactResistance', contactOption, {
      length: n,
      lengthOf: 'the number of particles',
    });
    for (let k = 0; k < n; k++) {
      contact[k] = assertFiniteNumber(`options.contactResistance[${k}]`, given[k], {
        min: 0,
        unit: 'Ω m²',
      });
    }
  }
  const order = treeOrder(upstream);
  let parallel = true;
  for (let k = 0; k < n; k++) if (upstream[k] !== -1) parallel = false;
  const progress = checkpoint(options, protocol.length, 'simulateParticleNetwork');

  // State and per-step buffers (allocated once).
  const grid = sphereGrid(radius, shells, gridKind);
  const work = diffusionWork(shells);
  const c = new Float64Array(n * shells).fill(x0 * cMax);
  const dAll = new Float64Array(n * shells);
  const baseAll = new Float64Array(n * shells);
  const unitAll = new Float64Array(n * shells);
  const uLin = new Float64Array(n); // U at the predicted surface
  const ocvSlope = new Float64Array(n); // linearized OCV term dU/di_k (Ω m², ≥ 0)
  const i0 = new Float64Array(n);
  const rPath = new Float64Array(n); // segment resistance ρ_k = R_k + ℓ_k/κ(x̄_k)
  const eta = new Float64Array(n); // warm starts
  const iK = new Float64Array(n);
  const slopeK = new Float64Array(n); // di_k/dΦ (parallel fallback)
  const residual = new Float64Array(n);
  const inverseDenominator = new Float64Array(n);
  const xMean = new Float64Array(n);
  const segment = new Float64Array(n); // J_k: current through segment k (A m⁻², particle-area units)
  const node = new Float64Array(n); // φ_k: potential of particle k's node (V)
  const gain = new Float64Array(n); // G_k = dJ_k/dφ_parent of the linearized subtree
  const offset = new Float64Array(n); // H_k: its constant part
  const dNode = new Float64Array(n); // δφ_k of the Newton step
  const fOverRT = FARADAY / (GAS_CONSTANT * temperature);
  const { alphaA: aa, alphaC: ac } = kin;
  const oneC = (FARADAY * cMax * range * (radius / 3)) / 3600; // A m⁻² per particle
  const area = 4 * Math.PI * radius * radius;
  const last = shells - 1;
  const perSteradian = 1 / (grid.totalVolume * cMax);

  const lawValue = (law: TransportLaw, name: string, x: number, positiveOnly: boolean): number => {
    const v = law(x);
    if (
      typeof v !== 'number' ||
      Number.isNaN(v) ||
      (positiveOnly && !(v > 0 && v < Number.POSITIVE_INFINITY))
    ) {
      throw new RangeError(
        `${name} must return ${positiveOnly ? 'a finite number > 0' : 'a number'}; ${name}(${x}) returned ${describeValue(v)}`,
      );
    }
    return v;
  };
  const clampX = (x: number) => (x < 1e-12 ? 1e-12 : Math.min(x, 1 - 1e-12));

  /** Refreshes per-particle D, κ and mean x from the accepted state. */
  const refresh = (): void => {
    for (let k = 0; k < n; k++) {
      if (shells > 1)
        evaluateDiffusivity(
          diffusivity,
          c,
          k * shells,
          shells,
          cMax,
          work,
          'options.diffusivity',
          dAll,
          k * shells,
        );
      const x = inventory(grid, c, k * shells) * perSteradian;
      xMean[k] = x;
      rPath[k] =
        contact[k]! +
        path[k]! / lawValue(conductivity, 'options.conductivity', x < 0 ? 0 : Math.min(x, 1), true);
    }
  };

  /** Prepares the linear response of every particle for a step of length h. */
  const prepare = (h: number): void => {
    for (let k = 0; k < n; k++) {
      const o = k * shells;
      let csBase: number;
      let csSlope: number;
      if (shells > 1) {
        diffusionStep(grid, c, o, h, work, dAll, o);
        for (let s = 0; s < shells; s++) {
          baseAll[o + s] = work.base[s]!;
          unitAll[o + s] = work.unit[s]!;
        }
        csBase = c[o + last]! + work.base[last]!;
        csSlope = work.unit[last]!;
      } else {
        baseAll[o] = 0;
        unitAll[o] = (-h * radius * radius) / grid.volumes[0]!;
        csBase = c[o]!;
        csSlope = unitAll[o]!;
      }
      const x = clampX(csBase / cMax);
      const u = lawValue(ocv, 'options.ocv', x, false);
      const delta = Math.min(1e-6, 0.5 * x, 0.5 * (1 - x));
      const slope =
        (lawValue(ocv, 'options.ocv', x + delta, false) -
          lawValue(ocv, 'options.ocv', x - delta, false)) /
        (2 * delta);
      uLin[k] = u;
      // U(x_s(i)) ≈ U + U'·csSlope·i/(F c_max); U' ≤ 0 and csSlope < 0 make the term ≥ 0.
      ocvSlope[k] = Math.max(0, (slope * csSlope) / (FARADAY * cMax));
      i0[k] = exchangeCurrentDensityKernel(
        kin.kA,
        kin.kC,
        aa,
        ac,
        x * cMax,
        cMax,
        kin.cl,
        kin.clRef,
      );
    }
  };

  /** Solves every particle's current at cell potential phi; returns Σ i_k and fills slopeK. */
  const currents = (phi: number): number => {
    let total = 0;
    for (let k = 0; k < n; k++) {
      const a = phi - uLin[k]!;
      const s = rPath[k]! + ocvSlope[k]!;
      const j0 = i0[k]!;
      if (a === 0 || j0 === 0) {
        iK[k] = 0;
        eta[k] = 0;
        slopeK[k] = 0;
        continue;
      }
      // Root of g(η) = η + s·BV(η) − a, increasing; bracket [min(0, a), max(0, a)].
      let lo = Math.min(a, 0);
      let hi = Math.max(a, 0);
      let e = eta[k]!;
      if (!(e > lo && e < hi)) e = 0.5 * (lo + hi);
      let bv = 0;
      let dbv = 0;
      for (let iteration = 0; iteration < 100; iteration++) {
        bv = butlerVolmerKernel(j0, e, aa, ac, fOverRT);
        dbv = butlerVolmerSlopeKernel(j0, e, aa, ac, fOverRT);
        const g = e + s * bv - a;
        if (g > 0) hi = e;
        else if (g < 0) lo = e;
        else break;
        let next = e - g / (1 + s * dbv);
        if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
        const step = next - e;
        if (Math.abs(step) <= 1e-16 + 1e-13 * Math.abs(e)) {
          // Converged: first-order update of the current over the last (tiny) step.
          bv += dbv * step;
          e = next;
          break;
        }
        e = next;
        if (hi - lo <= 1e-16 + 1e-14 * Math.abs(e)) {
          bv = butlerVolmerKernel(j0, e, aa, ac, fOverRT);
          dbv = butlerVolmerSlopeKernel(j0, e, aa, ac, fOverRT);
          break;
        }
      }
      eta[k] = e;
      iK[k] = bv;
      slopeK[k] = Number.isFinite(dbv) ? dbv / (1 + s * dbv) : 1 / s;
      total += bv;
    }
    return total;
  };

  /**
   * Cell potential with Σ i_k = target: Newton on the increasing function Σ i_k(Φ) − target from
   * the previous potential, with a bracket kept from the signs seen; a step that leaves the
   * bracket bisects it, and before both ends are known steps are limited to 0.1 V.
   */
  const solvePotential = (target: number, guess: number): number => {
    let lo = Number.NEGATIVE_INFINITY;
    let hi = Number.POSITIVE_INFINITY;
    let phi = guess;
    const scale = Math.abs(target) + n * 1e-12;
    for (let iteration = 0; iteration < 400; iteration++) {
      const f = currents(phi) - target;
      if (f > 0) hi = phi;
      else if (f < 0) lo = phi;
      else return phi;
      if (Math.abs(f) <= 1e-13 * scale || hi - lo <= 1e-14 * (1 + Math.abs(phi))) return phi;
      let derivative = 0;
      for (let k = 0; k < n; k++) derivative += slopeK[k]!;
      let next = phi - f / derivative;
      if (!(next > lo && next < hi)) {
        next =
          Number.isFinite(lo) && Number.isFinite(hi)
            ? 0.5 * (lo + hi)
            : f > 0
              ? phi - 0.1
              : phi + 0.1;
      } else if (!(Number.isFinite(lo) && Number.isFinite(hi)) && Math.abs(next - phi) > 0.1) {
        next = phi + (next > phi ? 0.1 : -0.1);
      }
      phi = next;
    }
    throw new RangeError(
      `simulateParticleNetwork: the cell potential did not converge (target current ${target} A m⁻² summed over particles)`,
    );
  };

  /**
   * Joint Newton on (η_1…η_N, Φ): one Butler–Volmer evaluation per particle per iteration. With
   * b_k = BV′(η_k), o_k the linearized OCV term and w_k = b_k/(1 + o_k·b_k), the linearized
   * particle rows δi_k = w_k·(δφ_k − r_k) and the tree relations δφ_k = δφ_parent − ρ_k·δJ_k,
   * δJ_k = δi_k + Σ_children δJ_c are solved exactly by elimination in O(N): bottom-up, each
   * subtree is δJ_k = G_k·δφ_parent + H_k with Y_k = w_k + Σ_c G_c, G_k = Y_k/(1 + ρ_k·Y_k),
   * H_k = (−w_k·r_k + Σ_c H_c)/(1 + ρ_k·Y_k); the current constraint Σ_roots J = target gives δΦ;
   * top-down, δφ_k and δη_k = (δφ_k − r_k)/(1 + o_k·b_k). (All roots: the parallel paths.) Steps
   * are limited (|δΦ| ≤ 0.1 V, |δη| ≤ 0.05 V); NaN when it does not converge in 60 iterations.
   */
  const solveJoint = (target: number, guess: number, fixed: boolean): number => {
    let potential = guess;
    const scale = Math.abs(target) + n * 1e-12;
    for (let iteration = 0; iteration < 60; iteration++) {
      let sumBv = 0;
      for (let k = 0; k < n; k++) {
        const j0 = i0[k]!;
        if (j0 === 0) {
          iK[k] = 0;
          slopeK[k] = 0;
        } else {
          iK[k] = butlerVolmerKernel(j0, eta[k]!, aa, ac, fOverRT);
          slopeK[k] = butlerVolmerSlopeKernel(j0, eta[k]!, aa, ac, fOverRT);
        }
        sumBv += iK[k]!;
        segment[k] = 0;
        gain[k] = 0;
        offset[k] = 0;
      }
      // Segment currents, bottom-up (children before parents).
      for (let q = n - 1; q >= 0; q--) {
        const k = order[q]!;
        const total = segment[k]! + iK[k]!;
        segment[k] = total;
        const parent = upstream[k]!;
        if (parent >= 0) segment[parent] = segment[parent]! + total;
      }
      // Node potentials and residuals, top-down.
      let maxR = 0;
      for (let q = 0; q < n; q++) {
        const k = order[q]!;
        const parent = upstream[k]!;
        const phiK = (parent >= 0 ? node[parent]! : potential) - rPath[k]! * segment[k]!;
        node[k] = phiK;
        if (i0[k] === 0) {
          residual[k] = 0;
          inverseDenominator[k] = 0;
          continue;
        }
        const r = eta[k]! + ocvSlope[k]! * iK[k]! - (phiK - uLin[k]!);
        residual[k] = r;
        inverseDenominator[k] = 1 / (1 + ocvSlope[k]! * slopeK[k]!);
        const ar = Math.abs(r);
        if (!(ar <= maxR)) maxR = ar;
      }
      const mismatch = fixed ? 0 : sumBv - target;
      if (maxR <= 1e-12 && Math.abs(mismatch) <= 1e-12 * scale) return potential;
      // Linearized subtrees, bottom-up (gain/offset hold the children's sums on entry).
      let sumG = 0;
      let sumH = 0;
      for (let q = n - 1; q >= 0; q--) {
        const k = order[q]!;
        const w = slopeK[k]! * inverseDenominator[k]!;
        const y = w + gain[k]!;
        const z = offset[k]! - w * residual[k]!;
        const denominator = 1 + rPath[k]! * y;
        const g = y / denominator;
        const h = z / denominator;
        gain[k] = g;
        offset[k] = h;
        const parent = upstream[k]!;
        if (parent >= 0) {
          gain[parent] = gain[parent]! + g;
          offset[parent] = offset[parent]! + h;
        } else {
          sumG += g;
          sumH += h;
        }
      }
      let dPhi = fixed ? 0 : (target - sumBv - sumH) / sumG;
      if (!Number.isFinite(dPhi)) return Number.NaN;
      if (dPhi > 0.1) dPhi = 0.1;
      else if (dPhi < -0.1) dPhi = -0.1;
      potential += dPhi;
      // Node potential changes and η updates, top-down.
      for (let q = 0; q < n; q++) {
        const k = order[q]!;
        const parent = upstream[k]!;
        const above = parent >= 0 ? dNode[parent]! : dPhi;
        const change = above - rPath[k]! * (gain[k]! * above + offset[k]!);
        dNode[k] = change;
        let d = (change - residual[k]!) * inverseDenominator[k]!;
        if (d > 0.05) d = 0.05;
        else if (d < -0.05) d = -0.05;
        eta[k] = eta[k]! + d;
      }
    }
    return Number.NaN;
  };

  // Recorded series.
  const sTime = new Series();
  const sVoltage = new Series();
  const sCurrent = new Series();
  const sCell = new Series();
  const sCharge = new Series();
  const sTotal = new Series();
  const sStep = new Series();
  const traces = Array.from({ length: n }, () => new Series());
  let time = 0;
  let charge = 0;
  const record = (phi: number, meanCurrent: number, k: number) => {
    let amount = 0;
    let sumX = 0;
    for (let p = 0; p < n; p++) {
      const q = inventory(grid, c, p * shells);
      amount += q;
      const x = q * perSteradian;
      sumX += x;
      traces[p]!.push(x);
    }
    sTime.push(time);
    sVoltage.push(phi);
    sCurrent.push(meanCurrent);
    sCell.push(sumX / n);
    sCharge.push(charge);
    sTotal.push(4 * Math.PI * amount);
    sStep.push(k);
  };
  refresh();
  prepare(1e-9);
  const restingPotential = lawValue(ocv, 'options.ocv', clampX(x0), false);
  let phi = parallel ? solvePotential(0, restingPotential) : solveJoint(0, restingPotential, false);
  if (Number.isNaN(phi)) phi = restingPotential; // uniform start: every particle at rest at U(x0)
  record(phi, 0, 0);

  const trialC = new Float64Array(n * shells);
  /** Completes a step of length h for the currents in iK; false if a shell leaves (0, c_max). */
  const advance = (): boolean => {
    for (let k = 0; k < n; k++) {
      const o = k * shells;
      const j = iK[k]! / FARADAY;
      for (let s = 0; s < shells; s++) {
        const value = c[o + s]! + baseAll[o + s]! + j * unitAll[o + s]!;
        if (!(value > 0 && value < cMax)) return false;
        trialC[o + s] = value;
      }
    }
    return true;
  };

  let trialPhi = phi;
  let trialMean = 0;
  const savedEta = new Float64Array(n);
  const restore = (): false => {
    eta.set(savedEta);
    return false;
  };
  const steps = runProtocol(
    protocol,
    {
      beginStep: () => {},
      tryStep: (step, h, result) => {
        prepare(h);
        if (!parallel) savedEta.set(eta);
        if (step.mode === 'voltage') {
          trialPhi = step.voltage;
          if (Number.isNaN(solveJoint(0, trialPhi, true))) {
            // Parallel paths: the nested, bracketed solve; a tree: retry with half the step.
            if (!parallel) return restore();
            currents(trialPhi);
          }
        } else {
          const target = step.mode === 'current' ? n * step.cRate * oneC : 0;
          trialPhi = solveJoint(target, phi, false);
          if (Number.isNaN(trialPhi)) {
            if (!parallel) return restore();
            trialPhi = solvePotential(target, phi);
          }
        }
        if (!advance()) return false;
        let sum = 0;
        for (let p = 0; p < n; p++) sum += iK[p]!;
        trialMean = sum / n;
        result.voltage = trialPhi;
        result.currentDensity = trialMean;
        return true;
      },
      accept: (t, q, k) => {
        c.set(trialC);
        time = t;
        charge = q;
        phi = trialPhi;
        refresh();
        record(phi, trialMean, k);
      },
      samples: () => sTime.length,
    },
    {
      maxStep,
      oneC,
      area: area * n,
      progress,
      caller: 'simulateParticleNetwork',
      hint: '',
    },
  );

  const cell = sCell.toArray();
  const soc = new Float64Array(cell.length);
  for (let i = 0; i < cell.length; i++) soc[i] = 1 - cell[i]!;
  const particleLithium = traces.map((t) => t.toArray());
  const stepSeries = new Int32Array(sStep.length);
  for (let i = 0; i < sStep.length; i++) stepSeries[i] = sStep.data[i]!;
  return {
    time: sTime.toArray(),
    voltage: sVoltage.toArray(),
    current: sCurrent.toArray(),
    cellLithium: cell,
    stateOfCharge: soc,
    charge: sCharge.toArray(),
    totalLithium: sTotal.toArray(),
    step: stepSeries,
    particleLithium,
    pathLength: path,
    contactResistance: contact,
    upstream,
    steps,
    halfCycles: halfCycles(protocol, steps, soc, particleLithium, dynamicsOptions),
  };
}

/** Number of points of the uniform SOC grid of the half-cycle analysis. */
const RESAMPLED_POINTS = 201;

/** Groups steps into half-cycles and runs reactionDynamics on each. */
function halfCycles(
  protocol: readonly CyclingStep[],
  steps: readonly CyclingStepSummary[],
  soc: Float64Array,
  traces: readonly Float64Array[],
  dynamicsOptions: ReactionDynamicsOptions,
): NetworkHalfCycle[] {
  const direction = (summary: CyclingStepSummary): number => {
    const step = protocol[summary.step]!;
    if (step.mode === 'rest') return 0;
    return Math.sign(summary.charge);
  };
  const groups: CyclingStepSummary[][] = [];
  let currentDirection = 0;
  for (const summary of steps) {
    const d = direction(summary);
    if (d === 0 || summary.endIndex === summary.startIndex) {
      currentDirection = d === 0 ? 0 : currentDirection;
      continue;
    }
    if (d === currentDirection) groups[groups.length - 1]!.push(summary);
    else groups.push([summary]);
    currentDirection = d;
  }
  return groups.map((group) => {
    const startIndex = group[0]!.startIndex;
    const endIndex = group[group.length - 1]!.endIndex;
    const charging = group[0]!.charge > 0;
    // Samples where the SOC strictly advances in the half-cycle's direction.
    const kept: number[] = [startIndex];
    for (let i = startIndex + 1; i <= endIndex; i++) {
      const previous = soc[kept[kept.length - 1]!]!;
      if (charging ? soc[i]! > previous : soc[i]! < previous) kept.push(i);
    }
    const base = {
      direction: charging ? ('charge' as const) : ('discharge' as const),
      steps: group.map((s) => s.step),
      startIndex,
      endIndex,
    };
    if (kept.length < 3) {
      return {
        ...base,
        synchronicityIndex: Number.NaN,
        classification: 'undetermined' as const,
        particles: [],
      };
    }
    // Resample on a uniform SOC grid (linear interpolation between kept samples), so that the
    // smoothing inside reactionDynamics acts over equal SOC intervals.
    const points = RESAMPLED_POINTS;
    const first = soc[kept[0]!]!;
    const span = soc[kept[kept.length - 1]!]! - first;
    const axis = new Float64Array(points);
    const sub = traces.map(() => new Float64Array(points));
    let segment = 0;
    for (let p = 0; p < points; p++) {
      const target = first + (span * p) / (points - 1);
      axis[p] = target;
      while (segment < kept.length - 2 && (soc[kept[segment + 1]!]! - target) * Math.sign(span) < 0)
        segment++;
      const a = kept[segment]!;
      const b = kept[segment + 1]!;
      const t = Math.min(1, Math.max(0, (target - soc[a]!) / (soc[b]! - soc[a]!)));
      for (let k = 0; k < traces.length; k++) {
        const trace = traces[k]!;
        sub[k]![p] = trace[a]! + t * (trace[b]! - trace[a]!);
      }
    }
    const result = reactionDynamics(sub, axis, dynamicsOptions);
    return {
      ...base,
      synchronicityIndex: result.synchronicityIndex,
      classification: result.classification,
      particles: result.traces,
    };
  });
}

/** Validates `options.upstream` (undefined: all −1, parallel paths) into an Int32Array. */
function resolveUpstream(option: ArrayLike<number> | undefined, n: number): Int32Array {
  const upstream = new Int32Array(n).fill(-1);
  if (option === undefined) return upstream;
  const given = assertNumericArray('options.upstream', option, {
    length: n,
    lengthOf: 'the number of particles',
  });
  for (let k = 0; k < n; k++) {
    const value = given[k]!;
    if (!(Number.isInteger(value) && value >= -1 && value < n && value !== k)) {
      throw new RangeError(
        `options.upstream[${k}] must be −1 (the collector) or the index of another particle, an integer in [0, ${n - 1}] other than ${k}; received ${value}`,
      );
    }
    upstream[k] = value;
  }
  return upstream;
}

/**
 * Breadth-first order of the particles from the collector (every particle after its upstream
 * particle); RangeError if the upstream links contain a cycle (some particle never reaches −1).
 */
function treeOrder(upstream: Int32Array): Int32Array {
  const n = upstream.length;
  const childCount = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) childCount[upstream[k]! + 1]!++;
  const start = new Int32Array(n + 2);
  for (let p = 0; p <= n; p++) start[p + 1] = start[p]! + childCount[p]!;
  const fill = start.slice(0, n + 1);
  const children = new Int32Array(n);
  for (let k = 0; k < n; k++) children[fill[upstream[k]! + 1]!++] = k;
  const order = new Int32Array(n);
  let length = 0;
  for (let q = start[0]!; q < start[1]!; q++) order[length++] = children[q]!;
  for (let head = 0; head < length; head++) {
    const k = order[head]!;
    for (let q = start[k + 1]!; q < start[k + 2]!; q++) order[length++] = children[q]!;
  }
  if (length < n) {
    const seen = new Uint8Array(n);
    for (let q = 0; q < length; q++) seen[order[q]!] = 1;
    const stuck = seen.indexOf(0);
    throw new RangeError(
      `options.upstream must link every particle to the collector (−1) without cycles; particle ${stuck} is on or behind a cycle`,
    );
  }
  return order;
}
