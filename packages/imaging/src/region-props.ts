import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { assertImage, type Image } from './image.js';
import { type LabelImage, labelOutOfRange, readLabels } from './label.js';
import { type ProgressOptions, readOptions, readProgress } from './progress.js';

/** Options of {@link regionProps}. */
export interface RegionPropsOptions extends ProgressOptions {
  /**
   * A single-channel image of the same shape as the labels (any pixel type, e.g. a white-line
   * energy map or a TXM intensity); when given, the intensity statistics are computed in the same
   * pass. NaN samples propagate to their region's statistics.
   * @defaultValue none (no intensity statistics)
   */
  intensity?: Image;
  /**
   * Physical pixel/voxel size per axis of the shape (e.g. nm), each finite and > 0.
   * @defaultValue the labels' `spacing`, else 1 per axis (pixel units, as scikit-image 0.19)
   */
  spacing?: readonly number[];
  /**
   * Compute the boundary measures: the perimeter of 2D regions and the surface area of 3D
   * regions (a second pass over the image). `false` leaves `perimeter`/`surfaceArea` undefined.
   * @defaultValue true
   */
  boundary?: boolean;
}

/**
 * Region properties, one entry per label 1 … `count`: the entry of label ℓ is at index ℓ − 1
 * (struct of arrays, so that thousands of regions cost a few typed arrays). A label absent from
 * the image (a gap in the numbering) has `pixelCount` 0, `area` 0 and NaN elsewhere (bounding box
 * −1).
 */
export interface RegionProps {
  /** Number of entries: the largest label in the image. */
  count: number;
  /** 2 or 3. */
  dimensions: 2 | 3;
  /** Pixels/voxels per region. */
  pixelCount: Float64Array;
  /** Area (2D) or volume (3D): pixel count × ∏ spacing, in spacing units² or ³. */
  area: Float64Array;
  /**
   * Centroid (mean coordinate) per region, `dimensions` values per region in the axis order of the
   * shape (`[y, x]` or `[z, y, x]`), in spacing units: index × spacing (pixel indices when the
   * spacing is 1, as scikit-image's `centroid`). Region ℓ at `[(ℓ − 1)·dimensions + axis]`.
   */
  centroid: Float64Array;
  /**
   * Bounding box per region in pixel indices, `2·dimensions` values per region: the smallest
   * index per axis, then one past the largest (half-open, as scikit-image's `bbox`).
   */
  bbox: Int32Array;
  /**
   * Diameter of the disc (2D) or ball (3D) of the same area/volume, (2·d·A/π)^(1/d) with d the
   * dimension (scikit-image's `equivalent_diameter_area`), in spacing units.
   */
  equivalentDiameter: Float64Array;
  /**
   * 2D only: √(1 − λ₂/λ₁) with λ₁ ≥ λ₂ the eigenvalues of the covariance of the pixel coordinates
   * (in spacing units), i.e. of scikit-image's inertia tensor; 0 for a region with λ₁ = 0 (a
   * single pixel), as scikit-image. `undefined` in 3D.
   */
  eccentricity: Float64Array | undefined;
  /**
   * 2D only, with `boundary`: scikit-image's `perimeter` (neighbourhood 4; Benkrid & Crookes):
   * border pixels are the region's pixels with a 4-neighbour outside it; each border pixel is
   * coded 1 + 2·(border 4-neighbours) + 10·(border diagonal neighbours) of the same region and
   * weighted 1 (codes 5, 7, 15, 17, 25, 27), √2 (21, 33), (1 + √2)/2 (13, 23) or 0. In spacing
   * units for an isotropic spacing; NaN for an anisotropic spacing (the estimator has no
   * anisotropic form). Bias: a digital disc of radius r gives 1.0495 × 2πr (+5 %, measured with
   * scikit-image 0.19 for r = 10, 20 and 40 px).
   */
  perimeter: Float64Array | undefined;
  /**
   * 3D only, with `boundary`: surface area by the Crofton formula on the 13 lattice line
   * directions (Ohser & Mücklich, Statistical Analysis of Microstructures, 2000, ch. 5):
   * S = 4 Σ_d c_d N_d V/|s_d|, where N_d counts the boundary crossings along lattice lines of
   * direction d, s_d is the physical step along d, V the voxel volume and c_d the solid-angle
   * fraction of the direction's Voronoi cell on the sphere (0.0457783, 0.0369808 and 0.0351952
   * for face, edge and corner directions of a cubic grid). Unbiased for isotropic surfaces on
   * average. Bias measured on digitized balls (voxel centres within r): +0.65 %, −1.3 %, +0.5 %,
   * +0.1 %, −0.3 %, −0.1 % of 4πr² for r = 5, 8, 10, 15, 20, 30 voxels; voxel-face counting
   * gives about +50 %, and scikit-image's marching cubes on the binary mask
   * (`marching_cubes` + `mesh_surface_area`) +9.2 % (r = 10) and +8.5 % (r = 20). Flat faces
   * aligned with the grid are the worst case: an axis-aligned plane is underestimated by 7.3 %
   * (2 Σ_d c_d |n·d̂| = 0.9266 for n along an axis) and a 20-voxel cube by 10 %. In spacing units²; `undefined` in 2D.
   */
  surfaceArea: Float64Array | undefined;
  /** With `intensity`: mean intensity per region. */
  intensityMean: Float64Array | undefined;
  /** With `intensity`: standard deviation per region, population form (ddof 0, as numpy's std). */
  intensityStd: Float64Array | undefined;
  /** With `intensity`: smallest intensity per region. */
  intensityMin: Float64Array | undefined;
  /** With `intensity`: largest intensity per region. */
  intensityMax: Float64Array | undefined;
}

