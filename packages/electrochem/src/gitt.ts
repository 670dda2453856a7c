import { assertFiniteNumber, assertNumericArray, describeValue } from '@intercalate/numerics';

/**
 * Diffusion length of a GITT analysis: either a sphere `radius`, or the molar-volume/area form
 * (`mass`, `molarMass`, `molarVolume`, `area`). Give exactly one of the two.
 */
export interface GittGeometry {
  /** Particle radius r in m (sphere form: V/S = r/3), finite and > 0. */
  radius?: number;
  /** Mass of active material m in g, finite and > 0 (molar-volume/area form). */
  mass?: number;
  /** Molar mass M of the active material in g mol⁻¹, finite and > 0 (only m/M, the amount, is used). */
  molarMass?: number;
  /** Molar volume V_M of the active material in m³ mol⁻¹, finite and > 0. */
  molarVolume?: number;
  /** Electrode–electrolyte contact area S in m², finite and > 0. */
  area?: number;
}

/** Input of {@link gittDiffusionCoefficient}. */
export interface GittDiffusionInput extends GittGeometry {
  /** Duration τ of the current pulse in s, finite and > 0. */
  pulseDuration: number;
  /**
   * ΔE_s in V: change of the steady-state (relaxed) voltage caused by the pulse, finite. Only
   * the ratio ΔE_s/ΔE_t enters, squared, so signs do not matter as long as both are taken the
   * same way.
   */
  deltaEs: number;
  /** ΔE_t in V: voltage change during the pulse, IR drop excluded, finite and ≠ 0. */
  deltaEt: number;
}

/**
 * Diffusion length L = V/S (m) from a geometry, validated.
 * @internal
 */
export function diffusionLength(geometry: GittGeometry, name: string): number {
  const { radius, mass, molarMass, molarVolume, area } = geometry;
  const areaForm = [mass, molarMass, molarVolume, area].some((v) => v !== undefined);
  if (radius !== undefined && areaForm) {
    throw new TypeError(
      `${name} must give either radius or { mass, molarMass, molarVolume, area }, not both`,
    );
  }
  if (radius !== undefined) {
    return (
      assertFiniteNumber(`${name}.radius`, radius, { min: 0, exclusiveMin: true, unit: 'm' }) / 3
    );
  }
  if (!areaForm) {
    throw new TypeError(
      `${name} must give a diffusion geometry: radius (m) or { mass (g), molarMass (g/mol), molarVolume (m³/mol), area (m²) }; received none`,
    );
  }
  const positive = { min: 0, exclusiveMin: true };
  const m = assertFiniteNumber(`${name}.mass`, mass, { ...positive, unit: 'g' });
  const molar = assertFiniteNumber(`${name}.molarMass`, molarMass, { ...positive, unit: 'g/mol' });
  const vm = assertFiniteNumber(`${name}.molarVolume`, molarVolume, {
    ...positive,
    unit: 'm³/mol',
  });
  const s = assertFiniteNumber(`${name}.area`, area, { ...positive, unit: 'm²' });
  return (m * vm) / (molar * s);
}

/**
 * Chemical diffusion coefficient from one GITT titration by the Weppner–Huggins short-time
 * solution (W. Weppner, R. A. Huggins, J. Electrochem. Soc. 1977, 124, 1569):
 *
 * D = 4/(π τ) · L² · (ΔE_s/ΔE_t)²,  L = V/S,
 *
 * with L = r/3 for a sphere of radius r (D = 4r²/(9πτ)·(ΔE_s/ΔE_t)²) or L = m·V_M/(M·S) in the
 * molar-volume/area form. Both are the same formula: m/M is the amount of active material, times
 * V_M its volume V, over the contact area S.
 *
 * Derivation and validity: for a constant flux into a semi-infinite solid the surface
 * concentration grows as 2J√t/√(πD) while the mean grows as Jt/L; the ratio of the two voltage
 * changes is √(πDτ)/(2L). It therefore holds only for τ ≪ L²/D (the diffusion front must not
 * reach the particle centre during the pulse; check that D·τ/L² ≪ 1 with the D found), for a
 * voltage linear in √t during the pulse, for a small composition step (dE/dx constant over it)
 * and with ΔE_t measured without the ohmic (IR) drop. The result is the same as the formulas
 * quoted by most GITT papers (e.g. Yang et al., Electrochim. Acta 2012, 66, 88) and by
 * REFERENCES.md.
 *
 * @param input - `pulseDuration` τ (s), `deltaEs` and `deltaEt` (V), and the geometry: `radius`
 *   (m) or `mass` (g), `molarMass` (g mol⁻¹), `molarVolume` (m³ mol⁻¹) and `area` (m²).
 * @returns D in m² s⁻¹ (multiply by 1e4 for cm² s⁻¹).
 * @throws TypeError if `input` is not an object, a member is not a number, or the geometry is
 *   missing or given both ways.
 * @throws RangeError if τ, the radius or a geometry member is not finite and > 0, `deltaEs` is not
 *   finite, or `deltaEt` is not finite or is 0.
 *
 * @example
 * ```ts
 * import { gittDiffusionCoefficient } from '@intercalate/electrochem';
 * // 5 µm sphere, 10 min pulse, ΔEs = 5 mV, ΔEt = 20 mV
 * gittDiffusionCoefficient({ pulseDuration: 600, deltaEs: 0.005, deltaEt: 0.02, radius: 5e-6 });
 * // 3.684e-16 m² s⁻¹ = 4·(5e-6)²/(9π·600)·(0.25)²
 * ```
 */
