import { createRng } from '@intercalate/numerics';
import { describe, expect, it } from 'vitest';
import { createImage, label, valenceGradient } from '../src/index.js';

/** A ball of radius r (voxel centres within r of the grid centre) and f(z, y, x) inside. */
function ball(
  r: number,
  f: (z: number, y: number, x: number) => number,
): { value: Float64Array; mask: Uint8Array; n: number } {
  const n = 2 * r + 3;
  const c = (n - 1) / 2;
  const value = new Float64Array(n ** 3);
  const mask = new Uint8Array(n ** 3);
  for (let z = 0; z < n; z++) {
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const i = (z * n + y) * n + x;
        if ((z - c) ** 2 + (y - c) ** 2 + (x - c) ** 2 <= r * r) {
          mask[i] = 1;
          value[i] = f(z - c, y - c, x - c);
        }
      }
    }
  }
  return { value, mask, n };
}

const total = (counts: Float64Array) => counts.reduce((s, v) => s + v, 0);

describe('valenceGradient', () => {
  it('gives θ = angle(e_x, v) for a linear field, with one-sided differences at the surface', () => {
    // f = 0.3·x is linear, so central and one-sided differences both give u = (0, 0, 0.3/dx)
    // exactly; θ is then the angle between +x and v = centre − p (closed form).
    const { value, mask, n } = ball(6, (_z, _y, x) => 0.3 * x);
    const spacing = [2, 1, 0.5];
    const result = valenceGradient(
      createImage(value, [n, n, n]),
      createImage(mask, [n, n, n], { spacing }),
    );
    const c = (n - 1) / 2;
    expect(Array.from(result.centres)).toEqual([c * 2, c * 1, c * 0.5]);
    for (let i = 0; i < n ** 3; i++) {
      if (mask[i] === 0) {
        expect(Number.isNaN(result.theta.data[i]!)).toBe(true);
        continue;
      }
      const z = Math.floor(i / (n * n));
      const y = Math.floor(i / n) % n;
      const x = i % n;
      expect(result.gradient[3 * i]).toBe(0);
      expect(result.gradient[3 * i + 1]).toBe(0);
      // A voxel with no x neighbour in the ball (the tips at ±z and ±y) has no x difference.
      const isolated = mask[i - 1] !== 1 && mask[i + 1] !== 1;
      if (isolated) {
        expect(result.gradient[3 * i + 2]).toBe(0);
        expect(Number.isNaN(result.theta.data[i]!)).toBe(true);
        continue;
      }
      expect(result.gradient[3 * i + 2]).toBeCloseTo(0.3 / 0.5, 12);
      const v = [(c - z) * 2, (c - y) * 1, (c - x) * 0.5];
      const norm = Math.hypot(v[0]!, v[1]!, v[2]!);
      if (norm === 0) expect(Number.isNaN(result.theta.data[i]!)).toBe(true);
      else {
        const expected = (Math.acos(v[2]! / norm) * 180) / Math.PI;
        expect(Math.abs(result.theta.data[i]! - expected)).toBeLessThan(1e-9);
      }
    }
  });

  it('piles θ at 180° when the value grows outwards and at 0° when it falls (radial order)', () => {
    const outward = ball(10, (z, y, x) => Math.hypot(z, y, x));
    const grows = valenceGradient(
      createImage(outward.value, [outward.n, outward.n, outward.n]),
      createImage(outward.mask, [outward.n, outward.n, outward.n]),
    );
    const counts = grows.histogram.counts;
    expect(counts.length).toBe(18);
    // A radial field has u ∥ −v exactly up to the discretization: > 90 % within 20° of 180°.
    expect((counts[16]! + counts[17]!) / total(counts)).toBeGreaterThan(0.9);
    expect(grows.meanAbsCos).toBeGreaterThan(0.97);
    const inward = ball(10, (z, y, x) => -Math.hypot(z, y, x));
    const falls = valenceGradient(
      createImage(inward.value, [inward.n, inward.n, inward.n]),
      createImage(inward.mask, [inward.n, inward.n, inward.n]),
    );
    expect(
      (falls.histogram.counts[0]! + falls.histogram.counts[1]!) / total(counts),
    ).toBeGreaterThan(0.9);
  });

  it('follows the isotropic sin θ law for a random field, tangential fields give θ ≈ 90°', () => {
    const rng = createRng(2021);
    const noisy = ball(16, () => rng.normal());
    const random = valenceGradient(
      createImage(noisy.value, [noisy.n, noisy.n, noisy.n]),
      createImage(noisy.mask, [noisy.n, noisy.n, noisy.n]),
      { bins: 9 },
    );
    // Inside (all six neighbours in the ball) u is the central difference, whose components are
    // i.i.d. normal for Gaussian noise: an isotropic direction, so θ follows sin θ/2 and the
    // expected fraction per 20° bin is (cos a − cos b)/2. (At the surface the one-sided radial
    // difference has 4× the variance of the central ones and tilts θ towards 0°/180°.)
    const n = noisy.n;
    const inner = new Float64Array(9);
    for (let i = 0; i < n ** 3; i++) {
      const all = [1, n, n * n].every((s) => noisy.mask[i + s] === 1 && noisy.mask[i - s] === 1);
      if (noisy.mask[i] === 1 && all) {
        inner[Math.min(8, Math.floor(random.theta.data[i]! / 20))]! += 1;
      }
    }
    const sum = total(inner);
    expect(sum).toBeGreaterThan(14000);
    let chi2 = 0;
    for (let k = 0; k < 9; k++) {
      const expected = random.isotropic[k]! * sum;
      chi2 += (inner[k]! - expected) ** 2 / expected;
    }
    // 8 degrees of freedom: P(χ² > 26.1) = 0.001 for independent voxels (neighbouring voxels
    // share samples, which adds some spread, so the bound is loose, but a sin θ law is needed).
    expect(chi2).toBeLessThan(30);
    const all = total(random.histogram.counts);
    for (let k = 0; k < 9; k++) {
      expect(Math.abs(random.histogram.counts[k]! / all - random.isotropic[k]!)).toBeLessThan(0.03);
    }
    expect(Math.abs(random.meanAbsCos - 0.5)).toBeLessThan(0.05);
    expect(random.isotropic.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    // A field that varies only around the z axis (the azimuth) has u ⟂ the radius: θ near 90°.
    const swirl = ball(10, (_z, y, x) => Math.atan2(y, x + 0.1));
    const tangential = valenceGradient(
      createImage(swirl.value, [swirl.n, swirl.n, swirl.n]),
      createImage(swirl.mask, [swirl.n, swirl.n, swirl.n]),
    );
    expect(tangential.meanAbsCos).toBeLessThan(0.3);
  });

  it('treats each mask value as its own particle and never differences across particles', () => {
    // Two 3 × 3 × 3 cubes side by side along x, constant values 1 and 5: inside each particle the
    // gradient is 0 (the jump between them is not a gradient), so θ is NaN everywhere.
    const [d, h, w] = [3, 3, 6];
    const value = new Float64Array(d * h * w);
    const mask = new Uint8Array(d * h * w).fill(1);
    for (let i = 0; i < value.length; i++) value[i] = i % w < 3 ? 1 : 5;
    const labels = label(
      createImage(
        Uint8Array.from(mask, (_v, i) => (i % w === 2 ? 0 : 1)),
        [d, h, w],
      ),
    );
    expect(labels.count).toBe(2);
    const result = valenceGradient(createImage(value, [d, h, w]), labels);
    expect(Array.from(result.centres)).toEqual([1, 1, 0.5, 1, 1, 4]);
    expect(result.theta.data.every((t) => Number.isNaN(t))).toBe(true);
    expect(total(result.histogram.counts)).toBe(0);
    expect(Number.isNaN(result.meanAbsCos)).toBe(true);
  });

  it('reports progress and rejects bad input naming the argument', () => {
    const value = createImage(new Float64Array(8), [2, 2, 2]);
    const mask = createImage(new Uint8Array(8).fill(1), [2, 2, 2]);
    const seen: number[] = [];
    valenceGradient(value, mask, { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(() => valenceGradient(createImage(new Float64Array(4), [2, 2]), mask)).toThrow(
      /volume must be 3D/,
    );
    expect(() => valenceGradient(value, createImage(new Uint8Array(4), [1, 2, 2]))).toThrow(
      /mask must have the shape of volume/,
    );
    expect(() =>
      valenceGradient(value, createImage(Float32Array.from([0.5, 0, 0, 0, 0, 0, 0, 0]), [2, 2, 2])),
    ).toThrow(/mask.data\[0\] must be an integer label/);
    expect(() => valenceGradient(value, mask, { spacing: [1, 1] })).toThrow(/spacing must have 3/);
    expect(() => valenceGradient(value, mask, { spacing: [1, 0, 1] })).toThrow(/spacing\[1\]/);
    expect(() => valenceGradient(value, mask, { spacing: 2 as never })).toThrow(TypeError);
    expect(() => valenceGradient(value, mask, { bins: 0 })).toThrow(/bins/);
    expect(() => valenceGradient(value, undefined as never)).toThrow(TypeError);
    const controller = new AbortController();
    controller.abort();
    expect(() => valenceGradient(value, mask, { signal: controller.signal })).toThrow(/aborted/);
  });
});
