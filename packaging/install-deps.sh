#!/bin/sh
# Installs the Debian 12 packages listed in debian-packages.txt, or in the list file given as the
# argument (skips when all are present).
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
list=${1:-"$here/debian-packages.txt"}
packages=$(grep -v '^#' "$list" | tr -s ' \n' ' ')

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing:$missing"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
