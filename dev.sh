#!/usr/bin/env bash
# Set up Portage Desktop from a fresh checkout and run it, its tests, or its bundle.
#   ./dev.sh demo     set everything up and open the app on demo data
#   ./dev.sh test     set everything up and run the whole test suite headless, on SQLite and
#                     on a throwaway PostgreSQL server it starts (and stops) itself
#   ./dev.sh run      set everything up and open the app on your own data
#   ./dev.sh bundle   build the one-folder desktop bundle with PyInstaller and smoke-test it
#   ./dev.sh package  build the bundle, then the installer for this system into dist/ (a .deb
#                     on Debian or Ubuntu, a .dmg on macOS)
# Every step is idempotent: a second run only checks that everything is still in place.
set -euo pipefail
cd "$(dirname "$0")"

QT_LIBS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 \
fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-xfixes0 libx11-xcb1"
TEST_TOOLS="poppler-utils"
TEST_SERVER="postgresql"
BUNDLE_TOOLS="binutils"
# dpkg-deb builds the .deb; these two check its .desktop file and AppStream metadata.
PACKAGE_TOOLS="desktop-file-utils appstream"

say() { printf '==> %s\n' "$*"; }

# Installs the Qt libraries plus any packages named; with OPTIONAL=1 it returns 1 instead of
# stopping when they cannot be installed (no root, no sudo, not Debian).
system_packages() {
  # Debian/Ubuntu only; elsewhere Qt's wheels carry what they need.
  command -v dpkg-query >/dev/null 2>&1 || return "${OPTIONAL:-0}"
  local missing=()
  for pkg in $QT_LIBS "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"; else
      echo "These system packages are missing; please install them, then run this again:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      [ "${OPTIONAL:-0}" = 1 ] && return 1
      exit 1
    fi
  fi
  say "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# --- A throwaway PostgreSQL server for the tests --------------------------------------------
# The data and services tests run on SQLite and on PostgreSQL. Unless PORTAGE_TEST_POSTGRES_URL
# already names a server, `test` starts one: a fresh cluster in a temporary folder, listening
# on 127.0.0.1 at a free port, fsync off (nothing in it needs to survive), stopped on exit.
PG_DIR=""
PG_BIN=""
PG_AS=()

postgres_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] &&
    { pg_config --bindir; return 0; }
  return 1
}

postgres_unavailable() {
  {
    echo
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo "!!! PostgreSQL tests will NOT run: $1"
    echo "!!! Only SQLite is tested. Install PostgreSQL (apt-get install postgresql), or set"
    echo "!!! PORTAGE_TEST_POSTGRES_URL to a server you may create databases on."
    echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
    echo
  } >&2
  if [ "${CI:-}" = "true" ]; then
    echo "CI must test both engines: failing." >&2
    exit 1
  fi
}

stop_test_postgres() {
  [ -n "$PG_DIR" ] || return 0
  "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}

start_test_postgres() {
  if [ -n "${PORTAGE_TEST_POSTGRES_URL:-}" ]; then
    say "Testing PostgreSQL on the server in PORTAGE_TEST_POSTGRES_URL"
    return 0
  fi
  if [ "${PORTAGE_TEST_POSTGRES:-}" = "off" ]; then
    postgres_unavailable "PORTAGE_TEST_POSTGRES=off"
    return 0
  fi
  if ! PG_BIN=$(postgres_bin); then
    OPTIONAL=1 system_packages $TEST_SERVER || true
    PG_BIN=$(postgres_bin) || { postgres_unavailable "it is not installed here"; return 0; }
  fi
  local started=$SECONDS port password
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/portage-test-pg.XXXXXX")
  trap stop_test_postgres EXIT
  PG_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: run the server as the postgres account instead.
    id postgres >/dev/null 2>&1 || { postgres_unavailable "there is no postgres account"; return 0; }
    chown postgres "$PG_DIR"
    PG_AS=(runuser -u postgres --)
  fi
  port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  password=$(.venv/bin/python -c 'import secrets; print(secrets.token_hex(16))')
  (umask 077; printf '%s\n' "$password" > "$PG_DIR/password")
  [ ${#PG_AS[@]} -eq 0 ] || chown postgres "$PG_DIR/password"
  if ! "${PG_AS[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --pwfile="$PG_DIR/password" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync \
      >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2
    stop_test_postgres
    postgres_unavailable "initdb failed (its output is above)"
    return 0
  fi
  rm -f "$PG_DIR/password"
  if ! "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null; then
    cat "$PG_DIR/server.log" >&2
    stop_test_postgres
    postgres_unavailable "the server did not start (its log is above)"
    return 0
  fi
  export PORTAGE_TEST_POSTGRES_URL="postgresql://postgres:$password@127.0.0.1:$port/postgres"
  say "Started a throwaway PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port in $((SECONDS - started)) s"
}

python_env() {
  local py="${PYTHON:-python3}"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || {
    echo "Portage Desktop needs Python 3.11 or newer (found: $("$py" --version 2>&1))." >&2; exit 1; }
  if [ ! -x .venv/bin/python ]; then
    say "Creating the virtual environment in .venv"
    "$py" -m venv .venv || { echo "Could not create a venv: install python3-venv." >&2; exit 1; }
  fi
  local stamp=".venv/.setup-stamp" want
  want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing Portage Desktop and its Python packages"
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e '.[dev]'
    echo "$want" > "$stamp"
  fi
}

headless_env() {
  export LANG=C.UTF-8 LC_ALL=C.UTF-8
  export QT_QPA_PLATFORM=offscreen
}

# The one-folder bundle in dist/portage-desktop, smoke-tested.
bundle() {
  say "Building the bundle (packaging/portage-desktop.spec)"
  .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/portage-desktop.spec
  say "Smoke-testing the bundle: start it, make the demo, print"
  .venv/bin/python packaging/smoke_app.py dist/portage-desktop/portage-desktop
}

case "${1:-}" in
  demo)
    system_packages
    python_env
    exec .venv/bin/portage-desktop --demo
    ;;
  run)
    system_packages
    python_env
    shift
    exec .venv/bin/portage-desktop "$@"
    ;;
  test)
    system_packages $TEST_TOOLS
    python_env
    headless_env
    shift
    start_test_postgres
    status=0
    .venv/bin/python -m pytest "$@" || status=$?
    stop_test_postgres
    exit $status
    ;;
  bundle)
    system_packages $BUNDLE_TOOLS
    python_env
    headless_env
    bundle
    ;;
  package)
    case "$(uname -s)" in
      Linux)
        command -v dpkg-deb >/dev/null 2>&1 ||
          { echo "Building the Linux package needs dpkg-deb (Debian or Ubuntu)." >&2; exit 1; }
        system_packages $BUNDLE_TOOLS $PACKAGE_TOOLS
        python_env
        headless_env
        bundle
        say "Building the .deb (packaging/linux/build_deb.py)"
        .venv/bin/python packaging/linux/build_deb.py dist/portage-desktop dist
        ;;
      Darwin)
        python_env
        exec packaging/macos/build_app.sh
        ;;
      *)
        echo "On Windows run: python packaging\\windows\\build_installer.py" >&2
        exit 2
        ;;
    esac
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
