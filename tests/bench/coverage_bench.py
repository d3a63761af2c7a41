#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Benchmark driver for the park service-radius coverage metric (`xiuhua-cli coverage`).

Usage:
    /usr/bin/python3 tests/bench/coverage_bench.py --build BUILD_DIR --data DIR \\
        --scale district|city [--runs 5] [--skip-reference] [--timeout 3600]

Uses DIR/coverage-<scale>.gpkg, generating it first with generate_coverage_data.py when it is
missing. Then runs each method --runs times, each run in a fresh process, round-robin (so that
background load affects all methods alike), after reading the file once so that every run sees
a warm page cache:

  floor    BUILD/tests/bench/ogr_read_floor SRC...   reads the three sources fully with OGR;
                                                      its wall time is the floor
  engine   BUILD/app/xiuhua-cli coverage ... --json  the spatial engine
  naive    the same plus --method naive              buffer all, union, intersect
  shapely  coverage_reference.py ... --json          independent reference (run once at city
                                                      scale; left out with --skip-reference)
  qgis     coverage_qgis.py ... --json               a chain of qgis_process runs, as a QGIS
                                                      user would (only when qgis_process is
                                                      installed; run once at city scale)
  spatialite coverage_spatialite.py ... --json       one SQL session in the spatialite shell
                                                      (only when spatialite is installed; run
                                                      once at city scale)

The metric: parks with tiered radii (area >= 2000 m2: 300 m, >= 5000 m2: 500 m) over the
residential parcels (land_code LIKE 'R%'), per sub-unit (`name`).

Each method's wall time is measured here (not taken from its output), and its peak RSS comes
from os.wait4 on that very process (for qgis and spatialite, whose scripts start other
processes, Linux reports the largest of the script and the descendants it waited for). Every
method that produced an answer must agree with the engine: the overall ratio and every
per-sub-unit ratio within --tolerance (relative, default 1e-6). Prints the worst relative
difference per method and a Markdown table (method | median s | peak MB | x floor | ratio) for
the README.

Exit status: 0 when every method ran and agrees; 1 when a method is missing (not built),
failed, or disagrees with the engine. qgis and spatialite that are not installed are only noted.
"""

import argparse
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "generate_coverage_data.py")
REFERENCE = os.path.join(HERE, "coverage_reference.py")
QGIS_CHAIN = os.path.join(HERE, "coverage_qgis.py")
SPATIALITE_SQL = os.path.join(HERE, "coverage_spatialite.py")

TIERS = "2000:300,5000:500"
TARGET_WHERE = "land_code LIKE 'R%'"
KILL_GRACE_SECONDS = 10.0     # after a timeout's SIGTERM, until SIGKILL


# ----------------------------------------------------------------------------------------
# running one process


class RunResult:
    def __init__(self, seconds, peak_mb, exit_code, stdout, stderr, timed_out):
        self.seconds = seconds
        self.peak_mb = peak_mb
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.timed_out = timed_out


def run_measured(argv, timeout):
    """Runs argv to completion; wall time from just before the start to the reaped exit, and
    the peak RSS of that process (ru_maxrss, kB on Linux) from os.wait4.

    Linux quirk: a child's ru_maxrss includes the RSS of the process that spawned it (the
    pages it shared until exec), so no method can show less than this driver's own RSS
    (about 12-20 MB; the driver keeps itself small and imports GDAL only at the end)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        # own process group, so that a timeout also ends whatever the method started
        proc = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        timed_out = threading.Event()
        reaped = threading.Event()

        def kill_group(sig):
            if reaped.is_set():
                return
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass

        def on_timeout():
            timed_out.set()
            # SIGTERM first, so that a method that drives other programs can delete its
            # temporary files; whatever is still running a little later gets SIGKILL
            kill_group(signal.SIGTERM)
            grace = threading.Timer(KILL_GRACE_SECONDS, kill_group, (signal.SIGKILL,))
            grace.daemon = True
            grace.start()

        timer = threading.Timer(timeout, on_timeout)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            reaped.set()
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        return RunResult(seconds, usage.ru_maxrss / 1024.0, proc.returncode,
                         out.read().decode("utf-8", "replace"),
                         err.read().decode("utf-8", "replace"), timed_out.is_set())


def parse_json_output(text):
    """The JSON object a method printed: the whole stdout, or else the first object in it."""
    text = text.strip()
    try:
        value = json.loads(text)
        return value if isinstance(value, dict) else None
    except ValueError:
        pass
    decoder = json.JSONDecoder()
    pos = text.find("{")
    while pos >= 0:
        try:
            value, _ = decoder.raw_decode(text, pos)
            if isinstance(value, dict):
                return value
        except ValueError:
            pass
        pos = text.find("{", pos + 1)
    return None


