#!/bin/sh
# One-step set-up on a fresh machine: system libraries (Debian/Ubuntu, when apt-get is
# there), a virtual environment in .venv, and the project with its test dependencies.
set -eu
cd "$(dirname "$0")"

# Qt's runtime libraries for a bare Debian (everything the xcb platform plugin links to, so
# the window opens on a desktop), a Chinese font for printing, poppler for the PDF tests.
# Debian 13 renamed some libraries with a t64 suffix; take whichever exists.
PACKAGES="libglib2.0-0 libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libx11-6 libx11-xcb1 \
libxext6 libxfixes3 libxi6 libxrender1 libsm6 libice6 libfontconfig1 libfreetype6 libdbus-1-3 \
libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 fonts-wqy-microhei poppler-utils"
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'; }
    wanted=""
    for p in $PACKAGES; do
        if has_candidate "$p"; then wanted="$wanted $p"
        elif has_candidate "${p}t64"; then wanted="$wanted ${p}t64"
        else echo "setup: no Debian package $p, skipped" >&2
        fi
    done
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $wanted >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
echo "setup: done (.venv ready)"
