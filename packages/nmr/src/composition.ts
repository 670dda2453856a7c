import { parseFormula } from '@intercalate/electrochem';
import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import { speciesLabel } from './pathway-contributions.js';

/**
 * Fractions of the transition-metal (TM) sites occupied by each ion species, keyed by the species
 * label of {@link speciesLabel} (`'Ni3+'`), summing to 1. NMC811 is
 * `{ 'Ni2+': 0.1, 'Ni3+': 0.7, 'Mn4+': 0.1, 'Co3+': 0.1 }`.
 */
export type Composition = Record<string, number>;

/** Options of {@link compositionFromFormula}. */
export interface CompositionOptions {
  /**
   * Fixed oxidation states by element symbol, merged over the defaults
   * `{ Li: 1, Na: 1, K: 1, Mg: 2, Al: 3, Ti: 4, Mn: 4, Co: 3, O: -2, F: -1 }` (an entry here
   * replaces the default of that element). Integers from −4 to 8, not 0. Every element of the
   * formula other than `redoxElement` needs one.
   * @defaultValue `{}` (the defaults above only)
   */
  oxidationStates?: Readonly<Record<string, number>>;
  /**
   * The element whose average oxidation state is solved from charge balance and split between the
   * two neighbouring integer states (Ni: 2.875 → 12.5 % Ni²⁺ + 87.5 % Ni³⁺). A default oxidation
   * state of this element is ignored.
   * @defaultValue 'Ni'
   */
  redoxElement?: string;
  /**
   * Lowest and highest accepted integer oxidation state of `redoxElement`: an average outside
   * this range is a RangeError (e.g. `LiNi0.8Mn0.1Co0.1O3` would need Ni⁵·³⁷⁵⁺).
   * @defaultValue [2, 4]
   */
  redoxRange?: readonly [number, number];
}

const DEFAULT_OXIDATION_STATES: Readonly<Record<string, number>> = {
  Li: 1,
  Na: 1,
  K: 1,
  Mg: 2,
  Al: 3,
  Ti: 4,
  Mn: 4,
  Co: 3,
  O: -2,
  F: -1,
};

/** Alkali ions of the Li/Na layer: never counted on the TM sites. */
const ALKALI = new Set(['Li', 'Na', 'K']);

/** Tolerance for snapping an average oxidation state to an integer and for charge neutrality. */
const CHARGE_TOLERANCE = 1e-9;

/**
 * Ion fractions on the transition-metal sites of a layered oxide from its formula, with the redox
 * element's oxidation states resolved by charge balance:
 *
 * 1. the formula is parsed into element amounts n_e by `parseFormula` of `@intercalate/electrochem`
 *    (decimal or `a/b` subscripts, parentheses);
 * 2. every element except `redoxElement` gets a fixed oxidation state v_e (defaults Li⁺, Na⁺, K⁺,
 *    Mg²⁺, Al³⁺, Ti⁴⁺, Mn⁴⁺, Co³⁺, O²⁻, F⁻; override with `oxidationStates`);
 * 3. the redox element's average state is v̄ = −Σ n_e·v_e / n_redox (charge neutrality), and its
 *    amount is split between ⌊v̄⌋ and ⌊v̄⌋ + 1 in the proportions (1 − (v̄ − ⌊v̄⌋)) and
 *    (v̄ − ⌊v̄⌋), so that the charge balances exactly; an integer v̄ gives one species;
 * 4. the TM sites are all cations other than Li, Na and K; each species' fraction is its amount
 *    divided by the total amount on the TM sites.
 *
 * NMC811, LiNi₀.₈Mn₀.₁Co₀.₁O₂: 1 + 0.8·v̄ + 0.1·4 + 0.1·3 − 2·2 = 0 → v̄ = 2.875 → 0.1 Ni²⁺ +
 * 0.7 Ni³⁺ + 0.1 Mn⁴⁺ + 0.1 Co³⁺. Delithiated Li₀.₅NiO₂ gives 0.5 Ni³⁺ + 0.5 Ni⁴⁺. Species with a
 * zero fraction are omitted, so a pathway table needs entries only for the species present.
 *
 * Assumes all Li/Na/K sit in the alkali layer: for Li-excess compositions (Li on TM sites), or any
 * other site assignment, build the {@link Composition} record by hand.
 *
 * @param formula - Chemical formula, e.g. `'LiNi0.8Mn0.1Co0.1O2'`, `'Li(Ni1/3Mn1/3Co1/3)O2'`.
 * @param options - Fixed oxidation states and the redox element, see {@link CompositionOptions}.
 * @returns Fractions of the TM sites per species label (summing to 1), in order of first
 * appearance, the redox element's lower state first.
 * @throws TypeError if `formula` is not a string or `options` has the wrong types.
 * @throws RangeError if the formula cannot be parsed, an element has no oxidation state, the
 * redox element's average falls outside `redoxRange`, the formula has no redox element and is not
 * charge balanced, or there is no cation on the TM sites.
 *
 * @example
 * ```ts
 * import { compositionFromFormula } from '@intercalate/nmr';
 * compositionFromFormula('LiNi0.8Mn0.1Co0.1O2');
 * // { 'Ni2+': 0.1, 'Ni3+': 0.7, 'Mn4+': 0.1, 'Co3+': 0.1 } (to rounding)
 * compositionFromFormula('Li0.5NiO2'); // { 'Ni3+': 0.5, 'Ni4+': 0.5 }
 * compositionFromFormula('LiMn2O4', { redoxElement: 'Mn' }); // { 'Mn3+': 0.5, 'Mn4+': 0.5 }
 * ```
 */
