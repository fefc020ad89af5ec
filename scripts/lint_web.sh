#!/usr/bin/env bash
# Lints the web app with ESLint (web/eslint.config.js: recommended JS and Vue rules plus a few
# correctness rules, no layout rules). Needs web/node_modules (`cd web && npm ci`).
# Extra arguments go to eslint, e.g. `scripts/lint_web.sh --fix` or `scripts/lint_web.sh -f json`.
set -euo pipefail
cd "$(dirname "$0")/../web"
npx eslint . "$@"
