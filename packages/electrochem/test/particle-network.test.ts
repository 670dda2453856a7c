import { describe, expect, it } from 'vitest';
import {
  FARADAY,
  illustrativeNmcConductivity,
  simulateParticleNetwork,
  simulateSingleParticle,
} from '../src/index.js';

/** Spearman rank correlation (no ties expected: continuous values). */
function spearman(a: readonly number[], b: readonly number[]): number {
  const rank = (v: readonly number[]) => {
    const r = new Array<number>(v.length);
    v.map((x, i) => [x, i] as const)
      .sort((p, q) => p[0] - q[0])
      .forEach(([, i], j) => {
        r[i] = j;
      });
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += (ra[i]! - rb[i]!) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

const cycle = [
  { mode: 'current', cRate: 1 / 20, maxVoltage: 4.3 },
  { mode: 'voltage', voltage: 4.3, minCRate: 1 / 100 },
  { mode: 'current', cRate: -1 / 20, minVoltage: 2.5 },
] as const;

describe('simulateParticleNetwork', () => {
  const result = simulateParticleNetwork({ protocol: [...cycle, ...cycle] });
  const [charge1, discharge1, charge2] = result.halfCycles;

  it('conserves lithium to round-off: ΔLi = −∫I dt / F over the whole network', () => {
    for (const index of [result.steps[1]!.endIndex, result.time.length - 1]) {
      const change = result.totalLithium[index]! - result.totalLithium[0]!;
      const passed = -result.charge[index]! / FARADAY;
      expect(Math.abs(change - passed)).toBeLessThanOrEqual(1e-12 * Math.abs(passed));
    }
  });

  it('reproduces mechanisms (1) and (3): a staggered cascade during the C/20 constant-current step, synchronous afterwards', () => {
    expect(result.halfCycles.map((h) => h.direction)).toEqual([
      'charge',
      'discharge',
      'charge',
      'discharge',
    ]);
    // The chain heads touch the carbon network and carry C/20 from the start, so the first charge
    // is galvanostatic (as in the paper's model, "cycled by enforcing a constant current"): the
    // CC step passes most of the first-charge capacity before the 4.3 V hold.
    const q = result.steps.map((s) => s.charge);
    expect(charge1!.steps).toEqual([0, 1]);
    expect(q[0]! / (q[0]! + q[1]!)).toBeGreaterThan(0.7);
    const active1 = charge1!.particles.filter((p) => p.active);
    const active2 = charge2!.particles.filter((p) => p.active);
    // most particles react on the first charge…
    expect(active1.length).toBeGreaterThan(70);
    // …each switching once (one slope peak: pristine → conducting → catches up with the rest),
    // over a narrow SOC window, and the windows are staggered (they hardly overlap)
    expect(active1.every((p) => p.slopePeaks === 1)).toBe(true);
    expect(charge1!.synchronicityIndex).toBeLessThan(0.3);
    expect(charge1!.classification).toBe('asynchronous');
    const onsets = active1.map((p) => p.onsetSoc).sort((a, b) => a - b);
    expect(onsets[onsets.length - 1]! - onsets[0]!).toBeGreaterThan(0.4);
    // The cascade runs in the order of the pristine path resistance, Σ over the segments from the
    // particle to the collector of R_j + ℓ_j/κ(x₀) (a particle waits for the pristine particles
    // between it and the collector to conduct): "the leftmost top particle reacts first, and the
    // rightmost top particle reacts last" (Sharma et al. 2022, Fig. 4d).
    const kappa0 = illustrativeNmcConductivity(0.99);
    const pristine = Array.from(result.pathLength, (_, k) => {
      let sum = 0;
      for (let j = k; j >= 0; j = result.upstream[j]!) {
        sum += result.contactResistance[j]! + result.pathLength[j]! / kappa0;
      }
      return sum;
    });
    const reacting = charge1!.particles.flatMap((p, k) => (p.active ? [k] : []));
    expect(
      spearman(
        reacting.map((k) => charge1!.particles[k]!.onsetSoc),
        reacting.map((k) => pristine[k]!),
      ),
    ).toBeGreaterThan(0.8);
    // next charge: gradual (wide windows) and synchronous, as is the first discharge
    expect(charge2!.synchronicityIndex).toBeGreaterThan(0.8);
    expect(charge2!.classification).toBe('synchronous');
    expect(discharge1!.classification).toBe('synchronous');
    const meanWidth = (ps: typeof active1) =>
      ps.reduce((s, p) => s + p.transitionWidth, 0) / ps.length;
    expect(meanWidth(active2)).toBeGreaterThan(2 * meanWidth(active1));
  });

  it('loses Li on the first cycle only (mechanism (2)) and starts the second charge conductive', () => {
    const q = result.steps.map((s) => s.charge);
    const loss1 = 1 - -q[2]! / (q[0]! + q[1]!);
    const loss2 = 1 - -q[5]! / (q[3]! + q[4]!);
    expect(loss1).toBeGreaterThan(0.05);
    expect(loss2).toBeLessThan(0.2 * loss1);
  });

  it('returns one trace per particle, sample-aligned, and stateOfCharge = 1 − cellLithium', () => {
    expect(result.particleLithium).toHaveLength(100);
    for (const trace of result.particleLithium) expect(trace.length).toBe(result.time.length);
    const k = result.time.length >> 1;
    let mean = 0;
    for (const trace of result.particleLithium) mean += trace[k]! / 100;
    expect(result.cellLithium[k]).toBeCloseTo(mean, 14);
    expect(result.stateOfCharge[k]).toBeCloseTo(1 - mean, 14);
    // the path factors are reproducible from the seed
    const again = simulateParticleNetwork({ protocol: [{ mode: 'rest', duration: 1 }] });
    expect(Array.from(again.pathLength)).toEqual(Array.from(result.pathLength));
    // the generated electrode: 10 chains, heads on the carbon network (ℓ = 0), k behind k − 10
    expect(Array.from(result.upstream)).toEqual(
      Array.from({ length: 100 }, (_, k) => (k < 10 ? -1 : k - 10)),
    );
    expect(Array.from(result.pathLength.subarray(0, 10))).toEqual(new Array(10).fill(0));
    expect(result.pathLength.subarray(10).every((l) => l > 0)).toBe(true);
  });

  it('treats identical particles identically and one particle like a single particle', () => {
    const same = simulateParticleNetwork({
      protocol: [cycle[0]],
      pathLength: [1e-6, 1e-6, 1e-6],
      contactResistance: 0,
    });
    const end = same.time.length - 1;
    expect(same.particleLithium[1]![end]).toBe(same.particleLithium[0]![end]);
    // One well-wired particle vs simulateSingleParticle on the same grid: same physics, different
    // time integration (linearized OCV vs Picard), so agreement to a few mV / 1e-3 in x.
    const network = simulateParticleNetwork({
      protocol: [{ mode: 'current', cRate: 1, maxDuration: 1800 }],
      pathLength: [1e-12],
      contactResistance: 0,
      initialLithium: 0.8,
      shells: 20,
      maxTimeStep: 10,
    });
    const single = simulateSingleParticle({
      protocol: [{ mode: 'current', cRate: 1, maxDuration: 1800 }],
      initialLithium: 0.8,
      shells: 20,
      maxTimeStep: 10,
    });
    const n = network.time.length - 1;
    const m = single.time.length - 1;
    expect(network.time[n]).toBeCloseTo(1800, 9);
    expect(network.cellLithium[n]).toBeCloseTo(single.averageLithium[m]!, 12);
    expect(Math.abs(network.voltage[n]! - single.voltage[m]!)).toBeLessThan(5e-3);
  });

  it('solves the tree by Kirchhoff: a zero-resistance upstream segment is the same as parallel paths', () => {
    // Particle 0's segment has ρ = 0 (ℓ = 0, R = 0), so the node behind it is at the collector
    // potential and particles 1, 2 see exactly what they see in parallel.
    const common = {
      protocol: [cycle[0], cycle[1]],
      pathLength: [0, 2e-4, 4e-4],
      contactResistance: [0, 0.01, 0.01],
    };
    const tree = simulateParticleNetwork({ ...common, upstream: [-1, 0, 0] });
    const flat = simulateParticleNetwork(common);
    expect(Array.from(flat.upstream)).toEqual([-1, -1, -1]);
    expect(tree.time.length).toBe(flat.time.length);
    const end = tree.time.length - 1;
    for (let k = 0; k < 3; k++) {
      expect(tree.particleLithium[k]![end]).toBeCloseTo(flat.particleLithium[k]![end]!, 9);
    }
    expect(tree.voltage[end]).toBeCloseTo(flat.voltage[end]!, 9);
  });

  it('blocks the particles behind a pristine, resistive one until it conducts', () => {
    // Two identical particles, one behind the other (chain) or side by side (parallel): in the
    // chain the back particle waits for the front one, in parallel they react together.
    const protocol = [{ mode: 'current', cRate: 1 / 20, maxDuration: 4 * 3600 }] as const;
    const common = { protocol, pathLength: [5e-5, 5e-5], contactResistance: 0.01 };
    const chain = simulateParticleNetwork({ ...common, upstream: [-1, 0] });
    const side = simulateParticleNetwork(common);
    const end = chain.time.length - 1;
    /** Time (h) at which particle k has delithiated to x̄ = 0.95 (it conducts from then on). */
    const switchTime = (r: typeof chain, k: number) =>
      r.time[r.particleLithium[k]!.findIndex((x) => x < 0.95)]! / 3600;
    expect(switchTime(side, 1)).toBe(switchTime(side, 0));
    expect(switchTime(chain, 0)).toBeLessThan(switchTime(side, 0));
    expect(switchTime(chain, 1)).toBeGreaterThan(switchTime(chain, 0) + 0.5);
    // lithium is conserved in the chain as well
    const change = chain.totalLithium[end]! - chain.totalLithium[0]!;
    expect(Math.abs(change + chain.charge[end]! / FARADAY)).toBeLessThanOrEqual(
      1e-12 * (chain.charge[end]! / FARADAY),
    );
  });

  it('reports progress and honours an aborted signal', () => {
    const calls: number[] = [];
    simulateParticleNetwork({
      particles: 3,
      protocol: [
        { mode: 'rest', duration: 10 },
        { mode: 'current', cRate: 0.1, maxDuration: 10 },
      ],
      onProgress: (done) => calls.push(done),
    });
    expect(calls).toEqual([1, 2]);
    const controller = new AbortController();
    controller.abort();
    expect(() => simulateParticleNetwork({ protocol: cycle, signal: controller.signal })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });

  it('rejects bad input', () => {
    const ok = { protocol: [{ mode: 'rest', duration: 1 }] } as const;
    expect(() => simulateParticleNetwork(null as never)).toThrow(TypeError);
    expect(() => simulateParticleNetwork({ protocol: 'charge' as never })).toThrow(
      /options.protocol/,
    );
    expect(() => simulateParticleNetwork({ ...ok, particles: 0 })).toThrow(/options.particles/);
    expect(() => simulateParticleNetwork({ ...ok, pathLength: [1e-4, -1] })).toThrow(
      'options.pathLength[1] must be a finite number ≥ 0 (m); received -1',
    );
    expect(() => simulateParticleNetwork({ ...ok, chains: 0 })).toThrow(/options.chains/);
    expect(() => simulateParticleNetwork({ ...ok, particles: 5, chains: 6 })).toThrow(
      /options.chains/,
    );
    expect(() => simulateParticleNetwork({ ...ok, chains: 2.5 })).toThrow(/options.chains/);
    expect(() =>
      simulateParticleNetwork({ ...ok, particles: 2, chains: 1, upstream: [-1, 0] }),
    ).toThrow(TypeError);
    const two = { ...ok, pathLength: [1e-4, 1e-4] };
    expect(() => simulateParticleNetwork({ ...two, upstream: [-1] })).toThrow(
      /options.upstream must have the same length as the number of particles/,
    );
    expect(() => simulateParticleNetwork({ ...two, upstream: [-1, 1] })).toThrow(
      /options.upstream\[1\] must be −1 \(the collector\) or the index of another particle.*received 1/,
    );
    expect(() => simulateParticleNetwork({ ...two, upstream: [-1, 0.5] })).toThrow(
      /options.upstream\[1\]/,
    );
    expect(() => simulateParticleNetwork({ ...two, upstream: [-2, 0] })).toThrow(
      /options.upstream\[0\]/,
    );
    expect(() => simulateParticleNetwork({ ...two, upstream: [1, 0] })).toThrow(
      /options.upstream must link every particle to the collector \(−1\) without cycles; particle 0/,
    );
    expect(() => simulateParticleNetwork({ ...two, upstream: 'chain' as never })).toThrow(
      /options.upstream/,
    );
    expect(() =>
      simulateParticleNetwork({ ...ok, pathLength: [1e-4, 1e-4], contactResistance: [0] }),
    ).toThrow(/options.contactResistance must have the same length as the number of particles/);
    expect(() => simulateParticleNetwork({ ...ok, contactResistance: -1 })).toThrow(
      /options.contactResistance/,
    );
    expect(() => simulateParticleNetwork({ ...ok, pathLengthSpread: -1 })).toThrow(
      /options.pathLengthSpread/,
    );
    expect(() => simulateParticleNetwork({ ...ok, seed: 1.5 })).toThrow(/options.seed/);
    expect(() => simulateParticleNetwork({ ...ok, conductivity: 'high' as never })).toThrow(
      /options.conductivity must be a function/,
    );
    expect(() => simulateParticleNetwork({ ...ok, conductivity: () => 0 })).toThrow(
      /options.conductivity must return a finite number > 0/,
    );
    expect(() => simulateParticleNetwork({ ...ok, maxTimeStep: 0 })).toThrow(/options.maxTimeStep/);
    expect(() => simulateParticleNetwork({ ...ok, dynamics: 3 as never })).toThrow(
      /options.dynamics/,
    );
  });
});
