#!/usr/bin/env bash
# `make run`: demo database (built once, deterministic) and the server on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${GONGJIAN_DB:-gongjian-demo.db}
PORT=${PORT:-8080}
if [ ! -f "$DB" ]; then
  ./build/gongjian demo --db "$DB"
fi
echo
echo "Gongjian is running at http://127.0.0.1:$PORT/"
echo "Demo logins (password for all: demo1234):"
echo "  admin (管理员)  dongezb (东阿县项目办)  lcxmb (聊城市项目办)  leader (县领导)  unit (责任单位)  viewer (只读)"
echo
exec ./build/gongjian serve --db "$DB" --host 127.0.0.1 --port "$PORT"
