package run_test

import (
	"fmt"
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

// industrydata_runs follows paging and filters by status and start time.
func TestAccRunsDataSource_filtersAcrossPages(t *testing.T) {
	acctest.PreCheck(t)
	var runs []fakegraph.Run
	statuses := []string{"completed", "failed", "completed", "completedWithWarnings", "completed", "running", "completed"}
	for i, st := range statuses {
		r := fakegraph.Run{ID: fmt.Sprintf("7e57b000-0000-4000-8000-%012d", i), DisplayName: fmt.Sprintf("run %d", i),
			StartDateTime: runStart.Add(time.Duration(i) * 12 * time.Hour), Status: st}
		if st != "running" {
			end := r.StartDateTime.Add(time.Hour)
			r.EndDateTime = &end
		}
		runs = append(runs, r)
	}
	fake := acctest.NewFake(t, fakegraph.Options{Runs: runs, PageSize: 2})
	ids := func(idx ...int) knownvalue.Check {
		var checks []knownvalue.Check
		for _, i := range idx {
			checks = append(checks, knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact(runs[i].ID)}))
		}
		return knownvalue.ListExact(checks)
	}
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
