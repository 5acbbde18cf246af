#!/usr/bin/env bash
# The whole test suite: types, unit tests on both DuckDB builds, then the built app in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
npx svelte-kit sync
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
npx vitest run
npx vite build
npx vitest run --config vitest.e2e.config.ts
