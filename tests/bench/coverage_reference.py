#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Independent reference implementation of the service-radius coverage metric
(e.g. 公园绿地500米服务半径覆盖率), with shapely (1.8 API) and OGR, to check the C++
engine (`xiuhua-cli coverage`) against.

Usage:
    /usr/bin/python3 tests/bench/coverage_reference.py \\
        --facilities SRC [--facility-where EXPR] \\
        (--radius M | --radius-tiers "2000:300,5000:500") \\
        --target SRC [--target-where EXPR] [--exclude SRC] [--per SRC --per-field F] \\
        [--quad-segs 8] [--json]

    SRC is `path` or `path|layername=NAME` (the first layer when no name is given); EXPR is an
    OGR SQL attribute filter, e.g. "land_code LIKE 'R%'".

Semantics:
  * Every geometry read (facilities, targets, excludes, sub-units, after the attribute filters)
    that is invalid is repaired with shapely.validation.make_valid and counted in
    `invalid_repaired`; only the polygonal part of a repaired result is kept.
  * Facility radius: `--radius M` for all facilities, or tiers "A1:R1,A2:R2,...": a facility
    whose (repaired, planar) area is >= A gets radius R, using the largest threshold not
    exceeding its area; below the smallest threshold the facility is not used. Points and lines
    have area 0 (usable with --radius only).
  * Each used facility is buffered by its radius (a polygon outwards from its boundary) with
    `quad_segs` segments per quarter circle (default 8). U = union of the buffers.
  * T = union(targets) minus union(excludes). ratio = area(T & U) / area(T). (The unions are
    computed per connected component, see union_all, which gives the same result as
    shapely.ops.unary_union, only faster.)
  * Per sub-unit Z (each feature of --per, in layer order, named by --per-field):
    total_m2 = area(T & Z), covered_m2 = area(T & U & Z), ratio = covered / total (null if 0).
  * All geometries are brought to the target layer's CRS, which must be projected (metres).

Output (--json): one JSON object
    {"ratio", "covered_m2", "total_m2", "facilities_used", "invalid_repaired", "seconds",
     "per": [{"name", "ratio", "covered_m2", "total_m2"}], ...}
