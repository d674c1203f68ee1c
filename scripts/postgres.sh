# shellcheck shell=bash
# A throwaway PostgreSQL cluster for tests and benchmarks. Source this file, then:
#   pg_start   # (in the current shell, not in a pipeline or $(...)) installs PostgreSQL 15 if missing, starts a cluster, exports VILLAGE_TEST_POSTGRES
#   pg_stop    # stops the cluster and deletes its files
# The cluster runs as the `postgres` system user (initdb refuses root), listens on a free loopback port
# and keeps its unix socket in its own temporary directory, so it never touches a system cluster.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

_pg_log() { echo "[postgres] $*" >&2; }

_pg_install() {
    if [ -x "$PG_BIN/initdb" ] && id postgres >/dev/null 2>&1; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        _pg_log "PostgreSQL is missing and installing it needs root."
        return 1
    fi
    _pg_log "installing PostgreSQL with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    # The Debian package starts its own cluster; this script never uses it.
    if [ ! -x "$PG_BIN/initdb" ]; then
        local found
        found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
        if [ -n "$found" ]; then
            PG_BIN="$found"
        fi
    fi
    [ -x "$PG_BIN/initdb" ]
}

_pg_free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 20000))
        if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Runs a command as the cluster owner (or as ourselves when we are not root).
_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    _pg_install || return 1
    PG_DIR="$(mktemp -d /tmp/village-pg.XXXXXX)"
    PG_PORT="$(_pg_free_port)" || { _pg_log "no free port"; return 1; }
    PG_PASSWORD="village-$RANDOM$RANDOM"
    export PG_DIR PG_PORT PG_PASSWORD
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_DIR"
    fi
    chmod 700 "$PG_DIR"

    printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_DIR/pwfile"
    fi
    if ! _pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
        _pg_log "initdb failed:"
        cat "$PG_DIR/initdb.log" >&2
        return 1
    fi
    rm -f "$PG_DIR/pwfile"

    if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null; then
        _pg_log "the server did not start:"
        cat "$PG_DIR/server.log" >&2
        return 1
    fi

    local ready=0
    for _ in $(seq 1 60); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
            ready=1
            break
        fi
        sleep 0.5
    done
    if [ "$ready" -ne 1 ]; then
        _pg_log "the server is not ready:"
        cat "$PG_DIR/server.log" >&2
        return 1
    fi

    export VILLAGE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres"
    _pg_log "cluster ready on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

pg_stop() {
    if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
        if [ -f "$PG_DIR/data/postmaster.pid" ]; then
            _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
        _pg_log "cluster stopped and deleted"
    fi
    unset PG_DIR PG_PORT PG_PASSWORD VILLAGE_TEST_POSTGRES
}
