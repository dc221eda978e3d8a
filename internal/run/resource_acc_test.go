package run_test

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const (
	runningRunID = "7e57a001-0000-4000-8000-000000000001"
	resRun       = "industrydata_run.test"
)

var runStart = time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)

func runningRun() fakegraph.Run {
	return fakegraph.Run{ID: runningRunID, DisplayName: "Run 2024-05-01 08:00 UTC", StartDateTime: runStart, Status: "running"}
}

// runConfig renders an industrydata_run block with the given attributes
// (values are HCL expressions, so strings carry their quotes).
func runConfig(fake *fakegraph.Server, attrs map[string]string) string {
	keys := make([]string, 0, len(attrs))
	for k := range attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(acctest.ProviderBlock(fake))
	b.WriteString("resource \"industrydata_run\" \"test\" {\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	b.WriteString("}\n")
	return b.String()
}

func q(s string) string { return fmt.Sprintf("%q", s) }

func patchOf(fields map[string]any) map[string]any {
	body := map[string]any{"@odata.type": acctest.RunType}
	for k, v := range fields {
		body[k] = v
	}
	return body
}

var emptyPlanAfterApply = resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}

// startCase is one apply of a bare industrydata_run, which starts a run and
// leaves the next plan empty, with checks on the state and the fake.
func startCase(fake *fakegraph.Server, checks ...statecheck.StateCheck) resource.TestCase {
	return resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:            runConfig(fake, map[string]string{}),
			ConfigPlanChecks:  emptyPlanAfterApply,
			ConfigStateChecks: checks,
		}},
	}
}

// Adopting a run reads it once and sends one PATCH with only what differs.
func TestAccRun_adoptPatchesOnlyWhatDiffers(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	path := "/runs/" + runningRunID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           runConfig(fake, map[string]string{"run_id": q(runningRunID), "display_name": q("Nightly sync"), "status": q("running")}),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectRequests(fake, "GET "+path, "PATCH "+path, "GET "+path+"/microsoft.graph.industryData.getStatistics()"),
				acctest.ExpectPatchBodies(fake, patchOf(map[string]any{"displayName": "Nightly sync"})),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("id"), knownvalue.StringExact(runningRunID)),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("display_name"), knownvalue.StringExact("Nightly sync")),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("start_date_time"), knownvalue.StringExact("2024-05-01T08:00:00Z")),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("end_date_time"), knownvalue.Null()),
				// The headline statistics only: per-activity detail is the data sources'.
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("statistics"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"run_id": knownvalue.StringExact(runningRunID), "status": knownvalue.StringExact("running"), "inbound_totals": knownvalue.NotNull(),
				})),
			},
		}},
	})
}

// Another spelling of the instant in state (another offset) plans no change
// and sends no write, for every time attribute.
func TestAccRun_respelledTimePlansNoChange(t *testing.T) {
	acctest.PreCheck(t)
	start := time.Date(2026, 11, 1, 11, 10, 46, 924769000, time.UTC)
	end := start.Add(time.Hour)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{{
		ID: runningRunID, DisplayName: "Run 2026-11-01 11:10 UTC", StartDateTime: start, EndDateTime: &end, Status: "completed",
	}}})
	config := func(start, end string) string {
		return runConfig(fake, map[string]string{"run_id": q(runningRunID), "start_date_time": q(start), "end_date_time": q(end)})
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: config("2026-11-01T11:10:46.924769Z", "2026-11-01T12:10:46.924769Z")},
			{
				PreConfig:        fake.ResetRequests,
				Config:           config("2026-11-01T12:10:46.924769+01:00", "2026-11-01T07:10:46.924769-05:00"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectWrites(fake),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("start_date_time"), knownvalue.StringExact("2026-11-01T11:10:46.924769Z")),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("end_date_time"), knownvalue.StringExact("2026-11-01T12:10:46.924769Z")),
				},
			},
		},
	})
}

