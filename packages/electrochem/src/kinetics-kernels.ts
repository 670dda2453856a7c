/**
 * Un-validated scalar kinetics kernels, shared by the public (validating) kinetics functions and
 * by the particle models' hot loops. Internal to the package: not exported from `index.ts`.
 * Callers guarantee finite arguments in the documented domains.
 *
 * @module
 */
import { fastExp, fastExpm1 } from '@intercalate/numerics';
import { FARADAY } from './constants.js';

/** Iteration cap of the safeguarded Newton solve in {@link scaledOverpotential}. */
const MAX_ITERATIONS = 100;

/**
 * 2·sinh(y) from one exponential: with E = eʸ − 1 (y ≥ 0), 2·sinh y = E + E/(E + 1), a sum of two
 * non-negative terms (no cancellation near 0, a few ulp at most); odd in y; ±Infinity once eʸ
 * overflows (|y| > 709.78).
 */
function twoSinh(y: number): number {
  const e = fastExpm1(Math.abs(y));
  const v = e < Number.POSITIVE_INFINITY ? e + e / (e + 1) : e;
  return y < 0 ? -v : v;
}

/**
 * Butler–Volmer current density i = i0·[exp(αa·f·η) − exp(−αc·f·η)], anodic (oxidation) current
 * positive, f = F/(RT). Evaluated as i0·[expm1(αa·f·η) − expm1(−αc·f·η)] (two terms of the same
 * sign), or as i0·2·sinh(α·f·η) from one exponential when αa = αc = α; both keep full relative
 * accuracy as η → 0 (no cancellation between the two exponentials). The exponentials are
 * numerics' `fastExpm1` (inlined by V8, ≤ 0.6 ulp) rather than `Math.expm1` (a C++ call), which
 * makes the vectorized kinetics several times faster.
 *
 * @param i0 - Exchange current density (A m⁻²), ≥ 0.
 * @param eta - Overpotential η (V).
 * @param alphaA - Anodic transfer coefficient αa in (0, 1).
 * @param alphaC - Cathodic transfer coefficient αc in (0, 1).
 * @param fOverRT - f = F/(RT) (V⁻¹).
 * @returns Current density (A m⁻², unit of i0).
 */
export function butlerVolmerKernel(
  i0: number,
  eta: number,
  alphaA: number,
  alphaC: number,
  fOverRT: number,
): number {
  const x = fOverRT * eta;
  if (alphaA === alphaC) return i0 * twoSinh(alphaA * x);
  return i0 * (fastExpm1(alphaA * x) - fastExpm1(-alphaC * x));
}

/**
 * Slope of the Butler–Volmer current with respect to the overpotential,
 * di/dη = i0·f·[αa·exp(αa·f·η) + αc·exp(−αc·f·η)] (A m⁻² V⁻¹), positive: the Newton derivative of
 * the particle models' potential solves and the charge-transfer conductance (i0·f·(αa + αc) at
 * η = 0).
 *
 * @param i0 - Exchange current density (A m⁻²), ≥ 0.
 * @param eta - Overpotential η (V).
 * @param alphaA - Anodic transfer coefficient αa in (0, 1).
 * @param alphaC - Cathodic transfer coefficient αc in (0, 1).
 * @param fOverRT - f = F/(RT) (V⁻¹).
 * @returns di/dη (A m⁻² V⁻¹).
 */
export function butlerVolmerSlopeKernel(
  i0: number,
  eta: number,
  alphaA: number,
  alphaC: number,
  fOverRT: number,
): number {
  const x = fOverRT * eta;
  return i0 * fOverRT * (alphaA * fastExp(alphaA * x) + alphaC * fastExp(-alphaC * x));
}

/**
 * Solves exp(a·x) − exp(−b·x) = exp(logR) for x > 0 (a, b > 0): the scaled (x = fη) anodic
 * overpotential for the current ratio r = exp(logR) > 0.
 *
 * - a = b: closed form x = asinh(r/2)/a (as ln r + ln(1 + √(1 + 4/r²))… for large r, so that
 *   r itself is never formed when it would overflow).
 * - a ≠ b: Newton's method on h(x) = a·x + ln(−expm1(−(a + b)·x)) − ln r, the logarithm of the
 *   left side minus ln r. h is increasing and concave on x > 0, so from a start at or below the
 *   root every Newton iterate stays below the root and increases monotonically to it (quadratic
 *   convergence, no overshoot, no overflow for any representable r). The start is the lower
 *   bound asinh(r/2)/max(a, b); the root is also ≤ asinh(r/2)/min(a, b) (both from
 *   2·sinh(min·x) ≤ exp(a·x) − exp(−b·x) ≤ 2·sinh(max·x)), and iterates are clamped to that bracket.
 */
