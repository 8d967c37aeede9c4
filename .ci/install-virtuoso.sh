#!/bin/sh
# Install Debian's virtuoso-opensource (7.2.5) so that tests/test_virtuoso.py runs.
# Idempotent; never fails the build: if the package cannot be installed, the Virtuoso
# tests are skipped with a clear reason and this script says why and exits 0.
set -u

if command -v virtuoso-t >/dev/null 2>&1; then
    echo "install-virtuoso: virtuoso-t already installed ($(command -v virtuoso-t))"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-virtuoso: no apt-get here; Virtuoso tests will be skipped"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-virtuoso: not root and no sudo; Virtuoso tests will be skipped"
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends virtuoso-opensource >/dev/null 2>&1; then
    $SUDO apt-get update >/dev/null 2>&1 || true
    if ! $SUDO apt-get install -y --no-install-recommends virtuoso-opensource >/dev/null 2>&1; then
        echo "install-virtuoso: apt-get install virtuoso-opensource failed; Virtuoso tests will be skipped"
        exit 0
    fi
fi
echo "install-virtuoso: installed $(virtuoso-t -? 2>&1 | head -n 2 | tail -n 1)"
exit 0
