import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PathwayTable,
  pathwayContributions,
  speciesLabel,
} from '../src/pathway-contributions.js';
import { type PathwayEnvironment, pathwayShift } from '../src/pathway-shift.js';

const li7 = pathwayContributions['7Li'];

describe('pathwayContributions', () => {
  it('holds the 7Li values of Märker et al. 2019, Table 1 (ppm per TM neighbour)', () => {
    // Märker, Reeves, Xu, Griffith, Grey, Chem. Mater. 2019, 31, 2545, Table 1, also reproduced
    // in the CCP-NC case study https://www.ccpnc.ac.uk/research/case-studies:
    // Ni2+ −30 / 170, Ni3+ −15 / 110, Mn4+ 250 / −60 (90° / 180°). Low-spin Co3+ (S = 0) is 0 / 0.
    const expected = {
      'Ni2+': { '90': -30, '180': 170 },
      'Ni3+': { '90': -15, '180': 110 },
      'Mn4+': { '90': 250, '180': -60 },
      'Co3+': { '90': 0, '180': 0 },
    } as const;
    const found: Record<string, Record<string, number>> = {};
    for (const entry of li7) {
      const label = speciesLabel(entry.ion, entry.oxidationState);
      found[label] = { ...found[label], [entry.geometry]: entry.shift };
      expect(entry.source.length).toBeGreaterThan(20);
    }
    expect(found).toEqual(expected);
    expect(li7.filter((e) => e.ion !== 'Co').every((e) => e.source.includes('Märker'))).toBe(true);
  });

  it('is frozen so the bundled values cannot be changed by accident', () => {
    expect(Object.isFrozen(pathwayContributions)).toBe(true);
    expect(Object.isFrozen(li7)).toBe(true);
    expect(Object.isFrozen(li7[0])).toBe(true);
  });
});

describe('speciesLabel', () => {
  it('writes element, oxidation state and +', () => {
    expect(speciesLabel('Ni', 3)).toBe('Ni3+');
    expect(speciesLabel('Li', 1)).toBe('Li1+');
  });

  it('rejects bad input', () => {
    expect(() => speciesLabel('ni', 3)).toThrow(/ion must be an element symbol.*received "ni"/);
    expect(() => speciesLabel(3 as unknown as string, 3)).toThrow(TypeError);
    expect(() => speciesLabel('Ni', 2.5)).toThrow(
      /oxidationState of Ni must be an integer from 1 to 8; received 2.5/,
    );
    expect(() => speciesLabel('Ni', 0)).toThrow(RangeError);
  });
});

