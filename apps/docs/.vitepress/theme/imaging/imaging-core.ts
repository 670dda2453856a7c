// The computations of the Imaging page, as plain functions of plain data so that they run in the
// page's Web Worker (imaging.worker.ts) and in Node tests alike. Everything numerical is done by
// @intercalate/imaging (and createRng/histogram of @intercalate/numerics) through their public
// entry points; the synthetic data below are simple closed-form models, stated next to each.
import {
  arealFractions,
  circleMask,
  createImage,
  differenceMap,
  type Image,
  intensity,
  label,
  otsuThreshold,
  type ReactionDynamicsResult,
  reactionDynamics,
  readPng,
  readTiff,
  regionProps,
  roiTimeSeries,
  whiteLineEnergy,
} from '@intercalate/imaging';
import { assertFiniteNumber, createRng, histogram } from '@intercalate/numerics';

// ---------------------------------------------------------------------------------------------
// 1. Synthetic operando optical movie (Sharma et al., Nano Lett. 2022, Fig. 1)
// ---------------------------------------------------------------------------------------------

/** Input of {@link simulateOperandoMovie}. */
export interface MovieRequest {
  /** Seed of the numpy-compatible random generator (noise and particle sizes). */
  seed: number;
  /** Standard deviation of the per-pixel Gaussian noise, in units of I = (R + G + B)/255. */
  noise: number;
  /** Spread of the first-charge onsets: the steps sit at 0.5 ± spread/2 (SOC fraction), ≥ 0. */
  spread: number;
  /** Logistic width w of the first-charge steps (SOC fraction), > 0; the transition spans 2w ln 9. */
  stepWidth: number;
}

/** One particle of the synthetic movie (pixel units, centres at integer coordinates). */
export interface MovieParticle {
  /** Column of the centre (px). */
  x: number;
  /** Row of the centre (px). */
  y: number;
  /** Radius (px). */
  r: number;
  /** SOC of the middle of its first-charge step (fraction). */
  firstChargeStep: number;
}

/** Per-charge analysis: the traces and what reactionDynamics reads from them. */
export interface ChargeAnalysis {
  /** 'first' or 'second' charge. */
  charge: 'first' | 'second';
  /** One mean-intensity trace per particle (roiTimeSeries over circle masks), I units. */
  traces: Float64Array[];
  /** reactionDynamics of the traces against {@link MovieResult.soc}. */
  dynamics: ReactionDynamicsResult;
}

/** Result of {@link simulateOperandoMovie}. */
export interface MovieResult {
  width: number;
  height: number;
  /** SOC of each frame of one charge (fraction 0 … 1); both charges share it. */
  soc: Float64Array;
  /** The frames, first charge then second, each `height × width` (row-major), I units. */
  frames: Float32Array;
  particles: MovieParticle[];
  charges: ChargeAnalysis[];
}

/** Movie geometry: 120 × 90 px, 8 particles, 41 frames per charge (SOC step 0.025). */
export const MOVIE = {
  width: 120,
  height: 90,
  framesPerCharge: 41,
  background: 0.55,
  /** I of a lithiated particle (pristine). */
  lithiated: 0.9,
  /** Rise of I on full delithiation. */
  rise: 0.5,
  /** Fraction of the rise not recovered after the first discharge (≈ 10 % capacity loss, Sharma Fig. 1a). */
  irreversible: 0.1,
  /** Logistic width of the second-charge ramps (SOC fraction). */
  rampWidth: 0.12,
} as const;

/** Particle centres: a 4 × 2 grid (px). */
const CENTRES: readonly [number, number][] = [
  [18, 22],
  [46, 20],
  [74, 24],
  [102, 21],
  [17, 66],
  [45, 68],
  [73, 65],
  [101, 67],
];
/** Order in which the particles step up on the first charge (a scrambled sequence). */
const FIRST_CHARGE_ORDER = [3, 0, 6, 2, 7, 4, 1, 5];

const logistic = (t: number) => 1 / (1 + Math.exp(-t));

/**
 * A synthetic operando optical movie of 8 NMC particles on a darker background, two charges, and
 * its analysis: per-particle traces by `roiTimeSeries` over `circleMask`s and the synchronicity
 * index of `reactionDynamics` for each charge.
 *
 * Model (I = (R + G + B)/255, the paper's normalized intensity): background 0.55; particle k of
 * radius r_k (7–10 px, from the seed) has, at SOC s of the first charge,
 * I = 0.9 + 0.5 / (1 + exp(−(s − s_k)/w)) with s_k = 0.5 + spread·((j_k + ½)/8 − ½) (j_k its rank
 * in a fixed scrambled order) and w = `stepWidth`: sharp steps one after the other. On the second
 * charge every particle starts 10 % up (capacity not recovered) and ramps with a common logistic of
 * width 0.12 centred at 0.5 ± 0.02 (from the seed): gradual and synchronous. Each pixel of each
 * frame gets N(0, noise²) from `createRng(seed)`.
 */
