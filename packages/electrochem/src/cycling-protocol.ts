import {
  type AbortSignalLike,
  assertAbortSignal,
  assertFiniteNumber,
  describeValue,
} from '@intercalate/numerics';

/**
 * Galvanostatic step: constant current at `cRate` until a voltage limit, or `maxDuration`.
 * `cRate` > 0 charges (delithiates the cathode: anodic current), < 0 discharges. 1C is the
 * current that changes the mean lithium content by `nominalLithiumRange` in one hour.
 */
export interface CurrentStep {
  /** Step kind. */
  mode: 'current';
  /** C-rate (h⁻¹), finite and ≠ 0; positive = charge (delithiation), negative = discharge. */
  cRate: number;
  /** End the step when the voltage falls to this value (V vs Li⁺/Li). */
  minVoltage?: number;
  /** End the step when the voltage rises to this value (V vs Li⁺/Li). */
  maxVoltage?: number;
  /** End the step after this time (s, > 0). At least one of the three limits is required. */
  maxDuration?: number;
}

/** Potentiostatic (constant-voltage) hold until the current decays below `minCRate` or `maxDuration`. */
export interface VoltageStep {
  /** Step kind. */
  mode: 'voltage';
  /** Held voltage (V vs Li⁺/Li), finite. */
  voltage: number;
  /** End the hold when |current| falls to this C-rate (h⁻¹, > 0). */
  minCRate?: number;
  /** End the hold after this time (s, > 0). At least one of the two limits is required. */
  maxDuration?: number;
}

/** Open circuit (zero applied current) for `duration` seconds. */
export interface RestStep {
  /** Step kind. */
  mode: 'rest';
  /** Duration (s, > 0). */
  duration: number;
}

/** One step of a cycling protocol. */
export type CyclingStep = CurrentStep | VoltageStep | RestStep;

/** Why a protocol step ended. */
export type StepEndReason = 'voltage-limit' | 'current-limit' | 'duration' | 'lithium-limit';

/** Summary of one executed protocol step. */
export interface CyclingStepSummary {
  /** Index of the step in the protocol. */
  step: number;
  /** Step kind. */
  mode: CyclingStep['mode'];
  /** Index of the first recorded sample of the step (the sample before its first time step). */
  startIndex: number;
  /** Index of the last recorded sample of the step. */
  endIndex: number;
  /** Time at the start of the step (s). */
  startTime: number;
  /** Time at the end of the step (s). */
  endTime: number;
  /** Charge passed during the step (C), positive on charge (delithiation). */
  charge: number;
  /** Why the step ended. `'lithium-limit'`: the surface reached x = 0 or 1 before any voltage limit. */
  endReason: StepEndReason;
}

/** Progress and cancellation options of the particle models. */
export interface SimulationProgressOptions {
  /**
   * Called after each protocol step with the number of steps done and the number in the
   * protocol. An exception thrown by it propagates to the caller.
   * @defaultValue none
   */
  onProgress?: (done: number, total: number) => void;
  /**
   * Checked every 64 time steps and between protocol steps; once `aborted` is true the
   * simulation throws an `Error` whose `name` is `'AbortError'`.
   * @defaultValue none
   */
  signal?: AbortSignalLike;
}

/** @internal */
export interface Checkpoint {
  progress(done: number): void;
  check(): void;
}

/** @internal */
export function checkpoint(
  options: SimulationProgressOptions,
  total: number,
  what: string,
): Checkpoint {
  const { onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(
      `options.onProgress must be a function (done, total) => void; received ${describeValue(onProgress)}`,
    );
  }
  const signal = assertAbortSignal('options.signal', options.signal);
  const check = (): void => {
    if (signal?.aborted) {
      const error = new Error(`${what} was aborted by its signal`);
      error.name = 'AbortError';
      throw error;
    }
  };
  return {
    check,
    progress(done: number) {
      onProgress?.(done, total);
      check();
    },
  };
}

