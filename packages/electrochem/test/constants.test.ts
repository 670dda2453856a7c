import { describe, expect, it } from 'vitest';
import { FARADAY, GAS_CONSTANT, thermalVoltage } from '../src/index.js';

describe('CODATA 2018 constants', () => {
  it('equal the published exact values', () => {
    // CODATA 2018 (NIST SP 961, 2019): F = 96 485.332 12… C mol⁻¹, R = 8.314 462 618… J mol⁻¹ K⁻¹;
    // scipy.constants prints 96485.33212331001 and 8.314462618.
    expect(FARADAY).toBeCloseTo(96485.33212331001, 9);
    expect(GAS_CONSTANT).toBeCloseTo(8.31446261815324, 13);
  });
});

describe('thermalVoltage', () => {
  it('equals k_B T / e', () => {
    // k_B = 1.380649e-23 J/K and e = 1.602176634e-19 C are exact (SI 2019):
    // k_B·298.15/e = 0.025692579… V.
    expect(thermalVoltage(298.15)).toBeCloseTo((1.380649e-23 * 298.15) / 1.602176634e-19, 15);
    expect(thermalVoltage(298.15)).toBeCloseTo(0.0256926, 7);
    expect(thermalVoltage(600)).toBeCloseTo(2 * thermalVoltage(300), 15);
  });

  it('rejects non-physical temperatures', () => {
    expect(() => thermalVoltage(0)).toThrow(
      new RangeError('temperature must be a finite number > 0 (K); received 0'),
    );
    expect(() => thermalVoltage(Number.NaN)).toThrow(RangeError);
    expect(() => thermalVoltage('298' as unknown as number)).toThrow(TypeError);
  });
});
