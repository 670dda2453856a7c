import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImage, type LabelImage, label, regionProps } from '../src/index.js';

// regionProps accumulates per run of equal labels with closed-form run sums, offsets from each
// region's first pixel and shifted intensity sums. The reference here is the definition computed
// pixel by pixel with two passes (mean, then the mean squared deviation): pixel count, mean
// coordinate, bounding box, intensity mean/std (ddof 0)/min/max, the equivalent diameter
// (2·d·A/π)^(1/d) and, in 2D, √(1 − λ₂/λ₁) of the coordinate covariance (scikit-image's
// definitions, see region-props.ts).

interface Reference {
  count: number[];
  centroid: number[][];
  bbox: number[][];
  mean: number[];
  std: number[];
  min: number[];
  max: number[];
  eccentricity: number[];
}

function reference(
  labels: ArrayLike<number>,
  shape: number[],
  count: number,
  intensity: ArrayLike<number>,
): Reference {
  const ndim = shape.length;
  const [d, h, w] = ndim === 3 ? shape : [1, shape[0]!, shape[1]!];
  const members: number[][][] = Array.from({ length: count }, () => []);
  const values: number[][] = Array.from({ length: count }, () => []);
  for (let z = 0; z < d!; z++) {
    for (let y = 0; y < h!; y++) {
      for (let x = 0; x < w!; x++) {
        const i = (z * h! + y) * w! + x;
        const l = labels[i]!;
        if (l === 0) continue;
        members[l - 1]!.push(ndim === 3 ? [z, y, x] : [y, x]);
        values[l - 1]!.push(intensity[i]!);
      }
    }
  }
  const out: Reference = {
    count: [],
    centroid: [],
    bbox: [],
    mean: [],
    std: [],
    min: [],
    max: [],
    eccentricity: [],
  };
  for (let k = 0; k < count; k++) {
    const pts = members[k]!;
    const v = values[k]!;
    const m = pts.length;
    out.count.push(m);
    const c = Array.from({ length: ndim }, (_, a) => pts.reduce((s, p) => s + p[a]!, 0) / m);
    out.centroid.push(c);
    out.bbox.push([
      ...Array.from({ length: ndim }, (_, a) => Math.min(...pts.map((p) => p[a]!))),
      ...Array.from({ length: ndim }, (_, a) => Math.max(...pts.map((p) => p[a]!)) + 1),
    ]);
    const mean = v.reduce((s, t) => s + t, 0) / m;
    out.mean.push(mean);
    out.std.push(Math.sqrt(v.reduce((s, t) => s + (t - mean) ** 2, 0) / m));
    // NaN propagates to both the minimum and the maximum (numpy's min/max; documented)
    out.min.push(v.some(Number.isNaN) ? Number.NaN : Math.min(...v));
    out.max.push(v.some(Number.isNaN) ? Number.NaN : Math.max(...v));
    if (ndim === 2) {
      const cyy = pts.reduce((s, p) => s + (p[0]! - c[0]!) ** 2, 0) / m;
      const cxx = pts.reduce((s, p) => s + (p[1]! - c[1]!) ** 2, 0) / m;
      const cyx = pts.reduce((s, p) => s + (p[0]! - c[0]!) * (p[1]! - c[1]!), 0) / m;
      const half = (cyy + cxx) / 2;
      const root = Math.sqrt(((cyy - cxx) / 2) ** 2 + cyx * cyx);
      const l1 = half + root;
      out.eccentricity.push(l1 <= 1e-12 ? 0 : Math.sqrt(Math.max(0, 1 - (half - root) / l1)));
    }
  }
  return out;
}

const near = (actual: number, expected: number, tolerance: number): boolean =>
  Number.isNaN(expected)
    ? Number.isNaN(actual)
    : actual === expected ||
      Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

