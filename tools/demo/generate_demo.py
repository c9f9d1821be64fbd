#!/usr/bin/env python3
"""Generate wattledger's bundled demo company, Lanfeng Cloud (岚峰云科技), a FICTIONAL Chinese
internet company with two data centres and two offices, 2022-01 .. 2024-12.

How to rerun (Python 3.8+, standard library only; from any directory):

    python3 tools/demo/generate_demo.py

It (over)writes, relative to the repository root:

    app/src/main/resources/demo/sites.csv
    app/src/main/resources/demo/readings.csv
    app/src/main/resources/demo/denominators.csv
    app/src/main/resources/demo/targets.csv
    app/src/main/resources/demo/instruments.csv
    app/src/main/resources/demo/contracts.csv
    tools/demo/expected.md          (hand-checkable sums computed from the same rows)

The CSVs are the committed artefact; this script documents how they were made. The output is
deterministic: the only randomness is a seeded Mersenne Twister (random.Random(SEED).random(),
bit-identical on every platform), every value is computed with decimal.Decimal from tables of
decimal strings (no math.cos, no float arithmetic), and each value is rounded to its stated
number of decimals (ROUND_HALF_EVEN) before it is written as plain decimal text. The demo README
(app/src/main/resources/demo/README.md) is written by hand and is not touched by this script.

Every number here is invented. Seasonal shapes and magnitudes are chosen to look like a real
company's meter data (monthly PUE 1.20-1.45, higher in summer, improving year on year; WUE
0.2-1.8 L/kWh; offices 100-500 MWh a month), not taken from any real company.
"""

import calendar
import csv
import datetime as dt
import random
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, getcontext
from pathlib import Path

getcontext().prec = 34  # IEEE decimal128, as the engine; all sums below are exact anyway

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "app" / "src" / "main" / "resources" / "demo"
EXPECTED = Path(__file__).resolve().parent / "expected.md"

SEED = 20240601
YEARS = (2022, 2023, 2024)
D = Decimal

# Seasonal shape for cooling load: 0 in January, 1 in July (used for PUE and WUE).
SEASON = [D(s) for s in ("0.00", "0.05", "0.20", "0.45", "0.70", "0.92",
                         "1.00", "0.95", "0.72", "0.42", "0.15", "0.02")]

# ---------------------------------------------------------------------------------------------
# Sites
# ---------------------------------------------------------------------------------------------
SITES = [
    # site, name, region, kind, floor_area m2, it_capacity kW
    ("DC-ULANQAB", "Ulanqab Data Centre 乌兰察布数据中心", "CN-NM", "datacenter", "42000", "20000"),
    ("DC-GUIAN", "Gui'an Data Centre 贵安数据中心", "CN-GZ", "datacenter", "28000", "12000"),
    ("OFF-BJ", "Beijing Headquarters 北京总部", "CN-BJ", "office", "68000", ""),
    ("OFF-SH", "Shanghai Office 上海办公室", "CN-SH", "office", "26500", ""),
]

# Data-centre parameters: average IT load in MW per year; PUE = base + amp * SEASON;
# WUE = base + amp * SEASON (L/kWh); diesel kg per month for generator tests.
DC = {
    "DC-ULANQAB": {
        "it_mw": {2022: D("15.2"), 2023: D("16.3"), 2024: D("17.2")},
        "pue_base": {2022: D("1.255"), 2023: D("1.240"), 2024: D("1.215")},
        "pue_amp": D("0.100"),
        "wue_base": D("0.30"), "wue_amp": D("0.85"),
        "diesel_base": D("1600"),           # 16 gensets, monthly 30-minute test runs
        "diesel_extra": {5: D("3500")},     # annual load-bank test in May
        "feed_b_share": D("0.44"),          # share of facility energy on feed B (register meter)
    },
    "DC-GUIAN": {
        "it_mw": {2022: D("8.4"), 2023: D("9.1"), 2024: D("9.8")},
        "pue_base": {2022: D("1.300"), 2023: D("1.285"), 2024: D("1.268")},
        "pue_amp": D("0.130"),
        "wue_base": D("0.70"), "wue_amp": D("0.85"),
        "diesel_base": D("1100"),           # 10 gensets
        "diesel_extra": {10: D("2200")},    # annual load-bank test in October
        "feed_b_share": None,
    },
}
# Where each data centre's IT meter measures (ISO/IEC 30134-2: ups_output = PUE1, pdu_output = PUE2).
IT_POINT = {"DC-ULANQAB": ("ups_output", "UPS output (PUE category 1)"),
            "DC-GUIAN": ("pdu_output", "PDU output (PUE category 2)")}
