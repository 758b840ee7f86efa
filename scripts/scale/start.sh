#!/usr/bin/env bash
# Start a throwaway PostgreSQL and Redis on loopback ports of their own, in a temp directory.
#   scripts/scale/start.sh DIR   -> writes DIR/env (DATABASE_URL, REDIS_URL) for `source`
# Installs Debian's postgresql and redis-server with apt-get when they are missing (as root).
# PostgreSQL refuses to run as root, so it runs as the `postgres` user that package creates.
set -euo pipefail
DIR="${1:?usage: start.sh DIR}"
free_port() {  # a free loopback port, so several runs (or a developer's services) can coexist
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PG_PORT="${SCALE_PG_PORT:-$(free_port)}"
REDIS_PORT="${SCALE_REDIS_PORT:-$(free_port)}"

install_missing() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  if ((${#need[@]})); then
    echo "Installing Debian's ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local bin
  bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  mkdir -p "$DIR/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR/pg"
  as_postgres "$bin/initdb" -D "$DIR/pg/data" -U salesdesk --auth=trust -E UTF8 >/dev/null
  echo "$bin" >"$DIR/pg/bin"  # stop.sh needs it even if a later step fails
  # Durability off: a test database that is thrown away after the run. SCALE_PG_DURABLE=1
  # keeps PostgreSQL's own defaults, for benchmarks that report what production would see.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${SCALE_PG_DURABLE:-}" = 1 ] && durability=""
  as_postgres "$bin/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/log" -w -t 60 start \
    -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 $durability \
        -c max_connections=200" >/dev/null
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U salesdesk salesdesk
}

start_redis() {
  mkdir -p "$DIR/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$DIR/redis" --daemonize yes \
    --pidfile "$DIR/redis/pid" --logfile "$DIR/redis/log" --save "" --appendonly no
  for _ in $(seq 50); do
    redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis did not start; see $DIR/redis/log" >&2
  return 1
}

mkdir -p "$DIR"
chmod 755 "$DIR"  # the postgres user must reach its data directory inside
install_missing
start_postgres
start_redis
cat >"$DIR/env" <<ENV
export DATABASE_URL=postgres://salesdesk@127.0.0.1:$PG_PORT/salesdesk
export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0
ENV
echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT (state in $DIR)"
