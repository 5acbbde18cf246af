#!/usr/bin/env bash
# The whole test suite: types, unit tests on both DuckDB builds, then the built app in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update && apt-get install -y chromium
  else
    echo "The browser tests need Debian's chromium: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
npx eslint .
npx prettier --check .
npx vitest run
npx vite build
npx vitest run --config vitest.e2e.config.ts
