import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImage, label } from '../src/index.js';
import fixture from './fixtures/region-props.json';

interface Case {
  name: string;
  shape: number[];
  mask: number[];
  labels: Record<string, { count: number; data: number[] }>;
}

const cases = fixture.cases as unknown as Case[];

/** Reverses axis `axis` (or swaps the last two axes when `axis` is 'T') of a C-order array. */
function transform(data: Uint8Array, shape: number[], op: number | 'T'): [Uint8Array, number[]] {
  const ndim = shape.length;
  const [d, h, w] = ndim === 3 ? shape : [1, shape[0]!, shape[1]!];
  const out = new Uint8Array(data.length);
  const newShape = op === 'T' ? [...shape.slice(0, -2), shape[ndim - 1]!, shape[ndim - 2]!] : shape;
  for (let z = 0; z < d!; z++) {
    for (let y = 0; y < h!; y++) {
      for (let x = 0; x < w!; x++) {
        const v = data[(z * h! + y) * w! + x]!;
        const axis = op === 'T' ? -1 : op + (3 - ndim); // 0 = z, 1 = y, 2 = x
        if (op === 'T') out[(z * w! + x) * h! + y] = v;
        else {
          const zz = axis === 0 ? d! - 1 - z : z;
          const yy = axis === 1 ? h! - 1 - y : y;
          const xx = axis === 2 ? w! - 1 - x : x;
          out[(zz * h! + yy) * w! + xx] = v;
        }
      }
    }
  }
  return [out, newShape];
}

