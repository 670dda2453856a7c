import { assertFiniteNumber, assertNumericArray, describeValue } from '@intercalate/numerics';
import { squaredDistanceToBackground } from './distance-to-background.js';
import { assertImage, type Image, isPixelArray, type PixelArray } from './image.js';

/** Code of {@link ElementalAssociation.codes} for pixels outside the mask. */
export const OUTSIDE_MASK = 255;

/** Options of {@link elementalAssociation}. */
export interface ElementalAssociationOptions {
  /**
   * The particle: one entry per pixel, non-zero inside (typed array, array or single-channel
   * image). Pixels outside get code {@link OUTSIDE_MASK} and are not counted.
   * @defaultValue the pixels where at least one element exceeds its threshold
   */
  mask?: ArrayLike<number> | Image;
  /**
   * Thickness of the surface shell, in pixels (voxels), ≥ 0: a mask pixel is surface when the
   * Euclidean distance between its centre and the nearest pixel centre outside the mask (pixels
   * beyond the image border count as outside) is ≤ `surfaceDepth`. The outermost layer of a mask
   * is at distance 1, so 1 selects a one-pixel shell (4-/6-connected to the outside), 0 none.
   * Pixel spacing is not used (isotropic pixels).
   * @defaultValue 1
   */
  surfaceDepth?: number;
}

/** Class fractions of one region (the whole mask, its surface shell or its bulk). */
export interface AssociationFractions {
  /** Number of pixels in the region. */
  pixels: number;
  /**
   * Fraction of the region's pixels with each code (index = code, length 2ᵏ for k elements);
   * NaN for an empty region.
   */
  byCode: Float64Array;
  /**
   * Fraction of the region's pixels by number of elements present (index 0 = none, 1 = single,
   * 2 = binary, 3 = ternary association, …; length k + 1); NaN for an empty region.
   */
  byOrder: Float64Array;
}

/** Result of {@link elementalAssociation}. */
export interface ElementalAssociation {
  /**
   * Per-pixel class code, same layout as the maps: bit e (value 2ᵉ) is set when element e (the
   * e-th map) exceeds its threshold, so 0 = none, 2ᵉ = element e alone, 2ᵃ + 2ᵇ = binary
   * association of a and b, 7 = ternary association of elements 0, 1, 2; {@link OUTSIDE_MASK} (255)
   * outside the mask.
   */
  codes: Uint8Array;
  /** Number of elements k (maps). */
  elements: number;
  /** Fractions over all mask pixels. */
  all: AssociationFractions;
  /** Fractions over the surface shell (mask pixels within `surfaceDepth` of the outside). */
  surface: AssociationFractions;
  /** Fractions over the bulk (the other mask pixels). */
  bulk: AssociationFractions;
}

/**
 * Elemental association map: which elements are present together at each pixel of co-registered
 * elemental maps (e.g. Cu, Fe and Mn from X-ray fluorescence or absorption-edge TXM), and how the
 * single, binary and ternary associations split between the particle's surface and its bulk, as
 * Yang & Lin show for Na₀.₉Cu₀.₂Fe₀.₂₈Mn₀.₅₂O₂ (surface dominated by single and binary
 * associations, bulk mostly ternary).
 *
 * Element e is present at pixel p when maps[e][p] > thresholds[e] (strict, the foreground
 * convention of {@link otsuThreshold}, so `otsuThreshold(map)` is a natural threshold). The code
 * of p is Σ 2ᵉ over the present elements (table in {@link ElementalAssociation.codes}). Surface
 * and bulk use the exact Euclidean distance transform of the mask (Felzenszwalb & Huttenlocher
 * 2012): surface = mask pixels at distance ≤ `surfaceDepth` from the nearest non-mask pixel
 * centre, with the outside of the image counted as non-mask; this equals
 * `scipy.ndimage.distance_transform_edt(np.pad(mask, 1))[1:-1, 1:-1] <= surfaceDepth`.
 *
 * Reference: Z. Yang, F. Lin, "Heterogeneous, Defect-Rich Battery Particles and Electrodes: Why Do
 * They Matter, and How Can One Leverage Them?", J. Phys. Chem. C 125 (2021) 9618–9629, Fig. 2a,b.
 *
 * @param maps - k = 1 … 7 single-channel images (2D or 3D) of the same shape, or bare pixel arrays
 *   of the same length when `mask` is not needed for geometry (2D/3D surface needs images).
 * @param thresholds - One finite threshold per map, in that map's unit.
 * @param options - Mask and surface depth; see {@link ElementalAssociationOptions}.
 * @returns Codes per pixel and class fractions for the whole mask, its surface and its bulk.
 * @throws TypeError if `maps`, `thresholds` or the options have the wrong type.
 * @throws RangeError if there are no maps or more than 7, the maps differ in shape or have several
 *   channels, `thresholds` does not have one finite entry per map, the mask's length differs from
 *   the pixel count, or `surfaceDepth` is negative.
 *
 * @example
 * ```ts
 * import { createImage, elementalAssociation } from '@intercalate/imaging';
 * // 1 × 4 strip: Cu only, Cu + Fe, Cu + Fe + Mn, nothing
 * const cu = createImage(new Float64Array([1, 1, 1, 0]), [1, 4]);
 * const fe = createImage(new Float64Array([0, 1, 1, 0]), [1, 4]);
 * const mn = createImage(new Float64Array([0, 0, 1, 0]), [1, 4]);
 * const result = elementalAssociation([cu, fe, mn], [0.5, 0.5, 0.5]);
 * result.codes; // Uint8Array [1, 3, 7, 255]: Cu, Cu+Fe, Cu+Fe+Mn, outside the default mask
 * result.all.byOrder; // Float64Array [0, 1/3, 1/3, 1/3]
 * ```
 */
