import { assertFiniteNumber, assertNumericArray, describeValue } from './validate.js';

/**
 * The profile of a spectral line or diffraction peak: `'lorentzian'`, `'gaussian'` or
 * `'pseudo-voigt'` (see {@link lorentzian}, {@link gaussian}, {@link pseudoVoigt}).
 */
export type LineShapeKind = 'lorentzian' | 'gaussian' | 'pseudo-voigt';

/**
 * One line for {@link addLineShape} and {@link addLineShapeDerivatives}: the function
 *
 * f(x) = scale · area · P(x; center, fwhm, eta)
 *
 * with P the area-normalised profile named by `shape` (∫P dx = 1). Widths and positions are in
 * the unit of the axis (ppm, degrees 2θ, …).
 */
export interface LineShape {
  /** The profile; see {@link LineShapeKind}. */
  shape: LineShapeKind;
  /** Position of the maximum, in the unit of the axis; finite. */
  center: number;
  /** Full width at half maximum, in the unit of the axis; finite and > 0. */
  fwhm: number;
  /**
   * Lorentzian fraction η of a `'pseudo-voigt'`, in [0, 1] (η = 1 is a pure Lorentzian). Required
   * for `'pseudo-voigt'`, ignored for the other shapes.
   */
  eta?: number;
  /**
   * Integrated area ∫f dx (with `scale` = 1), in the unit of the intensities times the unit of the
   * axis; finite, may be negative or zero.
   * @defaultValue 1
   */
  area?: number;
  /**
   * A fixed multiplier kept apart from `area`, so that the derivative with respect to an area
   * parameter shared by several lines comes out right: a spinning sideband of relative intensity
   * I_N (`scale: I_N`) or a Kα₂ line at half the Kα₁ area (`scale: 0.5`); finite.
   * @defaultValue 1
   */
  scale?: number;
}

/**
 * Buffers that {@link addLineShapeDerivatives} adds into, each a `Float64Array` with one element per
 * axis point. Every member is optional: only the ones given are computed. For f = scale·area·P:
 */
export interface LineShapeTargets {
  /** Receives f(x) itself. */
  value?: Float64Array;
  /** Receives ∂f/∂center (intensity per unit of the axis). */
  center?: Float64Array;
  /** Receives ∂f/∂fwhm. */
  fwhm?: Float64Array;
  /** Receives ∂f/∂η = scale·area·(L − G); only for a `'pseudo-voigt'` line. */
  eta?: Float64Array;
  /** Receives ∂f/∂area = scale·P(x). */
  area?: Float64Array;
  /** Receives ∂f/∂scale = area·P(x). */
  scale?: Float64Array;
}

const INV_PI = 1 / Math.PI;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** FWHM / σ of a Gaussian: 2√(2 ln 2) ≈ 2.3548. */
const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.LN2);
/**
 * Gaussian components are evaluated only where |x − center| ≤ 9σ (3.822 FWHM). Beyond, the profile
 * is below exp(−40.5) ≈ 2.6·10⁻¹⁸ of its peak (under half an ulp of the peak value), its
 * derivatives below 2·10⁻¹⁶ of their largest values, and the area left out is
 * erfc(9/√2) ≈ 2.3·10⁻¹⁹ of the total.
 */
const GAUSSIAN_CUTOFF_SIGMAS = 9;
/** |t| is clamped here in derivative loops so that t² stays finite (the terms are 0 anyway). */
const LARGE_T = 1e150;

/**
 * The area-normalised Lorentzian (Cauchy) profile:
 *
 * L(x) = (1/π) · γ / ((x − center)² + γ²), γ = fwhm / 2
 *
 * with ∫L dx = 1 and peak height L(center) = 2 / (π·fwhm). The same function as lmfit's
 * `lineshapes.lorentzian(x, amplitude=1, center, sigma=fwhm/2)` (lmfit's sigma is the half width)
 * and as `scipy.stats.cauchy.pdf(x, loc=center, scale=fwhm/2)`.
 *
 * @param x - Where to evaluate, in the unit of the axis; finite.
 * @param center - Position of the maximum; finite.
 * @param fwhm - Full width at half maximum; finite and > 0.
 * @returns L(x), in the reciprocal unit of the axis.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if an argument is not finite or `fwhm` ≤ 0 (or so small that 2/fwhm overflows).
 *
 * @example
 * ```ts
 * import { lorentzian } from '@intercalate/numerics';
 * lorentzian(0, 0, 2); // 0.3183098861837907 = 1/π, the peak 2/(π·fwhm)
 * lorentzian(1, 0, 2); // 0.15915494309189535, half the peak at x = center + fwhm/2
 * ```
 */
