import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { assertImage, createImage, type Image } from './image.js';
import { type LabelImage, labelOutOfRange, readLabels } from './label.js';
import { type ProgressOptions, readOptions, readProgress } from './progress.js';

/** Options of {@link valenceGradient}. */
export interface ValenceGradientOptions extends ProgressOptions {
  /**
   * Voxel size per axis `[dz, dy, dx]` (e.g. nm), each finite and > 0.
   * @defaultValue the volume's `spacing`, else the mask's, else 1 per axis
   */
  spacing?: readonly number[];
  /** Number of equal θ bins over [0°, 180°]. @defaultValue 18 (10° bins) */
  bins?: number;
}

/** A histogram of angles (see {@link ValenceGradient.histogram}). */
export interface AngleHistogram {
  /** Voxels per bin. */
  counts: Float64Array;
  /** The bins + 1 edges, in degrees, from 0 to 180. */
  edges: Float64Array;
}

/** The result of {@link valenceGradient}. */
export interface ValenceGradient {
  /**
   * θ per voxel, in degrees in [0, 180]: the angle between the gradient u and the vector v to the
   * particle's centre; NaN outside the mask and where u = 0 or v = 0.
   */
  theta: Image<Float64Array>;
  /**
   * u per voxel, 3 values `(∂f/∂z, ∂f/∂y, ∂f/∂x)` at `3·i` (i the voxel index), in value units per
   * spacing unit (e.g. eV nm⁻¹); 0 outside the mask.
   */
  gradient: Float64Array;
  /** v per voxel, 3 values `(z, y, x)` from the voxel to its particle's centre, spacing units; 0 outside. */
  toCentre: Float64Array;
  /**
   * Centre of gravity (unweighted mean voxel position, spacing units) of each particle, 3 values
   * `(z, y, x)` per mask value 1 … max at `3·(value − 1)`; NaN for an absent value.
   */
  centres: Float64Array;
  /**
   * θ histogram of the voxels with a defined θ: `bins` equal bins from 0° to 180°, each half-open
   * [eᵢ, eᵢ₊₁) except the last, closed (numpy's rule).
   */
  histogram: AngleHistogram;
  /**
   * The fraction of voxels each bin would hold if u were oriented at random (isotropically):
   * (cos eᵢ − cos eᵢ₊₁)/2, the sin θ/2 density integrated over the bin. Compare
   * `histogram.counts / total` with it.
   */
  isotropic: Float64Array;
  /**
   * Mean of |cos θ| over the voxels with a defined θ: 1 for a purely radial gradient (θ = 0° or
   * 180°), 1/2 for random orientations, 0 for a purely tangential one (θ = 90°). NaN when no voxel
   * has a defined θ.
   */
  meanAbsCos: number;
}

