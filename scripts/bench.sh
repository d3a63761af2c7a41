#!/usr/bin/env bash
# Benchmarks, from one command on a fresh clone — never part of ./test.sh (timings on a shared
# machine are not tests). Installs what is missing, builds a RelWithDebInfo tree in build-bench,
# generates the synthetic data once into $XIUHUA_BENCH_DATA (default ~/.cache/xiuhua-bench; never
# committed), and runs the suites named (all when none is):
#   engines    local engine vs --engine postgis, coverage at district, city (300 k parcels) and
#              1 M parcels, against a throwaway PostgreSQL started here and removed on exit
#              (tests/bench/engine_bench.py)
#   render     first frames of 1 M polygons: a GeoPackage read whole vs a PostGIS table drawn per
#              view (open, full extent, 1 % and 0.01 % views, peak memory; tests/bench/first_frame_bench.py)
#   coverage   the coverage engine vs the read floor, the naive pipeline and, where installed, QGIS
#              and SpatiaLite (tests/bench/coverage_bench.py), district and city
# Options: --runs N (default 3), --scales "district city million" (coverage: district and city only).
# Prints Markdown tables with medians, the machine named.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
scales="district city million"
suites=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --scales) scales="$2"; shift 2 ;;
    engines|coverage|render) suites+=("$1"); shift ;;
    *) echo "bench.sh: unknown argument $1 (suites: engines render coverage; options: --runs N, --scales \"…\")" >&2; exit 2 ;;
  esac
done
[[ ${#suites[@]} -eq 0 ]] && suites=(engines render coverage)

data="${XIUHUA_BENCH_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/xiuhua-bench}"
mkdir -p "$data"

scripts/install-deps.sh --postgis
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXIUHUA_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build-bench -j"$(nproc)" --target xiuhua-cli ogr_read_floor first_frame

status=0
server_started=
start_server() {
  [[ -n "$server_started" ]] && return 0
  source scripts/pg-cluster.sh
  trap xh_pg_stop EXIT
  trap 'exit 130' INT TERM
  xh_pg_start || { echo "bench.sh: the PostgreSQL server could not start (see above)." >&2; exit 1; }
  server_started=1
}
for suite in "${suites[@]}"; do
  case "$suite" in
    render)
      start_server
      echo "== render, first frames =="
      /usr/bin/python3 tests/bench/first_frame_bench.py --build build-bench --data "$data" --runs "$runs" || status=1
      ;;
    engines)
      start_server
      for scale in $scales; do
        echo "== engines, $scale =="
        /usr/bin/python3 tests/bench/engine_bench.py --build build-bench --data "$data" --scale "$scale" --runs "$runs" || status=1
      done
      ;;
    coverage)
      for scale in $scales; do
        [[ "$scale" == million ]] && continue   # coverage_bench.py has district and city
        echo "== coverage, $scale =="
        /usr/bin/python3 tests/bench/coverage_bench.py --build build-bench --data "$data" --scale "$scale" --runs "$runs" \
          --skip-reference || status=1
      done
      ;;
  esac
done
exit "$status"
