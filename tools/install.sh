#!/usr/bin/env bash
# `make install`: builds the provider and places it where Terraform and
# OpenTofu find providers with no CLI configuration at all: the "plugins"
# folder of their CLI configuration directory (~/.terraform.d/plugins on
# Linux and macOS, which both CLIs search), in the filesystem mirror layout
#   HOST/industrydata/industrydata/VERSION/OS_ARCH/terraform-provider-industrydata_vVERSION
# once for Terraform's registry host and once for OpenTofu's, since a mirror
# is keyed by the host each CLI resolves `industrydata/industrydata` to.
# A plain `terraform init` (or `tofu init`) with `version = "~> 0.1"` then
# installs it: no dev_overrides, no registry.
#
#   tools/install.sh [VERSION]
#
# VERSION defaults to the newest version in CHANGELOG.md. PLUGIN_DIR replaces
# ~/.terraform.d/plugins (e.g. for `terraform init -plugin-dir`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

version=${1:-$(sed -n 's/^## \([0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*\)\( .*\)\{0,1\}$/\1/p' CHANGELOG.md | head -n 1)}
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "install: version ${version:-(none)} is not X.Y.Z; CHANGELOG.md needs a '## X.Y.Z' section, or pass one" >&2
  exit 2
fi
plugins=${PLUGIN_DIR:-$HOME/.terraform.d/plugins}
platform=$(go env GOOS)_$(go env GOARCH)

work=$(mktemp -d "${TMPDIR:-/tmp}/industrydata-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The same flags as `make build`, so the build reuses its compiled packages;
# only the version stamped into the binary differs.
go build -ldflags "-s -w -X main.version=$version" -o "$work/provider" .

for host in registry.terraform.io registry.opentofu.org; do
  dir=$plugins/$host/industrydata/industrydata/$version/$platform
  mkdir -p "$dir"
  install -m 0755 "$work/provider" "$dir/terraform-provider-industrydata_v$version"
  echo "installed $dir/terraform-provider-industrydata_v$version"
done

cat <<EOF

Use it with version = "~> ${version%.*}" in required_providers, then terraform init (or tofu init):

  terraform {
    required_providers {
      industrydata = {
        source  = "industrydata/industrydata"
        version = "~> ${version%.*}"
      }
    }
  }

After installing a changed build of the same version, delete .terraform.lock.hcl (or
its industrydata block) and run terraform init again: the lock file records the
checksum of the previous build.
EOF