# Gui'an's data hall 1 is one zone: its IT meter and the cooling submeter of the hall (role sub, never added
# to totals) give its partial PUE. The cooling is COOLING_SHARE of the month's facility overhead (no noise).
ZONE = {"DC-GUIAN": "HALL-1"}
COOLING_SHARE = D("0.7")
# A colocation contract on Gui'an's PUE for 2024, settled monthly: 20000 CNY per 0.01 of PUE above (penalty)
# or below (bonus) the target, capped at 100000 CNY a month.
CONTRACT = ("DC-GUIAN", "Qianyun Colocation Ltd", D("1.33"), D("20000"), "CNY", D("100000"), "monthly",
            "2024-01-01", "2024-12-31")
# The factor set's diesel NCV (cn: 42.652 GJ/t = MJ/kg): the engine's PUE counts generator diesel in E_DC.
DIESEL_NCV_MJ_PER_KG = D("42.652")
# A grid outage at Gui'an: the generators carried the load for about 1.5 hours.
DIESEL_EVENT = {("DC-GUIAN", 2023, 7): (D("4600"), "grid outage 2023-07-14: gensets ran 1.5 h")}

# Refrigerant top-ups (R-134a chillers), kg: (site, date, kg)
REFRIGERANT = [
    ("DC-ULANQAB", "2022-04-18", "46.0"), ("DC-ULANQAB", "2022-09-07", "23.5"),
    ("DC-ULANQAB", "2023-05-11", "38.0"), ("DC-ULANQAB", "2023-10-20", "18.5"),
    ("DC-ULANQAB", "2024-03-26", "27.0"), ("DC-ULANQAB", "2024-08-14", "41.5"),
    ("DC-GUIAN", "2022-06-09", "35.0"), ("DC-GUIAN", "2023-07-27", "52.0"),
    ("DC-GUIAN", "2023-11-15", "12.5"), ("DC-GUIAN", "2024-06-19", "30.0"),
]

# Register meter: DC-ULANQAB feed B, CT ratio 80, 8-digit register with 2 decimals.
REGISTER_METER = ("DC-ULANQAB", "E-FEED-B")
REGISTER_MULTIPLIER = D("80")
REGISTER_DIGITS = 8
REGISTER_OPENING = D("1204316.25")  # reading on 2021-12-31

# Office monthly profiles (Jan..Dec)
OFFICE = {
    "OFF-BJ": {
        "elec_mwh": ["350", "315", "330", "320", "360", "425", "455", "450", "380", "330", "330", "355"],
        "elec_scale": {2022: "1.00", 2023: "1.05", 2024: "1.03"},
        "gas_km3": ["11.5", "8.8", "12.0", "11.6", "11.2", "11.4", "11.0", "11.0", "11.5", "10.2", "11.8", "12.0"],
        "water_m3": ["5200", "4300", "5600", "5500", "5700", "6100", "6400", "6300", "5800", "5100", "5500", "5400"],
        "people_scale": {2022: "1.00", 2023: "1.07", 2024: "1.12"},
        "water_unit": "m3",
        "heat_gj": {1: "5600", 2: "4700", 3: "2300", 11: "2500", 12: "5300"},
        "heat_scale": {2022: "1.00", 2023: "0.97", 2024: "0.99"},
        "gasoline_kg": ["520", "430", "560", "540", "550", "530", "500", "480", "540", "470", "530", "550"],
        "car_note": "company car pool (3 vehicles) fuel card",
    },
    "OFF-SH": {
        "elec_mwh": ["175", "150", "150", "160", "185", "230", "265", "260", "215", "170", "150", "170"],
        "elec_scale": {2022: "0.96", 2023: "1.00", 2024: "1.04"},
        "gas_km3": ["3.3", "2.5", "3.4", "3.3", "3.2", "3.3", "3.1", "3.1", "3.3", "2.9", "3.4", "3.4"],
        "water_m3": ["1850", "1500", "1950", "1900", "2000", "2150", "2300", "2250", "2050", "1800", "1900", "1900"],
        "people_scale": {2022: "1.00", 2023: "1.06", 2024: "1.10"},
        "water_unit": "t",  # Shanghai water bills are in 吨; 1 t = 1 m3
        "heat_gj": None,
        "heat_scale": None,
        "gasoline_kg": ["150", "120", "160", "150", "160", "150", "140", "130", "160", "140", "150", "160"],
        "car_note": "company car fuel card",
    },
}
# Shanghai's 2022 city-wide lockdown: the office was largely closed in April and May 2022.
LOCKDOWN = {("OFF-SH", 2022, 4): D("0.45"), ("OFF-SH", 2022, 5): D("0.55")}
LOCKDOWN_NOTE = "office largely closed (city-wide lockdown)"
# The one deliberately questionable (but valid) row: an estimated month.
ESTIMATED = ("OFF-SH", "E-MAIN", 2023, 8)
ESTIMATED_NOTE = "bill not received - estimated from BMS sub-meter totals"

