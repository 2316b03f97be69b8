#!/bin/sh
# Runs every libFuzzer target of tests/fuzz for a while, starting from its committed seed corpus,
# and fails if any of them finds a crash, a leak, a timeout or undefined behaviour.
#
#   tests/fuzz/run-fuzz-smoke.sh BUILD_DIR [SECONDS]
#
# BUILD_DIR is a build configured with IVS_FUZZ=ON (cmake --preset fuzz: build-fuzz). SECONDS is
# per target (default 20). The fuzzers work on a temporary copy of the corpus, so the committed
# corpus is never modified; inputs that crash are kept in BUILD_DIR/fuzz-artifacts/<target>/.
# Extra libFuzzer flags can be passed in FUZZ_FLAGS (e.g. FUZZ_FLAGS=-jobs=2).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [SECONDS]" >&2; exit 2; }
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
build=$(CDPATH= cd -- "$1" && pwd)
seconds=${2:-20}

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="suppressions=$here/../lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=""
for source in "$here"/fuzz_*.cpp; do
    name=$(basename "$source" .cpp)
    binary="$build/tests/fuzz/$name"
    if [ ! -x "$binary" ]; then
        echo "$name: not built ($binary missing; build with cmake --build --preset fuzz)" >&2
        failed="$failed $name"
        continue
    fi
    corpus="$work/$name"
    artifacts="$build/fuzz-artifacts/$name"
    mkdir -p "$corpus" "$artifacts"
    cp "$here/corpus/$name"/* "$corpus/"
    seeds=$(ls "$corpus" | wc -l)
    dict=""
    [ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
    log="$work/$name.log"
    status=0
    # shellcheck disable=SC2086 # $dict and $FUZZ_FLAGS are word lists on purpose
    "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" $dict ${FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1 || status=$?
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    printf '%-20s %s  execs=%s cov=%s ft=%s corpus=%s->%s files\n' "$name" \
        "$([ $status -eq 0 ] && echo ok || echo "FAILED (exit $status)")" "${execs:-?}" \
        "${cov:-?}" "${ft:-?}" "$seeds" "$(ls "$corpus" | wc -l)"
    if [ $status -ne 0 ]; then
        failed="$failed $name"
        # The sanitizer or libFuzzer report, and the saved input.
        grep -v -E '^#[0-9]+|^\s+NEW_FUNC' "$log" | tail -n 60 >&2
        echo "reproduce: $binary $artifacts/<crash-file>" >&2
    fi
done

if [ -n "$failed" ]; then
    echo "fuzz smoke run failed:$failed" >&2
    exit 1
fi
