#!/bin/sh
# Make the system programs the tests need available.
# Debian/CI (root): apt-get installs whatever in scripts/system-packages.txt is missing.
# Elsewhere: fall back to Playwright's own Chromium; other programs must be installed by hand
# (the tests that need them say which).
set -e
PY="${1:-python3}"
HERE="$(dirname "$0")"
PACKAGES="$(grep -v '^#' "$HERE/system-packages.txt" | tr -s ' \n' ' ')"
if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  MISSING=""
  for pkg in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || MISSING="$MISSING $pkg"
  done
  if [ -n "$MISSING" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $MISSING >/dev/null
  fi
  exit 0
fi
[ -x /usr/bin/chromium ] || "$PY" -m playwright install chromium