export function simulateOperandoMovie(request: MovieRequest): MovieResult {
  assertFiniteNumber('seed', request.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  assertFiniteNumber('noise', request.noise, { min: 0, max: 1 });
  assertFiniteNumber('spread', request.spread, { min: 0, max: 0.9 });
  assertFiniteNumber('stepWidth', request.stepWidth, { min: 1e-4, max: 0.5 });
  const { width, height, framesPerCharge: n } = MOVIE;
  const rng = createRng(request.seed);
  const particles: MovieParticle[] = CENTRES.map(([x, y], k) => ({
    x,
    y,
    r: 7 + 3 * rng.uniform(),
    firstChargeStep:
      0.5 + request.spread * ((FIRST_CHARGE_ORDER.indexOf(k) + 0.5) / CENTRES.length - 0.5),
  }));
  const rampCentres = particles.map(() => 0.5 + 0.04 * (rng.uniform() - 0.5));
  const soc = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
  // Which particle each pixel belongs to (−1: background); discs of pixel centres strictly inside.
  const owner = new Int8Array(width * height).fill(-1);
  particles.forEach((p, k) => {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if ((x - p.x) ** 2 + (y - p.y) ** 2 < p.r * p.r) owner[y * width + x] = k;
      }
    }
  });
  const frames = new Float32Array(2 * n * width * height);
  const level = new Float64Array(particles.length);
  for (let charge = 0; charge < 2; charge++) {
    for (let t = 0; t < n; t++) {
      const s = soc[t] as number;
      particles.forEach((p, k) => {
        level[k] =
          charge === 0
            ? MOVIE.lithiated + MOVIE.rise * logistic((s - p.firstChargeStep) / request.stepWidth)
            : MOVIE.lithiated +
              MOVIE.rise *
                (MOVIE.irreversible +
                  (1 - MOVIE.irreversible) *
                    logistic((s - (rampCentres[k] as number)) / MOVIE.rampWidth));
      });
      const offset = (charge * n + t) * width * height;
      for (let i = 0; i < width * height; i++) {
        const k = owner[i] as number;
        frames[offset + i] =
          (k < 0 ? MOVIE.background : (level[k] as number)) + request.noise * rng.normal();
      }
    }
  }
  const masks = particles.map((p) =>
    circleMask({ width, height, centerX: p.x, centerY: p.y, radius: p.r }),
  );
  const charges: ChargeAnalysis[] = (['first', 'second'] as const).map((charge, c) => {
    const stack = createImage(
      frames.subarray(c * n * width * height, (c + 1) * n * width * height),
      [n, height, width],
    );
    const traces = roiTimeSeries(stack, masks);
    return { charge, traces, dynamics: reactionDynamics(traces, soc) };
  });
  return { width, height, soc, frames, particles, charges };
}

// ---------------------------------------------------------------------------------------------
// 2. A dropped TIFF or PNG: Otsu threshold, labels, region properties, histogram
// ---------------------------------------------------------------------------------------------

/** Input of {@link analyseParticleImage}. */
export interface ParticleImageRequest {
  /** File name (shown only). */
  name: string;
  /** The file's bytes. */
  bytes: ArrayBuffer;
  /** 'bright': particles are brighter than the background (foreground I > t); 'dark': I ≤ t. */
  polarity: 'bright' | 'dark';
  /** 1: 4-connected regions; 2: 8-connected (scikit-image's default in 2D). */
  connectivity: 1 | 2;
  /** Regions smaller than this many pixels are left out of the table and the count (≥ 0). */
  minArea: number;
}

/** One row of the region table (pixel units, centroid as x = column, y = row). */
export interface RegionRow {
  label: number;
  area: number;
  centroidX: number;
  centroidY: number;
  equivalentDiameter: number;
  eccentricity: number;
  perimeter: number;
  intensityMean: number;
}

