import { assertFiniteNumber } from './validate.js';

/** Nodes and weights of a quadrature rule, ∫ f ≈ Σ wᵢ f(xᵢ). */
export interface QuadratureRule {
  /** Abscissae xᵢ, increasing. */
  nodes: Float64Array;
  /** Weights wᵢ (positive; they sum to the interval length). */
  weights: Float64Array;
}

/**
 * Gauss–Legendre quadrature with `n` points on [a, b]: exact for polynomials of degree ≤ 2n − 1.
 *
 * The nodes are the roots of the Legendre polynomial Pₙ, found by Newton's method from the
 * asymptotic first guesses cos(π(i + ¾)/(n + ½)) with Pₙ and Pₙ₋₁ from the three-term recurrence
 * k·Pₖ = (2k − 1)x·Pₖ₋₁ − (k − 1)·Pₖ₋₂; the weights are 2/((1 − x²)·Pₙ′(x)²), mapped from [−1, 1]
 * to [a, b]. Same nodes and weights as `numpy.polynomial.legendre.leggauss(n)` (to ~1e-15).
 *
 * @param n - Number of points, an integer ≥ 1 (at most 100,000).
 * @param interval - The interval [a, b], finite with a < b. @defaultValue [-1, 1]
 * @returns The rule; nodes increase from a to b.
 * @throws RangeError if `n` is not an integer in [1, 100000] or the interval is not finite and
 * increasing.
 *
 * @example
 * ```ts
 * import { gaussLegendre } from '@intercalate/numerics';
 * const { nodes, weights } = gaussLegendre(3, [0, 1]);
 * // ∫₀¹ x⁵ dx = 1/6, exact with 3 points (degree 5 ≤ 2·3 − 1)
 * nodes.reduce((s, x, i) => s + weights[i] * x ** 5, 0); // 0.16666666666666666
 * ```
 */
export function gaussLegendre(
  n: number,
  interval: readonly [number, number] = [-1, 1],
): QuadratureRule {
  assertFiniteNumber('n', n, { min: 1, max: 100_000, integer: true });
  if (!Array.isArray(interval) || interval.length !== 2) {
    throw new TypeError('interval must be an array [a, b] of two finite numbers with a < b');
  }
  const a = assertFiniteNumber('interval[0]', interval[0]);
  const b = assertFiniteNumber('interval[1]', interval[1], { min: a, exclusiveMin: true });
  const half = (b - a) / 2;
  const mid = (a + b) / 2;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let slope = legendreSlope(n, x);
    for (let iteration = 0; iteration < 100; iteration++) {
      const step = legendreValue(n, x) / slope;
      x -= step;
      slope = legendreSlope(n, x);
      if (Math.abs(step) <= 1e-16) break;
    }
    // Guesses run from x ≈ 1 down to −1: store in increasing order.
    nodes[n - 1 - i] = mid + half * x;
    weights[n - 1 - i] = (2 * half) / ((1 - x * x) * slope * slope);
  }
  return { nodes, weights };
}

/** Pₙ(x) by the three-term recurrence. */
function legendreValue(n: number, x: number): number {
  let previous = 1;
  let current = x;
  for (let k = 2; k <= n; k++) {
    const next = ((2 * k - 1) * x * current - (k - 1) * previous) / k;
    previous = current;
    current = next;
  }
  return n === 0 ? 1 : current;
}

/** Pₙ′(x) = n(x·Pₙ − Pₙ₋₁)/(x² − 1), for |x| < 1. */
function legendreSlope(n: number, x: number): number {
  return (n * (x * legendreValue(n, x) - legendreValue(n - 1, x))) / (x * x - 1);
}
