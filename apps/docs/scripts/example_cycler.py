"""Writes the SYNTHETIC cycler files of the Kinetics page (not measured), computed here with numpy
from closed forms, independently of @intercalate/electrochem:

1. apps/docs/public/examples/kinetics/gitt-synthetic.mpt, a BioLogic EC-Lab ASCII export of a GITT
   charge: a 600 s rest, then 12 pulses of 0.1 mA for tau = 600 s, each followed by a 1800 s rest.
   - capacity 0.5 mAh for the whole lithium range, so each pulse removes dx = 1/30 of lithium,
     x from 0.95 down to 0.55;
   - open-circuit voltage U(x) = 3.55 + 0.45 (1 - x) + 0.05 ln((1 - x)/x) V;
   - IR step 0.015 V at every current switch;
   - during pulse k: V = U(x_k) + IR + dEt_k sqrt(t/tau), t from 0 to tau, with
     dEt_k = dEs_k (2 r / 3) / sqrt(pi tau D_k) and dEs_k = U(x_k+1) - U(x_k), r = 10 um, which is
     the Weppner-Huggins relation for a sphere, D = 4 r^2/(9 pi tau) (dEs/dEt)^2, solved for dEt;
   - the true D_k rises log-linearly from 1e-16 to 1e-15 m^2/s over the 12 pulses (D of NMC
     grows on delithiation, Sharma et al., Nano Lett. 2022, Fig. 4c);
   - during each rest V relaxes to U(x_k+1) as (exp(-t/300 s) - exp(-T/300 s))/(1 - exp(-T/300 s)),
     reaching it exactly at the end of the rest (T = 1800 s);
   - samples every 10 s in pulses, every 30 s in rests; (Q-Qo) integrates the current.
   The page's analyzeGitt with r = 10 um should return D_k (listed in the file's header).

2. apps/docs/public/examples/kinetics/cycle-synthetic.csv, an Arbin-like CSV of one C/2
   charge/discharge of a 2 mAh cell between 3.0 and 4.25 V:
   - Q(V) = 0.4 mAh/V (V - 3) + sum_k Q_k / (1 + exp(-(V - V_k)/w_k)) on charge, with
     (V_k, Q_k, w_k) = (3.70 V, 0.6 mAh, 0.04 V), (4.00 V, 0.5 mAh, 0.02 V), (4.18 V, 0.3 mAh,
     0.015 V), so dQ/dV = 0.4 + sum_k Q_k/(4 w_k) sech^2(...) has its peaks at V_k, the highest
     (6.25 + 0.4 mAh/V) at 4.00 V;
   - on discharge the same curve shifted 0.03 V lower (hysteresis): peaks at V_k - 0.03 V;
   - constant current +-1 mA (C/2), samples every 10 s; V from Q by interpolation of the
     monotone Q(V) on a 0.1 mV grid; Capacity(mAh) is the net charge since the start.

Run: /usr/bin/python3 apps/docs/scripts/example_cycler.py
"""

import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "public" / "examples" / "kinetics"

# GITT
CURRENT_MA = 0.1
TAU = 600.0
REST = 1800.0
PULSES = 12
CAPACITY_MAH = 0.5
X0 = 0.95
RADIUS = 10e-6
IR = 0.015
RELAX = 300.0
D_TRUE = np.logspace(-16, -15, PULSES)


def ocv(x):
    return 3.55 + 0.45 * (1 - x) + 0.05 * math.log((1 - x) / x)


