import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LevenbergMarquardtJacobian,
  type LevenbergMarquardtModel,
  type LevenbergMarquardtOptions,
  levenbergMarquardt,
} from '../src/levenberg-marquardt.js';
import {
  choleskyInPlace,
  choleskySolveInPlace,
  gramColumnMajor,
  gramUpdateColumns,
  invertSpd,
} from '../src/linear-algebra.js';
import data from './fixtures/levenberg-marquardt.json' with { type: 'json' };

/** One lmfit result in the fixture (parameter order of the case's `names`). */
interface LmfitSummary {
  params: number[];
  chiSquare: number;
  reducedChiSquare: number;
  errorbars: boolean;
  standardErrors?: number[];
  covariance?: number[];
}
/** One case of fixtures/levenberg-marquardt.json; absent bounds are null (JSON has no Infinity). */
interface FitCase {
  name: string;
  names: string[];
  x: number[];
  y: number[];
  weights?: number[];
  initial: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  lmfit: LmfitSummary;
  lmfitTight: LmfitSummary;
  curveFit?: { params: number[]; standardErrors: number[] };
}
const cases = data.cases as unknown as FitCase[];

function boundsOf(fixture: FitCase): { lower: number[]; upper: number[] } {
  return {
    lower: fixture.lower.map((v) => v ?? Number.NEGATIVE_INFINITY),
    upper: fixture.upper.map((v) => v ?? Number.POSITIVE_INFINITY),
  };
}

// ---------------------------------------------------------------------------------------------
// Models (lmfit's line shapes, lmfit/lineshapes.py) with their analytic Jacobians, column-major.

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const HWHM_TO_SIGMA = 1 / Math.sqrt(2 * Math.LN2); // σ_g = σ/√(2 ln 2) in lmfit's pvoigt

/** lmfit GaussianModel + LinearModel: p = [amplitude, center, sigma, slope, intercept]. */
const gaussianLinear: LevenbergMarquardtModel = (p, x, out) => {
  const [a, c, s, slope, intercept] = p as unknown as number[] as [
    number,
    number,
    number,
    number,
    number,
  ];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const d = xi - c;
    out[i] = (a / (s * SQRT_2PI)) * Math.exp((-d * d) / (2 * s * s)) + slope * xi + intercept;
  }
};
const gaussianLinearJacobian: LevenbergMarquardtJacobian = (p, x, out) => {
  const a = p[0] as number;
  const c = p[1] as number;
  const s = p[2] as number;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const d = xi - c;
    const g = Math.exp((-d * d) / (2 * s * s)) / (s * SQRT_2PI);
    out[i] = g;
    out[n + i] = (a * g * d) / (s * s);
    out[2 * n + i] = (a * g * (d * d - s * s)) / (s * s * s);
    out[3 * n + i] = xi;
    out[4 * n + i] = 1;
  }
};

/** lmfit ExponentialModel + ConstantModel: p = [amplitude, decay, c]. */
const exponential: LevenbergMarquardtModel = (p, x, out) => {
  for (let i = 0; i < x.length; i++) {
    out[i] = (p[0] as number) * Math.exp(-(x[i] as number) / (p[1] as number)) + (p[2] as number);
  }
};
const exponentialJacobian: LevenbergMarquardtJacobian = (p, x, out) => {
  const a = p[0] as number;
  const tau = p[1] as number;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const e = Math.exp(-xi / tau);
    out[i] = e;
    out[n + i] = (a * e * xi) / (tau * tau);
    out[2 * n + i] = 1;
  }
};

/**
 * lmfit LinearModel + PseudoVoigtModel × k: p = [slope, intercept, (amplitude, center, sigma,
 * fraction) × k]; pV = A·[(1−η)·G + η·L], G = exp(−d²/(2σ_g²))/(σ_g√(2π)), L = σ/(π(d² + σ²)).
 */