export function gittDiffusionCoefficient(input: GittDiffusionInput): number {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(
      `input must be an object { pulseDuration, deltaEs, deltaEt, radius | mass, molarMass, molarVolume, area }; received ${describeValue(input)}`,
    );
  }
  const tau = assertFiniteNumber('pulseDuration', input.pulseDuration, {
    min: 0,
    exclusiveMin: true,
    unit: 's',
  });
  const es = assertFiniteNumber('deltaEs', input.deltaEs, { unit: 'V' });
  const et = assertFiniteNumber('deltaEt', input.deltaEt, { unit: 'V' });
  if (et === 0) throw new RangeError('deltaEt must be a finite number ≠ 0 (V); received 0');
  const length = diffusionLength(input, 'input');
  const ratio = es / et;
  return (4 / (Math.PI * tau)) * length * length * ratio * ratio;
}

/** Options of {@link analyzeGitt}. */
export interface AnalyzeGittOptions extends GittGeometry {
  /**
   * A sample belongs to a pulse when |current| > `currentThreshold` (A), ≥ 0; rests are the
   * samples at or below it.
   * @defaultValue 1 % of the largest |current| in the data
   */
  currentThreshold?: number;
  /**
   * Part of each pulse fitted by a straight line in √t to obtain ΔE_t, as fractions
   * [from, to] of the pulse duration τ, 0 ≤ from < to ≤ 1. Skip the start (from > 0) when the
   * first samples carry double-layer charging beyond the IR step; stop early (to < 1) when the
   * voltage bends away from √t at the end of long pulses.
   * @defaultValue [0, 1]
   */
  fitWindow?: readonly [number, number];
}

/** One pulse-and-rest titration found by {@link analyzeGitt}. */
export interface GittTitration {
  /** Index of the first sample of the pulse (current on). */
  pulseStartIndex: number;
  /** Index of the last sample of the pulse. */
  pulseEndIndex: number;
  /** Index of the last sample of the following rest. */
  restEndIndex: number;
  /** Pulse duration τ (s): time of the last pulse sample minus time of the first. */
  pulseDuration: number;
  /** Rest duration (s): time of the last rest sample minus time of the last pulse sample. */
  restDuration: number;
  /** Mean current during the pulse (A, sign as in the data). */
  current: number;
  /** Charge passed during the pulse (C): trapezoidal ∫ I dt over the pulse samples. */
  charge: number;
  /** Relaxed voltage before the pulse (V): last sample of the preceding rest; NaN when the data start with this pulse. */
  initialVoltage: number;
  /** Relaxed (pseudo-OCV) voltage at the end of the following rest (V). */
  relaxedVoltage: number;
  /** Voltage at the end of the pulse (V). */
  pulseEndVoltage: number;
  /** Overpotential (V): `pulseEndVoltage` − `relaxedVoltage` (positive on charge, negative on discharge). */
  overpotential: number;
  /** Ohmic step (V): voltage of the first pulse sample minus `initialVoltage`; NaN without it. */
  iRDrop: number;
  /** ΔE_s (V) = `relaxedVoltage` − `initialVoltage`; NaN without `initialVoltage`. */
  deltaEs: number;
  /**
   * ΔE_t (V) = slope·√τ of the least-squares line V = a + slope·√(t − t_start) over the
   * `fitWindow` part of the pulse: the voltage change during the pulse with the IR step removed.
   * NaN when the window holds fewer than two samples.
   */
  deltaEt: number;
  /** Weppner–Huggins D (m² s⁻¹) from {@link gittDiffusionCoefficient}; NaN without geometry or when ΔE_s or ΔE_t is NaN or ΔE_t is 0. */
  diffusionCoefficient: number;
  /** D·τ/L² (dimensionless): the validity check of the short-time solution, which needs it ≪ 1; NaN when D is. */
  validity: number;
}

