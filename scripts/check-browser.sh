#!/bin/sh
# `npm test` runs this before anything else: without a browser the suite could only fail at its
# very end, after minutes of install, build and unit tests. As root on Debian or Ubuntu it installs
# Debian's chromium; otherwise it stops with one line saying what to install or set.
set -eu

default=/usr/bin/chromium
browser=${CHROMIUM_PATH:-$default}

runs() {
  [ -x "$1" ] && "$1" --version >/dev/null 2>&1
}

runs "$browser" && exit 0

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "npm test: CHROMIUM_PATH=$CHROMIUM_PATH is not a browser that runs; point it at Chromium or Chrome, or unset it to use $default" >&2
  exit 1
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: installing Debian's chromium for the end-to-end tests (apt-get install -y chromium)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q chromium || true
  runs "$browser" && exit 0
fi

echo "npm test: the end-to-end tests need Chromium at $default: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary" >&2
exit 1
