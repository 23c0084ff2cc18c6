#!/bin/sh
# Make a Chromium available for the browser tests.
# Debian/CI: install the distribution's chromium (Playwright cannot download here).
# Elsewhere: fall back to Playwright's own browser build.
set -e
PY="${1:-python3}"
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
"$PY" -m playwright install chromium