export function lorentzian(x: number, center: number, fwhm: number): number {
  assertFiniteNumber('x', x);
  assertFiniteNumber('center', center);
  checkFwhm('fwhm', fwhm);
  const halfWidth = fwhm / 2;
  const t = (x - center) / halfWidth;
  return INV_PI / halfWidth / (1 + t * t);
}

/**
 * The area-normalised Gaussian profile:
 *
 * G(x) = 1/(σ√(2π)) · exp(−(x − center)² / (2σ²)), σ = fwhm / (2√(2 ln 2)) ≈ fwhm / 2.3548
 *
 * with ∫G dx = 1 and peak height G(center) = 2√(ln 2 / π) / fwhm ≈ 0.9394 / fwhm. The same function
 * as lmfit's `lineshapes.gaussian(x, amplitude=1, center, sigma=σ)` and
 * `scipy.stats.norm.pdf(x, loc=center, scale=σ)`.
 *
 * @param x - Where to evaluate, in the unit of the axis; finite.
 * @param center - Position of the maximum; finite.
 * @param fwhm - Full width at half maximum; finite and > 0.
 * @returns G(x), in the reciprocal unit of the axis.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if an argument is not finite or `fwhm` ≤ 0 (or so small that 2/fwhm overflows).
 *
 * @example
 * ```ts
 * import { gaussian } from '@intercalate/numerics';
 * gaussian(0, 0, 1); // 0.9394372786996513 = 2√(ln 2/π)
 * gaussian(0.5, 0, 1); // 0.46971863934982566, half the peak
 * ```
 */
export function gaussian(x: number, center: number, fwhm: number): number {
  assertFiniteNumber('x', x);
  assertFiniteNumber('center', center);
  checkFwhm('fwhm', fwhm);
  const sigma = fwhm / FWHM_PER_SIGMA;
  const t = (x - center) / sigma;
  return (INV_SQRT_2PI / sigma) * Math.exp(-0.5 * t * t);
}

/**
 * The area-normalised pseudo-Voigt profile, a linear mix of a Lorentzian and a Gaussian **of the
 * same FWHM**:
 *
 * pV(x) = η·L(x; center, fwhm) + (1 − η)·G(x; center, fwhm)
 *
 * with η the Lorentzian fraction. Its FWHM is exactly `fwhm`, its area 1 and its peak height
 * η·2/(π·fwhm) + (1 − η)·2√(ln 2/π)/fwhm. This is the "simple" pseudo-Voigt of lmfit's
 * `lineshapes.pvoigt(x, amplitude=1, center, sigma=fwhm/2, fraction=η)` (lmfit's sigma is the half
 * width of both components). It is not the Thompson–Cox–Hastings form used in Rietveld programs,
 * where η and the FWHM are derived from separate Gaussian and Lorentzian widths; that can be built
 * on top of this one.
 *
 * @param x - Where to evaluate, in the unit of the axis; finite.
 * @param center - Position of the maximum; finite.
 * @param fwhm - Full width at half maximum of both components; finite and > 0.
 * @param eta - Lorentzian fraction η in [0, 1].
 * @returns pV(x), in the reciprocal unit of the axis.
 * @throws TypeError if an argument is not a number.
 * @throws RangeError if an argument is not finite, `fwhm` ≤ 0 (or so small that 2/fwhm overflows)
 *   or `eta` is outside [0, 1].
 *
 * @example
 * ```ts
 * import { pseudoVoigt } from '@intercalate/numerics';
 * pseudoVoigt(0, 0, 1, 0.5); // 0.7880285255336164 = (2/π + 2√(ln 2/π)) / 2
 * ```
 */
export function pseudoVoigt(x: number, center: number, fwhm: number, eta: number): number {
  assertFiniteNumber('eta', eta, { min: 0, max: 1 });
  return eta * lorentzian(x, center, fwhm) + (1 - eta) * gaussian(x, center, fwhm);
}

