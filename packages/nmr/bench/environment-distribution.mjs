// Benchmark: every first/second-shell environment of a Li site in NMC811 (Ni2+/Ni3+/Mn4+/Co3+
// over 6 + 6 TM sites, 84² = 7056 environments) with probabilities and 7Li pathway shifts, side by
// side with the same enumeration in numpy/itertools/scipy in the same run.
// Run with `pnpm bench` from the repository root (builds first), or `node bench/environment-distribution.mjs`
// from packages/nmr after `pnpm build`.
import { runComparison } from '../../../scripts/bench/harness.mjs';
import { environmentDistribution, pathwayContributions } from '../dist/index.js';

const composition = { 'Ni2+': 0.1, 'Ni3+': 0.7, 'Mn4+': 0.1, 'Co3+': 0.1 };
const table = pathwayContributions['7Li'];
const top = 10;

// The peer: enumerate each shell with itertools, multinomial probabilities from scipy's gammaln,
// joint probabilities and shifts as outer product / outer sum, sort by decreasing probability
// (then increasing shift), and gather the sorted counts, as environmentDistribution returns them.
const setup = `
import itertools
from scipy.special import gammaln
x = np.array([0.1, 0.7, 0.1, 0.1])
delta = {'90': np.array([-30.0, -15.0, 250.0, 0.0]), '180': np.array([170.0, 110.0, -60.0, 0.0])}
shells = {'90': 6, '180': 6}
def shell(n, d):
    rows = np.array([c for c in itertools.product(range(n + 1), repeat=len(x)) if sum(c) == n])
    logp = gammaln(n + 1) - gammaln(rows + 1).sum(axis=1) + rows @ np.log(x)
    return rows, np.exp(logp), rows @ d
def distribution():
    (r1, p1, s1), (r2, p2, s2) = [shell(n, delta[g]) for g, n in shells.items()]
    p = np.multiply.outer(p1, p2).ravel()
    s = np.add.outer(s1, s2).ravel()
    order = np.lexsort((s, -p))
    counts = np.hstack([np.repeat(r1, len(r2), axis=0), np.tile(r2, (len(r1), 1))])[order]
    return float(p @ s), p[order], s[order], counts
`;

runComparison(
  '@intercalate/nmr: environmentDistribution, NMC811 over 6 + 6 sites (7056 environments)',
  [
    {
      name: 'environmentDistribution (4 species, 6 + 6)',
      js: () => environmentDistribution({ composition, table }),
      // mean shift (JS: closed form; Python: Σ p·δ over the enumeration), then the top probabilities
      jsResult: (r) => [
        r.meanShift,
        r.environments.length,
        ...r.environments.slice(0, top).map((e) => e.probability),
      ],
      python: {
        setup,
        statement: 'distribution()',
        resultExpression: `[value[0], len(value[1])] + list(value[1][:${top}])`,
      },
      tolerance: 1e-12,
    },
  ],
  ['numpy', 'scipy'],
);
