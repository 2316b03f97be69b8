#!/bin/sh
# Builds the .deb from a configured build folder, installs it with apt (so its Depends are
# resolved as a user's install would), runs the installed binary, and removes the package again.
set -eu
build=$1
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

rm -f "$build"/ivs-stage-browser_*.deb
(cd "$build" && cpack -G DEB >/dev/null 2>&1)
deb=$(cd "$build" && ls "$PWD"/ivs-stage-browser_*.deb)
echo "built $deb"
dpkg-deb -f "$deb" Depends

DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$deb" >/dev/null
trap 'DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -qq ivs-stage-browser >/dev/null' EXIT

# No display is needed to ask for the version.
version=$(env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/ivs-stage-browser --version)
echo "installed: $version"
case "$version" in
    *"$(dpkg-deb -f "$deb" Version)"*) ;;
    *) echo "unexpected --version output: $version" >&2; exit 1 ;;
esac
for f in /usr/share/applications/org.ivsstagebrowser.StageBrowser.desktop \
         /usr/share/metainfo/org.ivsstagebrowser.StageBrowser.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/org.ivsstagebrowser.StageBrowser.svg \
         /usr/share/icons/hicolor/256x256/apps/org.ivsstagebrowser.StageBrowser.png \
         /usr/share/doc/ivs-stage-browser/LICENSE \
         /usr/share/doc/ivs-stage-browser/copyright; do
    [ -f "$f" ] || { echo "missing after install: $f" >&2; exit 1; }
done
# The translations are built into the binary: German needs no files beside it.
german=$(LANG=de_DE.UTF-8 LANGUAGE= LC_ALL= /usr/bin/ivs-stage-browser diagnose --help)
case "$german" in
    *"Prüft eine Stage auf Probleme"*) ;;
    *) echo "LANG=de_DE.UTF-8 did not give German help: $german" >&2; exit 1 ;;
esac
# The window is a library of its own (/usr/lib/…/ivs-stage-browser/libivs-stage-browser-gui.so),
# loaded only when the window opens: the installed binary finds it, and a command runs without
# loading Qt Widgets at all.
home=$(mktemp -d)
startup=$(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$home" XDG_CONFIG_HOME="$home/config" \
    QT_QPA_PLATFORM=offscreen /usr/bin/ivs-stage-browser --demo --measure-startup 2>/dev/null)
case "$startup" in
    "startup: "*) echo "installed window: $startup" ;;
    *) echo "the installed window did not open: $startup" >&2; exit 1 ;;
esac
loaded=$(env HOME="$home" XDG_CONFIG_HOME="$home/config" LD_DEBUG=files /usr/bin/ivs-stage-browser \
    get-stage --demo --arn arn:aws:ivs:us-west-2:123456789012:stage/abcdABCDefgh --output json \
    2>&1 >/dev/null)
rm -rf "$home"
case "$loaded" in
    *libQt6Core.so*) ;;
    *) echo "LD_DEBUG=files reported nothing for get-stage" >&2; exit 1 ;;
esac
case "$loaded" in
    *libQt6Widgets.so*) echo "get-stage loaded Qt Widgets" >&2; exit 1 ;;
esac
echo "installed package works"
