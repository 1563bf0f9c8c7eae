#!/usr/bin/env bash
# Installs exactly the Debian packages this project needs that are not present yet.
# Quick when everything is already there: dpkg-query only, no apt-get call at all.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  nlohmann-json3-dev libvalijson-dev libzip-dev libblosc-dev libzstd-dev zlib1g-dev
  libpugixml-dev catch2 libcurl4-openssl-dev
  # test-only peers: python3-zarr writes reference Zarr v2 data, zip/unzip build test archives
  python3 python3-zarr python3-numcodecs python3-numpy zip unzip
  # implementations the compatibility harness runs (harness/): Python jsonschema, Node for the npm ones
  python3-jsonschema nodejs
  # headless browser for the report page test (harness/tests/browser/)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

# The pinned npm implementations of the harness (npm ci from harness/package-lock.json, only
# when harness/node_modules is missing or out of date).
install_npm() { sh "$(dirname "$0")/../harness/install.sh"; }

if [ ${#missing[@]} -eq 0 ]; then
  install_npm
  exit 0
fi

echo "installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "error: missing packages and not root; run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_npm
