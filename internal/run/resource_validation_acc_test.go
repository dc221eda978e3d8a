package run_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// Bad input fails at validation or plan time, with a message naming the
// attribute, the value and what is allowed, before any write.
func TestAccRun_planTimeValidation(t *testing.T) {
	acctest.PreCheck(t)
	tests := []struct {
		name  string
		attrs map[string]string
		want  string
	}{
		{"unknownFutureValue is not settable", map[string]string{"status": q("unknownFutureValue")},
			`(?s)status.*value must be one of:.*"running".*"completedWithWarnings".*got: "unknownFutureValue"`},
		{"unknown status", map[string]string{"status": q("done")},
			`(?s)status.*value must be one of:.*got: "done"`},
		{"end before start", map[string]string{"start_date_time": q("2024-05-01T10:00:00Z"), "end_date_time": q("2024-05-01T11:59:00+02:00")},
			`(?s)End before start.*end_date_time "2024-05-01T11:59:00\+02:00" is earlier than.*start_date_time\s+"2024-05-01T10:00:00Z"`},
		{"running with an end time", map[string]string{"status": q("running"), "end_date_time": q("2024-05-01T10:00:00Z")},
			`(?s)A running run has no end time.*"2024-05-01T10:00:00Z"`},
		{"not a timestamp", map[string]string{"start_date_time": q("yesterday")},
			`(?s)Invalid RFC 3339 timestamp.*start_date_time is "yesterday"`},
		{"malformed run_id", map[string]string{"run_id": q("run-7")},
			`(?s)run_id.*must be a run id, a GUID`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{runningRun()}})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{{
					Config:      runConfig(fake, tt.attrs),
					ExpectError: regexp.MustCompile(tt.want),
				}},
			})
			if n := len(fake.GraphRequests()); n != 0 {
				t.Errorf("invalid configuration sent %d Graph requests:\n%s", n, acctest.DescribeRequests(fake))
			}
		})
	}
}

// A run whose status is final never changes status: the plan fails naming
// both statuses, and nothing is written.
func TestAccRun_finalStatusCannotChange(t *testing.T) {
	acctest.PreCheck(t)
	end := runStart.Add(time.Hour)
	done := fakegraph.Run{ID: runningRunID, DisplayName: "done", StartDateTime: runStart, EndDateTime: &end, Status: "completed"}
	for name, to := range map[string]string{"back to running": "running", "to another final status": "failed"} {
		t.Run(name, func(t *testing.T) {
			fake := acctest.NewFake(t, fakegraph.Options{Runs: []fakegraph.Run{done}})
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: acctest.Factories(fake),
				Steps: []resource.TestStep{
					{Config: runConfig(fake, map[string]string{"run_id": q(runningRunID)})},
					{
						PreConfig:   fake.ResetRequests,
						Config:      runConfig(fake, map[string]string{"run_id": q(runningRunID), "status": q(to)}),
						ExpectError: regexp.MustCompile(`(?s)Run status cannot change.*ended with status\s+"completed".*cannot be set to\s+"` + to + `".*stop\s+setting\s+status`),
					},
				},
			})
			if w := acctest.Writes(fake); len(w) != 0 {
				t.Errorf("a refused status change sent writes: %v", w)
			}
		})
	}
}
