import { describeValue } from '@intercalate/numerics';
import type { Image } from './image.js';
import { type ProgressOptions, readOptions, readProgress } from './progress.js';
import { gatherSpectra, mapImage, readMask, readStack } from './xanes-stack.js';

/** Options of {@link edgeEnergy}. */
export interface EdgeEnergyOptions extends ProgressOptions {
  /**
   * `'half-height'`: the energy where μ crosses half of the edge step, on the rising side of the
   * white line; `'derivative'`: the energy of the largest dμ/dE.
   * @defaultValue 'half-height'
   */
  method?: 'half-height' | 'derivative';
  /**
   * Energy range `[from, to]` (eV, inclusive) whose mean μ is the pre-edge level of the
   * half-height method; it must contain at least one energy.
   * @defaultValue the first max(1, round(n/10)) energies
   */
  preEdge?: readonly [number, number];
  /**
   * Energy range `[from, to]` (eV, inclusive) whose mean μ is the post-edge level.
   * @defaultValue the last max(1, round(n/10)) energies
   */
  postEdge?: readonly [number, number];
  /** Pixels to map (an image or an array of height × width samples, nonzero = inside). @defaultValue every pixel */
  mask?: Image | ArrayLike<number>;
  /** Destination for the map (one element per pixel), returned as the result's `data`. */
  out?: Float64Array;
}

/**
 * Maps the absorption-edge energy of every pixel of a TXM-XANES energy stack, the second common
 * oxidation-state marker after the white line (Yang & Lin, JPCC 2021).
 *
 * - `'half-height'`: with the pre-edge level a = mean μ over `preEdge` and the post-edge level
 *   b = mean μ over `postEdge` (constant levels, no slope correction), the edge is where μ
 *   crosses h = (a + b)/2: searching down from the white-line maximum k (the first largest μ)
 *   to the last i < k with μ_i < h, and interpolating linearly between E_i and E_(i+1). NaN when
 *   b ≤ a (no edge step), when μ_k < h or no point below h precedes the maximum.
 * - `'derivative'`: E_j with j the first index of the largest `numpy.gradient(μ, E)` (second-order
 *   differences on the non-uniform grid inside, one-sided first-order at both ends), as numpy
 *   1.24 computes it; the result is one of the measured energies.
 *
 * Pixels outside `mask` are NaN, and NaN samples propagate.
 *
 * @param stack - A 3D single-channel {@link Image} `[nEnergies, height, width]`.
 * @param energies - The energy of each plane, eV, strictly increasing; length nEnergies.
 * @param options - Method, edge ranges, mask, `out`, progress; see {@link EdgeEnergyOptions}.
 * @returns A `[height, width]` Float64 {@link Image} of edge energies in eV.
 * @throws TypeError if `stack` is not an image, `energies`, `mask`, `preEdge` or `postEdge` has
 * the wrong type.
 * @throws RangeError if the stack is not 3D single-channel or has fewer than 3 energies, the
 * energies are not finite and strictly increasing, `method` is unknown, a range is not finite,
 * reversed or holds no energy, or `mask`/`out` has the wrong size.
 * @throws Error named `AbortError` if `signal` is aborted.
 *
 * @example
 * ```ts
 * import { createImage, edgeEnergy } from '@intercalate/imaging';
 * // A linear ramp from 0 to 1 between 8330 and 8340 eV, flat outside (1 eV steps).
 * const energies = Array.from({ length: 31 }, (_, i) => 8320 + i);
 * const mu = Float64Array.from(energies, (e) => Math.min(1, Math.max(0, (e - 8330) / 10)));
 * edgeEnergy(createImage(mu, [31, 1, 1]), energies).data[0]; // 8335
 * ```
 */
