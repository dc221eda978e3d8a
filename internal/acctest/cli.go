package acctest

import (
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// The provider binary is built once per test process, on first use.
var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// ProviderBinaryDir builds the provider as a real plugin binary (the way
// users run it) and returns the folder holding it, for dev_overrides.
func ProviderBinaryDir(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "industrydata-provider-")
		if buildErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-o", filepath.Join(buildDir, "terraform-provider-industrydata"),
			"github.com/industrydata/terraform-provider-industrydata")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatalf("building the provider: %v", buildErr)
	}
	return buildDir
}

// CLIRun is a working folder in which a test runs the CLI under test
// directly, with the provider binary, as a user would.
type CLIRun struct {
	Dir string
	Env []string
}

// NewCLIRun prepares a folder with a CLI configuration whose dev_overrides
// point at the built provider, and an environment that trusts the fake's
// certificate (Go reads SSL_CERT_FILE on Linux).
func NewCLIRun(t *testing.T, fake *fakegraph.Server) *CLIRun {
	t.Helper()
	dir := t.TempDir()
	cliConfig := filepath.Join(dir, "cli.tfrc")
	writeFile(t, cliConfig, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"industrydata/industrydata\" = %q\n  }\n  direct {}\n}\n", ProviderBinaryDir(t)))
	cert := filepath.Join(dir, "fake-graph.pem")
	writeFile(t, cert, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: fake.Certificate().Raw})))
	env := []string{
		"TF_CLI_CONFIG_FILE=" + cliConfig,
		"SSL_CERT_FILE=" + cert,
		"CHECKPOINT_DISABLE=1",
		"TF_IN_AUTOMATION=1",
		"HOME=" + dir,
		"PATH=" + os.Getenv("PATH"),
	}
	return &CLIRun{Dir: dir, Env: env}
}

// Run runs the CLI under test with args and extra environment, returning
// its combined output.
func (r *CLIRun) Run(t *testing.T, extraEnv []string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Getenv("TF_ACC_TERRAFORM_PATH"), args...)
	cmd.Dir = r.Dir
	cmd.Env = append(append([]string{}, r.Env...), extraEnv...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// WriteConfig writes main.tf.
func (r *CLIRun) WriteConfig(t *testing.T, hcl string) {
	t.Helper()
	writeFile(t, filepath.Join(r.Dir, "main.tf"), hcl)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// RequiredProviders is the terraform block naming the provider's address.
const RequiredProviders = `terraform {
  required_providers {
    industrydata = { source = "industrydata/industrydata" }
  }
}
`

// ContainsAny returns the first needle found in haystack.
func ContainsAny(haystack string, needles ...string) (string, bool) {
	for _, n := range needles {
		if n != "" && strings.Contains(haystack, n) {
			return n, true
		}
	}
	return "", false
}
