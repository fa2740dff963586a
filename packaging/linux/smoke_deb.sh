#!/usr/bin/env bash
# Install the .deb as a person would, use it, remove it, and check the records survived:
#   1. install it with apt (which also checks its dependencies resolve);
#   2. start the installed command with --smoke-test, make records in the default records
#      folder of a fresh home, and print a one-page profile from them;
#   3. remove (purge) the package and check the program is gone and the records are untouched.
# Needs root (or password-less sudo). Usage: packaging/linux/smoke_deb.sh [PACKAGE.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."

deb="${1:-$(ls -t dist/portage-desktop_*.deb 2>/dev/null | head -n 1)}"
[ -n "$deb" ] && [ -f "$deb" ] || { echo "No .deb in dist/: run ./dev.sh package first." >&2; exit 1; }
deb=$(realpath "$deb")
name=$(dpkg-deb --field "$deb" Package)
version=$(dpkg-deb --field "$deb" Version)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || { echo "Installing a package needs root or password-less sudo." >&2; exit 1; }
  sudo="sudo"
fi
if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
  echo "$name is already installed here; this check installs and removes it, so it stops." >&2
  exit 1
fi

say() { printf '==> %s\n' "$*"; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portage-deb-smoke.XXXXXX")
cleanup() {
  if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed"; then
    $sudo dpkg --purge "$name" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

say "Installing $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$deb" \
  >"$WORK/apt.log" 2>&1 || { cat "$WORK/apt.log" >&2; echo "apt-get could not install $deb." >&2; exit 1; }
for file in /usr/bin/portage-desktop \
    /usr/share/applications/org.portagedesktop.PortageDesktop.desktop \
    /usr/share/metainfo/org.portagedesktop.PortageDesktop.metainfo.xml \
    /usr/share/icons/hicolor/256x256/apps/org.portagedesktop.PortageDesktop.png \
    /usr/share/icons/hicolor/scalable/apps/org.portagedesktop.PortageDesktop.svg; do
  [ -e "$file" ] || { echo "The package did not install $file." >&2; exit 1; }
done

# A fresh person: their own home, none of the overrides, so the records go where they would.
export HOME="$WORK/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME PORTAGE_DESKTOP_HOME \
  PORTAGE_DESKTOP_DATABASE PORTAGE_DESKTOP_DATABASE_URL
mkdir -p "$HOME"
cd "$WORK"
records="$HOME/.local/share/PortageDesktop"

say "Starting the installed app"
[ "$(portage-desktop --version 2>&1)" = "portage-desktop $version" ] ||
  { echo "The installed command does not say version $version." >&2; exit 1; }
portage-desktop --smoke-test

say "Making records and printing from the installed command"
mkdir -p "$records"
PORTAGE_DESKTOP_PASSPHRASE="portage demo" portage-desktop make-demo "$records/portage.db"
PORTAGE_DESKTOP_PASSPHRASE="portage demo" portage-desktop print one-page-profile \
  --database "$records/portage.db" --child 1 --out "$WORK/profile.pdf"
[ "$(head -c 5 "$WORK/profile.pdf")" = "%PDF-" ] || { echo "No PDF was written." >&2; exit 1; }
before=$(cd "$records" && find . -type f -exec sha256sum {} + | sort)

say "Removing the package"
$sudo dpkg --purge "$name" >/dev/null
[ ! -e /usr/bin/portage-desktop ] && [ ! -e /opt/portage-desktop ] ||
  { echo "Removing the package left the program behind." >&2; exit 1; }
after=$(cd "$records" 2>/dev/null && find . -type f -exec sha256sum {} + | sort)
if [ -z "$after" ] || [ "$before" != "$after" ]; then
  echo "Removing the package changed the records folder $records." >&2
  exit 1
fi
say "The .deb installs, starts, prints, and removes cleanly, leaving the records as they were"
