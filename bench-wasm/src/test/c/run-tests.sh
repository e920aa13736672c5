#!/usr/bin/env bash
# Tests of the C kernel library (run by Maven's test phase):
#   check-wasm     structure of parbench.wasm (shared imported memory, atomics, exports)
#   test_kernels   libparbench.so against sequential references, errors, pool churn
#   test_sort      the sort kernel's merges on keys with many ties
#   test_runtime   the work-stealing runtime, plain, under ThreadSanitizer and under
#                  AddressSanitizer+LeakSanitizer+UBSan
#   wasm-smoke     parbench.wasm under node with worker_threads helpers, checksums = native
#   steady-rule    the browser warm-up's steady rule (measure.js) on rates of known shape
#   *-slowed       the build slowed for calibration: test_kernels and the wasm's checksums,
#                  which equal the normal build's, and its kernel steps per call
#   *-unaccounted  the build without the pool's accounting (PB_STATS=0, to measure its cost):
#                  test_kernels, its checksums equal the normal build's, the accounting refused
# Every suite runs even if an earlier one fails; the last line is "N passed, M failed" and
# the exit status is non-zero on any failure.
# Usage: bash run-tests.sh <scratch-dir> [<assets-dir> [<slowed-assets-dir> <extra-work-percent>]]
# The assets dirs are where build.sh put (or puts now, if out of date) the libraries and the
# modules under test; Maven passes the ones it packages, so the shipped files are tested.
set -uo pipefail
if [ $# -lt 1 ] || [ $# -gt 4 ] || [ $# -eq 3 ]; then
    echo "usage: bash run-tests.sh <scratch-dir> [<assets-dir> [<slowed-assets-dir> <extra-work-percent>]]" >&2
    exit 2
fi
scratch=$(mkdir -p "$1" && cd "$1" && pwd)
assets=${2:-$scratch/assets}
slowed=${3:-$scratch/slowed-assets-10}
extra_work_percent=${4:-10}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(cd "$here/../../.." && pwd)
src=$module/src/main/c

bash "$module/build.sh" "$assets" "$scratch/build" || exit 1
bash "$module/build.sh" "$slowed" "$scratch/build-slowed" --extra-work-percent "$extra_work_percent" || exit 1
unaccounted=$scratch/unaccounted-assets
bash "$module/build.sh" "$unaccounted" "$scratch/build-unaccounted" --without-accounting || exit 1
source "$module/c-flags.sh"
lib=$assets/native/$PB_NATIVE_PLATFORM
wasm=$assets/wasm/parbench.wasm
slowed_lib=$slowed/native/$PB_NATIVE_PLATFORM
unaccounted_lib=$unaccounted/native/$PB_NATIVE_PLATFORM

passed=0
failed=0
# suite NAME COMMAND...: runs a suite, adds its "NAME: N passed, M failed" line to the totals.
suite() {
    local name=$1 log=$scratch/$1.log
    shift
    local start=$SECONDS
    "$@" >"$log" 2>&1
    local status=$?
    local summary
    summary=$(grep -E "^[a-z_-]+: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -1)
    if [ -z "$summary" ]; then
        summary="$name: 0 passed, 1 failed"
        echo "run-tests: $name did not finish (exit status $status); its output:" >&2
        tail -30 "$log" >&2
    elif [ $status -ne 0 ]; then
        grep -E "FAILED|WARNING|ERROR|SUMMARY" "$log" | head -40 >&2
    fi
    local p f
    p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$summary")
    f=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$summary")
    [ $status -ne 0 ] && [ "$f" -eq 0 ] && f=1
    passed=$((passed + p))
    failed=$((failed + f))
    echo "$name: $p passed, $f failed ($((SECONDS - start)) s)"
}

# compile NAME FLAGS-AND-SOURCES...: builds test program NAME from src/main/c in the
# background (the builds run in parallel); its log is NAME.build.log.
compile() {
    local name=$1
    shift
    rm -f "$scratch/$name"
    (cd "$src" && "$PB_CC" "$@" -o "$scratch/$name") >"$scratch/$name.build.log" 2>&1 &
}

# run NAME ARGS...: runs a compiled test program as a suite; one that did not compile
# counts as a failure.
run() {
    local name=$1
    shift
    if [ ! -x "$scratch/$name" ]; then
        echo "run-tests: compiling $name failed:" >&2
        tail -20 "$scratch/$name.build.log" >&2
        failed=$((failed + 1))
        return
    fi
    suite "$name" "$@"
}

test_flags=(-g -pthread "${PB_FP_FLAGS[@]}" "${PB_WARN_FLAGS[@]}" -I.)
# test_runtime counts the accounting's clock readings (pool.c).
runtime_sources=(-DPB_COUNT_CLOCK_READS "$here/test_runtime.c" "${PB_NATIVE_SOURCES[@]}")
sort_test_sources=("$here/test_sort.c")
for source in "${PB_NATIVE_SOURCES[@]}"; do
    [ "$source" = kernels/sort.c ] || sort_test_sources+=("$source") # test_sort.c includes it
done

compile test_kernels -O2 "${test_flags[@]}" "$here/test_kernels.c" "$here/reference.c" \
    -L"$lib" -lparbench -Wl,-rpath,"$lib" -lm
compile test_kernels_slowed -O2 "${test_flags[@]}" "$here/test_kernels.c" "$here/reference.c" \
    -L"$slowed_lib" -lparbench -Wl,-rpath,"$slowed_lib" -lm
compile test_kernels_unaccounted -O2 "${test_flags[@]}" "$here/test_kernels.c" "$here/reference.c" \
    -L"$unaccounted_lib" -lparbench -Wl,-rpath,"$unaccounted_lib" -lm
compile test_sort -O2 "${test_flags[@]}" -I"$here" "${sort_test_sources[@]}"
compile test_runtime -O2 "${test_flags[@]}" "${runtime_sources[@]}"
compile test_runtime_tsan -O1 -fsanitize=thread "${test_flags[@]}" "${runtime_sources[@]}"
compile test_runtime_asan -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
    "${test_flags[@]}" "${runtime_sources[@]}"
suite check-wasm bash "$here/check-wasm.sh" "$wasm"
wait

run test_kernels "$scratch/test_kernels" --checksums "$scratch/quick-checksums.txt"
run test_kernels_slowed "$scratch/test_kernels_slowed" --checksums "$scratch/slowed-quick-checksums.txt" \
    --extra-work-percent "$extra_work_percent"
run test_kernels_unaccounted "$scratch/test_kernels_unaccounted" \
    --checksums "$scratch/unaccounted-quick-checksums.txt" --without-accounting
# same_checksums VARIANT: VARIANT's quick checksums are the normal build's.
same_checksums() {
    if cmp "$scratch/quick-checksums.txt" "$scratch/$1-quick-checksums.txt"; then
        echo "$1-checksums: 1 passed, 0 failed"
    else
        echo "FAILED the $1 build's quick checksums differ from the normal build's"
        echo "$1-checksums: 0 passed, 1 failed"
        return 1
    fi
}
suite slowed-checksums same_checksums slowed
suite unaccounted-checksums same_checksums unaccounted
run test_sort "$scratch/test_sort"
run test_runtime "$scratch/test_runtime"
# Sanitizer runtimes of clang 14 can fail to map their shadow memory under the full
# address-space randomisation of newer kernels: run them without it when setarch can.
no_aslr=()
setarch "$(uname -m)" -R true 2>/dev/null && no_aslr=(setarch "$(uname -m)" -R)
run test_runtime_tsan env PB_TEST_LIGHT=1 TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
    "${no_aslr[@]}" "$scratch/test_runtime_tsan"
run test_runtime_asan env PB_TEST_LIGHT=1 ASAN_OPTIONS="detect_leaks=1" "${no_aslr[@]}" "$scratch/test_runtime_asan"

if ! command -v node >/dev/null 2>&1; then
    echo "run-tests: node not found; the wasm smoke test needs node 20 (apt-get install nodejs)" >&2
    failed=$((failed + 1))
elif [ ! -s "$scratch/quick-checksums.txt" ]; then
    echo "run-tests: no native checksums to compare the wasm build with (test_kernels failed)" >&2
    failed=$((failed + 1))
else
    # --no-liftoff: node 20's V8 (11.3) miscompiles a loop around memory.atomic.wait32 in its
    # baseline compiler: once the wait has blocked twice, a local of the function is clobbered
    # (e.g. the saved __stack_pointer, and the next call traps). The optimising tier is right,
    # and so are Chromium 156, Firefox 153 and WebKitGTK 2.50 (README.md, Tests).
    suite wasm-smoke node --no-liftoff "$here/wasm-smoke.mjs" "$wasm" "$scratch/quick-checksums.txt"
    suite wasm-smoke-slowed node --no-liftoff "$here/wasm-smoke.mjs" "$slowed/wasm/parbench.wasm" \
        "$scratch/quick-checksums.txt" --extra-work-percent "$extra_work_percent"
    suite steady-rule node "$here/../js/steady-rule.mjs"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
