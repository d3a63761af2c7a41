#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Side-by-side benchmark of the two engines of `xiuhua-cli coverage` (issue 19, part 6): the
local engine and `--engine postgis`, on the same synthetic data in one run.

Usage (scripts/bench.sh runs it with a throwaway server; by hand, start one first with
scripts/pg-cluster.sh and export its XIUHUA_PG_* variables):
    /usr/bin/python3 tests/bench/engine_bench.py --build BUILD_DIR --data DIR \\
        --scale district|city|million [--runs 3] [--timeout 3600]

Uses DIR/coverage-<scale>.gpkg (generate_coverage_data.py makes it when it is missing) and loads
its layers into a schema bench_<scale> of the test server with ogr2ogr (spatial index, ANALYZE)
unless the schema already holds them. Then, each run a fresh process, round-robin:

  local-file   xiuhua-cli coverage on the GeoPackage (the local engine reading a file)
  local-pg     xiuhua-cli coverage on the PostGIS tables, local engine (the client downloads them)
  postgis      the same with --engine postgis (SQL in the server; only result rows come back)

The metric is coverage_bench.py's: parks with tiered radii over the residential parcels
(land_code LIKE 'R%'), per sub-unit. Wall time and the client's peak RSS (os.wait4) are measured
here; the server's memory is not the client's and is not in the table. Every answer must equal
local-file's to --tolerance (relative; ratio and every sub-unit). Prints a Markdown table
(method | median s | client peak MB | rows received | ratio).

Exit status: 0 when every method ran and agrees, 1 otherwise.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from coverage_bench import (GENERATOR, TARGET_WHERE, TIERS, cpu_model, parse_json_output,  # noqa: E402
                            run_measured, worst_difference)

LAYERS = ("parks", "residential", "subunits")


def connection():
    """The test server started by scripts/pg-cluster.sh, as its service (the password in its
    password file: Xiuhua refuses a password in a connection string)."""
    need = ("XIUHUA_PG_SERVICE", "XIUHUA_PG_SERVICEFILE", "XIUHUA_PG_PASSFILE")
    missing = [n for n in need if not os.environ.get(n)]
    if missing:
        sys.exit("engine_bench: no test server: %s not set (start one with scripts/pg-cluster.sh, "
                 "or run scripts/bench.sh)" % ", ".join(missing))
    os.environ["PGSERVICEFILE"] = os.environ["XIUHUA_PG_SERVICEFILE"]
    os.environ["PGPASSFILE"] = os.environ["XIUHUA_PG_PASSFILE"]
    return "service=%s" % os.environ["XIUHUA_PG_SERVICE"]


def psql(conninfo, sql):
    out = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def load(conninfo, gpkg, schema):
    """The GeoPackage's layers as tables of `schema` (skipped when they are there already)."""
    have = psql(conninfo, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '%s' "
                          "AND table_name IN ('parks', 'residential', 'subunits')" % schema)
    if have == "3":
        print("engine_bench: %s already holds the layers" % schema, flush=True)
        return
    psql(conninfo, 'DROP SCHEMA IF EXISTS "%s" CASCADE; CREATE SCHEMA "%s"' % (schema, schema))
    for layer in LAYERS:
        print("engine_bench: loading %s into %s.%s" % (layer, schema, layer), flush=True)
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + conninfo, gpkg, layer, "-nln", "%s.%s" % (schema, layer),
                        "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=GIST",
                        "--config", "PG_USE_COPY", "YES"], check=True)
        psql(conninfo, 'ANALYZE "%s"."%s"' % (schema, layer))


def metric_args(parks, residential, subunits):
    return ["--facilities", parks, "--radius-tiers", TIERS, "--target", residential, "--target-where", TARGET_WHERE,
            "--per", subunits, "--per-field", "name", "--json"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", required=True, help="CMake build directory (RelWithDebInfo)")
    ap.add_argument("--data", required=True, help="directory of coverage-<scale>.gpkg")
    ap.add_argument("--scale", choices=("district", "city", "million"), required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=3600.0)
    ap.add_argument("--tolerance", type=float, default=1e-6)
    args = ap.parse_args()

    conninfo = connection()
    gpkg = os.path.join(os.path.abspath(args.data), "coverage-%s.gpkg" % args.scale)
    if not os.path.exists(gpkg):
        os.makedirs(args.data, exist_ok=True)
        subprocess.run([sys.executable, GENERATOR, "--scale", args.scale, "--out", args.data], check=True)
    schema = "bench_%s" % args.scale
    load(conninfo, gpkg, schema)
    cli = os.path.join(args.build, "app", "xiuhua-cli")
    if not os.access(cli, os.X_OK):
        sys.exit("engine_bench: %s is not built" % cli)

    pg = lambda layer: "PG:%s|layername=%s.%s" % (conninfo, schema, layer)  # noqa: E731
    files = metric_args(*("%s|layername=%s" % (gpkg, layer) for layer in LAYERS))
    tables = metric_args(*(pg(layer) for layer in LAYERS))
    methods = [("local-file", [cli, "coverage"] + files), ("local-pg", [cli, "coverage"] + tables),
               ("postgis", [cli, "coverage"] + tables + ["--engine", "postgis"])]
    results = {name: [] for name, _ in methods}
    answers = {}
    failed = False
    for run in range(args.runs):
        for name, argv in methods:
            r = run_measured(argv, args.timeout)
            answer = parse_json_output(r.stdout) if r.exit_code == 0 else None
            if answer is None:
                print("engine_bench: %s failed (exit %s%s): %s" % (name, r.exit_code, ", timed out" if r.timed_out else "",
                                                                  r.stderr.strip()[-2000:]), file=sys.stderr)
                failed = True
                continue
            results[name].append(r)
            answers.setdefault(name, answer)
            print("engine_bench: %s run %d: %.2f s, %.0f MB" % (name, run + 1, r.seconds, r.peak_mb), flush=True)

    reference = answers.get("local-file")
    print()
    print("%s, %s, %d runs each (medians), coverage of %s" % (platform.node(), cpu_model(), args.runs, os.path.basename(gpkg)))
    print()
    print("| method | median s | client peak MB | rows received | ratio | worst rel. diff |")
    print("|---|---|---|---|---|---|")
    for name, _ in methods:
        runs = results[name]
        answer = answers.get(name)
        if not runs or answer is None:
            print("| %s | failed | | | | |" % name)
            continue
        worst, where = worst_difference(answer, reference) if reference else (float("nan"), "")
        if not worst <= args.tolerance:
            print("engine_bench: %s differs from local-file by %g (%s)" % (name, worst, where), file=sys.stderr)
            failed = True
        rows = answer.get("engine", {}).get("rows_transferred", "all features")
        print("| %s | %.2f | %.0f | %s | %.6f | %.1e |" % (name, statistics.median(r.seconds for r in runs),
                                                          max(r.peak_mb for r in runs), rows, answer.get("ratio"), worst))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
