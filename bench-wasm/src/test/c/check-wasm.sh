#!/usr/bin/env bash
# Checks the structure of parbench.wasm with wabt's wasm-objdump: an imported, shared
# env.memory with a 1 GiB maximum, atomic instructions including wait/notify, every export
# of the ABI (parbench.h), and no import but the memory and the accounting's clock. Prints
# "check-wasm: N passed, M failed".
# Usage: bash check-wasm.sh <parbench.wasm>
set -uo pipefail
wasm=$1
if ! command -v wasm-objdump >/dev/null 2>&1; then
    echo "check-wasm: wasm-objdump not found; install wabt (apt-get install wabt)" >&2
    echo "check-wasm: 0 passed, 1 failed"
    exit 1
fi
passed=0
failed=0
check() { # check CONDITION-EXIT-STATUS MESSAGE
    if [ "$1" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED check-wasm: $2" >&2; fi
}

headers=$(wasm-objdump -x "$wasm") || { echo "check-wasm: wasm-objdump cannot read $wasm" >&2; exit 1; }
code=$(wasm-objdump -d "$wasm")

memory=$(grep -E '^ - memory\[0\]' <<<"$headers" || true)
memory_has() { # memory_has PATTERN WHAT-TO-DO
    grep -q -- "$1" <<<"$memory"
    check $? "the memory import '${memory:-(none)}' lacks '$1'; $2"
}
memory_has '<- env.memory' "import it as env.memory: link with --import-memory"
memory_has ' shared' "make it shared: link with --shared-memory"
memory_has 'max=16384' "the maximum must be 16384 pages = 1 GiB: link with --max-memory=1073741824"
memory_has 'initial=32 ' "the JS side relies on a 32-page minimum: link with --initial-memory=2097152"

atomics=$(grep -c 'atomic' <<<"$code")
[ "$atomics" -gt 0 ]
check $? "no atomic instructions in the code; compile with -matomics"
grep -q 'memory.atomic.wait32' <<<"$code"
check $? "no memory.atomic.wait32: idle workers could not sleep"
grep -q 'memory.atomic.notify' <<<"$code"
check $? "no memory.atomic.notify: sleeping workers could not be woken"
grep -q '+\] atomics' <<<"$headers"
check $? "the target_features section does not list atomics"

for name in pb_abi_version pb_last_status pb_last_error pb_kernel_count pb_kernel_name pb_kernel_default_size \
    pb_pool_create pb_pool_wait_ready pb_pool_workers pb_pool_use_workers pb_pool_destroy pb_bench_create \
    pb_bench_step pb_bench_checksum pb_bench_kernel_steps pb_bench_destroy pb_pool_helper_stack pb_stack_enter \
    pb_worker_main pb_pool_stats_size pb_pool_stats_reset pb_pool_stats_read pb_clock_probe; do
    grep -qF -- "-> \"$name\"" <<<"$headers"
    check $? "export $name is missing"
done
# Besides the memory, only the accounting's clock (pool.js gives every instance both).
imports=$(sed -n '/^Import\[/,/^[A-Z]/p' <<<"$headers" | grep -- '<-' | sed 's/.*<- //' | sort | tr '\n' ' ')
[ "$imports" = "env.memory env.pb_clock_ms " ]
check $? "the module must import env.memory and env.pb_clock_ms only (pool.js's moduleImports), but imports: $imports"

echo "check-wasm: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