/**
 * Valence-gradient analysis of a 3D oxidation-state map (Xu et al., Nat. Energy 2020, as
 * summarized in Yang & Lin, JPCC 2021, Fig. 4f): for each voxel of a particle, the gradient
 * vector u of the map, the vector v from the voxel to the particle's centre of gravity, and the
 * angle θ between them. A radially ordered particle (valence changing from core to surface)
 * has θ piled up at 0° or 180°; a random distribution follows the sin θ law.
 *
 * - Particles: the voxels with the same nonzero mask value form one particle (a binary mask is
 *   one particle; label separate particles first with {@link label}).
 * - u: the paper sums the partial differences between the central voxel and its six face
 *   neighbours; along each axis that is the central difference (f₊ − f₋)/(2h) when both
 *   neighbours belong to the particle, the one-sided (f₊ − f)/h or (f − f₋)/h when only one
 *   does (at the particle's surface and at the volume's border), and 0 when neither does.
 *   Voxels of other particles and background are never used.
 * - v = c − p, c the unweighted mean position of the particle's voxels (physical units).
 * - θ = atan2(|u × v|, u · v) in degrees. Sign convention: u points to increasing values, v
 *   inwards, so θ ≈ 180° when the value (e.g. white-line energy, Ni valence) increases from the
 *   core to the surface, and θ ≈ 0° when it decreases outwards. Yang & Lin report many θ ≈ 90°
 *   (a tangential gradient) as the fingerprint of radially aligned grains in rod-NMC.
 *
 * @param volume - A 3D single-channel {@link Image} of the mapped value (e.g. white-line energy,
 * eV, or valence).
 * @param mask - A 3D {@link Image} or {@link LabelImage} of the same shape; nonzero values mark
 * the particles.
 * @param options - Spacing, histogram bins, progress; see {@link ValenceGradientOptions}.
 * @returns θ, u, v, the centres, the θ histogram and its isotropic reference; see
 * {@link ValenceGradient}.
 * @throws TypeError if `volume` or `mask` is not an image, or an option has the wrong type.
 * @throws RangeError if the images are not 3D single-channel of the same shape, the mask holds
 * a negative or non-integer value, `spacing` has the wrong length or a non-positive entry, or
 * `bins` is not an integer ≥ 1.
 * @throws Error named `AbortError` if `signal` is aborted.
 *
 * @example
 * ```ts
 * import { createImage, valenceGradient } from '@intercalate/imaging';
 * // A 9³ ball whose value grows with the distance from its centre (surface more oxidized).
 * const n = 9;
 * const value = new Float64Array(n ** 3);
 * const mask = new Uint8Array(n ** 3);
 * for (let i = 0; i < n ** 3; i++) {
 *   const [z, y, x] = [Math.floor(i / 81) - 4, (Math.floor(i / 9) % 9) - 4, (i % 9) - 4];
 *   const r = Math.hypot(z, y, x);
 *   value[i] = r;
 *   mask[i] = r <= 4 ? 1 : 0;
 * }
 * const result = valenceGradient(createImage(value, [n, n, n]), createImage(mask, [n, n, n]));
 * result.histogram.counts.at(-1); // most voxels: θ in the last bin (170°–180°)
 * result.meanAbsCos; // close to 1
 * ```
 */
