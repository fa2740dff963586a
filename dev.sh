#!/usr/bin/env bash
# Set up Portage Desktop from a fresh checkout and run it, its tests, or its bundle.
#   ./dev.sh demo     set everything up and open the app on demo data
#   ./dev.sh test     set everything up and run the whole test suite headless
#   ./dev.sh run      set everything up and open the app on your own data
#   ./dev.sh bundle   build the one-folder desktop bundle with PyInstaller and smoke-test it
# Every step is idempotent: a second run only checks that everything is still in place.
set -euo pipefail
cd "$(dirname "$0")"

QT_LIBS="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 \
fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
libxcb-image0 libxcb-randr0 libxcb-render-util0 libxcb-xinerama0 libxcb-xfixes0 libx11-xcb1"
TEST_TOOLS="poppler-utils"
BUNDLE_TOOLS="binutils"

say() { printf '==> %s\n' "$*"; }

system_packages() {
  # Debian/Ubuntu only; elsewhere Qt's wheels carry what they need.
  command -v dpkg-query >/dev/null 2>&1 || return 0
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
      exit 1
    fi
  fi
  say "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
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
    exec .venv/bin/python -m pytest "$@"
    ;;
  bundle)
    system_packages $BUNDLE_TOOLS
    python_env
    headless_env
    say "Building the bundle (packaging/portage-desktop.spec)"
    .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
      --distpath dist --workpath build/pyinstaller packaging/portage-desktop.spec
    say "Smoke-testing the bundle"
    PORTAGE_DESKTOP_HOME="$(mktemp -d)" dist/portage-desktop/portage-desktop --smoke-test
    ;;
  *)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
