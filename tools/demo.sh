#!/usr/bin/env bash
# `make demo`: builds the provider and the fake Graph, starts the fake on
# loopback with sample runs, runs `terraform apply` on examples/demo through a
# temporary dev_overrides CLI configuration, prints what it read, and stops
# the fake. Nothing is left running or written outside a temporary folder.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/industrydata-demo.XXXXXX")
fake_pid=
cleanup() {
  if [[ -n $fake_pid ]]; then kill "$fake_pid" 2>/dev/null || true; wait "$fake_pid" 2>/dev/null || true; fi
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
(cd "$root" && go build -o "$work/plugins/terraform-provider-industrydata" . \
  && go build -o "$work/fakegraph" ./internal/fakegraph/cmd/fakegraph)

echo "==> starting the fake Graph on loopback"
"$work/fakegraph" -listen 127.0.0.1:0 -seed sample -info-file "$work/info.json" -cert-file "$work/cert.pem" \
  2> "$work/fakegraph.log" &
fake_pid=$!
for _ in $(seq 1 100); do [[ -s $work/info.json ]] && break; sleep 0.1; done
[[ -s $work/info.json ]] || { echo "the fake Graph did not start:" >&2; cat "$work/fakegraph.log" >&2; exit 1; }
field() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$work/info.json"; }
echo "    Graph at $(field graph_url)"

cat > "$work/cli.tfrc" <<HCL
provider_installation {
  dev_overrides {
    "industrydata/industrydata" = "$work/plugins"
  }
  direct {}
}
HCL
cp "$root"/examples/demo/*.tf "$work/demo/"

# The provider reads its settings from the environment, as in CI pipelines;
# SSL_CERT_FILE makes Go trust the fake's self-signed certificate.
export TF_CLI_CONFIG_FILE=$work/cli.tfrc SSL_CERT_FILE=$work/cert.pem CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export ARM_TENANT_ID=$(field tenant_id) ARM_CLIENT_ID=$(field client_id) ARM_CLIENT_SECRET=$(field client_secret)
export INDUSTRYDATA_GRAPH_ENDPOINT=$(field graph_url) INDUSTRYDATA_AUTHORITY_HOST=$(field url)/

echo "==> $("$tf" version | head -1): apply examples/demo"
"$tf" -chdir="$work/demo" apply -auto-approve -input=false -compact-warnings
echo "==> plan again: nothing should change"
"$tf" -chdir="$work/demo" plan -input=false -detailed-exitcode -compact-warnings
echo "==> what the provider holds"
"$tf" -chdir="$work/demo" output
echo "==> destroy: Graph keeps the run (it has no DELETE for runs)"
"$tf" -chdir="$work/demo" destroy -auto-approve -input=false -compact-warnings
echo "==> stopping the fake Graph ($(grep -c . "$work/fakegraph.log" || true) requests served)"
