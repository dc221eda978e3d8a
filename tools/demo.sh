#!/usr/bin/env bash
# `make demo`: builds the provider and the fake Graph, starts the fake on
# loopback, and through a temporary dev_overrides CLI configuration runs
# `terraform apply` on examples/demo: a School Data Sync setup (source
# system, year, data lake connector, inbound flow) and a run it waits for.
# It prints the run's statistics, destroys the setup and stops the fake.
# Nothing is left running or written outside a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/industrydata-demo.XXXXXX")
# shellcheck source=tools/fake.sh
source "$root/tools/fake.sh"
cleanup() {
  fake_stop
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A terraform on PATH is used when it is 1.8 or newer; otherwise the pinned build.
terraform_cli() {
  if command -v terraform >/dev/null; then
    local v
    v=$(terraform version 2>/dev/null | sed -n '1s/^Terraform v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
    if [[ -n $v ]] && read -r major minor <<<"$v" && (( major > 1 || (major == 1 && minor >= 8) )); then
      command -v terraform; return
    fi
  fi
  "$root/tools/cli.sh" terraform
}
tf=$(terraform_cli)

echo "==> building the provider and the fake Graph"
mkdir -p "$work/plugins" "$work/demo"
(cd "$root" && go build -o "$work/plugins/terraform-provider-industrydata" .)

# A started run completes by itself after run_seconds, so that waiting for
# completion takes a moment, not the hour a real run may take.
run_seconds=2
echo "==> starting the fake Graph on loopback (a started run takes ${run_seconds} s)"
fake_start "$work" -seed none -run-duration "${run_seconds}s"

cat > "$work/cli.tfrc" <<HCL
provider_installation {
  dev_overrides {
    "industrydata/industrydata" = "$work/plugins"
  }
  direct {}
}
HCL
cp "$root"/examples/demo/*.tf "$work/demo/"

# The provider reads its settings from the environment, as in CI pipelines.
export TF_CLI_CONFIG_FILE=$work/cli.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
mapfile -t fake_vars < <(fake_env "$work")
export "${fake_vars[@]}"
echo "    Graph at $INDUSTRYDATA_GRAPH_ENDPOINT"

echo "==> $("$tf" version | head -1): apply examples/demo (the setup, then a run waited for)"
"$tf" -chdir="$work/demo" apply -auto-approve -input=false -compact-warnings
echo "==> plan again: nothing should change"
"$tf" -chdir="$work/demo" plan -input=false -detailed-exitcode -compact-warnings
echo "==> the setup's ids and the run's statistics"
"$tf" -chdir="$work/demo" output
echo "==> destroy: flow, connector, year and source system are deleted; Graph keeps the run (it has no DELETE for runs)"
"$tf" -chdir="$work/demo" destroy -auto-approve -input=false -compact-warnings
echo "==> stopping the fake Graph ($(grep -c ' /beta/' "$work/fakegraph.log" || true) Graph requests served)"