/**
 * Adds one line, or several, to a spectrum buffer: out[i] += Σ_lines scale·area·P(axis[i]) (see
 * {@link LineShape}). The work is O(n) per Lorentzian component and O(window) per Gaussian one:
 *
 * - **Lorentzian components are evaluated at every axis point.** Their tails fall only as 1/x²: a
 *   window of ±k FWHM would drop a fraction 1 − (2/π)·arctan(2k) ≈ 1/(πk) of the area (0.6 % at
 *   ±50 FWHM, 0.06 % at ±500), so no window is applied and the sum is exact to rounding.
 * - **Gaussian components are evaluated where |x − center| ≤ 9σ = 3.822 FWHM** (found by binary
 *   search when the axis is monotonic, by a test per point otherwise). Outside, the Gaussian is
 *   below 2.6·10⁻¹⁸ of its peak, under half an ulp of the peak value, so every output differs from
 *   the unwindowed sum by less than 2.6·10⁻¹⁸ of the line's peak height, and the area left out is
 *   erfc(9/√2) ≈ 2.3·10⁻¹⁹ of the line's area.
 *
 * The axis is checked once per call (finite values, and whether it increases, decreases or
 * neither), so pass all the lines of a spectrum in one call. Axes in either direction (NMR ppm
 * axes usually decrease) and unequal spacings are accepted.
 *
 * @param out - The buffer to add into, one element per axis point (not cleared first).
 * @param axis - Where to evaluate: n finite values in the unit of the line positions and widths,
 *   in any order.
 * @param lines - One {@link LineShape} or an array of them.
 * @returns `out`.
 * @throws TypeError if `out` is not a Float64Array, `axis` is not an array of numbers, a line is
 *   not an object or its `shape` is not one of the {@link LineShapeKind} names.
 * @throws RangeError if the lengths differ, an axis value is not finite, or a line's `center`,
 *   `area` or `scale` is not finite, its `fwhm` not > 0, its `eta` (pseudo-Voigt) not in [0, 1], or
 *   its peak height scale·area·(peak of P) overflows.
 *
 * @example
 * ```ts
 * import { addLineShape } from '@intercalate/numerics';
 * const axis = Float64Array.from({ length: 2001 }, (_, i) => 100 - 0.1 * i); // 100 … −100 ppm
 * const spectrum = new Float64Array(axis.length);
 * addLineShape(spectrum, axis, [
 *   { shape: 'lorentzian', center: 10, fwhm: 2, area: 3 },
 *   { shape: 'pseudo-voigt', center: -20, fwhm: 5, eta: 0.3 },
 * ]);
 * spectrum[900]; // 0.9552: the Lorentzian's peak 3·2/(π·2) = 0.9549 at 10 ppm + the other's tail
 * ```
 */
export function addLineShape(
  out: Float64Array,
  axis: ArrayLike<number>,
  lines: LineShape | ReadonlyArray<LineShape>,
): Float64Array {
  const order = checkAxis(axis);
  const n = axis.length;
  if (!(out instanceof Float64Array)) {
    throw new TypeError(`out must be a Float64Array; received ${describeValue(out)}`);
  }
  if (out.length !== n) {
    throw new RangeError(
      `out must have the same length as axis (${n}); received length ${out.length}`,
    );
  }
  const list = lineList(lines);
  const checked = list.map((line, k) =>
    checkLine(Array.isArray(lines) ? `lines[${k}]` : 'line', line),
  );
  for (const line of checked) {
    const k = line.scale * line.area;
    if (k === 0) continue;
    if (line.lorentzWeight !== 0) {
      addLorentzianRange(out, axis, 0, n, line.center, line.fwhm, k * line.lorentzWeight);
    }
    if (line.gaussWeight !== 0) {
      const [from, to] = gaussianWindow(axis, order, line.center, line.fwhm);
      addGaussian(out, axis, from, to, order, line.center, line.fwhm, k * line.gaussWeight);
    }
  }
  return out;
}

