// The computations of the Strain explorer page, as plain functions of plain data so that they run
// in the page's Web Worker (strain.worker.ts) and in Node tests alike. Everything numerical is done
// by @intercalate/strain-model (and the wavelength by @intercalate/crystallography) through their
// public entry points.
import {
  twoTheta as braggTwoTheta,
  hexagonalDSpacing,
  WAVELENGTHS,
} from '@intercalate/crystallography';
import {
  type CyclingWindow,
  characteristicContents,
  criticalStateOfCharge,
  examples,
  fitStrainMasterCurve,
  latticeFunction,
  lithiumLossProjection,
  readLatticeTable,
  simulatePeakWarping,
  strainMap,
  strainMasterCurve,
} from '@intercalate/strain-model';
import { errorText } from '../components/format';

/** Refined lattice parameters against lithium content: the illustrative curves or a dropped file. */
export interface LatticeData {
  /** Where the data come from (file name, or the illustrative curves' description). */
  label: string;
  /** True for the package's illustrative (synthetic) curves. */
  illustrative: boolean;
  /** Lithium content c_Li (fraction). */
  cLi: Float64Array;
  /** a (Å). */
  a: Float64Array;
  /** c (Å). */
  c: Float64Array;
  /** Optional strain column of the file (the file's unit), fitted by the master curve. */
  strain?: Float64Array;
  /** Optional standard uncertainties of `strain`. */
  strainEsd?: Float64Array;
}

/** The illustrative NMC811 curves of `examples.nmc811` (synthetic closed forms, not measured). */
export function illustrativeData(): LatticeData {
  const e = examples.nmc811;
  return {
    label: 'illustrative NMC811 curves (examples.nmc811: synthetic closed forms, not measured)',
    illustrative: true,
    cLi: Float64Array.from(e.cLi),
    a: Float64Array.from(e.a),
    c: Float64Array.from(e.c),
  };
}

/** Reads a dropped lattice table (CSV/TSV/spaces with a header) with `readLatticeTable`. */
export function readLatticeFile(request: { name: string; bytes: ArrayBuffer }): LatticeData {
  const table = readLatticeTable(new Uint8Array(request.bytes));
  if (table.cLi.length < 5) {
    throw new RangeError(
      `the table must have at least 5 rows to build f_a and f_c; received ${table.cLi.length}`,
    );
  }
  return {
    label: request.name,
    illustrative: false,
    cLi: table.cLi,
    a: table.a,
    c: table.c,
    strain: table.strain,
    strainEsd: table.strainEsd,
  };
}

/** Input of {@link analyzeStrain}. */
export interface StrainRequest {
  data: LatticeData;
  /** Rolling-mean window of f_a and f_c (points, odd ≥ 1). */
  window: number;
  /** Heterogeneity amplitudes Δc_Li of the strain curves (eqn 1). */
  deltaCLi: number[];
  /** Δc_Li of the ε^c curve fitted by the master curve when the data have no strain column. */
  fitDeltaCLi: number;
  /** Number of points of the c_Li grid of the smoothed curves. */
  points: number;
}

/** A characteristic content (c_Li ± uncertainty), NaN when not inside the data. */
export interface ContentRow {
  name: string;
  cLi: number;
  uncertainty: number;
}

/** Result of {@link analyzeStrain}. */
export interface StrainResult {
  /** c_Li grid of the smoothed curves and the strain (fraction). */
  grid: Float64Array;
  /** f_a and f_c on the grid (Å). */
  fa: Float64Array;
  fc: Float64Array;
  /** Δc_Li of each strain row. */
  deltaCLi: number[];
  /** ε^a and ε^c in %, row-major (row j ↔ deltaCLi[j], column i ↔ grid[i]); NaN off the domain. */
  epsA: Float64Array;
  epsC: Float64Array;
  /** ε^c/ε^a at c_Li = 0.25 and 0.6 for the first Δc_Li (NaN off the domain). */
  anisotropyLow: number;
  anisotropyHigh: number;
  /** The three characteristic contents of Fig. 5. */
  contents: ContentRow[];
  /** The master-curve fit, or the reason it failed. */
  fit:
    | {
        ok: true;
        /** What was fitted. */
        source: 'file' | 'eps-c';
        /** The unit of the fitted strain. */
        unit: string;
        cLi: Float64Array;
        strain: Float64Array;
        /** The fitted curve on `grid`. */
        model: Float64Array;
        /** The fitted curve at `cLi`. */
        fitted: Float64Array;
        criticalContent: number;
        criticalContentError: number;
        baseline: number;
        amplitude: number;
        decayLength: number;
        reducedChiSquare: number;
      }
    | { ok: false; source: 'file' | 'eps-c'; message: string };
}

