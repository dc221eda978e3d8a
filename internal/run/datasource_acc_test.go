package run_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const completedRunID = "5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f"

func completedRun() fakegraph.Run {
	start := time.Date(2023, 11, 1, 11, 10, 46, 924769000, time.UTC)
	end := start.Add(42 * time.Minute)
	return fakegraph.Run{
		ID:            completedRunID,
		DisplayName:   "Run 2023-11-01 11:10 UTC",
		StartDateTime: start,
		EndDateTime:   &end,
		Status:        "completedWithWarnings",
		Statistics: &fakegraph.RunStatistics{
			RunID:  completedRunID,
			Status: "completedWithWarnings",
			ActivityStatistics: []fakegraph.ActivityStatistics{
				{ActivityID: "a1", DisplayName: "Inbound flow: Contoso SIS", Status: "completedWithWarnings",
					Inbound: &fakegraph.InboundActivityResults{
						Errors: 0, Warnings: 3,
						Groups:                fakegraph.EntityCount{Active: 40, Inactive: 2, Total: 42},
						Memberships:           fakegraph.EntityCount{Active: 900, Inactive: 10, Total: 910},
						Organizations:         fakegraph.EntityCount{Active: 3, Inactive: 0, Total: 3},
						People:                fakegraph.EntityCount{Active: 480, Inactive: 20, Total: 500},
						MatchedPeopleByRole:   []fakegraph.RoleCount{{Role: "student", Count: 450}, {Role: "teacher", Count: 28}},
						UnmatchedPeopleByRole: []fakegraph.RoleCount{{Role: "student", Count: 2}},
					}},
				{ActivityID: "a2", DisplayName: "Outbound provisioning", Status: "completed"},
			},
			InboundTotals: &fakegraph.AggregatedInboundStatistics{
				Errors: 0, Warnings: 3, Groups: 42, Memberships: 910, Organizations: 3, People: 500,
				MatchedPeopleByRole:   []fakegraph.RoleCount{{Role: "student", Count: 450}, {Role: "teacher", Count: 28}},
				UnmatchedPeopleByRole: []fakegraph.RoleCount{{Role: "student", Count: 2}},
			},
		},
	}
}

func runDataSourceConfig(fake *fakegraph.Server, id string) string {
	return acctest.ProviderBlock(fake) + `
data "industrydata_run" "test" {
  id = "` + id + `"
}
`
}

var dataRun = "data.industrydata_run.test"

// Every run property reaches state, times as RFC 3339 UTC with the
// service's microseconds, statistics with inbound counters and role maps.
func TestAccRunDataSource_readsEveryProperty(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{completedRun()}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: runDataSourceConfig(fake, completedRunID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("id"), knownvalue.StringExact(completedRunID)),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("display_name"), knownvalue.StringExact("Run 2023-11-01 11:10 UTC")),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("status"), knownvalue.StringExact("completedWithWarnings")),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("start_date_time"), knownvalue.StringExact("2023-11-01T11:10:46.924769Z")),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("end_date_time"), knownvalue.StringExact("2023-11-01T11:52:46.924769Z")),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("blocking_error"), knownvalue.Null()),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("statistics").AtMapKey("run_id"), knownvalue.StringExact(completedRunID)),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("statistics").AtMapKey("activity_statistics"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"activity_id": knownvalue.StringExact("a1"),
						"type":        knownvalue.StringExact("inbound"),
						"warnings":    knownvalue.Int64Exact(3),
						"people": knownvalue.ObjectExact(map[string]knownvalue.Check{
							"active": knownvalue.Int64Exact(480), "inactive": knownvalue.Int64Exact(20), "total": knownvalue.Int64Exact(500),
						}),
						"matched_people_by_role": knownvalue.MapExact(map[string]knownvalue.Check{
							"student": knownvalue.Int64Exact(450), "teacher": knownvalue.Int64Exact(28),
						}),
					}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"activity_id": knownvalue.StringExact("a2"),
						"type":        knownvalue.StringExact("activity"),
						"errors":      knownvalue.Null(),
						"people":      knownvalue.Null(),
					}),
				})),
				statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("statistics").AtMapKey("inbound_totals").AtMapKey("unmatched_people_by_role"),
					knownvalue.MapExact(map[string]knownvalue.Check{"student": knownvalue.Int64Exact(2)})),
			},
		}},
	})
}

// A run that is still running has a null end time and its status as is;
// a failed run carries its blocking error.
func TestAccRunDataSource_runningAndFailedRuns(t *testing.T) {
	acctest.PreCheck(t)
	start := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	end := start.Add(time.Minute)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{
		{ID: "11111111-0000-0000-0000-000000000001", DisplayName: "running", StartDateTime: start, Status: "running"},
		{ID: "11111111-0000-0000-0000-000000000002", DisplayName: "failed", StartDateTime: start, EndDateTime: &end, Status: "failed",
			BlockingError: &fakegraph.PublicError{Code: "SourceUnreachable", Message: "The SIS did not answer.", Target: "dataConnector"}},
	}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(fake) + `
data "industrydata_run" "running" { id = "11111111-0000-0000-0000-000000000001" }
data "industrydata_run" "failed"  { id = "11111111-0000-0000-0000-000000000002" }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.industrydata_run.running", tfjsonpath.New("status"), knownvalue.StringExact("running")),
				statecheck.ExpectKnownValue("data.industrydata_run.running", tfjsonpath.New("end_date_time"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.industrydata_run.failed", tfjsonpath.New("blocking_error"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"code": knownvalue.StringExact("SourceUnreachable"), "message": knownvalue.StringExact("The SIS did not answer."), "target": knownvalue.StringExact("dataConnector"),
				})),
			},
		}},
	})
}

// When the service leaves statistics out of the run body the data source
// reads them with one getStatistics call; when it inlines them, it does not.
func TestAccRunDataSource_statisticsRequests(t *testing.T) {
	acctest.PreCheck(t)
	for name, inline := range map[string]bool{"separate": false, "inline": true} {
		t.Run(name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{completedRun()}, InlineStatistics: inline})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config: runDataSourceConfig(fake, completedRunID),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(dataRun, tfjsonpath.New("statistics").AtMapKey("inbound_totals").AtMapKey("people"), knownvalue.Int64Exact(500)),
					},
				}},
			})
			lines := acctest.GraphRequestLines(fake)
			statsCalls := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "getStatistics") })
			if inline && statsCalls >= 0 {
				t.Errorf("statistics were inlined, yet the provider called getStatistics:\n%s", acctest.DescribeRequests(fake))
			}
			if !inline && statsCalls < 0 {
				t.Errorf("statistics were not inlined and the provider never called getStatistics:\n%s", acctest.DescribeRequests(fake))
			}
			if w := acctest.Writes(fake); len(w) > 0 {
				t.Errorf("a data source sent writes: %v", w)
			}
		})
	}
}

// An unknown id fails with an error naming the id.
func TestAccRunDataSource_unknownID(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      runDataSourceConfig(fake, "00000000-dead-beef-0000-000000000000"),
			ExpectError: regexp.MustCompile(`(?s)Run not found.*00000000-dead-beef-0000-000000000000.*tenant_id\s+and\s+environment.*industrydata_runs.*HTTP 404`),
		}},
	})
}
