package run_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const (
	chaosAdopted = 30 // runs adopted with run_id
	chaosStarted = 3  // runs started (Graph allows five per 12 hours)
)

// Under throttling (30 % 429, 10 % 503), latency jitter, dropped connections
// and a read-after-write 404 window, apply, refresh, update and destroy 33
// runs: every step succeeds, the plan after each apply is empty, the fake
// ends holding exactly what state holds, no run is started twice and no
// update is lost.
func TestAccRun_chaos(t *testing.T) {
	acctest.PreCheck(t)
	var seeded []fakegraph.Run
	for i := range chaosAdopted {
		seeded = append(seeded, fakegraph.Run{ID: fmt.Sprintf("c4a05000-0000-4000-8000-%012d", i), DisplayName: fmt.Sprintf("seed %d", i),
			StartDateTime: runStart.Add(time.Duration(i) * time.Minute), Status: "running"})
	}
	fake := acctest.NewFake(t, fakegraph.Options{
		Runs:           seeded,
		OperationDelay: time.Second,
		Faults: fakegraph.FaultPlan{
			// This seed drops a start after applying it, so the unknown-outcome path runs.
			Seed: 20261133, Rate429: 0.30, Rate503: 0.10, DropRate: 0.05, RetryAfter: "1",
			Latency: 5 * time.Millisecond, LatencyJitter: 40 * time.Millisecond, NotFoundAfterWrite: 2 * time.Second,
		},
	})
	config := func(version string) string {
		var b strings.Builder
		b.WriteString(acctest.ProviderBlock(fake))
		for i, r := range seeded {
			fmt.Fprintf(&b, "resource \"industrydata_run\" \"adopted_%d\" {\n  run_id = %q\n  display_name = \"chaos %d %s\"\n}\n", i, r.ID, i, version)
		}
		for i := range chaosStarted {
			fmt.Fprintf(&b, "resource \"industrydata_run\" \"started_%d\" {\n  display_name = \"started %d %s\"\n}\n", i, i, version)
		}
		return b.String()
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: config("v1"), ConfigStateChecks: []statecheck.StateCheck{fakeMatchesState(fake, "v1")}},
			{Config: config("v2"), ConfigStateChecks: []statecheck.StateCheck{fakeMatchesState(fake, "v2")}},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(fake.Runs()); n != chaosAdopted+chaosStarted {
				return fmt.Errorf("after destroy the fake holds %d runs, want %d (Graph keeps runs)", n, chaosAdopted+chaosStarted)
			}
			return nil
		},
	})
	st := fake.FaultStats()
	total := 0
	for _, n := range st.Requests {
		total += n
	}
	t.Logf("chaos: %d Graph requests %v; injected: %d × 429 (%.0f%%), %d × 503 (%.0f%%), %d dropped (%d writes applied first), %d read-after-write 404s, %d delayed",
		total, st.Requests, st.TooManyRequests, pct(st.TooManyRequests, total), st.ServiceUnavailable, pct(st.ServiceUnavailable, total),
		st.Dropped, st.DroppedWrites, st.NotFoundAfterWrite, st.Delayed)
	if st.TooManyRequests == 0 || st.ServiceUnavailable == 0 || st.Dropped == 0 {
		t.Errorf("the fault plan did not inject every kind of fault: %+v", st)
	}
	droppedStarts := 0
	for _, r := range fake.GraphRequests() {
		if r.Method == "POST" && r.Fault == fakegraph.FaultDrop {
			droppedStarts++
		}
	}
	t.Logf("chaos: %d start requests for %d started runs, %d of them dropped after the run was started", st.Requests["POST"], chaosStarted, droppedStarts)
	if droppedStarts == 0 {
		t.Error("no start was dropped: with this seed one must be, so that the unknown-outcome path is exercised")
	}
	// Tokens are cached by the credential: a handful per CLI command (each
	// starts the provider afresh), never one per request.
	tokenCalls := len(fake.Requests()) - len(fake.GraphRequests())
	t.Logf("chaos: %d identity requests for %d Graph requests", tokenCalls, total)
	if tokenCalls*10 > total {
		t.Errorf("%d identity requests for %d Graph requests: tokens are not reused", tokenCalls, total)
	}
	if w := deletes(fake); w != 0 {
		t.Errorf("%d DELETE requests; Graph has no DELETE for runs", w)
	}
}

// fakeMatchesState compares every run in state with the fake: same display
// name (the update was not lost) and status, and the fake holds exactly the
// runs in state plus nothing started twice.
func fakeMatchesState(fake *fakegraph.Server, version string) statecheck.StateCheck {
	return acctest.CheckResources(func(resources []acctest.StateResource) error {
		var problems []string
		inState := map[string]bool{}
		for _, res := range resources {
			id, _ := res.Values["id"].(string)
			inState[id] = true
			run, ok := fake.Run(id)
			switch {
			case !ok:
				problems = append(problems, res.Address+": run "+id+" is not in the fake")
			case run.DisplayName != res.Values["display_name"] || !strings.HasSuffix(run.DisplayName, " "+version):
				problems = append(problems, fmt.Sprintf("%s: fake has %q, state %q (want version %s)", res.Address, run.DisplayName, res.Values["display_name"], version))
			case run.Status != res.Values["status"]:
				problems = append(problems, fmt.Sprintf("%s: fake status %q, state %q", res.Address, run.Status, res.Values["status"]))
			}
		}
		if len(inState) != chaosAdopted+chaosStarted {
			problems = append(problems, fmt.Sprintf("state holds %d distinct runs, want %d", len(inState), chaosAdopted+chaosStarted))
		}
		var extra []string
		for _, r := range fake.Runs() {
			if !inState[r.ID] {
				extra = append(extra, r.ID)
			}
		}
		if len(extra) > 0 {
			sort.Strings(extra)
			problems = append(problems, fmt.Sprintf("the fake holds runs no resource manages (started twice?): %v", extra))
		}
		if len(problems) > 0 {
			return fmt.Errorf("fake and state disagree:\n  %s", strings.Join(problems, "\n  "))
		}
		return nil
	})
}

func pct(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}

func deletes(fake *fakegraph.Server) int {
	n := 0
	for _, r := range fake.GraphRequests() {
		if r.Method == "DELETE" {
			n++
		}
	}
	return n
}