// Adopting a run whose attributes already match sends no PATCH.
func TestAccRun_adoptWithoutChangesSendsNoPatch(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}, InlineStatistics: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           runConfig(fake, map[string]string{"run_id": q(runningRunID), "display_name": q("Run 2024-05-01 08:00 UTC")}),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				// Statistics are inline in this fake: one GET in all.
				acctest.ExpectRequests(fake, "GET /runs/"+runningRunID),
			},
		}},
	})
}

// An unknown run_id fails the apply with an error naming it.
func TestAccRun_adoptUnknownRunFails(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      runConfig(fake, map[string]string{"run_id": q("7e57a001-0000-4000-8000-0000000000ff")}),
			ExpectError: regexp.MustCompile(`(?s)Run not found.*7e57a001-0000-4000-8000-0000000000ff.*industrydata_runs.*remove\s+this\s+resource`),
		}},
	})
}

// Without run_id, Create starts a run with one POST, follows its operation
// and stores the new run.
func TestAccRun_startStartsOneRun(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{OperationDelay: 1500 * time.Millisecond})
	resource.ParallelTest(t, startCase(fake,
		acctest.ExpectWrites(fake, "POST /runs/microsoft.graph.industryData.start"),
		acctest.Check(func() error {
			if n := len(fake.Runs()); n != 1 {
				return fmt.Errorf("the fake holds %d runs, want 1", n)
			}
			polls := 0
			for _, l := range acctest.GraphRequestLines(fake) {
				if strings.HasPrefix(l, "GET /operations/") {
					polls++
				}
			}
			if polls < 2 {
				return fmt.Errorf("the operation was read %d times; with a 1.5 s delay it must be polled until it succeeds", polls)
			}
			return nil
		}),
		statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("running")),
		statecheck.CompareValuePairs(resRun, tfjsonpath.New("id"), resRun, tfjsonpath.New("run_id"), compare.ValuesSame()),
	))
}

// With wait_for_completion the apply returns once the run has ended (on
// the fake clock of the gate tests: not in parallel).
func TestAccRun_waitForCompletion(t *testing.T) {
	acctest.PreCheck(t)
	fake := gateFake(t, fakegraph.RunOutcome{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           runConfig(fake, map[string]string{"wait_for_completion": "true"}),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("completed")),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("end_date_time"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("statistics").AtMapKey("inbound_totals").AtMapKey("people"), knownvalue.Int64Exact(9)),
			},
		}},
	})
}

// Each attribute, changed alone, is sent alone in exactly one PATCH, and the
// plan after it is empty.
func TestAccRun_updateSendsOnlyTheChangedAttribute(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	base := map[string]string{"run_id": q(runningRunID)}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		base = m
		return m
	}
	path := "/runs/" + runningRunID
	step := func(attrs map[string]string, body map[string]any, checks ...statecheck.StateCheck) resource.TestStep {
		return resource.TestStep{
			PreConfig:        fake.ResetRequests,
			Config:           runConfig(fake, attrs),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: append([]statecheck.StateCheck{
				acctest.ExpectWrites(fake, "PATCH "+path),
				acctest.ExpectPatchBodies(fake, patchOf(body)),
			}, checks...),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: runConfig(fake, base)},
			step(with("display_name", q("Renamed")), map[string]any{"displayName": "Renamed"}),
			step(with("start_date_time", q("2024-05-01T09:30:00+02:00")), map[string]any{"startDateTime": "2024-05-01T07:30:00Z"},
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("start_date_time"), knownvalue.StringExact("2024-05-01T09:30:00+02:00"))),
			// A final status without an end time: the service stamps it.
			step(with("status", q("completed")), map[string]any{"status": "completed"},
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("end_date_time"), knownvalue.NotNull())),
			step(with("end_date_time", q("2024-05-01T08:45:00.5Z")), map[string]any{"endDateTime": "2024-05-01T08:45:00.5Z"}),
		},
	})
}

// Setting a final status without end_date_time plans end_date_time as
// known after apply.
func TestAccRun_finalStatusPlansEndAsUnknown(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: runConfig(fake, map[string]string{"run_id": q(runningRunID)})},
			{
				Config: runConfig(fake, map[string]string{"run_id": q(runningRunID), "status": q("completedWithWarnings")}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(resRun, tfjsonpath.New("end_date_time")),
				}},
			},
		},
	})
}

