#!/usr/bin/env bash
# Browser tests need Debian's chromium at /usr/bin/chromium. Install it where we can (root + apt);
# otherwise say so: the browser tests then skip with a message, except under CI=true, where they fail.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
  echo "Could not install chromium with apt-get." >&2
else
  echo "No /usr/bin/chromium and no root apt-get: browser tests will be skipped." \
       "Install it with: sudo apt-get install chromium" >&2
fi
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: browser tests must run, so this is an error." >&2
  exit 1
fi
exit 0
