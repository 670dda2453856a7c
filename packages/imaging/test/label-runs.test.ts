import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImage, label, type PixelArray } from '../src/index.js';
import fixture from './fixtures/region-props.json';

// The run-based scan of `label` (src/label-runs.ts) checked against an independent reference: a
// breadth-first flood fill over the pixel graph, started from each unlabelled foreground pixel in
// raster order (so regions are numbered in raster order of their first pixel, the numbering of
// scikit-image and scipy). Neighbours are the pixels within `connectivity` orthogonal hops.

/** Flood-fill labelling (the reference): nonzero (and NaN) is foreground. */
function floodLabel(
  data: ArrayLike<number>,
  shape: number[],
  connectivity: number,
): { data: Int32Array; count: number } {
  const [d, h, w] = shape.length === 3 ? shape : [1, shape[0]!, shape[1]!];
  const out = new Int32Array(d! * h! * w!);
  const offsets: number[][] = [];
  for (let dz = shape.length === 3 ? -1 : 0; dz <= (shape.length === 3 ? 1 : 0); dz++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const hops = Math.abs(dz) + Math.abs(dy) + Math.abs(dx);
        if (hops > 0 && hops <= connectivity) offsets.push([dz, dy, dx]);
      }
    }
  }
  let count = 0;
  const queue: number[] = [];
  for (let start = 0; start < out.length; start++) {
    if (data[start] === 0 || out[start] !== 0) continue;
    out[start] = ++count;
    queue.length = 0;
    queue.push(start);
    while (queue.length > 0) {
      const i = queue.pop()!;
      const x = i % w!;
      const y = Math.floor(i / w!) % h!;
      const z = Math.floor(i / (w! * h!));
      for (const [dz, dy, dx] of offsets) {
        const zz = z + dz!;
        const yy = y + dy!;
        const xx = x + dx!;
        if (zz < 0 || zz >= d! || yy < 0 || yy >= h! || xx < 0 || xx >= w!) continue;
        const j = (zz * h! + yy) * w! + xx;
        if (data[j] === 0 || out[j] !== 0) continue;
        out[j] = count;
        queue.push(j);
      }
    }
  }
  return { data: out, count };
}

/** A seeded mask: each sample foreground with probability `density`, value from `values`. */
function randomMask(n: number, seed: number, density: number, values: number[]): number[] {
  let state = seed >>> 0;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const u = state / 2 ** 32;
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(u < density ? values[state % values.length]! : 0);
  }
  return out;
}

function expectSameAsFlood(mask: PixelArray, shape: number[], connectivity: 1 | 2 | 3): void {
  const expected = floodLabel(mask, shape, connectivity);
  const result = label(createImage(mask, shape), { connectivity });
  expect(result.count).toBe(expected.count);
  expect(Array.from(result.data)).toEqual(Array.from(expected.data));
}

const cases = fixture.cases as unknown as {
  name: string;
  shape: number[];
  mask: number[];
  labels: Record<string, { count: number; data: number[] }>;
}[];

