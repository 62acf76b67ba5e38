#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser tests (playwright-core drives it; Playwright's own download
# cannot reach its servers here). Prints the binary's path; CHROMIUM_PATH names another binary instead.
set -euo pipefail
binary="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$binary" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
fi
"$binary" --version >&2
echo "$binary"