function agree(
  labels: LabelImage | ReturnType<typeof createImage>,
  count: number,
  intensity: ReturnType<typeof createImage>,
): boolean {
  const props = regionProps(labels, { intensity, boundary: false });
  const ref = reference(labels.data, [...labels.shape], count, intensity.data);
  const ndim = labels.shape.length;
  if (props.count !== count) return false;
  for (let k = 0; k < count; k++) {
    const m = ref.count[k]!;
    if (props.pixelCount[k] !== m) return false;
    if (m === 0) {
      if (!Number.isNaN(props.intensityMean![k]!) || props.bbox[2 * ndim * k] !== -1) return false;
      continue;
    }
    for (let a = 0; a < ndim; a++) {
      if (!near(props.centroid[ndim * k + a]!, ref.centroid[k]![a]!, 1e-12)) return false;
    }
    for (let a = 0; a < 2 * ndim; a++) {
      if (props.bbox[2 * ndim * k + a] !== ref.bbox[k]![a]) return false;
    }
    if (!near(props.intensityMean![k]!, ref.mean[k]!, 1e-12)) return false;
    if (!near(props.intensityStd![k]!, ref.std[k]!, 1e-9)) return false;
    if (!near(props.intensityMin![k]!, ref.min[k]!, 0)) return false;
    if (!near(props.intensityMax![k]!, ref.max[k]!, 0)) return false;
    const diameter = ((2 * ndim * m) / Math.PI) ** (1 / ndim);
    if (!near(props.equivalentDiameter[k]!, diameter, 1e-14)) return false;
    if (ndim === 2 && !near(props.eccentricity![k]!, ref.eccentricity[k]!, 1e-7)) return false;
  }
  return true;
}

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('regionProps sums against a pixel-by-pixel reference', () => {
  it('agrees on labels from label(), 2D and 3D, with uint16 intensities', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (ndim, sizes, seed) => {
          const shape = sizes.slice(0, ndim);
          const n = shape.reduce((a, b) => a * b, 1);
          const random = lcg(seed);
          const mask = Uint8Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
          const intensity = createImage(
            Uint16Array.from({ length: n }, () => Math.floor(random() * 65536)),
            shape,
          );
          const labels = label(createImage(mask, shape), { connectivity: 1 });
          return agree(labels, labels.count, intensity);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('agrees on labels out of raster order, with gaps, NaN intensities and touching regions', () => {
    // Hand-made label images: a region may appear before smaller labels, labels may be absent,
    // and different labels may touch inside one row (runs end where the label changes).
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 9 }),
        (ndim, sizes, seed, count) => {
          const shape = sizes.slice(0, ndim);
          const n = shape.reduce((a, b) => a * b, 1);
          const random = lcg(seed);
          const data = new Int32Array(n);
          let value = 0;
          for (let i = 0; i < n; i++) {
            if (random() < 0.3) value = random() < 0.4 ? 0 : 1 + Math.floor(random() * count);
            data[i] = value;
          }
          const intensity = createImage(
            Float64Array.from({ length: n }, () =>
              random() < 0.02 ? Number.NaN : 1e6 + random() * 10,
            ),
            shape,
          );
          const asLabelImage: LabelImage = { data, shape, count };
          // As an Image, the count is the largest label present.
          const asImage = createImage(Float32Array.from(data), shape);
          const largest = data.reduce((a, b) => Math.max(a, b), 0);
          return agree(asLabelImage, count, intensity) && agree(asImage, largest, intensity);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps the variance of a large bright region exact (shifted sums, no cancellation)', () => {
    // 60 000 pixels of 1e9 + (x mod 3): variance 2/3 exactly in the limit of whole periods.
    const w = 300;
    const h = 200;
    const labels = createImage(new Uint8Array(w * h).fill(1), [h, w]);
    const values = new Float64Array(w * h);
    for (let i = 0; i < values.length; i++) values[i] = 1e9 + (i % 3);
    const props = regionProps(labels, { intensity: createImage(values, [h, w]), boundary: false });
    expect(props.intensityMean![0]).toBeCloseTo(1e9 + 1, 6);
    expect(Math.abs(props.intensityStd![0]! ** 2 - 2 / 3)).toBeLessThan(1e-9);
    // 60 000 pixels: beyond the equivalent-diameter memo table, from the closed form.
    expect(props.equivalentDiameter[0]).toBeCloseTo(Math.sqrt((4 * 60000) / Math.PI), 10);
  });

  it('rejects a negative Int32 label inside a run of background it would otherwise skip', () => {
    for (const position of [0, 3, 7, 8, 15]) {
      const data = new Int32Array(16);
      data[position] = position === 7 ? -(2 ** 31) : -5;
      expect(() => regionProps({ data, shape: [2, 8], count: 1 })).toThrow(
        new RegExp(`labels.data\\[${position}\\] must be a label in 0 … labels.count`),
      );
    }
  });
});
