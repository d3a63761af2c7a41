#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""What the coverage benchmark's methods share (coverage_reference.py, coverage_qgis.py,
coverage_spatialite.py): source names, radius tiers, the command line and the text summary.
The scripts run from tests/bench, so `import coverage_common` finds this file next to them."""

import argparse


def parse_source(spec):
    """'path' or 'path|layername=NAME' -> (path, layer name or None)."""
    parts = spec.split("|")
    path, layer = parts[0], None
    for opt in parts[1:]:
        key, _, value = opt.partition("=")
        if key.strip().lower() != "layername":
            raise SystemExit("unsupported source option %r in %r" % (opt, spec))
        layer = value
    return path, layer


def parse_tiers(text):
    """'2000:300,5000:500' -> [(2000.0, 300.0), (5000.0, 500.0)] sorted by threshold."""
    tiers = []
    for item in text.split(","):
        a, sep, r = item.partition(":")
        if not sep:
            raise SystemExit("bad tier %r (expected AREA:RADIUS)" % item)
        tiers.append((float(a), float(r)))
    tiers.sort()
    return tiers


def area_row(name, covered, total):
    """One sub-unit of the JSON output: its covered and total target area and their ratio."""
    return {"name": name, "ratio": covered / total if total > 0 else None,
            "covered_m2": covered, "total_m2": total}


def argument_parser(description):
    """The arguments every method takes, the same as `xiuhua-cli coverage` (see its README)."""
    ap = argparse.ArgumentParser(description=description,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facilities", required=True, metavar="SRC")
    ap.add_argument("--facility-where", metavar="EXPR")
    radius = ap.add_mutually_exclusive_group(required=True)
    radius.add_argument("--radius", type=float, metavar="M")
    radius.add_argument("--radius-tiers", metavar="A1:R1,A2:R2")
    ap.add_argument("--target", required=True, metavar="SRC")
    ap.add_argument("--target-where", metavar="EXPR")
    ap.add_argument("--exclude", metavar="SRC")
    ap.add_argument("--per", metavar="SRC")
    ap.add_argument("--per-field", metavar="F")
    ap.add_argument("--quad-segs", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    return ap


def check_arguments(ap, args):
    if bool(args.per) != bool(args.per_field):
        ap.error("--per and --per-field go together")


def print_summary(result, how=""):
    """The result as text: the ratio and areas, then one line per sub-unit."""
    def pct(v):
        return "n/a" if v is None else "%.4f %%" % (100.0 * v)
    print("coverage %s: %.1f of %.1f m2; facilities used %d of %d; targets %d; repaired %d; %.1f s%s"
          % (pct(result["ratio"]), result["covered_m2"], result["total_m2"],
             result["facilities_used"], result["facilities_read"], result["targets"],
             result["invalid_repaired"], result["seconds"], how))
    for row in result["per"]:
        print("  %-12s %10s  %14.1f / %14.1f m2"
              % (row["name"], pct(row["ratio"]), row["covered_m2"], row["total_m2"]))
