#!/usr/bin/env bash
# `make lint`: golangci-lint, pinned in tools/golangci (built once into the
# cache by tools/gotool.sh), with the committed .golangci.yml. Extra
# arguments go to `golangci-lint run`, e.g. tools/lint.sh --fix.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
start=$SECONDS
lint=$(tools/gotool.sh golangci-lint)
"$lint" config verify
"$lint" run "$@" ./...
echo "lint passed in $((SECONDS - start)) s"
