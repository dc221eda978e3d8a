package run_test

import (
	"fmt"
	"regexp"
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

// listedRuns are runs i = 0, 1, … with these statuses, run i starting 12 hours
// after run i-1; ended runs ended an hour after they started.
func listedRuns(statuses ...string) []fakegraph.Run {
	var runs []fakegraph.Run
	for i, st := range statuses {
		r := fakegraph.Run{ID: fmt.Sprintf("7e57b000-0000-4000-8000-%012d", i), DisplayName: fmt.Sprintf("run %d", i),
			StartDateTime: runStart.Add(time.Duration(i) * 12 * time.Hour), Status: st}
		if st != "running" {
			end := r.StartDateTime.Add(time.Hour)
			r.EndDateTime = &end
		}
		runs = append(runs, r)
	}
	return runs
}

// listedIDs checks that a list of runs holds exactly runs[i] for each i, in
// that order.
func listedIDs(runs []fakegraph.Run, idx ...int) knownvalue.Check {
	checks := []knownvalue.Check{}
	for _, i := range idx {
		checks = append(checks, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(runs[i].ID)}))
	}
	return knownvalue.ListExact(checks)
}

// industrydata_runs follows paging, filters by status and start time, and
// sorts by start time (oldest first) whatever the order Graph lists runs in:
// the fake lists them newest first.
func TestAccRunsDataSource_filtersAcrossPages(t *testing.T) {
	acctest.PreCheck(t)
	runs := listedRuns("completed", "failed", "completed", "completedWithWarnings", "completed", "running", "completed")
	fake := acctest.NewFake(t, fakegraph.Options{Runs: runs, PageSize: 2})
	ids := func(idx ...int) knownvalue.Check { return listedIDs(runs, idx...) }
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(fake) + `
data "industrydata_runs" "all" {}
data "industrydata_runs" "completed" { status = "completed" }
data "industrydata_runs" "recent_completed" {
  status        = "completed"
  started_after = "` + runStart.Add(36*time.Hour).Format(time.RFC3339) + `"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.industrydata_runs.all", tfjsonpath.New("runs"), ids(0, 1, 2, 3, 4, 5, 6)),
				statecheck.ExpectKnownValue("data.industrydata_runs.completed", tfjsonpath.New("runs"), ids(0, 2, 4, 6)),
				statecheck.ExpectKnownValue("data.industrydata_runs.recent_completed", tfjsonpath.New("runs"), ids(4, 6)),
				acctest.Check(func() error {
					for _, r := range fake.GraphRequests() {
						if strings.Contains(r.RawQuery, "skiptoken") {
							return nil
						}
					}
					return fmt.Errorf("no page after the first was requested:\n%s", acctest.DescribeRequests(fake))
				}),
			},
		}},
	})
}

// most_recent keeps the newest matching runs, still oldest first.
func TestAccRunsDataSource_mostRecent(t *testing.T) {
	acctest.PreCheck(t)
	runs := listedRuns("completed", "failed", "completed", "running", "completed")
	fake := acctest.NewFake(t, fakegraph.Options{Runs: runs, PageSize: 2})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(fake) + `
data "industrydata_runs" "latest" { most_recent = 1 }
data "industrydata_runs" "last_two_completed" {
  status      = "completed"
  most_recent = 2
}
data "industrydata_runs" "more_than_there_are" { most_recent = 100 }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.industrydata_runs.latest", tfjsonpath.New("runs"), listedIDs(runs, 4)),
				statecheck.ExpectKnownValue("data.industrydata_runs.last_two_completed", tfjsonpath.New("runs"), listedIDs(runs, 2, 4)),
				statecheck.ExpectKnownValue("data.industrydata_runs.more_than_there_are", tfjsonpath.New("runs"), listedIDs(runs, 0, 1, 2, 3, 4)),
			},
		}},
	})
}

