#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""First frames of a big polygon layer (issue 19, part 3): a GeoPackage read whole and indexed in
memory, as Xiuhua opens a file today, against the same polygons in a PostGIS table drawn per view
from the server (the GiST index, a cursor, sub-pixel features as their box only).

Usage (scripts/bench.sh render runs it with a throwaway server):
    /usr/bin/python3 tests/bench/first_frame_bench.py --build BUILD_DIR --data DIR [--features 1000000] [--runs 3]

Writes DIR/parcels_<N>.gpkg once (tests/bench/polygon_grid_generator: N small quadrilaterals in
EPSG:4549) and loads it into bench_frames.parcels_<N> of the test server with ogr2ogr (GiST index,
ANALYZE) unless it is there. Each run a fresh process (tests/bench/first_frame), round-robin:
open, full-extent frame, 1 % view and 0.01 % view at 1600x1000, and the process's peak RSS.
Prints a Markdown table of medians.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from coverage_bench import cpu_model, run_measured  # noqa: E402
from engine_bench import connection, psql  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--features", type=int, default=1000000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=1800)
    args = parser.parse_args()

    tool = os.path.join(args.build, "tests", "bench", "first_frame")
    gpkg = os.path.join(os.path.abspath(args.data), "parcels_%d.gpkg" % args.features)
    subprocess.run([tool, "--make-gpkg", gpkg, str(args.features)], check=True)
    conninfo = connection()
    table = "parcels_%d" % args.features
    have = psql(conninfo, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'bench_frames' "
                          "AND table_name = '%s'" % table)
    if have != "1":
        print("first_frame_bench: loading %s into bench_frames.%s" % (gpkg, table), flush=True)
        psql(conninfo, "CREATE SCHEMA IF NOT EXISTS bench_frames")
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + conninfo, gpkg, "-nln", "bench_frames.%s" % table,
                        "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=GIST",
                        "--config", "PG_USE_COPY", "YES"], check=True)
        psql(conninfo, "ANALYZE bench_frames.%s" % table)

    methods = {
        "GeoPackage, read whole": [tool, "--source", gpkg],
        "PostGIS, per view": [tool, "--source", "PG:" + conninfo, "--layer", "bench_frames.%s" % table, "--stream"],
    }
    results = {name: [] for name in methods}
    for run in range(args.runs):
        for name, argv in methods.items():
            r = run_measured(argv, args.timeout)
            if r.exit_code != 0:
                sys.exit("first_frame_bench: %s failed (%s): %s" % (name, r.exit_code, r.stderr.strip()))
            row = json.loads(r.stdout.strip().splitlines()[-1])
            row["wall_s"] = r.seconds
            results[name].append(row)
            print("  run %d %-24s open %.2f s, full %.2f s, 1%% %.3f s, 0.01%% %.3f s, peak %.0f MB"
                  % (run + 1, name, row["open_s"], row["full_s"], row["view1_s"], row["view001_s"], row["peak_mb"]), flush=True)

    print()
    print("%d polygons, 1600x1000, medians of %d fresh processes; %s, %d cores" % (args.features, args.runs, cpu_model(), os.cpu_count()))
    print()
    print("| source | open s | full frame s | open + full s | 1 % view s | 0.01 % view s | peak MB |")
    print("|---|---|---|---|---|---|---|")
    for name, rows in results.items():
        med = lambda key: statistics.median(r[key] for r in rows)  # noqa: E731
        first = statistics.median(r["open_s"] + r["full_s"] for r in rows)
        print("| %s | %.2f | %.2f | %.2f | %.3f | %.3f | %.0f |"
              % (name, med("open_s"), med("full_s"), first, med("view1_s"), med("view001_s"), med("peak_mb")))


if __name__ == "__main__":
    main()
