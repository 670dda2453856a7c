import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { butlerVolmer, FARADAY, GAS_CONSTANT, marcusHushChidsey } from '../src/index.js';
import mhc from './fixtures/marcus-hush-chidsey.json' with { type: 'json' };

const T = 298.15;
const f = FARADAY / (GAS_CONSTANT * T);
const relative = (a: number, b: number): number =>
  Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);

/** MHC current / i0 at λ̃ and η̃ in kT. */
const normalized = (lambda: number, eta: number): number =>
  marcusHushChidsey({
    exchangeCurrentDensity: 1,
    overpotential: eta / f,
    reorganizationEnergy: lambda / f,
    temperature: T,
  });

describe('marcusHushChidsey (Zeng et al. 2014 closed form, normalized)', () => {
  it('reproduces the closed form evaluated with scipy.special.erfc', () => {
    for (const c of mhc.cases) {
      expect(relative(normalized(c.lambda, c.eta), c.closedForm)).toBeLessThan(1e-13);
    }
  });

  it('is within 7 % (λ̃ = 10), 16 % (λ̃ = 5–20) and 30 % (λ̃ = 2–40) of the exact Chidsey integral (mpmath)', () => {
    // The bounds document the closed form's accuracy after normalization by k(0), measured
    // against the mpmath quadrature of the Chidsey integral in the fixture.
    for (const c of mhc.cases) {
      const error = relative(normalized(c.lambda, c.eta), c.integral);
      const bound = c.lambda === 10 ? 0.07 : c.lambda >= 5 && c.lambda <= 20 ? 0.16 : 0.3;
      expect(error).toBeLessThan(bound);
    }
  });

  it('is symmetric Butler–Volmer at small η: i → i0·Fη/RT, for every λ', () => {
    for (const lambda of [1, 5, 20, 100]) {
      const eta = 1e-6; // kT
      const bv = butlerVolmer({
        exchangeCurrentDensity: 1,
        overpotential: eta / f,
        temperature: T,
      });
      expect(relative(normalized(lambda, eta), bv)).toBeLessThan(1e-9);
    }
  });

  it('tends towards Butler–Volmer as λ grows from 1 to 16 kT, and saturates where BV does not', () => {
    // Closed-form MHC / BV(α = ½) at |η̃| = 4: the Marcus inverted-region curvature fades as λ
    // grows (the exact integral tends to BV; the closed form follows it up to λ̃ ≈ 16).
    const ratio = (lambda: number) =>
      normalized(lambda, 4) /
      butlerVolmer({ exchangeCurrentDensity: 1, overpotential: 4 / f, temperature: T });
    expect(ratio(1)).toBeLessThan(ratio(4));
    expect(ratio(4)).toBeLessThan(ratio(16));
    expect(ratio(16)).toBeGreaterThan(0.75);
    // Far beyond λ the MHC current saturates at 2·i0/erfc(a(0))-scale values while BV explodes.
    expect(normalized(5, 60)).toBeLessThan(normalized(5, 30) * 1.5);
  });

  it('is odd in η and increasing (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (lambda, eta, d) => {
          const a = normalized(lambda, eta);
          const b = normalized(lambda, eta + d);
          return b >= a - 1e-12 * Math.abs(a) && relative(normalized(lambda, -eta), -a) < 1e-12;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects bad input', () => {
    const ok = {
      exchangeCurrentDensity: 1,
      overpotential: 0.1,
      reorganizationEnergy: 0.3,
      temperature: T,
    };
    expect(() => marcusHushChidsey({ ...ok, reorganizationEnergy: 0 })).toThrow(
      /options\.reorganizationEnergy must be a finite number > 0 \(eV\); received 0/,
    );
    expect(() => marcusHushChidsey({ ...ok, reorganizationEnergy: 1e5 })).toThrow(/underflows/);
    expect(() => marcusHushChidsey({ ...ok, temperature: 0 })).toThrow(RangeError);
    expect(() => marcusHushChidsey({ ...ok, exchangeCurrentDensity: -1 })).toThrow(RangeError);
    expect(() => marcusHushChidsey({ ...ok, overpotential: Number.NaN })).toThrow(RangeError);
    expect(() => marcusHushChidsey(null as unknown as never)).toThrow(TypeError);
  });
});
