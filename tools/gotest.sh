#!/usr/bin/env bash
# Runs one part of `make test` and keeps its counts for the summary:
#   unit       every test except acceptance tests (TestAcc*), and every benchmark once
#   terraform  acceptance tests on the pinned Terraform
#   opentofu   acceptance tests on the pinned OpenTofu
#   summary    prints the counts of the parts run so far, and fails if any
#              acceptance test was skipped (a skipped test proves nothing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
results=${TEST_RESULTS_DIR:-$root/.test-results}
mkdir -p "$results"
part=${1:?usage: tools/gotest.sh unit|terraform|opentofu|summary}

count() { # count FILE WORD: tests (and subtests) that ended with WORD
  grep -cE -- "^\s*--- $2: " "$1" || true
}

run() { # run NAME go-test-args...
  local name=$1; shift
  local log=$results/$name.log
  local status=0
  go test "$@" 2>&1 | tee "$log" || status=$?
  local pass fail skip
  pass=$(count "$log" PASS) fail=$(count "$log" FAIL) skip=$(count "$log" SKIP)
  echo "$name $pass $fail $skip $status" > "$results/$name.count"
  echo "== $name: $pass passed, $fail failed, $skip skipped"
  return "$status"
}

acceptance() { # acceptance NAME CLI-PATH extra NAME=value environment...
  local name=$1 cli=$2; shift 2
  local cliconfig=$results/empty.tfrc
  : > "$cliconfig" # OpenTofu cannot parse its version line without a CLI config file
  (
    export TF_ACC=1 TF_ACC_TERRAFORM_PATH="$cli" TF_CLI_CONFIG_FILE="$cliconfig" CHECKPOINT_DISABLE=1 "$@"
    run "$name" -count=1 -v -timeout 40m -run '^TestAcc' ./...
  )
}

case "$part" in
  unit)
    # Every benchmark runs once too, so none rots between two `make bench` runs.
    run unit -count=1 -v -skip '^TestAcc' -bench . -benchtime 1x ./... ;;
  terraform)
    acceptance terraform "$(tools/cli.sh terraform)" ;;
  opentofu)
    acceptance opentofu "$(tools/cli.sh opentofu)" \
      TF_ACC_PROVIDER_NAMESPACE=hashicorp TF_ACC_PROVIDER_HOST=registry.opentofu.org ;;
  summary)
    total_pass=0 total_fail=0 bad=0
    for f in "$results"/*.count; do
      read -r name pass fail skip status < "$f"
      printf '%-10s %4d passed, %d failed, %d skipped (go test exit %d)\n' "$name" "$pass" "$fail" "$skip" "$status"
      total_pass=$((total_pass + pass)) total_fail=$((total_fail + fail))
      if [[ $name != unit && $skip -gt 0 ]]; then
        echo "$name: $skip acceptance tests were skipped; a skipped acceptance test does not count as passing" >&2
        grep -E -- '^\s*--- SKIP' "$results/$name.log" >&2 || true
        bad=1
      fi
      if [[ $name != unit && $pass -eq 0 ]]; then
        echo "$name: no acceptance test ran" >&2; bad=1
      fi
      [[ $status -eq 0 ]] || bad=1
    done
    echo "all: $total_pass passed, $total_fail failed"
    exit "$bad" ;;
  *) echo "unknown part $part" >&2; exit 2 ;;
esac
