// The computations of the NMR page, as plain functions of plain data so that they run in the
// page's Web Worker (nmr.worker.ts) and in Node tests alike. Everything numerical is done by
// @intercalate/nmr and @intercalate/numerics through their public entry points.
import {
  compositionFromFormula,
  environmentDistribution,
  fieldFromProtonFrequency,
  fitSpectrum,
  larmorFrequency,
  normalizeIntensity,
  pathwayContributions,
  predictSpectrum,
  readBruker,
  readJcamp,
} from '@intercalate/nmr';
import { savitzkyGolay } from '@intercalate/numerics';

/** Input of {@link predictLi7}. */
export interface PredictRequest {
  /** Formula of the layered oxide, e.g. `LiNi0.8Mn0.1Co0.1O2`. */
  formula: string;
  /** ¹H frequency of the magnet (MHz). */
  protonFrequency: number;
  /** MAS rate (kHz). */
  spinningRateKHz: number;
  /** FWHM of every environment's line (ppm). */
  fwhm: number;
  /** Reduced shift anisotropy δ_aniso (ppm) that sets the sideband intensities. */
  anisotropy: number;
  /** Highest sideband order drawn. */
  orders: number;
  /** Axis: left (high) and right (low) edge (ppm) and number of points. */
  ppmHigh: number;
  ppmLow: number;
  points: number;
}

/** Result of {@link predictLi7}. */
export interface PredictResult {
  composition: Record<string, number>;
  /** Distinct shifts (ppm) and their summed probabilities, by increasing shift. */
  stickShift: Float64Array;
  stickProbability: Float64Array;
  environments: number;
  meanShift: number;
  /** Most likely environment: its shift (ppm), probability and neighbour counts. */
  mostLikely: { shift: number; probability: number; description: string };
  field: number;
  referenceFrequency: number;
  /** Sideband spacing ν_r/ν₀ (ppm). */
  sidebandSpacing: number;
  axis: Float64Array;
  spectrum: Float64Array;
}

/**
 * ⁷Li environments of a Li in the Li layer of an O3 layered oxide with a random transition-metal
 * arrangement (6 neighbours through 90° and 6 through 180° TM–O–Li pathways, the contributions of
 * Märker et al., Chem. Mater. 2019, as tabulated in @intercalate/nmr), and the MAS spectrum they
 * predict: one line per environment, each with its spinning sidebands.
 */
export function predictLi7(request: PredictRequest): PredictResult {
  const composition = compositionFromFormula(request.formula);
  const distribution = environmentDistribution({
    composition,
    table: pathwayContributions['7Li'],
  });
  const merged = new Map<number, number>();
  for (const e of distribution.environments) {
    const key = Math.round(e.shift * 1e6) / 1e6;
    merged.set(key, (merged.get(key) ?? 0) + e.probability);
  }
  const shifts = [...merged.keys()].sort((p, q) => p - q);
  const stickShift = Float64Array.from(shifts);
  const stickProbability = Float64Array.from(shifts, (s) => merged.get(s) ?? 0);
  const referenceFrequency = larmorFrequency('7Li', { protonFrequency: request.protonFrequency });
  const spinningRate = request.spinningRateKHz * 1000;
  const n = request.points;
  const axis = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    axis[i] = request.ppmHigh + ((request.ppmLow - request.ppmHigh) * i) / (n - 1);
  }
  const spectrum = predictSpectrum(distribution, {
    axis,
    fwhm: request.fwhm,
    referenceFrequency,
    sidebands:
      request.orders > 0
        ? { spinningRate, orders: request.orders, anisotropy: request.anisotropy }
        : undefined,
  });
  const top = distribution.environments[0];
  const describe = (shell: Record<string, number>) =>
    Object.entries(shell)
      .filter(([, count]) => count > 0)
      .map(([species, count]) => `${count} ${species}`)
      .join(', ');
  return {
    composition,
    stickShift,
    stickProbability,
    environments: distribution.environments.length,
    meanShift: distribution.meanShift,
    mostLikely: {
      shift: top.shift,
      probability: top.probability,
      description: `90°: ${describe(top.counts['90'])}; 180°: ${describe(top.counts['180'])}`,
    },
    field: fieldFromProtonFrequency(request.protonFrequency),
    referenceFrequency,
    sidebandSpacing: spinningRate / referenceFrequency,
    axis,
    spectrum,
  };
}

/** A file handed over by the page: its name and bytes. */
export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

/** Input of {@link fitNmrFiles}. */
export interface FitNmrRequest {
  files: NamedBytes[];
  /** MAS rate (kHz) when the file does not give one (JCAMP `##$MASR`, Bruker `MASR`). */
  spinningRateKHz: number;
  /** Number of lines to fit (1–4). */
  lines: number;
  /** Moles of material in the rotor (µmol), for the normalised integral. */
  micromoles: number;
}

