/**
 * Image statistics for operando optical and X-ray spectro-microscopy: regions of interest,
 * thresholds, labelling, region properties and white-line maps.
 *
 * @packageDocumentation
 */

export {
  type ReactionDynamicsOptions,
  type ReactionDynamicsResult,
  type ReactionDynamicsTrace,
  reactionDynamics,
} from '@intercalate/numerics';
export {
  type ArealFractions,
  type ArealFractionsOptions,
  arealFractions,
} from './areal-fractions.js';
export {
  type BootstrapConfidenceInterval,
  type BootstrapMethod,
  type BootstrapOptions,
  type BootstrapStatistic,
  bootstrapConfidenceInterval,
} from './bootstrap-confidence-interval.js';
export { type CircleMaskOptions, circleMask } from './circle-mask.js';
export { differenceMap } from './difference-map.js';
export { type EdgeEnergyOptions, edgeEnergy } from './edge-energy.js';
export {
  type AssociationFractions,
  type ElementalAssociation,
  type ElementalAssociationOptions,
  elementalAssociation,
  OUTSIDE_MASK,
} from './elemental-association.js';
export {
  assertImage,
  type CreateImageOptions,
  createImage,
  type Image,
  isPixelArray,
  type PixelArray,
} from './image.js';
export { type IntensityOptions, intensity } from './intensity.js';
export { type LabelImage, type LabelOptions, label } from './label.js';
export { type OtsuOptions, otsuThreshold } from './otsu.js';
export { readPng, writePng } from './png.js';
export { type PolygonMaskOptions, polygonMask } from './polygon-mask.js';
export type { ProgressOptions } from './progress.js';
export { type RegionProps, type RegionPropsOptions, regionProps } from './region-props.js';
export {
  type Representativeness,
  type RepresentativenessOptions,
  representativeness,
} from './representativeness.js';
export { roiMean, roiTimeSeries } from './roi.js';
export { type ReadTiffOptions, readTiff, writeTiff } from './tiff.js';
export {
  type AngleHistogram,
  type ValenceGradient,
  type ValenceGradientOptions,
  valenceGradient,
} from './valence-gradient.js';
export { type WhiteLineOptions, whiteLineEnergy } from './white-line.js';
