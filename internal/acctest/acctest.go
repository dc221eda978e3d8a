// Package acctest holds what acceptance tests share: a fake Graph per test,
// provider factories that trust it, configuration builders and checks on the
// requests the fake received.
//
// The CLI under test comes from the environment, as terraform-plugin-testing
// reads it: TF_ACC_TERRAFORM_PATH (plus, for OpenTofu,
// TF_ACC_PROVIDER_NAMESPACE=hashicorp, TF_ACC_PROVIDER_HOST=registry.opentofu.org
// and TF_CLI_CONFIG_FILE). `make test` sets them for each CLI in turn.
package acctest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
	"github.com/industrydata/terraform-provider-industrydata/internal/process"
	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

// NewFake starts a TLS fake Graph for one test and closes it when the test ends.
func NewFake(t *testing.T, opts fakegraph.Options) *fakegraph.Server {
	t.Helper()
	fake := fakegraph.NewTLSServer(opts)
	t.Cleanup(fake.Close)
	return fake
}

// Factories returns provider factories whose provider trusts the fake's
// certificate; everything else about it is as shipped.
func Factories(fake *fakegraph.Server, opts ...provider.Option) map[string]func() (tfprotov6.ProviderServer, error) {
	opts = append([]provider.Option{provider.WithHTTPClient(fake.Client()), provider.WithGetenv(noEnv)}, opts...)
	serve := providerserver.NewProtocol6WithError(provider.New("acctest", opts...)())
	return map[string]func() (tfprotov6.ProviderServer, error){
		provider.TypeName: func() (tfprotov6.ProviderServer, error) {
			s, err := serve()
			return process.ReleaseRPCContexts(s), err // as the released provider serves
		},
	}
}

// noEnv keeps the developer's ARM_* variables out of tests: each test states
// its settings in configuration, or passes its own environment.
func noEnv(string) string { return "" }

// ProviderBlock is a provider block that signs in to the fake with the
// client-secret flow (the real azidentity code path) and talks to its Graph.
func ProviderBlock(fake *fakegraph.Server) string {
	return ProviderBlockWith(fake, map[string]string{
		"tenant_id":     fake.TenantID(),
		"client_id":     fake.ClientID(),
		"client_secret": fake.ClientSecret(),
	})
}

// ProviderBlockWith is a provider block pointed at the fake, with the given
// settings instead of the default credentials.
func ProviderBlockWith(fake *fakegraph.Server, settings map[string]string) string {
	var b strings.Builder
	b.WriteString("provider \"industrydata\" {\n")
	fmt.Fprintf(&b, "  graph_endpoint = %q\n", fake.GraphURL())
	fmt.Fprintf(&b, "  authority_host = %q\n", fake.URL()+"/")
	for _, k := range sortedKeys(settings) {
		fmt.Fprintf(&b, "  %s = %q\n", k, settings[k])
	}
	b.WriteString("}\n")
	return b.String()
}

// PreCheck fails (never skips) a test that runs without a CLI to drive.
func PreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH must name the Terraform or OpenTofu binary under test; run `make test`")
	}
}

// IsOpenTofu reports whether the CLI under test is OpenTofu, for behaviour
// only one of the CLIs has (write-only attributes: OpenTofu 1.12 has them,
// Terraform 1.8 does not).
func IsOpenTofu() bool {
	return os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" ||
		strings.Contains(filepath.Base(os.Getenv("TF_ACC_TERRAFORM_PATH")), "tofu")
}
