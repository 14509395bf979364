#!/bin/sh
# One entry point for the README's two commands:
#   sh tools/bootstrap.sh run    install and start Kense (a demo office in the user's data directory if new)
#   sh tools/bootstrap.sh test   install and run the whole test suite
# It installs the few Debian libraries Qt needs (when missing and we may), makes .venv, installs Kense into it.
set -eu
cd "$(dirname "$0")/.."
mode="${1:-run}"
shift || true

need=""
for pkg in libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 \
           libxcb-image0; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need="$need $pkg"
done
# the tests run every store test on PostgreSQL too, on a throw-away cluster: Debian's server package
if [ "$mode" = test ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    need="$need postgresql"
fi
if [ -n "$need" ] && command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    echo "installing Debian packages:$need"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
case "$mode" in
    run)
        .venv/bin/python -m pip install -q -e . >/dev/null
        exec .venv/bin/kense "$@"
        ;;
    test)
        .venv/bin/python -m pip install -q -e '.[test]' >/dev/null
        export QT_QPA_PLATFORM=offscreen
        exec .venv/bin/python -m pytest "$@"
        ;;
    *)
        echo "usage: sh tools/bootstrap.sh run|test [args]" >&2
        exit 2
        ;;
esac
