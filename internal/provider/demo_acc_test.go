package provider_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// examples/demo (what `make demo` applies) adopts the latest run that ended
// with warnings, and applies cleanly when the tenant has none.
func TestAccDemo_adoptsTheLatestRunOrNone(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	sample := fakegraph.SampleRuns(time.Now())
	var latest fakegraph.Run
	for _, r := range sample {
		if r.Status == "completedWithWarnings" && r.StartDateTime.After(latest.StartDateTime) {
			latest = r
		}
	}
	if latest.ID == "" {
		t.Fatal("the sample runs hold no run with warnings: the test would prove nothing")
	}
	for _, tc := range []struct {
		name   string
		runs   []fakegraph.Run
		wantID string // reviewed_run.id; "" for no output (Terraform keeps no null outputs)
	}{
		{name: "sample runs", runs: sample, wantID: latest.ID},
		{name: "no runs", runs: nil, wantID: ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			fake := acctest.NewFake(t, fakegraph.Options{Runs: tc.runs})
			run := acctest.NewCLIRun(t, fake)
			demo, err := os.ReadFile(filepath.Join(repoRoot(t), "examples", "demo", "main.tf"))
			if err != nil {
				t.Fatal(err)
			}
			run.WriteConfig(t, string(demo))
			env := []string{"ARM_TENANT_ID=" + fake.TenantID(), "ARM_CLIENT_ID=" + fake.ClientID(), "ARM_CLIENT_SECRET=" + fake.ClientSecret(),
				"INDUSTRYDATA_GRAPH_ENDPOINT=" + fake.GraphURL(), "INDUSTRYDATA_AUTHORITY_HOST=" + fake.URL() + "/"}
			if out, err := run.Run(t, env, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
				t.Fatalf("apply: %v\n%s", err, tail(out))
			}
			out, err := run.Run(t, env, "output", "-json")
			if err != nil {
				t.Fatalf("output: %v\n%s", err, out)
			}
			var outputs map[string]struct {
				Value *struct {
					ID string `json:"id"`
				} `json:"value"`
			}
			if err := json.Unmarshal([]byte(out), &outputs); err != nil {
				t.Fatalf("output -json: %v\n%s", err, out)
			}
			got := ""
			if o, ok := outputs["reviewed_run"]; ok && o.Value != nil {
				got = o.Value.ID
			}
			if got != tc.wantID {
				t.Errorf("reviewed_run.id is %q, want %q (outputs: %s)", got, tc.wantID, out)
			}
		})
	}
}
