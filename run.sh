#!/usr/bin/env bash
# Installs what is missing, builds Xiuhua and opens the demo project.
#   ./run.sh                       open the GUI on the demo project (built into build/demo from data/demo)
#   ./run.sh --screenshot out.png  render the main window with the demo project to a PNG and exit
# Other arguments are passed to the application (e.g. --lang en, or another project file).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXIUHUA_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" --target xiuhua xiuhua-cli demo_project

project=build/demo/jiading-demo.xhp   # the demo with its history, built from data/demo
for arg in "$@"; do
  case "$arg" in *.xhp) project="" ;; esac
done

export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/xiuhua-runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  if [[ " $* " == *" --screenshot "* ]]; then
    export QT_QPA_PLATFORM=offscreen   # no display needed to render a screenshot
  else
    echo "run.sh: no display found; run it from a desktop session, or: xvfb-run -a ./run.sh --screenshot shot.png" >&2
    exit 1
  fi
fi
exec build/app/xiuhua ${project:+"$project"} "$@"