describe('label', () => {
  it('matches skimage.measure.label 0.19 label for label (fixture region-props.py)', () => {
    for (const c of cases) {
      const mask = createImage(Uint8Array.from(c.mask), c.shape);
      for (const [connectivity, expected] of Object.entries(c.labels)) {
        const result = label(mask, { connectivity: Number(connectivity) as 1 | 2 | 3 });
        expect(result.count, `${c.name} connectivity ${connectivity}`).toBe(expected.count);
        expect(Array.from(result.data), `${c.name} connectivity ${connectivity}`).toEqual(
          expected.data,
        );
      }
    }
  });

  it('defaults to full connectivity (skimage), not the cross (scipy.ndimage)', () => {
    // The eye matrix from skimage's docstring: one region at connectivity 2, three at 1.
    const eye = createImage(Uint8Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]), [3, 3]);
    expect(label(eye).count).toBe(1);
    expect(Array.from(label(eye, { connectivity: 1 }).data)).toEqual([1, 0, 0, 0, 2, 0, 0, 0, 3]);
    // 3D: two voxels touching by a corner are one region only at connectivity 3.
    const corner = new Uint8Array(8);
    corner[0] = 1;
    corner[7] = 1;
    const cube = createImage(corner, [2, 2, 2]);
    expect(label(cube).count).toBe(1);
    expect(label(cube, { connectivity: 2 }).count).toBe(2);
    // Edge neighbours (two hops) join at 2, not at 1.
    const edge = new Uint8Array(8);
    edge[0] = 1;
    edge[3] = 1; // (0, 1, 1)
    expect(label(createImage(edge, [2, 2, 2]), { connectivity: 2 }).count).toBe(1);
    expect(label(createImage(edge, [2, 2, 2]), { connectivity: 1 }).count).toBe(2);
  });

  it('numbers regions in raster order of their first pixel, merging U shapes', () => {
    // A U whose arms are seen first as two provisional regions, then joined by the bottom row;
    // a later region must still be number 2.
    const u = createImage(Uint8Array.from([1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0]), [3, 5]);
    const result = label(u, { connectivity: 1 });
    expect(result.count).toBe(2);
    expect(Array.from(result.data)).toEqual([1, 0, 1, 0, 2, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0]);
  });

  it('overwrites a reused out buffer completely, background included', () => {
    const c = cases[0]!;
    const mask = createImage(Uint8Array.from(c.mask), c.shape);
    const out = new Int32Array(c.mask.length).fill(-7);
    const result = label(mask, { out });
    expect(result.data).toBe(out);
    expect(Array.from(out)).toEqual(c.labels['2']!.data);
  });

  it('handles empty, full and one-pixel-wide images, keeps shape and spacing', () => {
    expect(label(createImage(new Uint8Array(12), [3, 4])).count).toBe(0);
    const full = label(
      createImage(new Float32Array(24).fill(0.5), [2, 3, 4], { spacing: [2, 1, 1] }),
    );
    expect(full.count).toBe(1);
    expect(full.shape).toEqual([2, 3, 4]);
    expect(full.spacing).toEqual([2, 1, 1]);
    expect(label(createImage(Uint8Array.from([1, 0, 1, 1, 0, 1]), [6, 1])).count).toBe(3);
    expect(label(createImage(Uint8Array.from([1, 0, 1, 1, 0, 1]), [1, 6])).count).toBe(3);
  });

  it('keeps the region count under flips and transposes (the law of a topological invariant)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<number | 'T'>(0, 1, 2, 'T'),
        (ndim, sizes, seed, op) => {
          const shape = sizes.slice(0, ndim);
          let state = seed;
          const data = new Uint8Array(shape.reduce((a, b) => a * b, 1));
          for (let i = 0; i < data.length; i++) {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            data[i] = state >>> 30 === 0 ? 0 : 1;
          }
          const operation = op === 2 && ndim === 2 ? 1 : op;
          const [moved, movedShape] = transform(data, shape, operation);
          for (let connectivity = 1; connectivity <= ndim; connectivity++) {
            const options = { connectivity: connectivity as 1 | 2 | 3 };
            const a = label(createImage(data, shape), options);
            const b = label(createImage(moved, movedShape), options);
            if (a.count !== b.count) return false;
          }
          return true;
        },
      ),
    );
  });

  it('labels a 40³ volume of random voxels consistently with its region count bounds', () => {
    // Connectivity can only merge regions: count(1) ≥ count(2) ≥ count(3) ≥ 1.
    const data = new Uint8Array(40 ** 3);
    let state = 7;
    for (let i = 0; i < data.length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      data[i] = state >>> 31;
    }
    const image = createImage(data, [40, 40, 40]);
    const counts = [1, 2, 3].map((c) => label(image, { connectivity: c as 1 | 2 | 3 }).count);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
    expect(counts[1]).toBeGreaterThanOrEqual(counts[2]!);
    expect(counts[2]).toBeGreaterThanOrEqual(1);
  });

  it('reports progress per plane and stops on an aborted signal', () => {
    const image = createImage(new Uint8Array(4 * 3 * 3).fill(1), [4, 3, 3]);
    const seen: number[] = [];
    label(image, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    const controller = new AbortController();
    expect(() =>
      label(image, { signal: controller.signal, onProgress: () => controller.abort() }),
    ).toThrow(/aborted/);
  });

  it('rejects bad input naming the argument', () => {
    const mask = createImage(new Uint8Array(4), [2, 2]);
    expect(() => label(null as never)).toThrow(TypeError);
    expect(() => label({ data: [1, 0], shape: [1, 2] } as never)).toThrow(/mask/);
    expect(() => label(createImage(new Uint8Array(12), [2, 2], { channels: 3 }))).toThrow(
      /channel/,
    );
    expect(() => label(mask, { connectivity: 3 })).toThrow(
      /connectivity must be an integer ≥ 1 and ≤ 2; received 3/,
    );
    expect(() => label(mask, { connectivity: 0 as never })).toThrow(RangeError);
    expect(() => label(mask, { connectivity: '1' as never })).toThrow(TypeError);
    expect(() => label(mask, 5 as never)).toThrow(/options must be an object/);
    expect(() => label(mask, { out: new Float64Array(4) as never })).toThrow(
      /out must be an Int32Array; received Float64Array\(4\)/,
    );
    expect(() => label(mask, { out: new Int32Array(3) })).toThrow(
      /out must have one element per pixel of mask \(4\); received length 3/,
    );
    expect(() => label(mask, { signal: 'stop' as never })).toThrow(/signal/);
    expect(() => label(mask, { onProgress: 1 as never })).toThrow(/onProgress/);
  });
});