/** Result of {@link analyzeGitt}. */
export interface GittAnalysis {
  /** The titrations in time order. */
  titrations: GittTitration[];
  /** `relaxedVoltage` of each titration (V): the pseudo-OCV curve. */
  relaxedVoltage: Float64Array;
  /** Cumulative charge (C) at the end of each titration, from the start of the first pulse. */
  cumulativeCharge: Float64Array;
  /** `diffusionCoefficient` of each titration (m² s⁻¹). */
  diffusionCoefficient: Float64Array;
}

/**
 * Analyses a galvanostatic intermittent titration (GITT) record: finds the current pulses and the
 * rests after them, and returns per titration the relaxed (pseudo-OCV) voltage, the overpotential,
 * ΔE_s, ΔE_t and the Weppner–Huggins diffusion coefficient.
 *
 * Segmentation: a pulse is a maximal run of samples with |I| > `currentThreshold` and the same
 * sign of I; its rest is the run of samples at or below the threshold that follows, up to the next
 * pulse. A pulse without a following rest sample (data ending mid-pulse) is not a titration.
 *
 * Per titration (times from the data, in s; voltages in V):
 * - τ = t(last pulse sample) − t(first pulse sample) (cyclers log a point at both ends of a step);
 * - relaxed voltage = last sample of the rest (the pseudo-OCV point, as Mu et al., JACS 2024,
 *   Fig. 4a, joining "the equilibrated potentials" of each titration);
 * - overpotential = voltage at the end of the pulse − relaxed voltage after it (Mu et al.,
 *   Fig. 4c, rest 10 h after 1 h pulses);
 * - ΔE_s = relaxed voltage − relaxed voltage before the pulse;
 * - ΔE_t = slope × √τ from a least-squares line of V against √(t − t_start) over `fitWindow`,
 *   which removes the IR step (the line's intercept) and follows Weppner and Huggins' own
 *   dE/d√t formulation. (Taking the voltage difference between the first and last pulse samples
 *   instead includes whatever is not √t-like; the fit is the convention of most careful GITT
 *   analyses and is exact for the semi-infinite short-time solution.)
 * - D from {@link gittDiffusionCoefficient} when a geometry is given in `options`.
 *
 * @param data - `time` (s, strictly increasing), `voltage` (V) and `current` (A; any sign
 *   convention, pulses of both signs are found), arrays of the same length ≥ 2.
 * @param options - Geometry for D (`radius`, or `mass`, `molarMass`, `molarVolume`, `area`), the
 *   `currentThreshold` and the √t `fitWindow`; see {@link AnalyzeGittOptions}.
 * @returns The titrations and the pseudo-OCV, cumulative charge and D series.
 * @throws TypeError if an argument has the wrong type or the geometry is given both ways.
 * @throws RangeError if arrays are shorter than 2, of different lengths or hold non-finite
 *   values, `time` is not strictly increasing, or an option is out of its domain.
 *
 * @example
 * ```ts
 * import { analyzeGitt } from '@intercalate/electrochem';
 * // rest, a 1 mA pulse of 400 s (V = 3.80 + 0.02 + 0.001·√t), a rest relaxing to 3.81 V
 * const time = [0, 100, 200, 300, 400, 500, 600, 700, 800];
 * const current = [0, 1e-3, 1e-3, 1e-3, 1e-3, 1e-3, 0, 0, 0];
 * const voltage = [3.8, 3.82, 3.83, 3.8341421, 3.8373205, 3.84, 3.812, 3.8101, 3.81];
 * const { titrations } = analyzeGitt({ time, voltage, current }, { radius: 5e-6 });
 * titrations[0].relaxedVoltage; // 3.81 V
 * titrations[0].deltaEs; // 0.01 V
 * titrations[0].deltaEt; // 0.02 V (0.001 V s^-1/2 × √400 s)
 * titrations[0].diffusionCoefficient; // 2.21e-15 m² s⁻¹ = 4(5e-6/3)²/(π·400)·(0.5)²
 * ```
 */
