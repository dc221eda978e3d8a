package run_test

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
	"github.com/industrydata/terraform-provider-industrydata/internal/run"
)

const (
	startPath = "/external/industryData/runs/microsoft.graph.industryData.start"
	startLine = "POST /runs/microsoft.graph.industryData.start"
)

// startT0 is where a clocked fake's clock stands when the start is sent.
var startT0 = time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)

// clockedFake is a fake whose clock the provider's run clock shares (a
// start's waits, the wait for completion): a pause of the provider moves the
// fake's time on at once. Tests that use it
// must use resource.Test, not ParallelTest.
func clockedFake(t *testing.T, opts fakegraph.Options) *fakegraph.Server {
	t.Helper()
	clock := acctest.NewClock(startT0)
	t.Cleanup(run.SetClock(clock.Now, clock.Sleep))
	opts.Now = clock.Now
	return acctest.NewFake(t, opts)
}

// lateStartingFake makes a start's run exist only once its operation runs
// (10 s after the start; it succeeds after 20 s), with resourceLocation null
// until then, and the service start a run of its own 1 s after the start:
// the newest run since the start is then not the one the start made.
func lateStartingFake(t *testing.T) *fakegraph.Server {
	return clockedFake(t, fakegraph.Options{
		DeferRunCreation: true, OperationDelay: 20 * time.Second, ScheduledRuns: []time.Time{startT0.Add(time.Second)},
	})
}

// ourRunStart is when the start's run began on a lateStartingFake.
var ourRunStart = startT0.Add(10 * time.Second)

// expectStartedRunManaged checks that the resource manages the run the start
// made (begun at ourRunStart), not the service's own, and that both exist.
func expectStartedRunManaged(fake *fakegraph.Server) statecheck.StateCheck {
	return acctest.CheckResources(func(resources []acctest.StateResource) error {
		if n := len(fake.Runs()); n != 2 {
			return fmt.Errorf("the fake holds %d runs, want 2 (the start's and the service's own)", n)
		}
		id, _ := resources[0].Values["id"].(string)
		got, ok := fake.Run(id)
		if !ok || !got.StartDateTime.Equal(ourRunStart) {
			return fmt.Errorf("the resource manages run %s (%+v), not the run the start made (started at %s)", id, got, ourRunStart)
		}
		return nil
	})
}

// expectOnlyRunManaged checks that the fake holds one run and that the
// resource manages it.
func expectOnlyRunManaged(fake *fakegraph.Server) statecheck.StateCheck {
	return acctest.CheckResources(func(resources []acctest.StateResource) error {
		runs := fake.Runs()
		if len(runs) != 1 || resources[0].Values["id"] != runs[0].ID {
			return fmt.Errorf("state holds %v, the fake %+v", resources[0].Values["id"], runs)
		}
		return nil
	})
}

// A start answered 503 without Retry-After, 504, or a dropped connection,
// after the service processed it, is not sent again: the provider finds its
// operation, waits for it to name its run, and manages that run, not the run
// the service started on its own in the meantime.
func TestAccRun_startWithUnknownOutcomeFindsItsOperation(t *testing.T) {
	acctest.PreCheck(t)
	for _, tt := range []struct {
		name  string
		fault fakegraph.Fault
	}{
		{name: "503 without Retry-After", fault: fakegraph.Fault{Status: http.StatusServiceUnavailable, Apply: true}},
		{name: "504", fault: fakegraph.Fault{Status: http.StatusGatewayTimeout, Apply: true}},
		{name: "connection dropped", fault: fakegraph.Fault{Drop: true}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := lateStartingFake(t)
			tt.fault.Method, tt.fault.Path = http.MethodPost, startPath
			fake.InjectFault(tt.fault)
			resource.Test(t, startCase(fake,
				acctest.ExpectWrites(fake, startLine),
				expectStartedRunManaged(fake),
			))
		})
	}
}

// A start answered 503 without Retry-After, or 504, that the service did not
// process is not sent again either: the provider looks for its operation
// until the create timeout (less a margin for saving), finds none, and fails
// saying so. It does not take the run the service started on its own.
func TestAccRun_startNotProcessedIsNotResent(t *testing.T) {
	acctest.PreCheck(t)
	for _, tt := range []struct {
		name   string
		status int
	}{{"503 without Retry-After", http.StatusServiceUnavailable}, {"504", http.StatusGatewayTimeout}} {
		t.Run(tt.name, func(t *testing.T) {
			fake := lateStartingFake(t)
			fake.InjectFault(fakegraph.Fault{Method: http.MethodPost, Path: startPath, Status: tt.status})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config:      runConfig(fake, map[string]string{"timeouts": `{ create = "3m" }`}),
					ExpectError: regexp.MustCompile(`may\s+or\s+may\s+not\s+have\s+acted[\s\S]*looked\s+for\s+2m\d+s\s+among\s+Graph's\s+operations[\s\S]*found\s+none[\s\S]*not\s+processed`),
				}},
				CheckDestroy: func(*terraform.State) error {
					if got := acctest.Writes(fake); !slices.Equal(got, []string{startLine}) {
						return fmt.Errorf("writes %q, want exactly one start", got)
					}
					if n := len(fake.Runs()); n != 1 {
						return fmt.Errorf("the fake holds %d runs, want only the service's own", n)
					}
					return lookedUntil(fake, 2*time.Minute)
				},
			})
		})
	}
}