// Voronoi solid-angle fractions of the 26 neighbour directions of a cubic grid, by number of
// nonzero components (1: faces, 2: edges, 3: corners); 6·c1 + 12·c2 + 8·c3 = 1.
const CUBIC_CROFTON = [0, 0.04577789, 0.03698062, 0.03519563];

/**
 * Measures every labelled region in one raster pass (two with `boundary`): pixel count,
 * area/volume, centroid, bounding box, equivalent diameter, eccentricity (2D), perimeter (2D) or
 * surface area (3D), and the intensity mean, standard deviation (ddof 0), minimum and maximum.
 * The definitions follow `skimage.measure.regionprops` (0.19) and match it to rounding for unit
 * spacing; see {@link RegionProps} for each property, its units and the surface estimator.
 *
 * Sums are accumulated per row run of equal labels and relative to each region's first pixel
 * (coordinates) and first intensity (shifted sums), so the moments stay exact for large images.
 *
 * @param labels - A {@link LabelImage} from {@link label}, or a single-channel {@link Image} of
 * non-negative integer labels (0 = background).
 * @param options - Intensity image, spacing, boundary measures, progress; see
 * {@link RegionPropsOptions}.
 * @returns The properties, indexed by label − 1; see {@link RegionProps}.
 * @throws TypeError if `labels` or `intensity` is not an image, or an option has the wrong type.
 * @throws RangeError if a label is negative or not an integer, `intensity` has another shape or
 * more than one channel, or `spacing` has the wrong length or a non-positive entry.
 * @throws Error named `AbortError` if `signal` is aborted.
 *
 * @example
 * ```ts
 * import { createImage, label, regionProps } from '@intercalate/imaging';
 * const mask = createImage(Uint8Array.from([1, 1, 0, 0, 0, 0, 0, 1]), [2, 4]);
 * const props = regionProps(label(mask), { intensity: createImage(new Float64Array([2, 4, 0, 0, 0, 0, 0, 9]), [2, 4]) });
 * props.area; // Float64Array [2, 1]
 * props.centroid; // Float64Array [0, 0.5, 1, 3]  (y, x of region 1, then of region 2)
 * props.intensityMean; // Float64Array [3, 9]
 * ```
 */
