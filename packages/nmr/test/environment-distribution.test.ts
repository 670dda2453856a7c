import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compositionFromFormula } from '../src/composition.js';
import {
  type EnvironmentDistributionOptions,
  environmentDistribution,
  type SiteEnvironment,
} from '../src/environment-distribution.js';
import { type PathwayTable, pathwayContributions } from '../src/pathway-contributions.js';
import { pathwayShift } from '../src/pathway-shift.js';
import data from './fixtures/environment-distribution.json' with { type: 'json' };

const li7 = pathwayContributions['7Li'];
const nmc811 = { 'Ni2+': 0.1, 'Ni3+': 0.7, 'Mn4+': 0.1, 'Co3+': 0.1 };

/** Sum in increasing order of magnitude (accurate enough to test a 1e-12 law on 7056 terms). */
function accurateSum(values: number[]): number {
  return [...values].sort((a, b) => Math.abs(a) - Math.abs(b)).reduce((s, v) => s + v, 0);
}

/** Counts of an environment as arrays in species order, as the Python fixture writes them. */
function countsKey(environment: SiteEnvironment, species: readonly string[]): string {
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(environment.counts).map(([g, shell]) => [g, species.map((s) => shell[s])]),
    ),
  );
}

function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

describe('environmentDistribution', () => {
  it('matches the itertools/scipy enumeration for NMC811 over 6 + 6 sites', () => {
    const reference = data.nmc811;
    const result = environmentDistribution({ composition: nmc811, table: li7 });
    expect(result.species).toEqual(reference.species);
    // C(9, 3)² = 84² = 7056 environments
    expect(result.environments.length).toBe(7056);
    expect(reference.count).toBe(7056);
    // closed form: 6·(0.1·(−30) + 0.7·(−15) + 0.1·250 + 0) + 6·(0.1·170 + 0.7·110 + 0.1·(−60))
    // = 6·11.5 + 6·88 = 597 ppm; scipy's enumeration gives the same
    expect(result.meanShift).toBeCloseTo(597, 10);
    expect(result.meanShift).toBeCloseTo(reference.meanShift, 9);
    expect(result.omittedProbability).toBe(0);

    // probability of each distinct shift value (508 of them): the whole distribution
    const byShift = new Map<number, number[]>();
    for (const e of result.environments) {
      byShift.set(e.shift, [...(byShift.get(e.shift) ?? []), e.probability]);
    }
    expect(byShift.size).toBe(reference.shiftDistribution.length);
    let worst = 0;
    for (const [shift, probability] of reference.shiftDistribution as [number, number][]) {
      const ours = byShift.get(shift);
      worst = Math.max(worst, ours ? relativeError(accurateSum(ours), probability) : 1);
    }
    expect(worst).toBeLessThan(1e-12);

    // the most likely environments, in order: 0.7¹² = 0.013841287201 (all Ni3+) first
    const top = reference.top;
    expect(result.environments[0]?.probability).toBeCloseTo(0.7 ** 12, 15);
    expect(result.environments[0]?.shift).toBe(570);
    for (let i = 0; i < top.length; i++) {
      expect(
        relativeError(result.environments[i]?.probability ?? 0, top[i]?.probability ?? 1),
      ).toBeLessThan(1e-12);
    }
    // environments strictly more likely than the 12th (so not cut through a tie) are all found
    const cut = (top[top.length - 1]?.probability ?? 0) * (1 + 1e-9);
    const ours = new Map(
      result.environments.slice(0, top.length).map((e) => [countsKey(e, result.species), e]),
    );
    for (const reference of top.filter((e) => e.probability > cut)) {
      const match = ours.get(JSON.stringify(reference.counts));
      expect(match?.shift).toBe(reference.shift);
      expect(relativeError(match?.probability ?? 0, reference.probability)).toBeLessThan(1e-12);
    }
  });

  it('matches the enumeration for a user table with Ni4+ over 3 + 2 sites, environment by environment', () => {
    const reference = data.user;
    const result = environmentDistribution({
      composition: reference.composition,
      table: reference.table as PathwayTable,
      shells: reference.shells,
    });
    // C(5, 2)·C(4, 2) = 10·6 = 60
    expect(result.environments.length).toBe(60);
    expect(result.meanShift).toBeCloseTo(reference.meanShift, 10);
    const expected = new Map(reference.environments.map((e) => [JSON.stringify(e.counts), e]));
    let violations = 0;
    for (const e of result.environments) {
      const match = expected.get(countsKey(e, result.species));
      if (!match) violations++;
      else if (
        relativeError(e.probability, match.probability) > 1e-12 ||
        Math.abs(e.shift - match.shift) > 1e-9
      )
        violations++;
    }
    expect(violations).toBe(0);
  });

  it('obeys the laws of the multinomial model for random compositions and shell sizes', () => {
    const labels = ['Ni2+', 'Ni3+', 'Mn4+', 'Co3+'];
    const delta = (label: string, geometry: string): number =>
      li7.find((e) => `${e.ion}${e.oxidationState}+` === label && e.geometry === geometry)
        ?.shift as number;
    const binomial = (n: number, k: number): number => {
      let c = 1;
      for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
      return Math.round(c);
    };
    let violations = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (weights, n90, n180) => {
          const total = weights.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const composition = Object.fromEntries(
            labels.map((label, i) => [label, (weights[i] as number) / total]),
          );
          const k = weights.filter((w) => w > 0).length;
          const shells = { '90': n90, '180': n180 };
          const { environments, meanShift } = environmentDistribution({
            composition,
            table: li7,
            shells,
          });
          // number of environments: C(n + k − 1, k − 1) per shell, shells independent
          if (environments.length !== binomial(n90 + k - 1, k - 1) * binomial(n180 + k - 1, k - 1))
            violations++;
          // probabilities sum to 1
          if (Math.abs(accurateSum(environments.map((e) => e.probability)) - 1) > 1e-12)
            violations++;
          // mean by linearity of expectation: Σ_shell n Σ_s x_s δ(s, shell)
          let closedMean = 0;
          let closedVariance = 0;
          for (const [geometry, n] of Object.entries(shells)) {
            let m1 = 0;
            let m2 = 0;
            for (const label of labels) {
              const x = composition[label] as number;
              m1 += x * delta(label, geometry);
              m2 += x * delta(label, geometry) ** 2;
            }
            closedMean += n * m1;
            // a multinomial shell sum has variance n·(E[δ²] − E[δ]²); shells independent
            closedVariance += n * (m2 - m1 * m1);
          }
          const scale = 6 * 250 + 6 * 170;
          if (Math.abs(meanShift - closedMean) > 1e-9 * scale) violations++;
          const enumeratedMean = accurateSum(environments.map((e) => e.probability * e.shift));
          if (Math.abs(enumeratedMean - closedMean) > 1e-9 * scale) violations++;
          const enumeratedVariance = accurateSum(
            environments.map((e) => e.probability * (e.shift - closedMean) ** 2),
          );
          if (Math.abs(enumeratedVariance - closedVariance) > 1e-9 * scale * scale) violations++;
          // sorted by decreasing probability; each shell holds n sites; shift = pathwayShift
          for (let i = 0; i < environments.length; i++) {
            const e = environments[i] as SiteEnvironment;
            if (i > 0 && e.probability > (environments[i - 1] as SiteEnvironment).probability)
              violations++;
            const sum90 = Object.values(e.counts['90'] ?? {}).reduce((a, b) => a + b, 0);
            const sum180 = Object.values(e.counts['180'] ?? {}).reduce((a, b) => a + b, 0);
            if (sum90 !== n90 || sum180 !== n180) violations++;
            if (i < 20 && Math.abs(pathwayShift(e.counts, li7) - e.shift) > 1e-9) violations++;
          }
        },
      ),
      { numRuns: 40 },
    );
    expect(violations).toBe(0);
  });

  it('gives one environment for a single species (LiNiO2: 570 ppm with probability 1)', () => {
    const result = environmentDistribution({
      composition: compositionFromFormula('LiNiO2'),
      table: li7,
    });
    expect(result.environments).toEqual([
      { counts: { '90': { 'Ni3+': 6 }, '180': { 'Ni3+': 6 } }, probability: 1, shift: 570 },
    ]);
    expect(result.meanShift).toBe(570);
  });

  it('runs the one-liner from a formula and drops absent species', () => {
    const result = environmentDistribution({
      composition: compositionFromFormula('LiNi0.8Mn0.1Co0.1O2'),
      table: li7,
    });
    expect(result.environments.length).toBe(7056);
    expect(result.meanShift).toBeCloseTo(597, 9);
    // a zero fraction is ignored, so Ni4+ needs no entry in the 7Li table
    const withZero = environmentDistribution({
      composition: { ...nmc811, 'Ni4+': 0 },
      table: li7,
      shells: { '90': 1, '180': 1 },
    });
    expect(withZero.species).toEqual(['Ni2+', 'Ni3+', 'Mn4+', 'Co3+']);
    expect(withZero.environments.length).toBe(16);
  });

  it('prunes with minProbability but keeps the mean over all environments', () => {
    const full = environmentDistribution({ composition: nmc811, table: li7 });
    const pruned = environmentDistribution({
      composition: nmc811,
      table: li7,
      minProbability: 1e-4,
    });
    expect(pruned.environments.length).toBeLessThan(full.environments.length);
    expect(pruned.environments.every((e) => e.probability >= 1e-4)).toBe(true);
    expect(pruned.meanShift).toBe(full.meanShift);
    const dropped = accurateSum(
      full.environments.filter((e) => e.probability < 1e-4).map((e) => e.probability),
    );
    expect(pruned.omittedProbability).toBeCloseTo(dropped, 14);
    expect(pruned.omittedProbability).toBeGreaterThan(0);
    expect(pruned.environments).toEqual(full.environments.slice(0, pruned.environments.length));
  });

  it('accepts user shell sizes and geometries, including an empty shell', () => {
    const table: PathwayTable = [
      { ion: 'Ni', oxidationState: 3, geometry: 'edge', shift: -15, source: 'test' },
      { ion: 'Mn', oxidationState: 4, geometry: 'edge', shift: 250, source: 'test' },
    ];
    // two sites, x = 1/2 each: binomial probabilities 1/4, 1/2, 1/4 for 0, 1, 2 Mn4+
    const result = environmentDistribution({
      composition: { 'Ni3+': 0.5, 'Mn4+': 0.5 },
      table,
      shells: { edge: 2, '180': 0 },
    });
    expect(result.environments.map((e) => [e.probability, e.shift])).toEqual([
      [0.5, 235],
      [0.25, -30],
      [0.25, 500],
    ]);
    expect(result.environments[0]?.counts).toEqual({
      edge: { 'Ni3+': 1, 'Mn4+': 1 },
      '180': { 'Ni3+': 0, 'Mn4+': 0 },
    });
    expect(Object.isFrozen(result.environments[0]?.counts.edge)).toBe(true);
    expect(result.meanShift).toBeCloseTo(235, 12);
  });

  it('rejects bad input', () => {
    const run = (options: unknown) => () =>
      environmentDistribution(options as EnvironmentDistributionOptions);
    expect(run(null)).toThrow(TypeError);
    expect(run({ composition: [0.5, 0.5], table: li7 })).toThrow(/composition must be an object/);
    expect(run({ composition: { 'Ni3+': 0.5 }, table: li7 })).toThrow(
      'composition fractions must sum to 1 (to within 1e-6); received a sum of 0.5',
    );
    expect(run({ composition: {}, table: li7 })).toThrow(/must sum to 1/);
    expect(run({ composition: { 'Ni3+': 1.5, 'Mn4+': -0.5 }, table: li7 })).toThrow(
      /composition\['Mn4\+'\] must be a finite number ≥ 0; received -0.5/,
    );
    expect(run({ composition: { 'Ni3+': 0.5, 'Ni4+': 0.5 }, table: li7 })).toThrow(
      /composition has species "Ni4\+" with no table entry for geometry '90'; the table's '90' species are Ni2\+, Ni3\+, Mn4\+, Co3\+/,
    );
    expect(run({ composition: nmc811, table: li7, shells: { '90': 6.5 } })).toThrow(
      /shells\['90'\] must be an integer ≥ 0 and ≤ 10000; received 6.5/,
    );
    expect(run({ composition: nmc811, table: li7, shells: [6, 6] })).toThrow(
      /shells must be an object/,
    );
    expect(run({ composition: nmc811, table: li7, minProbability: 2 })).toThrow(
      /minProbability must be a finite number ≥ 0 and ≤ 1; received 2/,
    );
    expect(run({ composition: nmc811, table: li7, shells: { '90': 60, '180': 60 } })).toThrow(
      /would enumerate 1\d+ environments \(39711 × 39711\) for 4 species .* more than maxEnvironments = 1000000/,
    );
    expect(run({ composition: nmc811, table: li7, maxEnvironments: 100 })).toThrow(
      /would enumerate 7056 environments/,
    );
    expect(run({ composition: nmc811, table: 'Li' })).toThrow(/table must be an array/);
  });
});
