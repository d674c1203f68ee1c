#!/usr/bin/env bash
# The one test command. From anywhere: scripts/test.sh
#   1. formatting gate (dotnet format --verify-no-changes)
#   2. Release build of the solution (warnings are errors, see Directory.Build.props)
#   3. tests/Village.Tests on SQLite, then on a throwaway PostgreSQL cluster (scripts/postgres.sh); the email
#      tests talk to Debian's aiosmtpd (python3-aiosmtpd, installed if missing)
#   4. tests/Village.BrowserTests in Debian's Chromium, with axe-core from npm (installs what is missing)
# Prints the counts of each run, then one summary line "N passed, N failed, N skipped"; exits non-zero when
# anything failed. Works unattended as root on a fresh Debian 12 (installs PostgreSQL/Chromium with apt-get).
# Set VILLAGE_ARTIFACTS_PATH to build outside the source tree (when other builds run on the same checkout).
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
SOLUTION=Village.slnx
CONFIGURATION=Release
RESULTS="$(mktemp -d /tmp/village-test-results.XXXXXX)"
ARTIFACTS=()
FORMAT_ENV=()
if [ -n "${VILLAGE_ARTIFACTS_PATH:-}" ]; then
    ARTIFACTS=(--artifacts-path "$VILLAGE_ARTIFACTS_PATH")
    # dotnet format has no --artifacts-path; MSBuild reads the same settings from the environment.
    FORMAT_ENV=("UseArtifactsOutput=true" "ArtifactsPath=$VILLAGE_ARTIFACTS_PATH")
fi

# shellcheck source=scripts/postgres.sh
source "$ROOT/scripts/postgres.sh"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

APT_UPDATED=0
apt_install() {
    [ "$(id -u)" -eq 0 ] || die "need root to apt-get install $*"
    if [ "$APT_UPDATED" -eq 0 ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

cleanup() {
    pg_stop || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! command -v dotnet >/dev/null 2>&1; then
    if [ -x "$HOME/.dotnet/dotnet" ]; then
        export PATH="$HOME/.dotnet:$PATH"
    else
        die "the .NET SDK (see global.json) is not installed."
    fi
fi

step "Formatting (dotnet format --verify-no-changes)"
if ! env "${FORMAT_ENV[@]}" dotnet format "$SOLUTION" --verify-no-changes --verbosity quiet; then
    die "formatting differs: run 'dotnet format $SOLUTION' and commit the result."
fi

step "Build ($CONFIGURATION, warnings are errors)"
dotnet build "$SOLUTION" -c "$CONFIGURATION" -warnaserror "${ARTIFACTS[@]}" -nologo -clp:NoSummary

TOTAL_PASSED=0
TOTAL_FAILED=0
TOTAL_SKIPPED=0
SUMMARY=()

# run_tests NAME PROJECT [ENV=VALUE...]: runs one test project, adds its counts to the totals.
run_tests() {
    local name="$1" project="$2"
    shift 2
    local trx="$RESULTS/$name.trx"
    step "Tests: $name ($project)"
    local status=0
    env "$@" dotnet test "$project" -c "$CONFIGURATION" --no-build "${ARTIFACTS[@]}" \
        --results-directory "$RESULTS" \
        --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=minimal" </dev/null || status=$?

    local counters passed=0 failed=0 total=0 skipped=0
    counters="$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null | head -n 1 || true)"
    if [ -n "$counters" ]; then
        total="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
        passed="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        failed="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
        local errors timeouts aborted
        errors="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
        timeouts="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
        aborted="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
        failed=$((failed + ${errors:-0} + ${timeouts:-0} + ${aborted:-0}))
        skipped=$((total - passed - failed))
        if [ "$skipped" -lt 0 ]; then skipped=0; fi
    fi
    if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
        # dotnet test failed without a failing test (crash, no results file, no tests): count the run as one failure.
        echo "dotnet test exited with $status without reporting a failed test; counting the run as failed." >&2
        failed=1
    fi
    if [ "$total" -eq 0 ] && [ "$status" -eq 0 ]; then
        echo "No tests ran in $project." >&2
        failed=$((failed + 1))
    fi

    TOTAL_PASSED=$((TOTAL_PASSED + passed))
    TOTAL_FAILED=$((TOTAL_FAILED + failed))
    TOTAL_SKIPPED=$((TOTAL_SKIPPED + skipped))
    SUMMARY+=("$(printf '%-10s %4d passed, %4d failed, %4d skipped   %s' "$name:" "$passed" "$failed" "$skipped" "$project")")
}

step "PostgreSQL and a real SMTP server for the email tests"
pg_start
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    echo "Installing python3-aiosmtpd"
    apt_install python3-aiosmtpd
fi

# The browser tests' npm packages: axe-core for them, and ical.js, which the calendar tests of tests/Village.Tests
# run through node to parse the .ics files.
BROWSER_PROJECT=tests/Village.BrowserTests
if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Node.js and npm"
    apt_install nodejs npm
fi
(cd "$BROWSER_PROJECT" && npm ci --no-audit --no-fund --loglevel=error)

run_tests sqlite tests/Village.Tests VILLAGE_TEST_PROVIDER=sqlite
run_tests postgres tests/Village.Tests VILLAGE_TEST_PROVIDER=postgres "VILLAGE_TEST_POSTGRES=$VILLAGE_TEST_POSTGRES"

step "Browser test prerequisites"
if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Chromium"
    apt_install chromium
fi
run_tests browser "$BROWSER_PROJECT" VILLAGE_TEST_PROVIDER=sqlite

step "Summary (results in $RESULTS)"
printf '%s\n' "${SUMMARY[@]}"
printf '%d passed, %d failed, %d skipped\n' "$TOTAL_PASSED" "$TOTAL_FAILED" "$TOTAL_SKIPPED"
[ "$TOTAL_FAILED" -eq 0 ]
