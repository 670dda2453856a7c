"""Writes apps/docs/public/examples/li7-synthetic.jdx, the example spectrum of the NMR page.

A SYNTHETIC 7Li MAS NMR spectrum (not measured), computed here with numpy from known parameters,
independently of @intercalate/nmr, written as JCAMP-DX 5.01 (AFFN, X++(Y..Y)), x in Hz:

- 1H frequency 300 MHz: 7Li reference frequency SF = 300 × Ξ(7Li) = 300 × 0.38863797 MHz
  (IUPAC, Harris et al. 2001); MAS 60 kHz, so sidebands every 60000 / SF = 514.6 ppm
  (the conditions of Mu et al., JACS 2024, Fig. 1d);
- two Lorentzian lines: a paramagnetic layered-oxide line at 620 ppm (FWHM 180 ppm, area 0.9)
  and a diamagnetic line at 0 ppm (FWHM 12 ppm, area 0.1); both carry the same sideband manifold,
  relative intensities [0.02, 0.08, 0.25, 1, 0.22, 0.07, 0.02] for orders −3 … 3 (normalised);
- 4096 points from 2500 to −2000 ppm; Gaussian noise of standard deviation 0.4 % of the maximum,
  numpy RandomState(20241121).

The NMR page fits this file and should recover the areas (tests check the 0 ppm line's fraction
0.1 to ±0.01).
Run: /usr/bin/python3 apps/docs/scripts/example_jcamp.py
"""

import math
import pathlib

import numpy as np

SF = 300 * 0.38863797  # MHz
MAS = 60000.0  # Hz
N = 4096
PPM_LEFT, PPM_RIGHT = 2500.0, -2000.0
LINES = [(620.0, 180.0, 0.9), (0.0, 12.0, 0.1)]  # shift ppm, FWHM ppm, area
MANIFOLD = np.array([0.02, 0.08, 0.25, 1.0, 0.22, 0.07, 0.02])
SEED = 20241121


def lorentzian(x, center, fwhm):
    half = fwhm / 2
    return half / (math.pi * ((x - center) ** 2 + half * half))


def main():
    ppm = PPM_LEFT + (PPM_RIGHT - PPM_LEFT) * np.arange(N) / (N - 1)
    spacing = MAS / SF
    weights = MANIFOLD / MANIFOLD.sum()
    orders = (len(MANIFOLD) - 1) // 2
    y = np.zeros(N)
    for shift, fwhm, area in LINES:
        for k, w in enumerate(weights):
            y += area * w * lorentzian(ppm, shift + (k - orders) * spacing, fwhm)
    y += np.random.RandomState(SEED).normal(0.0, 0.004 * y.max(), N)
    hz = ppm * SF  # x in Hz relative to the reference (0 ppm)
    y_factor = y.max() / 1e6
    ints = np.round(y / y_factor).astype(int)
    delta_x = (hz[-1] - hz[0]) / (N - 1)
    out = pathlib.Path(__file__).resolve().parent.parent / "public" / "examples" / "li7-synthetic.jdx"
    rows = [
        "##TITLE= SYNTHETIC 7Li MAS spectrum (not measured): apps/docs/scripts/example_jcamp.py",
        "##JCAMP-DX= 5.01",
        "##DATA TYPE= NMR SPECTRUM",
        "##DATA CLASS= XYDATA",
        "##ORIGIN= intercalate docs, numpy RandomState(20241121)",
        "##OWNER= public domain",
        "##$COMMENT= lines 620 ppm (FWHM 180, area 0.9) and 0 ppm (FWHM 12, area 0.1), Lorentzian",
        f"##.OBSERVE FREQUENCY= {SF:.7f}",
        "##.OBSERVE NUCLEUS= ^7Li",
        f"##$MASR= {MAS:.0f}",
        "##$NS= 1024",
        "##XUNITS= HZ",
        "##YUNITS= ARBITRARY UNITS",
        "##XFACTOR= 1",
        f"##YFACTOR= {y_factor:.10g}",
        f"##FIRSTX= {hz[0]:.6f}",
        f"##LASTX= {hz[-1]:.6f}",
        f"##DELTAX= {delta_x:.9f}",
        f"##NPOINTS= {N}",
        f"##FIRSTY= {ints[0] * y_factor:.10g}",
        "##XYDATA= (X++(Y..Y))",
    ]
    per_line = 8
    for start in range(0, N, per_line):
        chunk = ints[start : start + per_line]
        rows.append(f"{hz[start]:.6f} " + " ".join(str(v) for v in chunk))
    rows.append("##END=")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {out} ({N} points, sideband spacing {spacing:.2f} ppm)")


if __name__ == "__main__":
    main()
