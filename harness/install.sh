#!/bin/sh
# Installs the pinned npm implementations into harness/node_modules, from package-lock.json.
# Idempotent: runs `npm ci` only when node_modules is missing or the lock changed since the
# last install (the lock's sha256 is remembered in node_modules/.ozv-lock.sha256).
set -eu
cd "$(dirname "$0")"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.ozv-lock.sha256 2>/dev/null || true)
if [ -d node_modules ] && [ "$want" = "$have" ]; then
  echo "harness: node_modules up to date"
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > node_modules/.ozv-lock.sha256