/**
 * Builds f_a and f_c (rolling mean then PCHIP, `latticeFunction`), the strain of eqn (1) for each
 * Δc_Li (`strainMap`, in %), the characteristic contents (`characteristicContents`) and the
 * master-curve fit (`fitStrainMasterCurve`) of the file's strain column, or, without one, of ε^c
 * at `fitDeltaCLi` on the data's contents.
 */
export function analyzeStrain(request: StrainRequest): StrainResult {
  const { data } = request;
  const options = { window: request.window };
  const fa = latticeFunction(data.cLi, data.a, options);
  const fc = latticeFunction(data.cLi, data.c, options);
  const [lo, hi] = fa.domain;
  const n = request.points;
  const grid = new Float64Array(n);
  for (let i = 0; i < n; i++) grid[i] = lo + ((hi - lo) * i) / (n - 1);
  const map = strainMap({ fa, fc, cLi: grid, deltaCLi: request.deltaCLi });
  for (let k = 0; k < map.epsA.length; k++) {
    map.epsA[k] *= 100;
    map.epsC[k] *= 100;
  }
  const at = (x: number) => {
    const m = strainMap({ fa, fc, cLi: [x], deltaCLi: request.deltaCLi[0] ?? 0.05 });
    return m.anisotropy[0];
  };
  const inside = (x: number) => (x >= lo && x <= hi ? at(x) : Number.NaN);
  const found = characteristicContents({ cLi: data.cLi, a: data.a, c: data.c, ...options });
  const contents: ContentRow[] = [
    { name: 'd_IL maximum', ...found.dILMaximum },
    { name: 'd_TM plateau onset', ...found.dTMPlateauOnset },
    { name: 'steepest d_TM', ...found.dTMSlopeMaximum },
  ].map((r) => ({ name: r.name, cLi: r.cLi, uncertainty: r.uncertainty }));

  const source = data.strain ? 'file' : 'eps-c';
  let fit: StrainResult['fit'];
  try {
    let x: Float64Array;
    let y: Float64Array;
    let weights: Float64Array | undefined;
    if (data.strain) {
      x = data.cLi;
      y = data.strain;
      weights = data.strainEsd?.every((s) => s > 0) ? data.strainEsd.map((s) => 1 / s) : undefined;
    } else {
      const knots = fc.cLi;
      const eps = strainMap({ fa, fc, cLi: knots, deltaCLi: request.fitDeltaCLi }).epsC;
      const keep: number[] = [];
      for (let i = 0; i < knots.length; i++) if (Number.isFinite(eps[i])) keep.push(i);
      x = Float64Array.from(keep, (i) => knots[i]);
      y = Float64Array.from(keep, (i) => 100 * eps[i]);
    }
    const f = fitStrainMasterCurve(x, y, weights ? { weights } : {});
    const model = grid.map((g) => strainMasterCurve(g, f));
    fit = {
      ok: true,
      source,
      unit: data.strain ? 'unit of the file' : '%',
      cLi: x,
      strain: y,
      model,
      fitted: x.map((v) => strainMasterCurve(v, f)),
      criticalContent: f.criticalContent,
      criticalContentError: f.standardErrors.criticalContent,
      baseline: f.baseline,
      amplitude: f.amplitude,
      decayLength: f.decayLength,
      reducedChiSquare: f.reducedChiSquare,
    };
  } catch (error) {
    fit = { ok: false, source, message: errorText(error) };
  }
  return {
    grid,
    fa: fa.evaluate(grid),
    fc: fc.evaluate(grid),
    deltaCLi: request.deltaCLi,
    epsA: map.epsA,
    epsC: map.epsC,
    anisotropyLow: inside(0.25),
    anisotropyHigh: inside(0.6),
    contents,
    fit,
  };
}

