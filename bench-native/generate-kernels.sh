#!/usr/bin/env bash
# Generates the Java side of the kernel registry from its one source, bench-wasm's kernels.def
# (one PB_KERNEL row per kernel, in id order):
#   <out>/io/parbench/kernels/KernelSpec.java   the enum, one constant per row
#   <out>/io/parbench/jmh/KernelParameter.java  JMH's kernel parameter, by default every kernel
#                                               of the benchmark role (not the calibration ones)
# from the templates (*.java.in) under <templates>. Maven runs it before compiling; a file whose
# content is unchanged is left alone, so the compiler does not redo the module.
# Usage: bash generate-kernels.sh <kernels.def> <templates-dir> <out-dir>
set -euo pipefail

if [ $# -ne 3 ]; then
    echo "usage: bash generate-kernels.sh <kernels.def> <templates-dir> <out-dir>" >&2
    exit 2
fi
registry=$1 templates=$2 out=$3

fail() {
    echo "generate-kernels.sh: $registry: $*" >&2
    exit 1
}

constants="" names="" params=""
declare -A row_of_name row_of_tag
while IFS= read -r line; do
    [[ $line == PB_KERNEL\(* ]] || continue
    row='^PB_KERNEL\(([a-z][a-z0-9_]*), *([0-9]+), *("[^"]*"), *([^,]+), *([^,]+), *([^,]+), *([A-Z][A-Za-z0-9_]*), *(benchmark|calibration)\) *$'
    [[ $line =~ $row ]] || fail "'$line' is not a row: write PB_KERNEL(name, TAG, \"unit\", quick, default, full, JavaPort, benchmark|calibration)"
    name=${BASH_REMATCH[1]} tag=${BASH_REMATCH[2]} unit=${BASH_REMATCH[3]} port=${BASH_REMATCH[7]} role=${BASH_REMATCH[8]}
    sizes="${BASH_REMATCH[4]}, ${BASH_REMATCH[5]}, ${BASH_REMATCH[6]}"
    [ -n "${row_of_name[$name]:-}" ] && fail "kernel $name has two rows: give each kernel one"
    [ -n "${row_of_tag[$tag]:-}" ] && fail "TAG $tag is ${row_of_tag[$tag]}'s: give $name a TAG of its own"
    row_of_name[$name]=$name row_of_tag[$tag]=$name
    [ -n "$constants" ] && constants+=$',\n'
    constants+="    ${name^^}(\"$name\", $tag, $unit, $sizes, $port::new, $port::footprint, Role.${role^^})"
    names+="${names:+, }$name"
    if [ "$role" = benchmark ]; then
        params+="${params:+, }\"$name\""
    fi
done <"$registry"
[ -n "$names" ] || fail "no PB_KERNEL rows"
constants+=";"

# generate TEMPLATE OUTPUT: the template with the registry's lists filled in.
generate() {
    local text
    text=$(<"$1")
    text=${text//@KERNEL_CONSTANTS@/$constants}
    text=${text//@KERNEL_NAMES@/$names}
    text=${text//@KERNEL_PARAMS@/$params}
    mkdir -p "$(dirname "$2")"
    if [ ! -f "$2" ] || [ "$(<"$2")" != "$text" ]; then
        printf '%s\n' "$text" >"$2.tmp"
        mv -f "$2.tmp" "$2"
    fi
}

generate "$templates/io/parbench/kernels/KernelSpec.java.in" "$out/io/parbench/kernels/KernelSpec.java"
generate "$templates/io/parbench/jmh/KernelParameter.java.in" "$out/io/parbench/jmh/KernelParameter.java"