// A service that answers a PATCH with 204 costs one GET after it.
func TestAccRun_patchAnsweredWithNoContent(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}, PatchStyle: fakegraph.PatchNoContent, InlineStatistics: true})
	path := "/runs/" + runningRunID
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: runConfig(fake, map[string]string{"run_id": q(runningRunID)})},
			{
				PreConfig:        fake.ResetRequests,
				Config:           runConfig(fake, map[string]string{"run_id": q(runningRunID), "display_name": q("After 204")}),
				ConfigPlanChecks: emptyPlanAfterApply,
				ConfigStateChecks: []statecheck.StateCheck{
					// refresh, PATCH, then the one GET that replaces the missing body
					acctest.ExpectRequests(fake, "GET "+path, "PATCH "+path, "GET "+path),
					statecheck.ExpectKnownValue(resRun, tfjsonpath.New("display_name"), knownvalue.StringExact("After 204")),
				},
			},
		},
	})
}

// Times written with offsets and fractions equal the service's UTC
// microseconds: no diff, no PATCH.
func TestAccRun_timesCompareByInstant(t *testing.T) {
	acctest.PreCheck(t)
	end := time.Date(2023, 11, 1, 11, 52, 46, 924769000, time.UTC)
	run := fakegraph.Run{ID: runningRunID, DisplayName: "r", Status: "completed",
		StartDateTime: time.Date(2023, 11, 1, 11, 10, 46, 924769000, time.UTC), EndDateTime: &end}
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{run}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: runConfig(fake, map[string]string{
				"run_id":          q(runningRunID),
				"start_date_time": q("2023-11-01T12:10:46.924769+01:00"),
				"end_date_time":   q("2023-11-01T06:52:46.9247690-05:00"),
			}),
			ConfigPlanChecks:  emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{acctest.ExpectWrites(fake)},
		}},
	})
}

// Statistics set in configuration are sent in the PATCH, stored by the
// service, and read back without a diff.
func TestAccRun_statisticsRoundTrip(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: runConfig(fake, map[string]string{
				"run_id": q(runningRunID),
				"statistics": `{
    run_id = "` + runningRunID + `"
    status = "running"
    inbound_totals = {
      errors = 1, warnings = 2, groups = 3, memberships = 4, organizations = 5, people = 6
      matched_people_by_role   = { student = 5, teacher = 1 }
      unmatched_people_by_role = {}
    }
  }`,
			}),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectWrites(fake, "PATCH /runs/"+runningRunID),
				acctest.Check(func() error {
					stored, _ := fake.Run(runningRunID)
					if stored.Statistics == nil || stored.Statistics.InboundTotals == nil || stored.Statistics.InboundTotals.People != 6 {
						return fmt.Errorf("the fake did not store the statistics: %+v", stored.Statistics)
					}
					return nil
				}),
				statecheck.ExpectKnownValue(resRun, tfjsonpath.New("statistics").AtMapKey("inbound_totals").AtMapKey("matched_people_by_role"),
					knownvalue.MapExact(map[string]knownvalue.Check{"student": knownvalue.Int64Exact(5), "teacher": knownvalue.Int64Exact(1)})),
			},
		}},
	})
}

// Import by CLI and by import block reaches the same state as Create, and
// the plan after import with a matching configuration is empty.
func TestAccRun_import(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	config := runConfig(fake, map[string]string{"run_id": q(runningRunID)})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: config},
			{ResourceName: resRun, Config: config, ImportState: true, ImportStateId: runningRunID, ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: resRun, Config: config, ImportState: true, ImportStateKind: resource.ImportBlockWithID,
				ImportStateId: runningRunID, ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionNoop)},
				}},
		},
	})
}

// A malformed import id is refused before any request.
func TestAccRun_importMalformedID(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			ResourceName: resRun, Config: runConfig(fake, map[string]string{}), ImportState: true, ImportStateId: "run-42",
			ExpectError: regexp.MustCompile(`(?s)Invalid import id.*"run-42" is not an industry data run id`),
		}},
	})
	if n := len(fake.GraphRequests()); n != 0 {
		t.Errorf("a malformed import id sent %d Graph requests:\n%s", n, acctest.DescribeRequests(fake))
	}
}

