#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UBSan (warnings are errors) and runs
# every test through ctest: unit, GUI (offscreen) and CLI end-to-end. Exits non-zero on failure.
# The PostGIS tests (ctest -L postgis) talk to a throwaway PostgreSQL cluster started here
# (scripts/pg-cluster.sh) and removed on every exit; when it cannot start, this fails and says why.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh --postgis
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DXIUHUA_SANITIZE=ON -DXIUHUA_WERROR=ON \
      -DXIUHUA_BUILD_BENCHMARKS=ON
cmake --build build-asan -j"$(nproc)"

export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xiuhua-runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
source scripts/pg-cluster.sh
trap xh_pg_stop EXIT
trap 'exit 130' INT TERM
xh_pg_start || { echo "test.sh: the PostgreSQL test server could not start (see above), so the postgis tests cannot run." >&2; exit 1; }

cd build-asan
ctest --output-on-failure -j"$(nproc)" --schedule-random "$@"