HEADCOUNT = {2022: "8200", 2023: "8900", 2024: "9400"}
FLOOR_AREA = {"OFF-BJ": {2022: "68000", 2023: "68000", 2024: "68000"},
              "OFF-SH": {2022: "24000", 2023: "24000", 2024: "26500"}}

TARGETS = [
    # id, metric, boundary, base_year, base_value, target_year, target_value, reduction_pct, path
    ("T1", "scope1_2", "*", "2022", "", "2030", "", "", "sbti_1.5c"),
    ("T2", "pue", "DC-GUIAN", "2022", "", "2026", "1.25", "", "linear"),
    ("T3", "electricity_per_headcount", "*", "2022", "", "2025", "", "8", "linear"),
    ("T4", "pue", "DC-ULANQAB", "2022", "", "2026", "1.25", "", "linear"),
]

INSTRUMENTS = [
    # id, type, site, market, generation_from, generation_to, quantity MWh, factor, retired, claimant, note
    ("GEC-2024-001", "gec", "DC-ULANQAB", "CN", "2024-01-01", "2024-06-30", "30000", "0", "yes",
     "Lanfeng Cloud Technology Co. Ltd.", "绿证 wind Inner Mongolia - retired on the GEC platform"),
    ("GEC-2024-002", "gec", "", "CN", "2024-01-01", "2024-12-31", "20000", "0", "yes",
     "Lanfeng Cloud Technology Co. Ltd.", "绿证 solar Qinghai - organisation-wide"),
    ("GPT-2024-001", "green_power_trade", "DC-GUIAN", "CN", "2024-01-01", "2024-12-31", "36000", "0", "yes",
     "Lanfeng Cloud Technology Co. Ltd.", "绿电交易 annual contract via the Guizhou power exchange with bundled GECs"),
    ("GEC-2024-003", "gec", "", "CN", "2024-07-01", "2024-12-31", "15000", "0", "no",
     "Lanfeng Cloud Technology Co. Ltd.", "bought but not yet retired: must NOT be applied"),
]

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
RNG = random.Random(SEED)


def noise(pct):
    """A deterministic factor in [1 - pct, 1 + pct], as an exact Decimal with 5 decimals."""
    r = D(repr(RNG.random())).quantize(D("0.00001"), rounding=ROUND_HALF_EVEN)
    return D(1) + D(pct) * (D(2) * r - D(1))


