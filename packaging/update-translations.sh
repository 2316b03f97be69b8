#!/bin/sh
# Brings the translation sources (.ts) up to date with the strings in the code: app/ feeds
# app/translations/ivs_core_<lang>.ts, ui/ feeds ui/translations/ivs_ui_<lang>.ts.
#
#   packaging/update-translations.sh                 update every existing .ts in place
#   packaging/update-translations.sh fr              also start French files (ivs_*_fr.ts)
#   packaging/update-translations.sh --into DIR      update copies in DIR; the tree is untouched
#
# No line numbers and no obsolete entries are kept, so a change to the code changes the .ts
# files only where a string changed. LUPDATE may name the lupdate to use.
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(dirname -- "$here")

into=""
languages=""
while [ $# -gt 0 ]; do
    case "$1" in
    --into)
        [ $# -ge 2 ] || { echo "update-translations.sh: --into needs a directory" >&2; exit 2; }
        into=$2
        shift 2
        ;;
    -h | --help)
        sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    -*)
        echo "update-translations.sh: unknown option $1" >&2
        exit 2
        ;;
    *)
        languages="$languages $1"
        shift
        ;;
    esac
done

lupdate=${LUPDATE:-}
if [ -z "$lupdate" ]; then
    if [ -x /usr/lib/qt6/bin/lupdate ]; then
        lupdate=/usr/lib/qt6/bin/lupdate
    else
        lupdate=$(command -v lupdate6 || command -v lupdate || true)
    fi
fi
if [ -z "$lupdate" ] || [ ! -x "$lupdate" ]; then
    echo "update-translations.sh: lupdate not found (Debian: qt6-l10n-tools); set LUPDATE" >&2
    exit 2
fi

# update SOURCE_DIR DOMAIN: each SOURCE_DIR/translations/DOMAIN_<lang>.ts that exists or whose
# language was asked for (lupdate starts a missing file, with the language its name gives).
update() {
    sources=$1
    domain=$2
    files=""
    for file in "$root/$sources/translations/${domain}"_*.ts; do
        [ -e "$file" ] && files="$files $file"
    done
    for lang in $languages; do
        file="$root/$sources/translations/${domain}_$lang.ts"
        case " $files " in *" $file "*) ;; *) files="$files $file" ;; esac
    done
    mkdir -p -- "$root/$sources/translations"
    for file in $files; do
        target=$file
        if [ -n "$into" ]; then
            target="$into/$(basename -- "$file")"
            rm -f -- "$target"
            [ ! -e "$file" ] || cp -- "$file" "$target"
        fi
        # Run from the root so that lupdate names files as the repository does.
        (cd "$root" && "$lupdate" -silent -no-obsolete -locations none "$sources" -ts "$target")
        echo "$target"
    done
}

if [ -n "$into" ]; then
    mkdir -p -- "$into"
    into=$(CDPATH= cd -- "$into" && pwd)
fi
update app ivs_core
update ui ivs_ui
