import {
  assertFiniteNumber,
  createFft,
  describeValue,
  gaussLegendre,
  outputBuffer,
} from '@intercalate/numerics';

/** Options of {@link sidebandIntensities}. */
export interface SidebandIntensitiesOptions {
  /**
   * Reduced shift anisotropy δ_aniso = δ_zz − δ_iso in ppm (Haeberlen convention, with the
   * principal values ordered |δ_zz − δ_iso| ≥ |δ_xx − δ_iso| ≥ |δ_yy − δ_iso|); finite, either
   * sign. This is SIMPSON's and TopSpin SOLA's "anisotropy", and 2/3 of the "span-like"
   * anisotropy Δδ = δ_zz − (δ_xx + δ_yy)/2 some papers quote.
   */
  anisotropy: number;
  /** Asymmetry η = (δ_yy − δ_xx)/δ_aniso in [0, 1] (Haeberlen). */
  asymmetry: number;
  /** Magic-angle spinning rate ν_r in Hz (not kHz); finite and > 0. */
  spinningRate: number;
  /** Reference frequency ν_ref of the observed nucleus in MHz (converts ppm to Hz); > 0. */
  referenceFrequency: number;
  /** Highest sideband order N_max: intensities are returned for N = −N_max … N_max. Integer ≥ 0. */
  orders: number;
  /**
   * Powder grid size m: m Gauss–Legendre nodes in cos β on [0, 1] times m equally spaced α on
   * [0, π/2) (midpoints), m² crystallite orientations in all; an integer in 2 … 2000. The octant
   * suffices because the tensor is symmetric under the rotations and reflections of its principal
   * frame, and reversing the sense of rotation leaves the intensities unchanged.
   * @defaultValue 12 + ⌈2·R⌉ with R = |δ_aniso·ν_ref|/ν_r, the anisotropy in units of the spinning
   *   rate (each intensity then converged to about 10⁻¹²; see {@link sidebandIntensities})
   */
  orientations?: number;
  /**
   * Samples per rotor period in the Fourier analysis, a power of two in 8 … 2²⁰. Orders beyond
   * rotorSteps/2 would alias onto the ones returned.
   * @defaultValue the smallest power of two ≥ 2·(orders + 1) and ≥ 2·(R + 10·R^⅓ + 32)
   */
  rotorSteps?: number;
  /** A Float64Array of length 2·orders + 1 to write into instead of allocating. */
  out?: Float64Array;
}

const MAGIC_COS2 = 1 / 3;
const MAX_ORIENTATIONS = 2000;
const MAX_ROTOR_STEPS = 1 << 20;
const MAX_ORDERS = 100_000;
/** Refuse problems with more than this many (orientation × rotor step) evaluations. */
const MAX_WORK = 2e8;

