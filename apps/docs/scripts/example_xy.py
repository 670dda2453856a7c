"""Writes apps/docs/public/examples/nmc-synthetic.xye, the example pattern of the Diffraction page.

A SYNTHETIC Cu Kα1 powder pattern of an R-3m layered oxide (hexagonal axes), computed here with
numpy from known parameters, independently of @intercalate/crystallography:

- lattice a = 2.8650 Å, c = 14.2600 Å (made up, near NMC811 of Jousseaume et al., EES 2024,
  Table 1: a = 2.8727 Å, c = 14.2127 Å); wavelength 1.54059292 Å (Cu Kα1, no Kα2);
- 1/d² = 4(h² + hk + k²)/(3a²) + l²/c², 2θ = 2 asin(λ / 2d);
- area-normalised pseudo-Voigt peaks, η = 0.5, FWHM² = U tan²θ + V tanθ + W (Caglioti) with
  U = 0.004, V = −0.002, W = 0.012 deg²;
- relative peak areas set by hand to resemble a layered-oxide pattern (no structure factors);
- background 150 + 4000/2θ counts; Poisson noise from numpy RandomState(20241121).

The Diffraction page fits this file and should recover a and c (tests check it to 2e-3 Å).
Run: /usr/bin/python3 apps/docs/scripts/example_xy.py
"""

import math
import pathlib

import numpy as np

A, C = 2.8650, 14.2600
WAVELENGTH = 1.54059292
U, V, W = 0.004, -0.002, 0.012
ETA = 0.5
# (h, k, l): relative area (hand-set; every one is allowed in R-3m: −h + k + l = 3n)
PEAKS = {
    (0, 0, 3): 100.0,
    (1, 0, 1): 30.0,
    (0, 0, 6): 6.0,
    (0, 1, 2): 12.0,
    (1, 0, 4): 70.0,
    (0, 1, 5): 12.0,
    (0, 0, 9): 2.0,
    (1, 0, 7): 14.0,
    (0, 1, 8): 16.0,
    (1, 1, 0): 14.0,
    (1, 1, 3): 13.0,
}
AREA_SCALE = 45.0  # counts·degree per unit of relative area
SEED = 20241121


def d_spacing(h, k, l):
    inv_d2 = 4 * (h * h + h * k + k * k) / (3 * A * A) + l * l / (C * C)
    return 1 / math.sqrt(inv_d2)


def pseudo_voigt(x, center, fwhm, eta):
    sigma = fwhm / (2 * math.sqrt(2 * math.log(2)))
    gauss = np.exp(-0.5 * ((x - center) / sigma) ** 2) / (sigma * math.sqrt(2 * math.pi))
    half = fwhm / 2
    lorentz = half / (math.pi * ((x - center) ** 2 + half * half))
    return eta * lorentz + (1 - eta) * gauss


def main():
    two_theta = np.round(np.arange(15.0, 72.0 + 1e-9, 0.02), 4)
    model = 150.0 + 4000.0 / two_theta
    lines = []
    for hkl, area in PEAKS.items():
        d = d_spacing(*hkl)
        center = 2 * math.degrees(math.asin(WAVELENGTH / (2 * d)))
        theta = math.radians(center / 2)
        fwhm = math.sqrt(U * math.tan(theta) ** 2 + V * math.tan(theta) + W)
        model += AREA_SCALE * area * pseudo_voigt(two_theta, center, fwhm, ETA)
        lines.append(f"#   {''.join(map(str, hkl))}: 2theta {center:.4f} deg, FWHM {fwhm:.4f} deg")
    counts = np.random.RandomState(SEED).poisson(model).astype(float)
    esd = np.sqrt(np.maximum(counts, 1.0))
    out = pathlib.Path(__file__).resolve().parent.parent / "public" / "examples" / "nmc-synthetic.xye"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# SYNTHETIC pattern (not measured): apps/docs/scripts/example_xy.py\n")
        f.write(f"# Cu Ka1 {WAVELENGTH} A, R-3m, a = {A} A, c = {C} A, pseudo-Voigt eta {ETA}\n")
        f.write(f"# Caglioti U {U}, V {V}, W {W} deg^2; Poisson noise, numpy RandomState({SEED})\n")
        for line in lines:
            f.write(line + "\n")
        f.write("2theta intensity esd\n")
        for x, y, s in zip(two_theta, counts, esd):
            f.write(f"{x:.2f} {y:.0f} {s:.3f}\n")
    print(f"wrote {out} ({len(two_theta)} points)")


if __name__ == "__main__":
    main()
