# A throwaway PostgreSQL 15 + PostGIS cluster for the tests (./test.sh) and the demo server
# (scripts/postgis-demo.sh). Source it, then:
#   xh_pg_start [FOLDER]   initdb in FOLDER (default: a new temporary folder), start the server on a
#                          Unix socket in that folder and on 127.0.0.1 at a free port, scram-sha-256
#                          passwords, SSL with a certificate made for this run; exports XIUHUA_PG_*
#   xh_pg_stop             stop the server and remove the folder (only one xh_pg_start made)
# As root the server runs as the `postgres` system user (PostgreSQL refuses root), the folder owned by
# it; otherwise as the current user. Every failure says why and returns non-zero.
#
# Roles: xh_admin (superuser, owns the cluster), xh_user (creates schemas in the database), xh_ssl
# (refused without SSL), xh_reader (may only connect: tests grant it SELECT where they need to).
# Database xiuhua_test ($XH_PG_DATABASE) with PostGIS, reached as service xiuhua_test (TCP) or
# xiuhua_test_socket; a second database xiuhua_plain without PostGIS.

XH_PG_BIN=${XH_PG_BIN:-/usr/lib/postgresql/15/bin}
XH_PG_DATABASE=${XH_PG_DATABASE:-xiuhua_test}   # the database with PostGIS, and the service naming it

_xh_pg_as_owner() {
  if [[ $(id -u) -eq 0 ]]; then (cd "$XIUHUA_PG_DIR" && runuser -u postgres -- "$@"); else "$@"; fi
}

_xh_pg_fail() {
  echo "pg-cluster: $*" >&2
  if [[ -n "${XIUHUA_PG_DIR:-}" && -f "$XIUHUA_PG_DIR/server.log" ]]; then
    echo "pg-cluster: the server's log ($XIUHUA_PG_DIR/server.log):" >&2
    tail -n 30 "$XIUHUA_PG_DIR/server.log" >&2
  fi
  return 1
}

_xh_pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

