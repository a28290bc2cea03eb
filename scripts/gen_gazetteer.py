#!/usr/bin/env python3
"""Regenerates data/gazetteer.tsv from the PyPI package vietnamadminunits.

Usage:
    pip download --no-deps vietnamadminunits==1.0.4 -d /tmp/vau
    python3 scripts/gen_gazetteer.py /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl > data/gazetteer.tsv

The wheel is read as a zip (importing the package needs shapely). Units come
from vietnamadminunits/data/dataset.db (tables admin_units_legacy, before
1 July 2025, and admin_units, after); the old-to-new commune mapping from
vietnamadminunits/data/converter_2025.json, whose keys join to the tables'
key columns.
"""
import json
import sqlite3
import sys
import tempfile
import zipfile

LEVEL = {
    ("province", "tỉnh"): "province",
    ("province", "thành phố"): "municipality",
    ("district", "quận"): "urban_district",
    ("district", "huyện"): "district",
    ("district", "thị xã"): "town",
    ("district", "thành phố"): "city",
    ("ward", "phường"): "ward",
    ("ward", "xã"): "commune",
    ("ward", "thị trấn"): "township",
    ("ward", "đặc khu"): "special_zone",
}

# Corrections of the source, by province code.
OLD_PROVINCE_FIX = {"46": ("tỉnh", "Thừa Thiên Huế")}  # listed as "Thành phố Huế"
NEW_PROVINCE_FIX = {
    # Centrally run cities from the 2026 official list.
    "22": ("thành phố", None),
    "24": ("thành phố", None),
    "75": ("thành phố", None),
}


def bare(short):
    """The short name without the source's disambiguation (`Yên Viên (Xã)`)."""
    if short and short.endswith(")") and " (" in short:
        return short[: short.rindex(" (")]
    return short


UNITS = ["thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"]


def split_name(full):
    """(unit word, name) of a full name; the type column's casing is unreliable."""
    low = full.lower()
    for u in UNITS:
        if low.startswith(u + " "):
            return u, full[len(u) + 1 :].strip()
    raise ValueError(f"no unit word in {full!r}")


def unit_of(full, short):
    return split_name(full)[0]


def main(wheel):
    z = zipfile.ZipFile(wheel)
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(z.read("vietnamadminunits/data/dataset.db"))
        tmp.flush()
        db = sqlite3.connect(tmp.name)
        conv = json.loads(z.read("vietnamadminunits/data/converter_2025.json"))
        rows = []
        # New era: provinces and communes.
        new_key = {}
        seen = set()
        for (prov, pshort, pcode, pkey, ward, wshort, wcode, wkey) in db.execute(
            "select province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardCode, wardKey from admin_units order by provinceCode, wardCode"
        ):
            if pcode not in seen:
                seen.add(pcode)
                unit = unit_of(prov, pshort)
                unit = NEW_PROVINCE_FIX.get(pcode, (unit, None))[0]
                rows.append(("2025", LEVEL[("province", unit)], pcode, unit, pshort, "", pcode, ""))
            unit = unit_of(ward, wshort)
            rows.append(("2025", LEVEL[("ward", unit)], wcode, unit, split_name(ward)[1], pcode, pcode, ""))
            new_key[(pkey, wkey)] = wcode
        # Old-to-new successors, by old key "province_district_ward".
        successors = {}
        for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for wkey, olds in wards.items():
                for old in olds:
                    successors.setdefault(old, []).append(new_key.get((pkey, wkey)))
        for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
            for old, news in olds.items():
                for n in news:
                    successors.setdefault(old, []).append(new_key.get((pkey, n["newWardKey"])))
        # Old era: provinces, districts, communes.
        seen_p, seen_d = set(), set()
        for r in db.execute(
            "select province, provinceShort, provinceCode, provinceKey, district, districtShort, districtCode, districtKey, ward, wardShort, wardCode, wardKey "
            "from admin_units_legacy order by provinceCode, districtCode, wardCode"
        ):
            (prov, pshort, pcode, pkey, dist, dshort, dcode, dkey, ward, wshort, wcode, wkey) = r
            if pcode not in seen_p:
                seen_p.add(pcode)
                unit, name = OLD_PROVINCE_FIX.get(pcode, (unit_of(prov, pshort), pshort))
                rows.append(("2019", LEVEL[("province", unit)], pcode, unit, name, "", pcode, ""))
            if dcode not in seen_d:
                seen_d.add(dcode)
                unit = unit_of(dist, dshort)
                rows.append(("2019", LEVEL[("district", unit)], dcode, unit, split_name(dist)[1], pcode, pcode, ""))
            if ward:
                unit = unit_of(ward, wshort)
                succ = successors.get(f"{pkey}_{dkey}_{wkey}", [])
                succ = ",".join(dict.fromkeys(s for s in succ if s))
                rows.append(("2019", LEVEL[("ward", unit)], wcode, unit, split_name(ward)[1], dcode, pcode, succ))
    out = sys.stdout
    out.write("# Administrative units of Vietnam, before (era 2019) and after (era 2025)\n")
    out.write("# the reorganisation of 1 July 2025. Generated by scripts/gen_gazetteer.py;\n")
    out.write("# do not edit. Source: the PyPI package vietnamadminunits 1.0.4 (MIT\n")
    out.write("# licence, Hieu Tran), with the corrections listed in the script.\n")
    out.write("# Columns: era, level, code, unit, name, parent code, province code,\n")
    out.write("# successor codes (old communes: the new communes they became).\n")
    for row in rows:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
