#!/usr/bin/env bash
# The Village benchmark, end to end, on loopback only:
#   1. builds Village.Web and bench/Village.Bench in Release (artifacts outside the work tree),
#   2. starts a throwaway PostgreSQL cluster (scripts/postgres.sh) with pg_stat_statements,
#   3. generates ${PARENTS} bench parents (Village.Bench generate),
#   4. starts the app in Production on http://127.0.0.1:${BENCH_PORT} and waits for /healthz,
#   5. runs the load scenarios (Village.Bench run), prints the table, stops the app and the cluster.
#
# Settings (environment):
#   PARENTS=100000       parents to generate            CONNECTIONS=50   concurrent connections
#   COMMUNITIES=1000     communities to generate        POSTS=1000000    posts to generate in them
#   OUTINGS=50000        upcoming outings to generate around the parents
#   SERVICES=20000       published support services to generate around the parents
#   DURATION=20          seconds measured per scenario  WARMUP=3         seconds of warm-up per scenario
#   SCENARIOS=           e.g. "home,towns" (default: landing, home, profile, towns, feed, post)
#   BENCH_PORT=5090      the app's port                 BENCH_ARTIFACTS=/tmp/bench-artifacts
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PARENTS="${PARENTS:-100000}"
COMMUNITIES="${COMMUNITIES:-1000}"
POSTS="${POSTS:-1000000}"
OUTINGS="${OUTINGS:-50000}"
SERVICES="${SERVICES:-20000}"
CONNECTIONS="${CONNECTIONS:-50}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-3}"
SCENARIOS="${SCENARIOS:-}"
BENCH_PORT="${BENCH_PORT:-5090}"
ARTIFACTS="${BENCH_ARTIFACTS:-/tmp/bench-artifacts}"
URL="http://127.0.0.1:$BENCH_PORT"

log() { echo "[bench] $*" >&2; }

if (echo >"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null; then
    log "something already listens on 127.0.0.1:$BENCH_PORT; stop it or set BENCH_PORT."
    exit 1
fi

log "building (Release, artifacts in $ARTIFACTS)"
dotnet build "$ROOT/bench/Village.Bench/Village.Bench.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v quiet
BENCH_DLL="$ARTIFACTS/bin/Village.Bench/release/Village.Bench.dll"
WEB_DLL="$ARTIFACTS/bin/Village.Web/release/Village.Web.dll"

# shellcheck source=scripts/postgres.sh
source "$ROOT/scripts/postgres.sh"

WORK="$(mktemp -d /tmp/village-bench.XXXXXX)"
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 20); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$APP_PID" 2>/dev/null || true
    fi
    pg_stop || true
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_start
CONNECTION="$VILLAGE_TEST_POSTGRES"

# Per-statement figures: preload pg_stat_statements (a restart keeps the cluster's other options).
# Optional: without it the bench still runs, only the statement list is missing.
PSQL=("$PG_BIN/psql" -X -q -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres)
if _pg_as_owner "${PSQL[@]}" -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null 2>&1 \
    && _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 restart -m fast >/dev/null 2>&1 \
    && _pg_as_owner "${PSQL[@]}" -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" \
        -c "SELECT pg_reload_conf()" >/dev/null 2>&1; then
    log "pg_stat_statements on"
else
    log "pg_stat_statements unavailable; continuing without per-statement figures"
fi

log "generating $PARENTS parents, $COMMUNITIES communities, $POSTS posts, $OUTINGS outings and $SERVICES services"
timeout 1200 dotnet "$BENCH_DLL" generate --connection "$CONNECTION" --parents "$PARENTS" --communities "$COMMUNITIES" --posts "$POSTS" --outings "$OUTINGS" --services "$SERVICES"

log "starting the app on $URL (Production)"
# The working directory is a temporary folder, so nothing the app writes (App_Data, mail) lands in the tree;
# the content root is the project folder, for wwwroot and appsettings.json.
(
    cd "$WORK"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS="$URL"
    export Database__Provider=Postgres
    export Database__ConnectionString="$CONNECTION"
    export Security__AccountAttemptsPerMinute=100000
    export Logging__LogLevel__Default=Warning
    export Email__PickupDirectory="$WORK/mail"
    # Nothing is sent during the bench: the outbox and the newsletters would compete with the pages measured.
    export Email__SendInBackground=false
    exec dotnet "$WEB_DLL" --contentRoot "$ROOT/src/Village.Web"
) >"$WORK/app.log" 2>&1 &
APP_PID=$!

healthy=0
for _ in $(seq 1 120); do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
        break
    fi
    if curl -fsS --max-time 2 "$URL/healthz" >/dev/null 2>&1; then
        healthy=1
        break
    fi
    sleep 0.5
done
if [ "$healthy" -ne 1 ]; then
    log "the app did not become healthy; its log:"
    tail -n 60 "$WORK/app.log" >&2
    exit 1
fi

# Each scenario takes warm-up + duration (+ slack for requests in flight); signing in takes a few seconds.
count=6
if [ -n "$SCENARIOS" ]; then
    count=$(($(tr -cd ',' <<<"$SCENARIOS" | wc -c) + 1))
fi
limit=$((count * (WARMUP + DURATION + 40) + 180))

log "running the scenarios ($CONNECTIONS connections, ${DURATION}s each)"
DB_PID="$(head -n 1 "$PG_DIR/data/postmaster.pid")"
status=0
timeout "$limit" dotnet "$BENCH_DLL" run --url "$URL" --connections "$CONNECTIONS" --duration "$DURATION" \
    --warmup "$WARMUP" --parents "$PARENTS" --connection "$CONNECTION" --app-pid "$APP_PID" --db-pid "$DB_PID" \
    ${SCENARIOS:+--scenario "$SCENARIOS"} || status=$?

if ! kill -0 "$APP_PID" 2>/dev/null; then
    log "the app stopped during the run; the end of its log:"
    tail -n 40 "$WORK/app.log" >&2
    status=1
fi

errors=$(grep -c '^fail:' "$WORK/app.log" || true)
if [ "$errors" -gt 0 ]; then
    log "the app logged $errors errors; the first one:"
    grep -m 1 -A 6 '^fail:' "$WORK/app.log" >&2
fi

exit "$status"
