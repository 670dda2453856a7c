import { assertFiniteNumber } from '@intercalate/numerics';

/** Geometry of {@link circleMask}, in pixels. */
export interface CircleMaskOptions {
  /** Image width (number of columns), an integer ≥ 1. */
  width: number;
  /** Image height (number of rows), an integer ≥ 1. */
  height: number;
  /** Column coordinate x of the centre, in pixels (pixel centres sit at integer coordinates). */
  centerX: number;
  /** Row coordinate y of the centre, in pixels. */
  centerY: number;
  /** Radius, in pixels, > 0. */
  radius: number;
}

/**
 * Binary mask of a disk, for a circular region of interest around a particle.
 *
 * Pixel (x, y) — column x, row y, centre at integer coordinates — is inside when
 * (x − centerX)² + (y − centerY)² < radius² (strict, the convention of `skimage.draw.disk`).
 * The mask is row-major: element `y * width + x`, 1 inside and 0 outside. The disk may extend past
 * the image border; it is clipped. The loop visits only the rows and columns of the disk's
 * bounding box.
 *
 * @param options - See {@link CircleMaskOptions}.
 * @returns A `Uint8Array` of length `width × height`.
 * @throws RangeError if `width` or `height` is not an integer ≥ 1, if the centre is not finite, or
 * if `radius` is not a finite number > 0.
 *
 * @example
 * ```ts
 * import { circleMask } from '@intercalate/imaging';
 * const mask = circleMask({ width: 5, height: 5, centerX: 2, centerY: 2, radius: 1.5 });
 * mask.reduce((sum, v) => sum + v, 0); // 9: the centre pixel and its 8 neighbours
 * ```
 */
export function circleMask(options: CircleMaskOptions): Uint8Array {
  const width = assertFiniteNumber('width', options.width, { min: 1, integer: true, unit: 'px' });
  const height = assertFiniteNumber('height', options.height, {
    min: 1,
    integer: true,
    unit: 'px',
  });
  const centerX = assertFiniteNumber('centerX', options.centerX, { unit: 'px' });
  const centerY = assertFiniteNumber('centerY', options.centerY, { unit: 'px' });
  const radius = assertFiniteNumber('radius', options.radius, {
    min: 0,
    exclusiveMin: true,
    unit: 'px',
  });
  const mask = new Uint8Array(width * height);
  const radiusSquared = radius * radius;
  const yStart = Math.max(0, Math.ceil(centerY - radius));
  const yEnd = Math.min(height - 1, Math.floor(centerY + radius));
  const xStart = Math.max(0, Math.ceil(centerX - radius));
  const xEnd = Math.min(width - 1, Math.floor(centerX + radius));
  for (let y = yStart; y <= yEnd; y++) {
    const dy = y - centerY;
    const rowOffset = y * width;
    for (let x = xStart; x <= xEnd; x++) {
      const dx = x - centerX;
      if (dx * dx + dy * dy < radiusSquared) mask[rowOffset + x] = 1;
    }
  }
  return mask;
}
