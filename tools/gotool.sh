#!/usr/bin/env bash
# Prints the path of a pinned Go tool (tfplugindocs or golangci-lint), building
# it first if the cache lacks it. Works like tools/cli.sh: the tool is pinned
# by a tools module of its own (tools/tfplugindocs, tools/golangci), builds are
# keyed by that module's go.mod and go.sum and kept in the same cache folder,
# so a fresh clone reuses a binary built earlier on this machine and a version
# bump builds anew. Build output goes to stderr.
set -euo pipefail
tool=${1:?usage: tools/gotool.sh tfplugindocs|golangci-lint}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${INDUSTRYDATA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-industrydata}
case "$tool" in
  tfplugindocs) dir=$root/tools/tfplugindocs mod=github.com/hashicorp/terraform-plugin-docs pkg=$mod/cmd/tfplugindocs ;;
  golangci-lint) dir=$root/tools/golangci mod=github.com/golangci/golangci-lint/v2 pkg=$mod/cmd/golangci-lint ;;
  *) echo "unknown tool $tool" >&2; exit 2 ;;
esac
version=$(awk -v p="$mod" '$1 == p { print $2 }' "$dir/go.mod")
key=$(cat "$dir/go.mod" "$dir/go.sum" | sha256sum | cut -c1-12)
bin=$cache/bin/$tool-$version-$key
if [[ ! -x $bin ]]; then
  mkdir -p "$cache/bin"
  echo "building $tool $version (once per machine)…" >&2
  start=$SECONDS
  # A temporary name per process, so concurrent builds cannot collide.
  # The tools module's go.mod decides every version (no workspace file applies).
  (cd "$dir" && GOWORK=off go build -trimpath -o "$bin.tmp.$$" "$pkg")
  mv "$bin.tmp.$$" "$bin"
  echo "built $tool $version in $((SECONDS - start)) s" >&2
fi
echo "$bin"
