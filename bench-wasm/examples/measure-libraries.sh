#!/usr/bin/env bash
# Measures the four libraries from npm (onnxruntime-web, ffmpeg.wasm, tfjs-backend-wasm,
# wasm-vips) in every local browser, for the table in bench-wasm/examples/README.md: each
# library's own default thread count (the library left to choose, --adapter-param
# threads=default) next to the worker counts parbench measured, per browser.
#
# Usage: bash bench-wasm/examples/measure-libraries.sh [OUT [parbench run options...]]
#   OUT: where the runs, the merged report and table.md go (default reports/libraries)
#   the options replace the defaults: --profile default --workers 1,2,4 --forks 3
#   LIBRARIES and BROWSERS (space-separated) narrow it down, e.g. for a first small try:
#   LIBRARIES=wasm-vips BROWSERS=chromium bash measure-libraries.sh /tmp/try --profile quick --workers 1,2
# Needs the examples built (mvn package, scripts/test or scripts/bench) and a quiet machine.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/reports/libraries}
shift || true
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(--profile default --workers 1,2,4 --forks 3)
examples=$root/bench-wasm/target/examples
# Set-up is slow for some library and browser pairs (ffmpeg.wasm starts 32 workers on 1 GiB of
# memory: ~47 s in WebKit on a busy 2-core machine): the watchdog allows five minutes a page,
# unless the options say otherwise.
timeout=(--timeout 300)
for option in "${options[@]}"; do
    [ "$option" != --timeout ] || timeout=()
done

mkdir -p "$out"
failed=0
for library in ${LIBRARIES:-onnxruntime-web ffmpeg-core-mt tfjs-backend-wasm wasm-vips}; do
    for browser in ${BROWSERS:-chromium firefox webkit}; do
        adapter=(--engines byo --browser "$browser" --adapter "$examples/$library/adapter.js")
        echo "== $library in $browser" >&2
        "$root/scripts/parbench" run "${adapter[@]}" "${options[@]}" "${timeout[@]}" --out "$out/$library-$browser" || failed=1
        # What the library does left alone: one worker count is enough, the library ignores it.
        "$root/scripts/parbench" run "${adapter[@]}" "${options[@]}" --workers 1 --adapter-param threads=default \
            "${timeout[@]}" --out "$out/$library-$browser-default" || failed=1
    done
done
"$root/scripts/parbench" report "$out"/*/results.json --out "$out/report.html"
node "$root/bench-wasm/examples/library-table.mjs" "$out"/*/results.json | tee "$out/table.md"
exit $failed
