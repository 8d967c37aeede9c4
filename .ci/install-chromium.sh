#!/bin/sh
# Install Debian's chromium and a CJK font (fonts-noto-cjk) so that tests/test_browser.py runs
# headless and its screenshots show Chinese characters. Idempotent; never fails the build: if the
# packages cannot be installed, the browser tests are skipped with the reason.
set -u

if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
    echo "install-chromium: chromium and fonts-noto-cjk already installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: no apt-get here; browser tests will be skipped"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "install-chromium: not root and no sudo; browser tests will be skipped"
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk >/dev/null 2>&1; then
    $SUDO apt-get update >/dev/null 2>&1 || true
    if ! $SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk >/dev/null 2>&1; then
        echo "install-chromium: apt-get install chromium fonts-noto-cjk failed; browser tests will be skipped"
        exit 0
    fi
fi
echo "install-chromium: installed $(chromium --version 2>/dev/null | head -n 1)"
exit 0
