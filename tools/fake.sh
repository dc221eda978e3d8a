# Sourced by tools/demo.sh and tools/examples.sh: starts the fake Graph
# command on loopback and points the provider at it through the environment.
#
#   fake_start DIR [FLAG...]  builds internal/fakegraph/cmd/fakegraph into DIR,
#                             starts it with the flags, waits until it is ready,
#                             and sets fake_pid (the caller stops it on exit:
#                             fake_stop). Its request log is DIR/fakegraph.log.
#   fake_env DIR              the variables (NAME=value, one a line) that make
#                             the provider and the CLIs use the fake: ARM_*,
#                             INDUSTRYDATA_* and SSL_CERT_FILE (Go then trusts the
#                             fake's self-signed certificate, and nothing else).
#   fake_stop                 stops the fake started by fake_start, if any.

fake_pid=

fake_start() {
  local dir=$1
  shift
  (cd "$(dirname "${BASH_SOURCE[0]}")/.." && go build -o "$dir/fakegraph" ./internal/fakegraph/cmd/fakegraph)
  "$dir/fakegraph" -listen 127.0.0.1:0 -info-file "$dir/info.json" -cert-file "$dir/cert.pem" "$@" \
    2> "$dir/fakegraph.log" &
  fake_pid=$!
  for _ in $(seq 1 100); do [[ -s $dir/info.json ]] && return 0; sleep 0.1; done
  echo "the fake Graph did not start:" >&2
  cat "$dir/fakegraph.log" >&2
  return 1
}

fake_env() {
  local dir=$1
  field() { sed -n "s/.*\"$1\": *\"\([^\"]*\)\".*/\1/p" "$dir/info.json"; }
  printf '%s\n' "SSL_CERT_FILE=$dir/cert.pem" \
    "ARM_TENANT_ID=$(field tenant_id)" "ARM_CLIENT_ID=$(field client_id)" "ARM_CLIENT_SECRET=$(field client_secret)" \
    "INDUSTRYDATA_GRAPH_ENDPOINT=$(field graph_url)" "INDUSTRYDATA_AUTHORITY_HOST=$(field url)/"
}

fake_stop() {
  if [[ -n $fake_pid ]]; then
    kill "$fake_pid" 2>/dev/null || true
    wait "$fake_pid" 2>/dev/null || true
    fake_pid=
  fi
}
