import { MATERIALS } from './materials.js';

/**
 * Illustrative (synthetic, **not measured**) lattice parameters against lithium content for one
 * material; see {@link examples} for how they are built.
 */
export interface IllustrativeLatticeCurves {
  /** The material whose pristine cell (Table 1 of the paper) anchors the curves at c_Li = 1. */
  readonly material: 'NMC622' | 'NMC811' | 'LNO';
  /** Always `true`: these curves are a construction, not data. */
  readonly illustrative: true;
  /** One sentence saying what the curves are. */
  readonly description: string;
  /** Lithium contents 0.20, 0.21, …, 1.00 (81 values). */
  readonly cLi: Float64Array;
  /** Lattice parameter a = d_TM (Å) at each c_Li. */
  readonly a: Float64Array;
  /** Lattice parameter c = 3·d_IL (Å) at each c_Li. */
  readonly c: Float64Array;
}

/** Position of the d_IL (c) maximum. */
const IL_MAXIMUM = 0.4;
/** Decay length λ of the c collapse below the maximum. */
const COLLAPSE_LENGTH = 0.1;
/** α (Å): slope of c against 1 − c_Li far above the maximum. */
const C_SLOPE = 0.5;
/** Position of the largest d(d_TM)/dc_Li. */
const TM_STEEPEST = 0.62;
/** Logistic width s of the a drop; sets the plateau onset (slope at 10 % of its maximum) at 0.32. */
const TM_WIDTH = 0.0731;
/** Total logistic drop Δa (Å). */
const TM_DROP = 0.055;
/** Residual slope κ (Å per unit c_Li) in the plateau: 4 % of the logistic's largest slope. */
const TM_FLOOR = (0.04 * TM_DROP) / (4 * TM_WIDTH);

const logistic = (z: number): number => 1 / (1 + Math.exp(-z));

function curves(material: 'NMC622' | 'NMC811' | 'LNO'): IllustrativeLatticeCurves {
  const { a: a1, c: c1 } = MATERIALS[material].pristine;
  const n = 81;
  const cLi = new Float64Array(n);
  const a = new Float64Array(n);
  const c = new Float64Array(n);
  const g1 = Math.exp((IL_MAXIMUM - 1) / COLLAPSE_LENGTH);
  const s1 = logistic((1 - TM_STEEPEST) / TM_WIDTH);
  for (let i = 0; i < n; i++) {
    const x = (20 + i) / 100;
    cLi[i] = x;
    a[i] = a1 - TM_DROP * (s1 - logistic((x - TM_STEEPEST) / TM_WIDTH)) + TM_FLOOR * (x - 1);
    const g = Math.exp((IL_MAXIMUM - x) / COLLAPSE_LENGTH);
    c[i] = c1 + C_SLOPE * (1 - x) - C_SLOPE * COLLAPSE_LENGTH * (g - g1);
  }
  return Object.freeze({
    material,
    illustrative: true as const,
    description: `Illustrative ${material} lattice curves built from closed forms to show the published features (Jousseaume et al. 2024); not measured data.`,
    cLi,
    a,
    c,
  });
}

/**
 * **Illustrative** lattice curves a(c_Li) and c(c_Li) for NMC622, NMC811 and LNO. The measured
 * curves of Jousseaume et al. (Energy Environ. Sci. 2024, Fig. 4–6) are not public; these are
 * synthetic, smooth closed forms built to show the published features, for examples, tests and
 * figures. **Never use them as measured data.**
 *
 * Construction, on c_Li = 0.20, 0.21, …, 1.00 (x = c_Li), with a₁, c₁ the pristine cell of Table 1
 * ({@link MATERIALS}):
 *
 * - c(x) = c₁ + α(1 − x) − αλ·(e^((0.4 − x)/λ) − e^(−0.6/λ)), α = 0.5 Å, λ = 0.1: c = c₁ at x = 1,
 *   rises linearly on delithiation, has its maximum (dc/dx = α(e^((0.4 − x)/λ) − 1) = 0) exactly at
 *   x = 0.40 (d_IL = c/3 maximum), then collapses exponentially, by ≈ 1.5 % at 0.20;
 * - a(x) = a₁ − Δa·(σ((1 − 0.62)/s) − σ((x − 0.62)/s)) + κ(x − 1), σ the logistic function,
 *   Δa = 0.055 Å, s = 0.0731, κ = 0.04·Δa/(4s) ≈ 0.0075 Å: a = a₁ at x = 1, the largest
 *   d(d_TM)/dc_Li exactly at x = 0.62, and a plateau below x ≈ 0.32 (where the slope has fallen
 *   to 10 % of its maximum; a residual slope κ of 4 % remains, as refined a values still drift).
 *
 * With eqn (1) and Δc_Li = 0.05 the NMC811 curves give ε^c/ε^a ≈ 0.6 at c_Li = 0.5–0.7, ≈ 30 at
 * 0.25 and ≈ 60 at 0.20 (the paper: ε^c reaches "about 30 times" ε^a). The real LNO curves are
 * discontinuous (H1 → M → H2 → H3 phase transitions); its illustrative curves are the same smooth
 * construction and show only the features common to the three materials.
 *
 * @example
 * ```ts
 * import { characteristicContents, examples } from '@intercalate/strain-model';
 * const { cLi, a, c, illustrative } = examples.nmc811; // illustrative === true
 * characteristicContents({ cLi, a, c }); // d_IL max ≈ 0.40, d_TM plateau ≈ 0.32, steepest ≈ 0.62
 * ```
 */
export const examples: {
  /** Illustrative NMC622 curves (a₁ = 2.8703 Å, c₁ = 14.2255 Å at c_Li = 1). */
  readonly nmc622: IllustrativeLatticeCurves;
  /** Illustrative NMC811 curves (a₁ = 2.8727 Å, c₁ = 14.2127 Å at c_Li = 1). */
  readonly nmc811: IllustrativeLatticeCurves;
  /** Illustrative LiNiO₂ curves (a₁ = 2.8747 Å, c₁ = 14.1775 Å at c_Li = 1), smooth envelope. */
  readonly lno: IllustrativeLatticeCurves;
} = /* @__PURE__ */ Object.freeze({
  nmc622: curves('NMC622'),
  nmc811: curves('NMC811'),
  lno: curves('LNO'),
});
