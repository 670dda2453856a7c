/**
 * Internal: exact squared Euclidean distance (in pixels) from each pixel of a 2D/3D binary mask to
 * the nearest background pixel, where everything outside the image counts as background. The
 * separable lower-envelope algorithm of Felzenszwalb & Huttenlocher ("Distance Transforms of
 * Sampled Functions", Theory of Computing 8 (2012) 415–428), one 1D pass per axis, each line
 * extended by a virtual background sample at −1 and at n. O(pixels).
 */
export function squaredDistanceToBackground(
  mask: Uint8Array,
  shape: readonly number[],
): Float64Array {
  const dims = shape.length === 2 ? [1, shape[0] as number, shape[1] as number] : [...shape];
  const [depth, height, width] = dims as [number, number, number];
  const total = depth * height * width;
  const d = new Float64Array(total);
  for (let i = 0; i < total; i++) d[i] = mask[i] ? Number.POSITIVE_INFINITY : 0;
  const longest = Math.max(depth, height, width) + 2;
  const f = new Float64Array(longest);
  const out = new Float64Array(longest);
  const v = new Int32Array(longest);
  const z = new Float64Array(longest + 1);
  const pass = (n: number, start: number, stride: number) => {
    // f on positions 0 … n + 1 = original −1 … n; the two ends are background
    f[0] = 0;
    f[n + 1] = 0;
    for (let i = 0; i < n; i++) f[i + 1] = d[start + i * stride] as number;
    lowerEnvelope(f, n + 2, out, v, z);
    for (let i = 0; i < n; i++) d[start + i * stride] = out[i + 1] as number;
  };
  for (let zz = 0; zz < depth; zz++) {
    for (let y = 0; y < height; y++) pass(width, (zz * height + y) * width, 1);
  }
  for (let zz = 0; zz < depth; zz++) {
    for (let x = 0; x < width; x++) pass(height, zz * height * width + x, width);
  }
  if (depth > 1) {
    for (let i = 0; i < height * width; i++) pass(depth, i, height * width);
  }
  return d;
}

/** 1D squared distance transform of the sampled function f (length n; +∞ allowed). */
function lowerEnvelope(
  f: Float64Array,
  n: number,
  out: Float64Array,
  v: Int32Array,
  z: Float64Array,
): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[q] as number;
    if (fq === Number.POSITIVE_INFINITY) continue;
    while (k >= 0) {
      const p = v[k] as number;
      const s = (fq + q * q - ((f[p] as number) + p * p)) / (2 * (q - p));
      if (s <= (z[k] as number)) k--;
      else {
        k++;
        v[k] = q;
        z[k] = s;
        break;
      }
    }
    if (k < 0) {
      k = 0;
      v[0] = q;
      z[0] = Number.NEGATIVE_INFINITY;
    }
  }
  // k ≥ 0: the ends are finite (background)
  z[k + 1] = Number.POSITIVE_INFINITY;
  let j = 0;
  for (let q = 0; q < n; q++) {
    while ((z[j + 1] as number) < q) j++;
    const p = v[j] as number;
    out[q] = (q - p) * (q - p) + (f[p] as number);
  }
}
