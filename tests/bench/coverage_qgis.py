#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The service-radius coverage metric computed as a QGIS user would: a chain of
`qgis_process run` calls (one process per algorithm, like a processing model run step by
step), then the areas summed per sub-unit with OGR. Same arguments and JSON as
coverage_reference.py, whose docstring defines the metric.

Usage:
    /usr/bin/python3 tests/bench/coverage_qgis.py \\
        --facilities SRC [--facility-where EXPR] \\
        (--radius M | --radius-tiers "2000:300,5000:500") \\
        --target SRC [--target-where EXPR] [--exclude SRC] [--per SRC --per-field F] \\
        [--quad-segs 8] [--json] [--qgis-process EXE] [--keep-temp] [--verbose]

    SRC is `path` or `path|layername=NAME`; EXPR is an attribute filter, applied as the
    layer's subset string (for a GeoPackage: an SQLite WHERE clause, as OGR applies it).

The chain (intermediate GeoPackages in a temporary directory, deleted at the end):
  1. native:reprojectlayer      facilities to the target's CRS (only when it differs)
  2. native:fixgeometries       facilities (repairs the invalid ones)
  3. per tier: native:extractbyexpression  area($geometry) in [A_i, A_i+1)   (planar area)
               native:buffer    DISTANCE=R_i SEGMENTS=quad-segs DISSOLVE=true
     (with --radius: one native:buffer of all fixed facilities)
  4. native:mergevectorlayers + native:dissolve   the tier buffers -> U  (one tier: skipped)
  5. native:dissolve            targets (with the subset string) -> T
     [--exclude: native:dissolve of the excludes, native:difference T minus them]
  6. native:intersection        T and U -> C
  7. native:intersection        T and the sub-units, C and the sub-units
Areas are planar (OGR's GetArea) in the target CRS.

Differences from the reference: only the facilities are repaired (targets, excludes and
sub-units are used as they are); `invalid_repaired` counts the invalid facilities (checked
with OGR). Each step's exit code is checked; a step whose log mentions an invalid geometry
also counts as failed, so that no feature is dropped silently. qgis_process 3.22 has no
option for the invalid-geometry setting; it uses no check (every feature is kept), and the
facilities are fixed before anything else anyway.

Debian's /usr/bin/qgis_process is a shell wrapper that passes --noversioncheck, which
qgis_process 3.22 rejects ("Command --noversioncheck not known!", exit 1); when the wrapper
has a `qgis_process.bin` next to it, that binary is run instead.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import coverage_common
from osgeo import gdal, ogr, osr

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()


# ----------------------------------------------------------------------------------------
# arguments and sources


class Source:
    """A layer as OGR sees it: path, layer name (resolved), CRS, FID column."""

    def __init__(self, spec, where=None):
        self.path, name = coverage_common.parse_source(spec)
        self.where = where
        ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        if ds is None:
            raise SystemExit("cannot open %s" % self.path)
        lyr = ds.GetLayerByName(name) if name else ds.GetLayer(0)
        if lyr is None:
            raise SystemExit("no layer %r in %s" % (name, self.path))
        self.layer = lyr.GetName()
        srs = lyr.GetSpatialRef()
        self.srs = srs.Clone() if srs is not None else None
        self.fid_column = lyr.GetFIDColumn()
        del lyr, ds

    def qgis_uri(self):
        """The source as a QGIS layer URI, with the filter as its subset string."""
        uri = "%s|layername=%s" % (self.path, self.layer)
        if self.where:
            if "|" in self.where:
                raise SystemExit("a filter containing '|' cannot be a QGIS subset string: %r"
                                 % self.where)
            uri += "|subset=%s" % self.where
        return uri

    def open(self):
        ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        lyr = ds.GetLayerByName(self.layer)
        if self.where:
            lyr.SetAttributeFilter(self.where)
        return ds, lyr


def count_features(src):
    ds, lyr = src.open()
    n = lyr.GetFeatureCount()
    del lyr, ds
    return n


def count_invalid(src):
    ds, lyr = src.open()
    n = 0
    gdal.PushErrorHandler("CPLQuietErrorHandler")    # GEOS' reason for each invalid one
    for f in lyr:
        g = f.GetGeometryRef()
        if g is not None and not g.IsEmpty() and not g.IsValid():
            n += 1
    gdal.PopErrorHandler()
    del lyr, ds
    return n


def srs_auth_id(srs):
    """'EPSG:4549' or the WKT, to name a CRS to QGIS."""
    name, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    if name and code:
        return "%s:%s" % (name, code)
    return srs.ExportToWkt()


# ----------------------------------------------------------------------------------------
# qgis_process


def find_qgis_process(explicit):
    exe = explicit or shutil.which("qgis_process")
    if not exe:
        raise SystemExit("qgis_process not found (install qgis, or pass --qgis-process)")
    binary = exe + ".bin"
    if not explicit and os.access(binary, os.X_OK):
        return binary     # Debian's wrapper passes an option qgis_process 3.22 rejects
    return exe


class Chain:
    def __init__(self, exe, workdir, verbose):
        self.exe = exe
        self.workdir = workdir
        self.verbose = verbose
        self.steps = []       # (algorithm, seconds)
        self.env = dict(os.environ)
        self.env.setdefault("QT_QPA_PLATFORM", "offscreen")

    def out(self, name):
        return os.path.join(self.workdir, name + ".gpkg")

    def run(self, algorithm, params, output_name):
        """Runs one algorithm in its own qgis_process; returns the output GeoPackage."""
        output = self.out(output_name)
        argv = [self.exe, "run", algorithm, "--"]
        for key, value in params:
            argv.append("%s=%s" % (key, value))
        argv.append("OUTPUT=%s" % output)
        t0 = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, env=self.env)
        seconds = time.perf_counter() - t0
        self.steps.append((algorithm, seconds))
        log = (proc.stdout.decode("utf-8", "replace") + "\n"
               + proc.stderr.decode("utf-8", "replace"))
        if self.verbose:
            print("%-30s %6.2f s -> %s" % (algorithm, seconds, os.path.basename(output)),
                  file=sys.stderr)
        problem = None
        if proc.returncode != 0:
            problem = "exit code %d" % proc.returncode
        elif "invalid geometr" in log.lower():
            problem = "its log reports invalid geometries (features may have been skipped)"
        elif not os.path.exists(output):
            problem = "no output %s" % output
        if problem:
            print("error: qgis_process %s failed: %s\n  command: %s\n  log (end):\n    %s"
                  % (algorithm, problem, " ".join(argv),
                     log.strip()[-3000:].replace("\n", "\n    ")), file=sys.stderr)
            raise ChainFailed()
        return output


