#!/usr/bin/env bash
# The issue's "fresh Debian 12 machine": installs the package that scripts/test-package.sh built
# (build-package/xiuhua_<version>_amd64.deb) into a new minimal Debian 12 made by debootstrap
# (--variant=minbase, from this machine's apt sources), so that apt must pull in every library from
# the package's Depends alone — on the build machine the -dev packages hide a missing one. Then, as
# an ordinary user: xiuhua-cli --version; a report of the installed demo where it is; compute refused
# there; xiuhua --demo (the menu entry's action) with a screenshot under xvfb, kept as
# build-package/fresh-demo-copy.png; compute on that copy. Finally apt-get remove --purge and a
# check that nothing of the package is left. Prints PASS/FAIL per check; exits non-zero if any
# failed. Needs root (debootstrap, chroot). When the Debian mirror cannot be reached it says SKIP and
# exits 0: that is the network, not the package.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=build-package

if [[ $(id -u) -ne 0 ]]; then exec sudo "$root/scripts/test-package-fresh.sh" "$@"; fi
export DEBIAN_FRONTEND=noninteractive

version=$(sed -n 's/^project(Xiuhua VERSION \([0-9][0-9.]*\).*/\1/p' CMakeLists.txt)
deb="$root/$build/xiuhua_${version}_amd64.deb"
[[ -f $deb ]] || { echo "test-package-fresh: $deb is missing; run scripts/test-package.sh first" >&2; exit 1; }

passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

