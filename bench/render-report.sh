#!/usr/bin/env bash
# Renders an eval --html page to a PNG with headless Chromium, offline, to look at the charts.
# Usage: bench/render-report.sh report.html [out.png]
set -euo pipefail
html=$(realpath "$1")
png=${2:-report.png}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" \
  --screenshot="$(realpath -m "$png")" --window-size=1200,2400 "file://$html" 2>/dev/null
echo "$png"
