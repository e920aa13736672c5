#!/usr/bin/env bash
# Builds the C kernel library twice from src/main/c:
#   <assets-out>/native/<os>-<arch>/libparbench.so   (FFM, Java side)
#   <assets-out>/wasm/parbench.wasm                    (threaded wasm, browser side)
# Usage: bash bench-wasm/build.sh <assets-out-dir> <scratch-dir> [--extra-work-percent P | --without-accounting]
# With --extra-work-percent, a build slowed for calibration (src/main/c/README.md): the kernel
# steps run (100 + P)% as often, every checksum stays the same. With --without-accounting, the
# pool's accounting compiled out (PB_STATS=0), to measure what it costs. Either way the page
# scripts are copied to <assets-out>/web, so that the folder is complete as --baseline-assets
# takes it.
# Skips a target whose output is newer than every source (keeps Maven re-runs fast).
set -euo pipefail

extra_work_percent=0
accounting=on
if [ $# -eq 4 ] && [ "$3" = --extra-work-percent ] && [[ $4 =~ ^[0-9]+$ ]] && [ "$4" -ge 1 ] && [ "$4" -le 1000 ]; then
    extra_work_percent=$4
elif [ $# -eq 3 ] && [ "$3" = --without-accounting ]; then
    accounting=off
elif [ $# -ne 2 ]; then
    echo "usage: bash build.sh <assets-out-dir> <scratch-dir> [--extra-work-percent P | --without-accounting]  (P: 1 to 1000)" >&2
    exit 2
fi
# Absolute paths: the builds run from the source folder.
assets=$(mkdir -p "$1" && cd "$1" && pwd)
scratch=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$here/src/main/c

# Shared by the test scripts, which build the same sources with other flags.
source "$here/c-flags.sh"
export TMPDIR=$scratch # the compiler's temporary objects

for tool in "$PB_CC" wasm-ld; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "build.sh: '$tool' not found: the C kernels need clang and lld (wasm-ld);" \
             "run scripts/test or apt-get install clang lld" >&2
        exit 1
    fi
done

# up_to_date OUTPUT: OUTPUT exists and no source, header or build script is newer.
up_to_date() {
    [ -f "$1" ] && [ -z "$(find "$src" "$here/build.sh" "$here/c-flags.sh" -newer "$1" -print -quit)" ]
}

# build OUTPUT DESCRIPTION COMMAND...: runs COMMAND into a temporary file, then moves it
# into place, so an interrupted build never leaves a half-written output behind.
build() {
    local out=$1 what=$2
    shift 2
    if up_to_date "$out"; then
        return
    fi
    mkdir -p "$(dirname "$out")"
    if ! "$@" -o "$out.tmp"; then
        rm -f "$out.tmp"
        echo "build.sh: building $what failed (command above)" >&2
        exit 1
    fi
    mv -f "$out.tmp" "$out"
    echo "build.sh: built $what: $out"
}

cd "$src"
# A slowed folder says so in the file extra-work-percent, one without the accounting in the file
# without-accounting; outputs built otherwise are rebuilt.
marker=$assets/extra-work-percent
accounting_marker=$assets/without-accounting
if [ "$(cat "$marker" 2>/dev/null || echo 0)" != "$extra_work_percent" ] ||
    [ "$([ -f "$accounting_marker" ] && echo off || echo on)" != "$accounting" ]; then
    rm -f "$marker" "$accounting_marker" "$assets/native/$PB_NATIVE_PLATFORM/libparbench.so" "$assets/wasm/parbench.wasm"
fi
knob=()
what=""
if [ "$extra_work_percent" -gt 0 ]; then
    knob=(-DPB_EXTRA_WORK_PERCENT="$extra_work_percent")
    what=" (slowed: +$extra_work_percent% kernel steps)"
elif [ "$accounting" = off ]; then
    knob=(-DPB_STATS=0)
    what=" (without the accounting)"
fi
if [ ${#knob[@]} -gt 0 ]; then
    rm -rf "$assets/web.tmp"
    cp -r "$here/src/main/js" "$assets/web.tmp"
    rm -rf "$assets/web"
    mv "$assets/web.tmp" "$assets/web"
fi
# The two builds are independent: run them side by side.
build "$assets/native/$PB_NATIVE_PLATFORM/libparbench.so" "the native library$what" \
    "$PB_CC" "${PB_NATIVE_FLAGS[@]}" "${knob[@]}" -shared -fvisibility=hidden "${PB_NATIVE_SOURCES[@]}" &
native=$!
build "$assets/wasm/parbench.wasm" "the threaded wasm module$what" \
    "$PB_CC" "${PB_WASM_FLAGS[@]}" "${knob[@]}" "${PB_WASM_SOURCES[@]}" &
wasm=$!
status=0
wait $native || status=1
wait $wasm || status=1
if [ $status -eq 0 ] && [ "$extra_work_percent" -gt 0 ]; then
    echo "$extra_work_percent" >"$marker"
fi
if [ $status -eq 0 ] && [ "$accounting" = off ]; then
    echo "built with PB_STATS=0" >"$accounting_marker"
fi
exit $status