/**
 * Adds the partial derivatives of one line, or of several, to the buffers given: for each line
 * f = scale·area·P(x; center, fwhm, η) and each target named in {@link LineShapeTargets},
 * target[i] += ∂f/∂p at axis[i]. Built for analytic Jacobians in least-squares fits (pass
 * columns of the Jacobian as targets; a parameter shared by several lines, such as the position
 * of a spinning-sideband manifold or of a Kα₁/Kα₂ doublet, gets the sum of its lines' derivatives
 * because every call adds). With u = x − center:
 *
 * - Lorentzian, γ = fwhm/2, L = γ/(π(u² + γ²)): ∂L/∂center = 2u·L/(u² + γ²),
 *   ∂L/∂fwhm = L·(u² − γ²)/(fwhm·(u² + γ²)).
 * - Gaussian, σ = fwhm/(2√(2 ln 2)): ∂G/∂center = G·u/σ², ∂G/∂fwhm = G·(u² − σ²)/(σ²·fwhm).
 * - Pseudo-Voigt: the η-weighted sums of the above, and ∂pV/∂η = L − G.
 *
 * Lorentzian terms are evaluated at every point and Gaussian terms within 9σ of the centre, as in
 * {@link addLineShape} (beyond, the Gaussian derivatives are below 2·10⁻¹⁶ of their largest
 * values).
 *
 * @param axis - Where to evaluate: n finite values, in any order.
 * @param lines - One {@link LineShape} or an array of them.
 * @param targets - For one line, one {@link LineShapeTargets}; for an array of lines, an array of
 *   the same length (entry k receives the derivatives of line k; entries may share buffers).
 * @throws TypeError if an argument has the wrong type, a target is not a Float64Array, or `lines`
 *   is an array and `targets` is not (or the reverse).
 * @throws RangeError if a length differs from the axis or from `lines`, an axis value is not finite,
 *   a line is invalid (as in {@link addLineShape}), or an `eta` target is given for a line that is
 *   not a pseudo-Voigt.
 *
 * @example
 * ```ts
 * import { addLineShapeDerivatives } from '@intercalate/numerics';
 * const axis = Float64Array.from({ length: 401 }, (_, i) => -10 + 0.05 * i);
 * const dCenter = new Float64Array(axis.length);
 * const dArea = new Float64Array(axis.length);
 * addLineShapeDerivatives(
 *   axis,
 *   { shape: 'gaussian', center: 1, fwhm: 2, area: 5 },
 *   { center: dCenter, area: dArea },
 * );
 * dArea[220]; // 0.4697 = G(1; 1, 2) = 2√(ln 2/π)/2, the profile at its centre
 * ```
 */
export function addLineShapeDerivatives(
  axis: ArrayLike<number>,
  lines: LineShape | ReadonlyArray<LineShape>,
  targets: LineShapeTargets | ReadonlyArray<LineShapeTargets>,
): void {
  const order = checkAxis(axis);
  const n = axis.length;
  const many = Array.isArray(lines);
  if (many !== Array.isArray(targets)) {
    throw new TypeError(
      `targets must be an array (one entry per line) when lines is an array, and a single object otherwise; received ${describeValue(targets)} for ${describeValue(lines)}`,
    );
  }
  const list = lineList(lines);
  const targetList = (many ? targets : [targets]) as ReadonlyArray<LineShapeTargets>;
  if (targetList.length !== list.length) {
    throw new RangeError(
      `targets must have the same length as lines (${list.length}); received length ${targetList.length}`,
    );
  }
  const checked = list.map((line, k) => checkLine(many ? `lines[${k}]` : 'line', line));
  const buffers = targetList.map((target, k) =>
    checkTargets(many ? `targets[${k}]` : 'targets', target, n, checked[k] as CheckedLine),
  );
  for (let k = 0; k < checked.length; k++) {
    const line = checked[k] as CheckedLine;
    const target = buffers[k] as CheckedTargets;
    if (line.lorentzWeight !== 0 || target.eta) {
      derivativeTerms(axis, 0, n, 0, line, target, false);
    }
    if (line.gaussWeight !== 0 || target.eta) {
      const [from, to] = gaussianWindow(axis, order, line.center, line.fwhm);
      derivativeTerms(axis, from, to, order, line, target, true);
    }
  }
}

// ---------------------------------------------------------------------------------------------

interface CheckedLine {
  center: number;
  fwhm: number;
  area: number;
  scale: number;
  /** Weight of the Lorentzian component in P: η (1 for a Lorentzian, 0 for a Gaussian). */
  lorentzWeight: number;
  /** Weight of the Gaussian component: 1 − η. */
  gaussWeight: number;
  pseudoVoigt: boolean;
}

interface CheckedTargets {
  value: Float64Array | undefined;
  center: Float64Array | undefined;
  fwhm: Float64Array | undefined;
  eta: Float64Array | undefined;
  area: Float64Array | undefined;
  scale: Float64Array | undefined;
}

/** Axis order: 1 non-decreasing, −1 non-increasing, 0 neither. */
type AxisOrder = 1 | -1 | 0;

