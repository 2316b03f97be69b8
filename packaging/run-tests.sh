#!/bin/sh
# Installs dependencies, builds with warnings as errors, and runs the whole test suite twice:
# once as built for release and once under AddressSanitizer + UndefinedBehaviorSanitizer. The
# tests run inside a private D-Bus session with an unlocked gnome-keyring and the offscreen Qt
# platform, so they never touch the developer's own keyring or display. Finally the libFuzzer
# targets run for a short while each (IVS_FUZZ_SECONDS per target, default 20).
# Builds and tests use the CMake presets (CMakePresets.json): ci, asan and fuzz.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"

"$root/packaging/install-deps.sh"

jobs=$(nproc 2>/dev/null || echo 2)
configure_and_build() { # preset
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1" --parallel "$jobs"
}
started=$(date +%s)
took() { # what
    now=$(date +%s)
    echo "== $1 took $((now - started)) s"
    started=$now
}

echo "== build (preset ci: RelWithDebInfo, warnings as errors)"
configure_and_build ci
took "build (ci)"
echo "== build (preset asan: AddressSanitizer + UndefinedBehaviorSanitizer)"
configure_and_build asan
took "build (asan)"

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
    cd "$1"
    printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
    echo "== tests (preset ci)"
    ctest --preset ci --parallel "$2"
    echo "== tests under sanitizers (preset asan)"
    ctest --preset asan --parallel "$2"
' sh "$root" "$jobs"
took "tests (ci + asan)"

echo "== fuzz smoke run (preset fuzz: clang, libFuzzer + ASan + UBSan)"
configure_and_build fuzz
ctest --preset fuzz --parallel "$jobs"
"$root/tests/fuzz/run-fuzz-smoke.sh" "$root/build-fuzz" "${IVS_FUZZ_SECONDS:-20}"
took "fuzz build + smoke run"
echo "== package: validate desktop metadata, build the .deb, install it, run the installed binary"
desktop-file-validate "$root/packaging/linux/org.ivsstagebrowser.StageBrowser.desktop"
appstreamcli validate --no-net "$root/packaging/linux/org.ivsstagebrowser.StageBrowser.metainfo.xml"
"$root/packaging/check-installed-package.sh" "$root/build-tests"
took "package"
echo "== all tests passed"
