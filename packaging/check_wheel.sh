#!/usr/bin/env bash
# Build the wheel, install it into a fresh virtual environment and use it as a person would:
# make a demo and print a one-page profile. An editable install hides files missing from the
# wheel (it reads them from the checkout), so this is the only check that `pip install .` works.
#   packaging/check_wheel.sh            (uses .venv/bin/python to build; PYTHON overrides it)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="${PYTHON:-$ROOT/.venv/bin/python}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portage-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

say() { printf '==> %s\n' "$*"; }

say "Building the wheel"
# A copy of the sources, so the build's own build/ and egg-info folders stay out of the checkout.
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$WORK" --one-top-level=src
"$PY" -m pip wheel -q --no-deps -w "$WORK/wheel" "$WORK/src"
wheel=$(ls "$WORK"/wheel/portage_desktop-*.whl)

say "Installing $(basename "$wheel") into a fresh virtual environment"
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q "$wheel"

# Run from an empty folder, so nothing can come from the checkout by accident.
mkdir "$WORK/run"
cd "$WORK/run"
export PORTAGE_DESKTOP_HOME="$WORK/home" PORTAGE_DESKTOP_PASSPHRASE="portage demo"
export LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
where=$("$WORK/venv/bin/python" -c 'import portage_desktop; print(portage_desktop.__file__)')
case "$where" in
  "$WORK/venv/"*) ;;
  *) echo "The installed command imports Portage Desktop from $where, not the wheel." >&2; exit 1 ;;
esac

say "Making a demo and printing from the installed command"
"$WORK/venv/bin/portage-desktop" make-demo "$WORK/demo.db"
"$WORK/venv/bin/portage-desktop" print one-page-profile --database "$WORK/demo.db" --child 1 \
  --out "$WORK/profile.pdf"
if [ "$(head -c 5 "$WORK/profile.pdf" 2>/dev/null)" != "%PDF-" ]; then
  echo "The installed command did not write a PDF." >&2
  exit 1
fi
say "The wheel installs, makes a demo and prints ($(wc -c < "$WORK/profile.pdf") bytes)"