export function regionProps(labels: LabelImage | Image, options?: RegionPropsOptions): RegionProps {
  const source = readLabels('labels', labels);
  const opts = readOptions<RegionPropsOptions>(
    options,
    '{ intensity?, spacing?, boundary?, onProgress?, signal? }',
  );
  const { shape, count } = source;
  const ndim = shape.length as 2 | 3;
  const spacing = readSpacing(opts.spacing ?? source.spacing, ndim);
  const boundary = opts.boundary ?? true;
  if (typeof boundary !== 'boolean') {
    throw new TypeError(`boundary must be true or false; received ${describeValue(boundary)}`);
  }
  let intensity: ArrayLike<number> | undefined;
  if (opts.intensity !== undefined) {
    const image = assertImage('intensity', opts.intensity, { channels: 1 });
    if (image.shape.length !== ndim || image.shape.some((s, axis) => s !== shape[axis])) {
      throw new RangeError(
        `intensity must have the shape of labels [${shape.join(', ')}]; received [${image.shape.join(', ')}]`,
      );
    }
    intensity = image.data;
  }
  const depth = ndim === 3 ? (shape[0] as number) : 1;
  const height = shape[ndim - 2] as number;
  const width = shape[ndim - 1] as number;
  const progress = readProgress(opts, boundary ? 2 * depth : depth, 'regionProps');
  const data = source.data;

  const size = count + 1; // index by label
  const n = new Float64Array(size);
  const ref = new Int32Array(3 * size); // first pixel (z, y, x) of each region
  const sums = new Float64Array(9 * size); // Σz Σy Σx Σzz Σyy Σxx Σzy Σzx Σyx (offsets from ref)
  const box = new Int32Array(6 * size); // zmin ymin xmin zmax ymax xmax (inclusive)
  const shift = intensity ? new Float64Array(size) : undefined;
  const s1 = intensity ? new Float64Array(size) : undefined;
  const s2 = intensity ? new Float64Array(size) : undefined;
  const lo = intensity ? new Float64Array(size).fill(Number.POSITIVE_INFINITY) : undefined;
  const hi = intensity ? new Float64Array(size).fill(Number.NEGATIVE_INFINITY) : undefined;

  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      const rowStart = (z * height + y) * width;
      let x = 0;
      while (x < width) {
        const l = data[rowStart + x] as number;
        let end = x + 1;
        while (end < width && data[rowStart + end] === l) end++;
        if (l !== 0) {
          if (!(l > 0 && l <= count)) throw labelOutOfRange('labels', rowStart + x, l, count);
          const m = end - x;
          if (n[l] === 0) {
            ref[3 * l] = z;
            ref[3 * l + 1] = y;
            ref[3 * l + 2] = x;
            box[6 * l] = z;
            box[6 * l + 1] = y;
            box[6 * l + 2] = x;
            box[6 * l + 3] = z;
            box[6 * l + 4] = y;
            box[6 * l + 5] = end - 1;
            if (shift) shift[l] = intensity![rowStart + x] as number;
          }
          n[l] = (n[l] as number) + m;
          const dz = z - (ref[3 * l] as number);
          const dy = y - (ref[3 * l + 1] as number);
          const mid = (x + end - 1) / 2 - (ref[3 * l + 2] as number);
          const sx = m * mid;
          const sxx = m * mid * mid + (m * (m * m - 1)) / 12;
          const b = 9 * l;
          sums[b] = (sums[b] as number) + m * dz;
          sums[b + 1] = (sums[b + 1] as number) + m * dy;
          sums[b + 2] = (sums[b + 2] as number) + sx;
          sums[b + 3] = (sums[b + 3] as number) + m * dz * dz;
          sums[b + 4] = (sums[b + 4] as number) + m * dy * dy;
          sums[b + 5] = (sums[b + 5] as number) + sxx;
          sums[b + 6] = (sums[b + 6] as number) + m * dz * dy;
          sums[b + 7] = (sums[b + 7] as number) + dz * sx;
          sums[b + 8] = (sums[b + 8] as number) + dy * sx;
          // z only grows; y and x may go below the first pixel's.
          box[6 * l + 3] = z;
          if (y > (box[6 * l + 4] as number)) box[6 * l + 4] = y;
          if (x < (box[6 * l + 2] as number)) box[6 * l + 2] = x;
          if (end - 1 > (box[6 * l + 5] as number)) box[6 * l + 5] = end - 1;
          if (y < (box[6 * l + 1] as number)) box[6 * l + 1] = y;
          if (intensity) {
            const k = shift![l] as number;
            let a1 = 0;
            let a2 = 0;
            let vmin = lo![l] as number;
            let vmax = hi![l] as number;
            for (let i = rowStart + x; i < rowStart + end; i++) {
              const v = intensity[i] as number;
              const d = v - k;
              a1 += d;
              a2 += d * d;
              if (v < vmin) vmin = v;
              if (v > vmax) vmax = v;
              else if (Number.isNaN(v)) vmax = v; // NaN propagates
            }
            s1![l] = (s1![l] as number) + a1;
            s2![l] = (s2![l] as number) + a2;
            lo![l] = vmin;
            hi![l] = vmax;
          }
        }
        x = end;
      }
    }
    progress.step(z + 1);
  }

  const [sz, sy, sx] = ndim === 3 ? spacing : [1, spacing[0] as number, spacing[1] as number];
  const voxel = (sz as number) * (sy as number) * (sx as number);
  const pixelCount = new Float64Array(count);
  const area = new Float64Array(count);
  const centroid = new Float64Array(count * ndim);
  const bbox = new Int32Array(count * 2 * ndim);
  const equivalentDiameter = new Float64Array(count);
  const eccentricity = ndim === 2 ? new Float64Array(count) : undefined;
  const result: RegionProps = {
    count,
    dimensions: ndim,
    pixelCount,
    area,
    centroid,
    bbox,
    equivalentDiameter,
    eccentricity,
    perimeter: undefined,
    surfaceArea: undefined,
    intensityMean: intensity ? new Float64Array(count) : undefined,
    intensityStd: intensity ? new Float64Array(count) : undefined,
    intensityMin: intensity ? new Float64Array(count) : undefined,
    intensityMax: intensity ? new Float64Array(count) : undefined,
  };
  const axisScale = [sz as number, sy as number, sx as number];
  const firstAxis = 3 - ndim; // skip z in 2D
  for (let l = 1; l <= count; l++) {
    const k = l - 1;
    const m = n[l] as number;
    pixelCount[k] = m;
    area[k] = m * voxel;
    if (m === 0) {
      centroid.fill(Number.NaN, k * ndim, (k + 1) * ndim);
      bbox.fill(-1, k * 2 * ndim, (k + 1) * 2 * ndim);
      equivalentDiameter[k] = Number.NaN;
      if (eccentricity) eccentricity[k] = Number.NaN;
      if (intensity) {
        result.intensityMean![k] = Number.NaN;
        result.intensityStd![k] = Number.NaN;
        result.intensityMin![k] = Number.NaN;
        result.intensityMax![k] = Number.NaN;
      }
      continue;
    }
    const b = 9 * l;
    for (let axis = firstAxis; axis < 3; axis++) {
      const mean = (sums[b + axis] as number) / m;
      centroid[k * ndim + axis - firstAxis] =
        ((ref[3 * l + axis] as number) + mean) * (axisScale[axis] as number);
      bbox[k * 2 * ndim + axis - firstAxis] = box[6 * l + axis] as number;
      bbox[k * 2 * ndim + ndim + axis - firstAxis] = (box[6 * l + 3 + axis] as number) + 1;
    }
    equivalentDiameter[k] = ((2 * ndim * (area[k] as number)) / Math.PI) ** (1 / ndim);
    if (eccentricity) {
      const my = (sums[b + 1] as number) / m;
      const mx = (sums[b + 2] as number) / m;
      const cyy = ((sums[b + 4] as number) / m - my * my) * (sy as number) * (sy as number);
      const cxx = ((sums[b + 5] as number) / m - mx * mx) * (sx as number) * (sx as number);
      const cyx = ((sums[b + 8] as number) / m - my * mx) * (sy as number) * (sx as number);
      const half = (cyy + cxx) / 2;
      const root = Math.hypot((cyy - cxx) / 2, cyx);
      const l1 = Math.max(half + root, 0);
      const l2 = Math.max(half - root, 0);
      eccentricity[k] = l1 === 0 ? 0 : Math.sqrt(1 - l2 / l1);
    }
    if (intensity) {
      const mean1 = (s1![l] as number) / m;
      result.intensityMean![k] = (shift![l] as number) + mean1;
      const variance = (s2![l] as number) / m - mean1 * mean1;
      result.intensityStd![k] = Math.sqrt(
        variance > 0 ? variance : !Number.isNaN(variance) ? 0 : variance,
      );
      result.intensityMin![k] = lo![l] as number;
      result.intensityMax![k] = hi![l] as number;
    }
  }

  if (boundary) {
    if (ndim === 2) {
      result.perimeter = perimeters(data, height, width, count);
      const isotropic = sy === sx;
      for (let k = 0; k < count; k++) {
        const value = result.perimeter[k] as number;
        result.perimeter[k] =
          n[k + 1] === 0 ? Number.NaN : isotropic ? value * (sx as number) : Number.NaN;
      }
      progress.step(2);
    } else {
      result.surfaceArea = surfaceAreas(data, depth, height, width, count, axisScale, (z) =>
        progress.step(depth + z + 1),
      );
      for (let k = 0; k < count; k++) if (n[k + 1] === 0) result.surfaceArea[k] = Number.NaN;
    }
  }
  return result;
}