# ----------------------------------------------------------------------------------------
# methods


class Method:
    def __init__(self, name, argv, runs, has_answer, note=None):
        self.name = name
        self.argv = argv
        self.runs = runs              # 0: not run (see note)
        self.has_answer = has_answer  # prints a coverage JSON object
        self.note = note              # why it is not run, shown in the table
        self.results = []
        self.answers = []
        self.failure = None

    def median_seconds(self):
        ok = [r.seconds for r in self.results]
        return statistics.median(ok) if ok else None

    def peak_mb(self):
        return max((r.peak_mb for r in self.results), default=None)

    def answer(self):
        return self.answers[0] if self.answers else None


def make_methods(args, gpkg):
    parks = "%s|layername=parks" % gpkg
    residential = "%s|layername=residential" % gpkg
    subunits = "%s|layername=subunits" % gpkg
    metric_args = ["--facilities", parks, "--radius-tiers", TIERS,
                   "--target", residential, "--target-where", TARGET_WHERE,
                   "--per", subunits, "--per-field", "name", "--json"]
    floor_exe = os.path.join(args.build, "tests", "bench", "ogr_read_floor")
    cli_exe = os.path.join(args.build, "app", "xiuhua-cli")

    methods = []

    def add_exe(name, exe, argv, has_answer, runs=None):
        if os.access(exe, os.X_OK):
            methods.append(Method(name, [exe] + argv, args.runs if runs is None else runs, has_answer))
        else:
            m = Method(name, None, 0, has_answer, note="not built")
            m.failure = "%s not found or not executable" % exe
            methods.append(m)

    add_exe("floor", floor_exe, [parks, residential, subunits], False)
    add_exe("engine", cli_exe, ["coverage"] + metric_args, True)
    # The naive pipeline takes minutes at city scale: one run there, like the reference.
    add_exe("naive", cli_exe, ["coverage"] + metric_args + ["--method", "naive"], True,
            runs=1 if args.scale == "city" else None)
    if args.skip_reference:
        methods.append(Method("shapely", None, 0, True, note="skipped"))
    else:
        runs = 1 if args.scale == "city" else args.runs
        methods.append(Method("shapely", [sys.executable, REFERENCE] + metric_args, runs, True))
    # Desktop-GIS ways to the same answer, when their program is installed; slow at city
    # scale, so run once there. They are not required: missing, they are only noted.
    once_at_city = 1 if args.scale == "city" else args.runs
    for name, exe, script in (("qgis", "qgis_process", QGIS_CHAIN),
                              ("spatialite", "spatialite", SPATIALITE_SQL)):
        if shutil.which(exe):
            methods.append(Method(name, [sys.executable, script] + metric_args, once_at_city,
                                  True))
        else:
            methods.append(Method(name, None, 0, True, note="%s not installed" % exe))
    return methods


# ----------------------------------------------------------------------------------------
# comparing answers


def rel_diff(a, b):
    """Relative difference of a to the reference b; None (no ratio) equals only None."""
    if a is None or b is None:
        return 0.0 if a is None and b is None else math.inf
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(b), 1e-300)


def worst_difference(answer, reference):
    """(worst relative difference over the ratio and the per-sub-unit ratios, where)."""
    worst, where = rel_diff(answer.get("ratio"), reference.get("ratio")), "overall ratio"
    per_a = answer.get("per") or []
    per_r = reference.get("per") or []
    if len(per_a) != len(per_r):
        return math.inf, "per: %d rows instead of %d" % (len(per_a), len(per_r))
    for row_a, row_r in zip(per_a, per_r):
        if row_a.get("name") != row_r.get("name"):
            return math.inf, "per: %r where %r was expected" % (row_a.get("name"),
                                                                row_r.get("name"))
        d = rel_diff(row_a.get("ratio"), row_r.get("ratio"))
        if d > worst:
            worst, where = d, "per %s" % row_r.get("name")
    return worst, where


# ----------------------------------------------------------------------------------------
# reporting


def count_features(gpkg):
    """(parks, target parcels after the filter, sub-units), counted with OGR."""
    from osgeo import ogr
    ogr.UseExceptions()
    ds = ogr.Open(gpkg)
    res = ds.GetLayerByName("residential")
    res.SetAttributeFilter(TARGET_WHERE)
    counts = (ds.GetLayerByName("parks").GetFeatureCount(), res.GetFeatureCount(),
              ds.GetLayerByName("subunits").GetFeatureCount())
    ds = None
    return counts


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def fmt(value, spec, missing="–"):
    return missing if value is None else format(value, spec)


