#!/usr/bin/env bash
# Stop what start.sh started in DIR and remove DIR. Safe to run twice, or after a failed start.
set -uo pipefail
DIR="${1:?usage: stop.sh DIR}"
[ -d "$DIR" ] || exit 0
if [ -f "$DIR/pg/bin" ] && [ -f "$DIR/pg/data/postmaster.pid" ]; then
  bin="$(cat "$DIR/pg/bin")"
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null
  else
    "$bin/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null
  fi
fi
if [ -f "$DIR/redis/pid" ]; then
  pid="$(cat "$DIR/redis/pid")"
  kill "$pid" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
rm -rf "$DIR"
