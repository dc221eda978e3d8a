package connector_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
)

// With TF_LOG=trace the CLI prints every Graph request and response body
// the provider logs. A connector's client secret, sent on create and again
// when it changes, must never appear; the bodies must (redacted), or the
// test would prove nothing. The provider runs as a real plugin binary, so
// the output is what a user would paste into an issue.
func TestAccOneRosterConnector_traceLogHasNoSecret(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	fake := newFake(t)
	run := acctest.NewCLIRun(t, fake)
	secrets := []string{"first-Secret-5f1e", "second-Secret-9a2c"}
	configs := []string{
		fmt.Sprintf(oneRosterConfig, "SIS API", sisID, baseURL, secrets[0]),
		fmt.Sprintf(oneRosterConfig, "SIS API", sisID, baseURL, secrets[1]),
	}
	if acctest.IsOpenTofu() { // the write-only secret too, where the CLI has it
		secrets = append(secrets, "third-Secret-wo-7d3b")
		configs = append(configs, fmt.Sprintf(oneRosterWriteOnly, sisID, baseURL, secrets[2], 1))
	}
	for i, config := range configs {
		run.WriteConfig(t, acctest.RequiredProviders+acctest.ProviderBlock(fake)+config)
		out, err := run.Run(t, []string{"TF_LOG=trace"}, "apply", "-auto-approve", "-input=false", "-no-color")
		if err != nil {
			t.Fatalf("apply %d: %v\n%s", i+1, err, out)
		}
		if !strings.Contains(out, `\"clientSecret\":\"(redacted)\"`) && !strings.Contains(out, `"clientSecret":"(redacted)"`) {
			t.Fatalf("apply %d: the trace output shows no request body carrying the credential, so the test proves nothing", i+1)
		}
		if leaked, found := acctest.ContainsAny(out, secrets...); found {
			t.Errorf("apply %d: the trace output contains the client secret %q", i+1, leaked[:5])
		}
	}
}
