#!/bin/sh
# Builds the benchmarks (preset bench: Release) and runs every one of them, then prints one
# Markdown table of the performance goals (path | goal | measured | met?) with the machine it ran
# on. Each benchmark's full output is kept in build-bench/benchmark-logs/. Exits 0 when every
# goal is met, 1 when one is missed, 2 when a benchmark could not run.
#
# The figures are only as quiet as the machine: work that stays on one core is judged by its CPU
# time, but the load average is printed so a busy run can be recognised.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

"$root/packaging/install-deps.sh"
# What only the benchmarks need (hyperfine, GNU time): not installed for the tests.
"$root/packaging/install-deps.sh" "$root/packaging/benchmark-packages.txt"

jobs=$(nproc 2>/dev/null || echo 2)
echo "== build (preset bench: Release)"
cmake --preset bench >/dev/null
cmake --build --preset bench --parallel "$jobs"

build="$root/build-bench"
logs="$build/benchmark-logs"
mkdir -p "$logs"
results="$logs/goals.tsv"
: >"$results"

sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/config" "$sandbox/data" "$sandbox/cache"
# Never the user's settings, profiles, keychain, display or credentials; nothing but loopback.
export HOME="$sandbox" XDG_CONFIG_HOME="$sandbox/config" XDG_DATA_HOME="$sandbox/data" \
       XDG_CACHE_HOME="$sandbox/cache" QT_QPA_PLATFORM=offscreen IVS_BENCH_RESULTS="$results" \
       no_proxy='*' NO_PROXY='*'
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY \
      AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_IVS_REALTIME http_proxy \
      https_proxy HTTP_PROXY HTTPS_PROXY

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
for benchmark in bench_core bench_window bench_startup bench_monitor; do
    echo "== $benchmark"
    code=0
    "$build/tests/bench/$benchmark" --benchmark_color=false >"$logs/$benchmark.txt" 2>&1 || code=$?
    case $code in
    0) ;;
    1) [ "$status" -eq 2 ] || status=1 ;; # a goal missed; its row says which
    *)
        echo "$benchmark failed (exit code $code):"
        tail -n 20 "$logs/$benchmark.txt"
        status=2
        ;;
    esac
done
# Measured from outside: one-shot commands against curl, --version, --help, the idle window.
echo "== processes (one-shot commands, --version, --help, idle window)"
code=0
"$root/packaging/bench-processes.sh" "$build" "$results" "$logs" || code=$?
case $code in
0) ;;
1) [ "$status" -eq 2 ] || status=1 ;;
*) status=2 ;;
esac
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
cores=$(nproc)
kernel="$(uname -s) $(uname -r)"
qt=$(sed -n 's/^Qt: //p' "$logs/bench_core.txt" | head -n 1) # as the benchmarks ran with it
compiler_file=$(ls "$build"/CMakeFiles/*/CMakeCXXCompiler.cmake | head -n 1)
compiler_id=$(sed -n 's/^set(CMAKE_CXX_COMPILER_ID "\(.*\)")$/\1/p' "$compiler_file")
compiler_version=$(sed -n 's/^set(CMAKE_CXX_COMPILER_VERSION "\(.*\)")$/\1/p' "$compiler_file")

echo
echo "| path | goal | measured | met? |"
echo "|---|---|---|---|"
awk -F '\t' '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$results"
echo
echo "Machine: ${cpu:-unknown CPU}, $cores cores; $kernel; Qt ${qt:-unknown}; $compiler_id $compiler_version (Release)."
echo "Load average (1, 5, 15 min): $load_before before, $load_after after. Run on $(date -u +%Y-%m-%d)."
exit "$status"