function readSpacing(spacing: unknown, ndim: number): number[] {
  if (spacing === undefined) return new Array<number>(ndim).fill(1);
  if (!Array.isArray(spacing)) {
    throw new TypeError(`spacing must be an array of numbers; received ${describeValue(spacing)}`);
  }
  if (spacing.length !== ndim) {
    throw new RangeError(
      `spacing must have one entry per axis (${ndim}); received ${spacing.length} entries`,
    );
  }
  return spacing.map((value, axis) =>
    assertFiniteNumber(`spacing[${axis}]`, value, { min: 0, exclusiveMin: true }),
  );
}

/** scikit-image's `perimeter(region, 4)` for every label, in pixels. */
function perimeters(
  data: ArrayLike<number>,
  height: number,
  width: number,
  count: number,
): Float64Array {
  const border = new Uint8Array(height * width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const l = data[i] as number;
      if (l === 0) continue;
      if (
        y === 0 ||
        y === height - 1 ||
        x === 0 ||
        x === width - 1 ||
        data[i - width] !== l ||
        data[i + width] !== l ||
        data[i - 1] !== l ||
        data[i + 1] !== l
      ) {
        border[i] = 1;
      }
    }
  }
  const weights = new Float64Array(50);
  for (const code of [5, 7, 15, 17, 25, 27]) weights[code] = 1;
  weights[21] = Math.SQRT2;
  weights[33] = Math.SQRT2;
  weights[13] = (1 + Math.SQRT2) / 2;
  weights[23] = (1 + Math.SQRT2) / 2;
  const perimeter = new Float64Array(count);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (border[i] === 0) continue;
      const l = data[i] as number;
      let code = 1;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if ((dx === 0 && dy === 0) || xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (border[j] === 1 && data[j] === l) code += dx === 0 || dy === 0 ? 2 : 10;
        }
      }
      perimeter[l - 1] = (perimeter[l - 1] as number) + (weights[code] as number);
    }
  }
  return perimeter;
}