/** Input of {@link projectWindow}. */
export interface WindowRequest {
  /** The critical content c* (fraction). */
  criticalContent: number;
  /** The c_Li window of the first cycle. */
  window: CyclingWindow;
  /** Cyclable lithium lost per cycle (units of c_Li). */
  lossPerCycle: number;
  /** Cycles to project. */
  cycles: number;
}

/** Result of {@link projectWindow}. */
export interface WindowResult {
  /** SOC* = (c_dis − c*)/(c_dis − c_ch), a fraction (may be outside [0, 1]). */
  criticalSoc: number;
  cycle: Float64Array;
  lowestCLi: Float64Array;
  highestCLi: Float64Array;
  fractionBelowCritical: Float64Array;
  firstCycleBelowCritical: number;
}

/** The critical state of charge of the window and its lithium-loss drift (`lithiumLossProjection`). */
export function projectWindow(request: WindowRequest): WindowResult {
  const criticalSoc = criticalStateOfCharge({
    criticalContent: request.criticalContent,
    ...request.window,
  });
  const p = lithiumLossProjection(request);
  return {
    criticalSoc,
    cycle: Float64Array.from(p.lowestCLi, (_, k) => k),
    lowestCLi: p.lowestCLi,
    highestCLi: p.highestCLi,
    fractionBelowCritical: p.fractionBelowCritical,
    firstCycleBelowCritical: p.firstCycleBelowCritical,
  };
}

/** Input of {@link warpPeaks}. */
export interface WarpingRequest {
  /** Mean lithium content (fraction). */
  cLi: number;
  /** Heterogeneity amplitude Δc_Li (fraction). */
  deltaCLi: number;
  /** FWHM of each local domain's peak (degrees 2θ). */
  fwhm: number;
  /** Grid points per peak. */
  points: number;
}

/** One simulated reflection of {@link warpPeaks}. */
export interface WarpedPeak {
  hkl: string;
  twoTheta: Float64Array;
  /** The heterogeneous crystal's peak (1/degree, area 1). */
  intensity: Float64Array;
  /** The same crystal without heterogeneity (Δc_Li = 0). */
  homogeneous: Float64Array;
  meanPosition: number;
  /** Weighted standard deviation of the local peak positions (degrees). */
  positionSpread: number;
}

/**
 * The 003 and 101 peaks (Cu Kα1) of a crystal of the illustrative NMC811 curves whose local
 * lithium contents spread uniformly over c_Li ± Δc_Li/2 (`simulatePeakWarping`), next to the same
 * peak without heterogeneity. Each peak's 2θ window is fixed over the whole c_Li range of the
 * curves, so that the peak is seen moving as c_Li changes.
 */
export function warpPeaks(request: WarpingRequest): WarpedPeak[] {
  const e = examples.nmc811;
  const fa = latticeFunction(e.cLi, e.a);
  const fc = latticeFunction(e.cLi, e.c);
  const wavelength = WAVELENGTHS.Cu.kAlpha1;
  const n = request.points;
  const reflections: { hkl: [number, number, number]; label: string }[] = [
    { hkl: [0, 0, 3], label: '003' },
    { hkl: [1, 0, 1], label: '101' },
  ];
  return reflections.map(({ hkl, label }) => {
    // 2θ of the single-domain peak across the curves' range sets the window.
    const [lo, hi] = fa.domain;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k <= 40; k++) {
      const x = lo + ((hi - lo) * k) / 40;
      const p = braggTwoTheta(hexagonalDSpacing(fa(x), fc(x), hkl), wavelength);
      min = Math.min(min, p);
      max = Math.max(max, p);
    }
    const margin = 0.15 + 4 * request.fwhm;
    const twoTheta = new Float64Array(n);
    for (let i = 0; i < n; i++)
      twoTheta[i] = min - margin + ((max - min + 2 * margin) * i) / (n - 1);
    const common = {
      hkl,
      fa,
      fc,
      cLi: request.cLi,
      wavelength,
      twoTheta,
      profile: { fwhm: request.fwhm, eta: 0.5 },
    };
    const warped = simulatePeakWarping({ ...common, deltaCLi: request.deltaCLi });
    const single = simulatePeakWarping({ ...common, deltaCLi: 0 });
    return {
      hkl: label,
      twoTheta,
      intensity: warped.intensity,
      homogeneous: single.intensity,
      meanPosition: warped.meanPosition,
      positionSpread: warped.positionSpread,
    };
  });
}