xh_pg_start() {
  [[ -x "$XH_PG_BIN/initdb" ]] || { _xh_pg_fail "$XH_PG_BIN/initdb is missing: install postgresql-15 (scripts/install-deps.sh --postgis)"; return 1; }
  [[ -f /usr/share/postgresql/15/extension/postgis.control ]] ||
    { _xh_pg_fail "PostGIS is missing: install postgresql-15-postgis-3 (scripts/install-deps.sh --postgis)"; return 1; }
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    _xh_pg_fail "running as root, but there is no 'postgres' system user to run the server as (it comes with postgresql-15)"
    return 1
  fi
  # The socket's path must stay under 107 bytes: a short folder in /tmp, not under the checkout.
  if [[ -n "${1:-}" ]]; then
    XIUHUA_PG_DIR=$1; mkdir -p "$XIUHUA_PG_DIR"; _XH_PG_OWNED=0
  else
    XIUHUA_PG_DIR=$(mktemp -d /tmp/xhpg.XXXXXX) || { _xh_pg_fail "cannot make a temporary folder in /tmp"; return 1; }
    _XH_PG_OWNED=1
  fi
  export XIUHUA_PG_DIR
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$XIUHUA_PG_DIR"
  chmod 0755 "$XIUHUA_PG_DIR"   # the clients (the tests, as the calling user) reach the socket and the files below

  local port admin_pw user_pw ssl_pw reader_pw
  port=$(_xh_pg_free_port) || { _xh_pg_fail "no free TCP port on 127.0.0.1"; return 1; }
  admin_pw=$(openssl rand -hex 16); user_pw=$(openssl rand -hex 16); ssl_pw=$(openssl rand -hex 16); reader_pw=$(openssl rand -hex 16)

  # A certificate for this run: the server's key readable by the server only; clients verify
  # against the certificate itself (sslmode=verify-full with sslrootcert).
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$XIUHUA_PG_DIR/server.key" -out "$XIUHUA_PG_DIR/server.crt" >/dev/null 2>&1 ||
    { _xh_pg_fail "openssl could not make the run's certificate"; return 1; }
  chmod 0600 "$XIUHUA_PG_DIR/server.key"; chmod 0644 "$XIUHUA_PG_DIR/server.crt"
  printf '%s\n' "$admin_pw" > "$XIUHUA_PG_DIR/admin.pw"; chmod 0600 "$XIUHUA_PG_DIR/admin.pw"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$XIUHUA_PG_DIR/server.key" "$XIUHUA_PG_DIR/admin.pw"; fi

  _xh_pg_as_owner "$XH_PG_BIN/initdb" -D "$XIUHUA_PG_DIR/data" -U xh_admin --pwfile="$XIUHUA_PG_DIR/admin.pw" \
    -E UTF8 --locale=C --auth-local=scram-sha-256 --auth-host=scram-sha-256 --no-sync \
    >"$XIUHUA_PG_DIR/initdb.log" 2>&1 ||
    { cat "$XIUHUA_PG_DIR/initdb.log" >&2; _xh_pg_fail "initdb failed in $XIUHUA_PG_DIR/data"; return 1; }
  rm -f "$XIUHUA_PG_DIR/admin.pw"

  cat >>"$XIUHUA_PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$XIUHUA_PG_DIR'
ssl = on
ssl_cert_file = '$XIUHUA_PG_DIR/server.crt'
ssl_key_file = '$XIUHUA_PG_DIR/server.key'
password_encryption = scram-sha-256
# Throwaway: no flush to disk (a killed server loses nothing the OS holds; the machine is not
# expected to crash). Commits stay synchronous: a test kills the server and counts on them.
fsync = off
full_page_writes = off
max_connections = 60
lc_messages = 'C'
EOF
  cat >"$XIUHUA_PG_DIR/data/pg_hba.conf" <<EOF
# TYPE     DATABASE  USER     ADDRESS        METHOD
local      all       all                     scram-sha-256
hostnossl  all       xh_ssl   127.0.0.1/32   reject
host       all       all      127.0.0.1/32   scram-sha-256
EOF

  _xh_pg_as_owner "$XH_PG_BIN/pg_ctl" -D "$XIUHUA_PG_DIR/data" -l "$XIUHUA_PG_DIR/server.log" -w -t 60 start >/dev/null ||
    { _xh_pg_fail "the server did not start (port $port)"; return 1; }
  XIUHUA_PG_STARTED=1

  # What the clients use: a password file (libpq refuses one others can read) and a service file.
  export XIUHUA_PG_HOST=127.0.0.1 XIUHUA_PG_PORT=$port XIUHUA_PG_DBNAME=$XH_PG_DATABASE XIUHUA_PG_USER=xh_user
  export XIUHUA_PG_PASSWORD=$user_pw XIUHUA_PG_ADMIN_USER=xh_admin XIUHUA_PG_ADMIN_PASSWORD=$admin_pw
  export XIUHUA_PG_SSL_USER=xh_ssl XIUHUA_PG_SSL_PASSWORD=$ssl_pw XIUHUA_PG_READER_USER=xh_reader XIUHUA_PG_READER_PASSWORD=$reader_pw
  export XIUHUA_PG_SOCKET_DIR=$XIUHUA_PG_DIR XIUHUA_PG_SSL_ROOTCERT=$XIUHUA_PG_DIR/server.crt
  export XIUHUA_PG_BIN=$XH_PG_BIN XIUHUA_PG_DATA=$XIUHUA_PG_DIR/data XIUHUA_PG_SERVICE=$XH_PG_DATABASE
  export XIUHUA_PG_PASSFILE=$XIUHUA_PG_DIR/pgpass XIUHUA_PG_SERVICEFILE=$XIUHUA_PG_DIR/pg_service.conf
  export XIUHUA_PG_RUN_AS=$([[ $(id -u) -eq 0 ]] && echo postgres || id -un)
  {
    for host in 127.0.0.1 localhost "$XIUHUA_PG_DIR"; do
      echo "$host:$port:*:xh_admin:$admin_pw"
      echo "$host:$port:*:xh_user:$user_pw"
      echo "$host:$port:*:xh_ssl:$ssl_pw"
      echo "$host:$port:*:xh_reader:$reader_pw"
    done
  } >"$XIUHUA_PG_PASSFILE"
  chmod 0600 "$XIUHUA_PG_PASSFILE"
  cat >"$XIUHUA_PG_SERVICEFILE" <<EOF
[$XH_PG_DATABASE]
host=127.0.0.1
port=$port
dbname=$XH_PG_DATABASE
user=xh_user
sslmode=disable

[${XH_PG_DATABASE}_socket]
host=$XIUHUA_PG_DIR
port=$port
dbname=$XH_PG_DATABASE
user=xh_user
EOF
  chmod 0644 "$XIUHUA_PG_SERVICEFILE"

  PGPASSFILE=$XIUHUA_PG_PASSFILE "$XH_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    "host=$XIUHUA_PG_DIR port=$port dbname=postgres user=xh_admin" >"$XIUHUA_PG_DIR/setup.log" 2>&1 <<EOF ||
CREATE ROLE xh_user LOGIN PASSWORD '$user_pw';
CREATE ROLE xh_ssl LOGIN PASSWORD '$ssl_pw';
CREATE ROLE xh_reader LOGIN PASSWORD '$reader_pw';
CREATE DATABASE $XH_PG_DATABASE OWNER xh_user;
CREATE DATABASE xiuhua_plain OWNER xh_user;
\c $XH_PG_DATABASE
CREATE EXTENSION postgis;
EOF
    { cat "$XIUHUA_PG_DIR/setup.log" >&2; _xh_pg_fail "the roles, databases or the PostGIS extension could not be made"; return 1; }
  echo "pg-cluster: PostgreSQL $("$XH_PG_BIN/postgres" --version | awk '{print $3}') with PostGIS on 127.0.0.1:$port and $XIUHUA_PG_DIR"
}

xh_pg_stop() {
  [[ -n "${XIUHUA_PG_DIR:-}" ]] || return 0
  if [[ "${XIUHUA_PG_STARTED:-0}" == 1 && -f "$XIUHUA_PG_DIR/data/postmaster.pid" ]]; then
    _xh_pg_as_owner "$XH_PG_BIN/pg_ctl" -D "$XIUHUA_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  XIUHUA_PG_STARTED=0
  if [[ "${_XH_PG_OWNED:-0}" == 1 ]]; then rm -rf "$XIUHUA_PG_DIR"; fi
  unset XIUHUA_PG_DIR
}
