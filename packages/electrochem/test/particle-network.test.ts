import { describe, expect, it } from 'vitest';
import { FARADAY, simulateParticleNetwork, simulateSingleParticle } from '../src/index.js';

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

  it('reproduces mechanisms (1) and (3): staggered steps on the first charge, synchronous afterwards', () => {
    expect(result.halfCycles.map((h) => h.direction)).toEqual([
      'charge',
      'discharge',
      'charge',
      'discharge',
    ]);
    // The pristine, poorly wired electrode cannot carry C/20 below 4.3 V: the galvanostatic step
    // hits the cut-off at once and the first charge happens in the 4.3 V hold (documented).
    expect(result.steps[0]!.endReason).toBe('voltage-limit');
    expect(charge1!.steps).toContain(1);
    const active1 = charge1!.particles.filter((p) => p.active);
    const active2 = charge2!.particles.filter((p) => p.active);
    expect(active1.length).toBeGreaterThan(30);
    // first charge: each reacting particle switches once (one slope peak), over a narrow SOC
    // window, and the windows are staggered (they hardly overlap)
    expect(active1.every((p) => p.slopePeaks === 1)).toBe(true);
    expect(charge1!.synchronicityIndex).toBeLessThan(0.2);
    expect(charge1!.classification).toBe('asynchronous');
    const onsets = active1.map((p) => p.onsetSoc).sort((a, b) => a - b);
    expect(onsets[onsets.length - 1]! - onsets[0]!).toBeGreaterThan(0.2);
    // next charge: gradual (wide windows) and synchronous
    expect(charge2!.synchronicityIndex).toBeGreaterThan(0.8);
    expect(charge2!.classification).toBe('synchronous');
    expect(discharge1!.classification).toBe('synchronous');
    const meanWidth = (ps: typeof active1) =>
      ps.reduce((s, p) => s + p.transitionWidth, 0) / ps.length;
    expect(meanWidth(active2)).toBeGreaterThan(5 * meanWidth(active1));
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
    expect(() => simulateParticleNetwork({ ...ok, pathLength: [1e-4, 0] })).toThrow(
      'options.pathLength[1] must be a finite number > 0 (m); received 0',
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
