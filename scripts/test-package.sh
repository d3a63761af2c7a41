#!/usr/bin/env bash
# Builds the Debian package (Release build in build-package/, CPack), checks its contents and
# lintian, installs it with apt (so that the dependencies resolve), runs the installed programs on a
# copy of the installed demo project, removes it again with --purge and checks that nothing of it is
# left. What CI runs after ./test.sh. Prints a PASS or FAIL line per check; exits non-zero if any
# check failed. Safe to re-run: an installed xiuhua is removed first. Uses apt-get directly as root,
# through sudo otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=build-package

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

passed=0
failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
# check DESCRIPTION COMMAND...: runs the command quietly (its output is shown on failure).
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then pass "$what"; else fail "$what"; printf '%s\n' "$out" | tail -20 | sed 's/^/    /'; fi
}
# A failure after which the rest cannot run.
abort() { fail "$*"; echo "test-package: aborted ($passed passed, $failed failed)"; exit 1; }

is_installed() { [[ $(dpkg-query -W -f='${Status}' xiuhua 2>/dev/null || true) == "install ok installed" ]]; }
purge() { "${sudo_cmd[@]}" apt-get remove --purge -y xiuhua >/dev/null; }

tmp=$(mktemp -d /tmp/xiuhua-package-test.XXXXXX)
installed_here=0
cleanup() {
  if [[ $installed_here -eq 1 ]] && is_installed; then
    echo "test-package: removing the package installed by this run"
    purge || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- Build -------------------------------------------------------------------------------------------
scripts/install-deps.sh
if is_installed; then
  echo "test-package: removing the xiuhua package installed before"
  purge
fi

version=$(sed -n 's/^project(Xiuhua VERSION \([0-9][0-9.]*\).*/\1/p' CMakeLists.txt)
[[ -n "$version" ]] || abort "project version found in CMakeLists.txt"
deb="$build/xiuhua_${version}_amd64.deb"

# Dates in the changelog and the metainfo: the last commit's (reproducible).
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
# Debian's hardening flags (lintian checks them); no -g: the binaries are stripped anyway.
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
cxxflags=$(sed -E 's/(^| )-g( |$)/ /g' <<<"$cxxflags")
ldflags=$(dpkg-buildflags --get LDFLAGS)

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DXIUHUA_BUILD_TESTS=OFF -DXIUHUA_BUILD_BENCHMARKS=OFF \
      -DXIUHUA_SANITIZE=OFF -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null
cmake --build "$build" -j"$(nproc)" --target xiuhua xiuhua-cli xiuhua-package-data
rm -f "$build"/xiuhua_*.deb
(cd "$build" && cpack -G DEB) || abort "cpack builds the package"
[[ -f "$deb" ]] || abort "cpack wrote $deb"
pass "package built: $deb ($(du -k "$deb" | cut -f1) KiB)"

# --- Contents ----------------------------------------------------------------------------------------
contents=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
expected=(
  /usr/bin/xiuhua /usr/bin/xiuhua-cli
  /usr/share/applications/xiuhua.desktop
  /usr/share/icons/hicolor/scalable/apps/xiuhua.svg
  /usr/share/mime/packages/xiuhua.xml
  /usr/share/metainfo/xiuhua.metainfo.xml
  /usr/share/man/man1/xiuhua.1.gz /usr/share/man/man1/xiuhua-cli.1.gz
  /usr/share/doc/xiuhua/copyright /usr/share/doc/xiuhua/changelog.gz
  /usr/share/xiuhua/demo/jiading-demo.xhp /usr/share/xiuhua/demo/jiading.gpkg
  /usr/share/xiuhua/demo/roads/roads.shp /usr/share/xiuhua/demo/overhead_lines/overhead_lines.dbf
  /usr/share/xiuhua/demo/bus_stops.csv /usr/share/xiuhua/demo/population_100m.tif
  /usr/share/xiuhua/demo-putuo/putuo-demo.xhp /usr/share/xiuhua/demo-putuo/putuo.gpkg
  /usr/share/xiuhua/catalogs/jiading-14th-fyp.csv
)
for size in 16 22 24 32 48 64 128 256; do expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/xiuhua.png"); done
missing=()
for f in "${expected[@]}"; do grep -qxF "$f" <<<"$contents" || missing+=("$f"); done
if [[ ${#missing[@]} -eq 0 ]]; then pass "dpkg-deb -c: all ${#expected[@]} expected files"; else fail "dpkg-deb -c: missing ${missing[*]}"; fi
if grep -E -e '-(wal|shm|journal)$' -e '/\.[^/]+$' <<<"$contents"; then fail "no SQLite side files or hidden files in the package"; else pass "no SQLite side files or hidden files in the package"; fi

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == xiuhua && $(field Version) == "$version" && $(field Architecture) == amd64 ]] \
  && pass "control: xiuhua $version amd64" || fail "control: Package/Version/Architecture $(field Package) $(field Version) $(field Architecture)"
[[ $(field Section) == science && $(field Priority) == optional ]] && pass "control: section science, priority optional" \
  || fail "control: section $(field Section), priority $(field Priority)"
depends=$(field Depends)
echo "    Depends: $depends"
for dep in libqt6widgets6 libqt6svg6 libgdal libgeos-c libproj libsqlite3 libpq5 libqt6keychain1 libqcustomplot fonts-noto-cjk fonts-wqy-microhei; do
  if grep -q "$dep" <<<"$depends"; then pass "Depends has $dep"; else fail "Depends has $dep"; fi
done
# A PostGIS user needs the client library only; the server is the district's (or scripts/postgis-demo.sh's).
if grep -qE "postgresql|postgis" <<<"$depends"; then fail "Depends has no PostgreSQL server"; else pass "Depends has no PostgreSQL server"; fi

# The files as installed: stripped, no RPATH/RUNPATH, icons of the right size.
staged="$tmp/staged"
dpkg-deb -x "$deb" "$staged"
for exe in xiuhua xiuhua-cli; do
  if readelf -d "$staged/usr/bin/$exe" | grep -qE 'RPATH|RUNPATH'; then fail "/usr/bin/$exe has no RPATH"; else pass "/usr/bin/$exe has no RPATH"; fi
  if file "$staged/usr/bin/$exe" | grep -q ', stripped'; then pass "/usr/bin/$exe is stripped"; else fail "/usr/bin/$exe is stripped"; fi
done
if file "$staged/usr/share/icons/hicolor/48x48/apps/xiuhua.png" | grep -q '48 x 48'; then pass "48x48 icon is 48 x 48 pixels"; else fail "48x48 icon is 48 x 48 pixels"; fi
check "man pages format without warnings" \
  sh -c "for p in '$staged'/usr/share/man/man1/*.1.gz; do LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l \"\$p\" 2>&1 >/dev/null | grep . && exit 1; done; exit 0"

lintian_args=(--tag-display-limit 0)
if [[ $(id -u) -eq 0 ]]; then lintian_args+=(--allow-root); fi
lintian_out=$(lintian "${lintian_args[@]}" "$deb" 2>&1 || true)
[[ -n "$lintian_out" ]] && printf '%s\n' "$lintian_out" | sed 's/^/    lintian: /'
if grep -q '^E:' <<<"$lintian_out"; then fail "lintian: no errors"; else pass "lintian: no errors ($(grep -c '^W:' <<<"$lintian_out" || true) warnings)"; fi

# --- Install -----------------------------------------------------------------------------------------
installed_here=1
"${sudo_cmd[@]}" apt-get install -y "$root/$deb" >"$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log"; abort "apt-get install ./$deb"; }
is_installed && pass "apt-get install ./$deb" || abort "apt-get install ./$deb"
mapfile -t package_files < <(dpkg -L xiuhua | while IFS= read -r f; do if [[ -f "$f" && ! -L "$f" ]]; then echo "$f"; fi; done)
echo "    ${#package_files[@]} files installed"

# Only installed files from here on: absolute paths, a working directory outside the source tree,
# settings in the temporary directory (not in the home of whoever runs this).
cd "$tmp"
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_DATA_HOME="$tmp/data"
export XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

if /usr/bin/xiuhua-cli --version | tee "$tmp/version.txt" | grep -q "^xiuhua-cli $version (Qt "; then
  pass "xiuhua-cli --version: $(cat "$tmp/version.txt")"
else
  fail "xiuhua-cli --version shows $version: $(cat "$tmp/version.txt")"
fi
check "man -w xiuhua-cli finds the installed page" sh -c 'man -w xiuhua-cli | grep -q /usr/share/man/man1/xiuhua-cli.1.gz'

cp -r /usr/share/xiuhua/demo "$tmp/demo"
project="$tmp/demo/jiading-demo.xhp"
check "xiuhua-cli compute --year 2024 on a copy of the installed demo" \
  timeout 600 /usr/bin/xiuhua-cli compute --project "$project" --year 2024
if timeout 600 /usr/bin/xiuhua-cli report --project "$project" --year 2024 --out "$tmp/r.pdf" >"$tmp/report.log" 2>&1; then
  pages=$(pdfinfo "$tmp/r.pdf" | awk '/^Pages:/ {print $2}')
  if [[ ${pages:-0} -ge 5 ]]; then pass "xiuhua-cli report: $pages pages"; else fail "xiuhua-cli report: $pages pages (at least 5)"; fi
  check "report sets Chinese in WenQuanYi Micro Hei" sh -c "pdffonts '$tmp/r.pdf' | grep -qi wenquanyi"
else
  fail "xiuhua-cli report"; tail -20 "$tmp/report.log" | sed 's/^/    /'
fi

# The Putuo demo: its shares and per-capita figures computed by the installed engine, and the
# doubtful rows 待确认 in its status.
cp -r /usr/share/xiuhua/demo-putuo "$tmp/demo-putuo"
check "xiuhua-cli compute --year 2025 on a copy of the installed Putuo demo" \
  timeout 600 /usr/bin/xiuhua-cli compute --project "$tmp/demo-putuo/putuo-demo.xhp" --year 2025
check "xiuhua-cli indicators status of the Putuo demo: PT14-16 待确认" sh -c \
  "/usr/bin/xiuhua-cli indicators status --project '$tmp/demo-putuo/putuo-demo.xhp' --year 2025 --json | grep -q '\"unconfirmed\"'"

shot="$tmp/shot.png"
timeout 300 xvfb-run -a /usr/bin/xiuhua "$project" --screenshot "$shot" >"$tmp/gui.log" 2>&1 || true
shot_bytes=$(stat -c %s "$shot" 2>/dev/null || echo 0)
if [[ $shot_bytes -gt 50000 ]]; then
  pass "GUI screenshot under xvfb: $shot_bytes bytes"
  cp "$shot" "$root/$build/installed-screenshot.png"
else
  fail "GUI screenshot under xvfb ($shot_bytes bytes)"; tail -20 "$tmp/gui.log" | sed 's/^/    /'
fi

# The installed demo used where it is, by root (this script) and by an ordinary user: read-only
# (Xiuhua writes nothing under /usr/share, even as root), so reading and reporting work, computing
# is refused, and not a file in /usr/share/xiuhua/demo changes or appears (no SQLite -wal/-shm, no
# lock, no results).
demo_dir=/usr/share/xiuhua/demo
demo_project=$demo_dir/jiading-demo.xhp
demo_state() { (cd "$demo_dir" && find . -printf '%p %m %s\n' | sort && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
demo_before=$(demo_state)
user_home="$tmp/user"
mkdir -p "$user_home/runtime" && chmod 711 "$tmp" && chmod 700 "$user_home/runtime"
"${sudo_cmd[@]}" chown -R nobody:nogroup "$user_home"
# run_as WHO COMMAND...: runs the command as root or as the unprivileged user nobody.
run_as() {
  local who=$1
  shift
  if [[ $who == root ]]; then "${sudo_cmd[@]}" "$@"; return; fi
  "${sudo_cmd[@]}" setpriv --reuid=nobody --regid=nogroup --clear-groups \
    env HOME="$user_home" XDG_CONFIG_HOME="$user_home/config" XDG_CACHE_HOME="$user_home/cache" \
        XDG_DATA_HOME="$user_home/data" XDG_RUNTIME_DIR="$user_home/runtime" "$@"
}
for who in root nobody; do
  out_dir=$([[ $who == root ]] && echo "$tmp" || echo "$user_home")
  check "$who: xiuhua-cli project-info on the installed demo in place" \
    run_as "$who" sh -c "/usr/bin/xiuhua-cli project-info --project '$demo_project' | grep -q jiading.gpkg"
  if run_as "$who" timeout 600 /usr/bin/xiuhua-cli report --project "$demo_project" --year 2024 --out "$out_dir/in-place.pdf" \
       >"$tmp/in-place-$who.log" 2>&1 && [[ $(pdfinfo "$out_dir/in-place.pdf" | awk '/^Pages:/ {print $2}') -ge 5 ]]; then
    pass "$who: xiuhua-cli report on the installed demo in place"
  else
    fail "$who: xiuhua-cli report on the installed demo in place"; tail -5 "$tmp/in-place-$who.log" | sed 's/^/    /'
  fi
  if run_as "$who" /usr/bin/xiuhua-cli compute --project "$demo_project" --year 2024 >"$tmp/refused-$who.log" 2>&1; then
    fail "$who: xiuhua-cli compute refuses the read-only demo (it computed)"
  elif grep -q "$demo_project is read-only" "$tmp/refused-$who.log"; then
    pass "$who: xiuhua-cli compute refuses the read-only demo, naming it"
  else
    fail "$who: xiuhua-cli compute refuses the read-only demo, naming it"; tail -5 "$tmp/refused-$who.log" | sed 's/^/    /'
  fi
done
in_place_shot="$user_home/in-place.png"
run_as nobody timeout 300 xvfb-run -a /usr/bin/xiuhua "$demo_project" --lang zh_CN --screenshot "$in_place_shot" >"$tmp/gui-in-place.log" 2>&1 || true
if [[ $(stat -c %s "$in_place_shot" 2>/dev/null || echo 0) -gt 50000 ]]; then
  pass "GUI opens the installed demo in place (read-only) as an ordinary user"
  cp "$in_place_shot" "$root/$build/installed-demo-in-place.png"
else
  fail "GUI opens the installed demo in place"; tail -10 "$tmp/gui-in-place.log" | sed 's/^/    /'
fi
# xiuhua --demo (Project -> Open the demo project, the menu entry's action): the user's own copy.
demo_shot="$user_home/demo-copy.png"
run_as nobody timeout 300 xvfb-run -a /usr/bin/xiuhua --demo --screenshot "$demo_shot" >"$tmp/gui-demo.log" 2>&1 || true
copy="$user_home/Documents/Xiuhua/jiading-demo/jiading-demo.xhp"
if [[ -f $copy && $(stat -c %U "$copy") == nobody && $(stat -c %s "$demo_shot" 2>/dev/null || echo 0) -gt 50000 ]]; then
  pass "xiuhua --demo copies the demo to ~/Documents/Xiuhua/jiading-demo and opens it"
else
  fail "xiuhua --demo copies the demo to ~/Documents/Xiuhua/jiading-demo and opens it"; tail -10 "$tmp/gui-demo.log" | sed 's/^/    /'
fi
check "the user's copy of the demo computes" run_as nobody timeout 600 /usr/bin/xiuhua-cli compute --project "$copy" --year 2024 --indicator JD14-13
check "xiuhua.desktop offers the demo action" grep -qx 'Exec=xiuhua --demo' /usr/share/applications/xiuhua.desktop
# After every use of the installed demo above (in place, and as the source of the copy).
if [[ "$(demo_state)" == "$demo_before" ]]; then pass "nothing in $demo_dir changed or appeared"
else fail "nothing in $demo_dir changed or appeared:"; { diff <(echo "$demo_before") <(demo_state) || true; } | head -10 | sed 's/^/    /'; fi

check "desktop-file-validate xiuhua.desktop" desktop-file-validate /usr/share/applications/xiuhua.desktop
appstream_out=$(appstreamcli validate --no-net /usr/share/metainfo/xiuhua.metainfo.xml 2>&1 || true)
if grep -q '^E:' <<<"$appstream_out"; then fail "appstreamcli validate: no errors"; printf '%s\n' "$appstream_out" | sed 's/^/    /'
else pass "appstreamcli validate: no errors$(grep -q '^W:' <<<"$appstream_out" && echo " ($(grep '^W:' <<<"$appstream_out" | tr '\n' ' '))")"; fi
check "MIME database knows application/x-xiuhua-project" test -f /usr/share/mime/application/x-xiuhua-project.xml
check "double-click: xiuhua.desktop handles application/x-xiuhua-project" \
  grep -q '^application/x-xiuhua-project=.*xiuhua.desktop' /usr/share/applications/mimeinfo.cache
if command -v gio >/dev/null; then
  type=$(gio info -a standard::content-type "$project" 2>/dev/null | awk '/standard::content-type/ {print $2}')
  [[ $type == application/x-xiuhua-project ]] && pass "gio: an .xhp is application/x-xiuhua-project" || fail "gio: an .xhp is $type"
else
  echo "SKIP: gio not installed, the file type of an .xhp not queried"
fi
cd "$root"

# --- Remove ------------------------------------------------------------------------------------------
purge && ! is_installed && pass "apt-get remove --purge xiuhua" || fail "apt-get remove --purge xiuhua"
installed_here=0
left=()
for f in "${package_files[@]}"; do [[ -e "$f" || -L "$f" ]] && left+=("$f"); done
for d in /usr/share/xiuhua /usr/share/doc/xiuhua; do [[ -e "$d" ]] && left+=("$d"); done
if [[ ${#left[@]} -eq 0 ]]; then pass "nothing of the ${#package_files[@]} files left after purge"; else fail "left after purge: ${left[*]}"; fi
check "MIME database forgot application/x-xiuhua-project" test ! -e /usr/share/mime/application/x-xiuhua-project.xml

echo "test-package: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
