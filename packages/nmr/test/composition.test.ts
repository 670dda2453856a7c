import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Composition, compositionFromFormula } from '../src/composition.js';

/** Checks a composition against expected fractions to 12 digits, with the same keys. */
function expectComposition(actual: Composition, expected: Composition): void {
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [label, fraction] of Object.entries(expected)) {
    expect(actual[label]).toBeCloseTo(fraction, 12);
  }
}

describe('compositionFromFormula', () => {
  it('resolves NMC811 into Ni2+/Ni3+/Mn4+/Co3+ by charge balance', () => {
    // Li+ and 2 O2− leave +3 per TM: 0.8·v + 0.1·4 + 0.1·3 = 3 → v = 2.875 → 0.8·0.125 = 0.1
    // Ni2+ and 0.8·0.875 = 0.7 Ni3+.
    const expected = { 'Ni2+': 0.1, 'Ni3+': 0.7, 'Mn4+': 0.1, 'Co3+': 0.1 };
    expectComposition(compositionFromFormula('LiNi0.8Mn0.1Co0.1O2'), expected);
    expectComposition(compositionFromFormula('Li(Ni0.8Mn0.1Co0.1)O2'), expected);
    expectComposition(compositionFromFormula('Li [Ni0.8Mn0.1Co0.1] O2'), expected);
    // half the Li exchanged for Na (Mu et al. 2024): the TM sites do not change
    expectComposition(compositionFromFormula('Li0.5Na0.5Ni0.8Mn0.1Co0.1O2'), expected);
  });

  it('gives one species when the average oxidation state is an integer', () => {
    expectComposition(compositionFromFormula('LiNiO2'), { 'Ni3+': 1 });
    expectComposition(compositionFromFormula('LiCoO2'), { 'Co3+': 1 });
    // NMC111 is Ni2+/Mn4+/Co3+ (1 + v/3 + 4/3 + 1 − 4 = 0 → v = 2), written with a/b subscripts
    const third = 1 / 3;
    expectComposition(compositionFromFormula('LiNi1/3Mn1/3Co1/3O2'), {
      'Ni2+': third,
      'Mn4+': third,
      'Co3+': third,
    });
    // NCA: 0.8·v + 0.15·3 + 0.05·3 = 3 → v = 3; Al3+ is on the TM sites
    expectComposition(compositionFromFormula('LiNi0.8Co0.15Al0.05O2'), {
      'Ni3+': 0.8,
      'Co3+': 0.15,
      'Al3+': 0.05,
    });
    // P2-Na2/3Ni1/3Mn2/3O2: 2/3 + v/3 + 8/3 = 4 → v = 2
    expectComposition(compositionFromFormula('Na2/3(Ni1/3Mn2/3)O2'), {
      'Ni2+': 1 / 3,
      'Mn4+': 2 / 3,
    });
  });

  it('extends to Ni4+ for delithiated compositions', () => {
    // Li0.5NiO2: 0.5 + v = 4 → v = 3.5 → half Ni3+, half Ni4+
    expectComposition(compositionFromFormula('Li0.5NiO2'), { 'Ni3+': 0.5, 'Ni4+': 0.5 });
    // Li0.2Ni0.8Mn0.1Co0.1O2: 0.8·v = 4 − 0.2 − 0.7 = 3.1 → v = 3.875 → 0.1 Ni3+, 0.7 Ni4+
    expectComposition(compositionFromFormula('Li0.2Ni0.8Mn0.1Co0.1O2'), {
      'Ni3+': 0.1,
      'Ni4+': 0.7,
      'Mn4+': 0.1,
      'Co3+': 0.1,
    });
  });

  it('takes user oxidation states and another redox element', () => {
    // Co2+ instead of Co3+: 0.8·v = 3 − 0.4 − 0.2 → v = 3
    expectComposition(
      compositionFromFormula('LiNi0.8Mn0.1Co0.1O2', { oxidationStates: { Co: 2 } }),
      {
        'Ni3+': 0.8,
        'Mn4+': 0.1,
        'Co2+': 0.1,
      },
    );
    // LiMn2O4: 1 + 2v = 8 → v = 3.5 → half Mn3+, half Mn4+
    expectComposition(compositionFromFormula('LiMn2O4', { redoxElement: 'Mn' }), {
      'Mn3+': 0.5,
      'Mn4+': 0.5,
    });
    // Fe needs a state of its own: LiFe0.5Ni0.5O2 with Fe3+ → v(Ni) = 3
    expectComposition(compositionFromFormula('LiFe0.5Ni0.5O2', { oxidationStates: { Fe: 3 } }), {
      'Fe3+': 0.5,
      'Ni3+': 0.5,
    });
  });

  it('returns a charge-neutral composition for any NMC with a reachable Ni state (law)', () => {
    const states: Record<string, number> = {
      'Ni2+': 2,
      'Ni3+': 3,
      'Ni4+': 4,
      'Mn4+': 4,
      'Co3+': 3,
    };
    let violations = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1000 }),
        fc.integer({ min: 0, max: 450 }),
        fc.integer({ min: 0, max: 1000 }),
        (niMilli, mnMilli, liMilli) => {
          const coMilli = 1000 - niMilli - mnMilli;
          fc.pre(coMilli >= 0);
          const [ni, mn, co, li] = [niMilli, mnMilli, coMilli, liMilli].map((m) => m / 1000) as [
            number,
            number,
            number,
            number,
          ];
          const v = (4 - li - 4 * mn - 3 * co) / ni;
          fc.pre(v >= 2 && v <= 4);
          const formula = `Li${li}Ni${ni}Mn${mn}Co${co}O2`;
          const composition = compositionFromFormula(formula);
          let sum = 0;
          let charge = li - 4; // per formula unit: Li+ and two O2−; the TM sites hold 1
          let nickel = 0;
          for (const [label, fraction] of Object.entries(composition)) {
            sum += fraction;
            charge += fraction * (states[label] as number);
            if (label.startsWith('Ni')) nickel += fraction;
            if (!(fraction > 0)) violations++;
          }
          if (Math.abs(sum - 1) > 1e-12) violations++;
          if (Math.abs(charge) > 1e-12) violations++;
          if (Math.abs(nickel - ni) > 1e-12) violations++;
          // at most two adjacent Ni states
          const niLabels = Object.keys(composition).filter((l) => l.startsWith('Ni'));
          if (niLabels.length > 2) violations++;
        },
      ),
      { numRuns: 300 },
    );
    expect(violations).toBe(0);
  });

  it('rejects impossible charge balance', () => {
    // O3 needs Ni at (6 − 1 − 0.4 − 0.3)/0.8 = 5.375
    expect(() => compositionFromFormula('LiNi0.8Mn0.1Co0.1O3')).toThrow(
      /needs Ni at an average oxidation state of 5.375 for charge balance, outside the accepted 2..4/,
    );
    // Li2NiO2 needs Ni2+ exactly (accepted); Li3NiO2 needs Ni+ (rejected)
    expectComposition(compositionFromFormula('Li2NiO2'), { 'Ni2+': 1 });
    expect(() => compositionFromFormula('Li3NiO2')).toThrow(/average oxidation state of 1/);
    expect(() => compositionFromFormula('Li0.5NiO2', { redoxRange: [2, 3] })).toThrow(
      /3.5 .*outside the accepted 2..3/,
    );
    expect(() => compositionFromFormula('LiCoO3')).toThrow(
      /"LiCoO3" is not charge balanced: net charge -2 .*no Ni/,
    );
  });

  it('rejects bad formulas and options', () => {
    expect(() => compositionFromFormula(42 as unknown as string)).toThrow(TypeError);
    expect(() => compositionFromFormula('')).toThrow(/formula must name at least one element/);
    expect(() => compositionFromFormula('LiNi0.8Xx0.2O2')).toThrow(
      /contains Xx, which has no oxidation state; pass options.oxidationStates/,
    );
    expect(() => compositionFromFormula('Li(NiO2')).toThrow(/unclosed '\(' at position 2/);
    expect(() => compositionFromFormula('LiNiO2)')).toThrow(/unmatched '\)' at position 6/);
    expect(() => compositionFromFormula('Li(NiO2]')).toThrow(/unmatched '\]'/);
    expect(() => compositionFromFormula('Li-NiO2')).toThrow(/unexpected "-" at position 2/);
    expect(() => compositionFromFormula('lini')).toThrow(/unexpected "l" at position 0/);
    expect(() => compositionFromFormula('LiNi1/0O2')).toThrow(/subscript "1\/0" is not finite/);
    expect(() => compositionFromFormula('Li2O')).toThrow(/no cation on the transition-metal sites/);
    expect(() => compositionFromFormula('LiNiO2', { redoxElement: 'nickel' })).toThrow(
      /options.redoxElement must be an element symbol/,
    );
    expect(() => compositionFromFormula('LiNiO2', { oxidationStates: { Mn: 3.5 } })).toThrow(
      /options.oxidationStates.Mn must be an integer/,
    );
    expect(() => compositionFromFormula('LiNiO2', { oxidationStates: { Mn: 0 } })).toThrow(
      /must be a nonzero integer/,
    );
    expect(() =>
      compositionFromFormula('LiNiO2', { redoxRange: [4, 2] as unknown as [number, number] }),
    ).toThrow(/options.redoxRange\[1\] must be an integer ≥ 4/);
    expect(() =>
      compositionFromFormula('LiNiO2', { redoxRange: 3 as unknown as [number, number] }),
    ).toThrow(TypeError);
    expect(() =>
      compositionFromFormula('LiNiO2', null as unknown as Record<string, never>),
    ).toThrow(TypeError);
  });
});