function scaledOverpotential(logR: number, a: number, b: number): number {
  // Linear regime (r < e⁻⁴⁰): x = r/(a + b)·(1 + O(r)); r may underflow, and so may x.
  if (logR < -40) return fastExp(logR) / (a + b);
  // asinh(r/2) without forming r when it is huge.
  const asinhHalfR =
    logR > 40 ? logR + Math.log1p(fastExp(-2 * logR)) : Math.asinh(0.5 * fastExp(logR));
  if (a === b) return asinhHalfR / a;
  const s = a + b;
  const lower = asinhHalfR / Math.max(a, b);
  const upper = asinhHalfR / Math.min(a, b);
  let x = lower;
  for (let k = 0; k < MAX_ITERATIONS; k++) {
    const sx = s * x;
    const h = a * x + Math.log(-fastExpm1(-sx)) - logR;
    const slope = a + s / fastExpm1(sx);
    let next = x - h / slope;
    if (!(next >= lower)) next = lower;
    if (next > upper) next = upper;
    const step = Math.abs(next - x);
    x = next;
    if (step <= 1e-13 * x) break;
  }
  return x;
}

/**
 * Inverse of {@link butlerVolmerKernel}: the overpotential η (V) at which the Butler–Volmer
 * current density equals `i`, i.e. the root of i0·[exp(αa·f·η) − exp(−αc·f·η)] = i. Closed form
 * η = asinh(i/(2·i0))/(α·f) when αa = αc = α; otherwise a safeguarded Newton solve in
 * logarithmic form (see `scaledOverpotential`), accurate to ~1e-15 relative and free of overflow
 * even when i/i0 is not representable. A cathodic current (i < 0) uses the mirror identity
 * g(x; αa, αc) = −g(−x; αc, αa).
 *
 * @param i - Current density (A m⁻²), anodic positive.
 * @param i0 - Exchange current density (A m⁻²), > 0.
 * @param alphaA - Anodic transfer coefficient αa in (0, 1).
 * @param alphaC - Cathodic transfer coefficient αc in (0, 1).
 * @param fOverRT - f = F/(RT) (V⁻¹), > 0.
 * @returns Overpotential η (V), with the sign of i.
 */
export function overpotentialKernel(
  i: number,
  i0: number,
  alphaA: number,
  alphaC: number,
  fOverRT: number,
): number {
  if (i === 0) return 0;
  if (alphaA === alphaC) {
    // Symmetric closed form, straight from the ratio whenever it is representable.
    const r = i / i0;
    if (Number.isFinite(r) && Math.abs(r) >= 1e-300)
      return Math.asinh(0.5 * r) / (alphaA * fOverRT);
  }
  const logR = Math.log(Math.abs(i)) - Math.log(i0);
  return i > 0
    ? scaledOverpotential(logR, alphaA, alphaC) / fOverRT
    : -scaledOverpotential(logR, alphaC, alphaA) / fOverRT;
}

/**
 * Concentration-dependent exchange current density, eqn (3) of Sharma et al., Nano Lett. 2022,
 * 22, 5883 (the Doyle/COMSOL form):
 * i0 = F·kc^αa·ka^αc·(cmax − c)^αa·c^αc·(cl/cl,ref)^αa.
 *
 * @param kA - Anodic rate constant k_a (m s⁻¹ when αa + αc = 1).
 * @param kC - Cathodic rate constant k_c (same unit as kA).
 * @param alphaA - Anodic transfer coefficient αa in (0, 1).
 * @param alphaC - Cathodic transfer coefficient αc in (0, 1).
 * @param c - Li concentration in the solid (mol m⁻³), 0 ≤ c ≤ cMax.
 * @param cMax - Maximum Li concentration in the solid (mol m⁻³), > 0.
 * @param cElectrolyte - Li⁺ concentration in the electrolyte (mol m⁻³), ≥ 0.
 * @param cElectrolyteRef - Reference electrolyte concentration (mol m⁻³), > 0.
 * @returns Exchange current density i0 (A m⁻²).
 */
export function exchangeCurrentDensityKernel(
  kA: number,
  kC: number,
  alphaA: number,
  alphaC: number,
  c: number,
  cMax: number,
  cElectrolyte: number,
  cElectrolyteRef: number,
): number {
  return (
    FARADAY *
    kC ** alphaA *
    kA ** alphaC *
    (cMax - c) ** alphaA *
    c ** alphaC *
    (cElectrolyte / cElectrolyteRef) ** alphaA
  );
}
