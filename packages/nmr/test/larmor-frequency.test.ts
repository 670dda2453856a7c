import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldFromProtonFrequency, larmorFrequency } from '../src/larmor-frequency.js';
import { NUCLEI, type NucleusSymbol } from '../src/nuclei.js';

// Constants: IUPAC 2001 (Harris et al., Pure Appl. Chem. 2001, 73, 1795), Table 1.
// γ(¹H) = 26.7522128e7, γ(⁷Li) = 10.3977013e7, γ(²³Na) = 7.0808493e7 rad s⁻¹ T⁻¹;
// Ξ(⁷Li) = 38.863797 %, Ξ(²³Na) = 26.451900 %.

describe('larmorFrequency', () => {
  it('uses ν = |γ| B₀ / 2π for a field in tesla (worked at 7.05 T)', () => {
    // ⁷Li: 10.3977013e7 × 7.05 = 733 037 941.65 rad s⁻¹; / 2π = 116 666 611.9 Hz = 116.6666 MHz
    // (REFERENCES.md: 116.667 MHz at exactly 7.05 T)
    expect(larmorFrequency('7Li', { field: 7.05 })).toBeCloseTo(116.6666119, 6);
    // ²³Na: 7.0808493e7 × 7.05 = 499 199 875.65 rad s⁻¹; / 2π = 79 450 127.8 Hz
    expect(larmorFrequency('23Na', { field: 7.05 })).toBeCloseTo(79.4501278, 6);
    // ¹⁷O has γ < 0: the frequency is |γ| B₀ / 2π = 3.62808e7 × 7.05 / 2π = 40.708 MHz
    expect(larmorFrequency('17O', { field: 7.05 })).toBeCloseTo(
      (3.62808e7 * 7.05) / 2 / Math.PI / 1e6,
      9,
    );
    expect(larmorFrequency('17O', { field: 7.05 })).toBeGreaterThan(0);
  });

  it('uses ν = Ξ/100 · ν_H for a ¹H frequency in MHz (worked at 300 MHz)', () => {
    // ⁷Li: 0.38863797 × 300 = 116.591391 MHz (REFERENCES.md: 116.591 MHz)
    expect(larmorFrequency('7Li', { protonFrequency: 300 })).toBeCloseTo(116.591391, 9);
    // ²³Na: 0.26451900 × 300 = 79.355700 MHz
    expect(larmorFrequency('23Na', { protonFrequency: 300 })).toBeCloseTo(79.3557, 9);
    expect(larmorFrequency('Li-7', { protonFrequency: 300 })).toBe(
      larmorFrequency('7Li', { protonFrequency: 300 }),
    );
  });

  it('shows that a "300 MHz (7.05 T)" magnet is not 7.05 T for ⁷Li', () => {
    const fromXi = larmorFrequency('7Li', { protonFrequency: 300 });
    const fromField = larmorFrequency('7Li', { field: 7.05 });
    // 116.6666 − 116.5914 = 0.0752 MHz, i.e. 645 ppm: a ppm axis built on 7.05 T is off by that
    expect(fromField - fromXi).toBeCloseTo(0.07522, 4);
    // even at the matching field, 7.04598 T, γ gives 10.3977013e7 × 7.045980107 / 2π
    // = 116.600089 MHz: 74.6 ppm above Ξ (bare nucleus vs shielded reference compounds)
    const matched = larmorFrequency('7Li', { field: fieldFromProtonFrequency(300) });
    expect(matched).toBeCloseTo(116.600089, 5);
    expect((matched / fromXi - 1) * 1e6).toBeCloseTo(74.6, 1);
  });

  it('is linear in the field and in the ¹H frequency, and both routes agree for ¹H', () => {
    const symbols = Object.keys(NUCLEI) as NucleusSymbol[];
    fc.assert(
      fc.property(
        fc.constantFrom(...symbols),
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (symbol, field, factor) => {
          const at = larmorFrequency(symbol, { field });
          const scaled = larmorFrequency(symbol, { field: field * factor });
          const proton = larmorFrequency('1H', { field });
          const viaXi = larmorFrequency(symbol, { protonFrequency: proton });
          const viaXiScaled = larmorFrequency(symbol, { protonFrequency: proton * factor });
          return (
            Math.abs(scaled / at - factor) < 1e-12 * factor &&
            Math.abs(viaXiScaled / viaXi - factor) < 1e-12 * factor &&
            // ¹H itself: Ξ = 100 %, so the two routes coincide exactly at the matching field
            Math.abs(larmorFrequency('1H', { protonFrequency: proton }) / proton - 1) < 1e-15 &&
            // other nuclei: within the 0.3 % spread of reference-compound shieldings
            Math.abs(viaXi / at - 1) < 3e-3
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    expect(() => larmorFrequency('7Li', { field: 7.05, protonFrequency: 300 } as never)).toThrow(
      new TypeError(
        'spectrometer must give exactly one of field (T) or protonFrequency (MHz); received both',
      ),
    );
    expect(() => larmorFrequency('7Li', {} as never)).toThrow(/received neither/);
    expect(() => larmorFrequency('7Li', null as never)).toThrow(TypeError);
    expect(() => larmorFrequency('7Li', 7.05 as never)).toThrow(
      /spectrometer must be an object .*; received 7.05/,
    );
    expect(() => larmorFrequency('7Li', { field: 0 })).toThrow(
      new RangeError('spectrometer.field must be a finite number > 0 (T); received 0'),
    );
    expect(() => larmorFrequency('7Li', { field: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    expect(() => larmorFrequency('7Li', { protonFrequency: Number.NaN })).toThrow(
      /spectrometer.protonFrequency must be a finite number > 0 \(MHz\); received NaN/,
    );
    expect(() => larmorFrequency('7Li', { protonFrequency: '300' as never })).toThrow(TypeError);
    expect(() => larmorFrequency('8Li', { field: 7.05 })).toThrow(RangeError);
    expect(() => larmorFrequency(undefined as never, { field: 7.05 })).toThrow(TypeError);
  });
});

describe('fieldFromProtonFrequency', () => {
  it('gives B₀ = 2π ν_H / γ(¹H): 300 MHz is 7.04598 T, not 7.05 T', () => {
    // 2π × 300e6 = 1 884 955 592.15 rad s⁻¹; / 26.7522128e7 = 7.0459801 T (REFERENCES.md: 7.0460 T)
    expect(fieldFromProtonFrequency(300)).toBeCloseTo(7.0459801, 6);
    // 2π × 500e6 / 26.7522128e7 = 11.7433002 T
    expect(fieldFromProtonFrequency(500)).toBeCloseTo(11.7433002, 6);
  });

  it('inverts the ¹H Larmor frequency', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1500, noNaN: true }), (protonFrequency) => {
        const field = fieldFromProtonFrequency(protonFrequency);
        return Math.abs(larmorFrequency('1H', { field }) / protonFrequency - 1) < 1e-14;
      }),
      { numRuns: 200 },
    );
  });

  it('rejects bad input', () => {
    expect(() => fieldFromProtonFrequency(0)).toThrow(
      new RangeError('protonFrequency must be a finite number > 0 (MHz); received 0'),
    );
    expect(() => fieldFromProtonFrequency(-300)).toThrow(RangeError);
    expect(() => fieldFromProtonFrequency(Number.NaN)).toThrow(RangeError);
    expect(() => fieldFromProtonFrequency('300' as never)).toThrow(TypeError);
  });
});
