// Benchmark: simulateParticleNetwork, 100 particles × 4 shells (the default electrode: 10 chains
// of 10 particles behind one another) through two C/20 cycles, side by
// side with a numpy implementation of the same equations and the same scheme written here (no
// Python package implements this model: PyBaMM's many-particle model is a size distribution, MPET
// is not installed). Run with `pnpm bench` from the repository root, or `node bench/particle-network.mjs`
// after `pnpm build`.
//
// The compared workload uses fixed-duration galvanostatic steps (+16 h, −12 h, +12 h, −12 h at
// C/20), so that both implementations take exactly the same time steps (1, 2, 4, … 60 s from the
// start of each step); the protocol with voltage cut-offs and 4.3 V holds (which bisects time steps
// onto the cut-offs) is timed in JS alone. The JS time includes the per-half-cycle
// reactionDynamics analysis, which the numpy side does not do.
import { runComparison, timeJs } from '../../../scripts/bench/harness.mjs';
import { simulateParticleNetwork } from '../dist/index.js';

const hour = 3600;
const fixedProtocol = [
  { mode: 'current', cRate: 1 / 20, maxDuration: 16 * hour },
  { mode: 'current', cRate: -1 / 20, maxDuration: 12 * hour },
  { mode: 'current', cRate: 1 / 20, maxDuration: 12 * hour },
  { mode: 'current', cRate: -1 / 20, maxDuration: 12 * hour },
];
const cycle = [
  { mode: 'current', cRate: 1 / 20, maxVoltage: 4.3 },
  { mode: 'voltage', voltage: 4.3, minCRate: 1 / 100 },
  { mode: 'current', cRate: -1 / 20, minVoltage: 2.5 },
];
// The default electrode: 10 chains of 10 particles, chain heads on the carbon network (ℓ = 0).
const electrode = simulateParticleNetwork({ protocol: [{ mode: 'rest', duration: 1 }] });
const { pathLength, upstream } = electrode;
const sample = [0, 17, 42, 99];

const cutoff = timeJs(() => simulateParticleNetwork({ protocol: [...cycle, ...cycle] }), {
  repeats: 3,
  minTime: 0,
});
console.log(
  `\nsimulateParticleNetwork, 100 particles, two C/20 cycles with 4.3 V holds and 2.5 V cut-offs (JS only): median ${(cutoff.seconds * 1e3).toFixed(0)} ms over ${cutoff.runs} runs, ${cutoff.result.time.length} time steps`,
);

