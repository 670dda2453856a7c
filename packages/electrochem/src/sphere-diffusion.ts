/**
 * Internal: finite-volume diffusion in a sphere with a concentration-dependent diffusivity,
 * backward Euler in time, with the surface flux as a free parameter (superposition), solved by the
 * Thomas algorithm with two right-hand sides. Preallocated: a step allocates nothing.
 *
 * Geometry (per steradian, the factor 4π cancels): faces r_0 = 0 < r_1 < … < r_M = R, cell
 * volumes V_i = (r_{i+1}³ − r_i³)/3, face areas r_f², cell centres m_i = (r_i + r_{i+1})/2.
 * Flux through interior face f (between cells f − 1 and f) = g_f·(c_{f−1} − c_f) with
 * g_f = r_f²·D_f/(m_f − m_{f−1}) and D_f the arithmetic mean of the two cells' D. The exact
 * steady flux between two concentrations is the Kirchhoff mean ∫D dc/Δc; when D changes by orders
 * of magnitude over the interval (the NMC laws near x = 1), the arithmetic mean is the closer of
 * the two simple means, while the harmonic mean (Patankar's choice for material interfaces) lets
 * the lowest D block a whole shell and releases it in an artificial second burst. The outward
 * flux j (mol m⁻² s⁻¹) leaves through the surface, area R².
 *
 * Backward Euler for the increment Δc = c^{n+1} − c^n (increment form: rounding errors scale with
 * the change, not with c, so lithium is conserved to round-off of the change):
 * (diag(V) + Δt·L) Δc = −Δt·L·c^n − Δt·R²·j·e_{M−1},
 * Δc = Δ0 + j·Δ1 by linearity. Σ V_i Δc_i = −Δt R² j exactly (column sums of L are zero).
 *
 * @module
 * @internal
 */
import type { TransportLaw } from './transport-laws.js';

/** Shell layout of a sphere. */
export type ShellGrid = 'equal-width' | 'equal-volume';

/** @internal */
export interface SphereGrid {
  shells: number;
  radius: number;
  faces: Float64Array; // M + 1
  volumes: Float64Array; // M, per steradian
  /** r_f²/(m_f − m_{f−1}) for interior faces f = 1..M−1 (index f). */
  geometry: Float64Array;
  /** Total volume per steradian R³/3. */
  totalVolume: number;
}

/** @internal */
export function sphereGrid(radius: number, shells: number, grid: ShellGrid): SphereGrid {
  const faces = new Float64Array(shells + 1);
  for (let k = 0; k <= shells; k++) {
    faces[k] = grid === 'equal-width' ? (radius * k) / shells : radius * Math.cbrt(k / shells);
  }
  faces[shells] = radius;
  const volumes = new Float64Array(shells);
  for (let i = 0; i < shells; i++) volumes[i] = (faces[i + 1]! ** 3 - faces[i]! ** 3) / 3;
  const geometry = new Float64Array(shells);
  for (let f = 1; f < shells; f++) {
    const left = 0.5 * (faces[f - 1]! + faces[f]!);
    const right = 0.5 * (faces[f]! + faces[f + 1]!);
    geometry[f] = (faces[f]! * faces[f]!) / (right - left);
  }
  return { shells, radius, faces, volumes, geometry, totalVolume: radius ** 3 / 3 };
}

/** Scratch space of {@link diffusionStep}. @internal */
export interface DiffusionWork {
  d: Float64Array; // D per cell
  g: Float64Array; // conductance per face
  cp: Float64Array; // Thomas upper coefficients
  base: Float64Array; // Δ0
  unit: Float64Array; // Δ1
}

/** @internal */
export function diffusionWork(shells: number): DiffusionWork {
  return {
    d: new Float64Array(shells),
    g: new Float64Array(shells),
    cp: new Float64Array(shells),
    base: new Float64Array(shells),
    unit: new Float64Array(shells),
  };
}

/**
 * Evaluates D at each cell of `c` (x = c/cMax clamped to [0, 1]) into `work.d`, checking the law.
 * @internal
 */
export function evaluateDiffusivity(
  law: TransportLaw,
  c: Float64Array,
  offset: number,
  shells: number,
  cMax: number,
  work: DiffusionWork,
  name: string,
  d: Float64Array = work.d,
  dOffset = 0,
): void {
  for (let i = 0; i < shells; i++) {
    let x = c[offset + i]! / cMax;
    x = x < 0 ? 0 : Math.min(x, 1);
    const value = law(x);
    if (!(typeof value === 'number' && value > 0 && value < Number.POSITIVE_INFINITY)) {
      throw new RangeError(
        `${name} must return a finite number > 0 (m² s⁻¹); ${name}(${x}) returned ${String(value)}`,
      );
    }
    d[dOffset + i] = value;
  }
}

/**
 * One backward-Euler step with the D values in `work.d`: fills `work.base` (Δ0) and `work.unit`
 * (Δ1, the increment per unit outward flux j) for the cells `c[offset .. offset + M)`.
 * @internal
 */
export function diffusionStep(
  grid: SphereGrid,
  c: Float64Array,
  offset: number,
  dt: number,
  work: DiffusionWork,
  d: Float64Array = work.d,
  dOffset = 0,
): void {
  const { shells: m, volumes, geometry, radius } = grid;
  const { g, cp, base, unit } = work;
  for (let f = 1; f < m; f++) {
    const a = d[dOffset + f - 1]!;
    const b = d[dOffset + f]!;
    g[f] = geometry[f]! * 0.5 * (a + b);
  }
  // Right-hand sides: −Δt·L·c^n by face fluxes (antisymmetric, so they sum to zero), and the
  // surface term per unit flux.
  base.fill(0);
  for (let f = 1; f < m; f++) {
    const flux = dt * g[f]! * (c[offset + f - 1]! - c[offset + f]!);
    base[f - 1] = base[f - 1]! - flux;
    base[f] = base[f]! + flux;
  }
  unit.fill(0);
  unit[m - 1] = -dt * radius * radius;
  // Thomas algorithm: sub/super diagonal −Δt·g, diagonal V_i + Δt(g_i + g_{i+1}).
  let previous = 0; // cp of the previous row
  for (let i = 0; i < m; i++) {
    const lower = i > 0 ? -dt * g[i]! : 0;
    const upper = i < m - 1 ? -dt * g[i + 1]! : 0;
    const diagonal = volumes[i]! + (i > 0 ? dt * g[i]! : 0) + (i < m - 1 ? dt * g[i + 1]! : 0);
    const pivot = diagonal - lower * previous;
    cp[i] = upper / pivot;
    base[i] = (base[i]! - lower * (i > 0 ? base[i - 1]! : 0)) / pivot;
    unit[i] = (unit[i]! - lower * (i > 0 ? unit[i - 1]! : 0)) / pivot;
    previous = cp[i]!;
  }
  for (let i = m - 2; i >= 0; i--) {
    base[i] = base[i]! - cp[i]! * base[i + 1]!;
    unit[i] = unit[i]! - cp[i]! * unit[i + 1]!;
  }
}

/** Σ V_i c_i over the cells (mol per steradian). @internal */
export function inventory(grid: SphereGrid, c: Float64Array, offset: number): number {
  let sum = 0;
  for (let i = 0; i < grid.shells; i++) sum += grid.volumes[i]! * c[offset + i]!;
  return sum;
}
