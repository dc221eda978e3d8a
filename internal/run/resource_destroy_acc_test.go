package run_test

import (
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Destroy forgets the run: the CLI shows the warning, state is empty, and
// the fake saw no DELETE (Graph has none) — the run is still there. It runs
// the real plugin binary so the warning is checked as a user sees it.
func TestAccRun_destroyLeavesTheRunInGraph(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	cli := acctest.NewCLIRun(t, fake)
	cli.WriteConfig(t, acctest.RequiredProviders+runConfig(fake, map[string]string{"run_id": q(runningRunID)}))
	if out, err := cli.Run(t, nil, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	fake.ResetRequests()
	out, err := cli.Run(t, nil, "destroy", "-auto-approve", "-input=false", "-no-color")
	if err != nil {
		t.Fatalf("destroy: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Run remains in Microsoft Graph") || !strings.Contains(out, runningRunID) {
		t.Errorf("destroy output lacks the warning naming the run:\n%s", out)
	}
	if w := acctest.Writes(fake); len(w) != 0 {
		t.Errorf("destroy sent writes: %v", w)
	}
	if _, ok := fake.Run(runningRunID); !ok {
		t.Error("the run is gone from the fake")
	}
	state, err := cli.Run(t, nil, "state", "list")
	if err != nil || strings.TrimSpace(state) != "" {
		t.Errorf("state after destroy: %q, %v", state, err)
	}
}
