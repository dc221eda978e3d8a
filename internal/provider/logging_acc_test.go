package provider_test

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// With TF_LOG=trace the CLI prints everything the provider logs, including
// each Graph request and response; neither the client secret nor any access
// token the fake issued may appear. The provider runs as a real plugin binary
// so the output is exactly what a user would paste into an issue.
func TestAccProvider_traceLogHasNoSecrets(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	secret := randomSecret(t)
	fake := acctest.NewFake(t, fakegraph.Options{
		ClientSecret: secret,
		Runs:         []fakegraph.Run{{ID: anyRunID, DisplayName: "traced run", Status: "running"}},
	})
	run := acctest.NewCLIRun(t, fake)
	run.WriteConfig(t, acctest.RequiredProviders+readRunConfig(acctest.ProviderBlock(fake))+`
output "name" { value = data.industrydata_run.test.display_name }
`)
	out, err := run.Run(t, []string{"TF_LOG=trace"}, "apply", "-auto-approve", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("apply failed: %v\n%s", err, tail(out))
	}
	for _, want := range []string{`name = "traced run"`, "Graph request detail", "(redacted)", "/external/industryData/runs/" + anyRunID} {
		if !strings.Contains(out, want) {
			t.Fatalf("trace output lacks %q, so it does not show what it should:\n%s", want, tail(out))
		}
	}
	tokens := fake.IssuedTokens()
	if len(tokens) == 0 {
		t.Fatal("the fake issued no token: the test would prove nothing")
	}
	if leaked, found := acctest.ContainsAny(out, append(tokens, secret)...); found {
		t.Errorf("trace output contains a secret (%d chars starting %q)", len(leaked), leaked[:4])
	}
}

func randomSecret(t *testing.T) string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "s3cr3t~" + hex.EncodeToString(b)
}

func tail(s string) string {
	const keep = 6000
	if len(s) > keep {
		return "…" + s[len(s)-keep:]
	}
	return s
}
