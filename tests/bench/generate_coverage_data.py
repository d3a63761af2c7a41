#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Synthetic benchmark data for the park service-radius coverage metric
(公园绿地500米服务半径覆盖率: share of residential land within a park's service radius).

Usage:
    /usr/bin/python3 tests/bench/generate_coverage_data.py --scale district|city|million --out DIR

Writes DIR/coverage-<scale>.gpkg (an existing file is replaced), CRS EPSG:4549
(CGCS2000 / 3-degree Gauss-Kruger CM 120E), with four polygon layers:

  subunits     `name`                     sub-units (街镇) tiling the study rectangle exactly:
                                          a grid whose internal vertices are jittered and whose
                                          internal edges wiggle, every edge shared vertex for vertex
                                          by its two neighbours (no gaps, no overlaps)
  parks        `name`, `area_m2`, `kind`  radial (star-shaped, convex-ish) polygons, 6-16 vertices;
                                          ~30 % < 2000 m2, ~30 % 2000-5000 m2, ~40 % > 5000 m2;
                                          plus 2 rectangles of exactly 2000 m2 (40 x 50 m), 2 of
                                          exactly 5000 m2 (50 x 100 m), and 1 INVALID bow-tie (its
                                          `area_m2` is the area after repair, 3000 m2); most lie
                                          near parcels, some anywhere
  residential  `land_code`, `name`        small quadrilaterals / pentagons (30-120 m sides) in town
                                          and hamlet clusters; ~85 % R1/R2/R3, ~15 % B1/M1; 0.5 %
                                          are shifted copies overlapping another R parcel; ~1 %
                                          straddle sub-unit boundaries; all lie inside the rectangle
  water        `name`                     lakes, some > 1 km2, some smaller, partly over parcels

                 district                        city                             million
  rectangle      x 600000-640000                 x 560000-660000                  x 540000-720000
                 y 3450000-3490000 (40 x 40 km)  y 3400000-3480000 (100 x 80 km)  y 3380000-3530000 (180 x 150 km)
  subunits       12 (4 x 3)                      200 (20 x 10)                    450 (30 x 15)
  parks          600                             8000                             26,000
  residential    20,000                          300,000                          1,000,000
  water          5                               40                               120

Deterministic: every random number comes from random.Random streams seeded from SEED, the scale
and the layer, coordinates are rounded to 0.01 m, and the GeoPackage timestamps are fixed, so the
same arguments give a byte-identical file. Needs only Debian's python3 with python3-gdal.
"""

import argparse
import math
import os
import random
import struct
import sys
import time

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

SEED = 20261122

# Fixed timestamp in gpkg_contents.last_change so that the file does not depend on the run date.
gdal.SetConfigOption("OGR_CURRENT_DATE", "2026-11-22T00:00:00.000Z")
# Nothing to lose if the process dies mid-write: the file is regenerated anyway.
gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")

SYNTH_NOTE = "SYNTHETIC benchmark data (tests/bench/generate_coverage_data.py), not official"

SCALES = {
    "district": {
        "rect": (600000.0, 3450000.0, 640000.0, 3490000.0),
        "grid": (4, 3),
        "parks": 600,
        "residential": 20000,
        "water": 5,
        "water_large": 2,      # how many of the lakes are > 1 km2
        # clusters: (count, sigma range in m, share of all parcels)
        "cores": (1, (2200.0, 2200.0), 0.33),
        "towns": (8, (600.0, 1300.0), 0.50),
        "hamlets": (70, (120.0, 300.0), 0.12),
        "rural_share": 0.05,   # uniform over the rectangle
    },
    "city": {
        "rect": (560000.0, 3400000.0, 660000.0, 3480000.0),
        "grid": (20, 10),
        "parks": 8000,
        "residential": 300000,
        "water": 40,
        "water_large": 10,
        "cores": (5, (2500.0, 5000.0), 0.33),
        "towns": (60, (600.0, 1500.0), 0.50),
        "hamlets": (900, (120.0, 300.0), 0.12),
        "rural_share": 0.05,
    },
    # a million parcels: the city's densities over about three times its area
    "million": {
        "rect": (540000.0, 3380000.0, 720000.0, 3530000.0),
        "grid": (30, 15),
        "parks": 26000,
        "residential": 1000000,
        "water": 120,
        "water_large": 30,
        "cores": (16, (2500.0, 5000.0), 0.33),
        "towns": (200, (600.0, 1500.0), 0.50),
        "hamlets": (3000, (120.0, 300.0), 0.12),
        "rural_share": 0.05,
    },
}

CELL = 80.0           # residential lattice: a parcel takes one cell, or a 2 x 2 block of cells
                      # for the large ones, and never more, so that parcels never overlap
LARGE_SHARE = 0.12    # share of large (2 x 2 cell) parcels
CELL_GAP = 3.0        # minimum distance of a parcel from its cell's border
EDGE_MARGIN = 400.0   # parcels and parks keep this far from the rectangle's border

TIER_LOW, TIER_HIGH = 2000.0, 5000.0


def rng(scale, tag):
    """An independent deterministic stream per scale and layer."""
    return random.Random("%d:%s:%s" % (SEED, scale, tag))


def r2(v):
    """Coordinates are stored at 0.01 m; rounding once here keeps shared vertices identical."""
    return round(v, 2)


# ----------------------------------------------------------------------------------------
# geometry helpers (rings are lists of (x, y) without the closing point, counter-clockwise)


def ring_area(ring):
    """Signed shoelace area, relative to the first vertex for precision."""
    x0, y0 = ring[0]
    s = 0.0
    n = len(ring)
    for i in range(n):
        xa, ya = ring[i]
        xb, yb = ring[(i + 1) % n]
        s += (xa - x0) * (yb - y0) - (xb - x0) * (ya - y0)
    return s / 2.0


def polygon_wkb(rings):
    """Little-endian WKB Polygon from rings (each without its closing point)."""
    parts = [struct.pack("<BII", 1, 3, len(rings))]
    for ring in rings:
        closed = list(ring) + [ring[0]]
        flat = [c for pt in closed for c in pt]
        parts.append(struct.pack("<I%dd" % len(flat), len(closed), *flat))
    return b"".join(parts)


def radial_ring(r, cx, cy, nverts, target_area, wobble, aspect_max):
    """A star-shaped ring around (cx, cy) with `nverts` vertices at strictly increasing angles
    (hence simple), stretched by a random affine map (still simple) and scaled to
    `target_area`. Returns rounded coordinates."""
    step = 2.0 * math.pi / nverts
    pts = []
    for k in range(nverts):
        a = k * step + r.uniform(-0.3, 0.3) * step
        rad = 1.0 + r.uniform(-wobble, wobble)
        pts.append((rad * math.cos(a), rad * math.sin(a)))
    aspect = r.uniform(1.0, aspect_max)
    rot = r.uniform(0.0, math.pi)
    ca, sa = math.cos(rot), math.sin(rot)
    pts = [(x * aspect, y / aspect) for x, y in pts]
    pts = [(x * ca - y * sa, x * sa + y * ca) for x, y in pts]
    s = math.sqrt(target_area / ring_area(pts))
    return [(r2(cx + x * s), r2(cy + y * s)) for x, y in pts]


# ----------------------------------------------------------------------------------------
# sub-units: jittered grid with shared vertices


def make_subunits(scale, cfg):
    r = rng(scale, "subunits")
    x0, y0, x1, y1 = cfg["rect"]
    nx, ny = cfg["grid"]
    dx, dy = (x1 - x0) / nx, (y1 - y0) / ny

    nodes = {}
    for j in range(ny + 1):
        for i in range(nx + 1):
            x, y = x0 + i * dx, y0 + j * dy
            on_x_border = i in (0, nx)
            on_y_border = j in (0, ny)
            if not on_x_border:
                x += r.uniform(-0.2, 0.2) * dx
            if not on_y_border:
                y += r.uniform(-0.2, 0.2) * dy
            nodes[(i, j)] = (r2(x), r2(y))

    def edge_points(a, b, border):
        """Intermediate vertices of the edge from node a to node b (exclusive). Border edges are
        straight; internal edges wiggle a little."""
        if border:
            return []
        (xa, ya), (xb, yb) = nodes[a], nodes[b]
        length = math.hypot(xb - xa, yb - ya)
        nxp, nyp = -(yb - ya) / length, (xb - xa) / length
        pts = []
        for t in (0.2, 0.4, 0.6, 0.8):
            off = r.uniform(-0.04, 0.04) * length
            pts.append((r2(xa + t * (xb - xa) + off * nxp), r2(ya + t * (yb - ya) + off * nyp)))
        return pts

    h_edges = {}   # (i, j) -> points from node (i, j) to node (i + 1, j)
    v_edges = {}   # (i, j) -> points from node (i, j) to node (i, j + 1)
    for j in range(ny + 1):
        for i in range(nx):
            h_edges[(i, j)] = edge_points((i, j), (i + 1, j), j in (0, ny))
    for j in range(ny):
        for i in range(nx + 1):
            v_edges[(i, j)] = edge_points((i, j), (i, j + 1), i in (0, nx))

    width = len(str(nx * ny))
    width = max(width, 2)
    units = []
    k = 0
    for j in range(ny):
        for i in range(nx):
            k += 1
            ring = [nodes[(i, j)]] + h_edges[(i, j)]
            ring += [nodes[(i + 1, j)]] + v_edges[(i + 1, j)]
            ring += [nodes[(i + 1, j + 1)]] + list(reversed(h_edges[(i, j + 1)]))
            ring += [nodes[(i, j + 1)]] + list(reversed(v_edges[(i, j)]))
            units.append(("街镇%0*d" % (width, k), ring))
    return units


# ----------------------------------------------------------------------------------------
# settlement clusters shared by parcels, parks and lakes


def make_clusters(scale, cfg):
    """List of (cx, cy, sigma, weight); the weights add up to 1 - rural_share."""
    r = rng(scale, "clusters")
    x0, y0, x1, y1 = cfg["rect"]
    clusters = []
    for kind in ("cores", "towns", "hamlets"):
        count, (smin, smax), share = cfg[kind]
        members = []
        for _ in range(count):
            sigma = r.uniform(smin, smax)
            pad = EDGE_MARGIN + (2.0 * sigma if kind != "hamlets" else sigma)
            cx = r.uniform(x0 + pad, x1 - pad)
            cy = r.uniform(y0 + pad, y1 - pad)
            members.append((cx, cy, sigma, r.uniform(0.5, 1.5)))
        total = sum(m[3] for m in members)
        clusters += [(cx, cy, s, share * w / total) for cx, cy, s, w in members]
    return clusters


class ClusterSampler:
    """Draws points from the cluster mixture (plus a uniform rural share) inside the rectangle
    shrunk by `margin`."""

    def __init__(self, r, cfg, clusters, margin):
        self.r = r
        x0, y0, x1, y1 = cfg["rect"]
        self.box = (x0 + margin, y0 + margin, x1 - margin, y1 - margin)
        self.clusters = clusters
        self.rural = cfg["rural_share"]
        acc = 0.0
        self.cum = []
        for c in clusters:
            acc += c[3]
            self.cum.append(acc)
        self.cluster_total = acc

    def uniform(self):
        bx0, by0, bx1, by1 = self.box
        return self.r.uniform(bx0, bx1), self.r.uniform(by0, by1)

    def point(self, sigma_factor=1.0):
        r = self.r
        if r.random() < self.rural:
            return self.uniform()
        c = r.choices(self.clusters, cum_weights=self.cum)[0]
        bx0, by0, bx1, by1 = self.box
        for _ in range(20):
            x = r.gauss(c[0], c[2] * sigma_factor)
            y = r.gauss(c[1], c[2] * sigma_factor)
            if bx0 <= x <= bx1 and by0 <= y <= by1:
                return x, y
        return self.uniform()


# ----------------------------------------------------------------------------------------
# residential parcels


def parcel_ring(r, cx, cy, span):
    """A quadrilateral (75 %) or pentagon (25 %) fitting in the `span` cells wide square
    centred at (cx, cy) with CELL_GAP to spare on every side: 30-72 m sides in one cell,
    60-120 m in a 2 x 2 block."""
    if span == 1:
        w = r.triangular(30.0, 72.0, 50.0)
        h = r.triangular(30.0, 72.0, 50.0)
    else:
        w = r.triangular(60.0, 120.0, 85.0)
        h = r.triangular(60.0, 120.0, 85.0)
    theta = math.radians(r.uniform(-12.0, 12.0))
    c, s = abs(math.cos(theta)), abs(math.sin(theta))
    half = span * CELL / 2.0 - CELL_GAP - 2.0   # 2 m for the corner jitter below
    ext_x = (w * c + h * s) / 2.0
    ext_y = (w * s + h * c) / 2.0
    shrink = min(1.0, half / ext_x, half / ext_y)
    w, h, ext_x, ext_y = w * shrink, h * shrink, ext_x * shrink, ext_y * shrink
    px = cx + r.uniform(-(half - ext_x), half - ext_x)
    py = cy + r.uniform(-(half - ext_y), half - ext_y)
    ct, st = math.cos(theta), math.sin(theta)
    corners = []
    for ux, uy in ((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)):
        lx, ly = ux * w, uy * h
        corners.append((px + lx * ct - ly * st + r.uniform(-2.0, 2.0),
                        py + lx * st + ly * ct + r.uniform(-2.0, 2.0)))
    if r.random() < 0.25:
        # cut one corner: replace it by two points on its adjacent edges (stays convex)
        k = r.randrange(4)
        prev_pt, pt, next_pt = corners[k - 1], corners[k], corners[(k + 1) % 4]
        ta, tb = r.uniform(0.2, 0.4), r.uniform(0.2, 0.4)
        a = (pt[0] + ta * (prev_pt[0] - pt[0]), pt[1] + ta * (prev_pt[1] - pt[1]))
        b = (pt[0] + tb * (next_pt[0] - pt[0]), pt[1] + tb * (next_pt[1] - pt[1]))
        corners = corners[:k] + [a, b] + corners[k + 1:]
    return [(r2(x), r2(y)) for x, y in corners]


def land_code(r):
    v = r.random()
    if v < 0.50:
        return "R2"
    if v < 0.78:
        return "R1"
    if v < 0.85:
        return "R3"
    if v < 0.95:
        return "B1"
    return "M1"


def make_residential(scale, cfg, clusters):
    r = rng(scale, "residential")
    x0, y0, x1, y1 = cfg["rect"]
    total = cfg["residential"]
    n_overlap = max(1, total // 200)      # 0.5 %
    n_base = total - n_overlap
    sampler = ClusterSampler(r, cfg, clusters, EDGE_MARGIN)
    ncx = int((x1 - x0) // CELL)
    ncy = int((y1 - y0) // CELL)
    occupied = set()

    def take(x, y, span):
        """Occupies the span x span cells whose lower-left cell contains (x, y), if all free."""
        i = int((x - x0) // CELL)
        j = int((y - y0) // CELL)
        block = [(i + di, j + dj) for di in range(span) for dj in range(span)]
        if any(c in occupied for c in block):
            return None
        occupied.update(block)
        return i, j, span

    cells = []
    while len(cells) < n_base:
        span = 2 if r.random() < LARGE_SHARE else 1
        cell = None
        for _ in range(12):
            cell = take(*sampler.point(), span)
            if cell:
                break
        while not cell:                  # crowded cluster: settle anywhere instead
            cell = take(*sampler.uniform(), span)
        cells.append(cell)

    parcels = []        # (land_code, ring)
    for i, j, span in cells:
        assert 0 <= i and i + span <= ncx and 0 <= j and j + span <= ncy
        ring = parcel_ring(r, x0 + (i + 0.5 * span) * CELL, y0 + (j + 0.5 * span) * CELL, span)
        parcels.append((land_code(r), ring))

    # Shifted copies of residential parcels: overlapping targets must count once.
    r_idx = [k for k, (code, _) in enumerate(parcels) if code.startswith("R")]
    for k in sorted(r.sample(r_idx, n_overlap)):
        ddx = r.choice((-1, 1)) * r.uniform(8.0, 20.0)
        ddy = r.choice((-1, 1)) * r.uniform(8.0, 20.0)
        ring = [(r2(x + ddx), r2(y + ddy)) for x, y in parcels[k][1]]
        parcels.append((r.choice(("R1", "R2")), ring))

    width = len(str(total))
    rows = [(code, "地块%0*d" % (width, n + 1), ring) for n, (code, ring) in enumerate(parcels)]
    return rows, n_overlap


# ----------------------------------------------------------------------------------------
# parks


def park_kind(area):
    if area < TIER_HIGH:
        return "口袋公园"
    if area < 30000.0:
        return "社区公园"
    return "综合公园"


def make_parks(scale, cfg, clusters, parcels):
    """Rows of (name, area_m2, kind, ring); the five special parks come first. Most parks lie
    near a randomly chosen parcel, so that they follow where people live."""
    r = rng(scale, "parks")
    sampler = ClusterSampler(r, cfg, clusters, EDGE_MARGIN)
    bx0, by0, bx1, by1 = sampler.box
    parks = []

    def near_parcel(spread):
        ring = r.choice(parcels)[2]
        for _ in range(20):
            x = ring[0][0] + r.gauss(0.0, spread)
            y = ring[0][1] + r.gauss(0.0, spread)
            if bx0 <= x <= bx1 and by0 <= y <= by1:
                return x, y
        return ring[0]

    def special_origin():
        x, y = near_parcel(200.0)
        return float(round(x)), float(round(y))      # integer corners: areas are exact

    for w, h in ((40.0, 50.0), (50.0, 40.0), (50.0, 100.0), (100.0, 50.0)):
        x, y = special_origin()
        ring = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        parks.append((w * h, ring))
    # Bow-tie: the ring crosses itself at its centre. Repaired it is two triangles of
    # 100 x 60 / 4 = 1500 m2 each; unrepaired its signed area is 0.
    x, y = special_origin()
    bowtie = [(x, y), (x + 100.0, y + 60.0), (x + 100.0, y), (x, y + 60.0)]
    parks.append((3000.0, bowtie))
    n_special = len(parks)

    # Park placement: most follow the settlements, some anywhere (country parks etc.).
    while len(parks) < cfg["parks"]:
        v = r.random()
        if v < 0.30:
            area = r.uniform(300.0, 1980.0)
        elif v < 0.60:
            area = r.uniform(2020.0, 4980.0)
        else:
            area = math.exp(r.uniform(math.log(5020.0), math.log(200000.0)))
        if r.random() < 0.85:
            cx, cy = near_parcel(250.0)
        else:
            cx, cy = sampler.uniform()
        ring = radial_ring(r, cx, cy, r.randint(6, 16), area, 0.22, 1.8)
        real = ring_area(ring)
        # rounding to 0.01 m moves the area by well under the 20 m2 kept from each threshold
        assert (real < TIER_LOW) == (area < TIER_LOW) and (real < TIER_HIGH) == (area < TIER_HIGH)
        parks.append((real, ring))

    width = len(str(cfg["parks"]))
    rows = []
    for n, (area, ring) in enumerate(parks):
        name = "公园%0*d" % (width, n + 1)
        if n == n_special - 1:
            name += "（自相交）"
        rows.append((name, area, park_kind(area), ring))
    return rows, n_special


# ----------------------------------------------------------------------------------------
# water


def make_water(scale, cfg, clusters):
    r = rng(scale, "water")
    sampler = ClusterSampler(r, cfg, clusters, 2000.0)
    rows = []
    for n in range(cfg["water"]):
        if n < cfg["water_large"]:
            area = r.uniform(1.1e6, 3.5e6)
        else:
            area = r.uniform(0.05e6, 0.8e6)
        # half of the lakes lie in or near settlements so that excluding water matters
        cx, cy = sampler.point(sigma_factor=0.8) if n % 2 == 0 else sampler.uniform()
        ring = radial_ring(r, cx, cy, r.randint(24, 40), area, 0.12, 2.2)
        rows.append(("水域%02d" % (n + 1), ring))
    return rows


# ----------------------------------------------------------------------------------------
# writing


def write_layer(ds, srs, name, fields, rows, identifier):
    """fields: [(name, ogr type)]; rows: [(values tuple, wkb)]. One transaction per layer."""
    lyr = ds.CreateLayer(name, srs, ogr.wkbPolygon,
                         ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES",
                          "DESCRIPTION=" + SYNTH_NOTE, "IDENTIFIER=" + identifier])
    for fname, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(fname, ftype))
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for values, wkb in rows:
        f = ogr.Feature(defn)
        for idx, v in enumerate(values):
            f.SetField(idx, v)
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        lyr.CreateFeature(f)
    lyr.CommitTransaction()


def check_subunits(units, rect):
    """Every sub-unit is valid, and the areas add up to the rectangle's (no gaps or overlaps
    given that the edges are shared)."""
    total = 0.0
    for name, ring in units:
        g = ogr.CreateGeometryFromWkb(polygon_wkb([ring]))
        assert g.IsValid(), name
        a = ring_area(ring)
        assert a > 0, name
        total += a
    x0, y0, x1, y1 = rect
    full = (x1 - x0) * (y1 - y0)
    assert abs(total - full) <= 1e-9 * full, (total, full)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", choices=sorted(SCALES), required=True)
    ap.add_argument("--out", required=True, help="output directory (created if missing)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    cfg = SCALES[args.scale]
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "coverage-%s.gpkg" % args.scale)

    units = make_subunits(args.scale, cfg)
    check_subunits(units, cfg["rect"])
    clusters = make_clusters(args.scale, cfg)
    parcels, n_overlap = make_residential(args.scale, cfg, clusters)
    parks, n_special = make_parks(args.scale, cfg, clusters, parcels)
    lakes = make_water(args.scale, cfg, clusters)

    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    write_layer(ds, srs, "subunits", [("name", ogr.OFTString)],
                [((name,), polygon_wkb([ring])) for name, ring in units],
                "sub-units (街镇), %s scale" % args.scale)
    write_layer(ds, srs, "parks",
                [("name", ogr.OFTString), ("area_m2", ogr.OFTReal), ("kind", ogr.OFTString)],
                [((name, area, kind), polygon_wkb([ring])) for name, area, kind, ring in parks],
                "parks (公园绿地), %s scale" % args.scale)
    write_layer(ds, srs, "residential", [("land_code", ogr.OFTString), ("name", ogr.OFTString)],
                [((code, name), polygon_wkb([ring])) for code, name, ring in parcels],
                "land parcels (用地), %s scale" % args.scale)
    write_layer(ds, srs, "water", [("name", ogr.OFTString)],
                [((name,), polygon_wkb([ring])) for name, ring in lakes],
                "water bodies (水域), %s scale" % args.scale)
    ds = None

    n_res = sum(1 for code, _, _ in parcels if code.startswith("R"))
    size_mb = os.path.getsize(path) / 1e6
    print("%s: subunits %d, parks %d (%d special, 1 invalid), residential %d (%d R*, %d "
          "overlapping copies), water %d; %.1f MB; %.1f s"
          % (path, len(units), len(parks), n_special, len(parcels), n_res, n_overlap,
             len(lakes), size_mb, time.perf_counter() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