const pseudoVoigts: LevenbergMarquardtModel = (p, x, out) => {
  const n = x.length;
  for (let i = 0; i < n; i++) out[i] = (p[0] as number) * (x[i] as number) + (p[1] as number);
  for (let base = 2; base < p.length; base += 4) {
    const a = p[base] as number;
    const c = p[base + 1] as number;
    const s = p[base + 2] as number;
    const eta = p[base + 3] as number;
    const sg = s * HWHM_TO_SIGMA;
    for (let i = 0; i < n; i++) {
      const d = (x[i] as number) - c;
      const g = Math.exp((-d * d) / (2 * sg * sg)) / (sg * SQRT_2PI);
      const l = s / (Math.PI * (d * d + s * s));
      out[i] = (out[i] as number) + a * ((1 - eta) * g + eta * l);
    }
  }
};
const pseudoVoigtsJacobian: LevenbergMarquardtJacobian = (p, x, out) => {
  const n = x.length;
  for (let i = 0; i < n; i++) {
    out[i] = x[i] as number;
    out[n + i] = 1;
  }
  for (let base = 2; base < p.length; base += 4) {
    const a = p[base] as number;
    const c = p[base + 1] as number;
    const s = p[base + 2] as number;
    const eta = p[base + 3] as number;
    const sg = s * HWHM_TO_SIGMA;
    for (let i = 0; i < n; i++) {
      const d = (x[i] as number) - c;
      const d2 = d * d;
      const g = Math.exp(-d2 / (2 * sg * sg)) / (sg * SQRT_2PI);
      const q = d2 + s * s;
      const l = s / (Math.PI * q);
      out[base * n + i] = (1 - eta) * g + eta * l;
      out[(base + 1) * n + i] = a * ((1 - eta) * g * (d / (sg * sg)) + eta * l * ((2 * d) / q));
      out[(base + 2) * n + i] =
        a * ((1 - eta) * g * ((d2 / (sg * sg) - 1) / s) + eta * l * ((d2 - s * s) / (s * q)));
      out[(base + 3) * n + i] = a * (l - g);
    }
  }
};

const models: Record<string, [LevenbergMarquardtModel, LevenbergMarquardtJacobian]> = {
  'gaussian-linear': [gaussianLinear, gaussianLinearJacobian],
  'exponential-weighted': [exponential, exponentialJacobian],
  'pseudo-voigt': [pseudoVoigts, pseudoVoigtsJacobian],
  'active-bound': [exponential, exponentialJacobian],
};

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let j = 0; j < expected.length; j++) {
    worst = Math.max(worst, relativeError(actual[j] as number, expected[j] as number));
  }
  return worst;
}

// ---------------------------------------------------------------------------------------------