export function compositionFromFormula(
  formula: string,
  options: CompositionOptions = {},
): Composition {
  if (typeof formula !== 'string') {
    throw new TypeError(
      `formula must be a string such as 'LiNi0.8Mn0.1Co0.1O2'; received ${describeValue(formula)}`,
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`options must be an object; received ${describeValue(options)}`);
  }
  const redoxElement = options.redoxElement ?? 'Ni';
  if (typeof redoxElement !== 'string' || !/^[A-Z][a-z]?$/.test(redoxElement)) {
    throw new RangeError(
      `options.redoxElement must be an element symbol such as 'Ni'; received ${describeValue(redoxElement)}`,
    );
  }
  const redoxRange = options.redoxRange ?? [2, 4];
  if (!Array.isArray(redoxRange) || redoxRange.length !== 2) {
    throw new TypeError(
      `options.redoxRange must be a pair [lowest, highest] of oxidation states; received ${describeValue(redoxRange)}`,
    );
  }
  const low = assertFiniteNumber('options.redoxRange[0]', redoxRange[0], {
    min: 1,
    max: 8,
    integer: true,
  });
  const high = assertFiniteNumber('options.redoxRange[1]', redoxRange[1], {
    min: low,
    max: 8,
    integer: true,
  });
  const given = options.oxidationStates ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new TypeError(
      `options.oxidationStates must be an object { element: oxidation state } such as { Mn: 4 }; received ${describeValue(given)}`,
    );
  }
  const states: Record<string, number> = { ...DEFAULT_OXIDATION_STATES };
  for (const [element, state] of Object.entries(given)) {
    assertFiniteNumber(`options.oxidationStates.${element}`, state, {
      min: -4,
      max: 8,
      integer: true,
    });
    if (state === 0) {
      throw new RangeError(
        `options.oxidationStates.${element} must be a nonzero integer from -4 to 8; received 0`,
      );
    }
    states[element] = state;
  }

  const amounts = parseFormula(formula);
  if (amounts.size === 0) {
    throw new RangeError(
      `formula must name at least one element; received ${JSON.stringify(formula)}`,
    );
  }

  // Charge of everything but the redox element, and its scale for the neutrality tolerance.
  let fixedCharge = 0;
  let chargeScale = 0;
  for (const [element, amount] of amounts) {
    if (element === redoxElement) continue;
    const state = states[element];
    if (state === undefined) {
      throw new RangeError(
        `formula ${JSON.stringify(formula)} contains ${element}, which has no oxidation state; pass options.oxidationStates (e.g. { ${element}: 3 }) or make it options.redoxElement`,
      );
    }
    fixedCharge += amount * state;
    chargeScale += Math.abs(amount * state);
  }

  const redoxAmount = amounts.get(redoxElement) ?? 0;
  let redoxSplit: { label: string; amount: number }[] = [];
  if (redoxAmount > 0) {
    let average = -fixedCharge / redoxAmount;
    const nearest = Math.round(average);
    if (Math.abs(average - nearest) <= CHARGE_TOLERANCE * Math.max(1, Math.abs(average))) {
      average = nearest;
    }
    if (!(average >= low && average <= high)) {
      throw new RangeError(
        `formula ${JSON.stringify(formula)} needs ${redoxElement} at an average oxidation state of ${Number(average.toPrecision(12))} for charge balance, outside the accepted ${low}..${high} (options.redoxRange); check the formula and options.oxidationStates`,
      );
    }
    const lower = Math.floor(average);
    // Amount in the upper state from the charge directly (−fixedCharge − lower·n), which keeps
    // the split as exact as the inputs (0.7 Ni³⁺ rather than 0.8 × (2.875 − 2)).
    const upperAmount = average === lower ? 0 : -fixedCharge - lower * redoxAmount;
    redoxSplit =
      upperAmount === 0
        ? [{ label: speciesLabel(redoxElement, lower), amount: redoxAmount }]
        : [
            { label: speciesLabel(redoxElement, lower), amount: redoxAmount - upperAmount },
            { label: speciesLabel(redoxElement, lower + 1), amount: upperAmount },
          ];
  } else if (Math.abs(fixedCharge) > CHARGE_TOLERANCE * Math.max(1, chargeScale)) {
    throw new RangeError(
      `formula ${JSON.stringify(formula)} is not charge balanced: net charge ${fixedCharge > 0 ? '+' : ''}${Number(fixedCharge.toPrecision(12))} with the given oxidation states and no ${redoxElement} (options.redoxElement) to balance it`,
    );
  }

  const siteAmounts = new Map<string, number>();
  let total = 0;
  for (const [element, amount] of amounts) {
    if (amount === 0) continue;
    if (element === redoxElement) {
      for (const part of redoxSplit) {
        siteAmounts.set(part.label, part.amount);
        total += part.amount;
      }
      continue;
    }
    const state = states[element] as number;
    if (state < 0 || ALKALI.has(element)) continue;
    siteAmounts.set(speciesLabel(element, state), amount);
    total += amount;
  }
  if (!(total > 0)) {
    throw new RangeError(
      `formula ${JSON.stringify(formula)} has no cation on the transition-metal sites (all cations other than Li, Na, K)`,
    );
  }
  const composition: Composition = {};
  for (const [label, amount] of siteAmounts) composition[label] = amount / total;
  return composition;
}