export function elementalAssociation(
  maps: readonly (Image | PixelArray)[],
  thresholds: ArrayLike<number>,
  options: ElementalAssociationOptions = {},
): ElementalAssociation {
  if (!Array.isArray(maps)) {
    throw new TypeError(
      `maps must be an array of images (one per element); received ${describeValue(maps)}`,
    );
  }
  if (maps.length < 1 || maps.length > 7) {
    throw new RangeError(`maps must hold 1 to 7 elemental maps; received ${maps.length}`);
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const k = maps.length;
  let shape: readonly number[] | undefined;
  const data: PixelArray[] = maps.map((map, e) => {
    if (isPixelArray(map)) return map;
    const image = assertImage(`maps[${e}]`, map, { channels: 1 });
    if (shape === undefined) shape = image.shape;
    else if (image.shape.join() !== shape.join()) {
      throw new RangeError(
        `maps[${e}] must have the shape of the other maps [${shape.join(', ')}]; received [${image.shape.join(', ')}]`,
      );
    }
    return image.data;
  });
  const pixels = (data[0] as PixelArray).length;
  data.forEach((values, e) => {
    if (values.length !== pixels) {
      throw new RangeError(
        `maps[${e}] must have ${pixels} pixels like maps[0]; received ${values.length}`,
      );
    }
  });
  const limits = assertNumericArray('thresholds', thresholds, { length: k, lengthOf: 'maps' });
  const surfaceDepth = assertFiniteNumber('surfaceDepth', options.surfaceDepth ?? 1, {
    min: 0,
    unit: 'px',
  });

  const codes = new Uint8Array(pixels);
  for (let e = 0; e < k; e++) {
    const values = data[e] as PixelArray;
    const limit = limits[e] as number;
    const bit = 1 << e;
    for (let p = 0; p < pixels; p++)
      if ((values[p] as number) > limit) codes[p] = (codes[p] as number) | bit;
  }
  const inside = new Uint8Array(pixels);
  if (options.mask === undefined) {
    for (let p = 0; p < pixels; p++) inside[p] = codes[p] === 0 ? 0 : 1;
  } else {
    const mask = options.mask;
    const values =
      typeof mask === 'object' && mask !== null && !ArrayBuffer.isView(mask) && !Array.isArray(mask)
        ? assertImage('mask', mask, { channels: 1 }).data
        : assertNumericArray('mask', mask, { length: pixels, lengthOf: 'the pixels of the maps' });
    if (values.length !== pixels) {
      throw new RangeError(
        `mask must have one entry per pixel (${pixels}); received length ${values.length}`,
      );
    }
    for (let p = 0; p < pixels; p++) inside[p] = values[p] ? 1 : 0;
  }
  const geometry = shape ?? [1, pixels];
  const distance2 = squaredDistanceToBackground(inside, geometry);
  const depth2 = surfaceDepth * surfaceDepth;
  const codeCount = 1 << k;
  const tallies = [
    new Float64Array(codeCount),
    new Float64Array(codeCount),
    new Float64Array(codeCount),
  ];
  const [all, surface, bulk] = tallies as [Float64Array, Float64Array, Float64Array];
  for (let p = 0; p < pixels; p++) {
    if (!inside[p]) {
      codes[p] = OUTSIDE_MASK;
      continue;
    }
    const code = codes[p] as number;
    all[code] = (all[code] as number) + 1;
    if ((distance2[p] as number) <= depth2) surface[code] = (surface[code] as number) + 1;
    else bulk[code] = (bulk[code] as number) + 1;
  }
  return {
    codes,
    elements: k,
    all: fractions(all, k),
    surface: fractions(surface, k),
    bulk: fractions(bulk, k),
  };
}

function fractions(counts: Float64Array, k: number): AssociationFractions {
  let total = 0;
  for (const c of counts) total += c;
  const byCode = new Float64Array(counts.length);
  const byOrder = new Float64Array(k + 1);
  for (let code = 0; code < counts.length; code++) {
    let order = 0;
    for (let bits = code; bits > 0; bits >>= 1) order += bits & 1;
    byCode[code] = (counts[code] as number) / total;
    byOrder[order] = (byOrder[order] as number) + (counts[code] as number);
  }
  for (let i = 0; i <= k; i++) byOrder[i] = (byOrder[i] as number) / total;
  return { pixels: total, byCode, byOrder };
}
