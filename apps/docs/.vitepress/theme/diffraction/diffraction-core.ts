// The computations of the Diffraction page, as plain functions of plain data so that they run in
// the page's Web Worker (diffraction.worker.ts) and in Node tests alike. Everything numerical is
// done by @intercalate/crystallography through its public entry point.
import {
  energyToWavelength,
  fitPeaks,
  hexagonalLattice,
  lorentzPolarization,
  qFromD,
  readXy,
  refineLattice,
  reflections,
  simulatePattern,
  WAVELENGTHS,
} from '@intercalate/crystallography';

/** The radiation of the page: Cu Kα1 or a synchrotron beam of a given energy (keV). */
export type Radiation = { kind: 'cu-ka1' } | { kind: 'synchrotron'; energy: number };

/** Wavelength λ (Å) of a radiation: Cu Kα1 = 1.54059292 Å, or hc/E with hc = 12.3984198 keV·Å. */
export function wavelengthOf(radiation: Radiation): number {
  return radiation.kind === 'cu-ka1'
    ? WAVELENGTHS.Cu.kAlpha1
    : energyToWavelength(radiation.energy);
}

/** Input of {@link simulateLayeredPattern}. */
export interface PatternRequest {
  /** Hexagonal a (Å) of the R-3m cell. */
  a: number;
  /** Hexagonal c (Å) of the R-3m cell. */
  c: number;
  /** Wavelength (Å). */
  wavelength: number;
  /** Largest 2θ (degrees). */
  twoThetaMax: number;
  /** FWHM of every peak (degrees 2θ). */
  fwhm: number;
  /** Lorentzian fraction of the pseudo-Voigt peaks. */
  eta: number;
  /** Number of grid points. */
  points: number;
}

/** One row of the reflections table. */
export interface ReflectionRow {
  hkl: string;
  d: number;
  twoTheta: number;
  q: number;
  multiplicity: number;
  /** Peak area used in the simulated pattern: multiplicity × LP(2θ), normalised to max 100. */
  area: number;
}

/** Result of {@link simulateLayeredPattern}. */
export interface PatternResult {
  rows: ReflectionRow[];
  twoTheta: Float64Array;
  intensity: Float64Array;
}

/**
 * Reflections of an R-3m layered oxide (hexagonal axes) and a simulated powder pattern: peak areas
 * multiplicity × Lorentz–polarisation factor (unpolarised beam, no monochromator), no structure
 * factor, pseudo-Voigt peaks of constant FWHM. The grid starts at 0.6 × the first reflection's 2θ.
 */
export function simulateLayeredPattern(request: PatternRequest): PatternResult {
  const cell = hexagonalLattice(request.a, request.c);
  const list = reflections(cell, {
    spaceGroup: 'R-3m',
    wavelength: request.wavelength,
    twoThetaMax: request.twoThetaMax,
  });
  const raw = list.map((r) => r.multiplicity * lorentzPolarization(r.twoTheta));
  const scale = raw.length > 0 ? 100 / Math.max(...raw) : 1;
  const rows = list.map((r, i) => ({
    hkl: r.hkl.join(' '),
    d: r.d,
    twoTheta: r.twoTheta,
    q: qFromD(r.d),
    multiplicity: r.multiplicity,
    area: raw[i] * scale,
  }));
  const start = rows.length > 0 ? 0.6 * rows[0].twoTheta : 1;
  const n = request.points;
  const twoTheta = new Float64Array(n);
  for (let i = 0; i < n; i++) twoTheta[i] = start + ((request.twoThetaMax - start) * i) / (n - 1);
  const intensity = simulatePattern(
    twoTheta,
    rows.map((r) => ({ twoTheta: r.twoTheta, area: r.area, fwhm: request.fwhm, eta: request.eta })),
    { profile: 'pseudo-voigt' },
  );
  return { rows, twoTheta, intensity };
}

/** Input of {@link fitLayeredPattern}. */
export interface FitRequest {
  /** The dropped file's contents. */
  text: string;
  /** Starting hexagonal a (Å). */
  a: number;
  /** Starting hexagonal c (Å). */
  c: number;
  /** Wavelength (Å) of the measurement. */
  wavelength: number;
  /** Starting FWHM of the peaks (degrees). */
  fwhm: number;
  /** Refine a zero shift of the 2θ scale with the lattice. */
  zeroShift: boolean;
}

/** A fitted reflection. */
export interface FittedReflection {
  hkl: string;
  indices: [number, number, number];
  /** Fitted centre (degrees) and its standard error. */
  twoTheta: number;
  twoThetaError: number;
  fwhm: number;
  area: number;
  eta: number;
  /** Used in the lattice refinement. */
  used: boolean;
}

/** Result of {@link fitLayeredPattern}. */
export interface FitResult {
  x: Float64Array;
  y: Float64Array;
  /** Model at every point (NaN outside the fitted windows). */
  fitted: Float64Array;
  /** y − model at every point (NaN outside the fitted windows). */
  residual: Float64Array;
  peaks: FittedReflection[];
  lattice: {
    a: number;
    aError: number;
    c: number;
    cError: number;
    volume: number;
    volumeError: number;
    zeroShift: number;
    zeroShiftError: number;
    reducedChiSquare: number;
    observations: number;
  };
  comments: string[];
  /** Windows whose fit failed, with the reason. */
  warnings: string[];
}

/**
 * Fits a dropped `.xy`/`.xye` pattern of an R-3m layered oxide in two steps, as a user would by
 * hand: (1) the reflections predicted by the starting lattice inside the data range are grouped
 * (peaks closer than 1° share a window) and each group is fitted with {@link fitPeaks}
 * (pseudo-Voigt peaks + linear background, weights 1/σ from the ESD column or 1/√counts), each
 * peak starting at the data maximum within min(0.35°, 0.45 × the gap to its neighbours) of its
 * predicted position; (2) the fitted centres, weighted by their standard errors, are refined into a and c by
 * {@link refineLattice} (hexagonal, optional zero shift).
 */
