/**
 * Shared numerical kernels of the intercalate toolkit, with numpy/scipy conventions.
 *
 * @packageDocumentation
 */
export { mean } from './mean.js';
export { RunningMoments } from './running-moments.js';
export {
  type ArrayRequirements,
  assertFiniteNumber,
  assertNumericArray,
  describeValue,
  type NumberDomain,
} from './validate.js';
export { standardDeviation, type VarianceOptions, variance } from './variance.js';