// lookedUntil checks that the operations were listed again and again, the
// last time at least d after the start (on the fake's clock).
func lookedUntil(fake *fakegraph.Server, d time.Duration) error {
	var looks []time.Time
	for _, r := range fake.GraphRequests() {
		if r.Method == http.MethodGet && strings.HasSuffix(r.Path, "/industryData/operations") {
			looks = append(looks, r.At)
		}
	}
	if len(looks) < 3 || looks[len(looks)-1].Sub(startT0) < d {
		return fmt.Errorf("the operations were listed at %v; want several looks, the last %s or more after the start", looks, d)
	}
	for i := 1; i < len(looks); i++ {
		if gap := looks[i].Sub(looks[i-1]); gap < 2*time.Second || gap > 15*time.Second {
			return fmt.Errorf("looks %d and %d were %s apart; the pauses grow from 2 s to 15 s", i, i+1, gap)
		}
	}
	return nil
}

// Where Graph cannot list operations, a start whose outcome is unknown is
// resolved among the runs: the run that started closest to the request.
func TestAccRun_startWithUnknownOutcomeFallsBackToRuns(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	fake.InjectFault(fakegraph.Fault{Method: http.MethodPost, Path: startPath, Drop: true})
	fake.InjectFault(fakegraph.Fault{Method: http.MethodGet, Path: "/external/industryData/operations", Status: http.StatusMethodNotAllowed, Times: 10})
	resource.ParallelTest(t, startCase(fake,
		acctest.ExpectWrites(fake, startLine),
		expectOnlyRunManaged(fake),
		acctest.Check(func() error {
			if n := fake.FaultStats().Scripted; n < 2 {
				return fmt.Errorf("%d scripted faults met; the operations were never refused", n)
			}
			return nil
		}),
	))
}

// A 503 with Retry-After is Graph throttling: the start was refused, and is
// sent again.
func TestAccRun_startThrottledWith503IsResent(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	fake.InjectFault(fakegraph.Fault{Method: http.MethodPost, Path: startPath, Status: http.StatusServiceUnavailable, RetryAfter: "0"})
	resource.ParallelTest(t, startCase(fake,
		acctest.ExpectWrites(fake, startLine, startLine),
		acctest.Check(func() error {
			if n := len(fake.Runs()); n != 1 {
				return fmt.Errorf("the fake holds %d runs, want the one the second start made", n)
			}
			return nil
		}),
	))
}

// While the start's operation is notStarted its resourceLocation is null:
// the provider keeps polling, and takes the run it names once it runs.
func TestAccRun_startWaitsForResourceLocation(t *testing.T) {
	acctest.PreCheck(t)
	fake := clockedFake(t, fakegraph.Options{DeferRunCreation: true, OperationDelay: 20 * time.Second})
	resource.Test(t, startCase(fake,
		acctest.ExpectWrites(fake, startLine),
		expectOnlyRunManaged(fake),
		acctest.Check(func() error {
			var before, after int // reads of the operation before and after it named the run
			for _, r := range fake.GraphRequests() {
				if strings.Contains(r.Path, "/industryData/operations/") {
					if r.At.Before(ourRunStart) {
						before++
					} else {
						after++
					}
				}
			}
			if before < 2 || after == 0 {
				return fmt.Errorf("the operation was read %d times while notStarted and %d after; want both", before, after)
			}
			return nil
		}),
	))
}

// Right after a start, a refresh that meets a lagging replica (404 for a
// run that was just read) retries instead of removing the run from state:
// the plan after the apply stays empty, and no second start is sent.
func TestAccRun_lateNotFoundAfterStartIsRetried(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Faults: fakegraph.FaultPlan{LateNotFoundReads: 2}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           runConfig(fake, map[string]string{}),
			ConfigPlanChecks: emptyPlanAfterApply,
		}},
		CheckDestroy: func(*terraform.State) error {
			if n := fake.FaultStats().NotFoundAfterWrite; n != 2 {
				return fmt.Errorf("the refresh met %d late 404s, want 2: the test proves nothing", n)
			}
			if got := acctest.Writes(fake); !slices.Equal(got, []string{startLine}) {
				return fmt.Errorf("writes %q, want exactly one start", got)
			}
			return nil
		},
	})
}
