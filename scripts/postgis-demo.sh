#!/usr/bin/env bash
# A local PostgreSQL + PostGIS server with the demo projects' layers, to try Xiuhua's PostGIS side on
# one machine (README: "PostGIS"). The server is the same kind ./test.sh starts (scripts/pg-cluster.sh):
# a Unix socket in its folder and 127.0.0.1 at a free port, scram-sha-256 passwords, SSL.
#   scripts/postgis-demo.sh [start]   install what is missing, start it, load the layers, print how to connect
#   scripts/postgis-demo.sh stop      stop it and remove its folder
#   scripts/postgis-demo.sh status    say whether it runs, and how to connect
# Its folder: $XIUHUA_PG_DEMO_DIR, default /tmp/xiuhua-pg-demo-UID (short: the socket's path is limited).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

dir=${XIUHUA_PG_DEMO_DIR:-/tmp/xiuhua-pg-demo-$(id -u)}
env_file=$dir/connection.env
command=${1:-start}

print_connection() {
  # shellcheck disable=SC1090
  source "$env_file"
  cat <<EOF
The demo server runs: PostgreSQL with PostGIS on 127.0.0.1:$XIUHUA_PG_PORT (and the socket in $dir).
Schemas jiading and putuo hold the demo projects' layers; the user xh_user may read and write them.

To connect, point libpq at the server's service and password files:
  export PGSERVICEFILE=$XIUHUA_PG_SERVICEFILE PGPASSFILE=$XIUHUA_PG_PASSFILE
then, for example:
  build/app/xiuhua-cli pg check --connection service=xiuhua_demo
  build/app/xiuhua-cli pg tables --connection service=xiuhua_demo
  build/app/xiuhua-cli info PG:service=xiuhua_demo --layer jiading.subdistricts
  build/app/xiuhua-cli count --features "PG:service=xiuhua_demo|layername=jiading.parks" --per "PG:service=xiuhua_demo|layername=jiading.subdistricts" --per-field name
  psql service=xiuhua_demo
The passwords are in $XIUHUA_PG_PASSFILE (made for this server). Stop it with: scripts/postgis-demo.sh stop
EOF
}

running() { [[ -f "$env_file" && -f "$dir/data/postmaster.pid" ]]; }

case "$command" in
  stop)
    if [[ -f "$env_file" ]]; then
      # shellcheck disable=SC1090
      source "$env_file"
      source scripts/pg-cluster.sh
      XIUHUA_PG_STARTED=1 _XH_PG_OWNED=0 xh_pg_stop
    fi
    rm -rf "$dir"
    echo "The demo server is stopped and $dir removed."
    exit 0 ;;
  status)
    if running; then print_connection; else echo "The demo server is not running (scripts/postgis-demo.sh start)."; fi
    exit 0 ;;
  start) ;;
  *) echo "usage: scripts/postgis-demo.sh [start|stop|status]" >&2; exit 2 ;;
esac

if running; then
  print_connection
  exit 0
fi
if [[ -e "$dir" ]]; then
  echo "postgis-demo: $dir exists but holds no running demo server; remove it (scripts/postgis-demo.sh stop) and start again." >&2
  exit 1
fi

scripts/install-deps.sh --postgis
source scripts/pg-cluster.sh
trap 'echo "postgis-demo: failed; stopping the server" >&2; xh_pg_stop' ERR
XIUHUA_PG_STARTED=0
mkdir -p "$dir"
XH_PG_DATABASE=xiuhua_demo
_XH_PG_OWNED=1 xh_pg_start "$dir"
_XH_PG_OWNED=1

# The demo's layers, each schema owned by the demo user. GeoPackages are UTF-8; the GBK shapefile
# without a .cpg (overhead_lines: see data/demo/README.md) is read as CP936, as Xiuhua detects it.
export PGSERVICEFILE=$XIUHUA_PG_SERVICEFILE PGPASSFILE=$XIUHUA_PG_PASSFILE
psql_user=( "$XIUHUA_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "service=xiuhua_demo" )
"${psql_user[@]}" -c "CREATE SCHEMA jiading; CREATE SCHEMA putuo;"
load() {  # SCHEMA SOURCE [ogr2ogr options…]
  local schema=$1 source=$2
  shift 2
  ogr2ogr -f PostgreSQL "PG:service=xiuhua_demo" "$source" -lco SCHEMA="$schema" -lco GEOMETRY_NAME=geom \
    -lco FID=fid -lco SPATIAL_INDEX=GIST "$@"
}
load jiading "$root/data/demo/jiading.gpkg"
load jiading "$root/data/demo/roads/roads.shp" -nln roads
SHAPE_ENCODING=CP936 load jiading "$root/data/demo/overhead_lines/overhead_lines.shp" -nln overhead_lines
load putuo "$root/data/demo-putuo/putuo.gpkg"
# Row estimates for the browser: the demo's schemas, by their owner.
"${psql_user[@]}" -c "SELECT format('ANALYZE %I.%I;', schemaname, tablename) FROM pg_tables WHERE schemaname IN ('jiading', 'putuo')" \
  -t -A | "${psql_user[@]}"
trap - ERR

{
  for name in XIUHUA_PG_PORT XIUHUA_PG_SERVICEFILE XIUHUA_PG_PASSFILE XIUHUA_PG_BIN XIUHUA_PG_DIR XH_PG_BIN; do
    printf '%s=%q\n' "$name" "${!name}"
  done
} > "$env_file"
print_connection
