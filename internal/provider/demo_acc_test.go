package provider_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// demoOutputs is what examples/demo prints (terraform output -json).
type demoOutputs struct {
	Setup struct {
		Value struct {
			SourceSystemID string `json:"source_system_id"`
			YearID         string `json:"year_id"`
			ConnectorID    string `json:"connector_id"`
			FlowID         string `json:"flow_id"`
		} `json:"value"`
	} `json:"setup"`
	FirstSync struct {
		Value struct {
			ID     string `json:"id"`
			Status string `json:"status"`
			People *int64 `json:"people"`
		} `json:"value"`
	} `json:"first_sync"`
}

// examples/demo (what `make demo` applies) creates the School Data Sync
// setup (source system, year, data lake connector, inbound file flow),
// starts a run once the flow exists and waits for it to complete, shows the
// run's statistics, plans nothing afterwards, and destroy deletes the whole
// setup while Graph keeps the run.
func TestAccDemo_createsTheSetupWaitsForTheRunAndDestroysTheSetup(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	// Runs started on this fake complete by themselves a second later (the
	// demo's fake does so after two): without waiting, the run would still
	// be running when the apply ends.
	fake := acctest.NewFake(t, fakegraph.Options{RunDuration: time.Second})
	run, cli := exampleRun(t, fake, "examples/demo")
	cli("apply", "-auto-approve", "-input=false")
	var got demoOutputs
	if out := cli("output", "-json"); json.Unmarshal([]byte(out), &got) != nil {
		t.Fatalf("output -json is not the demo's outputs:\n%s", out)
	}
	setup := got.Setup.Value
	for collection, id := range map[string]string{
		fakegraph.SourceSystems: setup.SourceSystemID, fakegraph.Years: setup.YearID,
		fakegraph.DataConnectors: setup.ConnectorID, fakegraph.InboundFlows: setup.FlowID,
	} {
		if ids := fake.EntityIDs(collection); id == "" || !slices.Equal(ids, []string{id}) {
			t.Errorf("Graph's %s hold %v, want only the output's %q", collection, ids, id)
		}
	}
	runs := fake.Runs()
	if len(runs) != 1 || runs[0].ID != got.FirstSync.Value.ID {
		t.Fatalf("Graph holds runs %+v, want only the one the demo started (%q)", runs, got.FirstSync.Value.ID)
	}
	if runs[0].Statistics == nil || runs[0].Statistics.InboundTotals == nil {
		t.Fatalf("the started run %+v has no statistics: it did not complete", runs[0])
	}
	wantPeople := int64(runs[0].Statistics.InboundTotals.People)
	if s := got.FirstSync.Value; s.Status != "completed" || s.People == nil || *s.People != wantPeople {
		t.Errorf("first_sync is %+v, want status completed and the run's people count %d", s, wantPeople)
	}
	if flowCreated, runStarted := requestIndex(fake, "POST /inboundFlows"), requestIndex(fake, "POST /runs/microsoft.graph.industryData.start"); flowCreated < 0 || runStarted < flowCreated {
		t.Errorf("the run was started before the flow was created:\n%s", acctest.DescribeRequests(fake))
	}

	// A second plan proposes nothing (exit code 0, not 2).
	if out, err := run.Run(t, nil, "plan", "-detailed-exitcode", "-input=false", "-no-color"); err != nil {
		t.Errorf("plan after apply: %v (exit status 2: it proposes changes)\n%s", err, tail(out))
	}

	cli("destroy", "-auto-approve", "-input=false")
	for _, collection := range []string{fakegraph.SourceSystems, fakegraph.Years, fakegraph.DataConnectors, fakegraph.InboundFlows} {
		if ids := fake.EntityIDs(collection); len(ids) != 0 {
			t.Errorf("after destroy, Graph's %s still hold %v", collection, ids)
		}
	}
	if runs := fake.Runs(); len(runs) != 1 {
		t.Errorf("after destroy Graph holds runs %+v, want the one started (Graph cannot delete runs)", runs)
	}
}

// exampleRun copies the .tf files of an example folder into a working
// folder whose environment points the provider at the fake (as `make demo`
// and `make examples-validate` do), and returns a function that runs the
// CLI there and fails the test when it fails.
func exampleRun(t *testing.T, fake *fakegraph.Server, folder string) (*acctest.CLIRun, func(args ...string) string) {
	t.Helper()
	run := acctest.NewCLIRun(t, fake)
	files, err := filepath.Glob(filepath.Join(repoRoot(t), folder, "*.tf"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .tf files in %s (%v)", folder, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(run.Dir, filepath.Base(f)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	run.Env = append(run.Env, "ARM_TENANT_ID="+fake.TenantID(), "ARM_CLIENT_ID="+fake.ClientID(), "ARM_CLIENT_SECRET="+fake.ClientSecret(),
		"INDUSTRYDATA_GRAPH_ENDPOINT="+fake.GraphURL(), "INDUSTRYDATA_AUTHORITY_HOST="+fake.URL()+"/")
	return run, func(args ...string) string {
		t.Helper()
		out, err := run.Run(t, nil, append(args, "-no-color")...)
		if err != nil {
			t.Fatalf("%s: %v\n%s\n%s", args[0], err, tail(out), acctest.DescribeRequests(fake))
		}
		return out
	}
}

// requestIndex is the position of the first Graph request with this line
// (see acctest.RequestLine), or -1.
func requestIndex(fake *fakegraph.Server, line string) int {
	return slices.Index(acctest.GraphRequestLines(fake), line)
}
