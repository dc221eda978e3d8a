#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version, for the GitHub release
# (goreleaser --release-notes), or with --check only verifies that the
# section exists and is dated (not "(Unreleased)"): .goreleaser.yml runs the
# check before building, so a release cannot go out without its notes.
#   tools/release-notes.sh 0.1.0 > notes.md
#   tools/release-notes.sh 0.1.0 --check
set -euo pipefail
version=${1:?usage: tools/release-notes.sh VERSION [--check]}
version=${version#v}
root=$(cd "$(dirname "$0")/.." && pwd)
notes=$(awk -v v="$version" '
  $1 == "##" && $2 == v { found = 1; heading = $0; next }
  found && /^## / { exit }
  found { print }
  END { if (!found) exit 3 }
' "$root/CHANGELOG.md") || { echo "CHANGELOG.md has no section \"## $version\"" >&2; exit 1; }
heading=$(grep -m1 -E "^## ${version//./\\.}( |$)" "$root/CHANGELOG.md")
if [[ ${2:-} == --check ]]; then
  if [[ $heading == *Unreleased* ]]; then
    echo "CHANGELOG.md: \"$heading\" is not dated; give it the release date before releasing" >&2
    exit 1
  fi
  echo "CHANGELOG.md has notes for $version: $heading"
  exit 0
fi
# Trim leading and trailing blank lines.
printf '%s\n' "$notes" | sed -e '/./,$!d' | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'