function checkFwhm(name: string, fwhm: unknown): number {
  const value = assertFiniteNumber(name, fwhm, { min: 0, exclusiveMin: true });
  if (!Number.isFinite(2 / value)) {
    throw new RangeError(
      `${name} must be a finite number > 0 whose reciprocal is finite (≥ 1.2e-308); received ${value}`,
    );
  }
  return value;
}

function checkAxis(axis: unknown): AxisOrder {
  const values = assertNumericArray('axis', axis);
  const n = values.length;
  let increasing = true;
  let decreasing = true;
  for (let i = 1; i < n; i++) {
    const d = (values[i] as number) - (values[i - 1] as number);
    if (d < 0) increasing = false;
    else if (d > 0) decreasing = false;
  }
  return increasing ? 1 : decreasing ? -1 : 0;
}

function lineList(lines: unknown): ReadonlyArray<LineShape> {
  if (Array.isArray(lines)) return lines as ReadonlyArray<LineShape>;
  if (typeof lines === 'object' && lines !== null) return [lines as LineShape];
  throw new TypeError(
    `lines must be a line object { shape, center, fwhm, eta?, area?, scale? } or an array of them; received ${describeValue(lines)}`,
  );
}

function checkLine(name: string, line: unknown): CheckedLine {
  if (typeof line !== 'object' || line === null) {
    throw new TypeError(
      `${name} must be an object { shape, center, fwhm, eta?, area?, scale? }; received ${describeValue(line)}`,
    );
  }
  const { shape, center, fwhm, eta, area = 1, scale = 1 } = line as LineShape;
  if (shape !== 'lorentzian' && shape !== 'gaussian' && shape !== 'pseudo-voigt') {
    throw new TypeError(
      `${name}.shape must be 'lorentzian', 'gaussian' or 'pseudo-voigt'; received ${describeValue(shape)}`,
    );
  }
  assertFiniteNumber(`${name}.center`, center);
  checkFwhm(`${name}.fwhm`, fwhm);
  assertFiniteNumber(`${name}.area`, area);
  assertFiniteNumber(`${name}.scale`, scale);
  let lorentzWeight = 1;
  if (shape === 'gaussian') lorentzWeight = 0;
  if (shape === 'pseudo-voigt')
    lorentzWeight = assertFiniteNumber(`${name}.eta`, eta, { min: 0, max: 1 });
  const gaussWeight = 1 - lorentzWeight;
  // The largest value of |f|: the peak of P (both components peak at the centre) times scale·area.
  const peak =
    Math.abs(scale * area) *
    (lorentzWeight * (2 * INV_PI) + gaussWeight * FWHM_PER_SIGMA * INV_SQRT_2PI) *
    (1 / fwhm);
  if (!Number.isFinite(peak)) {
    throw new RangeError(
      `${name} must have a finite peak height scale·area·P(center); received scale ${scale}, area ${area}, fwhm ${fwhm}`,
    );
  }
  return {
    center,
    fwhm,
    area,
    scale,
    lorentzWeight,
    gaussWeight,
    pseudoVoigt: shape === 'pseudo-voigt',
  };
}

function checkTargets(name: string, target: unknown, n: number, line: CheckedLine): CheckedTargets {
  if (typeof target !== 'object' || target === null) {
    throw new TypeError(
      `${name} must be an object { value?, center?, fwhm?, eta?, area?, scale? } of Float64Arrays; received ${describeValue(target)}`,
    );
  }
  const result: CheckedTargets = {
    value: undefined,
    center: undefined,
    fwhm: undefined,
    eta: undefined,
    area: undefined,
    scale: undefined,
  };
  for (const key of ['value', 'center', 'fwhm', 'eta', 'area', 'scale'] as const) {
    const buffer = (target as LineShapeTargets)[key];
    if (buffer === undefined) continue;
    if (!(buffer instanceof Float64Array)) {
      throw new TypeError(
        `${name}.${key} must be a Float64Array; received ${describeValue(buffer)}`,
      );
    }
    if (buffer.length !== n) {
      throw new RangeError(
        `${name}.${key} must have the same length as axis (${n}); received length ${buffer.length}`,
      );
    }
    result[key] = buffer;
  }
  if (result.eta && !line.pseudoVoigt) {
    throw new RangeError(
      `${name}.eta is only accepted for a 'pseudo-voigt' line (the other shapes have no η); remove it or change the shape`,
    );
  }
  return result;
}

