"""Chebyshev coefficients of the complementary error function used by src/erfc.ts (`erfc`, exported by @intercalate/numerics).

For x >= 0 write t = 2/(2 + x) in (0, 1] and

    erfc(x) = t * exp(-x**2 + P(u)),   u = 2t - 1 in (-1, 1],   P(u) = sum_k c_k T_k(u),

so P(u) = ln(erfc(x) * exp(x**2) / t), a smooth function of t on [0, 1] (it tends to
ln(1/sqrt(pi)) as x -> inf). The substitution is the one of J. L. Schonfelder, "Chebyshev
expansions for the error and related functions", Math. Comp. 32 (1978) 1232-1240; the
coefficients below are computed here from scratch by Chebyshev interpolation of P at 80
Chebyshev-Gauss nodes with mpmath at 50 digits, rounded to float64 and truncated after the
last |c_k| >= 1e-18.

Regenerate with `/usr/bin/python3 packages/numerics/scripts/erfc-chebyshev.py` (prints the
TypeScript array literal). Produced with mpmath 1.2.1.
"""

import mpmath as mp

mp.mp.dps = 50
N = 80


def p_of_u(u):
    t = (u + 1) / 2
    x = 2 / t - 2
    return mp.log(mp.erfc(x) * mp.e ** (x * x) / t)


nodes = [mp.cos(mp.pi * (j + mp.mpf(1) / 2) / N) for j in range(N)]
values = [p_of_u(u) for u in nodes]
coefficients = []
for k in range(N):
    s = mp.fsum(values[j] * mp.cos(mp.pi * k * (j + mp.mpf(1) / 2) / N) for j in range(N))
    coefficients.append((2 if k else 1) * s / N)
last = max(k for k, c in enumerate(coefficients) if abs(c) >= 1e-18)
print("const ERFC_CHEBYSHEV = [")
for c in coefficients[: last + 1]:
    print(f"  {float(c)!r},")  # shortest repr that round-trips the float64
print("];")
