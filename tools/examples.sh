#!/usr/bin/env bash
# `make examples-validate`: checks every example under examples/ the way a
# user would meet it, against the dev build of the provider:
#   - `terraform fmt -check` over all of examples/ and the HCL blocks of
#     README.md and templates/;
#   - every folder holding .tf files passes `terraform validate` on the
#     pinned Terraform AND `tofu validate` on the pinned OpenTofu.
# The provider is installed through a temporary dev_overrides CLI
# configuration (key industrydata/industrydata, which both CLIs expand with
# their own registry host), so nothing is downloaded and no init is needed.
# A folder without a required_providers block (resource and data source
# examples, which the docs show without one) is validated with one added that
# names industrydata/industrydata, as a user's configuration would have.
# Every folder is checked; failures are listed at the end.
#
# The folders in `applied` (the guide "A complete School Data Sync setup")
# promise more than validity: each is applied against the fake Graph
# (tools/fake.sh; a started run completes after a second) on both CLIs, then
# destroyed, and both must succeed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
start=$SECONDS

tf=$(tools/cli.sh terraform)
tofu=$(tools/cli.sh opentofu)
work=$(mktemp -d "${TMPDIR:-/tmp}/industrydata-examples.XXXXXX")
# shellcheck source=tools/fake.sh
source tools/fake.sh
trap 'fake_stop; rm -rf "$work"' EXIT
applied=(examples/guides/complete-setup)

mkdir -p "$work/plugins"
go build -o "$work/plugins/terraform-provider-industrydata" .
cat > "$work/cli.tfrc" <<HCL
provider_installation {
  dev_overrides {
    "industrydata/industrydata" = "$work/plugins"
  }
  direct {}
}
HCL
export TF_CLI_CONFIG_FILE=$work/cli.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

failures=()

echo "==> terraform fmt -check examples/"
if ! "$tf" fmt -check -recursive -diff -no-color examples; then
  failures+=("examples/: not formatted (run: $tf fmt -recursive examples)")
fi

mapfile -t dirs < <(find examples -name '*.tf' -printf '%h\n' | LC_ALL=C sort -u)
[[ ${#dirs[@]} -gt 0 ]] || { echo "no examples found" >&2; exit 1; }

# The HCL shown inline in README.md (```hcl) and in templates/ (```terraform)
# is checked too: each block becomes a folder of its own. Blocks about another
# provider (the msgraph resources of the import guide) cannot be validated
# without downloading it, and are left out.
snippet=0
while IFS= read -r source; do
  in_block= lines=()
  while IFS= read -r line; do
    if [[ -z $in_block && ( $line == '```hcl' || $line == '```terraform' ) ]]; then
      in_block=1 lines=()
    elif [[ -n $in_block && $line == '```' ]]; then
      in_block=
      [[ ${lines[*]} == *msgraph* ]] && continue
      snippet=$((snippet + 1))
      dir=$work/${source//\//_}-hcl-$snippet
      mkdir -p "$dir"
      printf '%s\n' "${lines[@]}" > "$dir/main.tf"
      dirs+=("$dir")
      if ! "$tf" fmt -check -diff -no-color "$dir" > "$work/fmt.log"; then
        cat "$work/fmt.log"
        failures+=("$source: an inline HCL block is not formatted")
      fi
    elif [[ -n $in_block ]]; then
      lines+=("$line")
    fi
  done < "$source"
done < <(printf '%s\n' README.md; find templates -name '*.tmpl' | LC_ALL=C sort)

# explain FILE: a hint for errors that mean "the provider lacks this type yet".
explain() {
  sed -n 's/.*does not support \(resource\|data source\) type "\([a-z_]*\)".*/    (the provider has no \1 \2 yet: this example validates once it is added)/p' "$1" | sort -u
}

n=0
for dir in "${dirs[@]}"; do
  n=$((n + 1))
  copy=$work/ex/$n
  mkdir -p "$copy"
  cp "$dir"/*.tf "$copy/"
  if ! grep -qs 'required_providers' "$copy"/*.tf; then
    cat > "$copy/zz_required_providers.tf" <<'HCL'
terraform {
  required_providers {
    industrydata = {
      source  = "industrydata/industrydata"
      version = "~> 0.1"
    }
  }
}
HCL
  fi
  for cli in terraform opentofu; do
    bin=$tf; [[ $cli == opentofu ]] && bin=$tofu
    log=$work/ex/$n.$cli.log
    if "$bin" -chdir="$copy" validate -no-color > "$log" 2>&1; then
      printf 'ok    %-9s %s\n' "$cli" "${dir#"$work"/}"
    else
      printf 'FAIL  %-9s %s\n' "$cli" "${dir#"$work"/}"
      grep -v '^$' "$log" | grep -v -i 'provider development overrides are in effect' | sed 's/^/    /' || true
      explain "$log"
      failures+=("${dir#"$work"/}: $cli validate")
    fi
  done
done

# apply_and_destroy CLI BIN DIR: applies a copy of DIR against the fake, then
# destroys it. Variables the configuration declares get a made-up value. A
# step may take 2 minutes at most: a run that never completes (the guide
# waits up to 2 hours) must not hold `make test` up.
apply_and_destroy() {
  local cli=$1 bin=$2 dir=$3 copy=$work/apply/$1-${3//\//_} log
  mkdir -p "$copy"
  cp "$dir"/*.tf "$copy/"
  log=$copy.log
  for step in apply destroy; do
    if env "${fake_vars[@]}" TF_VAR_oneroster_client_secret=example-secret TF_VAR_student_password=example-password \
      timeout 120 "$bin" -chdir="$copy" "$step" -auto-approve -input=false -no-color > "$log" 2>&1; then
      printf 'ok    %-9s %s %s\n' "$cli" "$step" "$dir"
    else
      printf 'FAIL  %-9s %s %s\n' "$cli" "$step" "$dir"
      grep -v '^$' "$log" | sed 's/^/    /' | tail -40
      failures+=("$dir: $cli $step against the fake Graph")
      return
    fi
  done
}

apply_start=$SECONDS
mkdir -p "$work/fake"
fake_start "$work/fake" -seed none -run-duration 1s
mapfile -t fake_vars < <(fake_env "$work/fake")
for dir in "${applied[@]}"; do
  apply_and_destroy terraform "$tf" "$dir"
  apply_and_destroy opentofu "$tofu" "$dir"
done
fake_stop

echo "==> ${#dirs[@]} example folders, each on terraform and opentofu, in $((SECONDS - start)) s"
echo "    applied and destroyed against the fake Graph on both (in $((SECONDS - apply_start)) s): ${applied[*]}"
if [[ ${#failures[@]} -gt 0 ]]; then
  printf 'failed: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "all examples are formatted and valid, and the applied ones apply and destroy"