/** One fitted line with its share of the total area. */
export interface FittedLineRow {
  shift: number;
  shiftError: number;
  fwhm: number;
  fwhmError: number;
  area: number;
  areaError: number;
  fraction: number;
  fractionError: number;
}

/** Result of {@link fitNmrFiles}. */
export interface FitNmrResult {
  source: string;
  nucleus: string;
  referenceFrequency: number;
  spinningRate: number;
  spinningRateFromFile: boolean;
  orders: number;
  ppm: Float64Array;
  y: Float64Array;
  fitted: Float64Array;
  residual: Float64Array;
  lines: FittedLineRow[];
  scans: number;
  /** Total area / (moles · scans), with its uncertainty. */
  normalized: { value: number; uncertainty: number };
  reducedChiSquare: number;
}

function latin1(bytes: ArrayBuffer): string {
  return new TextDecoder('latin1').decode(bytes);
}

function numberParameter(parameters: Record<string, unknown>, names: string[]): number | undefined {
  for (const [key, value] of Object.entries(parameters)) {
    const bare = key.replace(/^\$/, '').toUpperCase();
    if (names.includes(bare) && typeof value === 'number' && Number.isFinite(value) && value > 0) {
      return value;
    }
  }
  return undefined;
}

/** Reads a JCAMP-DX file, or a Bruker `1r` + `procs` (+ `acqus`) selection, into a ppm spectrum. */
export function readSpectrumFiles(files: NamedBytes[]): {
  source: string;
  nucleus: string;
  ppm: Float64Array;
  y: Float64Array;
  referenceFrequency: number;
  parameters: Record<string, unknown>;
} {
  if (!Array.isArray(files) || files.length === 0) {
    throw new TypeError('files must hold a JCAMP-DX file or the Bruker files 1r and procs');
  }
  const byName = new Map(files.map((f) => [f.name.split(/[\\/]/).pop() ?? f.name, f]));
  const oneR = byName.get('1r');
  if (oneR || files.length > 1) {
    const procs = byName.get('procs');
    if (!oneR || !procs) {
      throw new RangeError(
        `a Bruker data set needs the files 1r and procs (and optionally acqus), selected together; received ${files.map((f) => f.name).join(', ')}`,
      );
    }
    const acqus = byName.get('acqus');
    const spectrum = readBruker({
      '1r': oneR.bytes,
      procs: latin1(procs.bytes),
      acqus: acqus ? latin1(acqus.bytes) : undefined,
    });
    return {
      source: `Bruker ${[...byName.keys()].join(' + ')}`,
      nucleus: spectrum.nucleus ?? 'unknown nucleus',
      ppm: spectrum.ppm,
      y: spectrum.intensities,
      referenceFrequency: spectrum.referenceFrequency,
      parameters: { ...spectrum.parameters.procs, ...(spectrum.parameters.acqus ?? {}) },
    };
  }
  const file = files[0];
  const spectrum = readJcamp(new TextDecoder('utf-8').decode(file.bytes));
  if (!spectrum.ppm || spectrum.referenceFrequency === undefined) {
    throw new RangeError(
      `${file.name}: the JCAMP-DX spectrum needs a ppm axis (##XUNITS= HZ with ##.OBSERVE FREQUENCY, or PPM with ##.OBSERVE FREQUENCY); received XUNITS "${spectrum.xUnits}"`,
    );
  }
  const nucleus = spectrum.parameters['.OBSERVE NUCLEUS'];
  return {
    source: `JCAMP-DX ${file.name}`,
    nucleus: typeof nucleus === 'string' ? nucleus.replace('^', '') : 'unknown nucleus',
    ppm: spectrum.ppm,
    y: spectrum.y,
    referenceFrequency: spectrum.referenceFrequency,
    parameters: spectrum.parameters,
  };
}

/**
 * Starting lines for a fit: the highest maxima of the smoothed spectrum (Savitzky–Golay, ~20 ppm
 * window, order 2) that are local maxima over ±25 ppm, above 3 % of the largest, and not at a
 * spinning-sideband position (δ + N·spacing, N ≠ 0, within 25 ppm) of a stronger chosen line.
 * Each start's FWHM is read from where the smoothed data fall to half its height.
 */
