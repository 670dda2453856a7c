"""Writes apps/docs/public/examples/imaging/particles-synthetic.tif, the example image of the
Imaging page, and test/fixtures/particles-synthetic.skimage.json, scikit-image's analysis of it.

A SYNTHETIC 8-bit grey micrograph (not measured), computed here with numpy, independently of
@intercalate/imaging:

- 192 x 144 pixels; background 40 + 20 x/191 grey levels (a gentle left-to-right shading);
- 12 bright particles (discs and tilted ellipses, listed in PARTICLES), pixel centres strictly
  inside ((x - cx)/a)^2 + ((y - cy)/b)^2 < 1 in the particle's rotated frame, grey level 150-200;
  no two particles touch, so Otsu + labelling must find exactly 12 regions;
- Gaussian noise sd 6 grey levels from numpy RandomState(20241122), rounded and clipped to 0-255.

The file is written by tifffile (uncompressed, one page, ImageDescription says it is synthetic).
Then scikit-image 0.19 analyses it as the page does: threshold_otsu, image > t, label (default
full connectivity), regionprops with the image as intensity; the JSON keeps the threshold and,
per region, area, centroid (row, col), equivalent_diameter, eccentricity, perimeter and
mean_intensity. apps/docs/test/imaging-core.test.ts compares the page's analysis with it and the
browser test expects 12 regions.
Run: /usr/bin/python3 apps/docs/scripts/example_particles_tiff.py
"""

import json
import math
import pathlib

import numpy as np
import tifffile
from skimage.filters import threshold_otsu
from skimage.measure import label, regionprops

WIDTH, HEIGHT = 192, 144
SEED = 20241122
NOISE = 6.0
# (cx, cy, semi-axis a, semi-axis b, angle in degrees, grey level)
PARTICLES = [
    (20, 20, 11, 11, 0, 180),
    (58, 18, 14, 8, 20, 170),
    (100, 24, 9, 9, 0, 190),
    (140, 20, 16, 10, -30, 160),
    (176, 30, 8, 8, 0, 200),
    (24, 70, 10, 16, 10, 175),
    (66, 66, 13, 13, 0, 185),
    (110, 72, 18, 9, 45, 165),
    (160, 78, 12, 12, 0, 195),
    (30, 118, 9, 14, -60, 155),
    (86, 118, 15, 11, 0, 180),
    (150, 120, 20, 9, 15, 170),
]


def main():
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(float)
    image = 40.0 + 20.0 * x / (WIDTH - 1)
    for cx, cy, a, b, angle, grey in PARTICLES:
        t = math.radians(angle)
        u = (x - cx) * math.cos(t) + (y - cy) * math.sin(t)
        v = -(x - cx) * math.sin(t) + (y - cy) * math.cos(t)
        image[(u / a) ** 2 + (v / b) ** 2 < 1] = grey
    image += np.random.RandomState(SEED).normal(0.0, NOISE, image.shape)
    pixels = np.clip(np.rint(image), 0, 255).astype(np.uint8)

    root = pathlib.Path(__file__).resolve().parent.parent
    out = root / "public" / "examples" / "imaging" / "particles-synthetic.tif"
    tifffile.imwrite(
        out,
        pixels,
        description="SYNTHETIC particles (not measured): apps/docs/scripts/example_particles_tiff.py",
        metadata=None,
    )

    back = tifffile.imread(out)
    assert np.array_equal(back, pixels)
    threshold = threshold_otsu(back)
    labels = label(back > threshold)
    regions = regionprops(labels, intensity_image=back)
    assert len(regions) == len(PARTICLES), f"expected {len(PARTICLES)} regions, got {len(regions)}"
    fixture = {
        "source": "scikit-image 0.19 on particles-synthetic.tif: threshold_otsu, label, regionprops",
        "threshold": float(threshold),
        "count": len(regions),
        "regions": [
            {
                "label": int(r.label),
                "area": float(r.area),
                "centroid_row": float(r.centroid[0]),
                "centroid_col": float(r.centroid[1]),
                "equivalent_diameter": float(r.equivalent_diameter),
                "eccentricity": float(r.eccentricity),
                "perimeter": float(r.perimeter),
                "mean_intensity": float(r.mean_intensity),
            }
            for r in regions
        ],
    }
    fixtures = root / "test" / "fixtures" / "particles-synthetic.skimage.json"
    fixtures.write_text(json.dumps(fixture, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes), threshold {threshold}, {len(regions)} regions")


if __name__ == "__main__":
    main()
