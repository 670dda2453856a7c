import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createImage, label, regionProps } from '../src/index.js';
import { croftonFractions } from '../src/region-props.js';
import fixture from './fixtures/region-props.json';

interface Props {
  label: number;
  area: number;
  centroid: number[];
  bbox: number[];
  equivalent_diameter: number;
  intensity_mean: number;
  intensity_min: number;
  intensity_max: number;
  intensity_std: number;
  eccentricity?: number;
  perimeter?: number;
}
interface Case {
  name: string;
  shape: number[];
  mask: number[];
  intensity: number[];
  labels: Record<string, { count: number; data: number[]; props: Props[] }>;
}
const cases = fixture.cases as unknown as Case[];

const close = (actual: number, expected: number, tolerance = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    tolerance * Math.max(1, Math.abs(expected)),
  );

function ball(radius: number, spacing = [1, 1, 1]) {
  // Voxel centres within `radius` (physical units) of the centre of an odd grid.
  const sizes = spacing.map((s) => 2 * Math.ceil(radius / s) + 5);
  const [d, h, w] = sizes as [number, number, number];
  const data = new Uint8Array(d * h * w);
  for (let z = 0; z < d; z++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const pz = (z - (d - 1) / 2) * spacing[0]!;
        const py = (y - (h - 1) / 2) * spacing[1]!;
        const px = (x - (w - 1) / 2) * spacing[2]!;
        if (pz * pz + py * py + px * px <= radius * radius) data[(z * h + y) * w + x] = 1;
      }
    }
  }
  return createImage(data, sizes, { spacing });
}

