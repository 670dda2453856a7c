import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hzToPpm, ppmToHz } from '../src/index.js';

// ⁷Li reference frequency at a 300 MHz (¹H) spectrometer: Ξ(⁷Li) = 38.863797 % (IUPAC, Harris
// et al., Pure Appl. Chem. 2001, 73, 1795) → 300 × 0.38863797 = 116.591391 MHz.
const li7At300 = 300 * 0.38863797;

describe('ppmToHz / hzToPpm', () => {
  it('convert the 60 kHz MAS sideband spacing of ⁷Li at 300 MHz (Mu et al. 2024 conditions)', () => {
    // 60000 Hz / 116.591391 MHz = 514.6176… ppm (REFERENCES.md quotes 514.6 ppm).
    expect(hzToPpm(60_000, li7At300)).toBeCloseTo(514.6176, 3);
    expect(ppmToHz(514.6176, li7At300)).toBeCloseTo(60_000, 1);
  });

  it('are inverse of each other and linear in the shift', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -5000, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 1200, noNaN: true }),
        (shift, frequency) => {
          expect(hzToPpm(ppmToHz(shift, frequency), frequency)).toBeCloseTo(shift, 9);
          expect(ppmToHz(2 * shift, frequency)).toBeCloseTo(2 * ppmToHz(shift, frequency), 6);
        },
      ),
    );
  });

  it('rejects bad input', () => {
    expect(() => ppmToHz(10, 0)).toThrow(
      new RangeError('referenceFrequency must be a finite number > 0 (MHz); received 0'),
    );
    expect(() => ppmToHz(Number.NaN, 100)).toThrow(/shift must be a finite number \(ppm\)/);
    expect(() => hzToPpm(Number.POSITIVE_INFINITY, 100)).toThrow(RangeError);
    expect(() => hzToPpm(1, -100)).toThrow(RangeError);
  });
});
