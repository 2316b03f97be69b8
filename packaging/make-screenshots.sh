#!/bin/sh
# Regenerates the screenshots in resources/screenshots/ (used by README.md and the AppStream
# metadata) from the real app on its demo endpoint, in a private X server (Xvfb), D-Bus session
# and home directory, so they show what the current code draws and nothing of this machine.
#
#   packaging/make-screenshots.sh [BUILD_DIR]     (default: build/, as packaging/run-app.sh builds)
#
# Each shot starts the app afresh, waits for its window, drives it with xdotool where a dialog is
# wanted, and captures only that window.
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
build=${1:-$root/build}
app="$build/app/ivs-stage-browser"
out="$root/resources/screenshots"

missing=
for tool in Xvfb:xvfb xdotool:xdotool import:imagemagick dbus-run-session:dbus \
            gnome-keyring-daemon:gnome-keyring; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ]; then
    echo "== installing:$missing"
    sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y --no-install-recommends $missing
fi
if [ ! -x "$app" ]; then
    "$root/packaging/install-deps.sh"
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIVS_BUILD_TESTS=OFF >/dev/null
    cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)"
fi

sandbox=$(mktemp -d)
xvfb_pid=
cleanup() {
    [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$sandbox"
}
trap cleanup EXIT
mkdir -p "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/run" "$out"
chmod 700 "$sandbox/run"

# The first free display number from 90 on.
display=90
while [ -e "/tmp/.X11-unix/X$display" ] || [ -e "/tmp/.X$display-lock" ]; do
    display=$((display + 1))
done
Xvfb ":$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$display"
tries=0
until xdotool getdisplaygeometry >/dev/null 2>&1; do
    tries=$((tries + 1))
    [ "$tries" -lt 50 ] || { echo "Xvfb did not start on $DISPLAY" >&2; exit 1; }
    sleep 0.1
done

export HOME="$sandbox" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config" \
       XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/run" QT_QPA_PLATFORM=xcb
unset WAYLAND_DISPLAY AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE \
      AWS_ENDPOINT_URL AWS_ENDPOINT_URL_IVS_REALTIME AWS_CA_BUNDLE
KEYRING_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
export KEYRING_PASSWORD app out

dbus-run-session -- sh -eu -c '
    printf %s "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null

    # shot NAME LANGUAGE "ARGS" [XDOTOOL KEY...]: starts the app, waits for its window and the
    # stage to load, presses the keys (each a separate xdotool key, sent to the focused window,
    # with a pause) and saves the window, or the dialog that opened last, as NAME.png.
    shot() {
        name=$1 language=$2 args=$3
        shift 3
        LANG=$language LANGUAGE= LC_ALL= "$app" --demo $args >/dev/null 2>&1 &
        pid=$!
        window=$(xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
        xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
        sleep 2
        for key in "$@"; do
            xdotool key "$key"
            sleep 1
        done
        target=$(xdotool search --onlyvisible --pid "$pid" | tail -n 1)
        import -window "$target" "$out/$name.png"
        kill "$pid"
        wait "$pid" 2>/dev/null || true
        echo "== $out/$name.png"
    }

    town_hall=arn:aws:ivs:ap-northeast-1:123456789012:stage/Tn4Hall2026x
    field_reporter=arn:aws:ivs:eu-west-1:123456789012:stage/FieldRep0rt1
    shot main-window-demo en_US.UTF-8 "--arn $town_hall"
    shot checks-misconfigured-stage en_US.UTF-8 "--arn $field_reporter"
    shot publish-dialog en_US.UTF-8 "--arn $town_hall" alt+f p alt+c
    shot main-window-german de_DE.UTF-8 "--arn $town_hall"
'
