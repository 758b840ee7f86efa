#!/usr/bin/env bash
# `make test-scale`: PostgreSQL + Redis on their own loopback ports, the integration suite in
# tests/scale on them (RQ workers as separate processes), the sync's storage suites on
# PostgreSQL, then everything stopped again.
set -euo pipefail
cd "$(dirname "$0")/../.."
DIR="$(mktemp -d /tmp/salesdesk-scale.XXXXXX)"
trap 'scripts/scale/stop.sh "$DIR"' EXIT
scripts/scale/start.sh "$DIR"
# shellcheck disable=SC1091
source "$DIR/env"
export SALESDESK_TASKS=rq SALESDESK_SCALE=1 SALESDESK_VAR_DIR="$DIR/var" SALESDESK_DB_CONN_MAX_AGE=0
.venv/bin/pytest -q tests/scale "$@"
# The storage and sync suites again on PostgreSQL (`make test` runs them on SQLite), with the
# database task backend they are written for; the SQLite-only tests say so in their names.
env -u SALESDESK_TASKS -u SALESDESK_SCALE .venv/bin/pytest -q -k "not on_sqlite" \
  tests/salesdesk/catalog/test_services.py tests/salesdesk/customers tests/salesdesk/integration
