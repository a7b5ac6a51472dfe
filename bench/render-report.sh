#!/usr/bin/env bash
# Renders a train --html or eval --html page to a PNG with headless Chromium, offline, to look at
# the charts. The window is as tall as the page is likely to be; pass a height for a longer page.
# Usage: bench/render-report.sh report.html [out.png] [height]
set -euo pipefail
html=$(realpath "$1")
png=${2:-report.png}
height=${3:-3200}
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$(realpath -m "$png")" --window-size=1200,"$height" "file://$html" 2>/dev/null
echo "$png"
