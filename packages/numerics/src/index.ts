/**
 * Shared numerical kernels of the intercalate toolkit, with numpy/scipy conventions.
 *
 * @packageDocumentation
 */
export type { Interpolant, InterpolantOptions } from './interpolant.js';
export { linearInterpolant } from './linear-interpolant.js';
export { mean } from './mean.js';
export { pchip } from './pchip.js';
export { RunningMoments } from './running-moments.js';
export { type SavitzkyGolayOptions, savitzkyGolay } from './savitzky-golay.js';
export {
  type ArrayRequirements,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type NumberDomain,
} from './validate.js';
export { standardDeviation, type VarianceOptions, variance } from './variance.js';