export function fitLayeredPattern(request: FitRequest): FitResult {
  const pattern = readXy(request.text);
  let { x, y } = pattern;
  let sigma = pattern.sigma;
  if (x.length > 1 && x[0] > x[x.length - 1]) {
    x = x.slice().reverse();
    y = y.slice().reverse();
    sigma = sigma?.slice().reverse();
  }
  const n = x.length;
  if (n < 20) {
    throw new RangeError(`the pattern must have at least 20 points; received ${n}`);
  }
  const xMin = x[0];
  const xMax = x[n - 1];
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sigma ? sigma[i] : Math.sqrt(Math.max(y[i], 1));
    weights[i] = s > 0 ? 1 / s : 1;
  }
  const margin = 3 * request.fwhm;
  const predicted = reflections(hexagonalLattice(request.a, request.c), {
    spaceGroup: 'R-3m',
    wavelength: request.wavelength,
    twoThetaMax: Math.min(179.9, xMax),
  }).filter((r) => r.twoTheta > xMin + margin && r.twoTheta < xMax - margin);
  if (predicted.length < 2) {
    throw new RangeError(
      `the data range ${xMin}–${xMax}° 2θ holds ${predicted.length} reflection(s) of the starting lattice (a ${request.a} Å, c ${request.c} Å, λ ${request.wavelength} Å); at least 2 are needed: check the wavelength and the starting lattice`,
    );
  }
  // Group the reflections: a new window starts when the next peak is more than 1° away.
  const groups: (typeof predicted)[] = [];
  for (const r of predicted) {
    const last = groups[groups.length - 1];
    if (last && r.twoTheta - last[last.length - 1].twoTheta < 1) last.push(r);
    else groups.push([r]);
  }
  const fitted = new Float64Array(n).fill(Number.NaN);
  const residual = new Float64Array(n).fill(Number.NaN);
  const peaks: FittedReflection[] = [];
  const warnings: string[] = [];
  const halfWindow = Math.max(0.6, 6 * request.fwhm);
  for (const group of groups) {
    const lo = Math.max(xMin, group[0].twoTheta - halfWindow);
    const hi = Math.min(xMax, group[group.length - 1].twoTheta + halfWindow);
    // Start each peak at the data maximum within its own search radius: at most 0.35°, and
    // less than half-way to the neighbouring predicted peaks.
    const starts = group.map((r, k) => {
      const all = predicted.indexOf(r);
      let gap = Number.POSITIVE_INFINITY;
      if (all > 0) gap = Math.min(gap, r.twoTheta - predicted[all - 1].twoTheta);
      if (all < predicted.length - 1) gap = Math.min(gap, predicted[all + 1].twoTheta - r.twoTheta);
      const radius = Math.min(0.35, 0.45 * gap);
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (Math.abs(x[i] - r.twoTheta) <= radius && (best < 0 || y[i] > y[best])) best = i;
      }
      return best >= 0 ? x[best] : group[k].twoTheta;
    });
    const labels = group.map((r) => r.hkl.join(''));
    try {
      const fit = fitPeaks(
        x,
        y,
        starts.map((center) => ({ center, fwhm: request.fwhm })),
        { window: [lo, hi], background: 'linear', weights, profile: 'pseudo-voigt' },
      );
      for (let i = fit.start; i < fit.end; i++) {
        fitted[i] = fit.fitted[i - fit.start];
        residual[i] = fit.residuals[i - fit.start];
      }
      // Break the lines between windows: leave a NaN at each window's edge.
      if (fit.end < n) fitted[fit.end] = residual[fit.end] = Number.NaN;
      fit.peaks.forEach((p, k) => {
        const error = p.standardErrors.center;
        peaks.push({
          hkl: labels[k],
          indices: [group[k].hkl[0], group[k].hkl[1], group[k].hkl[2]],
          twoTheta: p.center,
          twoThetaError: error,
          fwhm: p.fwhm,
          area: p.area,
          eta: p.eta ?? Number.NaN,
          used: Number.isFinite(error) && error > 0 && error < 0.05 && p.area > 0 && p.center > lo,
        });
      });
    } catch (error) {
      warnings.push(
        `window ${lo.toFixed(2)}–${hi.toFixed(2)}° (${labels.join(', ')}): ${(error as Error).message}`,
      );
    }
  }
  const observations = peaks
    .filter((p) => p.used)
    .map((p) => ({ hkl: p.indices, twoTheta: p.twoTheta, sigma: p.twoThetaError }));
  const needed = request.zeroShift ? 4 : 3;
  if (observations.length < needed) {
    throw new RangeError(
      `only ${observations.length} peak(s) were fitted well enough (standard error < 0.05°) to refine the lattice; ${needed} are needed: check the wavelength and the starting a, c`,
    );
  }
  const lattice = refineLattice(observations, {
    wavelength: request.wavelength,
    system: 'hexagonal',
    zeroShift: request.zeroShift,
  });
  return {
    x,
    y,
    fitted,
    residual,
    peaks,
    lattice: {
      a: lattice.a,
      aError: lattice.standardErrors.a,
      c: lattice.c,
      cError: lattice.standardErrors.c,
      volume: lattice.volume,
      volumeError: lattice.standardErrors.volume,
      zeroShift: lattice.zeroShift,
      zeroShiftError: lattice.standardErrors.zeroShift,
      reducedChiSquare: lattice.reducedChiSquare,
      observations: observations.length,
    },
    comments: pattern.comments,
    warnings,
  };
}
