#!/usr/bin/env bash
# Installs the Debian 12 packages Xiuhua needs to build, test and run, if any are missing.
# Uses apt-get directly as root, through sudo otherwise.
#   --postgis   also the PostgreSQL 15 server with PostGIS, for the tests (./test.sh) and the demo
#               server (scripts/postgis-demo.sh); ./run.sh, for a GUI user, installs no server.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libgl-dev
  libgdal-dev gdal-bin libproj-dev proj-data libgeos-dev libsqlite3-dev libicu-dev libboost-graph-dev libqpdf-dev
  libpq-dev
  qtkeychain-qt6-dev libsecret-1-0                  # passwords in the desktop keyring (app/keyring)
  gnome-keyring dbus libsecret-tools                # the keyring's test: a session bus with gnome-keyring
  libqcustomplot-dev libqcustomplot2.1-qt6
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk fonts-wqy-microhei xvfb xauth poppler-utils
  python3 python3-gdal python3-shapely
  dpkg-dev file lintian desktop-file-utils appstream xdg-utils   # the .deb: scripts/test-package.sh
  debootstrap                                                    # a fresh Debian 12: scripts/test-package-fresh.sh
)

if [[ "${1:-}" == "--postgis" ]]; then
  packages+=(postgresql-15 postgresql-15-postgis-3 openssl)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