// A run changed out of band shows a diff; a run gone is planned for creation.
func TestAccRun_drift(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
	config := runConfig(fake, map[string]string{"run_id": q(runningRunID), "display_name": q("Managed")})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					r, _ := fake.Run(runningRunID)
					r.DisplayName = "Renamed in the portal"
					fake.PutRun(r)
				},
				Config: config, PlanOnly: true, ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(resRun, tfjsonpath.New("display_name"), knownvalue.StringExact("Managed")),
				}},
			},
			{
				PreConfig: func() { fake.DeleteRun(runningRunID) },
				Config:    config, PlanOnly: true, ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(resRun, plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}

// Refreshing a run that had already ended costs one GET: its statistics can
// no longer change. A running run's statistics are read again.
func TestAccRun_refreshOfEndedRunSkipsStatistics(t *testing.T) {
	acctest.PreCheck(t)
	end := runStart.Add(time.Hour)
	done := fakegraph.Run{ID: "7e57a001-0000-4000-8000-000000000002", DisplayName: "done", StartDateTime: runStart, EndDateTime: &end, Status: "completed"}
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun(), done}})
	config := acctest.ProviderBlock(fake) + `
resource "industrydata_run" "running" { run_id = "` + runningRunID + `" }
resource "industrydata_run" "done"    { run_id = "` + done.ID + `" }
`
	statsCallsFor := func(id string) int {
		n := 0
		for _, l := range acctest.GraphRequestLines(fake) {
			if strings.HasPrefix(l, "GET /runs/"+id+"/") && strings.Contains(l, "getStatistics") {
				n++
			}
		}
		return n
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: fake.ResetRequests,
				Config:    config,
				ConfigStateChecks: []statecheck.StateCheck{acctest.Check(func() error {
					if n := statsCallsFor(done.ID); n != 0 {
						return fmt.Errorf("refreshing the ended run called getStatistics %d times:\n%s", n, acctest.DescribeRequests(fake))
					}
					if n := statsCallsFor(runningRunID); n == 0 {
						return fmt.Errorf("refreshing the running run never read its statistics:\n%s", acctest.DescribeRequests(fake))
					}
					return nil
				})},
			},
		},
	})
}

// A start whose connection drops after the service acted has an unknown
// outcome: the provider finds the run it started instead of starting again.
func TestAccRun_startWithUnknownOutcomeIsNotResent(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	fake.InjectFault(fakegraph.Fault{Method: "POST", Drop: true})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:           runConfig(fake, map[string]string{"display_name": q("found again")}),
			ConfigPlanChecks: emptyPlanAfterApply,
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.Check(func() error {
					runs := fake.Runs()
					if len(runs) != 1 {
						return fmt.Errorf("the fake holds %d runs, want exactly the one started", len(runs))
					}
					if runs[0].DisplayName != "found again" {
						return fmt.Errorf("the started run was not adopted and patched: %+v", runs[0])
					}
					want := []string{"POST /runs/microsoft.graph.industryData.start", "PATCH /runs/" + runs[0].ID}
					if got := acctest.Writes(fake); !slices.Equal(got, want) {
						return fmt.Errorf("writes %q, want %q (the start must not be resent)", got, want)
					}
					return nil
				}),
			},
		}},
	})
}

// Right after a start Graph may answer 404 for the new run and its
// statistics (eventual consistency); Create waits that out instead of failing.
func TestAccRun_startToleratesReadAfterWrite404(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Faults: fakegraph.FaultPlan{NotFoundAfterWrite: 2 * time.Second}})
	resource.ParallelTest(t, startCase(fake,
		acctest.Check(func() error {
			if n := fake.FaultStats().NotFoundAfterWrite; n == 0 {
				return fmt.Errorf("the fake answered no read-after-write 404: the test proves nothing")
			}
			return nil
		}),
		statecheck.ExpectKnownValue(resRun, tfjsonpath.New("status"), knownvalue.StringExact("running")),
	))
}