export function startingLines(
  ppm: Float64Array,
  y: Float64Array,
  count: number,
  spacing: number,
): { shift: number; fwhm: number; height: number }[] {
  const n = ppm.length;
  const step = Math.abs(ppm[n - 1] - ppm[0]) / (n - 1);
  let window = Math.max(5, Math.round(20 / step) | 1);
  if (window % 2 === 0) window += 1;
  const smooth = savitzkyGolay(y, {
    window: Math.min(window, n - (n % 2 === 0 ? 1 : 0)),
    order: 2,
  });
  let maxValue = Number.NEGATIVE_INFINITY;
  for (const v of smooth) maxValue = Math.max(maxValue, v);
  const reach = Math.max(1, Math.round(25 / step));
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    if (smooth[i] < 0.03 * maxValue) continue;
    let isMax = true;
    for (let j = Math.max(0, i - reach); j <= Math.min(n - 1, i + reach); j++) {
      if (smooth[j] > smooth[i]) {
        isMax = false;
        break;
      }
    }
    if (isMax) candidates.push(i);
  }
  candidates.sort((p, q) => smooth[q] - smooth[p]);
  const chosen: number[] = [];
  for (const i of candidates) {
    if (chosen.length >= count) break;
    const related = chosen.some((j) => {
      const k = Math.round((ppm[i] - ppm[j]) / spacing);
      return Math.abs(ppm[i] - ppm[j] - k * spacing) < 25;
    });
    if (!related) chosen.push(i);
  }
  return chosen.map((i) => {
    const half = smooth[i] / 2;
    let left = i;
    while (left > 0 && smooth[left] > half) left--;
    let right = i;
    while (right < n - 1 && smooth[right] > half) right++;
    const fwhm = Math.max(2 * step, Math.abs(ppm[right] - ppm[left]));
    return { shift: ppm[i], fwhm, height: smooth[i] };
  });
}

/**
 * Reads the dropped file(s), fits Lorentzian lines with a shared spinning-sideband manifold
 * (intensities fitted, orders that stay on the axis for every line) and a constant baseline with
 * {@link fitSpectrum}, and quantifies: each line's share of the total area, and the total area
 * normalised by moles and scans ({@link normalizeIntensity}, Mu et al., JACS 2024).
 */
export function fitNmrFiles(request: FitNmrRequest): FitNmrResult {
  const spectrum = readSpectrumFiles(request.files);
  const { ppm, y, referenceFrequency } = spectrum;
  const fromFile = numberParameter(spectrum.parameters, ['MASR']);
  const spinningRate = fromFile ?? request.spinningRateKHz * 1000;
  const spacing = spinningRate / referenceFrequency;
  const starts = startingLines(ppm, y, request.lines, spacing);
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (const v of ppm) {
    high = Math.max(high, v);
    low = Math.min(low, v);
  }
  let room = Number.POSITIVE_INFINITY;
  for (const s of starts) room = Math.min(room, high - s.shift, s.shift - low);
  const orders = Math.max(0, Math.min(8, Math.floor(room / spacing)));
  const fit = fitSpectrum(
    ppm,
    y,
    starts.map((s) => ({
      shift: s.shift,
      fwhm: s.fwhm,
      area: (s.height * Math.PI * s.fwhm) / 2,
      shape: 'lorentzian' as const,
    })),
    {
      referenceFrequency,
      background: 'constant',
      sidebands: orders > 0 ? { spinningRate, orders, vary: true } : undefined,
    },
  );
  const total = fit.lines.reduce((sum, line) => sum + line.area, 0);
  const lines = fit.lines.map((line) => {
    const fraction = line.area / total;
    // First-order propagation for f = A_j / Σ A, neglecting the covariance between areas.
    let variance = 0;
    fit.lines.forEach((other, k) => {
      const derivative =
        (k === fit.lines.indexOf(line) ? total - line.area : -line.area) / total ** 2;
      variance += (derivative * other.standardErrors.area) ** 2;
    });
    return {
      shift: line.shift,
      shiftError: line.standardErrors.shift,
      fwhm: line.fwhm,
      fwhmError: line.standardErrors.fwhm,
      area: line.area,
      areaError: line.standardErrors.area,
      fraction,
      fractionError: Math.sqrt(variance),
    };
  });
  const scans = numberParameter(spectrum.parameters, ['NS']) ?? 1;
  const totalError = Math.sqrt(lines.reduce((sum, l) => sum + l.areaError ** 2, 0));
  const normalized = normalizeIntensity({
    integral: Math.max(0, total),
    integralUncertainty: Number.isFinite(totalError) ? totalError : 0,
    moles: request.micromoles * 1e-6,
    scans: Math.max(1, Math.round(scans)),
  });
  return {
    source: spectrum.source,
    nucleus: spectrum.nucleus,
    referenceFrequency,
    spinningRate,
    spinningRateFromFile: fromFile !== undefined,
    orders,
    ppm,
    y,
    fitted: fit.fitted,
    residual: fit.residuals,
    lines,
    scans,
    normalized,
    reducedChiSquare: fit.reducedChiSquare,
  };
}
