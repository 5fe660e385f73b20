#!/usr/bin/env bash
# Start a PostgreSQL streaming replica of the local primary (127.0.0.1:5432) on 127.0.0.1:5433, for the replica
# tests (.ci/run). Idempotent: a replica already streaming there is reused; a stale data folder left by a stopped
# run is removed and taken again. Runs as root (or postgres) on Debian's PostgreSQL 15 with trust authentication.
set -euo pipefail

PRIMARY_PORT="${SAMEN_PRIMARY_PORT:-5432}"
REPLICA_PORT="${SAMEN_REPLICA_PORT:-5433}"
DATA="${SAMEN_REPLICA_DIR:-/tmp/samen-replica}"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PATH="$PGBIN:$PATH"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then (cd /tmp && "$@"); else (cd /tmp && runuser -u postgres -- "$@"); fi
}
primary() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -XAtqc "$1"; }
replica() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -XAtqc "$1" 2>/dev/null; }
streaming() { [ "$(replica "SELECT pg_is_in_recovery() AND EXISTS (SELECT FROM pg_stat_wal_receiver WHERE status = 'streaming')")" = t ]; }

if streaming; then
  echo "Replica already streaming on 127.0.0.1:$REPLICA_PORT ($DATA): reused"
  exit 0
fi
if pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT"; then
  if [ -f "$DATA/standby.signal" ]; then  # ours, started but not (yet) streaming: give it a moment below
    echo "Replica on 127.0.0.1:$REPLICA_PORT is up but not streaming; restarting it from a new base backup"
  else
    echo "127.0.0.1:$REPLICA_PORT answers but is not a replica of 127.0.0.1:$PRIMARY_PORT: stop it first" >&2
    exit 1
  fi
fi

# The primary must stream WAL, and let the postgres role connect for replication from 127.0.0.1.
if [ "$(primary "SELECT current_setting('wal_level') IN ('replica', 'logical') AND current_setting('max_wal_senders')::int > 0")" != t ]; then
  echo "The primary needs wal_level = replica and max_wal_senders > 0 (PostgreSQL's defaults); restart it with them" >&2
  exit 1
fi
hba="$(primary 'SHOW hba_file')"
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+(127\.0\.0\.1/32|all|samehost)[[:space:]]' "$hba"; then
  echo "Allowing replication connections from 127.0.0.1 in $hba"
  echo "host    replication     all             127.0.0.1/32            trust   # samen: scripts/start_replica.sh" >>"$hba"
  primary 'SELECT pg_reload_conf()' >/dev/null
  sleep 1
fi

# A stale folder (a stopped replica, a machine that rebooted, a broken backup): stop what may run there, start anew.
if [ -e "$DATA" ]; then
  echo "Removing the stale replica folder $DATA"
  as_postgres pg_ctl -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
fi

echo "Taking a base backup of 127.0.0.1:$PRIMARY_PORT into $DATA"
for attempt in 1 2 3; do
  if as_postgres pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -X stream -c fast; then
    break
  fi
  [ "$attempt" = 3 ] && exit 1
  rm -rf "$DATA"
  sleep 2
done

# Debian keeps the configuration outside the data folder, so the copy has none: write the replica's own. A hot
# standby needs at least the primary's limits.
limits=""
for setting in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
  limits+="$setting = $(primary "SHOW $setting")"$'\n'
done
as_postgres tee "$DATA/postgresql.conf" >/dev/null <<EOF
# The samen test replica (scripts/start_replica.sh)
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
hot_standby_feedback = on
$limits
EOF
as_postgres tee "$DATA/pg_hba.conf" >/dev/null <<EOF
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
EOF

echo "Starting the replica on 127.0.0.1:$REPLICA_PORT (log: $DATA.log)"
as_postgres pg_ctl -D "$DATA" -l "$DATA.log" -w -t 60 start >/dev/null
for _ in $(seq 1 60); do
  if streaming; then
    echo "Replica streaming on 127.0.0.1:$REPLICA_PORT"
    exit 0
  fi
  sleep 1
done
echo "The replica started but does not stream after 60 s; see $DATA.log" >&2
exit 1