/** First index i with axis[i] ≥ value (increasing axis) or ≤ value (decreasing), in [0, n]. */
function lowerBound(
  axis: ArrayLike<number>,
  value: number,
  order: 1 | -1,
  strict: boolean,
): number {
  let lo = 0;
  let hi = axis.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = order * ((axis[mid] as number) - value);
    if (strict ? d <= 0 : d < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index range [from, to) of a sorted axis where |x − center| ≤ 9σ; the whole axis when it is
 * not sorted (the kernels then test each point).
 */
function gaussianWindow(
  axis: ArrayLike<number>,
  order: AxisOrder,
  center: number,
  fwhm: number,
): [number, number] {
  if (order === 0) return [0, axis.length];
  const radius = (GAUSSIAN_CUTOFF_SIGMAS / FWHM_PER_SIGMA) * fwhm;
  const first = order === 1 ? center - radius : center + radius;
  const last = order === 1 ? center + radius : center - radius;
  return [lowerBound(axis, first, order, false), lowerBound(axis, last, order, true)];
}

/**
 * Unchecked hot kernel: adds weight × the area-normalised Lorentzian
 * L(x) = (2/(π·fwhm)) / (1 + (2(x − center)/fwhm)²) to `out[i]` for `i` in [`from`, `to`).
 * No argument is validated and no window is chosen: the caller (e.g. {@link addLineShape}, or a
 * pattern simulator that windows its peaks) owns both. Use {@link addLineShape} unless you are
 * writing such a caller.
 *
 * @param out - Accumulator, same indexing as `axis`.
 * @param axis - Abscissae (any unit; `center` and `fwhm` in the same unit).
 * @param from - First index to add to.
 * @param to - One past the last index to add to.
 * @param center - Line centre.
 * @param fwhm - Full width at half maximum, > 0.
 * @param weight - Area of the added line (η·area for the Lorentzian part of a pseudo-Voigt).
 *
 * @example
 * ```ts
 * import { addLorentzianRange } from '@intercalate/numerics';
 * const axis = Float64Array.from({ length: 101 }, (_, i) => i / 10 - 5);
 * const out = new Float64Array(101);
 * addLorentzianRange(out, axis, 30, 71, 0, 1, 2); // a Lorentzian of area 2 on x ∈ [−2, 2]
 * ```
 */
export function addLorentzianRange(
  out: Float64Array,
  axis: ArrayLike<number>,
  from: number,
  to: number,
  center: number,
  fwhm: number,
  weight: number,
): void {
  const inverseHalfWidth = 2 / fwhm;
  const height = weight * INV_PI * inverseHalfWidth;
  for (let i = from; i < to; i++) {
    const t = ((axis[i] as number) - center) * inverseHalfWidth;
    out[i] = (out[i] as number) + height / (1 + t * t);
  }
}

/**
 * Unchecked hot kernel: adds weight × the area-normalised Gaussian
 * G(x) = exp(−(x − center)²/(2σ²)) / (σ√(2π)), σ = fwhm/(2√(2 ln 2)), to `out[i]` for `i` in
 * [`from`, `to`), with no cut-off inside that range. Like {@link addLorentzianRange}, it checks
 * nothing; {@link addLineShape} is the checked entry point.
 *
 * @param out - Accumulator, same indexing as `axis`.
 * @param axis - Abscissae (any unit; `center` and `fwhm` in the same unit).
 * @param from - First index to add to.
 * @param to - One past the last index to add to.
 * @param center - Line centre.
 * @param fwhm - Full width at half maximum, > 0.
 * @param weight - Area of the added line ((1 − η)·area for the Gaussian part of a pseudo-Voigt).
 *
 * @example
 * ```ts
 * import { addGaussianRange } from '@intercalate/numerics';
 * const axis = Float64Array.from({ length: 101 }, (_, i) => i / 10 - 5);
 * const out = new Float64Array(101);
 * addGaussianRange(out, axis, 0, 101, 0, 1, 1); // Σ out · 0.1 ≈ 1
 * ```
 */
export function addGaussianRange(
  out: Float64Array,
  axis: ArrayLike<number>,
  from: number,
  to: number,
  center: number,
  fwhm: number,
  weight: number,
): void {
  const inverseSigma = FWHM_PER_SIGMA / fwhm;
  const height = weight * INV_SQRT_2PI * inverseSigma;
  for (let i = from; i < to; i++) {
    const t = ((axis[i] as number) - center) * inverseSigma;
    out[i] = (out[i] as number) + height * Math.exp(-0.5 * t * t);
  }
}

function addGaussian(
  out: Float64Array,
  axis: ArrayLike<number>,
  from: number,
  to: number,
  order: AxisOrder,
  center: number,
  fwhm: number,
  weight: number,
): void {
  if (order !== 0) {
    addGaussianRange(out, axis, from, to, center, fwhm, weight);
    return;
  }
  const inverseSigma = FWHM_PER_SIGMA / fwhm;
  const height = weight * INV_SQRT_2PI * inverseSigma;
  for (let i = from; i < to; i++) {
    const t = ((axis[i] as number) - center) * inverseSigma;
    if (Math.abs(t) <= GAUSSIAN_CUTOFF_SIGMAS) {
      out[i] = (out[i] as number) + height * Math.exp(-0.5 * t * t);
    }
  }
}

/**
 * Adds the terms of one component (Lorentzian or Gaussian) of a line to the targets over
 * [from, to). With P the unit-area component, k = scale·area and w its weight in the profile
 * (η or 1 − η): value += k·w·P, center/fwhm += k·w·∂P, area += scale·w·P, scale += area·w·P,
 * eta += ±k·P (+ for the Lorentzian, − for the Gaussian).
 */
function derivativeTerms(
  axis: ArrayLike<number>,
  from: number,
  to: number,
  order: AxisOrder,
  line: CheckedLine,
  target: CheckedTargets,
  isGaussian: boolean,
): void {
  const { center, fwhm, area, scale } = line;
  const weight = isGaussian ? line.gaussWeight : line.lorentzWeight;
  const k = scale * area;
  const cValue = k * weight;
  const cArea = scale * weight;
  const cScale = area * weight;
  const cEta = isGaussian ? -k : k;
  const { value, eta } = target;
  const dCenter = target.center;
  const dFwhm = target.fwhm;
  const dArea = target.area;
  const dScale = target.scale;
  const inverseFwhm = 1 / fwhm;
  if (isGaussian) {
    const inverseSigma = FWHM_PER_SIGMA * inverseFwhm;
    const height = INV_SQRT_2PI * inverseSigma;
    for (let i = from; i < to; i++) {
      const t = ((axis[i] as number) - center) * inverseSigma;
      if (order === 0 && !(Math.abs(t) <= GAUSSIAN_CUTOFF_SIGMAS)) continue;
      const p = height * Math.exp(-0.5 * t * t);
      // ∂G/∂center = G·t/σ, ∂G/∂fwhm = G·(t² − 1)/fwhm.
      if (value) value[i] = (value[i] as number) + cValue * p;
      if (dCenter) dCenter[i] = (dCenter[i] as number) + cValue * p * t * inverseSigma;
      if (dFwhm) dFwhm[i] = (dFwhm[i] as number) + cValue * p * (t * t - 1) * inverseFwhm;
      if (dArea) dArea[i] = (dArea[i] as number) + cArea * p;
      if (dScale) dScale[i] = (dScale[i] as number) + cScale * p;
      if (eta) eta[i] = (eta[i] as number) + cEta * p;
    }
    return;
  }
  const inverseHalfWidth = 2 * inverseFwhm;
  const height = INV_PI * inverseHalfWidth;
  for (let i = from; i < to; i++) {
    let t = ((axis[i] as number) - center) * inverseHalfWidth;
    t = Math.min(Math.max(t, -LARGE_T), LARGE_T);
    const r = 1 / (1 + t * t);
    const p = height * r;
    // With t = u/γ and r = 1/(1 + t²): ∂L/∂center = 2t·r·L/γ, ∂L/∂fwhm = L·(t² − 1)·r/fwhm
    // = L·(1 − 2r)/fwhm (the second form stays finite for any t).
    if (value) value[i] = (value[i] as number) + cValue * p;
    if (dCenter) dCenter[i] = (dCenter[i] as number) + cValue * p * 2 * t * r * inverseHalfWidth;
    if (dFwhm) dFwhm[i] = (dFwhm[i] as number) + cValue * p * (1 - 2 * r) * inverseFwhm;
    if (dArea) dArea[i] = (dArea[i] as number) + cArea * p;
    if (dScale) dScale[i] = (dScale[i] as number) + cScale * p;
    if (eta) eta[i] = (eta[i] as number) + cEta * p;
  }
}
