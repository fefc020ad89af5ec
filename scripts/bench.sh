#!/usr/bin/env bash
# Runs every benchmark and prints its figures (never part of pass/fail: the machine is shared).
set -euo pipefail
cd "$(dirname "$0")/.."
for b in bench/*.sh; do
  echo "#### $b"
  bash "$b"
done