describe('levenbergMarquardt against lmfit 1.1 (fixtures/levenberg-marquardt.py)', () => {
  for (const fixture of cases) {
    for (const derivatives of ['analytic', 'finite-difference'] as const) {
      it(`${fixture.name}, ${derivatives} Jacobian`, () => {
        const [model, jacobian] = models[fixture.name] as [
          LevenbergMarquardtModel,
          LevenbergMarquardtJacobian,
        ];
        const fit = levenbergMarquardt({
          model,
          ...(derivatives === 'analytic' ? { jacobian } : {}),
          x: fixture.x,
          y: fixture.y,
          ...(fixture.weights ? { weights: fixture.weights } : {}),
          initial: fixture.initial,
          ...boundsOf(fixture),
        });
        const lmfit = fixture.lmfit;
        const tight = fixture.lmfitTight;
        expect(fit.converged).toBe(true);
        expect(maxRelativeError(fit.params, lmfit.params)).toBeLessThan(1e-6);
        // lmfit with xtol = ftol = 1e-14 gets closer to the minimum than with its defaults; what
        // remains (≤ 1e-7 on the pseudo-Voigt case) is the error of its forward-difference
        // Jacobian, which moves its fixed point Jᵀr = 0.
        expect(maxRelativeError(fit.params, tight.params)).toBeLessThan(2e-7);
        // lmfit estimates error bars except at an active bound (tested below).
        const errorbars = fixture.name !== 'active-bound';
        expect(lmfit.errorbars && tight.errorbars).toBe(errorbars);
        if (tight.standardErrors) {
          expect(maxRelativeError(fit.standardErrors, tight.standardErrors)).toBeLessThan(1e-5);
        }
        // lmfit stops once χ² falls by less than ftol = 1.49e-8 (relative) per step.
        expect(relativeError(fit.chiSquare, lmfit.chiSquare)).toBeLessThan(1e-8);
        expect(relativeError(fit.reducedChiSquare, lmfit.reducedChiSquare)).toBeLessThan(1e-8);
        if (lmfit.standardErrors && lmfit.covariance) {
          expect(maxRelativeError(fit.standardErrors, lmfit.standardErrors)).toBeLessThan(1e-4);
          // Covariances relative to the product of the standard errors (the correlations).
          const m = fit.params.length;
          let worst = 0;
          for (let j = 0; j < m; j++) {
            for (let k = 0; k < m; k++) {
              const scale =
                (lmfit.standardErrors[j] as number) * (lmfit.standardErrors[k] as number);
              const diff =
                (fit.covariance[j * m + k] as number) - (lmfit.covariance[j * m + k] as number);
              worst = Math.max(worst, Math.abs(diff) / scale);
            }
          }
          expect(worst).toBeLessThan(1e-4);
        }
      });
    }
  }

  it('active-bound: ends exactly on the bound, with curve_fit’s unconstrained-linearisation errors', () => {
    const fixture = cases.find((c) => c.name === 'active-bound');
    if (!fixture?.curveFit) throw new Error('fixture missing');
    const fit = levenbergMarquardt({
      model: exponential,
      x: fixture.x,
      y: fixture.y,
      initial: fixture.initial,
      ...boundsOf(fixture),
    });
    expect(fixture.lmfit.errorbars).toBe(false); // lmfit gives no error bars at an active bound
    expect(fit.params[2]).toBe(0.5);
    // scipy's curve_fit (trf, tolerances 1e-15) reaches the constrained optimum more closely
    // than lmfit's default tolerances.
    expect(maxRelativeError(fit.params, fixture.curveFit.params)).toBeLessThan(1e-8);
    expect(maxRelativeError(fit.standardErrors, fixture.curveFit.standardErrors)).toBeLessThan(
      1e-6,
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('levenbergMarquardt: laws and closed forms', () => {
  const lineJacobian: LevenbergMarquardtJacobian = (_p, t, out) => {
    for (let i = 0; i < t.length; i++) {
      out[i] = 1;
      out[t.length + i] = t[i] as number;
    }
  };
  const x101 = Float64Array.from({ length: 101 }, (_, i) => i / 10);

  it('recovers the parameters of noise-free data to 1e-10 (analytic and finite-difference Jacobian)', () => {
    fc.assert(
      fc.property(
        fc.record({
          a: fc.double({ min: 1, max: 10, noNaN: true }),
          c: fc.double({ min: 3, max: 7, noNaN: true }),
          s: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
          slope: fc.double({ min: -1, max: 1, noNaN: true }),
          intercept: fc.double({ min: -2, max: 2, noNaN: true }),
        }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.boolean(),
        (t, noise, analytic) => {
          const truth = [t.a, t.c, t.s, t.slope, t.intercept];
          const y = new Float64Array(x101.length);
          gaussianLinear(Float64Array.from(truth), x101, y);
          // Start within ±10 % (amplitude, width), ±0.3 (centre), ±0.2 (background) of the truth.
          const initial = [
            t.a * (1 + 0.1 * (noise[0] as number)),
            t.c + 0.3 * (noise[1] as number),
            t.s * (1 + 0.1 * (noise[2] as number)),
            t.slope + 0.2 * (noise[3] as number),
            t.intercept + 0.2 * (noise[4] as number),
          ];
          const fit = levenbergMarquardt({
            model: gaussianLinear,
            ...(analytic ? { jacobian: gaussianLinearJacobian } : {}),
            x: x101,
            y,
            initial,
          });
          let worst = 0;
          for (let j = 0; j < 5; j++) {
            const expected = truth[j] as number;
            worst = Math.max(
              worst,
              Math.abs((fit.params[j] as number) - expected) / Math.max(Math.abs(expected), 1),
            );
          }
          return fit.converged && worst <= 1e-10;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reproduces the closed-form straight-line fit and its covariance', () => {
    // y = a + b·x by least squares: b = Sxy/Sxx, a = ȳ − b·x̄, s² = χ²/(n − 2),
    // var b = s²/Sxx, var a = s²·(1/n + x̄²/Sxx), cov(a, b) = −x̄·s²/Sxx.
    const x = [0, 1, 2, 3, 4, 5, 6, 7];
    const y = [1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 12.9, 15.1];
    const n = x.length;
    const xm = x.reduce((s, v) => s + v, 0) / n;
    const ym = y.reduce((s, v) => s + v, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += ((x[i] as number) - xm) ** 2;
      sxy += ((x[i] as number) - xm) * ((y[i] as number) - ym);
    }
    const b = sxy / sxx;
    const a = ym - b * xm;
    let chi2 = 0;
    for (let i = 0; i < n; i++) chi2 += ((y[i] as number) - a - b * (x[i] as number)) ** 2;
    const s2 = chi2 / (n - 2);
    const fit = levenbergMarquardt({
      model: (p, t, out) => {
        for (let i = 0; i < t.length; i++)
          out[i] = (p[0] as number) + (p[1] as number) * (t[i] as number);
      },
      // Analytic: forward differences carry an error of ~√ε·|f| / h ≈ 1e-7 relative, which moves
      // the fixed point Jᵀr = 0 by ~1e-9 here.
      jacobian: lineJacobian,
      x,
      y,
      initial: [0, 0],
    });
    // The gradient test (cosine ≤ 1e-10) stops within ~1e-10·σ of the exact minimum.
    expect(fit.params[0]).toBeCloseTo(a, 10);
    expect(fit.params[1]).toBeCloseTo(b, 10);
    expect(relativeError(fit.chiSquare, chi2)).toBeLessThan(1e-12);
    expect(relativeError(fit.reducedChiSquare, s2)).toBeLessThan(1e-12);
    const expected = [s2 * (1 / n + (xm * xm) / sxx), (-xm * s2) / sxx, (-xm * s2) / sxx, s2 / sxx];
    expect(maxRelativeError(fit.covariance, expected)).toBeLessThan(1e-6);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(s2 / sxx), 12);
  });

  it('puts a parameter whose optimum is out of the box exactly on its bound (closed form)', () => {
    // y ≈ 2x + 1; with the slope capped at 1.5 the constrained optimum is the slope 1.5 and the
    // intercept mean(y − 1.5·x) (least squares in the intercept alone).
    const x = [0, 1, 2, 3, 4, 5];
    const y = [1.05, 2.98, 5.02, 6.97, 9.01, 11.0];
    const intercept = y.reduce((s, v, i) => s + v - 1.5 * (x[i] as number), 0) / y.length;
    const fit = levenbergMarquardt({
      model: (p, t, out) => {
        for (let i = 0; i < t.length; i++)
          out[i] = (p[0] as number) * (t[i] as number) + (p[1] as number);
      },
      jacobian: (_p, t, out) => {
        for (let i = 0; i < t.length; i++) {
          out[i] = t[i] as number;
          out[t.length + i] = 1;
        }
      },
      x,
      y,
      initial: [1, 0],
      upper: [1.5, Number.POSITIVE_INFINITY],
    });
    expect(fit.converged).toBe(true);
    expect(fit.params[0]).toBe(1.5);
    expect(fit.params[1]).toBeCloseTo(intercept, 10);
  });

  it('keeps every iterate inside the bounds, also for finite differences', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        (lowDecay, highDecay) => {
          const lo = Math.min(lowDecay, highDecay);
          const hi = Math.max(lowDecay, highDecay) + 0.01;
          let outside = 0;
          const fit = levenbergMarquardt({
            model: (p, t, out) => {
              if ((p[1] as number) < lo || (p[1] as number) > hi) outside++;
              exponential(p, t, out);
            },
            x: x101,
            y: Float64Array.from(x101, (t) => 5 * Math.exp(-t / 2) + 0.5),
            initial: [4, (lo + hi) / 2, 0],
            lower: [0, lo, -1],
            upper: [10, hi, 1],
          });
          return outside === 0 && fit.params[1]! >= lo && fit.params[1]! <= hi;
        },
      ),
      { numRuns: 40 },
    );
  });

  it('ignores a point of weight zero (same fit as without it)', () => {
    const x = [0, 1, 2, 3, 4, 5, 6];
    const y = [5.1, 3.0, 1.9, 1.1, 50, 0.42, 0.26]; // x = 4 is an outlier
    const without = levenbergMarquardt({
      model: exponential,
      x: x.filter((_, i) => i !== 4),
      y: y.filter((_, i) => i !== 4),
      initial: [5, 2, 0],
    });
    const masked = levenbergMarquardt({
      model: exponential,
      x,
      y,
      weights: [1, 1, 1, 1, 0, 1, 1],
      initial: [5, 2, 0],
    });
    expect(maxRelativeError(masked.params, without.params)).toBeLessThan(1e-9);
    expect(relativeError(masked.chiSquare, without.chiSquare)).toBeLessThan(1e-9);
  });

  it('rejects steps where the model is not finite and still converges', () => {
    // The model is undefined (NaN) for a decay time ≤ 0.3 and there is no bound to say so; the
    // first Gauss–Newton steps from this start overshoot into that region.
    const y = Float64Array.from(x101, (t) => 3 * Math.exp(-t / 0.5));
    let nanCalls = 0;
    const fit = levenbergMarquardt({
      model: (p, t, out) => {
        if ((p[1] as number) <= 0.3) {
          nanCalls++;
          out.fill(Number.NaN);
          return;
        }
        for (let i = 0; i < t.length; i++) {
          out[i] = (p[0] as number) * Math.exp(-(t[i] as number) / (p[1] as number));
        }
      },
      x: x101,
      y,
      initial: [1, 4],
    });
    expect(nanCalls).toBeGreaterThan(0);
    expect(fit.converged).toBe(true);
    expect(fit.params[0]).toBeCloseTo(3, 10);
    expect(fit.params[1]).toBeCloseTo(0.5, 10);
  });

  it('reports NaN errors, not garbage, when JᵀWJ is singular or n = m', () => {
    const x = [0, 1, 2, 3, 4];
    const y = [1, 3, 5, 7, 9.5];
    // The second and third parameters only enter as their sum: JᵀJ is singular.
    const fit = levenbergMarquardt({
      model: (p, t, out) => {
        for (let i = 0; i < t.length; i++) {
          out[i] = (p[0] as number) + ((p[1] as number) + (p[2] as number)) * (t[i] as number);
        }
      },
      x,
      y,
      initial: [0, 1, 1],
    });
    expect(fit.converged).toBe(true);
    expect((fit.params[1] as number) + (fit.params[2] as number)).toBeCloseTo(2.1, 8);
    expect(Array.from(fit.standardErrors).every(Number.isNaN)).toBe(true);
    expect(Array.from(fit.covariance).every(Number.isNaN)).toBe(true);
    // A parameter the model ignores.
    const ignored = levenbergMarquardt({
      model: (p, t, out) => {
        for (let i = 0; i < t.length; i++) out[i] = (p[0] as number) * (t[i] as number);
      },
      x,
      y,
      initial: [1, 7],
    });
    expect(ignored.params[1]).toBe(7);
    expect(Number.isNaN(ignored.standardErrors[0])).toBe(true);
    // n = m: the line through two points is exact, but there is no degree of freedom left.
    const exact = levenbergMarquardt({
      model: (p, t, out) => {
        for (let i = 0; i < t.length; i++)
          out[i] = (p[0] as number) + (p[1] as number) * (t[i] as number);
      },
      x: [0, 2],
      y: [1, 5],
      initial: [0, 0],
    });
    expect(exact.params[0]).toBeCloseTo(1, 12);
    expect(exact.params[1]).toBeCloseTo(2, 12);
    expect(Number.isNaN(exact.reducedChiSquare)).toBe(true);
    expect(Number.isNaN(exact.standardErrors[0])).toBe(true);
  });

  it('stops at maxIterations with converged false and the best point so far', () => {
    const y = Float64Array.from(x101, (t) => 5 * Math.exp(-t / 2) + 0.5);
    const initial = [1, 8, 3];
    const start = new Float64Array(x101.length);
    exponential(Float64Array.from(initial), x101, start);
    const chi0 = y.reduce((s, v, i) => s + (v - (start[i] as number)) ** 2, 0);
    const fit = levenbergMarquardt({ model: exponential, x: x101, y, initial, maxIterations: 10 });
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe('max-iterations');
    expect(fit.iterations).toBe(10);
    expect(fit.chiSquare).toBeLessThan(chi0);
  });

  it('stops on a zero residual with small-gradient', () => {
    const fit = levenbergMarquardt({
      model: (p, t, out) => {
        for (let i = 0; i < t.length; i++) out[i] = (p[0] as number) * (t[i] as number);
      },
      x: [1, 2, 3],
      y: [2, 4, 6],
      initial: [2],
    });
    expect(fit.reason).toBe('small-gradient');
    expect(fit.iterations).toBe(0);
    expect(fit.chiSquare).toBe(0);
    expect(fit.standardErrors[0]).toBe(0);
  });

  it('gives the same fit whatever ran before it: reused buffers, fits nested in a model', () => {
    // Exponential decay y = A·exp(−x/τ) (the same model, hence the same buffer size, every time).
    const decay: LevenbergMarquardtModel = (p, t, out) => {
      for (let i = 0; i < t.length; i++) {
        out[i] = (p[0] as number) * Math.exp(-(t[i] as number) / (p[1] as number));
      }
    };
    const x = Float64Array.from({ length: 40 }, (_, i) => i * 0.25);
    const fitOf = (a: number, tau: number) =>
      levenbergMarquardt({
        model: decay,
        x,
        y: x.map((t, i) => a * Math.exp(-t / tau) + 0.01 * Math.sin(7 * i)),
        initial: [1, 1],
      });
    const first = fitOf(5, 2.5);
    const other = fitOf(-3, 0.7); // same size: runs in the buffers `first` used
    expect(fitOf(5, 2.5)).toEqual(first);
    expect(other.params[1]).toBeCloseTo(0.7, 2);
    // A model that runs another fit of the same size inside each evaluation.
    let inner: ReturnType<typeof fitOf> | undefined;
    const nested = levenbergMarquardt({
      model: (p, t, out) => {
        inner = fitOf(-3, 0.7);
        decay(p, t, out);
      },
      x,
      y: x.map((t, i) => 5 * Math.exp(-t / 2.5) + 0.01 * Math.sin(7 * i)),
      initial: [1, 1],
    });
    expect(nested).toEqual(first);
    expect(inner).toEqual(other);
  });
});

// ---------------------------------------------------------------------------------------------

describe('levenbergMarquardt: bad input', () => {
  const line: LevenbergMarquardtModel = (p, t, out) => {
    for (let i = 0; i < t.length; i++)
      out[i] = (p[0] as number) + (p[1] as number) * (t[i] as number);
  };
  const base: LevenbergMarquardtOptions = {
    model: line,
    x: [0, 1, 2, 3],
    y: [1, 3, 5, 7],
    initial: [0, 0],
  };
  const run = (changes: Record<string, unknown>) => () =>
    levenbergMarquardt({ ...base, ...changes } as LevenbergMarquardtOptions);

  it('rejects bad options, functions and arrays', () => {
    expect(() => levenbergMarquardt(null as unknown as LevenbergMarquardtOptions)).toThrow(
      new TypeError('options must be an object; received null'),
    );
    expect(run({ model: 3 })).toThrow(/model must be a function .*; received 3/);
    expect(run({ model: undefined })).toThrow(TypeError);
    expect(run({ jacobian: 'yes' })).toThrow(/jacobian must be a function .*; received "yes"/);
    expect(run({ y: 'abc' })).toThrow(TypeError);
    expect(run({ y: [] })).toThrow(/y must have at least 1 element; received length 0/);
    expect(run({ y: [1, Number.NaN, 3, 4] })).toThrow(
      /y\[1\] must be a finite number; received NaN/,
    );
    expect(run({ x: [0, 1, 2] })).toThrow(
      /x must have the same length as y \(4\); received length 3/,
    );
    expect(run({ x: [0, 1, Number.POSITIVE_INFINITY, 3] })).toThrow(RangeError);
    expect(run({ initial: [] })).toThrow(/initial must have at least 1 element/);
    expect(run({ initial: [0, Number.NaN] })).toThrow(/initial\[1\] must be a finite number/);
    expect(run({ initial: [0, 0, 0, 0, 0] })).toThrow(
      /y must have at least as many points as there are parameters \(initial has 5\); received length 4/,
    );
  });

  it('rejects bad weights, bounds and settings', () => {
    expect(run({ weights: [1, 1, 1] })).toThrow(/weights must have the same length as y/);
    expect(run({ weights: [1, -1, 1, 1] })).toThrow(
      /weights\[1\] must be a finite number ≥ 0 \(1\/σ\); received -1/,
    );
    expect(run({ weights: [1, Number.NaN, 1, 1] })).toThrow(RangeError);
    expect(run({ lower: [0] })).toThrow(/lower must have the same length as initial \(2\)/);
    expect(run({ upper: [1, Number.NaN] })).toThrow(
      /upper\[1\] must be a number or ±Infinity; received NaN/,
    );
    expect(run({ lower: [0, 2], upper: [1, 2] })).toThrow(
      /lower\[1\] must be less than upper\[1\]; received lower\[1\] = 2, upper\[1\] = 2/,
    );
    expect(run({ lower: [1, -1] })).toThrow(
      /initial\[0\] must lie within its bounds \[1, Infinity\]; received 0/,
    );
    expect(run({ upper: [Number.NEGATIVE_INFINITY, 1] })).toThrow(RangeError);
    expect(run({ maxIterations: 0 })).toThrow(/maxIterations must be an integer ≥ 1; received 0/);
    expect(run({ maxIterations: 2.5 })).toThrow(RangeError);
    expect(run({ tolerance: 0 })).toThrow(/tolerance must be a finite number > 0 and < 1/);
    expect(run({ tolerance: '1e-8' })).toThrow(TypeError);
  });

  it('rejects a model or Jacobian that does not return finite values', () => {
    expect(
      run({ model: (_p: Float64Array, _x: unknown, out: Float64Array) => out.fill(Number.NaN) }),
    ).toThrow(
      /model must return finite values at the initial parameters \[0, 0\]; received out\[0\] = NaN/,
    );
    // An entry left unwritten is caught (the buffer is filled with NaN before each call).
    expect(
      run({
        model: (p: Float64Array, t: ArrayLike<number>, out: Float64Array) => {
          for (let i = 0; i < t.length - 1; i++) out[i] = (p[0] as number) * (t[i] as number);
        },
      }),
    ).toThrow(/received out\[3\] = NaN/);
    expect(
      run({
        jacobian: (_p: Float64Array, t: ArrayLike<number>, out: Float64Array) => {
          for (let i = 0; i < t.length; i++) out[i] = 1; // column 1 left unwritten
        },
      }),
    ).toThrow(/jacobian returned NaN for ∂f\[0\]\/∂p\[1\] \(out\[4\]\)/);
    expect(
      run({
        model: (p: Float64Array, t: ArrayLike<number>, out: Float64Array) => {
          for (let i = 0; i < t.length; i++) {
            out[i] = (p[1] as number) !== 0 ? Number.NaN : (p[0] as number) * (t[i] as number);
          }
        },
      }),
    ).toThrow(/finite-difference derivative ∂f\[0\]\/∂p\[1\] is NaN/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('linear-algebra helpers (internal)', () => {
  // A = Lᵀ-free example: [[4, 2, 2], [2, 5, 3], [2, 3, 6]] = L·Lᵀ with
  // L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]] (worked by hand).
  it('factorises, solves and inverts a hand-worked SPD matrix', () => {
    const a = Float64Array.from([4, 2, 2, 2, 5, 3, 2, 3, 6]);
    const l = Float64Array.from(a);
    expect(choleskyInPlace(l, 3)).toBe(true);
    expect([l[0], l[3], l[4], l[6], l[7], l[8]]).toEqual([2, 1, 2, 1, 1, 2]);
    // A·[1, −1, 2] = [6, 3, 11].
    const b = Float64Array.from([6, 3, 11]);
    choleskySolveInPlace(l, 3, b);
    expect(maxRelativeError(b, [1, -1, 2])).toBeLessThan(1e-14);
    const inverse = new Float64Array(9);
    expect(invertSpd(a, 3, inverse, new Float64Array(12))).toBe(true);
    let worst = 0;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++)
          sum += (a[i * 3 + k] as number) * (inverse[k * 3 + j] as number);
        worst = Math.max(worst, Math.abs(sum - (i === j ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-14);
  });

  it('detects matrices that are not positive definite', () => {
    expect(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
    expect(choleskyInPlace(Float64Array.from([1, 1, 1, 1]), 2)).toBe(false);
    expect(
      invertSpd(Float64Array.from([1, 1, 1, 1]), 2, new Float64Array(4), new Float64Array(6)),
    ).toBe(false);
    expect(
      invertSpd(Float64Array.from([0, 0, 0, 1]), 2, new Float64Array(4), new Float64Array(6)),
    ).toBe(false);
  });

  it('updates the rows and columns of JᵀJ for changed columns to the full recomputation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }),
        (cols, rows, picks) => {
          const changed = picks.filter((c) => c < cols).sort((a, b) => a - b);
          const j = Float64Array.from({ length: rows * cols }, (_, k) => Math.cos(k * 0.91));
          const gram = new Float64Array(cols * cols);
          gramColumnMajor(j, rows, cols, gram);
          for (const c of changed) {
            for (let i = 0; i < rows; i++) j[c * rows + i] = Math.sin(c + i * 2.3);
          }
          gramUpdateColumns(
            j,
            rows,
            cols,
            Int32Array.from(changed),
            changed.length,
            gram,
            new Int32Array(cols),
          );
          const full = new Float64Array(cols * cols);
          gramColumnMajor(j, rows, cols, full);
          let worst = 0;
          for (let k = 0; k < cols * cols; k++) {
            worst = Math.max(worst, Math.abs((gram[k] as number) - (full[k] as number)));
          }
          return worst <= 1e-13;
        },
      ),
      { numRuns: 80 },
    );
  });

  it('computes JᵀJ equal to the plain dot products, for odd and even column counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 1000 }),
        (cols, rows, seed) => {
          const j = Float64Array.from({ length: rows * cols }, (_, k) => Math.sin(seed + k * 1.7));
          const gram = new Float64Array(cols * cols);
          gramColumnMajor(j, rows, cols, gram);
          let worst = 0;
          for (let a = 0; a < cols; a++) {
            for (let b = 0; b < cols; b++) {
              let dot = 0;
              for (let i = 0; i < rows; i++)
                dot += (j[a * rows + i] as number) * (j[b * rows + i] as number);
              worst = Math.max(worst, Math.abs((gram[a * cols + b] as number) - dot));
            }
          }
          return worst <= 1e-13;
        },
      ),
      { numRuns: 50 },
    );
  });
});