describe('regionProps', () => {
  it('matches skimage.measure.regionprops 0.19 on seeded 2D/3D blobs (fixture region-props.py)', () => {
    for (const c of cases) {
      const intensity = createImage(Float64Array.from(c.intensity), c.shape);
      for (const [connectivity, expected] of Object.entries(c.labels)) {
        const labels = createImage(Float64Array.from(expected.data), c.shape);
        const props = regionProps(labels, { intensity });
        const ndim = c.shape.length;
        expect(props.count).toBe(expected.count);
        for (const p of expected.props) {
          const k = p.label - 1;
          const where = `${c.name}/${connectivity} label ${p.label}`;
          expect(props.area[k], where).toBe(p.area);
          expect(props.pixelCount[k], where).toBe(p.area);
          for (let axis = 0; axis < ndim; axis++)
            close(props.centroid[k * ndim + axis]!, p.centroid[axis]!);
          expect(Array.from(props.bbox.subarray(2 * ndim * k, 2 * ndim * (k + 1))), where).toEqual(
            p.bbox,
          );
          close(props.equivalentDiameter[k]!, p.equivalent_diameter, 1e-12);
          close(props.intensityMean![k]!, p.intensity_mean, 1e-12);
          close(props.intensityStd![k]!, p.intensity_std, 1e-9);
          expect(props.intensityMin![k]).toBe(p.intensity_min);
          expect(props.intensityMax![k]).toBe(p.intensity_max);
          if (ndim === 2) {
            close(props.eccentricity![k]!, p.eccentricity!, 1e-9);
            close(props.perimeter![k]!, p.perimeter!, 1e-12);
          }
        }
      }
    }
  });

  it('measures a disc: area, centroid, diameter, eccentricity and perimeter (closed forms)', () => {
    const r = 20;
    const size = 51;
    const data = new Uint8Array(size * size);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if ((y - 25) ** 2 + (x - 25) ** 2 <= r * r) data[y * size + x] = 1;
      }
    }
    const props = regionProps(label(createImage(data, [size, size], { spacing: [0.5, 0.5] })));
    const pixels = props.pixelCount[0]!;
    // Gauss circle problem: |N(r) − πr²| is O(r^(2/3)); for r = 20, N = 1257 exactly.
    expect(pixels).toBe(1257);
    expect(props.area[0]).toBe(1257 * 0.25);
    expect(Array.from(props.centroid)).toEqual([12.5, 12.5]);
    // Equivalent diameter of area A: 2√(A/π) ≈ 2 r × spacing within the Gauss-circle error.
    close(props.equivalentDiameter[0]!, 2 * Math.sqrt((1257 * 0.25) / Math.PI), 1e-14);
    expect(Math.abs(props.equivalentDiameter[0]! - 20)).toBeLessThan(0.02);
    // A disc is isotropic: eccentricity 0 by symmetry (covariance ∝ identity).
    expect(props.eccentricity![0]).toBeLessThan(1e-9);
    // Perimeter: 2πr = 125.66 px; scikit-image's estimator overestimates a digital disc by about
    // 5 % (skimage 0.19 gives 131.882 for r = 10, 20, 40 alike: 1.0495 × 2πr), in spacing units.
    const perimeterPixels = props.perimeter![0]! / 0.5;
    expect(perimeterPixels / (2 * Math.PI * r)).toBeGreaterThan(1.03);
    expect(perimeterPixels / (2 * Math.PI * r)).toBeLessThan(1.07);
  });

  it('gives an ellipse the eccentricity √(1 − b²/a²) (closed form)', () => {
    const a = 30;
    const b = 15;
    const [h, w] = [41, 71];
    const data = new Uint8Array(h * w);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (((y - 20) / b) ** 2 + ((x - 35) / a) ** 2 <= 1) data[y * w + x] = 1;
      }
    }
    const props = regionProps(createImage(data, [h, w]));
    expect(Math.abs(props.eccentricity![0]! - Math.sqrt(1 - (b * b) / (a * a)))).toBeLessThan(0.01);
    // The same ellipse on pixels twice as tall: anisotropic spacing makes it a circle, whose
    // eccentricity is 0 up to digitization (λ₂/λ₁ = 1 − ecc² within 3 %).
    const circle = regionProps(createImage(data, [h, w], { spacing: [2, 1] }));
    expect(1 - circle.eccentricity![0]! ** 2).toBeGreaterThan(0.97);
    expect(props.eccentricity![0]!).toBeGreaterThan(0.8);
    expect(Number.isNaN(circle.perimeter![0]!)).toBe(true);
  });

  it('measures a ball: volume, diameter and the Crofton surface within 2 % of 4πr²', () => {
    for (const { radius, spacing } of [
      { radius: 10, spacing: [1, 1, 1] },
      { radius: 20, spacing: [1, 1, 1] },
      { radius: 12, spacing: [1.5, 1, 0.75] },
    ]) {
      const image = ball(radius, spacing);
      const props = regionProps(label(image));
      const volume = (4 / 3) * Math.PI * radius ** 3;
      expect(Math.abs(props.area[0]! / volume - 1)).toBeLessThan(0.02);
      expect(Math.abs(props.equivalentDiameter[0]! / (2 * radius) - 1)).toBeLessThan(0.01);
      const sphere = 4 * Math.PI * radius ** 2;
      expect(Math.abs(props.surfaceArea![0]! / sphere - 1)).toBeLessThan(0.02);
      for (let axis = 0; axis < 3; axis++) {
        close(props.centroid[axis]!, ((image.shape[axis]! - 1) / 2) * spacing[axis]!, 1e-12);
      }
    }
  });

  it('beats marching cubes on the binary ball and face counting (skimage fixture)', () => {
    for (const b of fixture.balls) {
      const props = regionProps(label(ball(b.radius)));
      expect(props.pixelCount[0]).toBe(b.voxels); // same digitization as the fixture
      const sphere = 4 * Math.PI * b.radius ** 2;
      const crofton = Math.abs(props.surfaceArea![0]! / sphere - 1);
      const marching = Math.abs(b.marching_cubes_area / sphere - 1);
      expect(marching).toBeGreaterThan(0.07); // skimage's mesh on a binary mask: ≈ +8 to +9 %
      expect(crofton).toBeLessThan(marching / 3);
    }
  });

  it('uses Crofton direction weights that are the Voronoi solid-angle fractions', () => {
    // The cubic constants and the Fibonacci-sphere integration agree, and both sum to 1.
    const cubic = croftonFractions([1, 1, 1]);
    const sampled = croftonFractions([1, 1, 1.0000001]);
    expect(cubic.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    for (let k = 0; k < 26; k++) expect(Math.abs(cubic[k]! - sampled[k]!)).toBeLessThan(5e-5);
    // An axis-aligned face is the estimator's worst case: per unit area of a plane with normal
    // e_z, 2 Σ_d c_d |e_z·d̂| = 2(2c₁ + 8c₂/√2 + 8c₃/√3) = 0.92662 (closed form). A 20³ cube adds
    // the loss at its edges, so its estimate lies a little below 0.9266 × 6·20².
    const planeFactor =
      2 * (2 * cubic[4]! + (8 * cubic[1]!) / Math.SQRT2 + (8 * cubic[0]!) / Math.sqrt(3));
    expect(planeFactor).toBeCloseTo(0.92662, 4);
    const n = 24;
    const cube = new Uint8Array(n ** 3);
    for (let z = 2; z < 22; z++) {
      for (let y = 2; y < 22; y++) cube.fill(1, (z * n + y) * n + 2, (z * n + y) * n + 22);
    }
    const ratio = regionProps(createImage(cube, [n, n, n])).surfaceArea![0]! / (6 * 400);
    expect(ratio).toBeLessThan(planeFactor);
    expect(ratio).toBeGreaterThan(planeFactor - 0.05);
  });

  it('region areas sum to the foreground count, and bounding boxes hold every pixel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (ndim, sizes, seed) => {
          const shape = sizes.slice(0, ndim);
          let state = seed;
          const data = new Uint8Array(shape.reduce((a, b) => a * b, 1));
          let foreground = 0;
          for (let i = 0; i < data.length; i++) {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            data[i] = state >>> 31;
            foreground += data[i]!;
          }
          const labels = label(createImage(data, shape), { connectivity: 1 });
          const props = regionProps(labels);
          const total = props.area.reduce((s, v) => s + v, 0);
          if (total !== foreground) return false;
          // every labelled pixel is inside its region's box
          const [d, h, w] = ndim === 3 ? shape : [1, ...shape];
          for (let z = 0; z < d!; z++) {
            for (let y = 0; y < h!; y++) {
              for (let x = 0; x < w!; x++) {
                const l = labels.data[(z * h! + y) * w! + x]!;
                if (l === 0) continue;
                const box = props.bbox.subarray(2 * ndim * (l - 1), 2 * ndim * l);
                const coords = ndim === 3 ? [z, y, x] : [y, x];
                for (let a = 0; a < ndim; a++) {
                  if (coords[a]! < box[a]! || coords[a]! >= box[ndim + a]!) return false;
                }
              }
            }
          }
          return true;
        },
      ),
    );
  });

  it('reports absent labels as empty, propagates NaN intensities, can skip the boundary pass', () => {
    const labels = createImage(Uint16Array.from([0, 3, 3, 1]), [2, 2]);
    const intensity = createImage(Float64Array.from([5, Number.NaN, 1, 7]), [2, 2]);
    const props = regionProps(labels, { intensity, boundary: false });
    expect(props.count).toBe(3);
    expect(Array.from(props.area)).toEqual([1, 0, 2]);
    expect(Number.isNaN(props.centroid[2]!)).toBe(true);
    expect(Array.from(props.bbox.subarray(4, 8))).toEqual([-1, -1, -1, -1]);
    expect(props.perimeter).toBeUndefined();
    expect(props.intensityMean![0]).toBe(7);
    expect(props.intensityStd![0]).toBe(0);
    expect(Number.isNaN(props.intensityMean![2]!)).toBe(true);
    expect(Number.isNaN(props.intensityMax![2]!)).toBe(true);
  });

  it('rejects bad input naming the argument', () => {
    const labels = createImage(Uint8Array.from([0, 1, 1, 0]), [2, 2]);
    expect(() => regionProps(undefined as never)).toThrow(TypeError);
    expect(() => regionProps(createImage(Float32Array.from([0, 1.5, 0, 0]), [2, 2]))).toThrow(
      /labels.data\[1\] must be an integer label/,
    );
    expect(() => regionProps({ data: Int32Array.from([0, -1]), shape: [1, 2], count: 1 })).toThrow(
      /labels.data\[1\] must be a label in 0 … labels.count \(1\); received -1/,
    );
    expect(() =>
      regionProps({ data: Int32Array.from([0, 1, 2]), shape: [1, 3], count: 1 }),
    ).toThrow(/labels.data\[2\] must be a label in 0 … labels.count \(1\); received 2/);
    expect(() => regionProps({ data: Int32Array.from([0, 1]), shape: [1, 2], count: -1 })).toThrow(
      /labels.count/,
    );
    expect(() =>
      regionProps({ data: Int32Array.from([0, 1]), shape: [1, 2], count: 1, spacing: [1] }),
    ).toThrow(/labels.spacing must be an array with one entry per axis/);
    expect(() =>
      regionProps({ data: Int32Array.from([0, 1]), shape: [1, 2], count: 1, spacing: [1, 0] }),
    ).toThrow(/labels.spacing\[1\]/);
    expect(() => regionProps({ data: new Int32Array(3), shape: [1, 2], count: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      regionProps(labels, { intensity: createImage(new Uint8Array(6), [2, 3]) }),
    ).toThrow(/intensity must have the shape of labels \[2, 2\]; received \[2, 3\]/);
    expect(() => regionProps(labels, { spacing: [1] })).toThrow(
      /spacing must have one entry per axis/,
    );
    expect(() => regionProps(labels, { spacing: [1, -2] })).toThrow(/spacing\[1\]/);
    expect(() => regionProps(labels, { spacing: 'a' as never })).toThrow(TypeError);
    expect(() => regionProps(labels, { boundary: 'yes' as never })).toThrow(/boundary/);
    expect(() => regionProps(labels, 3 as never)).toThrow(/options/);
  });
});
