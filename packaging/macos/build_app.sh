#!/usr/bin/env bash
# Build Portage Desktop.app and its .dmg on macOS, signed and notarised when the credentials are
# there, and smoke-test the app. Run from the development environment (pip install -e '.[dev]').
#   packaging/macos/build_app.sh          writes dist/Portage Desktop.app and
#                                         dist/PortageDesktop-VERSION.dmg
#
# Signing and notarisation, for a maintainer with an Apple Developer account. Set these (the
# release workflow takes them from the repository's secrets; without them it skips both steps
# and the .dmg is unsigned: people must right-click > Open the first time):
#   MACOS_CERTIFICATE_P12     the "Developer ID Application" certificate and key, as base64
#                             (Keychain Access > export as .p12, then: base64 -i cert.p12)
#   MACOS_CERTIFICATE_PASSWORD  the password given when exporting the .p12
#   MACOS_SIGNING_IDENTITY    e.g. "Developer ID Application: Your Name (TEAMID)"
#   APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD   for notarytool (an app-specific password,
#                             made at appleid.apple.com)
# By hand the same steps are: codesign --deep --options runtime --timestamp --sign ID the .app;
# make the .dmg; codesign the .dmg; xcrun notarytool submit DMG --wait; xcrun stapler staple DMG.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "The macOS app is built on macOS." >&2; exit 2; }
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] && PY="${PYTHON:-.venv/bin/python}"

say() { printf '==> %s\n' "$*"; }
version=$("$PY" -c 'import sys; sys.path.insert(0, "packaging"); import project_info; print(project_info.read().version)')
app="dist/Portage Desktop.app"
dmg="dist/PortageDesktop-$version.dmg"

say "Building $app"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/portage-desktop.spec
"$PY" packaging/macos/info_plist.py --check "$app"
"$PY" packaging/smoke_app.py "$app/Contents/MacOS/portage-desktop"

if [ -n "${MACOS_CERTIFICATE_P12:-}" ] && [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
  say "Signing with $MACOS_SIGNING_IDENTITY"
  secrets_dir=${RUNNER_TEMP:-$(mktemp -d)}
  keychain="$secrets_dir/portage-signing.keychain-db"
  keychain_password=$(openssl rand -hex 16)
  security create-keychain -p "$keychain_password" "$keychain"
  security set-keychain-settings -lut 3600 "$keychain"
  security unlock-keychain -p "$keychain_password" "$keychain"
  echo "$MACOS_CERTIFICATE_P12" | base64 --decode > "$secrets_dir/certificate.p12"
  security import "$secrets_dir/certificate.p12" -P "$MACOS_CERTIFICATE_PASSWORD" \
    -A -t cert -f pkcs12 -k "$keychain"
  rm -f "$secrets_dir/certificate.p12"
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
  codesign --force --deep --options runtime --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
  signed=1
else
  say "No signing certificate given: the app and the .dmg are left unsigned"
  signed=0
fi

say "Making $dmg"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Portage Desktop" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"

if [ "$signed" = 1 ]; then
  codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
  if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    say "Notarising (this waits for Apple, usually a few minutes)"
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
      --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
  else
    say "No notarisation credentials given: skipping notarisation"
  fi
fi
say "Wrote $dmg"