export function analyzeGitt(
  data: { time: ArrayLike<number>; voltage: ArrayLike<number>; current: ArrayLike<number> },
  options: AnalyzeGittOptions = {},
): GittAnalysis {
  if (typeof data !== 'object' || data === null) {
    throw new TypeError(
      `data must be an object { time, voltage, current } of numeric arrays; received ${describeValue(data)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const time = assertNumericArray('data.time', data.time, { minLength: 2 });
  const n = time.length;
  const voltage = assertNumericArray('data.voltage', data.voltage, {
    length: n,
    lengthOf: 'data.time',
  });
  const current = assertNumericArray('data.current', data.current, {
    length: n,
    lengthOf: 'data.time',
  });
  for (let i = 1; i < n; i++) {
    if (!(time[i]! > time[i - 1]!)) {
      throw new RangeError(
        `data.time must be strictly increasing (s); received data.time[${i - 1}] = ${time[i - 1]}, data.time[${i}] = ${time[i]}`,
      );
    }
  }
  const hasGeometry = [
    options.radius,
    options.mass,
    options.molarMass,
    options.molarVolume,
    options.area,
  ].some((v) => v !== undefined);
  const length = hasGeometry ? diffusionLength(options, 'options') : Number.NaN;
  let maxCurrent = 0;
  for (let i = 0; i < n; i++) maxCurrent = Math.max(maxCurrent, Math.abs(current[i]!));
  const threshold = assertFiniteNumber(
    'options.currentThreshold',
    options.currentThreshold ?? 0.01 * maxCurrent,
    { min: 0, unit: 'A' },
  );
  const window = options.fitWindow ?? [0, 1];
  if (!Array.isArray(window) || window.length !== 2) {
    throw new TypeError(
      `options.fitWindow must be a pair [from, to] of fractions of the pulse; received ${describeValue(window)}`,
    );
  }
  const from = assertFiniteNumber('options.fitWindow[0]', window[0], {
    min: 0,
    max: 1,
    exclusiveMax: true,
  });
  const to = assertFiniteNumber('options.fitWindow[1]', window[1], {
    min: from,
    max: 1,
    exclusiveMin: true,
  });

  const on = (i: number) => Math.abs(current[i]!) > threshold;
  const titrations: GittTitration[] = [];
  let i = 0;
  while (i < n) {
    if (!on(i)) {
      i++;
      continue;
    }
    const start = i;
    const sign = Math.sign(current[i]!);
    while (i + 1 < n && on(i + 1) && Math.sign(current[i + 1]!) === sign) i++;
    const end = i;
    i++;
    if (i >= n || on(i)) continue; // no rest after this pulse
    while (i + 1 < n && !on(i + 1)) i++;
    const restEnd = i;
    i++;
    titrations.push(titration(start, end, restEnd));
  }

  function titration(start: number, end: number, restEnd: number): GittTitration {
    const t0 = time[start]!;
    const tau = time[end]! - t0;
    let charge = 0;
    let sumI = 0;
    for (let k = start; k <= end; k++) {
      sumI += current[k]!;
      if (k > start) charge += 0.5 * (current[k]! + current[k - 1]!) * (time[k]! - time[k - 1]!);
    }
    const initialVoltage = start > 0 && !on(start - 1) ? voltage[start - 1]! : Number.NaN;
    const relaxedVoltage = voltage[restEnd]!;
    const pulseEndVoltage = voltage[end]!;
    // Least squares of V on s = √(t − t0) over the fit window.
    let count = 0;
    let ss = 0;
    let sv = 0;
    let sss = 0;
    let ssv = 0;
    for (let k = start; k <= end; k++) {
      const dt = time[k]! - t0;
      if (dt < from * tau || dt > to * tau) continue;
      const s = Math.sqrt(dt);
      const v = voltage[k]!;
      count++;
      ss += s;
      sv += v;
      sss += s * s;
      ssv += s * v;
    }
    let deltaEt = Number.NaN;
    if (count >= 2) {
      const meanS = ss / count;
      const sxx = sss - ss * meanS;
      const sxy = ssv - sv * meanS;
      if (sxx > 0) deltaEt = (sxy / sxx) * Math.sqrt(tau);
    }
    const deltaEs = relaxedVoltage - initialVoltage;
    const ratio = deltaEs / deltaEt;
    const d =
      Number.isFinite(ratio) && tau > 0
        ? (4 / (Math.PI * tau)) * length * length * ratio * ratio
        : Number.NaN;
    return {
      pulseStartIndex: start,
      pulseEndIndex: end,
      restEndIndex: restEnd,
      pulseDuration: tau,
      restDuration: time[restEnd]! - time[end]!,
      current: sumI / (end - start + 1),
      charge,
      initialVoltage,
      relaxedVoltage,
      pulseEndVoltage,
      overpotential: pulseEndVoltage - relaxedVoltage,
      iRDrop: voltage[start]! - initialVoltage,
      deltaEs,
      deltaEt,
      diffusionCoefficient: d,
      validity: (d * tau) / (length * length),
    };
  }

  const m = titrations.length;
  const relaxed = new Float64Array(m);
  const cumulative = new Float64Array(m);
  const diffusion = new Float64Array(m);
  let q = 0;
  for (let k = 0; k < m; k++) {
    const t = titrations[k]!;
    q += t.charge;
    relaxed[k] = t.relaxedVoltage;
    cumulative[k] = q;
    diffusion[k] = t.diffusionCoefficient;
  }
  return {
    titrations,
    relaxedVoltage: relaxed,
    cumulativeCharge: cumulative,
    diffusionCoefficient: diffusion,
  };
}