/**
 * Relative intensities of the spinning-sideband manifold of a line broadened by a shift anisotropy
 * under magic-angle spinning (MAS), from a powder average of the Fourier components of the
 * rotor-modulated phase (Maricq & Waugh, J. Chem. Phys. 1979, 70, 3300; Herzfeld & Berger,
 * J. Chem. Phys. 1980, 73, 6021).
 *
 * **Physics.** For a crystallite whose rotor-frame tensor is T (traceless part of the shift
 * tensor, in Hz: ν_ref·δ in ppm), the frequency offset from the isotropic shift at rotor phase
 * φ = 2πν_r·t is ν(φ) = b(φ)ᵀ·T·b(φ), with b = (sin θ_m cos φ, sin θ_m sin φ, cos θ_m) the field
 * direction in the rotor frame and θ_m = arccos(1/√3) the magic angle:
 *
 * ν(φ) = 2 sin θ_m cos θ_m·(T_xz cos φ + T_yz sin φ) + sin²θ_m·((T_xx − T_yy)/2·cos 2φ + T_xy sin 2φ)
 *
 * (the constant term, T_zz·(cos²θ_m − ½ sin²θ_m), vanishes at the magic angle). Its phase
 * Φ(φ) = (1/ν_r)∫ν dφ is periodic, and exp(iΦ) = Σ_N F_N·exp(iNφ). Averaging the free-induction
 * decay over the crystallite's rotor angle γ (a shift of the time origin) leaves
 * Σ_N |F_N|²·exp(i(ν_iso + Nν_r)t): the sideband of order N, at ν_iso + N·ν_r, has intensity
 *
 * I_N = ⟨|F_N|²⟩_powder
 *
 * (positive; Σ_N I_N = 1 by Parseval, since |exp(iΦ)| = 1). Positive N are at higher frequency
 * and higher ppm. The moments obey Maricq & Waugh's theorems: Σ N·I_N = 0 (the centre of gravity
 * stays at the isotropic shift), Σ (Nν_r)²·I_N = δ²(3 + η²)/15 and Σ (Nν_r)³·I_N =
 * (2/35)·δ³·(1 − η²) with δ = δ_aniso·ν_ref in Hz, the moments of the static powder pattern.
 *
 * **Numerics.** The γ average is done analytically (above). F_N comes from a radix-2 FFT of
 * exp(iΦ) at `rotorSteps` points per rotor period, Φ itself in closed form. The average over the
 * orientation (α, β) of the rotor axis in the principal frame uses `orientations`² points: a
 * Gauss–Legendre rule in cos β on [0, 1] times the midpoint rule in α on [0, π/2), exponentially
 * convergent for this smooth integrand. With the defaults each intensity is converged to about
 * 10⁻¹² (checked against finer grids, and against an independent time-domain simulation with an
 * explicit γ average, test/fixtures/sideband-intensities.py, to 10⁻¹⁵). The cost grows as
 * orientations²·rotorSteps·log₂(rotorSteps), with R = |δ_aniso·ν_ref|/ν_r: a few ms for R ≲ 10
 * (R = 1 is 515 ppm for ⁷Li at 116.6 MHz and 60 kHz MAS), 0.13 s for R = 40, 1.2 s for R = 100.
 *
 * The same manifold describes any inhomogeneous, traceless second-rank interaction that acts as a
 * frequency offset, such as the electron–nuclear dipolar (pseudo-contact) shift anisotropy that
 * dominates the sidebands of ⁷Li and ²³Na in paramagnetic battery materials.
 *
 * @param options - Tensor, spinning, reference frequency, orders and grid; see
 *   {@link SidebandIntensitiesOptions}.
 * @returns The fraction of the total line intensity in each order N = −orders … orders (index
 *   `orders + N`; the centreband at index `orders`). These are not renormalised: the sum is 1
 *   minus the intensity beyond ±orders, so `1 − Σ` tells whether enough orders were requested.
 * @throws TypeError if `options` is not an object or `out` is not a Float64Array.
 * @throws RangeError if a value is not finite or out of range (`spinningRate` and
 *   `referenceFrequency` > 0, `asymmetry` in [0, 1], `orders` an integer in 0 … 100 000,
 *   `orientations` an integer in 2 … 2000, `rotorSteps` a power of two in 8 … 2²⁰ and
 *   > 2·orders), `out` has the wrong length, or the grid would need more than 2·10⁸ phase
 *   evaluations (an anisotropy of many times the spinning rate: simulate a static pattern instead).
 *
 * @example
 * ```ts
 * import { sidebandIntensities } from '@intercalate/nmr';
 * // ⁷Li at ¹H 300 MHz (116.591 MHz), 60 kHz MAS, δ_aniso = 400 ppm (46.6 kHz), η = 0.2:
 * const I = sidebandIntensities({
 *   anisotropy: 400,
 *   asymmetry: 0.2,
 *   spinningRate: 60_000,
 *   referenceFrequency: 116.591,
 *   orders: 3,
 * });
 * // I[3] ≈ 0.912 is the centreband; I[2] ≈ 0.042 (N = −1) and I[4] ≈ 0.034 (N = +1)
 * ```
 */
