/**
 * Image statistics for operando optical and X-ray spectro-microscopy: regions of interest,
 * thresholds, labelling, region properties and white-line maps.
 *
 * @packageDocumentation
 */
export { type CircleMaskOptions, circleMask } from './circle-mask.js';
export {
  assertImage,
  type CreateImageOptions,
  createImage,
  type Image,
  isPixelArray,
  type PixelArray,
} from './image.js';