scripts/install-deps.sh  # debootstrap among them
work=$(mktemp -d /tmp/xiuhua-fresh.XXXXXX)
system="$work/root"
cleanup() {
  # Unmount before removing anything: rm -rf must never reach through a mount into the host.
  if mountpoint -q "$system/proc" 2>/dev/null; then umount "$system/proc" || umount -l "$system/proc" || true; fi
  local mounts
  mounts=$(findmnt -rn -o TARGET || true)
  if grep -qF -- "$system" <<<"$mounts"; then
    echo "test-package-fresh: $system still has mounts; left in place" >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
network_trouble() { grep -qiE 'Temporary failure|Could not resolve|Failed to fetch|Connection (timed out|refused)|Network is unreachable|Couldn.t download|Failed getting release file' "$1"; }

# --- A fresh Debian 12 ---------------------------------------------------------------------------------
mirror=""
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
  mirror=$(sed -n 's/^URIs: *\(http[^ ]*debian\)$/\1/p' /etc/apt/sources.list.d/debian.sources | head -1 || true)
elif [[ -f /etc/apt/sources.list ]]; then
  mirror=$(awk '$1 == "deb" && $2 ~ /^http/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list || true)
fi
mirror=${mirror:-http://deb.debian.org/debian}
if ! timeout 1800 debootstrap --variant=minbase bookworm "$system" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -5 "$work/debootstrap.log" | sed 's/^/    /'
  if network_trouble "$work/debootstrap.log"; then
    echo "SKIP: debootstrap could not download Debian 12 from $mirror; the fresh-machine install was not tested"
    exit 0
  fi
  fail "debootstrap: a minimal Debian 12 from $mirror"
  echo "test-package-fresh: $passed passed, $failed failed"
  exit 1
fi
# The same archive as this machine (updates and security too), not only what debootstrap chose.
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
  cp /etc/apt/sources.list.d/debian.sources "$system/etc/apt/sources.list.d/" && rm -f "$system/etc/apt/sources.list"
elif [[ -f /etc/apt/sources.list ]]; then
  cp /etc/apt/sources.list "$system/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$system/etc/resolv.conf" 2>/dev/null || true
if ! mount -t proc proc "$system/proc" 2>"$work/mount.log"; then
  echo "SKIP: /proc cannot be mounted in the new system here ($(cat "$work/mount.log")); the fresh-machine install was not tested"
  exit 0
fi
in_system() { chroot "$system" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
as_user() { timeout 900 chroot "$system" su - planner -c "$1"; }
pass "debootstrap: a minimal Debian 12 ($(in_system dpkg-query -W -f='${Status}\n' | grep -c 'install ok installed' || true) packages)"

# --- Install: Depends alone must bring what it needs ---------------------------------------------------
cp "$deb" "$system/tmp/"
if in_system timeout 1800 sh -c "apt-get update -q && apt-get install -y -q /tmp/$(basename "$deb")" >"$work/install.log" 2>&1; then
  pass "apt-get install ./$(basename "$deb") into the fresh system ($(grep -o '[0-9]* newly installed' "$work/install.log" || true))"
else
  if network_trouble "$work/install.log"; then
    tail -5 "$work/install.log" | sed 's/^/    /'
    echo "SKIP: the Debian mirror could not be reached while installing; the fresh-machine install was not tested"
    exit 0
  fi
  tail -20 "$work/install.log" | sed 's/^/    /'
  fail "apt-get install ./$(basename "$deb") into the fresh system"
  echo "test-package-fresh: $passed passed, $failed failed"
  exit 1
fi
mapfile -t package_files < <(in_system dpkg -L xiuhua | while IFS= read -r f; do if [[ -f "$system$f" && ! -L "$system$f" ]]; then echo "$f"; fi; done)
in_system useradd -m planner

# --- Used as an ordinary user ------------------------------------------------------------------------
if out=$(as_user "xiuhua-cli --version" 2>&1) && grep -q "^xiuhua-cli $version (Qt " <<<"$out"; then pass "xiuhua-cli --version: $out"
else fail "xiuhua-cli --version: $out"; fi
if out=$(as_user "xiuhua-cli report --project /usr/share/xiuhua/demo/jiading-demo.xhp --year 2024 --out ~/report.pdf" 2>&1) \
   && [[ -s "$system/home/planner/report.pdf" ]] && head -c 5 "$system/home/planner/report.pdf" | grep -q '%PDF-'; then
  pass "report of the installed demo where it is ($(stat -c %s "$system/home/planner/report.pdf") bytes)"
else
  fail "report of the installed demo where it is"; printf '%s\n' "$out" | tail -5 | sed 's/^/    /'
fi
if out=$(as_user "xiuhua-cli compute --project /usr/share/xiuhua/demo/jiading-demo.xhp --year 2024" 2>&1); then
  fail "compute refuses the installed demo (it computed)"
elif grep -q "jiading-demo.xhp is read-only" <<<"$out"; then pass "compute refuses the installed demo, naming it"
else fail "compute refuses the installed demo, naming it"; printf '%s\n' "$out" | tail -5 | sed 's/^/    /'; fi

# The display is not part of the package: a desktop has one; here xvfb stands in, installed after.
if in_system timeout 1200 apt-get install -y -q xvfb xauth >"$work/xvfb.log" 2>&1; then
  as_user "xvfb-run -a -s '-screen 0 1400x900x24' xiuhua --demo --lang zh_CN --screenshot ~/demo.png" >"$work/gui.log" 2>&1 || true
  copy="$system/home/planner/Documents/Xiuhua/jiading-demo/jiading-demo.xhp"
  if [[ -f $copy && $(stat -c %s "$system/home/planner/demo.png" 2>/dev/null || echo 0) -gt 50000 ]]; then
    pass "xiuhua --demo: the copy in ~/Documents/Xiuhua/jiading-demo opened and rendered"
    cp "$system/home/planner/demo.png" "$root/$build/fresh-demo-copy.png"
  else
    fail "xiuhua --demo: the copy in ~/Documents/Xiuhua/jiading-demo opened and rendered"; tail -10 "$work/gui.log" | sed 's/^/    /'
  fi
  if out=$(as_user "xiuhua-cli compute --project ~/Documents/Xiuhua/jiading-demo/jiading-demo.xhp --year 2024 --indicator JD14-13" 2>&1); then
    pass "compute on the user's copy: $out"
  else
    fail "compute on the user's copy"; printf '%s\n' "$out" | tail -5 | sed 's/^/    /'
  fi
else
  fail "apt-get install xvfb xauth (for the screenshot)"; tail -5 "$work/xvfb.log" | sed 's/^/    /'
fi

# --- Remove -------------------------------------------------------------------------------------------
if in_system apt-get remove --purge -y -q xiuhua >"$work/remove.log" 2>&1; then pass "apt-get remove --purge xiuhua"
else fail "apt-get remove --purge xiuhua"; tail -5 "$work/remove.log" | sed 's/^/    /'; fi
left=()
for f in "${package_files[@]}"; do [[ -e "$system$f" ]] && left+=("$f"); done
for d in /usr/share/xiuhua /usr/share/doc/xiuhua; do [[ -e "$system$d" ]] && left+=("$d"); done
if [[ ${#left[@]} -eq 0 ]]; then pass "nothing of the ${#package_files[@]} files left after purge"; else fail "left after purge: ${left[*]}"; fi
if [[ -d "$system/home/planner/Documents/Xiuhua/jiading-demo" ]]; then pass "the user's copy of the demo stays (it is the user's)"
else fail "the user's copy of the demo stays"; fi

echo "test-package-fresh: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