export function edgeEnergy(
  stack: Image,
  energies: ArrayLike<number>,
  options?: EdgeEnergyOptions,
): Image<Float64Array> {
  const s = readStack(stack, energies, 3);
  const opts = readOptions<EdgeEnergyOptions>(
    options,
    '{ method?, preEdge?, postEdge?, mask?, out?, onProgress?, signal? }',
  );
  const method = opts.method ?? 'half-height';
  if (method !== 'half-height' && method !== 'derivative') {
    throw new RangeError(
      `method must be 'half-height' or 'derivative'; received ${describeValue(method)}`,
    );
  }
  const { nEnergies, height, width, data } = s;
  const e = s.energies;
  const pixels = height * width;
  const tail = Math.max(1, Math.round(nEnergies / 10));
  const pre = readRange('preEdge', opts.preEdge, e, [0, tail - 1]);
  const post = readRange('postEdge', opts.postEdge, e, [nEnergies - tail, nEnergies - 1]);
  const mask = readMask('mask', opts.mask, [height, width]);
  const result = mapImage(opts.out, height, width, s.spacing);
  const map = result.data;
  const blocks = Math.ceil(pixels / BLOCK);
  const progress = readProgress(opts, blocks, 'edgeEnergy');
  // numpy.gradient coefficients on the non-uniform grid: g_i = a_i f_(i−1) + b_i f_i + c_i f_(i+1).
  const ga = new Float64Array(nEnergies);
  const gb = new Float64Array(nEnergies);
  const gc = new Float64Array(nEnergies);
  for (let i = 1; i < nEnergies - 1; i++) {
    const d1 = (e[i] as number) - (e[i - 1] as number);
    const d2 = (e[i + 1] as number) - (e[i] as number);
    ga[i] = -d2 / (d1 * (d1 + d2));
    gb[i] = (d2 - d1) / (d1 * d2);
    gc[i] = d1 / (d2 * (d1 + d2));
  }
  const spectra = new Float64Array(BLOCK * nEnergies);
  for (let block = 0; block < blocks; block++) {
    const first = block * BLOCK;
    const count = Math.min(BLOCK, pixels - first);
    gatherSpectra(data, pixels, nEnergies, first, count, spectra);
    for (let p = 0; p < count; p++) {
      const pixel = first + p;
      if (mask !== undefined && mask[pixel] === 0) {
        map[pixel] = Number.NaN;
        continue;
      }
      const o = p * nEnergies;
      if (method === 'derivative') {
        const last = nEnergies - 1;
        let best =
          ((spectra[o + 1] as number) - (spectra[o] as number)) /
          ((e[1] as number) - (e[0] as number));
        let j = 0;
        let nan = Number.isNaN(best);
        for (let i = 1; i <= last; i++) {
          const g =
            i === last
              ? ((spectra[o + last] as number) - (spectra[o + last - 1] as number)) /
                ((e[last] as number) - (e[last - 1] as number))
              : (ga[i] as number) * (spectra[o + i - 1] as number) +
                (gb[i] as number) * (spectra[o + i] as number) +
                (gc[i] as number) * (spectra[o + i + 1] as number);
          if (Number.isNaN(g)) nan = true;
          if (g > best) {
            best = g;
            j = i;
          }
        }
        map[pixel] = nan ? Number.NaN : (e[j] as number);
        continue;
      }
      let a = 0;
      for (let i = pre[0]; i <= pre[1]; i++) a += spectra[o + i] as number;
      a /= pre[1] - pre[0] + 1;
      let b = 0;
      for (let i = post[0]; i <= post[1]; i++) b += spectra[o + i] as number;
      b /= post[1] - post[0] + 1;
      const half = 0.5 * (a + b);
      let k = -1;
      let top = Number.NEGATIVE_INFINITY;
      let nan = false;
      for (let i = 0; i < nEnergies; i++) {
        const v = spectra[o + i] as number;
        if (Number.isNaN(v)) nan = true;
        if (v > top) {
          top = v;
          k = i;
        }
      }
      if (nan || !(b > a) || k < 0 || top < half) {
        map[pixel] = Number.NaN;
        continue;
      }
      let i = k - 1;
      while (i >= 0 && (spectra[o + i] as number) >= half) i--;
      if (i < 0) {
        map[pixel] = Number.NaN;
        continue;
      }
      const y0 = spectra[o + i] as number;
      const y1 = spectra[o + i + 1] as number;
      const e0 = e[i] as number;
      map[pixel] = e0 + ((half - y0) * ((e[i + 1] as number) - e0)) / (y1 - y0);
    }
    progress.step(block + 1);
  }
  return result;
}

const BLOCK = 512;

/** Index range [first, last] of the energies inside an optional [from, to] eV range. */
function readRange(
  name: string,
  range: unknown,
  e: Float64Array,
  fallback: [number, number],
): [number, number] {
  if (range === undefined) return fallback;
  if (
    !(Array.isArray(range) || ArrayBuffer.isView(range)) ||
    (range as ArrayLike<unknown>).length !== 2 ||
    typeof (range as ArrayLike<unknown>)[0] !== 'number' ||
    typeof (range as ArrayLike<unknown>)[1] !== 'number'
  ) {
    throw new TypeError(
      `${name} must be an energy range [from, to] in eV; received ${describeValue(range)}`,
    );
  }
  const [from, to] = range as [number, number];
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) {
    throw new RangeError(
      `${name} must be a finite energy range [from, to] with from ≤ to (eV); received [${from}, ${to}]`,
    );
  }
  let first = -1;
  let last = -1;
  for (let i = 0; i < e.length; i++) {
    const v = e[i] as number;
    if (v >= from && v <= to) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) {
    throw new RangeError(
      `${name} must contain at least one of the energies (${e[0]} … ${e[e.length - 1]} eV); received [${from}, ${to}]`,
    );
  }
  return [first, last];
}
