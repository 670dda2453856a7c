/**
 * Shared numerical kernels of the intercalate toolkit, with numpy/scipy conventions.
 *
 * @packageDocumentation
 */
export { type AbortSignalLike, assertAbortSignal } from './abort-signal.js';
export { type BrentOptions, brent, type RootResult } from './brent.js';
export { fastExp, fastExpm1 } from './elementary-functions.js';
export { erfc } from './erfc.js';
export { createFft, type InPlaceFft } from './fft.js';
export { gaussLegendre, type QuadratureRule } from './gauss-legendre.js';
export { type GradientOptions, gradient } from './gradient.js';
export { type Histogram, type HistogramOptions, histogram } from './histogram.js';
export type { Interpolant, InterpolantOptions } from './interpolant.js';
export {
  type FitStatistics,
  fitStatistics,
  type LevenbergMarquardtJacobian,
  type LevenbergMarquardtModel,
  type LevenbergMarquardtOptions,
  type LevenbergMarquardtReason,
  type LevenbergMarquardtResult,
  levenbergMarquardt,
} from './levenberg-marquardt.js';
export {
  addGaussianRange,
  addLineShape,
  addLineShapeDerivatives,
  addLorentzianRange,
  gaussian,
  type LineShape,
  type LineShapeKind,
  type LineShapeTargets,
  lorentzian,
  pseudoVoigt,
} from './line-shapes.js';
export { linearInterpolant } from './linear-interpolant.js';
export { mean } from './mean.js';
export {
  type MinimizeBoundedOptions,
  type MinimizeBoundedResult,
  minimizeBounded,
} from './minimize-bounded.js';
export { type NewtonOptions, newton } from './newton.js';
export { normalCdf, normalQuantile } from './normal-distribution.js';
export { pchip } from './pchip.js';
export { quantile } from './quantile.js';
export { createRng, type Rng } from './random.js';
export {
  type ReactionDynamicsOptions,
  type ReactionDynamicsResult,
  type ReactionDynamicsTrace,
  reactionDynamics,
} from './reaction-dynamics.js';
export { type RollingMeanOptions, rollingMean } from './rolling-mean.js';
export { RunningMoments } from './running-moments.js';
export { type SavitzkyGolayOptions, savitzkyGolay } from './savitzky-golay.js';
export { trapezoid } from './trapezoid.js';
export {
  type ArrayRequirements,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type NumberDomain,
  outputBuffer,
} from './validate.js';
export { standardDeviation, type VarianceOptions, variance } from './variance.js';
