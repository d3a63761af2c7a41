#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""The service-radius coverage metric computed in one SpatiaLite SQL session: the `spatialite`
command-line shell runs an SQL script on an in-memory database with the GeoPackages attached
read-only, prints the areas as CSV, and Python turns them into the same JSON as
coverage_reference.py (whose docstring defines the metric). Same arguments as the reference.

Usage:
    /usr/bin/python3 tests/bench/coverage_spatialite.py \\
        --facilities SRC [--facility-where EXPR] \\
        (--radius M | --radius-tiers "2000:300,5000:500") \\
        --target SRC [--target-where EXPR] [--exclude SRC] [--per SRC --per-field F] \\
        [--quad-segs 8] [--json] [--spatialite EXE] [--show-sql]

    SRC is `path` or `path|layername=NAME` (GeoPackage only); EXPR is an SQLite WHERE clause
    on the layer's table (what OGR runs for an attribute filter on a GeoPackage).

The SQL (GeoPackage geometries read with GeomFromGPB, brought to the target's CRS with
ST_Transform when a layer's CRS differs, which needs EPSG codes):
  * each layer is copied into a table; geometries for which ST_IsValid is 0 are replaced by
    MakeValid (keeping the polygonal part with CollectionExtract(..., 3)) and counted;
  * buffers: ST_Buffer(geom, CASE WHEN ST_Area(geom) >= A_n THEN R_n ... END, quad-segs) for
    the facilities with ST_Area(geom) >= the smallest threshold (ST_Buffer's third argument is
    the number of segments per quarter circle);
  * U = ST_Union(buffers) (aggregate), T = ST_Union(targets) [minus ST_Union(excludes)],
    C = ST_Intersection(T, U);
  * per sub-unit Z: ST_Area(ST_Intersection(T, Z)) and ST_Area(ST_Intersection(C, Z)).
Areas are planar (ST_Area on projected coordinates). The script fails (exit 1) when the shell
exits non-zero, reports a GEOS or RTTOPO error, or a union comes out NULL although it had
inputs.
"""

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse

import coverage_common
from osgeo import gdal, ogr, osr

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()


# ----------------------------------------------------------------------------------------
# arguments and sources


def ident(name):
    return '"%s"' % name.replace('"', '""')


def literal(text):
    return "'%s'" % text.replace("'", "''")


def num(value):
    return repr(float(value))


class Source:
    """A GeoPackage layer: its table, geometry and FID columns, CRS and feature names."""

    def __init__(self, spec):
        self.path, name = coverage_common.parse_source(spec)
        ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        if ds is None:
            raise SystemExit("cannot open %s" % self.path)
        if ds.GetDriver().ShortName != "GPKG":
            raise SystemExit("%s: only GeoPackage sources are supported" % self.path)
        lyr = ds.GetLayerByName(name) if name else ds.GetLayer(0)
        if lyr is None:
            raise SystemExit("no layer %r in %s" % (name, self.path))
        self.table = lyr.GetName()
        self.geom_column = lyr.GetGeometryColumn()
        self.fid_column = lyr.GetFIDColumn()
        if not self.geom_column or not self.fid_column:
            raise SystemExit("%s|%s has no geometry or FID column" % (self.path, self.table))
        srs = lyr.GetSpatialRef()
        self.srs = srs.Clone() if srs is not None else None
        del lyr, ds
        self.schema = None      # name of the attached database, set by Session

    def epsg(self):
        if self.srs is None:
            return None
        if self.srs.GetAuthorityName(None) == "EPSG":
            return int(self.srs.GetAuthorityCode(None))
        return None

    def field_values(self, field):
        """[(fid, value of field)] in layer order, with OGR."""
        ds = gdal.OpenEx(self.path, gdal.OF_VECTOR | gdal.OF_READONLY)
        lyr = ds.GetLayerByName(self.table)
        rows = [(f.GetFID(), f.GetField(field)) for f in lyr]
        del lyr, ds
        return rows


# ----------------------------------------------------------------------------------------
# SQL


class Script:
    def __init__(self, target):
        self.target = target
        self.schemas = {}
        self.lines = [".bail on", ".mode csv", ".headers off", ".nullvalue NULL"]

    def attach(self, src):
        path = os.path.abspath(src.path)
        if path not in self.schemas:
            schema = "src%d" % len(self.schemas)
            self.schemas[path] = schema
            uri = "file:%s?mode=ro" % urllib.parse.quote(path)
            self.lines.append("ATTACH DATABASE %s AS %s;" % (literal(uri), schema))
        src.schema = self.schemas[path]

    def geometry(self, src):
        """SQL for a feature's geometry of src in the target's CRS."""
        g = "GeomFromGPB(%s)" % ident(src.geom_column)
        if src.srs is not None and not src.srs.IsSame(self.target.srs):
            a, b = src.epsg(), self.target.epsg()
            if a is None or b is None:
                raise SystemExit("%s|%s: reprojection to the target's CRS needs EPSG codes"
                                 % (src.path, src.table))
            g = "ST_Transform(SetSRID(%s, %d), %d)" % (g, a, b)
        return g

    def load(self, table, src, where, polygons_only, keep_null=False, fid=False):
        """Copies src into `table` (geom, repaired[, fid]) and repairs invalid geometries."""
        self.attach(src)
        cols = "%s AS geom, 0 AS repaired" % self.geometry(src)
        if fid:
            cols = "%s AS fid, %s" % (ident(src.fid_column), cols)
        sql = "CREATE TABLE %s AS SELECT %s FROM %s.%s" % (table, cols, src.schema,
                                                          ident(src.table))
        if where:
            sql += " WHERE (%s)" % where
        self.lines.append(sql + ";")
        if not keep_null:
            self.lines.append("DELETE FROM %s WHERE geom IS NULL;" % table)
        fixed = "CollectionExtract(MakeValid(geom), 3)"
        if not polygons_only:       # points and lines stay as they are
            fixed = "CASE WHEN ST_Dimension(geom) = 2 THEN %s ELSE MakeValid(geom) END" % fixed
        self.lines.append("UPDATE %s SET geom = %s, repaired = 1 WHERE ST_IsValid(geom) = 0;"
                          % (table, fixed))
        if polygons_only:           # anything not polygonal has no area to count
            self.lines.append("UPDATE %s SET geom = CollectionExtract(geom, 3) "
                              "WHERE geom IS NOT NULL AND ST_Dimension(geom) <> 2;" % table)
        if not keep_null:
            self.lines.append("DELETE FROM %s WHERE geom IS NULL;" % table)

    def add(self, sql):
        self.lines.append(sql)

    def text(self):
        return "\n".join(self.lines) + "\n"


def build_script(args, facilities, target, exclude, zones):
    s = Script(target)
    s.load("facilities", facilities, args.facility_where, polygons_only=False)
    if args.radius_tiers:
        tiers = coverage_common.parse_tiers(args.radius_tiers)
        cases = " ".join("WHEN ST_Area(geom) >= %s THEN %s" % (num(a), num(r))
                         for a, r in reversed(tiers))
        s.add("CREATE TABLE buffers AS SELECT ST_Buffer(geom, CASE %s END, %d) AS geom "
              "FROM facilities WHERE ST_Area(geom) >= %s;"
              % (cases, args.quad_segs, num(tiers[0][0])))
    else:
        s.add("CREATE TABLE buffers AS SELECT ST_Buffer(geom, %s, %d) AS geom FROM facilities;"
              % (num(args.radius), args.quad_segs))
    s.add("CREATE TABLE u AS SELECT ST_Union(geom) AS geom FROM buffers;")

    s.load("targets", target, args.target_where, polygons_only=True)
    s.add("CREATE TABLE t AS SELECT ST_Union(geom) AS geom FROM targets;")
    repaired = ["(SELECT sum(repaired) FROM facilities)", "(SELECT sum(repaired) FROM targets)"]
    if exclude is not None:
        s.load("excludes", exclude, None, polygons_only=True)
        s.add("CREATE TABLE e AS SELECT ST_Union(geom) AS geom FROM excludes;")
        s.add("UPDATE t SET geom = ST_Difference(geom, (SELECT geom FROM e)) "
              "WHERE (SELECT geom FROM e) IS NOT NULL;")
        repaired.append("(SELECT sum(repaired) FROM excludes)")
    s.add("CREATE TABLE c AS SELECT ST_Intersection(t.geom, u.geom) AS geom FROM t, u;")

    area = "printf('%%!.17g', coalesce(ST_Area(%s), 0))"
    n_excludes = "(SELECT count(*) FROM excludes)" if exclude is not None else "0"
    s.add("SELECT 'counts', (SELECT count(*) FROM facilities), (SELECT count(*) FROM buffers), "
          "(SELECT count(*) FROM targets), %s, %s, "
          "(SELECT geom IS NULL FROM u), (SELECT geom IS NULL FROM t);"
          % (n_excludes, " + ".join("coalesce(%s, 0)" % r for r in repaired)))
    s.add("SELECT 'overall', %s, %s FROM t, c;" % (area % "t.geom", area % "c.geom"))
    if zones is not None:
        s.load("zones", zones, None, polygons_only=True, keep_null=True, fid=True)
        s.add("SELECT 'repaired_zones', coalesce(sum(repaired), 0) FROM zones;")
        s.add("SELECT 'zone', z.fid, %s, %s FROM zones AS z, t, c ORDER BY z.fid;"
              % (area % "ST_Intersection(t.geom, z.geom)",
                 area % "ST_Intersection(c.geom, z.geom)"))
    return s.text()


# ----------------------------------------------------------------------------------------
# running


class Failed(Exception):
    pass


def run_spatialite(exe, script):
    proc = subprocess.run([exe, ":memory:"], input=script.encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    problem = None
    if proc.returncode != 0:
        problem = "exit code %d" % proc.returncode
    else:
        errors = [line for line in err.splitlines()
                  if "GEOS error" in line or "RTTOPO error" in line]
        if errors:
            problem = "geometry errors: " + "; ".join(errors[:5])
    if problem:
        print("error: spatialite failed: %s\n  stderr (end):\n    %s"
              % (problem, err.strip()[-3000:].replace("\n", "\n    ")), file=sys.stderr)
        raise Failed()
    return out


def compute(args, exe):
    t0 = time.perf_counter()
    target = Source(args.target)
    if target.srs is None:
        raise SystemExit("the target layer has no CRS")
    if not target.srs.IsProjected():
        raise SystemExit("the target layer's CRS is not projected; radii are in metres")
    facilities = Source(args.facilities)
    exclude = Source(args.exclude) if args.exclude else None
    zones = Source(args.per) if args.per else None
    script = build_script(args, facilities, target, exclude, zones)
    if args.show_sql:
        print(script, file=sys.stderr)

    out = run_spatialite(exe, script)
    rows = {}
    zone_areas = {}
    for rec in csv.reader(io.StringIO(out)):
        if not rec:
            continue
        if rec[0] == "zone":
            zone_areas[int(rec[1])] = (float(rec[2]), float(rec[3]))
        else:
            rows[rec[0]] = rec[1:]
    if "counts" not in rows or "overall" not in rows:
        print("error: unexpected spatialite output:\n%s" % out[-2000:], file=sys.stderr)
        raise Failed()
    n_fac, n_used, n_targets, _n_excl, n_repaired, u_null, t_null = (
        int(v) for v in rows["counts"])
    if (u_null and n_used) or (t_null and n_targets):
        print("error: a union came out NULL although it had inputs (a GEOS failure)",
              file=sys.stderr)
        raise Failed()
    total, covered = (float(v) for v in rows["overall"])

    per = []
    if zones is not None:
        n_repaired += int(rows.get("repaired_zones", ["0"])[0])
        for fid, name in zones.field_values(args.per_field):
            z_total, z_covered = zone_areas.get(fid, (0.0, 0.0))
            per.append(coverage_common.area_row(name, z_covered, z_total))

    return {
        "method": "spatialite-sql",
        "ratio": covered / total if total > 0 else None,
        "covered_m2": covered,
        "total_m2": total,
        "facilities_read": n_fac,
        "facilities_used": n_used,
        "targets": n_targets,
        "invalid_repaired": n_repaired,
        "seconds": time.perf_counter() - t0,
        "per": per,
    }


def main():
    ap = coverage_common.argument_parser(__doc__.split("\n\n")[0])
    ap.add_argument("--spatialite", metavar="EXE", help="spatialite shell executable")
    ap.add_argument("--show-sql", action="store_true", help="print the SQL script to stderr")
    args = ap.parse_args()
    coverage_common.check_arguments(ap, args)
    exe = args.spatialite or shutil.which("spatialite")
    if not exe:
        raise SystemExit("spatialite not found (install spatialite-bin, or pass --spatialite)")

    try:
        result = compute(args, exe)
    except Failed:
        return 1

    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0

    coverage_common.print_summary(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