export function valenceGradient(
  volume: Image,
  mask: Image | LabelImage,
  options?: ValenceGradientOptions,
): ValenceGradient {
  const image = assertImage('volume', volume, { dimensions: [3], channels: 1 });
  const particles = readLabels('mask', mask);
  const shape = image.shape;
  if (particles.shape.length !== 3 || particles.shape.some((s, axis) => s !== shape[axis])) {
    throw new RangeError(
      `mask must have the shape of volume [${shape.join(', ')}]; received [${particles.shape.join(', ')}]`,
    );
  }
  const opts = readOptions<ValenceGradientOptions>(
    options,
    '{ spacing?, bins?, onProgress?, signal? }',
  );
  const spacingValue = opts.spacing ?? image.spacing ?? particles.spacing ?? [1, 1, 1];
  if (!Array.isArray(spacingValue)) {
    throw new TypeError(
      `spacing must be an array [dz, dy, dx]; received ${describeValue(spacingValue)}`,
    );
  }
  if (spacingValue.length !== 3) {
    throw new RangeError(
      `spacing must have 3 entries [dz, dy, dx]; received ${spacingValue.length} entries`,
    );
  }
  const spacing = spacingValue.map((v, axis) =>
    assertFiniteNumber(`spacing[${axis}]`, v, { min: 0, exclusiveMin: true }),
  ) as [number, number, number];
  const bins = assertFiniteNumber('bins', opts.bins ?? 18, { min: 1, max: 1e6, integer: true });
  const [depth, height, width] = shape as [number, number, number];
  const progress = readProgress(opts, 2 * depth, 'valenceGradient');
  const f = image.data;
  const labels = particles.data;
  const count = particles.count;
  const n = depth * height * width;
  const plane = height * width;

  // Centres of gravity.
  const sums = new Float64Array(4 * (count + 1));
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      const row = (z * height + y) * width;
      for (let x = 0; x < width; x++) {
        const l = labels[row + x] as number;
        if (l === 0) continue;
        if (!(l > 0 && l <= count)) throw labelOutOfRange('mask', row + x, l, count);
        sums[4 * l] = (sums[4 * l] as number) + 1;
        sums[4 * l + 1] = (sums[4 * l + 1] as number) + z;
        sums[4 * l + 2] = (sums[4 * l + 2] as number) + y;
        sums[4 * l + 3] = (sums[4 * l + 3] as number) + x;
      }
    }
    progress.step(z + 1);
  }
  const centres = new Float64Array(3 * count);
  for (let l = 1; l <= count; l++) {
    const m = sums[4 * l] as number;
    for (let axis = 0; axis < 3; axis++) {
      centres[3 * (l - 1) + axis] =
        m === 0 ? Number.NaN : ((sums[4 * l + 1 + axis] as number) / m) * (spacing[axis] as number);
    }
  }

  const theta = new Float64Array(n).fill(Number.NaN);
  const gradient = new Float64Array(3 * n);
  const toCentre = new Float64Array(3 * n);
  const counts = new Float64Array(bins);
  let absCos = 0;
  let defined = 0;
  const [hz, hy, hx] = spacing;
  const degrees = 180 / Math.PI;
  for (let z = 0; z < depth; z++) {
    for (let y = 0; y < height; y++) {
      const row = (z * height + y) * width;
      for (let x = 0; x < width; x++) {
        const i = row + x;
        const l = labels[i] as number;
        if (l === 0) continue;
        const fi = f[i] as number;
        const gz = axisDerivative(f, labels, i, l, fi, plane, z > 0, z < depth - 1, hz);
        const gy = axisDerivative(f, labels, i, l, fi, width, y > 0, y < height - 1, hy);
        const gx = axisDerivative(f, labels, i, l, fi, 1, x > 0, x < width - 1, hx);
        const c = 3 * (l - 1);
        const vz = (centres[c] as number) - z * hz;
        const vy = (centres[c + 1] as number) - y * hy;
        const vx = (centres[c + 2] as number) - x * hx;
        gradient[3 * i] = gz;
        gradient[3 * i + 1] = gy;
        gradient[3 * i + 2] = gx;
        toCentre[3 * i] = vz;
        toCentre[3 * i + 1] = vy;
        toCentre[3 * i + 2] = vx;
        const dot = gz * vz + gy * vy + gx * vx;
        const cross = Math.hypot(gy * vx - gx * vy, gx * vz - gz * vx, gz * vy - gy * vz);
        if ((gz === 0 && gy === 0 && gx === 0) || (vz === 0 && vy === 0 && vx === 0)) continue;
        const angle = Math.atan2(cross, dot) * degrees;
        if (Number.isNaN(angle)) continue; // NaN values in the map
        theta[i] = angle;
        const bin = Math.min(bins - 1, Math.floor((angle / 180) * bins));
        counts[bin] = (counts[bin] as number) + 1;
        absCos += Math.abs(dot) / Math.hypot(dot, cross);
        defined++;
      }
    }
    progress.step(depth + z + 1);
  }
  const edges = new Float64Array(bins + 1);
  const isotropic = new Float64Array(bins);
  for (let k = 0; k <= bins; k++) edges[k] = (180 * k) / bins;
  for (let k = 0; k < bins; k++) {
    isotropic[k] =
      (Math.cos(((edges[k] as number) * Math.PI) / 180) -
        Math.cos(((edges[k + 1] as number) * Math.PI) / 180)) /
      2;
  }
  return {
    theta: createImage(theta, [depth, height, width], { spacing }),
    gradient,
    toCentre,
    centres,
    histogram: { counts, edges },
    isotropic,
    meanAbsCos: defined === 0 ? Number.NaN : absCos / defined,
  };
}

/** Central difference inside the particle, one-sided at its edge, 0 for an isolated voxel. */
function axisDerivative(
  f: ArrayLike<number>,
  labels: ArrayLike<number>,
  i: number,
  l: number,
  fi: number,
  stride: number,
  hasMinus: boolean,
  hasPlus: boolean,
  h: number,
): number {
  const minus = hasMinus && labels[i - stride] === l;
  const plus = hasPlus && labels[i + stride] === l;
  if (minus && plus) return ((f[i + stride] as number) - (f[i - stride] as number)) / (2 * h);
  if (plus) return ((f[i + stride] as number) - fi) / h;
  if (minus) return (fi - (f[i - stride] as number)) / h;
  return 0;
}