const fractionCache = new Map<string, Float64Array>();

/**
 * Solid-angle fractions of the Voronoi cells of the 26 neighbour directions (order: dz, dy, dx
 * each −1…1, skipping 0,0,0), for a grid with the given step per axis. Cubic grids use the
 * published constants; other grids are integrated on a 10⁶-point Fibonacci sphere (error of a
 * fraction about 3e-5).
 */
export function croftonFractions(scale: readonly number[]): Float64Array {
  const [a, b, c] = scale as [number, number, number];
  const key = `${b / a},${c / a}`;
  const cached = fractionCache.get(key);
  if (cached) return cached;
  const directions: number[][] = [];
  for (let dz = -1; dz <= 1; dz++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dz !== 0 || dy !== 0 || dx !== 0) directions.push([dz, dy, dx]);
      }
    }
  }
  const fractions = new Float64Array(26);
  if (a === b && b === c) {
    directions.forEach((d, k) => {
      fractions[k] = CUBIC_CROFTON[Math.abs(d[0]!) + Math.abs(d[1]!) + Math.abs(d[2]!)] as number;
    });
  } else {
    const unit = directions.map(([dz, dy, dx]) => {
      const v = [dz! * a, dy! * b, dx! * c];
      const norm = Math.hypot(v[0]!, v[1]!, v[2]!);
      return v.map((t) => t / norm);
    });
    const samples = 1_000_000;
    const golden = Math.PI * (1 + Math.sqrt(5));
    for (let i = 0; i < samples; i++) {
      const cz = 1 - (2 * (i + 0.5)) / samples;
      const r = Math.sqrt(1 - cz * cz);
      const t = golden * (i + 0.5);
      const py = r * Math.cos(t);
      const px = r * Math.sin(t);
      let best = 0;
      let bestDot = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < 26; k++) {
        const u = unit[k]!;
        const dot = cz * u[0]! + py * u[1]! + px * u[2]!;
        if (dot > bestDot) {
          bestDot = dot;
          best = k;
        }
      }
      fractions[best] = (fractions[best] as number) + 1 / samples;
    }
  }
  fractionCache.set(key, fractions);
  return fractions;
}

