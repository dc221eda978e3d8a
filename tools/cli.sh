#!/usr/bin/env bash
# Prints the path of a pinned CLI (terraform or opentofu), building it first if
# the cache lacks it. Builds are keyed by the tools module's go.sum, so a fresh
# clone reuses a binary built earlier on this machine, and a version bump in
# tools/<cli>/go.mod builds anew. Build output goes to stderr.
set -euo pipefail
cli=${1:?usage: tools/cli.sh terraform|opentofu}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${INDUSTRYDATA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/terraform-provider-industrydata}
case "$cli" in
  terraform) pkg=github.com/hashicorp/terraform ;;
  opentofu) pkg=github.com/opentofu/opentofu/cmd/tofu ;;
  *) echo "unknown CLI $cli" >&2; exit 2 ;;
esac
dir=$root/tools/$cli
version=$(awk -v p="${pkg%/cmd/tofu}" '$1 == p { print $2 }' "$dir/go.mod")
key=$(cat "$dir/go.mod" "$dir/go.sum" | sha256sum | cut -c1-12)
bin=$cache/bin/$cli-$version-$key
if [[ ! -x $bin ]]; then
  mkdir -p "$cache/bin"
  echo "building $cli $version (once per machine; several minutes on 2 cores)…" >&2
  start=$SECONDS
  # A temporary name per process: two checkouts building at once must not
  # move each other's half-written binary.
  (cd "$dir" && go build -o "$bin.tmp.$$" "$pkg")
  mv "$bin.tmp.$$" "$bin"
  echo "built $cli $version in $((SECONDS - start)) s" >&2
fi
echo "$bin"
