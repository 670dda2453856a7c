// The computations of the Kinetics page, as plain functions of plain data so that they run in the
// page's Web Workers (kinetics.worker.ts, network.worker.ts) and in Node tests alike. Everything
// numerical is done by @intercalate/electrochem through its public entry point.
import {
  analyzeGitt,
  butlerVolmerArray,
  type CyclerData,
  type CyclingStep,
  differentialCapacity,
  marcusHushChidsey,
  readBiologicMpt,
  readCyclerCsv,
  simulateParticleNetwork,
} from '@intercalate/electrochem';

/** Input of {@link currentCurves}. */
export interface CurvesRequest {
  /** Exchange current density i0 (A m⁻²). */
  i0: number;
  /** Anodic transfer coefficient α of Butler–Volmer; the cathodic one is 1 − α. */
  alpha: number;
  /** Reorganization energy λ of Marcus–Hush–Chidsey (eV). */
  lambda: number;
  /** Temperature (K). */
  temperature: number;
  /** The sweep runs over −etaMax … etaMax (V). */
  etaMax: number;
  /** Number of points of the sweep. */
  points: number;
}

/** Result of {@link currentCurves}. */
export interface CurvesResult {
  /** Overpotential η (V). */
  eta: Float64Array;
  /** Butler–Volmer current density (A m⁻²), anodic positive. */
  bv: Float64Array;
  /** Marcus–Hush–Chidsey current density (A m⁻²), normalized so that i0 is the exchange current. */
  mhc: Float64Array;
  /** Both at η = +etaMax (A m⁻²). */
  bvAtMax: number;
  mhcAtMax: number;
}

/**
 * Current–overpotential curves: Butler–Volmer i = i0[exp(αfη) − exp(−(1 − α)fη)], f = F/RT
 * (`butlerVolmerArray`, PyBaMM's asymmetric convention αa = α, αc = 1 − α), and
 * Marcus–Hush–Chidsey in the Zeng et al. (2014) closed form normalized by k(0) (`marcusHushChidsey`).
 */
export function currentCurves(request: CurvesRequest): CurvesResult {
  const n = request.points;
  const eta = new Float64Array(n);
  for (let k = 0; k < n; k++) eta[k] = -request.etaMax + (2 * request.etaMax * k) / (n - 1);
  const bv = butlerVolmerArray({
    overpotential: eta,
    exchangeCurrentDensity: request.i0,
    alphaA: request.alpha,
    alphaC: 1 - request.alpha,
    temperature: request.temperature,
  });
  const mhc = eta.map((e) =>
    marcusHushChidsey({
      exchangeCurrentDensity: request.i0,
      overpotential: e,
      reorganizationEnergy: request.lambda,
      temperature: request.temperature,
    }),
  );
  return { eta, bv, mhc, bvAtMax: bv[n - 1], mhcAtMax: mhc[n - 1] };
}

/** Input of {@link runNetwork}. */
export interface NetworkRequest {
  /** Number of particles. */
  particles: number;
  /** C-rate of the galvanostatic steps (h⁻¹). */
  cRate: number;
  /** Spread of the log-normal path factors (decades; the package's default is 0.5). */
  pathLengthSpread: number;
  /** Seed of the path factors. */
  seed: number;
  /** Frames kept per half-cycle for the figures. */
  frames: number;
}

/** One charge of {@link NetworkSummary}, resampled to `frames` samples. */
export interface NetworkCharge {
  /** Which charge: 1 (first) or 2 (second). */
  index: number;
  synchronicityIndex: number;
  classification: string;
  /** Cell state of charge (fraction) at each frame. */
  stateOfCharge: Float64Array;
  /** Time since the start of the simulation (h) at each frame. */
  time: Float64Array;
  /** Cell voltage (V vs Li⁺/Li) at each frame. */
  voltage: Float64Array;
  /** Per particle, x̄ at each frame (row-major: particle p, frame f at p·frames + f). */
  lithium: Float64Array;
  frames: number;
}

