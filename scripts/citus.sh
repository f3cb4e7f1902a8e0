#!/usr/bin/env bash
# A Citus cluster for SIKIPER's tests and benchmarks, from ../shared/citus (docs/scaling.md):
#   scripts/citus.sh start [workers] [database]   install Citus if needed, start a coordinator and
#                                                  the workers (default 2), create the database afresh
#                                                  on every node (default sikiper_test) and print its URL
#   scripts/citus.sh stop                          stop every node
#   scripts/citus.sh add-worker <i> [database]     start one more worker on port 9700+i the way cluster.sh
#                                                  creates its nodes, with the database afresh and Citus
#                                                  in it; the coordinator is not told (citus_add_node)
#   scripts/citus.sh remove-worker <i>             stop a worker add-worker made and delete its data folder
# Then, for example:  SIKIPER_TEST_CITUS=$(scripts/citus.sh start) npm test
set -euo pipefail
CITUS=${CITUS_HOME:-$(cd "$(dirname "$0")/../.." && pwd)/shared/citus}
[ -x "$CITUS/cluster.sh" ] || CITUS=$(cd "$(dirname "$0")/../../shared/citus" 2>/dev/null && pwd || echo /work/shared/citus)
BASE=${CITUS_PORT:-9700}
# Where cluster.sh keeps its nodes; add-worker puts the extra worker next to them, so `stop` stops it too.
DIR=${CITUS_DIR:-/tmp/sikiper-citus}
PGBIN=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
case "${1:-}" in
  start)
    n=${2:-2}; db=${3:-sikiper_test}
    "$CITUS/install.sh" >&2
    running=1
    for i in $(seq 0 "$n"); do pg_isready -q -h 127.0.0.1 -p $((BASE + i)) || running=0; done
    [ $running = 1 ] || "$CITUS/cluster.sh" start "$n" >&2
    q() { psql -h 127.0.0.1 -p "$1" -U postgres -v ON_ERROR_STOP=1 -qAt "${@:2}"; }
    # A fresh database on every node, then the coordinator learns its workers (as cluster.sh does).
    for i in $(seq 0 "$n"); do
      q $((BASE + i)) -c "drop database if exists $db with (force)" -c "create database $db"
      q $((BASE + i)) -d "$db" -c "create extension citus"
    done
    q "$BASE" -d "$db" -c "select citus_set_coordinator_host('127.0.0.1', $BASE)" >/dev/null
    for i in $(seq 1 "$n"); do q "$BASE" -d "$db" -c "select citus_add_node('127.0.0.1', $((BASE + i)))" >/dev/null; done
    echo "postgres://postgres@127.0.0.1:$BASE/$db"
    ;;
  add-worker)
    i=${2:?worker number}; db=${3:-sikiper_test}; port=$((BASE + i)); d="$DIR/worker$i"
    "$CITUS/install.sh" >&2
    if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
      if [ ! -f "$d/PG_VERSION" ]; then
        mkdir -p "$d"; [ "$(id -u)" = 0 ] && chown -R postgres "$DIR"
        as_pg "$PGBIN/initdb -D $d -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
        # The same settings as cluster.sh's nodes.
        cat >> "$d/postgresql.conf" <<CONF
shared_preload_libraries = 'citus'
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR'
max_connections = 300
shared_buffers = 256MB
fsync = on
CONF
        # Marks the folder as one add-worker made, so that remove-worker never deletes cluster.sh's own nodes.
        touch "$d/.add-worker"
      fi
      as_pg "$PGBIN/pg_ctl -D $d -l $d/log -w start >/dev/null" || { tail -20 "$d/log" >&2; exit 1; }
    fi
    psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt -c "drop database if exists $db with (force)" -c "create database $db" >&2
    psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt -d "$db" -c "create extension citus" >&2
    echo "127.0.0.1 $port"
    ;;
  remove-worker)
    i=${2:?worker number}; d="$DIR/worker$i"
    [ -d "$d" ] || exit 0
    [ -f "$d/.add-worker" ] || { echo "$d was not made by add-worker: left alone" >&2; exit 2; }
    if [ -f "$d/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl -D $d -w stop -m fast >/dev/null"; fi
    rm -rf "$d"
    ;;
  stop) "$CITUS/cluster.sh" stop ;;
  *) echo "usage: $0 start [workers] [database] | add-worker <i> [database] | remove-worker <i> | stop" >&2; exit 2 ;;
esac
