import { describeValue } from '@intercalate/numerics';

/**
 * Parses a chemical formula into element amounts (moles of each element per formula unit), in
 * order of first appearance; an element written twice is summed (`'LiNiO2Li'` → Li 2).
 *
 * Accepted syntax:
 * - element symbols: an upper-case letter and an optional lower-case letter (`Li`, `O`); whether
 *   the symbol is a real element is not checked here ({@link molarMass} checks it);
 * - subscripts after a symbol or a group: integers (`O2`), decimals (`Ni0.8`, `Ni.8`) or
 *   fractions `a/b` (`Ni1/3`), 1 when absent;
 * - groups in parentheses or square brackets, nested, with an optional subscript
 *   (`Li(Ni1/3Mn1/3Co1/3)O2`, `Ca3[Co(CO3)3]2`);
 * - spaces anywhere between tokens (`Li [Ni0.8Mn0.1Co0.1] O2`).
 *
 * Not accepted: charges, hydrate dots (`·5H2O`), isotopes, lower-case symbols.
 *
 * @param formula - The formula, e.g. `'LiNi0.8Mn0.1Co0.1O2'`.
 * @returns A Map from element symbol to amount (mol per formula unit), possibly with zero
 *   amounts if a subscript is 0; empty for an empty or all-space string.
 * @throws TypeError if `formula` is not a string.
 * @throws RangeError if the formula has an unexpected character, an unmatched or unclosed
 *   bracket, or a subscript that is not finite (e.g. `1/0`); the message gives the position.
 *
 * @example
 * ```ts
 * import { parseFormula } from '@intercalate/electrochem';
 * parseFormula('Li(Ni1/3Mn1/3Co1/3)O2');
 * // Map { 'Li' => 1, 'Ni' => 0.3333…, 'Mn' => 0.3333…, 'Co' => 0.3333…, 'O' => 2 }
 * ```
 */
export function parseFormula(formula: string): Map<string, number> {
  if (typeof formula !== 'string') {
    throw new TypeError(
      `formula must be a string such as 'LiNi0.8Mn0.1Co0.1O2'; received ${describeValue(formula)}`,
    );
  }
  const stack: Map<string, number>[] = [new Map()];
  const openers: { char: string; position: number }[] = [];
  let i = 0;
  const fail = (what: string, position: number): never => {
    throw new RangeError(
      `formula ${JSON.stringify(formula)} is not a chemical formula: ${what} at position ${position}; accepted are element symbols with optional subscripts (0.8, 1/3) and parentheses, e.g. 'LiNi0.8Mn0.1Co0.1O2'`,
    );
  };
  const subscript = /(\d+(?:\.\d*)?|\.\d+)(?:\/(\d+(?:\.\d*)?|\.\d+))?/y;
  const symbol = /[A-Z][a-z]?/y;
  const readNumber = (): number => {
    subscript.lastIndex = i;
    const match = subscript.exec(formula);
    if (match === null) return 1;
    const start = i;
    i = subscript.lastIndex;
    const numerator = Number(match[1]);
    const value = match[2] === undefined ? numerator : numerator / Number(match[2]);
    if (!Number.isFinite(value)) fail(`subscript ${JSON.stringify(match[0])} is not finite`, start);
    return value;
  };
  const add = (target: Map<string, number>, element: string, amount: number): void => {
    target.set(element, (target.get(element) ?? 0) + amount);
  };
  while (i < formula.length) {
    const char = formula[i] as string;
    if (char === ' ') {
      i++;
    } else if (char === '(' || char === '[') {
      openers.push({ char, position: i });
      stack.push(new Map());
      i++;
    } else if (char === ')' || char === ']') {
      const opener = openers.pop();
      if (opener === undefined || (opener.char === '(') !== (char === ')')) {
        fail(`unmatched '${char}'`, i);
      }
      i++;
      const group = stack.pop() as Map<string, number>;
      const multiplier = readNumber();
      const parent = stack[stack.length - 1] as Map<string, number>;
      for (const [element, amount] of group) add(parent, element, amount * multiplier);
    } else {
      symbol.lastIndex = i;
      const match = symbol.exec(formula);
      if (match === null) fail(`unexpected ${JSON.stringify(char)}`, i);
      const element = (match as RegExpExecArray)[0];
      i = symbol.lastIndex;
      add(stack[stack.length - 1] as Map<string, number>, element, readNumber());
    }
  }
  const unclosed = openers.pop();
  if (unclosed !== undefined) fail(`unclosed '${unclosed.char}'`, unclosed.position);
  return stack[0] as Map<string, number>;
}
