#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UBSan (warnings are errors) and runs
# every test through ctest: unit, GUI (offscreen) and CLI end-to-end. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DXIUHUA_SANITIZE=ON -DXIUHUA_WERROR=ON \
      -DXIUHUA_BUILD_BENCHMARKS=ON
cmake --build build-asan -j"$(nproc)"

export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xiuhua-runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cd build-asan
ctest --output-on-failure -j"$(nproc)" --schedule-random "$@"
