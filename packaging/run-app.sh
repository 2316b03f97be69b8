#!/bin/sh
# Installs dependencies, builds the app and starts it. With no AWS credentials in the
# environment it opens on the built-in demo endpoint. Arguments are passed to the app.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
"$root/packaging/install-deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIVS_BUILD_TESTS=OFF >/dev/null
cmake --build "$root/build" --parallel "$(nproc 2>/dev/null || echo 2)"
exec "$root/build/app/ivs-stage-browser" "$@"
