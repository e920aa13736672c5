#!/usr/bin/env bash
# Tests of the C kernel library. Usage: bash run-tests.sh <scratch-dir>
set -euo pipefail
scratch=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module=$(cd "$here/../../.." && pwd)
mkdir -p "$scratch"
bash "$module/build.sh" "$scratch/assets" "$scratch/build"
lib=$scratch/assets/native/$(source "$module/c-flags.sh" && echo "$PB_NATIVE_PLATFORM")
clang -O2 -ffp-contract=off -std=gnu17 -Wall -Wextra -Werror -I"$module/src/main/c" \
    "$here/test_kernels.c" "$here/reference.c" -L"$lib" -lparbench -Wl,-rpath,"$lib" -lm -o "$scratch/test_kernels"
"$scratch/test_kernels" --checksums "$scratch/quick-checksums.txt"
