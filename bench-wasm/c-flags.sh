# Compiler, flags and source lists of the C kernel library; sourced by build.sh and the
# test scripts so that tests build exactly what ships. Run from src/main/c (paths are
# relative to it).

PB_CC=${CC:-clang}

# Each kernel of the registry (kernels.def) is kernels/<name>.c.
PB_KERNEL_SOURCES=($(sed -n 's|^PB_KERNEL(\([a-z0-9_]*\),.*|kernels/\1.c|p' \
    "$(dirname "${BASH_SOURCE[0]}")/src/main/c/kernels/kernels.def"))
PB_COMMON_SOURCES=(runtime/error.c runtime/pool.c kernels/kernels.c "${PB_KERNEL_SOURCES[@]}")
PB_NATIVE_SOURCES=("${PB_COMMON_SOURCES[@]}" native/platform_native.c)
PB_WASM_SOURCES=("${PB_COMMON_SOURCES[@]}" wasm/platform_wasm.c wasm/alloc.c wasm/libc.c)

# Exact IEEE arithmetic in the written order: no FMA contraction, no fast-math.
# -fno-math-errno only lets sqrt be an instruction; it changes no result.
PB_FP_FLAGS=(-ffp-contract=off -fno-math-errno)
# -Wno-psabi: vector types cross only static (inlined) functions, never the ABI.
PB_WARN_FLAGS=(-std=gnu17 -Wall -Wextra -Werror -Wno-psabi)

PB_NATIVE_FLAGS=(-O3 -pthread -fPIC "${PB_FP_FLAGS[@]}" "${PB_WARN_FLAGS[@]}")

# Memory: imported as env.memory, shared, 2 MiB initial (1 MiB of it the controller's
# stack, placed first so an overflow traps), 1 GiB maximum (also in wasm/alloc.c).
PB_WASM_FLAGS=(--target=wasm32 -nostdlib -ffreestanding -matomics -mbulk-memory -msimd128 -O3
    "${PB_FP_FLAGS[@]}" "${PB_WARN_FLAGS[@]}"
    -Wl,--no-entry -Wl,--import-memory -Wl,--shared-memory
    -Wl,--initial-memory=2097152 -Wl,--max-memory=1073741824
    -Wl,-z,stack-size=1048576 -Wl,--stack-first)

case "$(uname -m)" in
    x86_64 | amd64) PB_NATIVE_PLATFORM=linux-x86_64 ;;
    aarch64 | arm64) PB_NATIVE_PLATFORM=linux-aarch64 ;;
    *) PB_NATIVE_PLATFORM=linux-$(uname -m) ;;
esac
