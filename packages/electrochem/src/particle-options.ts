import { assertFiniteNumber, describeValue } from '@intercalate/numerics';
import {
  assertLaw,
  type CyclingStep,
  type ParticleKinetics,
  type ResolvedKinetics,
  resolveKinetics,
  type SimulationProgressOptions,
  validateProtocol,
} from './cycling-protocol.js';
import type { ShellGrid } from './sphere-diffusion.js';
import {
  illustrativeNmcDiffusivity,
  illustrativeNmcOcv,
  type TransportLaw,
} from './transport-laws.js';

/**
 * Options shared by {@link simulateSingleParticle} and {@link simulateParticleNetwork}: the
 * protocol, the particle (size, capacity, initial content), its transport and kinetics laws, and
 * the discretization. Only `protocol` is required.
 */
export interface ParticleOptions extends SimulationProgressOptions {
  /** The cycling protocol: galvanostatic, potentiostatic and rest steps, run in order. */
  protocol: readonly CyclingStep[];
  /** Particle radius R (m), > 0. @defaultValue 5e-6 */
  radius?: number;
  /** Maximum Li concentration c_max (mol m⁻³), > 0. @defaultValue 50000 */
  maxConcentration?: number;
  /** Initial, uniform lithium content x = c/c_max in (0, 1). @defaultValue 0.99 (pristine NMC; exactly 1 would give i0 = 0) */
  initialLithium?: number;
  /** Li diffusivity D(x) (m² s⁻¹). @defaultValue {@link illustrativeNmcDiffusivity} */
  diffusivity?: TransportLaw;
  /** Open-circuit voltage U(x) (V vs Li⁺/Li), decreasing in x. @defaultValue {@link illustrativeNmcOcv} */
  ocv?: TransportLaw;
  /** Butler–Volmer kinetics with the eqn (3) exchange current; see {@link ParticleKinetics}. */
  kinetics?: ParticleKinetics;
  /** Temperature T (K), > 0. @defaultValue 298.15 */
  temperature?: number;
  /** Change of mean x that 1C produces in one hour (defines C-rates), in (0, 1]. @defaultValue 0.6 (≈ 165 of NMC532's 278 mAh g⁻¹) */
  nominalLithiumRange?: number;
  /** Shell layout: equal volumes (thin shells at the surface) or equal widths. @defaultValue 'equal-volume' */
  grid?: ShellGrid;
  /** Largest time step (s), > 0. Steps are halved on non-convergence and near cut-offs. @defaultValue 60 */
  maxTimeStep?: number;
}

/** @internal The validated {@link ParticleOptions} with their defaults filled in. */
export interface ResolvedParticleOptions {
  protocol: readonly CyclingStep[];
  radius: number;
  cMax: number;
  x0: number;
  diffusivity: TransportLaw;
  ocv: TransportLaw;
  kin: ResolvedKinetics;
  temperature: number;
  range: number;
  shells: number;
  gridKind: ShellGrid;
  maxStep: number;
}

/**
 * @internal Validates the options both particle models share and fills in their defaults; the
 * shell count's default and ceiling differ between the models.
 */
export function resolveParticleOptions(
  options: ParticleOptions & { shells?: number },
  shellDefaults: { shells: number; maxShells: number },
): ResolvedParticleOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `options must be an object { protocol, … }; received ${describeValue(options)}`,
    );
  }
  const protocol = validateProtocol(options.protocol);
  const positive = { min: 0, exclusiveMin: true };
  const radius = assertFiniteNumber('options.radius', options.radius ?? 5e-6, {
    ...positive,
    unit: 'm',
  });
  const cMax = assertFiniteNumber('options.maxConcentration', options.maxConcentration ?? 50000, {
    ...positive,
    unit: 'mol m⁻³',
  });
  const x0 = assertFiniteNumber('options.initialLithium', options.initialLithium ?? 0.99, {
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
  });
  const diffusivity = options.diffusivity ?? illustrativeNmcDiffusivity;
  assertLaw('options.diffusivity', diffusivity);
  const ocv = options.ocv ?? illustrativeNmcOcv;
  assertLaw('options.ocv', ocv);
  const kin = resolveKinetics(options.kinetics);
  const temperature = assertFiniteNumber('options.temperature', options.temperature ?? 298.15, {
    ...positive,
    unit: 'K',
  });
  const range = assertFiniteNumber(
    'options.nominalLithiumRange',
    options.nominalLithiumRange ?? 0.6,
    { ...positive, max: 1 },
  );
  const shells = assertFiniteNumber('options.shells', options.shells ?? shellDefaults.shells, {
    min: 1,
    max: shellDefaults.maxShells,
    integer: true,
  });
  const gridKind = options.grid ?? 'equal-volume';
  if (gridKind !== 'equal-volume' && gridKind !== 'equal-width') {
    throw new TypeError(
      `options.grid must be 'equal-volume' or 'equal-width'; received ${describeValue(gridKind)}`,
    );
  }
  const maxStep = assertFiniteNumber('options.maxTimeStep', options.maxTimeStep ?? 60, {
    ...positive,
    unit: 's',
  });
  return {
    protocol,
    radius,
    cMax,
    x0,
    diffusivity,
    ocv,
    kin,
    temperature,
    range,
    shells,
    gridKind,
    maxStep,
  };
}