// numpy: the same finite volumes (equal-volume shells, arithmetic-mean face D, backward Euler with
// D at the start of the step), the same linearized OCV, eqn (3) i0, and the same joint Newton on
// (η_k, Φ) with the same tree elimination (vectorised over the particles of one depth level,
// np.add.at into their upstream particles), step limits and stopping rules.
const setup = `
import math
F = 96485.33212331001
R = 8.31446261815324
T = 298.15
f = F / (R * T)
N = path.size
up = upstream.astype(np.int64)
depth = np.zeros(N, dtype=np.int64)
for k in range(N):
    j = k
    while up[j] >= 0:
        j = up[j]
        depth[k] += 1
levels = [np.flatnonzero(depth == d) for d in range(depth.max() + 1)]
M = 4
Rp = 5e-6
cmax = 50000.0
x0 = 0.99
kA = kC = 1e-9
aa = ac = 0.5
one_c = F * cmax * 0.6 * (Rp / 3) / 3600
contact = 0.01
faces = Rp * np.cbrt(np.arange(M + 1) / M)
faces[M] = Rp
vol = (faces[1:] ** 3 - faces[:-1] ** 3) / 3
centres = 0.5 * (faces[:-1] + faces[1:])
geom = np.zeros(M)
geom[1:] = faces[1:M] ** 2 / (centres[1:] - centres[:-1])
total_vol = Rp ** 3 / 3
LN10 = math.log(10)
def logistic(u):
    return np.where(u >= 0, 1 / (1 + np.exp(-np.abs(u))), np.exp(-np.abs(u)) / (1 + np.exp(-np.abs(u))))
def D(x):
    return np.exp(LN10 * (-17 + 3 * logistic((0.9 - x) / 0.025)))
def kappa(x):
    return np.exp(LN10 * (-5 + 5 * logistic((0.95 - x) / 0.01)))
def U(x):
    return 3.95 - (x - 0.6) + 0.06 * np.log((1 - x) / x)
def bv(i0, eta):
    x = f * eta
    return i0 * (np.expm1(aa * x) - np.expm1(-ac * x))
def dbv(i0, eta):
    x = f * eta
    return i0 * f * (aa * np.exp(aa * x) + ac * np.exp(-ac * x))
def simulate(protocol):
    c = np.full((N, M), x0 * cmax)
    eta = np.zeros(N)
    phi = U(x0)
    time = 0.0
    charge = 0.0
    for crate, duration in protocol:
        start = time
        dt = min(60.0, 1.0)
        target = N * crate * one_c
        while True:
            remaining = duration - (time - start)
            if remaining <= 1e-9 * 60.0:
                break
            h = min(dt, remaining)
            d = D(np.clip(c / cmax, 0, 1))
            xbar = (c @ vol) / (total_vol * cmax)
            rpath = contact + path / kappa(np.clip(xbar, 0, 1))
            # backward Euler, increment form, Thomas over shells (vectorised over particles)
            g = np.zeros((N, M))
            g[:, 1:] = geom[1:] * 0.5 * (d[:, :-1] + d[:, 1:])
            base = np.zeros((N, M))
            flux = h * g[:, 1:] * (c[:, :-1] - c[:, 1:])
            base[:, :-1] -= flux
            base[:, 1:] += flux
            unit = np.zeros((N, M))
            unit[:, M - 1] = -h * Rp * Rp
            cp = np.zeros((N, M))
            prev = np.zeros(N)
            for i in range(M):
                lower = -h * g[:, i] if i > 0 else 0.0
                upper = -h * g[:, i + 1] if i < M - 1 else 0.0
                diag = vol[i] + (h * g[:, i] if i > 0 else 0.0) + (h * g[:, i + 1] if i < M - 1 else 0.0)
                pivot = diag - lower * prev
                cp[:, i] = upper / pivot
                base[:, i] = (base[:, i] - lower * (base[:, i - 1] if i > 0 else 0.0)) / pivot
                unit[:, i] = (unit[:, i] - lower * (unit[:, i - 1] if i > 0 else 0.0)) / pivot
                prev = cp[:, i]
            for i in range(M - 2, -1, -1):
                base[:, i] -= cp[:, i] * base[:, i + 1]
                unit[:, i] -= cp[:, i] * unit[:, i + 1]
            cs_base = c[:, M - 1] + base[:, M - 1]
            cs_slope = unit[:, M - 1]
            x = np.clip(cs_base / cmax, 1e-12, 1 - 1e-12)
            u = U(x)
            delta = np.minimum(np.minimum(1e-6, 0.5 * x), 0.5 * (1 - x))
            slope = (U(x + delta) - U(x - delta)) / (2 * delta)
            o = np.maximum(0, slope * cs_slope / (F * cmax))
            i0 = F * kC ** aa * kA ** ac * (cmax - x * cmax) ** aa * (x * cmax) ** ac
            # joint Newton on (eta, phi), the tree eliminated level by level
            p = phi
            scale = abs(target) + N * 1e-12
            for it in range(60):
                b = bv(i0, eta)
                db = dbv(i0, eta)
                J = b.copy()
                for lev in reversed(levels[1:]):
                    np.add.at(J, up[lev], J[lev])
                node = np.empty(N)
                node[levels[0]] = p - rpath[levels[0]] * J[levels[0]]
                for lev in levels[1:]:
                    node[lev] = node[up[lev]] - rpath[lev] * J[lev]
                r = eta + o * b - (node - u)
                inv = 1 / (1 + o * db)
                mismatch = b.sum() - target
                if np.abs(r).max() <= 1e-12 and abs(mismatch) <= 1e-12 * scale:
                    break
                Y = db * inv
                Z = -Y * r
                G = np.empty(N)
                H = np.empty(N)
                for lev in reversed(levels):
                    den = 1 + rpath[lev] * Y[lev]
                    G[lev] = Y[lev] / den
                    H[lev] = Z[lev] / den
                    if lev is not levels[0]:
                        np.add.at(Y, up[lev], G[lev])
                        np.add.at(Z, up[lev], H[lev])
                dphi = (target - b.sum() - H[levels[0]].sum()) / G[levels[0]].sum()
                dphi = min(0.1, max(-0.1, dphi))
                p += dphi
                dnode = np.empty(N)
                dnode[levels[0]] = dphi - rpath[levels[0]] * (G[levels[0]] * dphi + H[levels[0]])
                for lev in levels[1:]:
                    above = dnode[up[lev]]
                    dnode[lev] = above - rpath[lev] * (G[lev] * above + H[lev])
                eta = eta + np.clip((dnode - r) * inv, -0.05, 0.05)
            else:
                raise RuntimeError('joint Newton did not converge')
            c = c + base + (b / F)[:, None] * unit
            assert (c > 0).all() and (c < cmax).all()
            time += h
            charge += 4 * math.pi * Rp * Rp * b.sum() * h
            phi = p
            if h == remaining:
                break
            dt = min(60.0, 2 * h)
    xbar = (c @ vol) / (total_vol * cmax)
    return phi, xbar.mean(), xbar, charge
protocol = ${JSON.stringify(fixedProtocol.map((s) => [s.cRate, s.maxDuration]))}
sample = ${JSON.stringify(sample)}
`;

runComparison(
  '@intercalate/electrochem: 100-particle network (10 chains of 10), 4 shells each, two C/20 cycles (fixed-duration steps)',
  [
    {
      name: 'simulateParticleNetwork vs numpy (same scheme)',
      js: () => simulateParticleNetwork({ protocol: fixedProtocol, pathLength, upstream }),
      jsResult: (r) => {
        const n = r.time.length - 1;
        return [
          r.voltage[n],
          r.cellLithium[n],
          ...sample.map((k) => r.particleLithium[k][n]),
          r.charge[n],
        ];
      },
      python: {
        setup,
        statement: 'simulate(protocol)',
        resultExpression: '[value[0], value[1], *value[2][sample], value[3]]',
        inputs: { path: pathLength, upstream: Float64Array.from(upstream) },
      },
      // Same equations and time steps; the Newton iterations stop at 1e-12 in each language
      // after different rounding, and the first-charge switching amplifies such differences a
      // little.
      tolerance: 1e-7,
      options: { repeats: 2, minTime: 0 },
    },
  ],
  ['numpy'],
);