describe('label (run-based scan) against a flood-fill reference', () => {
  it('the flood-fill reference itself reproduces the scikit-image 0.19 fixtures', () => {
    for (const c of cases) {
      for (const [connectivity, expected] of Object.entries(c.labels)) {
        const reference = floodLabel(c.mask, c.shape, Number(connectivity));
        expect(reference.count).toBe(expected.count);
        expect(Array.from(reference.data)).toEqual(expected.data);
      }
    }
  });

  it('matches the flood fill on random masks: 2D and 3D, every connectivity, thin and odd shapes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 11 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(0.05, 0.3, 0.5, 0.8),
        (ndim, sizes, seed, density) => {
          const shape = sizes.slice(0, ndim);
          const n = shape.reduce((a, b) => a * b, 1);
          const mask = Uint8Array.from(randomMask(n, seed, density, [1, 2, 128, 255]));
          for (let connectivity = 1; connectivity <= ndim; connectivity++) {
            expectSameAsFlood(mask, shape, connectivity as 1 | 2 | 3);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('joins runs that touch only diagonally, along rows and across planes', () => {
    // 2D staircase: runs [0, 3) and [3, 6) on successive rows touch by a corner only.
    const stairs = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    const shape2 = [3, 6];
    expect(label(createImage(stairs, shape2), { connectivity: 2 }).count).toBe(1);
    expect(label(createImage(stairs, shape2), { connectivity: 1 }).count).toBe(3);
    expectSameAsFlood(stairs, shape2, 1);
    expectSameAsFlood(stairs, shape2, 2);
    // 3D: a diagonal chain of single voxels (z, y, x) = (k, k, k): one region only at 26.
    const n = 5;
    const chain = new Uint8Array(n * n * n);
    for (let k = 0; k < n; k++) chain[(k * n + k) * n + k] = 1;
    expect(label(createImage(chain, [n, n, n]), { connectivity: 3 }).count).toBe(1);
    expect(label(createImage(chain, [n, n, n]), { connectivity: 2 }).count).toBe(n);
    // Edge contacts (z, y) steps with x fixed: one region at 18 and 26, n at 6.
    const edges = new Uint8Array(n * n * n);
    for (let k = 0; k < n; k++) edges[(k * n + k) * n + 2] = 1;
    expect(label(createImage(edges, [n, n, n]), { connectivity: 2 }).count).toBe(1);
    expect(label(createImage(edges, [n, n, n]), { connectivity: 1 }).count).toBe(n);
    for (const c of [1, 2, 3] as const) {
      expectSameAsFlood(chain, [n, n, n], c);
      expectSameAsFlood(edges, [n, n, n], c);
    }
  });

  it('never joins across a row or plane end (no wrap-around)', () => {
    // Row y ends with foreground at x = w − 1 and row y + 1 starts with it at x = 0: adjacent in
    // memory, far apart in the image.
    const w = 6;
    const wrap2 = new Uint8Array(3 * w);
    wrap2[w - 1] = 1;
    wrap2[w] = 1;
    wrap2[2 * w + w - 1] = 1;
    expect(label(createImage(wrap2, [3, w])).count).toBe(3);
    // Plane z ends with the last row full, plane z + 1 starts with its first row full.
    const wrap3 = new Uint8Array(2 * 3 * w);
    wrap3.fill(1, 2 * w, 3 * w);
    wrap3.fill(1, 3 * w, 4 * w);
    expect(label(createImage(wrap3, [2, 3, w])).count).toBe(2);
    for (const c of [1, 2] as const) expectSameAsFlood(wrap2, [3, w], c);
    for (const c of [1, 2, 3] as const) expectSameAsFlood(wrap3, [2, 3, w], c);
  });

  it('handles one-voxel-wide volumes and full rows in every orientation', () => {
    for (const shape of [
      [1, 1, 9],
      [1, 9, 1],
      [9, 1, 1],
      [4, 1, 7],
      [7, 4, 1],
      [1, 1],
      [1, 13],
      [13, 1],
    ]) {
      const n = shape.reduce((a, b) => a * b, 1);
      for (const density of [0.4, 1]) {
        const mask = Uint8Array.from(randomMask(n, 11 * n, density, [1]));
        for (let c = 1; c <= shape.length; c++) expectSameAsFlood(mask, shape, c as 1 | 2 | 3);
      }
    }
  });

  it('reads every pixel type: Uint16, Float32/Float64 with NaN as foreground and −0 as background', () => {
    const shape = [4, 5, 7];
    const n = 140;
    const base = randomMask(n, 5, 0.45, [1, 3, 65535]);
    const withSpecials = base.map((v, i) =>
      v === 0 ? (i % 7 === 0 ? -0 : 0) : i % 5 === 0 ? Number.NaN : v,
    );
    for (const mask of [
      Uint16Array.from(base),
      Float32Array.from(withSpecials),
      Float64Array.from(withSpecials),
    ]) {
      for (const c of [1, 2, 3] as const) expectSameAsFlood(mask, shape, c);
    }
  });

  it('reads a Uint8Array at any byte offset, with long background between single samples', () => {
    // Widths that are not multiples of 4 put row ends inside the 32-bit words of the fast skip;
    // an odd byteOffset disables it. Lone samples of value 0x80 sit at every position of a word.
    const width = 37;
    const shape = [3, 5, width];
    const n = 3 * 5 * width;
    for (const offset of [0, 1, 2, 3, 4]) {
      const buffer = new Uint8Array(n + offset);
      const mask = buffer.subarray(offset);
      for (let i = 3; i < n; i += 29) mask[i] = 0x80;
      for (let i = 100; i < 140; i++) mask[i] = 1; // a run crossing row ends
      for (const c of [1, 2, 3] as const) expectSameAsFlood(mask, shape, c);
    }
  });

  it('overwrites a reused buffer larger than one write block (labels and background)', () => {
    // 3 × 70 × 333 = 69 930 samples: more than one 65 536-sample block, rows not aligned to it.
    const shape = [3, 70, 333];
    const n = 3 * 70 * 333;
    const mask = Uint8Array.from(randomMask(n, 99, 0.3, [1]));
    const out = new Int32Array(n).fill(-7);
    for (const c of [1, 3] as const) {
      const expected = floodLabel(mask, shape, c);
      const result = label(createImage(mask, shape), { connectivity: c, out });
      expect(result.data).toBe(out);
      expect(result.count).toBe(expected.count);
      expect(Array.from(out)).toEqual(Array.from(expected.data));
      out.fill(123456);
    }
  });

  it('numbers regions in raster order of their first pixel when later runs merge earlier ones', () => {
    // Comb: teeth seen as separate runs on the first rows, joined by a bar on the last plane row.
    const w = 9;
    const comb = new Uint8Array(2 * 4 * w);
    for (let y = 0; y < 3; y++) for (let x = 0; x < w; x += 2) comb[y * w + x] = 1;
    comb.fill(1, 3 * w, 4 * w); // bar
    comb[4 * w + 1] = 1; // (z = 1, y = 0, x = 1): above a gap of plane 0, touches teeth at 18/26
    for (const c of [1, 2, 3] as const) expectSameAsFlood(comb, [2, 4, w], c);
    expect(label(createImage(comb, [2, 4, w]), { connectivity: 1 }).count).toBe(2);
    expect(label(createImage(comb, [2, 4, w]), { connectivity: 2 }).count).toBe(1);
  });
});