def q(value, decimals):
    """Round to a fixed number of decimals, half-even, as plain text-safe Decimal."""
    return value.quantize(D(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def text(value):
    s = format(value, "f")
    return "0" if s in ("-0", "-0.0") else s


def month_bounds(year, month):
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def months():
    for y in YEARS:
        for m in range(1, 13):
            yield y, m


READING_COLUMNS = ["site", "meter", "carrier", "gas", "use", "role", "measurement_point", "zone", "from", "to",
                   "quantity", "unit",
                   "type", "multiplier", "register_digits", "event", "quality", "note"]


def reading(site, meter, carrier, frm, to, quantity, unit, *, gas="", use="", role="main", type_="consumption",
            multiplier="", digits="", event="", quality="measured", note="", point="", zone=""):
    return {"site": site, "meter": meter, "carrier": carrier, "gas": gas, "use": use, "role": role,
            "measurement_point": point, "zone": zone,
            "from": frm.isoformat() if frm else "", "to": to.isoformat(), "quantity": text(quantity),
            "unit": unit, "type": type_, "multiplier": multiplier, "register_digits": digits, "event": event,
            "quality": quality, "note": note}


# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------
def generate():
    rows = []
    # stats[(site, year)] -> dict of Decimal sums; monthly PUE list for checks
    stats = {}

    def add(site, year, key, value):
        s = stats.setdefault((site, year), {})
        s[key] = s.get(key, D(0)) + value

    # ---- data centres ----
    for site, p in DC.items():
        register = REGISTER_OPENING
        if p["feed_b_share"] is not None:
            rows.append(reading(site, REGISTER_METER[1], "electricity", None, dt.date(2021, 12, 31), register, "kWh",
                                type_="register", multiplier=text(REGISTER_MULTIPLIER), digits=str(REGISTER_DIGITS),
                                note="10 kV feed B register - opening reading"))
        for y, m in months():
            frm, to = month_bounds(y, m)
            hours = D((to - frm).days + 1) * 24
            ramp = D(1) + D("0.004") * (D(m) - D("6.5"))  # load grows through the year
            it = q(p["it_mw"][y] * 1000 * hours * ramp * noise("0.01"), 1)
            pue = p["pue_base"][y] + p["pue_amp"] * SEASON[m - 1] + D("0.004") * (noise("1") - 1)
            facility = q(it * pue, 1)
            wue = (p["wue_base"] + p["wue_amp"] * SEASON[m - 1]) * noise("0.03")
            water = q(it * wue / 1000, 1)  # L/kWh * kWh = L -> m3
            diesel = p["diesel_base"] * noise("0.25") + p["diesel_extra"].get(m, D(0))
            diesel_note = "generator test runs" + (" + annual load-bank test" if m in p["diesel_extra"] else "")
            if (site, y, m) in DIESEL_EVENT:
                extra, why = DIESEL_EVENT[(site, y, m)]
                diesel += extra
                diesel_note += " - " + why
            diesel = q(diesel, 1)

            if p["feed_b_share"] is not None:
                diff = q(facility * p["feed_b_share"] * noise("0.01") / REGISTER_MULTIPLIER, 2)
                feed_b = q(diff * REGISTER_MULTIPLIER, 1)  # exact: 0.01 x 80 = 0.8
                feed_a = q(facility - feed_b, 1)
                register += diff
                rows.append(reading(site, "E-FEED-A", "electricity", frm, to, feed_a, "kWh",
                                    note="10 kV feed A (utility bill)"))
                rows.append(reading(site, REGISTER_METER[1], "electricity", None, to, register, "kWh",
                                    type_="register", multiplier=text(REGISTER_MULTIPLIER),
                                    digits=str(REGISTER_DIGITS), note="10 kV feed B register - month-end reading"))
                add(site, y, "elec_feed_a", feed_a)
                add(site, y, "elec_feed_b", feed_b)
            else:
                rows.append(reading(site, "E-MAIN", "electricity", frm, to, facility, "kWh",
                                    note="10 kV incomer (utility bill)"))
            rows.append(reading(site, "E-IT", "electricity", frm, to, it, "kWh", role="it",
                                note=IT_POINT[site][1], point=IT_POINT[site][0], zone=ZONE.get(site, "")))
            if site in ZONE:
                cooling = q((facility - it) * COOLING_SHARE, 1)
                rows.append(reading(site, "COOL-HALL1", "electricity", frm, to, cooling, "kWh", role="sub",
                                    zone=ZONE[site], note="data hall 1 cooling (CRAH and chilled-water pumps)"))
                add(site, y, "elec_sub", cooling)
            rows.append(reading(site, "DG-DIESEL", "diesel", frm, to, diesel, "kg", use="stationary",
                                note=diesel_note))
            rows.append(reading(site, "W-MAIN", "water", frm, to, water, "m3", note="municipal supply"))
            add(site, y, "elec_main", facility)
            add(site, y, "elec_it", it)
            add(site, y, "diesel_kg", diesel)
            add(site, y, "water_m3", water)
            s = stats[(site, y)]
            s.setdefault("pue_months", []).append(facility / it)
            s.setdefault("engine_pue_months", []).append(
                (facility * D("3.6") + diesel * DIESEL_NCV_MJ_PER_KG) / (it * D("3.6")))
            s.setdefault("wue_months", []).append(water * 1000 / it)

    for site, day, kg in REFRIGERANT:
        d = dt.date.fromisoformat(day)
        rows.append(reading(site, "RF-CHILLERS", "refrigerant", d, d, D(kg), "kg", gas="R-134a",
                            note="chiller leak repair and top-up"))
        add(site, d.year, "r134a_kg", D(kg))

    # ---- offices ----
    for site, p in OFFICE.items():
        for y, m in months():
            frm, to = month_bounds(y, m)
            i = m - 1
            lock = LOCKDOWN.get((site, y, m), D(1))
            lock_note = LOCKDOWN_NOTE if (site, y, m) in LOCKDOWN else ""
            elec = q(D(p["elec_mwh"][i]) * 1000 * D(p["elec_scale"][y]) * noise("0.02")
                     * (D(1) - (D(1) - lock) / 2), 1)  # base load keeps running while closed
            people = D(p["people_scale"][y]) * lock
            gas = q(D(p["gas_km3"][i]) * 1000 * people * noise("0.04"), 1)
            water = q(D(p["water_m3"][i]) * people * noise("0.04"), 1)
            gasoline = q(D(p["gasoline_kg"][i]) * noise("0.10") * (lock if lock < 1 else D(1)), 2)
            quality, note = "measured", "utility bill"
            if ESTIMATED[0] == site and (y, m) == ESTIMATED[2:]:
                quality, note = "estimated", ESTIMATED_NOTE
            if lock_note:
                note = note + " - " + lock_note
            rows.append(reading(site, "E-MAIN", "electricity", frm, to, elec, "kWh", quality=quality, note=note))
            rows.append(reading(site, "NG-CANTEEN", "natural_gas", frm, to, gas, "m3", use="stationary",
                                note="staff canteen" + (" - " + lock_note if lock_note else "")))
            rows.append(reading(site, "W-MAIN", "water", frm, to, water, p["water_unit"],
                                note="municipal supply" + (" - " + lock_note if lock_note else "")))
            if p["heat_gj"] is not None:
                gj = p["heat_gj"].get(m)
                if gj is None:
                    heat = D("0.00")
                    heat_note = "outside the heating season (15 Nov - 15 Mar)"
                else:
                    heat = q(D(gj) * D(p["heat_scale"][y]) * noise("0.03"), 2)
                    heat_note = "district heat 热力 (heat meter at substation)"
                rows.append(reading(site, "HEAT-DH", "heat", frm, to, heat, "GJ", note=heat_note))
                add(site, y, "heat_gj", heat)
            rows.append(reading(site, "CAR-POOL", "gasoline", frm, to, gasoline, "kg", use="mobile",
                                note=p["car_note"]))
            add(site, y, "elec_main", elec)
            add(site, y, "gas_m3", gas)
            add(site, y, "water_m3", water)
            add(site, y, "gasoline_kg", gasoline)

    order = {s[0]: i for i, s in enumerate(SITES)}
    rows.sort(key=lambda r: (order[r["site"]], r["meter"], r["to"], r["from"]))
    return rows, stats


# ---------------------------------------------------------------------------------------------
# Independent check: recompute everything from the written rows (as a test would)
# ---------------------------------------------------------------------------------------------
def recompute(rows):
    """Sums per (site, year) from the row dicts alone, register differences included."""
    out = {}
    last_register = {}
    for r in sorted(rows, key=lambda r: (r["site"], r["meter"], r["to"])):
        qty = D(r["quantity"])
        if r["type"] == "register":
            key = (r["site"], r["meter"])
            prev = last_register.get(key)
            last_register[key] = qty
            if prev is None:
                continue
            if qty < prev:
                raise SystemExit("register decreased: %r" % r)
            qty = (qty - prev) * D(r["multiplier"])
        year = int(r["to"][:4])
        s = out.setdefault((r["site"], year), {})
        name = {"electricity": "elec_" + {"it": "it", "sub": "sub"}.get(r["role"], "main"), "diesel": "diesel_kg",
                "gasoline": "gasoline_kg", "natural_gas": "gas_m3", "heat": "heat_gj", "water": "water_m3",
                "refrigerant": "r134a_kg"}[r["carrier"]]
        s[name] = s.get(name, D(0)) + qty  # water in t counts 1 t = 1 m3
    return out


def check(rows, stats):
    again = recompute(rows)
    for key, s in stats.items():
        for name, value in s.items():
            if name.startswith("elec_feed") or isinstance(value, list):
                continue
            if again[key].get(name) != value:
                raise SystemExit("mismatch %s %s: %s vs %s" % (key, name, value, again[key].get(name)))
    for (site, y), s in stats.items():
        if site in DC:
            for pue in s["pue_months"]:
                if not D("1.20") <= pue <= D("1.45"):
                    raise SystemExit("monthly PUE out of range at %s %d: %s" % (site, y, pue))
            for wue in s["wue_months"]:
                if not D("0.2") <= wue <= D("1.8"):
                    raise SystemExit("monthly WUE out of range at %s %d: %s" % (site, y, wue))
    for r in rows:
        if "e" in r["quantity"].lower() or (len(r["quantity"].split(".")[-1]) > 3 and "." in r["quantity"]):
            raise SystemExit("bad number text %r" % r["quantity"])
        if r["site"].startswith("OFF") and r["carrier"] == "electricity":
            kwh = D(r["quantity"])
            if not D("100000") <= kwh <= D("500000"):
                raise SystemExit("office electricity out of range: %r" % r)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
def write_csv(path, header, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r[h] for h in header] if isinstance(r, dict) else list(r))


def div(a, b, decimals):
    return text(q(a / b, decimals))


def expected_md(rows, stats):
    L = []
    w = L.append
    w("# Demo company — expected figures")
    w("")
    w("Generated by `tools/demo/generate_demo.py` from the same rows it writes to")
    w("`app/src/main/resources/demo/` (do not edit by hand; rerun the script). Sums are exact")
    w("decimals of the CSV values; ratios are rounded half-even to the decimals shown. A test can")
    w("compare the engine's results with these numbers; the plain (unformatted) values are in the")
    w("tables so they can be copied into assertions.")
    w("")
    w("Conventions used here, matching the engine's documented method (`docs/methodology.md`):")
    w("")
    w("- Calendar years; every reading is a whole month (or one day for refrigerant), so no reading")
    w("  crosses a year boundary and no proration is involved.")
    w("- DC-ULANQAB's facility electricity = feed A (monthly consumption rows) + feed B (register")
    w("  meter `E-FEED-B`: (reading − previous reading) × multiplier 80; the opening reading on")
    w("  2021-12-31 makes January 2022 count). Feed B's 2022 consumption is therefore")
    w("  (reading 2022-12-31 − reading 2021-12-31) × 80.")
    w("- `PUE (electricity)` = Σ main electricity kWh / Σ IT kWh, the ratio of annual sums. The engine's")
    w("  PUE also counts the backup-generator diesel burnt on site in E_DC (converted through the")
    w("  factor set's NCV), so its PUE is slightly higher; the diesel mass is listed so the")
    w("  difference can be checked: PUE(engine) = (Σ main kWh + diesel kg × NCV in kWh/kg) / Σ IT kWh,")
    w("  e.g. with the China set's 42.652 GJ/t, 1 kg of diesel = 42.652 MJ = 11.847777… kWh.")
    w("- `WUE` = Σ water (L) / Σ IT kWh (1 m³ = 1000 L; OFF-SH's water is billed in t, 1 t = 1 m³).")
    w("- Company electricity = Σ role `main` electricity over all four sites (IT meters never add).")
    w("")

    w("## Data centres")
    w("")
    w("| site | year | feed A kWh | feed B kWh (register × 80) | Σ main kWh | Σ IT kWh | PUE (electricity) | WUE L/kWh | water m3 | diesel kg | R-134a kg | monthly PUE min–max |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for site in DC:
        for y in YEARS:
            s = stats[(site, y)]
            fa = text(s["elec_feed_a"]) if "elec_feed_a" in s else "—"
            fb = text(s["elec_feed_b"]) if "elec_feed_b" in s else "—"
            pm = s["pue_months"]
            w("| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s–%s |" % (
                site, y, fa, fb, text(s["elec_main"]), text(s["elec_it"]),
                div(s["elec_main"], s["elec_it"], 4), div(s["water_m3"] * 1000, s["elec_it"], 4),
                text(s["water_m3"]), text(s["diesel_kg"]), text(s.get("r134a_kg", D(0))),
                text(q(min(pm), 4)), text(q(max(pm), 4))))
    w("")

    w("## Offices")
    w("")
    w("| site | year | electricity kWh | natural gas m3 | water m3 | heat GJ | gasoline kg |")
    w("|---|---|---|---|---|---|---|")
    for site in OFFICE:
        for y in YEARS:
            s = stats[(site, y)]
            w("| %s | %d | %s | %s | %s | %s | %s |" % (
                site, y, text(s["elec_main"]), text(s["gas_m3"]), text(s["water_m3"]),
                text(s["heat_gj"]) if "heat_gj" in s else "—", text(s["gasoline_kg"])))
    w("")

    w("## Company totals")
    w("")
    w("| year | electricity kWh | of which data centres | natural gas m3 | diesel kg | gasoline kg | heat GJ | water m3 | R-134a kg | headcount | electricity kWh per person |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    company = {}
    for y in YEARS:
        t = {}
        for site, *_ in SITES:
            for k, v in stats[(site, y)].items():
                if not isinstance(v, list):
                    t[k] = t.get(k, D(0)) + v
        dc_elec = sum((stats[(s, y)]["elec_main"] for s in DC), D(0))
        company[y] = t
        w("| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            y, text(t["elec_main"]), text(dc_elec), text(t["gas_m3"]), text(t["diesel_kg"]), text(t["gasoline_kg"]),
            text(t["heat_gj"]), text(t["water_m3"]), text(t["r134a_kg"]), HEADCOUNT[y],
            div(t["elec_main"], D(HEADCOUNT[y]), 4)))
    w("")

    w("## Years side by side (the demo's years table, 2022 to 2024)")
    w("")
    w("`demo` reports 2024 and compares it with 2022 and 2023 (`--years-from 2022`). Each year's")
    w("electricity and water, and the change from the year before, are exact differences of the sums")
    w("above; the LMDI decomposition of Scope 1 + 2 uses headcount as its activity (8,200 → 8,900 → 9,400).")
    w("")
    w("| year | electricity MWh | change MWh | water m3 | change m3 | headcount |")
    w("|---|---|---|---|---|---|")
    previous = None
    for y in YEARS:
        t = company[y]
        mwh = t["elec_main"] / D(1000)
        change = "—" if previous is None else text(mwh - previous[0])
        water_change = "—" if previous is None else text(t["water_m3"] - previous[1])
        w("| %d | %s | %s | %s | %s | %s |" % (y, text(mwh), change, text(t["water_m3"]), water_change, HEADCOUNT[y]))
        previous = (mwh, t["water_m3"])
    w("")

    w("## Targets (inputs the engine will compute from)")
    w("")
    g24 = stats[("DC-GUIAN", 2024)]
    for tid, site in (("T2", "DC-GUIAN"), ("T4", "DC-ULANQAB")):
        a, b = stats[(site, 2022)], stats[(site, 2024)]
        base_pue = a["elec_main"] / a["elec_it"]
        cur = b["elec_main"] / b["elec_it"]
        path_2024 = base_pue + (D("1.25") - base_pue) * D(2) / D(4)
        w("- %s (PUE %s, linear 2022 → 1.25 in 2026): electricity-only base PUE 2022 = %s;"
          % (tid, site, text(q(base_pue, 4))))
        w("  path value for 2024 = base + (1.25 − base) × 2/4 = %s; electricity-only PUE 2024 = %s: %s."
          % (text(q(path_2024, 4)), text(q(cur, 4)),
             "ON track (below the path)" if cur < path_2024 else "OFF track (above the path)"))
        w("  (The engine's PUE adds generator diesel, ≈ +0.002 on base and current alike; the verdict holds.)")
    e22 = company[2022]["elec_main"] / D(HEADCOUNT[2022])
    e24 = company[2024]["elec_main"] / D(HEADCOUNT[2024])
    target = e22 * D("0.92")
    path3 = e22 + (target - e22) * D(2) / D(3)
    w("- T3 (electricity per headcount, −8 %% by 2025, linear): base 2022 = %s kWh/person; target 2025 = %s;"
      % (text(q(e22, 4)), text(q(target, 4))))
    w("  path value for 2024 = %s; current 2024 = %s kWh/person (%s)." % (
        text(q(path3, 4)), text(q(e24, 4)), "on track" if e24 <= path3 else "off track"))
    w("- T1 (Scope 1+2 location-based, SBTi 1.5 °C from 2022 to 2030): target = base × (1 − 0.042 × 8)")
    w("  = base × 0.664; the base depends on the factor set and is not computed here.")
    w("")

    w("## Instruments (2024 market-based Scope 2)")
    w("")
    u24 = stats[("DC-ULANQAB", 2024)]["elec_main"] / 1000
    g24m = g24["elec_main"] / 1000
    w("Retired, vintage 2024, market CN: GEC-2024-001 30000 MWh for DC-ULANQAB (2024 consumption %s MWh),"
      % text(q(u24, 3)))
    w("GPT-2024-001 36000 MWh for DC-GUIAN (2024 consumption %s MWh), GEC-2024-002 20000 MWh for the"
      % text(q(g24m, 3)))
    w("organisation (allocated after site-specific instruments, pro rata over the consumption they leave uncovered).")
    w("No instrument exceeds the consumption it can cover, so no excess warning is expected.")
    w("GEC-2024-003 (15000 MWh) is NOT retired and must not be applied. Total applied: 86000 MWh.")
    w("")

    w("## Location-based Scope 2 for 2022 (illustration, electricity and heat)")
    w("")
    w("With the MEE+NBS 2022 provincial factors (t CO2/MWh: Inner Mongolia 0.6849, Guizhou 0.4989, Beijing 0.5580,")
    w("Shanghai 0.5849; factor set cn@2026.2 — cn@2026.1 had no Guizhou or Shanghai factor, so those sites fell back to")
    w("the South grid's 0.3869 and the East grid's 0.5617) and heat 0.11 t CO2/GJ:")
    w("")
    w("| site | factor basis | MWh 2022 | t CO2 |")
    w("|---|---|---|---|")
    ef = {"DC-ULANQAB": ("CN-NM 0.6849", D("0.6849")), "DC-GUIAN": ("CN-GZ 0.4989", D("0.4989")),
          "OFF-BJ": ("CN-BJ 0.5580", D("0.5580")), "OFF-SH": ("CN-SH 0.5849", D("0.5849"))}
    total = D(0)
    for site, *_ in SITES:
        mwh = stats[(site, 2022)]["elec_main"] / 1000
        t = mwh * ef[site][1]
        total += t
        w("| %s | %s | %s | %s |" % (site, ef[site][0], text(mwh), text(t)))
    heat_t = stats[("OFF-BJ", 2022)]["heat_gj"] * D("0.11")
    total += heat_t
    w("| OFF-BJ heat | 0.11 t/GJ × %s GJ | — | %s |" % (text(stats[("OFF-BJ", 2022)]["heat_gj"]), text(heat_t)))
    w("| **total** | | | **%s** |" % text(total))
    w("")
    contract_md(w, stats)
    w("Row count: %d readings (incl. 1 opening register reading), 0 invalid; exactly one row has quality"
      % len(rows))
    w("`estimated` (%s %s %d-%02d)." % ESTIMATED)
    w("")
    EXPECTED.write_text("\n".join(L), encoding="utf-8")


def settle(stats):
    """The contract's months: (month, engine PUE, deviation, steps, uncapped, amount) and the total."""
    site, _, target, per_step, _, cap, _, _, _ = CONTRACT
    out = []
    for m, pue in enumerate(stats[(site, 2024)]["engine_pue_months"], start=1):
        deviation = pue - target
        steps = (deviation / D("0.01")).to_integral_value(rounding=ROUND_DOWN)  # whole steps, toward zero
        uncapped = steps * per_step
        amount = max(-cap, min(cap, uncapped))
        out.append((m, pue, deviation, steps, uncapped, amount))
    return out, sum((r[5] for r in out), D(0))


def contract_md(w, stats):
    site, counterparty, target, per_step, currency, cap, basis, first, last = CONTRACT
    g = stats[(site, 2024)]
    w("## Data-centre depth (2024)")
    w("")
    w("- PUE categories (ISO/IEC 30134-2, from the IT meter's `measurement_point`): DC-ULANQAB PUE1")
    w("  (ups_output), DC-GUIAN PUE2 (pdu_output).")
    w("- Partial PUE of DC-GUIAN zone HALL-1 = (IT + cooling submeter COOL-HALL1) / IT")
    w("  = (%s + %s) / %s = %s (34 significant digits: %s)." % (
        text(g["elec_it"]), text(g["elec_sub"]), text(g["elec_it"]),
        text(q((g["elec_it"] + g["elec_sub"]) / g["elec_it"], 4)), text((g["elec_it"] + g["elec_sub"]) / g["elec_it"])))
    w("- Contract with %s on %s: target PUE %s, %s %s per 0.01, cap %s %s per month, %s, %s..%s." % (
        counterparty, site, text(target), text(per_step), currency, text(cap), currency, basis, first, last))
    w("  The engine's monthly PUE = (main kWh × 3.6 + diesel kg × %s MJ/kg) / (IT kWh × 3.6); steps = (PUE −"
      % text(DIESEL_NCV_MJ_PER_KG))
    w("  target) / 0.01 truncated toward zero; amount = steps × %s, cut to ±%s (+ penalty, − bonus)." % (
        text(per_step), text(cap)))
    w("")
    w("| month | engine PUE | deviation | steps | before cap | amount %s |" % currency)
    w("|---|---|---|---|---|---|")
    months, total = settle(stats)
    for m, pue, deviation, steps, uncapped, amount in months:
        w("| 2024-%02d | %s | %s | %s | %s | %s |" % (m, text(q(pue, 6)), text(q(deviation, 6)), text(steps),
                                                   text(uncapped), text(amount)))
    w("| **total** | | | | | **%s** |" % text(total))
    w("")


def main():
    rows, stats = generate()
    check(rows, stats)
    write_csv(DEMO / "sites.csv", ["site", "name", "region", "kind", "floor_area", "it_capacity"], SITES)
    write_csv(DEMO / "readings.csv", READING_COLUMNS, rows)
    den = []
    for y in YEARS:
        den.append(("*", "%d-01-01" % y, "%d-12-31" % y, "headcount", HEADCOUNT[y], "person"))
    for site, by_year in FLOOR_AREA.items():
        for y in YEARS:
            den.append((site, "%d-01-01" % y, "%d-12-31" % y, "floor_area", by_year[y], "m2"))
    write_csv(DEMO / "denominators.csv", ["boundary", "from", "to", "name", "value", "unit"], den)
    write_csv(DEMO / "targets.csv", ["id", "metric", "boundary", "base_year", "base_value", "target_year",
                                     "target_value", "reduction_pct", "path"], TARGETS)
    write_csv(DEMO / "instruments.csv", ["id", "type", "site", "market", "generation_from", "generation_to",
                                         "quantity", "factor", "retired", "claimant", "note"], INSTRUMENTS)
    write_csv(DEMO / "contracts.csv", ["site", "counterparty", "target_pue", "amount_per_0.01", "currency", "cap",
                                       "basis", "from", "to"], [tuple(text(v) if isinstance(v, D) else v
                                                                      for v in CONTRACT)])
    expected_md(rows, stats)
    print("wrote %d readings to %s and %s" % (len(rows), DEMO, EXPECTED))


if __name__ == "__main__":
    main()