// most_recent below 1 fails validation, naming the attribute, before any request.
func TestAccRunsDataSource_mostRecentAtLeastOne(t *testing.T) {
	acctest.PreCheck(t)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: listedRuns("completed")})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config:      acctest.ProviderBlock(fake) + `data "industrydata_runs" "none" { most_recent = 0 }`,
			ExpectError: regexp.MustCompile(`(?s)most_recent.*at least 1, got: 0`),
		}},
	})
	if got := acctest.GraphRequestLines(fake); len(got) != 0 {
		t.Errorf("an invalid most_recent sent requests: %q", got)
	}
}

// listReads checks what each read of industrydata_runs sent: pages list
// requests, and statisticsPerRead getStatistics calls (Terraform may read the
// data source more than once in a step). It returns the getStatistics requests.
func listReads(fake *fakegraph.Server, pages, statisticsPerRead int) ([]fakegraph.Request, error) {
	var lists, stats []fakegraph.Request
	for _, r := range fake.GraphRequests() {
		switch line := acctest.RequestLine(r); {
		case line == "GET /runs":
			lists = append(lists, r)
		case strings.HasSuffix(line, "getStatistics()"):
			stats = append(stats, r)
		default:
			return nil, fmt.Errorf("unexpected request %s\n%s", line, acctest.DescribeRequests(fake))
		}
	}
	reads := len(lists) / pages
	if reads == 0 || len(lists) != reads*pages || len(stats) != reads*statisticsPerRead {
		return nil, fmt.Errorf("%d list requests and %d getStatistics, want %d and %d per read\n%s",
			len(lists), len(stats), pages, statisticsPerRead, acctest.DescribeRequests(fake))
	}
	return stats, nil
}

// Without include_statistics, listing costs one request per page and no
// statistics are read.
func TestAccRunsDataSource_withoutStatisticsOneRequestPerPage(t *testing.T) {
	acctest.PreCheck(t)
	runs := listedRuns("completed", "failed", "completed", "completed", "running")
	fake := acctest.NewFake(t, fakegraph.Options{Runs: runs, PageSize: 2})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(fake) + `data "industrydata_runs" "all" {}`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.industrydata_runs.all", tfjsonpath.New("runs").AtSliceIndex(0).AtMapKey("statistics"), knownvalue.Null()),
				acctest.Check(func() error {
					_, err := listReads(fake, 3, 0)
					return err
				}),
			},
		}},
	})
}

// With include_statistics, each listed run's statistics are read with one
// getStatistics call, several at a time (the fake answers each after 50 ms)
// but never more than the bound, and each lands on its own run.
func TestAccRunsDataSource_statisticsReadConcurrently(t *testing.T) {
	acctest.PreCheck(t)
	statuses := make([]string, 20)
	for i := range statuses {
		statuses[i] = "completed"
	}
	runs := listedRuns(statuses...)
	fake := acctest.NewFake(t, fakegraph.Options{Runs: runs, PageSize: 5, Faults: fakegraph.FaultPlan{Latency: 50 * time.Millisecond}})
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.Factories(fake),
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(fake) + `
data "industrydata_runs" "all" { include_statistics = true }

output "statistics_of_another_run" {
  value = [for r in data.industrydata_runs.all.runs : r.id if r.statistics.run_id != r.id]
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.industrydata_runs.all", tfjsonpath.New("runs"), listedIDs(runs, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)),
				statecheck.ExpectKnownValue("data.industrydata_runs.all", tfjsonpath.New("runs").AtSliceIndex(0).AtMapKey("statistics").AtMapKey("activity_statistics"), knownvalue.NotNull()),
				statecheck.ExpectKnownOutputValue("statistics_of_another_run", knownvalue.ListSizeExact(0)),
				acctest.Check(func() error {
					stats, err := listReads(fake, 4, len(runs))
					if err != nil {
						return err
					}
					if n := fakegraph.MaxInFlight(stats); n < 2 || n > 8 {
						return fmt.Errorf("%d getStatistics calls were in flight at most, want 2 to 8", n)
					}
					return nil
				}),
			},
		}},
	})
}