plus the extra keys "method", "facilities_read", "targets". Without --json, a short text summary.
"""

import json
import sys
import time
import warnings

import coverage_common
from osgeo import gdal, ogr, osr
from shapely import wkb
from shapely.geometry import MultiPolygon, Polygon
from shapely.ops import unary_union
from shapely.prepared import prep
from shapely.strtree import STRtree
from shapely.validation import make_valid

ogr.UseExceptions()
osr.UseExceptions()
# shapely 1.8 warns that STRtree changes in 2.0; PartIndex below works with both.
warnings.filterwarnings("ignore", message="STRtree will be changed")


# ----------------------------------------------------------------------------------------
# reading


def open_layer(spec, where):
    path, name = coverage_common.parse_source(spec)
    options = []
    if path.lower().endswith(".csv"):
        # Point tables with longitude/latitude columns (the CRS comes from a .prj next to the file).
        options = ["X_POSSIBLE_NAMES=lon,lng,longitude,x,经度", "Y_POSSIBLE_NAMES=lat,latitude,y,纬度",
                   "KEEP_GEOM_COLUMNS=NO"]
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=options)
    if ds is None:
        raise SystemExit("cannot open %s" % path)
    lyr = ds.GetLayerByName(name) if name else ds.GetLayer(0)
    if lyr is None:
        raise SystemExit("no layer %r in %s" % (name, path))
    if where:
        lyr.SetAttributeFilter(where)
    return ds, lyr


def polygonal_part(geom):
    """The polygons (as a Polygon or MultiPolygon) of any geometry; None when there are none."""
    if isinstance(geom, (Polygon, MultiPolygon)):
        return None if geom.is_empty else geom
    polys = []
    for g in getattr(geom, "geoms", []):
        if isinstance(g, Polygon) and not g.is_empty:
            polys.append(g)
        elif isinstance(g, MultiPolygon):
            polys.extend(p for p in g.geoms if not p.is_empty)
        elif hasattr(g, "geoms"):
            sub = polygonal_part(g)
            if sub is not None:
                polys.extend(sub.geoms if isinstance(sub, MultiPolygon) else [sub])
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else MultiPolygon(polys)


class Reader:
    """Reads layers into shapely geometries in a common CRS, repairing invalid ones."""

    def __init__(self):
        self.invalid_repaired = 0
        self.work_srs = None

    def set_work_srs(self, srs):
        if srs is None:
            raise SystemExit("the target layer has no CRS")
        if not srs.IsProjected():
            raise SystemExit("the target layer's CRS is not projected; radii are in metres")
        self.work_srs = srs

    def read(self, spec, where=None, field=None, polygons_only=True, keep_empty=False):
        """Returns [(shapely geometry, value of `field` or None)] for each feature with a
        non-empty geometry; with polygons_only, only the polygonal part is kept. With
        keep_empty, features without (polygonal) geometry are kept too, with geometry None."""
        ds, lyr = open_layer(spec, where)
        srs = lyr.GetSpatialRef()
        ct = None
        if srs is not None and self.work_srs is not None and not srs.IsSame(self.work_srs):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            dst = self.work_srs.Clone()
            dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            ct = osr.CoordinateTransformation(srs, dst)
        out = []
        for f in lyr:
            value = f.GetField(field) if field else None
            g = f.GetGeometryRef()
            if g is None or g.IsEmpty():
                if keep_empty:
                    out.append((None, value))
                continue
            if g.HasCurveGeometry():
                g = g.GetLinearGeometry()
            if g.Is3D() or g.IsMeasured():
                g.FlattenTo2D()
            if ct is not None:
                g.Transform(ct)
            shp = wkb.loads(bytes(g.ExportToWkb()))
            polygonal = isinstance(shp, (Polygon, MultiPolygon))
            if not shp.is_valid:
                self.invalid_repaired += 1
                shp = make_valid(shp)
            if polygons_only or polygonal:
                shp = polygonal_part(shp)
            if shp is None or shp.is_empty:
                if keep_empty:
                    out.append((None, value))
                continue
            out.append((shp, value))
        del lyr, ds      # the layer first: it belongs to the dataset
        return out


# ----------------------------------------------------------------------------------------
# metric


def tier_radius(tiers, area):
    """Radius of the largest threshold not exceeding `area`, or None below all thresholds."""
    radius = None
    for threshold, r in tiers:
        if area >= threshold:
            radius = r
    return radius


def parts(geom):
    if geom.is_empty:
        return []
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def tree_query(tree, index_of, geom):
    """Indices of the geometries in `tree` whose envelopes meet geom's (shapely 1.8 returns
    geometries, shapely 2 returns indices)."""
    return [index_of[id(h)] if hasattr(h, "geom_type") else int(h) for h in tree.query(geom)]


def union_all(geoms):
    """Union of polygons, as a (possibly empty) MultiPolygon.

    Same result as unary_union(geoms), but much faster for many small, mostly disjoint
    polygons (unary_union of 250,000 parcels takes over a minute): the geometries are grouped
    into connected components (transitively intersecting, touching included), each component is
    unioned on its own, and since no two components even touch, their parts together form a
    valid MultiPolygon."""
    geoms = list(geoms)
    if not geoms:
        return MultiPolygon()
    tree = STRtree(geoms)
    index_of = {id(g): i for i, g in enumerate(geoms)}
    parent = list(range(len(geoms)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, g in enumerate(geoms):
        pg = prep(g)
        for j in tree_query(tree, index_of, g):
            if j > i and find(i) != find(j) and pg.intersects(geoms[j]):
                parent[find(j)] = find(i)
    components = {}
    for i in range(len(geoms)):
        components.setdefault(find(i), []).append(geoms[i])
    polys = []
    for members in components.values():
        merged = members[0] if len(members) == 1 else unary_union(members)
        polys.extend(parts(merged))
    return MultiPolygon(polys)


class PartIndex:
    """The parts of a (multi)polygon in an STRtree, to measure its area within zones."""

    def __init__(self, geom):
        self.parts = parts(geom)
        self.tree = STRtree(self.parts)

    def candidates(self, zone):
        hits = self.tree.query(zone)
        # shapely 1.8 returns geometries, shapely 2 returns indices
        return [self.parts[int(h)] if not hasattr(h, "geom_type") else h for h in hits]

    def area_within(self, zone):
        """Area of the union of the (disjoint) parts within zone, part by part: parts inside
        the zone count whole, parts crossing its boundary are clipped."""
        pz = prep(zone)
        total = 0.0
        for p in self.candidates(zone):
            if pz.contains(p):
                total += p.area
            elif pz.intersects(p):
                total += p.intersection(zone).area
        return total


def compute(args):
    t0 = time.perf_counter()
    reader = Reader()
    ds, lyr = open_layer(args.target, None)
    srs = lyr.GetSpatialRef()
    reader.set_work_srs(srs.Clone() if srs is not None else None)
    del lyr, ds

    tiers = coverage_common.parse_tiers(args.radius_tiers) if args.radius_tiers else None
    facilities = reader.read(args.facilities, args.facility_where, polygons_only=False)
    buffers = []
    for geom, _ in facilities:
        if tiers is not None:
            radius = tier_radius(tiers, geom.area)
            if radius is None:
                continue
        else:
            radius = args.radius
        buffers.append(geom.buffer(radius, resolution=args.quad_segs))
    union_u = union_all(buffers)

    targets = reader.read(args.target, args.target_where)
    union_t = union_all(g for g, _ in targets)
    if args.exclude:
        excludes = reader.read(args.exclude)
        if excludes:
            union_t = union_t.difference(union_all(g for g, _ in excludes))
    covered_geom = union_t.intersection(union_u)
    total = union_t.area
    covered = covered_geom.area

    per = []
    if args.per:
        # every feature gets a row, in layer order; one without polygons has zero totals
        zones = reader.read(args.per, field=args.per_field, keep_empty=True)
        t_index = PartIndex(union_t)
        c_index = PartIndex(covered_geom)
        for zone, name in zones:
            z_total = t_index.area_within(zone) if zone is not None else 0.0
            z_covered = c_index.area_within(zone) if zone is not None else 0.0
            per.append(coverage_common.area_row(name, z_covered, z_total))

    return {
        "method": "shapely-reference",
        "ratio": covered / total if total > 0 else None,
        "covered_m2": covered,
        "total_m2": total,
        "facilities_read": len(facilities),
        "facilities_used": len(buffers),
        "targets": len(targets),
        "invalid_repaired": reader.invalid_repaired,
        "seconds": time.perf_counter() - t0,
        "per": per,
    }


def main():
    ap = coverage_common.argument_parser(__doc__.split("\n\n")[0])
    args = ap.parse_args()
    coverage_common.check_arguments(ap, args)

    result = compute(args)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0

    coverage_common.print_summary(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