/** Result of {@link runNetwork}. */
export interface NetworkSummary {
  particles: number;
  /** The path factors ℓ_k (m). */
  pathLength: Float64Array;
  /** Upstream particle of each path (−1: the carbon network); the default electrode is 10 chains. */
  upstream: Int32Array;
  /**
   * Share of the first charge's capacity passed in its constant-current step (before the 4.3 V
   * hold), in [0, 1].
   */
  constantCurrentShare: number;
  charges: NetworkCharge[];
  /** Simulated samples in total. */
  samples: number;
}

/** The protocol of the page: two C-rate cycles with a 4.3 V hold, as the package's example. */
export function networkProtocol(cRate: number): CyclingStep[] {
  const cycle: CyclingStep[] = [
    { mode: 'current', cRate, maxVoltage: 4.3 },
    { mode: 'voltage', voltage: 4.3, minCRate: cRate / 5 },
    { mode: 'current', cRate: -cRate, minVoltage: 2.5 },
  ];
  return [...cycle, cycle[0], cycle[1]];
}

/**
 * Runs `simulateParticleNetwork` (Sharma et al., Nano Lett. 2022) over two charges and the
 * discharge between them, and keeps the two charges (half-cycles 1 and 3) resampled at `frames`
 * evenly spaced sample indices, with their synchronicity index.
 */
export function runNetwork(
  request: NetworkRequest,
  onProgress?: (done: number, total: number) => void,
): NetworkSummary {
  const result = simulateParticleNetwork({
    protocol: networkProtocol(request.cRate),
    particles: request.particles,
    pathLengthSpread: request.pathLengthSpread,
    seed: request.seed,
    onProgress,
  });
  const charges = result.halfCycles
    .filter((h) => h.direction === 'charge')
    .slice(0, 2)
    .map((h, index) => {
      const frames = Math.min(request.frames, h.endIndex - h.startIndex + 1);
      const pick = Int32Array.from({ length: frames }, (_, f) =>
        Math.round(h.startIndex + ((h.endIndex - h.startIndex) * f) / Math.max(1, frames - 1)),
      );
      const lithium = new Float64Array(result.particleLithium.length * frames);
      result.particleLithium.forEach((trace, p) => {
        for (let f = 0; f < frames; f++) lithium[p * frames + f] = trace[pick[f]];
      });
      return {
        index: index + 1,
        synchronicityIndex: h.synchronicityIndex,
        classification: h.classification,
        stateOfCharge: Float64Array.from(pick, (i) => result.stateOfCharge[i]),
        time: Float64Array.from(pick, (i) => result.time[i] / 3600),
        voltage: Float64Array.from(pick, (i) => result.voltage[i]),
        lithium,
        frames,
      };
    });
  const [cc, cv] = result.steps;
  return {
    particles: result.particleLithium.length,
    pathLength: result.pathLength,
    upstream: result.upstream,
    constantCurrentShare: cc && cv ? cc.charge / (cc.charge + cv.charge) : Number.NaN,
    charges,
    samples: result.time.length,
  };
}

/** Input of {@link analyzeCycler}. */
export interface CyclerRequest {
  name: string;
  bytes: ArrayBuffer;
  /** Particle radius for the GITT diffusion coefficient (µm). */
  radiusMicrometre: number;
  /** Voltage bin of dQ/dV (V). */
  step: number;
  /** Voltage reversal that separates charge and discharge (V). */
  reversal: number;
}

/** Result of {@link analyzeCycler}. */
export interface CyclerResult {
  /** Which reader was used. */
  format: 'BioLogic .mpt' | 'CSV';
  /** The headers the fields came from. */
  sources: string;
  /** Samples read. */
  samples: number;
  /** Where the capacity came from. */
  capacitySource: string;
  /** Decimated V–Q curve for the figure: capacity (mAh) and voltage (V). */
  capacity: Float64Array;
  voltage: Float64Array;
  /** dQ/dV branches (mAh V⁻¹ against V). */
  branches: {
    direction: 'rising' | 'falling';
    voltage: Float64Array;
    dqdv: Float64Array;
    peak: number;
  }[];
  /** GITT titrations (empty when there are no pulses and rests). */
  gitt: {
    /** Cumulative charge at the end of each titration (mAh). */
    charge: Float64Array;
    /** Relaxed voltage (V). */
    relaxedVoltage: Float64Array;
    /** Weppner–Huggins D (m² s⁻¹). */
    diffusion: Float64Array;
    /** D·τ/r² (validity of the short-time solution). */
    validity: Float64Array;
  };
}

