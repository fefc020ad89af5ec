#!/usr/bin/env bash
# Checks the C++ sources against .clang-format without changing them: runs
# `clang-format --dry-run --Werror` over src/, tests/unit/ and bench/ (*.cpp, *.h) and lists the
# files it would change. Exit status 1 when any file would change, 0 when all conform.
# `scripts/format_check.sh FILE...` checks just those files (e.g. the ones a change touches).
# Set CLANG_FORMAT to pick a binary (default: clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
command -v "$CLANG_FORMAT" >/dev/null || { echo "format_check: $CLANG_FORMAT not found (apt-get install clang-format)" >&2; exit 2; }

if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(find src tests/unit bench -type f \( -name '*.cpp' -o -name '*.h' \) | sort)
fi

# One clang-format per file (so each bad file is named), as many at a time as there are cores.
mapfile -t bad < <(printf '%s\0' "${files[@]}" | xargs -0 -P "$(nproc)" -I{} \
  sh -c '"$0" --style=file --dry-run --Werror "$1" >/dev/null 2>&1 || echo "$1"' "$CLANG_FORMAT" {} | sort)

if [ ${#bad[@]} -eq 0 ]; then
  echo "format_check: ${#files[@]} files conform to .clang-format"
  exit 0
fi
printf '%s\n' "${bad[@]}"
echo "format_check: ${#bad[@]} of ${#files[@]} files need clang-format ($CLANG_FORMAT -i FILE; see one with $CLANG_FORMAT FILE | diff FILE -)"
exit 1