/** Validates a protocol; returns it typed. @internal */
export function validateProtocol(protocol: unknown): readonly CyclingStep[] {
  if (!Array.isArray(protocol) || protocol.length === 0) {
    throw new TypeError(
      `options.protocol must be a non-empty array of steps { mode: 'current' | 'voltage' | 'rest', … }; received ${describeValue(protocol)}`,
    );
  }
  protocol.forEach((step: unknown, k) => {
    const name = `options.protocol[${k}]`;
    if (typeof step !== 'object' || step === null) {
      throw new TypeError(`${name} must be a step object; received ${describeValue(step)}`);
    }
    const s = step as Record<string, unknown>;
    const positive = { min: 0, exclusiveMin: true };
    if (s.mode === 'current') {
      const c = assertFiniteNumber(`${name}.cRate`, s.cRate, { unit: 'h⁻¹' });
      if (c === 0)
        throw new RangeError(
          `${name}.cRate must be a finite number ≠ 0 (h⁻¹); received 0 (use a rest step)`,
        );
      if (s.minVoltage !== undefined)
        assertFiniteNumber(`${name}.minVoltage`, s.minVoltage, { unit: 'V' });
      if (s.maxVoltage !== undefined)
        assertFiniteNumber(`${name}.maxVoltage`, s.maxVoltage, { unit: 'V' });
      if (s.maxDuration !== undefined)
        assertFiniteNumber(`${name}.maxDuration`, s.maxDuration, { ...positive, unit: 's' });
      if (s.minVoltage === undefined && s.maxVoltage === undefined && s.maxDuration === undefined) {
        throw new TypeError(
          `${name} needs an end condition: minVoltage, maxVoltage or maxDuration`,
        );
      }
    } else if (s.mode === 'voltage') {
      assertFiniteNumber(`${name}.voltage`, s.voltage, { unit: 'V' });
      if (s.minCRate !== undefined)
        assertFiniteNumber(`${name}.minCRate`, s.minCRate, { ...positive, unit: 'h⁻¹' });
      if (s.maxDuration !== undefined)
        assertFiniteNumber(`${name}.maxDuration`, s.maxDuration, { ...positive, unit: 's' });
      if (s.minCRate === undefined && s.maxDuration === undefined) {
        throw new TypeError(`${name} needs an end condition: minCRate or maxDuration`);
      }
    } else if (s.mode === 'rest') {
      assertFiniteNumber(`${name}.duration`, s.duration, { ...positive, unit: 's' });
    } else {
      throw new TypeError(
        `${name}.mode must be 'current', 'voltage' or 'rest'; received ${describeValue(s.mode)}`,
      );
    }
  });
  return protocol as CyclingStep[];
}

/** Checks an optional function option. @internal */
export function assertLaw(name: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw new TypeError(
      `${name} must be a function (x) => number; received ${describeValue(value)}`,
    );
  }
}

/**
 * Interfacial kinetics of the particle models: Butler–Volmer with the concentration-dependent
 * exchange current density of Sharma et al. 2022, eqn (3) (all fields optional).
 */
export interface ParticleKinetics {
  /** Anodic rate constant k_a (m s⁻¹ for αa + αc = 1), > 0. @defaultValue 1e-9 (i0 ≈ 2.4 A m⁻² at x = 0.5, c_max = 50 000 mol m⁻³, near PyBaMM Chen2020) */
  kA?: number;
  /** Cathodic rate constant k_c, > 0. @defaultValue 1e-9 */
  kC?: number;
  /** Anodic transfer coefficient αa in (0, 1). @defaultValue 0.5 */
  alphaA?: number;
  /** Cathodic transfer coefficient αc in (0, 1). @defaultValue 0.5 */
  alphaC?: number;
  /** Electrolyte Li⁺ concentration c_l (mol m⁻³), > 0. @defaultValue 1000 */
  electrolyteConcentration?: number;
  /** Reference electrolyte concentration c_l,ref (mol m⁻³), > 0. @defaultValue 1000 */
  referenceElectrolyteConcentration?: number;
}

/** @internal */
export interface ResolvedKinetics {
  kA: number;
  kC: number;
  alphaA: number;
  alphaC: number;
  cl: number;
  clRef: number;
}

/** @internal */
export function resolveKinetics(kinetics: unknown): ResolvedKinetics {
  if (kinetics !== undefined && (typeof kinetics !== 'object' || kinetics === null)) {
    throw new TypeError(`options.kinetics must be an object; received ${describeValue(kinetics)}`);
  }
  const k = (kinetics ?? {}) as ParticleKinetics;
  const positive = { min: 0, exclusiveMin: true };
  const alpha = { min: 0, max: 1, exclusiveMin: true, exclusiveMax: true };
  return {
    kA: assertFiniteNumber('options.kinetics.kA', k.kA ?? 1e-9, positive),
    kC: assertFiniteNumber('options.kinetics.kC', k.kC ?? 1e-9, positive),
    alphaA: assertFiniteNumber('options.kinetics.alphaA', k.alphaA ?? 0.5, alpha),
    alphaC: assertFiniteNumber('options.kinetics.alphaC', k.alphaC ?? 0.5, alpha),
    cl: assertFiniteNumber(
      'options.kinetics.electrolyteConcentration',
      k.electrolyteConcentration ?? 1000,
      {
        ...positive,
        unit: 'mol m⁻³',
      },
    ),
    clRef: assertFiniteNumber(
      'options.kinetics.referenceElectrolyteConcentration',
      k.referenceElectrolyteConcentration ?? 1000,
      { ...positive, unit: 'mol m⁻³' },
    ),
  };
}

/** A growable Float64Array for recorded series (amortised doubling). @internal */
export class Series {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  last(): number {
    return this.data[this.length - 1]!;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