/** Result of {@link analyseParticleImage}. */
export interface ParticleImageResult {
  name: string;
  format: 'TIFF' | 'PNG';
  width: number;
  height: number;
  /** Sample type and channels of the file, e.g. "8-bit grey". */
  sampleType: string;
  /** Pages in the file (only the first is analysed). */
  pages: number;
  /** Otsu threshold, in the unit of the analysed intensity. */
  threshold: number;
  /** All labelled regions before the area filter. */
  regionsLabelled: number;
  /** The regions of at least `minArea` pixels. */
  rows: RegionRow[];
  /** Histogram of the analysed intensity: bin edges (n + 1) and counts (n). */
  edges: Float64Array;
  counts: Float64Array;
  /** Display copies, at most 240 px on the long side (nearest sample): intensity and labels. */
  displayWidth: number;
  displayHeight: number;
  /** Size of a display pixel in image pixels. */
  displayStep: number;
  display: Float32Array;
  displayLabels: Int32Array;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

function describeSamples(image: Image): string {
  const data = image.data;
  const type =
    data instanceof Uint8Array
      ? '8-bit'
      : data instanceof Uint16Array
        ? '16-bit'
        : data instanceof Float32Array
          ? '32-bit float'
          : '64-bit float';
  const channels =
    ['', 'grey', 'grey + alpha', 'RGB', 'RGBA'][image.channels] ?? `${image.channels}-channel`;
  return `${type} ${channels}`;
}

/** The single-channel intensity analysed: grey as stored, RGB(A) → (R + G + B)/fullScale, grey+alpha → grey. */
function singleChannel(image: Image): Image {
  if (image.channels === 1) return image;
  if (image.channels >= 3) return intensity(image);
  const [height, width] = image.shape as [number, number];
  const grey = new Float64Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = image.data[i * image.channels] as number;
  return createImage(grey, [height, width]);
}

/**
 * Reads a TIFF (first page) or PNG, thresholds it by Otsu's method (`otsuThreshold`, as
 * scikit-image), labels the foreground (`label`) and measures the regions (`regionProps` with the
 * image as intensity). RGB images are reduced to I = (R + G + B)/fullScale first (`intensity`).
 * Files that are not PNG go to `readTiff`, whose RangeError is what a random file reports.
 */
export function analyseParticleImage(request: ParticleImageRequest): ParticleImageResult {
  assertFiniteNumber('minArea', request.minArea, { min: 0 });
  if (request.connectivity !== 1 && request.connectivity !== 2) {
    throw new RangeError(
      `connectivity must be 1 (4-connected) or 2 (8-connected); received ${String(request.connectivity)}`,
    );
  }
  const bytes = new Uint8Array(request.bytes);
  const isPng = PNG_MAGIC.every((b, i) => bytes[i] === b);
  const pages = isPng ? [readPng(bytes)] : readTiff(bytes, { as: 'pages' });
  const page = pages[0] as Image;
  const image = singleChannel(page);
  const [height, width] = image.shape as [number, number];
  const threshold = otsuThreshold(image);
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) {
    const v = image.data[i] as number;
    mask[i] = request.polarity === 'bright' ? (v > threshold ? 1 : 0) : v <= threshold ? 1 : 0;
  }
  const labels = label(createImage(mask, [height, width]), { connectivity: request.connectivity });
  const props = regionProps(labels, { intensity: image });
  const rows: RegionRow[] = [];
  for (let k = 0; k < props.count; k++) {
    const area = props.area[k] as number;
    if (area < request.minArea) continue;
    rows.push({
      label: k + 1,
      area,
      centroidY: props.centroid[2 * k] as number,
      centroidX: props.centroid[2 * k + 1] as number,
      equivalentDiameter: props.equivalentDiameter[k] as number,
      eccentricity: props.eccentricity?.[k] ?? Number.NaN,
      perimeter: props.perimeter?.[k] ?? Number.NaN,
      intensityMean: props.intensityMean?.[k] ?? Number.NaN,
    });
  }
  const { edges, counts } = histogram(image.data, { bins: 64 });
  const step = Math.max(1, Math.ceil(Math.max(width, height) / 240));
  const displayWidth = Math.ceil(width / step);
  const displayHeight = Math.ceil(height / step);
  const display = new Float32Array(displayWidth * displayHeight);
  const displayLabels = new Int32Array(displayWidth * displayHeight);
  const kept = new Uint8Array(props.count + 1);
  for (const row of rows) kept[row.label] = 1;
  for (let y = 0; y < displayHeight; y++) {
    for (let x = 0; x < displayWidth; x++) {
      const source = y * step * width + x * step;
      display[y * displayWidth + x] = image.data[source] as number;
      const l = labels.data[source] as number;
      displayLabels[y * displayWidth + x] = kept[l] ? l : 0;
    }
  }
  return {
    name: request.name,
    format: isPng ? 'PNG' : 'TIFF',
    width,
    height,
    sampleType: describeSamples(page),
    pages: pages.length,
    threshold,
    regionsLabelled: labels.count,
    rows,
    edges: Float64Array.from(edges),
    counts: Float64Array.from(counts),
    displayWidth,
    displayHeight,
    displayStep: step,
    display,
    displayLabels,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Synthetic TXM-XANES stacks: white-line maps, difference map, areal fractions
//    (Mu et al., JACS 2024, Fig. 3; Yang & Lin, J. Phys. Chem. C 2021)
// ---------------------------------------------------------------------------------------------

/** Input of {@link simulateXanes}. */
export interface XanesRequest {
  /** Seed of the numpy-compatible random generator. */
  seed: number;
  /** Standard deviation of the Gaussian noise on each absorption sample (normalized μ), ≥ 0. */
  noise: number;
  /** Surface-minus-centre white-line shift at half charge (eV): the radial valence gradient. */
  gradient: number;
  /** Dead band of the areal fractions (eV), ≥ 0: |ΔE| ≤ threshold counts as unchanged. */
  threshold: number;
}

/** Result of {@link simulateXanes}. */
export interface XanesResult {
  width: number;
  height: number;
  /** Energies of the stack (eV). */
  energies: Float64Array;
  /** Particle mask (1 inside). */
  mask: Uint8Array;
  /** White-line energy maps (eV, NaN outside the particles) at half charge and full charge. */
  whiteLineHalf: Float64Array;
  whiteLineFull: Float64Array;
  /** The model's white-line energies (eV), for comparison. */
  modelHalf: Float64Array;
  modelFull: Float64Array;
  /** Full − half (eV), NaN outside. */
  difference: Float64Array;
  /** arealFractions of the difference map with the requested dead band. */
  fractions: { oxidized: number; reduced: number; unchanged: number; pixels: number };
  /** Measured (noisy) spectra of two pixels (particle centre, reduced surface patch) at both states. */
  spectra: { pixel: string; state: string; energy: number; mu: number }[];
}

/** Stack geometry: 64 × 64 px, energies 8330–8370 eV every 0.5 eV; Ni K-edge white line ≈ 8350 eV. */
export const XANES = {
  width: 64,
  height: 64,
  firstEnergy: 8330,
  lastEnergy: 8370,
  step: 0.5,
  /** White line at the centre of the particle at half charge (eV). */
  halfCentre: 8350.6,
  /** Shift of the interior between half and full charge (eV). */
  chargeShift: 1.0,
  /** Fraction of the half-charge gradient left at full charge. */
  gradientLeft: 0.2,
  /** White line of the reduced surface patch at full charge (eV). */
  reducedPatch: 8350.2,
  /** White-line peak: amplitude and Gaussian σ (eV); edge 8 eV below it, arctan width 1.5 eV. */
  peakHeight: 0.6,
  peakSigma: 2.5,
  edgeOffset: 8,
  edgeWidth: 1.5,
} as const;

/** Two particles that do not touch: centre x, y (px) and radius (px). */
const XANES_PARTICLES: readonly [number, number, number][] = [
  [24, 28, 18],
  [50, 48, 13],
];

/** Normalized Ni K-edge-like absorption: arctan edge + Gaussian white line at `wl` (eV). */
export function modelSpectrum(energy: number, wl: number): number {
  const edge = 0.5 + Math.atan((energy - (wl - XANES.edgeOffset)) / XANES.edgeWidth) / Math.PI;
  return edge + XANES.peakHeight * Math.exp(-0.5 * ((energy - wl) / XANES.peakSigma) ** 2);
}

/**
 * The model's white-line energies (eV) at half (`'half'`) and full (`'full'`) charge for a pixel at
 * reduced radius ρ = r/R ∈ [0, 1) and polar angle φ (rad) in its particle:
 * half = 8350.6 + gradient·ρ (charging proceeds from the surface, which is more oxidized);
 * full = 8350.6 + 1.0 + 0.2·gradient·ρ, except a reduced surface patch of each particle (ρ > 0.8
 * and |φ − π/4| < 0.5 rad, 0.36/2π ≈ 5.7 % of its area) at 8350.2 eV (surface reduction by the
 * electrolyte, Mu et al. 2024).
 */
export function modelWhiteLine(
  state: 'half' | 'full',
  rho: number,
  phi: number,
  gradient: number,
): number {
  if (state === 'half') return XANES.halfCentre + gradient * rho;
  const patch = rho > 0.8 && Math.abs(phi - Math.PI / 4) < 0.5;
  return patch
    ? XANES.reducedPatch
    : XANES.halfCentre + XANES.chargeShift + XANES.gradientLeft * gradient * rho;
}

/**
 * Two synthetic TXM-XANES energy stacks (half and full charge) of two particles with a radial
 * valence gradient ({@link modelWhiteLine}, spectra {@link modelSpectrum} plus N(0, noise²) from
 * `createRng(seed)`), their per-pixel white-line maps (`whiteLineEnergy`, cubic fit within ±3 eV of
 * the maximum), the difference map full − half (`differenceMap`) and its areal fractions
 * (`arealFractions`).
 */
export function simulateXanes(request: XanesRequest): XanesResult {
  assertFiniteNumber('seed', request.seed, { min: 0, max: 2 ** 32 - 1, integer: true });
  assertFiniteNumber('noise', request.noise, { min: 0, max: 0.5 });
  assertFiniteNumber('gradient', request.gradient, { min: -5, max: 5 });
  assertFiniteNumber('threshold', request.threshold, { min: 0, max: 10 });
  const { width, height } = XANES;
  const count = Math.round((XANES.lastEnergy - XANES.firstEnergy) / XANES.step) + 1;
  const energies = Float64Array.from(
    { length: count },
    (_, i) => XANES.firstEnergy + i * XANES.step,
  );
  const mask = new Uint8Array(width * height);
  const modelHalf = new Float64Array(width * height).fill(Number.NaN);
  const modelFull = new Float64Array(width * height).fill(Number.NaN);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (const [cx, cy, r] of XANES_PARTICLES) {
        const d = Math.hypot(x - cx, y - cy);
        if (d >= r) continue;
        const i = y * width + x;
        // φ measured from +x towards −y (up on the screen), so π/4 is the upper right.
        const phi = Math.atan2(cy - y, x - cx);
        mask[i] = 1;
        modelHalf[i] = modelWhiteLine('half', d / r, phi, request.gradient);
        modelFull[i] = modelWhiteLine('full', d / r, phi, request.gradient);
      }
    }
  }
  const rng = createRng(request.seed);
  const stackOf = (model: Float64Array) => {
    const data = new Float32Array(count * width * height);
    for (let e = 0; e < count; e++) {
      const energy = energies[e] as number;
      for (let i = 0; i < width * height; i++) {
        const wl = model[i] as number;
        const mu = Number.isNaN(wl) ? 0 : modelSpectrum(energy, wl);
        data[e * width * height + i] = mu + request.noise * rng.normal();
      }
    }
    return createImage(data, [count, height, width]);
  };
  const options = { window: 3, order: 3, mask };
  const halfStack = stackOf(modelHalf);
  const fullStack = stackOf(modelFull);
  const half = whiteLineEnergy(halfStack, energies, options);
  const full = whiteLineEnergy(fullStack, energies, options);
  const diff = differenceMap(full, half, mask);
  const f = arealFractions(diff, { threshold: request.threshold, mask });
  // Spectra of the first particle's centre and of a pixel in its reduced patch (ρ ≈ 0.9, φ = π/4).
  const [cx, cy, r] = XANES_PARTICLES[0] as [number, number, number];
  const patchX = Math.round(cx + 0.9 * r * Math.SQRT1_2);
  const patchY = Math.round(cy - 0.9 * r * Math.SQRT1_2);
  const spectra: XanesResult['spectra'] = [];
  for (const [pixel, x, y] of [
    ['centre', cx, cy],
    ['surface patch', patchX, patchY],
  ] as const) {
    const i = y * width + x;
    for (const [state, stack] of [
      ['half charge', halfStack],
      ['full charge', fullStack],
    ] as const) {
      energies.forEach((energy, e) => {
        spectra.push({ pixel, state, energy, mu: stack.data[e * width * height + i] as number });
      });
    }
  }
  return {
    width,
    height,
    energies,
    mask,
    whiteLineHalf: half.data,
    whiteLineFull: full.data,
    modelHalf,
    modelFull,
    difference: diff.data,
    fractions: {
      oxidized: f.oxidized,
      reduced: f.reduced,
      unchanged: f.unchanged,
      pixels: f.pixels,
    },
    spectra,
  };
}
