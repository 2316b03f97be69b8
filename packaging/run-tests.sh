#!/bin/sh
# Installs dependencies, builds with warnings as errors, and runs the whole test suite twice:
# once as built for release and once under AddressSanitizer + UndefinedBehaviorSanitizer. The
# tests run inside a private D-Bus session with an unlocked gnome-keyring and the offscreen Qt
# platform, so they never touch the developer's own keyring or display.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

"$root/packaging/install-deps.sh"

jobs=$(nproc 2>/dev/null || echo 2)
configure_and_build() { # build-dir extra-cmake-args…
    dir=$1
    shift
    cmake -S "$root" -B "$dir" -G Ninja -DIVS_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
    cmake --build "$dir" --parallel "$jobs"
}

echo "== build (RelWithDebInfo, warnings as errors)"
configure_and_build "$root/build-tests" -DCMAKE_BUILD_TYPE=RelWithDebInfo
echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer)"
configure_and_build "$root/build-sanitize" -DCMAKE_BUILD_TYPE=Debug -DIVS_SANITIZE=ON

sandbox=$(mktemp -d)
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/run"
chmod 700 "$sandbox/run"
export XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" \
       XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/run" HOME="$sandbox"
export QT_QPA_PLATFORM=offscreen
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY \
      AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL AWS_ENDPOINT_URL_IVS_REALTIME AWS_CA_BUNDLE
KEYRING_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export KEYRING_PASSWORD
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

dbus-run-session -- sh -ec '
    printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
    echo "== tests"
    ctest --test-dir "$1/build-tests" --output-on-failure --parallel "$2"
    echo "== tests under sanitizers"
    ctest --test-dir "$1/build-sanitize" --output-on-failure --parallel "$2"
' sh "$root" "$jobs"
echo "== all tests passed"
