#!/usr/bin/env bash
# Throwaway PostgreSQL on loopback for tests (no systemd; initdb refuses root, so run as postgres).
#   scripts/pg.sh start DIR PORT   → prints the connection URL
#   scripts/pg.sh stop DIR
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cmd=$1 dir=$2
case "$cmd" in
  start)
    port=$3
    rm -rf "$dir"
    install -d -o postgres -g postgres -m 700 "$dir/pg"
    install -d -o postgres -g postgres -m 755 "$dir/sock"
    runuser -u postgres -- "$PGBIN/initdb" -D "$dir/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg" -l "$dir/pg/log" -w -t 30 \
      -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/pg/postmaster.pid" ]; then
      runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
esac
