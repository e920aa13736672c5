#!/usr/bin/env bash
# Builds the bring-your-own examples into ready-to-run folders (each one an --adapter target):
#   <out>/emscripten-nbody/   nbody.c built with Emscripten pthreads + its adapter.js
#   <out>/parbench-module/    parbench's own parbench.wasm and pool script + an adapter over them
#   <out>/onnxruntime-web/, ffmpeg-core-mt/, tfjs-backend-wasm/, wasm-vips/
#                             threaded libraries from npm, installed with npm ci from each example's
#                             package-lock.json into <out>/../npm/ (the first build needs the npm
#                             registry, later ones npm's cache or nothing), and the files each
#                             adapter loads copied next to it
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
if ! command -v npm >/dev/null 2>&1; then
    echo "examples/build.sh: 'npm' not found: the examples of libraries from npm need it (Debian package" \
         "npm); run scripts/test or apt-get install npm" >&2
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

# --- libraries from npm ----------------------------------------------------------------------
npm_root=$(dirname "$out")/npm

# npm_install NAME: installs examples/NAME/package-lock.json into $npm_root/NAME/node_modules,
# unless it is installed already.
npm_install() {
    local name=$1 dir=$npm_root/$1
    if stale "$dir/node_modules/.package-lock.json" "$here/$name/package.json" "$here/$name/package-lock.json"; then
        rm -rf "$dir"
        mkdir -p "$dir"
        cp "$here/$name/package.json" "$here/$name/package-lock.json" "$dir/"
        started=$(date +%s)
        if ! (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error >&2); then
            echo "examples/build.sh: npm ci failed for $name (see above): the first build needs the npm registry" \
                 "($(npm config get registry)); later ones npm's cache (~/.npm) or nothing" >&2
            rm -rf "$dir"
            exit 1
        fi
        echo "examples/build.sh: installed $name's packages with npm in $(( $(date +%s) - started )) s: $dir"
    fi
}

# npm_example NAME FILE...: the example's folder: its adapter, the shared checksum module, and
# the package files (paths below node_modules) its adapter loads.
npm_example() {
    local name=$1 file
    shift
    npm_install "$name"
    mkdir -p "$out/$name"
    for file in "$@"; do
        cp -pu "$npm_root/$name/node_modules/$file" "$out/$name/"
    done
    cp -pu "$here/shared/checksum.js" "$out/$name/"
    [ "$name" = tfjs-backend-wasm ] || cp -pu "$here/$name/adapter.js" "$out/$name/"
}

npm_example onnxruntime-web onnxruntime-web/dist/ort.wasm.min.mjs \
    onnxruntime-web/dist/ort-wasm-simd-threaded.mjs onnxruntime-web/dist/ort-wasm-simd-threaded.wasm
npm_example ffmpeg-core-mt @ffmpeg/core-mt/dist/esm/ffmpeg-core.js @ffmpeg/core-mt/dist/esm/ffmpeg-core.wasm \
    @ffmpeg/core-mt/dist/esm/ffmpeg-core.worker.js
npm_example wasm-vips wasm-vips/lib/vips-es6.js wasm-vips/lib/vips.wasm
# tfjs imports its packages by name, which a module worker cannot resolve: bundled with esbuild.
npm_example tfjs-backend-wasm @tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm \
    @tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm \
    @tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm
tfjs=$out/tfjs-backend-wasm
if stale "$tfjs/adapter.js" "$here/tfjs-backend-wasm/adapter.js" "$here/shared/checksum.js" "$npm_root/tfjs-backend-wasm/node_modules/.package-lock.json"; then
    # NODE_PATH: the packages are installed beside the build, not beside the source.
    NODE_PATH="$npm_root/tfjs-backend-wasm/node_modules" "$npm_root/tfjs-backend-wasm/node_modules/.bin/esbuild" \
        "$here/tfjs-backend-wasm/adapter.js" --bundle --format=esm --log-level=warning --outfile="$tfjs/adapter.js"
fi
