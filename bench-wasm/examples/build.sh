#!/usr/bin/env bash
# Builds the bring-your-own examples into ready-to-run folders (each one an --adapter target):
#   <out>/emscripten-nbody/   nbody.c built with Emscripten pthreads + its adapter.js
#   <out>/parbench-module/    parbench's own parbench.wasm and pool script + an adapter over them
# Usage: bash bench-wasm/examples/build.sh <out-dir> <assets-dir>
#   <assets-dir>: bench-wasm's built assets (wasm/parbench.wasm, web/*.js), i.e. target/classes/io/parbench/assets
# Skips an output that is newer than its sources (keeps Maven re-runs fast).
set -euo pipefail

if [ $# -ne 2 ]; then
    echo "usage: bash build.sh <out-dir> <assets-dir>" >&2
    exit 2
fi
out=$1
assets=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v emcc >/dev/null 2>&1; then
    echo "examples/build.sh: 'emcc' not found: the Emscripten example needs the Debian package" \
         "emscripten; run scripts/test or apt-get install emscripten" >&2
    exit 1
fi
# Debian's emscripten finds its JS dependencies (acorn) only through NODE_PATH.
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

# stale OUTPUT SOURCE...: OUTPUT is missing or older than a source or this script.
stale() {
    local output=$1
    shift
    [ ! -f "$output" ] || [ -n "$(find "$@" "$here/build.sh" -newer "$output" -print -quit)" ]
}

# --- emscripten-nbody: W-1 pthreads from a pool sized when the module loads -----------------
nbody=$out/emscripten-nbody
mkdir -p "$nbody"
if stale "$nbody/nbody.js" "$here/emscripten-nbody/nbody.c"; then
    # Into a scratch folder first, so an interrupted build leaves no half-written module.
    scratch=$(mktemp -d "$out/.emcc.XXXXXX")
    trap 'rm -rf "$scratch"' EXIT
    started=$(date +%s)
    emcc -O2 -pthread -ffp-contract=off -Wall -Werror \
        -sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createNbody -sENVIRONMENT=web,worker \
        "-sPTHREAD_POOL_SIZE=Module['pthreadPoolSize']" -sPTHREAD_POOL_SIZE_STRICT=2 \
        -sWASM_BIGINT -sINITIAL_MEMORY=64MB -sALLOW_MEMORY_GROWTH -sMAXIMUM_MEMORY=1GB -Wno-pthreads-mem-growth \
        "$here/emscripten-nbody/nbody.c" -o "$scratch/nbody.js"
    mv -f "$scratch"/nbody.wasm "$scratch"/nbody.worker.js "$nbody/"
    mv -f "$scratch/nbody.js" "$nbody/nbody.js" # last: its date marks a complete build
    echo "examples/build.sh: built emscripten-nbody with emcc in $(( $(date +%s) - started )) s: $nbody"
fi
cp -p "$here/emscripten-nbody/adapter.js" "$nbody/"

# --- parbench-module: the project's own module behind the adapter contract -------------------
module=$out/parbench-module
mkdir -p "$module"
for file in "$assets/wasm/parbench.wasm" "$assets/web/pool.js" "$assets/web/page-workers.js" "$assets/web/helper.js" "$here/parbench-module/adapter.js"; do
    if [ ! -f "$file" ]; then
        echo "examples/build.sh: $file is missing; build bench-wasm first (mvn -pl bench-wasm compile)" >&2
        exit 1
    fi
    cp -p "$file" "$module/"
done