/** Reads a cycler file: a BioLogic `.mpt` (by name or first line) or a CSV export. */
export function readCyclerFile(
  name: string,
  bytes: ArrayBuffer,
): { data: CyclerData; format: CyclerResult['format'] } {
  const view = new Uint8Array(bytes);
  const head = new TextDecoder('latin1').decode(view.subarray(0, 20));
  if (/\.mpt$/i.test(name) || head.startsWith('EC-Lab ASCII FILE')) {
    return { data: readBiologicMpt(view), format: 'BioLogic .mpt' };
  }
  return { data: readCyclerCsv(view), format: 'CSV' };
}

/**
 * dQ/dV (`differentialCapacity`, capacity in mAh) and GITT (`analyzeGitt`, sphere of the given
 * radius) of a dropped cycler file. Without a capacity column the capacity is the trapezoidal
 * integral of the current.
 */
export function analyzeCycler(request: CyclerRequest): CyclerResult {
  const { data, format } = readCyclerFile(request.name, request.bytes);
  const n = data.time.length;
  let capacitySource: string;
  const capacity = new Float64Array(n);
  if (data.capacity) {
    for (let i = 0; i < n; i++) capacity[i] = data.capacity[i] / 3.6;
    capacitySource = `column ${data.sources.capacity}`;
  } else {
    for (let i = 1; i < n; i++) {
      capacity[i] =
        capacity[i - 1] +
        (0.5 * (data.current[i] + data.current[i - 1]) * (data.time[i] - data.time[i - 1])) / 3.6;
    }
    capacitySource = '∫ I dt (no capacity column)';
  }
  const dq = differentialCapacity(
    { capacity, voltage: data.voltage },
    { step: request.step, reversal: request.reversal },
  );
  const branches = dq.branches
    .filter((b) => b.voltage.length > 0)
    .map((b) => {
      let best = 0;
      for (let i = 1; i < b.dqdv.length; i++) if (b.dqdv[i] > b.dqdv[best]) best = i;
      return { direction: b.direction, voltage: b.voltage, dqdv: b.dqdv, peak: b.voltage[best] };
    });
  const gitt: CyclerResult['gitt'] = {
    charge: new Float64Array(0),
    relaxedVoltage: new Float64Array(0),
    diffusion: new Float64Array(0),
    validity: new Float64Array(0),
  };
  const strictlyIncreasing = data.time.every((t, i) => i === 0 || t > data.time[i - 1]);
  if (strictlyIncreasing) {
    const g = analyzeGitt(
      { time: data.time, voltage: data.voltage, current: data.current },
      { radius: request.radiusMicrometre * 1e-6 },
    );
    if (g.titrations.length >= 2) {
      gitt.charge = g.cumulativeCharge.map((q) => q / 3.6);
      gitt.relaxedVoltage = g.relaxedVoltage;
      gitt.diffusion = g.diffusionCoefficient;
      gitt.validity = Float64Array.from(g.titrations, (t) => t.validity);
    }
  }
  // Decimate the V–Q curve to at most 2000 points for the figure.
  const stride = Math.max(1, Math.ceil(n / 2000));
  const m = Math.ceil(n / stride);
  return {
    format,
    sources: Object.entries(data.sources)
      .map(([k, v]) => `${k} ← ${v}`)
      .join(', '),
    samples: n,
    capacitySource,
    capacity: Float64Array.from({ length: m }, (_, k) => capacity[k * stride]),
    voltage: Float64Array.from({ length: m }, (_, k) => data.voltage[k * stride]),
    branches,
    gitt,
  };
}