class ChainFailed(Exception):
    pass


# ----------------------------------------------------------------------------------------
# metric


def sum_areas(path, key_field=None):
    """Total planar area of a layer's geometries, or {key: area} by key_field."""
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    by_key = {}
    for f in lyr:
        g = f.GetGeometryRef()
        a = g.GetArea() if g is not None else 0.0
        k = f.GetField(key_field) if key_field else None
        by_key[k] = by_key.get(k, 0.0) + a
    del lyr, ds
    return by_key if key_field else by_key.get(None, 0.0)


def zone_rows(src, field):
    """[(key, name)] for every sub-unit in layer order; the key is its FID when the format
    has an FID column (QGIS exposes it as a field), else its name (which must be unique)."""
    ds, lyr = src.open()
    rows = [(f.GetFID() if src.fid_column else f.GetField(field), f.GetField(field))
            for f in lyr]
    del lyr, ds
    if not src.fid_column and len(set(k for k, _ in rows)) != len(rows):
        raise SystemExit("sub-unit names in %r are not unique and the format has no FID "
                         "column to tell them apart" % field)
    return rows


def compute(args, chain):
    t0 = time.perf_counter()
    target = Source(args.target, args.target_where)
    if target.srs is None:
        raise SystemExit("the target layer has no CRS")
    if not target.srs.IsProjected():
        raise SystemExit("the target layer's CRS is not projected; radii are in metres")
    facilities = Source(args.facilities, args.facility_where)

    # facilities: same CRS as the targets, repaired
    fac_uri = facilities.qgis_uri()
    if facilities.srs is not None and not facilities.srs.IsSame(target.srs):
        fac_uri = chain.run("native:reprojectlayer",
                            [("INPUT", fac_uri), ("TARGET_CRS", srs_auth_id(target.srs))],
                            "facilities_reprojected")
    fixed = chain.run("native:fixgeometries", [("INPUT", fac_uri)], "facilities_fixed")
    facilities_read = count_features(facilities)
    fixed_count = count_file(fixed)
    if fixed_count != facilities_read:
        print("error: %d facilities read but %d after native:fixgeometries"
              % (facilities_read, fixed_count), file=sys.stderr)
        raise ChainFailed()

    # buffers per tier, then U
    buffers = []
    used = 0
    if args.radius_tiers:
        tiers = coverage_common.parse_tiers(args.radius_tiers)
        for i, (threshold, radius) in enumerate(tiers):
            expr = "area($geometry) >= %r" % threshold
            if i + 1 < len(tiers):
                expr += " AND area($geometry) < %r" % tiers[i + 1][0]
            tier = chain.run("native:extractbyexpression",
                             [("INPUT", fixed), ("EXPRESSION", expr)], "tier%d" % i)
            used += count_file(tier)
            buffers.append(chain.run("native:buffer",
                                     [("INPUT", tier), ("DISTANCE", repr(radius)),
                                      ("SEGMENTS", args.quad_segs), ("DISSOLVE", "true")],
                                     "buffer%d" % i))
    else:
        used = fixed_count
        buffers.append(chain.run("native:buffer",
                                 [("INPUT", fixed), ("DISTANCE", repr(args.radius)),
                                  ("SEGMENTS", args.quad_segs), ("DISSOLVE", "true")],
                                 "buffer0"))
    if len(buffers) == 1:
        union_u = buffers[0]
    else:
        merged = chain.run("native:mergevectorlayers",
                           [("LAYERS", b) for b in buffers], "buffers_merged")
        union_u = chain.run("native:dissolve", [("INPUT", merged)], "union_u")

    # T
    union_t = chain.run("native:dissolve", [("INPUT", target.qgis_uri())], "union_t")
    if args.exclude:
        exclude = Source(args.exclude)
        union_e = chain.run("native:dissolve", [("INPUT", exclude.qgis_uri())], "union_e")
        union_t = chain.run("native:difference",
                            [("INPUT", union_t), ("OVERLAY", union_e)], "union_t_minus_e")

    covered_geom = chain.run("native:intersection",
                             [("INPUT", union_t), ("OVERLAY", union_u)], "covered")
    total = sum_areas(union_t)
    covered = sum_areas(covered_geom)

    per = []
    if args.per:
        zones = Source(args.per)
        rows = zone_rows(zones, args.per_field)
        key_field = zones.fid_column or args.per_field
        overlay = [("OVERLAY", zones.qgis_uri()), ("OVERLAY_FIELDS", key_field),
                   ("OVERLAY_FIELDS_PREFIX", "zone_")]
        t_by_zone = chain.run("native:intersection", [("INPUT", union_t)] + overlay,
                              "total_by_zone")
        c_by_zone = chain.run("native:intersection", [("INPUT", covered_geom)] + overlay,
                              "covered_by_zone")
        t_areas = sum_areas(t_by_zone, "zone_" + key_field)
        c_areas = sum_areas(c_by_zone, "zone_" + key_field)
        for key, name in rows:
            z_total = t_areas.get(key, 0.0)
            z_covered = c_areas.get(key, 0.0)
            per.append(coverage_common.area_row(name, z_covered, z_total))

    return {
        "method": "qgis-process-chain",
        "ratio": covered / total if total > 0 else None,
        "covered_m2": covered,
        "total_m2": total,
        "facilities_read": facilities_read,
        "facilities_used": used,
        "targets": count_features(target),
        "invalid_repaired": count_invalid(facilities),
        "seconds": time.perf_counter() - t0,
        "steps": [{"algorithm": a, "seconds": s} for a, s in chain.steps],
        "per": per,
    }


def count_file(path):
    """Number of features of a one-layer file."""
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    n = lyr.GetFeatureCount()
    del lyr, ds
    return n


def main():
    ap = coverage_common.argument_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--qgis-process", metavar="EXE", help="qgis_process executable")
    ap.add_argument("--keep-temp", action="store_true",
                    help="keep the intermediate GeoPackages (their directory is printed)")
    ap.add_argument("--verbose", action="store_true", help="print each step's time")
    args = ap.parse_args()
    coverage_common.check_arguments(ap, args)

    exe = find_qgis_process(args.qgis_process)
    # SIGTERM (a benchmark's timeout) ends the run through the `finally` below, which deletes
    # the intermediate files
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    workdir = tempfile.mkdtemp(prefix="coverage-qgis-")
    try:
        result = compute(args, Chain(exe, workdir, args.verbose))
    except ChainFailed:
        return 1
    finally:
        if args.keep_temp:
            print("intermediate files kept in %s" % workdir, file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0

    coverage_common.print_summary(result, " in %d qgis_process runs" % len(result["steps"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
