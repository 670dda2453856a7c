import type {
  Checkpoint,
  CyclingStep,
  CyclingStepSummary,
  StepEndReason,
} from './cycling-protocol.js';

/**
 * @internal What a particle model gives {@link runProtocol}: one implicit time step at a time,
 * tried and then accepted or thrown away.
 */
export interface ProtocolModel {
  /** Called once at the start of every protocol step (e.g. to set the held voltage). */
  beginStep(step: CyclingStep): void;
  /**
   * Tries one step of `h` seconds from the accepted state for protocol step `step` and, on
   * success, writes the cell voltage (V) and the mean surface current density (A m⁻², charge
   * positive) of the trial into `trial`. Returns false when the solve failed (the driver halves h).
   */
  tryStep(
    step: CyclingStep,
    h: number,
    trial: { voltage: number; currentDensity: number },
  ): boolean;
  /** Makes the last successful trial the accepted state and records a sample at `time` (s) with `charge` (C) passed, in protocol step `k`. */
  accept(time: number, charge: number, k: number): void;
  /** Number of samples recorded so far (the initial state included). */
  samples(): number;
}

/** @internal Settings of {@link runProtocol}. */
export interface ProtocolSettings {
  /** Largest time step (s). */
  maxStep: number;
  /** Current density of 1C (A m⁻² per particle). */
  oneC: number;
  /** Charge per unit mean current density and time: total particle area (m²). */
  area: number;
  /** Progress and abort checks. */
  progress: Checkpoint;
  /** Name of the calling function and a hint, for the error when the time step collapses. */
  caller: string;
  hint: string;
}

/**
 * @internal Runs a cycling protocol through a particle model with adaptive time steps: each step
 * doubles the time step (up to `maxStep`) after a success, halves it after a failed solve, and
 * bisects onto a voltage cut-off (to within 1 ms) during galvanostatic steps; a held-voltage step
 * ends when the current falls below `minCRate`, any step at its duration. Returns one summary per
 * protocol step. Shared by simulateSingleParticle and simulateParticleNetwork.
 */
export function runProtocol(
  protocol: readonly CyclingStep[],
  model: ProtocolModel,
  settings: ProtocolSettings,
): CyclingStepSummary[] {
  const { maxStep, oneC, area, progress, caller, hint } = settings;
  const trial = { voltage: 0, currentDensity: 0 };
  const steps: CyclingStepSummary[] = [];
  let time = 0;
  let charge = 0;
  let counter = 0;
  for (let k = 0; k < protocol.length; k++) {
    const step = protocol[k] as CyclingStep;
    const startIndex = model.samples() - 1;
    const startTime = time;
    const startCharge = charge;
    const duration =
      step.mode === 'rest' ? step.duration : (step.maxDuration ?? Number.POSITIVE_INFINITY);
    let dt = Math.min(maxStep, 1);
    let approaching = false;
    let reason: StepEndReason = 'duration';
    model.beginStep(step);
    for (;;) {
      const remaining = duration - (time - startTime);
      if (remaining <= 1e-9 * maxStep) break;
      const h = Math.min(dt, remaining);
      if (!model.tryStep(step, h, trial)) {
        dt = h / 2;
        if (dt < 1e-9 * maxStep) {
          if (step.mode === 'current') {
            reason = 'lithium-limit';
            break;
          }
          throw new RangeError(
            `${caller}: the time step fell below ${1e-9 * maxStep} s in protocol step ${k} at t = ${time} s${hint}`,
          );
        }
        continue;
      }
      if (step.mode === 'current') {
        const crossed =
          (step.maxVoltage !== undefined && !(trial.voltage < step.maxVoltage)) ||
          (step.minVoltage !== undefined && !(trial.voltage > step.minVoltage));
        if (crossed) {
          if (h <= 1e-3) {
            reason = 'voltage-limit';
            break;
          }
          dt = h / 2;
          approaching = true;
          continue;
        }
      }
      time += h;
      charge += area * trial.currentDensity * h;
      model.accept(time, charge, k);
      if (++counter % 64 === 0) progress.check();
      if (
        step.mode === 'voltage' &&
        step.minCRate !== undefined &&
        Math.abs(trial.currentDensity) <= step.minCRate * oneC
      ) {
        reason = 'current-limit';
        break;
      }
      if (h === remaining) {
        reason = 'duration';
        break;
      }
      if (!approaching) dt = Math.min(maxStep, 2 * h);
    }
    steps.push({
      step: k,
      mode: step.mode,
      startIndex,
      endIndex: model.samples() - 1,
      startTime,
      endTime: time,
      charge: charge - startCharge,
      endReason: reason,
    });
    progress.progress(k + 1);
  }
  return steps;
}