export function sidebandIntensities(options: SidebandIntensitiesOptions): Float64Array {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { anisotropy, asymmetry, spinningRate, referenceFrequency, orders }; received ${describeValue(options)}`,
    );
  }
  const anisotropy = assertFiniteNumber('anisotropy', options.anisotropy, { unit: 'ppm' });
  const eta = assertFiniteNumber('asymmetry', options.asymmetry, { min: 0, max: 1 });
  const spinningRate = assertFiniteNumber('spinningRate', options.spinningRate, {
    min: 0,
    exclusiveMin: true,
    unit: 'Hz',
  });
  const referenceFrequency = assertFiniteNumber('referenceFrequency', options.referenceFrequency, {
    min: 0,
    exclusiveMin: true,
    unit: 'MHz',
  });
  const orders = assertFiniteNumber('orders', options.orders, {
    min: 0,
    max: MAX_ORDERS,
    integer: true,
  });
  const length = 2 * orders + 1;
  const out = outputBuffer(options.out, length, '2·orders + 1');
  // Anisotropy in Hz and in units of the spinning rate.
  const delta = anisotropy * referenceFrequency;
  const ratio = Math.abs(delta) / spinningRate;
  if (!Number.isFinite(ratio)) {
    throw new RangeError(
      `anisotropy·referenceFrequency/spinningRate must be finite; received ${anisotropy} ppm × ${referenceFrequency} MHz / ${spinningRate} Hz`,
    );
  }
  const orientations =
    options.orientations === undefined
      ? Math.min(MAX_ORIENTATIONS, 12 + Math.ceil(2 * ratio))
      : assertFiniteNumber('orientations', options.orientations, {
          min: 2,
          max: MAX_ORIENTATIONS,
          integer: true,
        });
  let steps: number;
  if (options.rotorSteps === undefined) {
    const needed = Math.max(2 * (orders + 1), 2 * (ratio + 10 * Math.cbrt(ratio) + 32));
    steps = 8;
    while (steps < needed) steps *= 2;
  } else {
    steps = assertFiniteNumber('rotorSteps', options.rotorSteps, {
      min: 8,
      max: MAX_ROTOR_STEPS,
      integer: true,
    });
    if ((steps & (steps - 1)) !== 0 || steps <= 2 * orders) {
      throw new RangeError(
        `rotorSteps must be a power of two > 2·orders (${2 * orders}); received ${steps}`,
      );
    }
  }
  if (steps > MAX_ROTOR_STEPS || orientations * orientations * steps > MAX_WORK) {
    throw new RangeError(
      `the sideband calculation would need ${orientations}² orientations × ${steps} rotor steps (more than 2e8 evaluations): the anisotropy (${ratio.toFixed(1)} × the spinning rate) is too large for a sideband manifold; received anisotropy ${anisotropy} ppm, spinningRate ${spinningRate} Hz`,
    );
  }

  out.fill(0);
  if (delta === 0) {
    out[orders] = 1;
    return out;
  }

  // Principal values of the traceless tensor in Hz (Haeberlen): zz = δ, xx = −δ(1 + η)/2,
  // yy = −δ(1 − η)/2.
  const pxx = (-delta * (1 + eta)) / 2;
  const pyy = (-delta * (1 - eta)) / 2;
  const pzz = delta;
  // ν(φ) = a1 cos φ + b1 sin φ + a2 cos 2φ + b2 sin 2φ with a1 = c1·T_xz, b1 = c1·T_yz,
  // a2 = c2·(T_xx − T_yy)/2, b2 = c2·T_xy; the phase Φ = (a1 sin φ − b1 cos φ
  // + a2/2·sin 2φ − b2/2·cos 2φ)/ν_r.
  const c1 = 2 * Math.sqrt((1 - MAGIC_COS2) * MAGIC_COS2);
  const c2 = 1 - MAGIC_COS2;

  // Rotor-period samples: cos φ, sin φ, cos 2φ, sin 2φ.
  const cos1 = new Float64Array(steps);
  const sin1 = new Float64Array(steps);
  const cos2 = new Float64Array(steps);
  const sin2 = new Float64Array(steps);
  for (let k = 0; k < steps; k++) {
    const phi = (2 * Math.PI * k) / steps;
    cos1[k] = Math.cos(phi);
    sin1[k] = Math.sin(phi);
    cos2[k] = Math.cos(2 * phi);
    sin2[k] = Math.sin(2 * phi);
  }
  const fft = createFft(steps);
  const re = new Float64Array(steps);
  const im = new Float64Array(steps);
  const power = new Float64Array(length);

  const { nodes, weights } = gaussLegendre(orientations, [0, 1]);
  const alphaWeight = 1 / orientations;
  const scale = 1 / (steps * steps); // |X_N|² = steps²·|F_N|²
  for (let ib = 0; ib < orientations; ib++) {
    const cb = nodes[ib] as number;
    const sb = Math.sqrt(Math.max(0, 1 - cb * cb));
    const weightB = (weights[ib] as number) * alphaWeight * scale;
    for (let ia = 0; ia < orientations; ia++) {
      const alpha = ((ia + 0.5) * (Math.PI / 2)) / orientations;
      const ca = Math.cos(alpha);
      const sa = Math.sin(alpha);
      // M = Ry(β)·Rz(α) takes principal-frame vectors to the rotor frame; T = M·diag(p)·Mᵀ.
      const m00 = cb * ca;
      const m01 = -cb * sa;
      const m02 = sb;
      const m10 = sa;
      const m11 = ca;
      const m12 = 0;
      const m20 = -sb * ca;
      const m21 = sb * sa;
      const m22 = cb;
      const txx = m00 * m00 * pxx + m01 * m01 * pyy + m02 * m02 * pzz;
      const tyy = m10 * m10 * pxx + m11 * m11 * pyy + m12 * m12 * pzz;
      const txy = m00 * m10 * pxx + m01 * m11 * pyy + m02 * m12 * pzz;
      const txz = m00 * m20 * pxx + m01 * m21 * pyy + m02 * m22 * pzz;
      const tyz = m10 * m20 * pxx + m11 * m21 * pyy + m12 * m22 * pzz;
      const a1 = (c1 * txz) / spinningRate;
      const b1 = (c1 * tyz) / spinningRate;
      const a2 = (c2 * (txx - tyy)) / 2 / spinningRate / 2;
      const b2 = (c2 * txy) / spinningRate / 2;
      for (let k = 0; k < steps; k++) {
        const phase =
          a1 * (sin1[k] as number) -
          b1 * (cos1[k] as number) +
          a2 * (sin2[k] as number) -
          b2 * (cos2[k] as number);
        re[k] = Math.cos(phase);
        im[k] = Math.sin(phase);
      }
      fft(re, im);
      // Forward DFT X_j = Σ_k x_k e^(−2πijk/K): X_N = K·F_N for N ≥ 0 and X_(K−N) = K·F_(−N).
      for (let order = -orders; order <= orders; order++) {
        const j = order >= 0 ? order : steps + order;
        const x = re[j] as number;
        const y = im[j] as number;
        power[order + orders] = (power[order + orders] as number) + weightB * (x * x + y * y);
      }
    }
  }
  out.set(power);
  return out;
}