describe('pathwayShift', () => {
  it('sums LiNiO2 with all Ni3+ to 6·(−15) + 6·110 = 570 ppm', () => {
    expect(pathwayShift({ '90': { 'Ni3+': 6 }, '180': { 'Ni3+': 6 } }, li7)).toBe(570);
  });

  it('sums a mixed NMC environment by hand', () => {
    // 90°: 2·(−30) + 2·(−15) + 1·250 + 1·0 = 160; 180°: 5·110 + 1·(−60) = 490; total 650 ppm.
    const environment: PathwayEnvironment = {
      '90': { 'Ni2+': 2, 'Ni3+': 2, 'Mn4+': 1, 'Co3+': 1 },
      '180': { 'Ni3+': 5, 'Mn4+': 1 },
    };
    expect(pathwayShift(environment, li7)).toBe(650);
    // One Mn4+ replacing a first-shell Ni3+: 570 + 250 + 15 = 835 ppm.
    expect(pathwayShift({ '90': { 'Ni3+': 5, 'Mn4+': 1 }, '180': { 'Ni3+': 6 } }, li7)).toBe(835);
  });

  it('accepts user tables, other geometries and fractional (mean-field) counts', () => {
    const table: PathwayTable = [
      { ion: 'Ni', oxidationState: 4, geometry: '90', shift: 12.5, source: 'made up' },
      { ion: 'Mn', oxidationState: 4, geometry: '120', shift: -40, source: 'made up' },
    ];
    // 2·12.5 + 0.5·(−40) = 5 ppm
    expect(pathwayShift({ '90': { 'Ni4+': 2 }, '120': { 'Mn4+': 0.5 } }, table)).toBe(5);
    // the mean-field NMC811 environment gives the mean shift 597 ppm (see environmentDistribution)
    const mean = pathwayShift(
      {
        '90': { 'Ni2+': 0.6, 'Ni3+': 4.2, 'Mn4+': 0.6, 'Co3+': 0.6 },
        '180': { 'Ni2+': 0.6, 'Ni3+': 4.2, 'Mn4+': 0.6, 'Co3+': 0.6 },
      },
      li7,
    );
    expect(mean).toBeCloseTo(597, 10);
  });

  it('needs no table entry for species counted zero times', () => {
    expect(pathwayShift({ '90': { 'Ni3+': 6, 'Ni4+': 0 }, '180': {} }, li7)).toBe(-90);
  });

  it('is additive: the shift of a sum of environments is the sum of their shifts', () => {
    const labels = ['Ni2+', 'Ni3+', 'Mn4+', 'Co3+'];
    const shellArb = fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 4, maxLength: 4 });
    const toShell = (counts: number[]) =>
      Object.fromEntries(labels.map((label, i) => [label, counts[i] as number]));
    fc.assert(
      fc.property(shellArb, shellArb, shellArb, shellArb, (a90, a180, b90, b180) => {
        const a = { '90': toShell(a90), '180': toShell(a180) };
        const b = { '90': toShell(b90), '180': toShell(b180) };
        const sum = {
          '90': toShell(a90.map((v, i) => v + (b90[i] as number))),
          '180': toShell(a180.map((v, i) => v + (b180[i] as number))),
        };
        // integer counts times integer ppm: exact
        return pathwayShift(sum, li7) === pathwayShift(a, li7) + pathwayShift(b, li7);
      }),
      { numRuns: 200 },
    );
  });

  it('names an unknown species and lists the table species', () => {
    expect(() => pathwayShift({ '90': { 'Ni4+': 1 } }, li7)).toThrow(
      new RangeError(
        `environment['90'] has species "Ni4+" with no table entry for geometry '90'; the table's '90' species are Ni2+, Ni3+, Mn4+, Co3+. Add an entry { ion, oxidationState, geometry: '90', shift, source } to the table`,
      ),
    );
    expect(() => pathwayShift({ '120': { 'Ni3+': 1 } }, li7)).toThrow(
      /no table entry for geometry '120'; the table has no '120' entries at all \(its geometries: '90', '180'\)/,
    );
  });

  it('rejects bad environments and tables', () => {
    expect(() => pathwayShift(null as unknown as PathwayEnvironment, li7)).toThrow(TypeError);
    expect(() => pathwayShift({ '90': 6 } as unknown as PathwayEnvironment, li7)).toThrow(
      /environment\['90'\] must be an object/,
    );
    expect(() => pathwayShift({ '90': { 'Ni3+': -1 } }, li7)).toThrow(
      /environment\['90'\]\['Ni3\+'\] must be a finite number ≥ 0; received -1/,
    );
    expect(() => pathwayShift({ '90': { 'Ni3+': Number.NaN } }, li7)).toThrow(RangeError);
    expect(() => pathwayShift({}, {} as unknown as PathwayTable)).toThrow(
      /table must be an array of \{ ion, oxidationState, geometry, shift, source \} entries/,
    );
    const duplicate: PathwayTable = [
      { ion: 'Ni', oxidationState: 3, geometry: '90', shift: -15, source: 'a' },
      { ion: 'Ni', oxidationState: 3, geometry: '90', shift: -16, source: 'b' },
    ];
    expect(() => pathwayShift({}, duplicate)).toThrow(
      /table\[1\] repeats species Ni3\+ for geometry '90'/,
    );
    const badShift = [
      { ion: 'Ni', oxidationState: 3, geometry: '90', shift: Number.NaN, source: '' },
    ];
    expect(() => pathwayShift({}, badShift)).toThrow(/table\[0\]\.shift must be a finite number/);
    const badIon = [{ ion: 'nickel', oxidationState: 3, geometry: '90', shift: 1, source: '' }];
    expect(() => pathwayShift({}, badIon)).toThrow(/table\[0\]: ion must be an element symbol/);
    const badState = [{ ion: 'Ni', oxidationState: 3.5, geometry: '90', shift: 1, source: '' }];
    expect(() => pathwayShift({}, badState)).toThrow(
      /table\[0\]\.oxidationState must be an integer/,
    );
    const noSource = [{ ion: 'Ni', oxidationState: 3, geometry: '90', shift: 1 }];
    expect(() => pathwayShift({}, noSource as unknown as PathwayTable)).toThrow(
      /table\[0\]\.source must be a citation string/,
    );
    const numericGeometry = [{ ion: 'Ni', oxidationState: 3, geometry: 90, shift: 1, source: '' }];
    expect(() => pathwayShift({}, numericGeometry as unknown as PathwayTable)).toThrow(
      /table\[0\]\.geometry must be a string/,
    );
  });
});
