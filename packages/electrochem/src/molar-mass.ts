import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { ATOMIC_WEIGHTS, ELEMENT_SYMBOLS } from './atomic-weights.js';
import { parseFormula } from './formula.js';

/** Options of {@link molarMass}. */
export interface MolarMassOptions {
  /**
   * Atomic weights (g mol⁻¹) that replace or complete {@link ATOMIC_WEIGHTS}, e.g.
   * `{ Li: 6.941 }` to match an older table or `{ Tc: 98 }` for an element without a standard
   * atomic weight. Finite and > 0.
   * @defaultValue `{}`
   */
  atomicWeights?: Readonly<Record<string, number>>;
}

const KNOWN = new Set(ELEMENT_SYMBOLS);

/**
 * Molar mass of a chemical formula, M = Σ n_e·A_e, with amounts n_e from {@link parseFormula}
 * (decimal and `a/b` subscripts, nested parentheses) and the IUPAC 2021 standard atomic weights
 * A_e of {@link ATOMIC_WEIGHTS} (conventional values for interval elements).
 *
 * @param formula - Chemical formula, e.g. `'LiNi0.8Mn0.1Co0.1O2'`.
 * @param options - Atomic-weight overrides; see {@link MolarMassOptions}.
 * @returns M in g mol⁻¹.
 * @throws TypeError if `formula` is not a string or `options` is not an object.
 * @throws RangeError if the formula does not parse or names no element, a symbol is not an
 *   element (`Xx`), an element has no standard atomic weight and no override, or an override is
 *   not a finite number > 0.
 *
 * @example
 * ```ts
 * import { molarMass } from '@intercalate/electrochem';
 * molarMass('LiNi0.8Mn0.1Co0.1O2'); // 97.2798 g/mol
 * molarMass('Li(Ni1/3Mn1/3Co1/3)O2'); // 96.4595 g/mol
 * ```
 */
export function molarMass(formula: string, options: MolarMassOptions = {}): number {
  const amounts = parseFormula(formula);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { atomicWeights }; received ${describeValue(options)}`,
    );
  }
  const overrides = options.atomicWeights ?? {};
  if (typeof overrides !== 'object' || overrides === null) {
    throw new TypeError(
      `options.atomicWeights must be an object such as { Li: 6.941 }; received ${describeValue(overrides)}`,
    );
  }
  if (amounts.size === 0) {
    throw new RangeError(
      `formula must name at least one element; received ${JSON.stringify(formula)}`,
    );
  }
  let mass = 0;
  for (const [element, amount] of amounts) {
    let weight: number | undefined;
    if (Object.hasOwn(overrides, element)) {
      weight = assertFiniteNumber(`options.atomicWeights.${element}`, overrides[element], {
        min: 0,
        exclusiveMin: true,
        unit: 'g mol⁻¹',
      });
    } else if (!KNOWN.has(element)) {
      throw new RangeError(
        `formula ${JSON.stringify(formula)} contains ${JSON.stringify(element)}, which is not an element symbol`,
      );
    } else {
      weight = ATOMIC_WEIGHTS[element];
      if (weight === undefined) {
        throw new RangeError(
          `formula ${JSON.stringify(formula)} contains ${element}, which has no IUPAC standard atomic weight; pass options.atomicWeights (e.g. { ${element}: 98 })`,
        );
      }
    }
    mass += amount * weight;
  }
  if (!(mass > 0)) {
    throw new RangeError(
      `formula ${JSON.stringify(formula)} has a molar mass of 0 (all subscripts 0)`,
    );
  }
  return mass;
}
