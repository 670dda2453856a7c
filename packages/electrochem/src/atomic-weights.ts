/**
 * IUPAC standard atomic weights (CIAAW 2021: T. Prohaska et al., "Standard atomic weights of the
 * elements 2021 (IUPAC Technical Report)", Pure Appl. Chem. 94 (2022) 573–600), dimensionless
 * (numerically g mol⁻¹), for the 84 elements that have one.
 *
 * Convention: for the 14 elements whose standard atomic weight is an interval (H, Li, B, C, N,
 * O, Mg, Si, S, Cl, Ar, Br, Tl, Pb) this table holds IUPAC's *conventional* value (e.g. Li 6.94,
 * O 15.999, C 12.011); every other element has its standard value to full published precision,
 * uncertainty dropped. Elements without a standard atomic weight (Tc, Pm, Po … and all beyond U
 * except Th, Pa) are absent: pass their mass in `atomicWeights` of {@link molarMass}.
 * pymatgen 2023 (older IUPAC values) agrees to within 5e-4 relative (Zn 65.38 vs 65.409) (test/formula.test.ts checks every element).
 *
 * @example
 * ```ts
 * import { ATOMIC_WEIGHTS } from '@intercalate/electrochem';
 * ATOMIC_WEIGHTS.Li; // 6.94
 * ATOMIC_WEIGHTS.Ni; // 58.6934
 * ```
 */
export const ATOMIC_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  H: 1.008,
  He: 4.002602,
  Li: 6.94,
  Be: 9.0121831,
  B: 10.81,
  C: 12.011,
  N: 14.007,
  O: 15.999,
  F: 18.998403162,
  Ne: 20.1797,
  Na: 22.98976928,
  Mg: 24.305,
  Al: 26.9815384,
  Si: 28.085,
  P: 30.973761998,
  S: 32.06,
  Cl: 35.45,
  Ar: 39.95,
  K: 39.0983,
  Ca: 40.078,
  Sc: 44.955907,
  Ti: 47.867,
  V: 50.9415,
  Cr: 51.9961,
  Mn: 54.938043,
  Fe: 55.845,
  Co: 58.933194,
  Ni: 58.6934,
  Cu: 63.546,
  Zn: 65.38,
  Ga: 69.723,
  Ge: 72.63,
  As: 74.921595,
  Se: 78.971,
  Br: 79.904,
  Kr: 83.798,
  Rb: 85.4678,
  Sr: 87.62,
  Y: 88.905838,
  Zr: 91.222,
  Nb: 92.90637,
  Mo: 95.95,
  Ru: 101.07,
  Rh: 102.90549,
  Pd: 106.42,
  Ag: 107.8682,
  Cd: 112.414,
  In: 114.818,
  Sn: 118.71,
  Sb: 121.76,
  Te: 127.6,
  I: 126.90447,
  Xe: 131.293,
  Cs: 132.90545196,
  Ba: 137.327,
  La: 138.90547,
  Ce: 140.116,
  Pr: 140.90766,
  Nd: 144.242,
  Sm: 150.36,
  Eu: 151.964,
  Gd: 157.249,
  Tb: 158.925354,
  Dy: 162.5,
  Ho: 164.930329,
  Er: 167.259,
  Tm: 168.934219,
  Yb: 173.045,
  Lu: 174.9668,
  Hf: 178.486,
  Ta: 180.94788,
  W: 183.84,
  Re: 186.207,
  Os: 190.23,
  Ir: 192.217,
  Pt: 195.084,
  Au: 196.96657,
  Hg: 200.592,
  Tl: 204.38,
  Pb: 207.2,
  Bi: 208.9804,
  Th: 232.0377,
  Pa: 231.03588,
  U: 238.02891,
});

/** All 118 element symbols, by atomic number (index 0 is H). */
export const ELEMENT_SYMBOLS: readonly string[] = Object.freeze(
  (
    'H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se ' +
    'Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb ' +
    'Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm ' +
    'Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og'
  ).split(' '),
);