def print_table(methods, floor_s, runs):
    print("| method | median s | peak MB | × floor | ratio |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for m in methods:
        if not m.results:
            reason = m.note or ("failed" if m.failure else "not run")
            print("| %s | %s | | | |" % (m.name, reason))
            continue
        med = m.median_seconds()
        times_floor = med / floor_s if floor_s else None
        ans = m.answer()
        ratio = fmt(ans.get("ratio") if ans else None, ".6f", "")
        label = m.name if not m.failure else "%s (failed)" % m.name
        count = "" if len(m.results) == runs else " (%d run%s)" % (
            len(m.results), "" if len(m.results) == 1 else "s")
        print("| %s%s | %.2f | %.0f | %s | %s |"
              % (label, count, med, m.peak_mb(), fmt(times_floor, ".1f"), ratio))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", required=True, help="CMake build directory")
    ap.add_argument("--data", required=True, help="directory of coverage-<scale>.gpkg")
    ap.add_argument("--scale", choices=("district", "city"), required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-reference", action="store_true",
                    help="do not run the shapely reference")
    ap.add_argument("--timeout", type=float, default=3600.0,
                    help="seconds after which one run is killed and counts as failed")
    ap.add_argument("--tolerance", type=float, default=1e-6,
                    help="largest relative difference from the engine's ratios")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    gpkg = os.path.join(args.data, "coverage-%s.gpkg" % args.scale)
    if not os.path.exists(gpkg):
        print("generating %s ..." % gpkg, file=sys.stderr, flush=True)
        subprocess.run([sys.executable, GENERATOR, "--scale", args.scale, "--out", args.data],
                       check=True)

    # Warm the page cache so that the first timed run does not pay for the disk.
    with open(gpkg, "rb") as fh:
        while fh.read(1 << 24):
            pass

    methods = make_methods(args, gpkg)
    max_runs = max(m.runs for m in methods)
    for run in range(max_runs):
        for m in methods:
            if run >= m.runs or m.failure:     # a method that failed once is not run again
                continue
            r = run_measured(m.argv, args.timeout)
            status = "ok"
            if r.timed_out:
                status = "timed out after %.0f s" % args.timeout
            elif r.exit_code != 0:
                status = "exit code %d" % r.exit_code
            elif m.has_answer:
                ans = parse_json_output(r.stdout)
                if ans is None or "ratio" not in ans:
                    status = "no JSON with a ratio on stdout"
                else:
                    m.answers.append(ans)
            print("%-10s run %d/%d: %7.2f s %7.0f MB  %s"
                  % (m.name, run + 1, m.runs, r.seconds, r.peak_mb, status),
                  file=sys.stderr, flush=True)
            if status != "ok":
                m.failure = status
                tail = (r.stderr.strip() or r.stdout.strip())[-2000:]
                if tail:
                    print("    " + tail.replace("\n", "\n    "), file=sys.stderr)
                continue
            m.results.append(r)

    by_name = {m.name: m for m in methods}
    engine = by_name["engine"]
    floor = by_name["floor"]
    floor_s = floor.median_seconds()
    ok = True
    print()

    # Every run of a method must give the same answer, and every method the engine's.
    reference = engine.answer()
    if reference is None:
        print("engine: no answer (%s); nothing to compare with" % (engine.failure or "not run"))
        ok = False
    for m in methods:
        if m.failure:
            print("%s: FAILED (%s)" % (m.name, m.failure))
            ok = False
        if not m.answers:
            continue
        for k, ans in enumerate(m.answers[1:], start=2):
            d, where = worst_difference(ans, m.answers[0])
            if d > args.tolerance:
                print("%s: run %d differs from run 1 (%.3g at %s)" % (m.name, k, d, where))
                ok = False
        if reference is not None and m is not engine:
            d, where = worst_difference(m.answer(), reference)
            verdict = "ok" if d <= args.tolerance else "DISAGREES"
            print("%s vs engine: worst relative difference %.3g (%s) %s"
                  % (m.name, d, where, verdict))
            if d > args.tolerance:
                ok = False

    # Counts, and the facilities used / repairs as each method reports them.
    n_parks, n_targets, n_units = count_features(gpkg)
    print()
    print("scale %s: %d parks, %d target parcels (%s), %d sub-units; tiers %s"
          % (args.scale, n_parks, n_targets, TARGET_WHERE, n_units, TIERS))
    for m in methods:
        ans = m.answer()
        if ans is not None:
            print("  %-10s facilities used %s, targets %s, invalid repaired %s, ratio %s"
                  % (m.name, ans.get("facilities_used", "?"), ans.get("targets", "?"),
                     ans.get("invalid_repaired", "?"), fmt(ans.get("ratio"), ".9f")))
    print("machine: %s, %d cores; runs: %d (median)" % (cpu_model(), os.cpu_count() or 0,
                                                       args.runs))
    print()
    print_table(methods, floor_s, args.runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
