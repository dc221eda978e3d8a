#!/usr/bin/env bash
# Generates the registry documentation (docs/) from templates/ and examples/
# with the pinned tfplugindocs, or checks that docs/ is up to date:
#   tools/docs.sh generate   rewrite docs/
#   tools/docs.sh check      generate into a temporary copy and fail if docs/ differs
#
# Nothing is downloaded: the provider's schema comes from the dev build of
# the provider through the pinned Terraform (`terraform providers schema
# -json` with a dev_overrides CLI configuration), and tfplugindocs reads it
# with --providers-schema, so it neither builds the provider nor looks for a
# Terraform of its own.
#
# A template for a resource or data source that the provider does not have
# (yet) is left out with a note: tfplugindocs would otherwise render it as a
# plain page without schema or examples.
set -euo pipefail
mode=${1:?usage: tools/docs.sh generate|check}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
case "$mode" in generate | check) ;; *) echo "unknown mode $mode" >&2; exit 2 ;; esac

start=$SECONDS
tf=$(tools/cli.sh terraform)
tfplugindocs=$(tools/gotool.sh tfplugindocs)
work=$(mktemp -d "${TMPDIR:-/tmp}/industrydata-docs.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. The provider's schema, as Terraform sees it. Without a required_providers
#    block the provider's address is hashicorp/industrydata, the address
#    tfplugindocs looks up in the schema file (it also accepts a bare name).
mkdir -p "$work/plugins" "$work/schema"
go build -o "$work/plugins/terraform-provider-industrydata" .
cat > "$work/cli.tfrc" <<HCL
provider_installation {
  dev_overrides {
    "hashicorp/industrydata" = "$work/plugins"
  }
  direct {}
}
HCL
echo 'provider "industrydata" {}' > "$work/schema/main.tf"
TF_CLI_CONFIG_FILE=$work/cli.tfrc CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 \
  "$tf" -chdir="$work/schema" providers schema -json > "$work/schema.json"
schema='.provider_schemas["registry.terraform.io/hashicorp/industrydata"]'

# 2. A copy of templates/ and examples/ to render from, without the templates
#    whose resource or data source does not exist.
site=$work/site
mkdir -p "$site"
cp -R templates examples "$site/"
for kind in resources:resource_schemas data-sources:data_source_schemas; do
  dir=${kind%%:*} key=${kind#*:}
  for tmpl in "$site/templates/$dir"/*.md.tmpl; do
    [[ -e $tmpl ]] || continue
    name=industrydata_$(basename "$tmpl" .md.tmpl)
    if ! jq -e --arg n "$name" "$schema.$key // {} | has(\$n)" "$work/schema.json" > /dev/null; then
      echo "note: templates/$dir/$(basename "$tmpl") not rendered: the provider has no ${dir%s} $name (yet)" >&2
      rm "$tmpl"
    fi
  done
done

# 3. Facts in the templates that the code owns are filled in from the code:
#    [[env ATTRIBUTE]] becomes the environment variables that the provider's
#    schema lists for ATTRIBUTE ("Environment: `A`, `B`." at the end of its
#    description, which internal/provider builds from internal/graph's table);
#    a line [[permissions KIND...]] becomes the table of Graph permissions of
#    those kinds of call, from internal/tfdiag (tools/docsgen).
go build -o "$work/docsgen" ./tools/docsgen
jq -r "$schema.provider.block.attributes | to_entries[]
  | [.key, ((.value.description // \"\") | capture(\"Environment: (?<e>.*)\\\\.\$\").e // \"\")] | @tsv" \
  "$work/schema.json" > "$work/env.tsv"
find "$site/templates" -name '*.tmpl' -print0 | xargs -0 perl -i -e '
  open(my $f, "<", shift) or die; my %env;
  while (<$f>) { chomp; my ($k, $v) = split /\t/, $_, 2; $v =~ s/`, `/` or `/g; $env{$k} = $v }
  my $docsgen = shift;
  while (<>) {
    if (/^\[\[permissions((?: [a-z_]+)*)\]\]$/) {
      my $table = `$docsgen permissions$1`;
      $? == 0 or die "$ARGV: [[permissions$1]]: docsgen failed\n";
      print $table;
      next;
    }
    s{\[\[env ([a-z_]+)\]\]}{
      exists $env{$1} or die "$ARGV: [[env $1]]: the provider has no attribute $1\n";
      length $env{$1} or die "$ARGV: [[env $1]]: $1 has no environment variable\n";
      $env{$1} }ge;
    die "$ARGV: unknown placeholder $1\n" if /(\[\[[a-z]+\b[^]]*\]\])/;
    print;
  }' "$work/env.tsv" "$work/docsgen"

# 4. Render. The existing docs/ is copied in first, so that tfplugindocs only
#    replaces what it manages, as it does in place.
[[ -d docs ]] && cp -R docs "$site/docs"
"$tfplugindocs" generate \
  --provider-dir "$site" \
  --provider-name industrydata \
  --providers-schema "$work/schema.json" \
  > "$work/tfplugindocs.log" 2>&1 || { cat "$work/tfplugindocs.log" >&2; exit 1; }
# tfplugindocs reports a template it could not match as a warning only.
if grep -i 'warn' "$work/tfplugindocs.log" >&2; then
  echo "tfplugindocs warned (above); fix the templates" >&2
  exit 1
fi

case "$mode" in
  generate)
    rm -rf docs
    cp -R "$site/docs" docs
    echo "docs/ regenerated in $((SECONDS - start)) s"
    ;;
  check)
    if ! diff -ruN docs "$site/docs" > "$work/docs.diff"; then
      cat "$work/docs.diff" >&2
      echo >&2
      echo "docs/ is out of date with the provider's schema, templates/ or examples/ (diff above)." >&2
      echo "Run 'make docs' and commit the result." >&2
      exit 1
    fi
    echo "docs/ is up to date ($((SECONDS - start)) s)"
    ;;
esac