def gitt():
    dx = CURRENT_MA * TAU / 3600 / CAPACITY_MAH
    rows = []  # time s, Ewe V, I mA
    t = 0.0
    x = X0
    for s in np.arange(0, 600 + 1e-9, 30.0):
        rows.append((s, ocv(x), 0.0))
    t = 600.0
    det = []
    for k in range(PULSES):
        u0 = ocv(x)
        u1 = ocv(x - dx)
        des = u1 - u0
        de_t = des * (2 * RADIUS / 3) / math.sqrt(math.pi * TAU * D_TRUE[k])
        det.append((des, de_t))
        t0 = t + 10.0
        for s in np.arange(0, TAU + 1e-9, 10.0):
            rows.append((t0 + s, u0 + IR + de_t * math.sqrt(s / TAU), CURRENT_MA))
        v_end = u0 + de_t  # without the IR step, which vanishes with the current
        tr = t0 + TAU
        norm = 1 - math.exp(-REST / RELAX)
        for s in np.arange(30.0, REST + 1e-9, 30.0):
            frac = (math.exp(-s / RELAX) - math.exp(-REST / RELAX)) / norm
            rows.append((tr + s, u1 + (v_end - u1) * frac, 0.0))
        t = tr + REST
        x -= dx
    time = np.array([r[0] for r in rows])
    volt = np.array([r[1] for r in rows])
    cur = np.array([r[2] for r in rows])
    q = np.concatenate([[0.0], np.cumsum(0.5 * (cur[1:] + cur[:-1]) * np.diff(time))]) / 3600
    header = [
        "EC-Lab ASCII FILE",
        "Nb header lines : 0",  # replaced below
        "",
        "SYNTHETIC GITT record (not measured): apps/docs/scripts/example_cycler.py",
        f"Sphere radius r = {RADIUS * 1e6:.1f} um, pulses {CURRENT_MA} mA x {TAU:.0f} s, rests {REST:.0f} s",
        "True D per pulse (m2/s): " + " ".join(f"{d:.4e}" for d in D_TRUE),
        "",
        "mode\tox/red\terror\ttime/s\tEwe/V\t<I>/mA\t(Q-Qo)/mA.h\tcycle number",
    ]
    header[1] = f"Nb header lines : {len(header)}"
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "gitt-synthetic.mpt"
    with open(path, "w", encoding="latin-1", newline="\r\n") as f:
        for line in header:
            f.write(line + "\n")
        for ti, vi, ii, qi in zip(time, volt, cur, q):
            mode = 1 if ii != 0 else 3
            f.write(f"{mode}\t1\t0\t{ti:.3f}\t{vi:.6f}\t{ii:.6f}\t{qi:.8f}\t0\n")
    print(f"wrote {path} ({len(rows)} rows)")


# Charge/discharge curve
PEAKS = [(3.70, 0.6, 0.04), (4.00, 0.5, 0.02), (4.18, 0.3, 0.015)]
BACKGROUND = 0.4  # mAh/V
V_MIN, V_MAX = 3.0, 4.25
HYSTERESIS = 0.03
CELL_CURRENT_MA = 1.0


def charge_capacity(v):
    q = BACKGROUND * (v - V_MIN)
    for vk, qk, wk in PEAKS:
        q = q + qk / (1 + np.exp(-(v - vk) / wk))
    return q - (0 + sum(qk / (1 + math.exp(-(V_MIN - vk) / wk)) for vk, qk, wk in PEAKS))


def cycle():
    grid = np.arange(V_MIN, V_MAX + 1e-9, 1e-4)
    qc = charge_capacity(grid)
    qtop = qc[-1]
    dt = 10.0
    per_s = CELL_CURRENT_MA / 3600  # mAh per s
    n = int(math.floor(qtop / per_s / dt))
    t_charge = np.arange(0, n + 1) * dt
    q_charge = t_charge * per_s
    v_charge = np.interp(q_charge, qc, grid)
    # discharge: the same Q(V) shifted by -HYSTERESIS, from the top of charge down to V_MIN
    grid_d = grid - HYSTERESIS
    # discharged amount measured from the top: qtop - Q_d(V); V runs from V_MAX - HYSTERESIS down
    qd = charge_capacity(grid)  # same shape on the shifted axis
    t_dis = np.arange(1, n + 1) * dt
    q_dis = qtop - t_dis * per_s  # net capacity falls
    v_dis = np.interp(q_dis - (qtop - qd[-1]), qd, grid_d)
    time = np.concatenate([t_charge, t_charge[-1] + t_dis])
    volt = np.concatenate([v_charge, v_dis])
    cur = np.concatenate([np.full(t_charge.size, CELL_CURRENT_MA), np.full(t_dis.size, -CELL_CURRENT_MA)]) / 1000
    cap = np.concatenate([q_charge, q_dis])
    path = OUT / "cycle-synthetic.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("# SYNTHETIC charge/discharge (not measured): apps/docs/scripts/example_cycler.py\n")
        f.write("# dQ/dV peaks on charge at 3.70, 4.00 (highest), 4.18 V; discharge 0.03 V lower\n")
        f.write("Test_Time(s),Current(A),Voltage(V),Capacity(mAh)\n")
        for row in zip(time, cur, volt, cap):
            f.write(f"{row[0]:.1f},{row[1]:.6f},{row[2]:.6f},{row[3]:.6f}\n")
    print(f"wrote {path} ({time.size} rows)")


if __name__ == "__main__":
    gitt()
    cycle()