/** Crofton surface area of every label of a volume. */
function surfaceAreas(
  data: ArrayLike<number>,
  depth: number,
  height: number,
  width: number,
  count: number,
  scale: readonly number[],
  onPlane: (z: number) => void,
): Float64Array {
  const [a, b, c] = scale as [number, number, number];
  const fractions = croftonFractions(scale);
  const voxel = a * b * c;
  const deltas: [number, number, number][] = [];
  const weights: number[] = [];
  let k = 0;
  for (let dz = -1; dz <= 1; dz++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (dz === 0 && dy === 0 && dx === 0) continue;
        deltas.push([dz, dy, dx]);
        weights.push((4 * (fractions[k] as number) * voxel) / Math.hypot(dz * a, dy * b, dx * c));
        k++;
      }
    }
  }
  const plane = height * width;
  const surface = new Float64Array(count + 1);
  // Per column class (first, inner, last): in-grid offsets with weights, and the total weight
  // of the neighbours outside the grid (always a crossing).
  const offsets = [new Int32Array(26), new Int32Array(26), new Int32Array(26)];
  const offsetWeights = [new Float64Array(26), new Float64Array(26), new Float64Array(26)];
  const used = [0, 0, 0];
  const outside = [0, 0, 0];
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      for (let column = 0; column < 3; column++) {
        let m = 0;
        let out = 0;
        deltas.forEach(([dz, dy, dx], j) => {
          const zz = z + dz;
          const yy = y + dy;
          const inGrid =
            zz >= 0 &&
            zz < depth &&
            yy >= 0 &&
            yy < height &&
            !(dx < 0 && column === 0) &&
            !(dx > 0 && (column === 2 || width === 1));
          if (inGrid) {
            offsets[column]![m] = dz * plane + dy * width + dx;
            offsetWeights[column]![m] = weights[j] as number;
            m++;
          } else {
            out += weights[j] as number;
          }
        });
        used[column] = m;
        outside[column] = out;
      }
      const rowStart = (z * height + y) * width;
      for (let x = 0; x < width; x++) {
        const i = rowStart + x;
        const l = data[i] as number;
        if (l === 0) continue;
        const column = x === 0 ? 0 : x === width - 1 ? 2 : 1;
        const list = offsets[column]!;
        const w = offsetWeights[column]!;
        const m = used[column] as number;
        let total = outside[column] as number;
        for (let j = 0; j < m; j++) {
          if (data[i + (list[j] as number)] !== l) total += w[j] as number;
        }
        if (total !== 0) surface[l] = (surface[l] as number) + total;
      }
    }
    onPlane(z);
  }
  return surface.subarray(1).slice();
}
