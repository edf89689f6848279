#!/usr/bin/env bash
# A local PostgreSQL 15 with pgvector for STORE=postgres, on a Debian bookworm machine (run as root):
# installs postgresql-15 and its server headers, builds pgvector from Debian's own source package
# (bookworm has no pgvector package; trixie's source builds against PostgreSQL 15 in seconds),
# starts a cluster listening on 127.0.0.1 only, creates the database and prints its DATABASE_URL.
#
#   scripts/postgres-local.sh            # install, build, start; prints DATABASE_URL=...
#   scripts/postgres-local.sh stop       # stops the cluster it started
#
# Settings (environment): PG_DIR (cluster and build folder, default /var/tmp/gaoxin-pg),
# PG_PORT (default 54329), PG_DB (default gaoxin), PG_MAINTENANCE_WORK_MEM (default 1GB: an HNSW
# build wants its whole graph in it, ~1 GB at 100,000 256-d passages; give ~4GB for 1,000,000, or the
# build spills to disk and crawls; takes effect when the cluster starts). Nothing outside PG_DIR is written except what
# apt-get installs; the trixie source list lives in PG_DIR, not in /etc/apt.
set -euo pipefail

PG_DIR=${PG_DIR:-/var/tmp/gaoxin-pg}
PG_PORT=${PG_PORT:-54329}
PG_DB=${PG_DB:-gaoxin}
PG_MAINTENANCE_WORK_MEM=${PG_MAINTENANCE_WORK_MEM:-1GB}
PG_BIN=/usr/lib/postgresql/15/bin
DATA="$PG_DIR/data"

say() { printf 'postgres-local: %s\n' "$*" >&2; }

if [[ "${1:-}" == "stop" ]]; then
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA" stop -m fast
  exit 0
fi
[[ $(id -u) -eq 0 ]] || { say "run as root (apt-get, and the cluster runs as the postgres user)"; exit 1; }

mkdir -p "$PG_DIR"
if ! dpkg -s postgresql-15 postgresql-server-dev-15 dpkg-dev build-essential >/dev/null 2>&1; then
  say "installing postgresql-15, postgresql-server-dev-15, dpkg-dev, build-essential"
  # A fresh machine (or container) may have empty package lists: install would find nothing.
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 postgresql-server-dev-15 dpkg-dev build-essential >&2
fi

if [[ ! -f /usr/share/postgresql/15/extension/vector.control ]]; then
  # apt itself fetches and verifies trixie's pgvector source package, through a source list and
  # package lists of our own (the machine's apt configuration is left as it is).
  APT_STATE="$PG_DIR/apt"
  mkdir -p "$APT_STATE/lists/partial" "$PG_DIR/src"
  cat >"$APT_STATE/trixie-src.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  APT_OPTS=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$APT_STATE"
    -o "Dir::State::Lists=$APT_STATE/lists" -o "APT::Sandbox::User=root")
  say "fetching Debian trixie's pgvector source package"
  apt-get "${APT_OPTS[@]}" update -q >&2
  (cd "$PG_DIR/src" && apt-get "${APT_OPTS[@]}" source --download-only pgvector >&2 &&
    rm -rf pgvector-src && dpkg-source -x --no-check ./pgvector_*.dsc pgvector-src >&2)
  say "building pgvector against PostgreSQL 15"
  make -C "$PG_DIR/src/pgvector-src" PG_CONFIG="$PG_BIN/pg_config" >&2
  make -C "$PG_DIR/src/pgvector-src" PG_CONFIG="$PG_BIN/pg_config" install >&2
fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  say "creating a cluster in $DATA"
  mkdir -p "$DATA"
  chown -R postgres:postgres "$DATA"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
fi
if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DATA -c shared_buffers=512MB -c maintenance_work_mem=$PG_MAINTENANCE_WORK_MEM -c max_connections=200" >&2
fi
PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
if [[ $("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") != 1 ]]; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $PG_DB"
fi
"${PSQL[@]}" -d "$PG_DB" -c "CREATE EXTENSION IF NOT EXISTS vector"
say "pgvector $("${PSQL[@]}" -d "$PG_DB" -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'") ready"
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"
