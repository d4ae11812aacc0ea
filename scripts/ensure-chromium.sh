#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (playwright-core cannot download its own browser here).
# Installs it with apt-get when it is missing and we are root; otherwise explains what to do.
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$browser" ]]; then
  exit 0
fi

if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package (browser tests need it)."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  test -x "$browser" && exit 0
fi

echo "error: Chromium was not found at $browser." >&2
echo "       Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
if [[ "${CI:-}" == "true" ]]; then
  exit 1
fi
echo "       Continuing: the browser tests will fail and say so." >&2
