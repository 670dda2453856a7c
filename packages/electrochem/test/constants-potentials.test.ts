import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertPotential, STANDARD_POTENTIALS } from '../src/index.js';

describe('convertPotential', () => {
  it('uses Li⁺/Li −3.04 V and Na⁺/Na −2.71 V vs SHE: E vs Na = E vs Li − 0.33 V', () => {
    // Mu et al., JACS 2024: Na plating ≈ 0.3 V above Li plating; REFERENCES: −3.04 / −2.71.
    expect(STANDARD_POTENTIALS['Li+/Li'].value).toBe(-3.04);
    expect(STANDARD_POTENTIALS['Na+/Na'].value).toBe(-2.71);
    expect(convertPotential(4.3, { from: 'Li+/Li', to: 'Na+/Na' })).toBeCloseTo(3.97, 12);
    expect(convertPotential(0, { from: 'Li+/Li', to: 'SHE' })).toBeCloseTo(-3.04, 12);
    expect(convertPotential(0, { from: 'SHE', to: 'Na+/Na' })).toBeCloseTo(2.71, 12);
    expect(
      convertPotential(4.3, {
        from: 'Li+/Li',
        to: 'Na+/Na',
        standardPotentials: { 'Li+/Li': -3.05 },
      }),
    ).toBeCloseTo(3.96, 12);
  });

  it('round-trips and composes (fast-check)', () => {
    const refs = ['Li+/Li', 'Na+/Na', 'SHE'] as const;
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.constantFrom(...refs),
        fc.constantFrom(...refs),
        fc.constantFrom(...refs),
        (e, a, b, c) => {
          const ab = convertPotential(e, { from: a, to: b });
          const back = convertPotential(ab, { from: b, to: a });
          const abc = convertPotential(ab, { from: b, to: c });
          return (
            Math.abs(back - e) < 1e-12 &&
            Math.abs(abc - convertPotential(e, { from: a, to: c })) < 1e-12
          );
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(() => convertPotential(1, { from: 'K+/K' as never, to: 'SHE' })).toThrow(
      new RangeError(`options.from must be one of 'Li+/Li', 'Na+/Na', 'SHE'; received "K+/K"`),
    );
    expect(() => convertPotential(Number.NaN, { from: 'SHE', to: 'SHE' })).toThrow(
      /potential must be a finite number \(V\); received NaN/,
    );
    expect(() => convertPotential(1, null as never)).toThrow(TypeError);
    expect(() =>
      convertPotential(1, {
        from: 'SHE',
        to: 'Li+/Li',
        standardPotentials: { 'Li+/Li': Number.NaN },
      }),
    ).toThrow(RangeError);
  });
});
