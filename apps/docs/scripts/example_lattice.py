"""Writes apps/docs/public/examples/strain/nmc622-illustrative.csv, the example lattice table of the
Strain explorer page.

ILLUSTRATIVE, NOT MEASURED. The measured curves of Jousseaume et al. (Energy Environ. Sci. 2024)
are not public; this table evaluates, here with numpy and independently of
@intercalate/strain-model, the closed forms that the package's `examples` are built from
(packages/strain-model/README.md, "Illustrative example data"), for NMC622, with seeded noise:

- c(x) = c1 + alpha (1 - x) - alpha lam (exp((0.4 - x)/lam) - exp(-0.6/lam)), alpha = 0.5 A,
  lam = 0.1: d_IL = c/3 has its maximum exactly at x = 0.40 (dc/dx = 0 there);
- a(x) = a1 - da (s((1 - 0.62)/w) - s((x - 0.62)/w)) + k (x - 1), s logistic, da = 0.055 A,
  w = 0.0731, k = 0.04 da/(4 w): the steepest d_TM = a exactly at x = 0.62;
- a1 = 2.8703 A, c1 = 14.2255 A: NMC622 pristine cell, Table 1 of the paper;
- c_Li from 0.98 down to 0.22 in steps of 0.02 (a first charge), Gaussian noise of standard
  deviation 0.0001 A on a and 0.0005 A on c (numpy RandomState(20241122)), written with the same
  numbers as esd columns;
- a `strain (%)` column: the master curve of the paper's Fig. 7 as the package defines it,
  eps = b for x >= c*, b + A (exp((c* - x)/l) - 1) below, with c* = 0.40, b = 0.020 %,
  A = 0.010 %, l = 0.060, plus Gaussian noise of standard deviation 0.002 % (same generator).

The page reads this file with readLatticeTable; its browser test checks that the d_IL maximum comes
out at 0.40 and the fitted c* at 0.40 (the parameters above), within tolerances.
Run: /usr/bin/python3 apps/docs/scripts/example_lattice.py
"""

import math
import pathlib

import numpy as np

A1, C1 = 2.8703, 14.2255  # NMC622, Table 1 of Jousseaume et al. 2024
ALPHA, LAM = 0.5, 0.1
TM_STEEPEST, TM_WIDTH, TM_DROP = 0.62, 0.0731, 0.055
TM_FLOOR = 0.04 * TM_DROP / (4 * TM_WIDTH)
SIGMA_A, SIGMA_C = 0.0001, 0.0005
CSTAR, BASELINE, AMPLITUDE, DECAY = 0.40, 0.020, 0.010, 0.060
SIGMA_STRAIN = 0.002
SEED = 20241122


def logistic(z):
    return 1 / (1 + np.exp(-z))


def lattice_c(x):
    g1 = math.exp((0.4 - 1) / LAM)
    return C1 + ALPHA * (1 - x) - ALPHA * LAM * (np.exp((0.4 - x) / LAM) - g1)


def lattice_a(x):
    s1 = logistic((1 - TM_STEEPEST) / TM_WIDTH)
    return A1 - TM_DROP * (s1 - logistic((x - TM_STEEPEST) / TM_WIDTH)) + TM_FLOOR * (x - 1)


def master_curve(x):
    below = x < CSTAR
    return BASELINE + np.where(below, AMPLITUDE * np.expm1((CSTAR - x) / DECAY), 0.0)


def main():
    x = np.round(np.arange(0.98, 0.22 - 1e-9, -0.02), 4)
    rng = np.random.RandomState(SEED)
    a = lattice_a(x) + SIGMA_A * rng.standard_normal(x.size)
    c = lattice_c(x) + SIGMA_C * rng.standard_normal(x.size)
    strain = master_curve(x) + SIGMA_STRAIN * rng.standard_normal(x.size)
    out = pathlib.Path(__file__).resolve().parent.parent / "public" / "examples" / "strain"
    out.mkdir(parents=True, exist_ok=True)
    path = out / "nmc622-illustrative.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("# ILLUSTRATIVE lattice table (not measured): apps/docs/scripts/example_lattice.py\n")
        f.write("# NMC622 closed forms of @intercalate/strain-model's examples, seeded noise;\n")
        f.write(f"# d_IL maximum at c_Li = 0.40, steepest d_TM at {TM_STEEPEST};\n")
        f.write(
            f"# strain = master curve c* = {CSTAR}, b = {BASELINE} %, A = {AMPLITUDE} %, "
            f"lambda = {DECAY}, noise {SIGMA_STRAIN} %\n"
        )
        f.write("c_Li,a (A),a_esd,c (A),c_esd,strain (%),strain_esd\n")
        for row in zip(x, a, c, strain):
            f.write(
                f"{row[0]:.2f},{row[1]:.5f},{SIGMA_A},{row[2]:.5f},{SIGMA_C},"
                f"{row[3]:.5f},{SIGMA_STRAIN}\n"
            )
    print(f"wrote {path} ({x.size} rows)")


if __name__ == "__main__":
    main()
