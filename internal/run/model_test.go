package run

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

func TestRunFromGraph(t *testing.T) {
	start := time.Date(2023, 11, 1, 11, 10, 46, 924769000, time.UTC)
	tests := []struct {
		name  string
		run   graph.Run
		stats *graph.RunStatistics
		want  runModel
	}{
		{
			name: "running run without statistics",
			run:  graph.Run{ID: "r1", DisplayName: "Run", StartDateTime: &start, Status: "running"},
			want: runModel{
				ID: types.StringValue("r1"), DisplayName: types.StringValue("Run"),
				StartDateTime: timetypes.NewInstantValue("2023-11-01T11:10:46.924769Z"), EndDateTime: timetypes.NewInstantNull(),
				Status: types.StringValue("running"),
			},
		},
		{
			name: "failed run with blocking error and mixed activities",
			run: graph.Run{ID: "r2", StartDateTime: &start, EndDateTime: &start, Status: "failed",
				BlockingError: &graph.PublicError{Code: "c", Message: "m", Target: "t"}},
			stats: &graph.RunStatistics{RunID: "r2", Status: "failed",
				Activities: []graph.ActivityStatistics{
					{ActivityID: "a", DisplayName: "in", Status: "failed", Inbound: &graph.InboundActivityResults{
						Errors: 2, People: graph.EntityCount{Active: 1, Inactive: 2, Total: 3},
						MatchedPeopleByRole: map[string]int32{"student": 5},
					}},
					{ActivityID: "b", DisplayName: "out", Status: "skipped"},
				},
				InboundTotals: &graph.InboundTotals{Errors: 2, People: 3, MatchedPeopleByRole: map[string]int32{"student": 5}},
			},
			want: runModel{
				ID: types.StringValue("r2"), DisplayName: types.StringValue(""),
				StartDateTime: timetypes.NewInstantValue("2023-11-01T11:10:46.924769Z"), EndDateTime: timetypes.NewInstantValue("2023-11-01T11:10:46.924769Z"),
				Status:        types.StringValue("failed"),
				BlockingError: &blockingErrorModel{Code: types.StringValue("c"), Message: types.StringValue("m"), Target: types.StringValue("t")},
				Statistics: &statisticsModel{
					RunID: types.StringValue("r2"), Status: types.StringValue("failed"),
					ActivityStatistics: []activityModel{
						{
							ActivityID: types.StringValue("a"), DisplayName: types.StringValue("in"), Status: types.StringValue("failed"), Type: types.StringValue("inbound"),
							Errors: types.Int64Value(2), Warnings: types.Int64Value(0),
							Groups: zeroCount(), Memberships: zeroCount(), Organizations: zeroCount(),
							People:                &entityCountModel{Active: types.Int64Value(1), Inactive: types.Int64Value(2), Total: types.Int64Value(3)},
							MatchedPeopleByRole:   map[string]int64{"student": 5},
							UnmatchedPeopleByRole: map[string]int64{},
						},
						{
							ActivityID: types.StringValue("b"), DisplayName: types.StringValue("out"), Status: types.StringValue("skipped"), Type: types.StringValue("activity"),
							Errors: types.Int64Null(), Warnings: types.Int64Null(),
						},
					},
					InboundTotals: &inboundTotalsModel{
						Errors: types.Int64Value(2), Warnings: types.Int64Value(0), Groups: types.Int64Value(0), Memberships: types.Int64Value(0),
						Organizations: types.Int64Value(0), People: types.Int64Value(3),
						MatchedPeopleByRole: map[string]int64{"student": 5}, UnmatchedPeopleByRole: map[string]int64{},
					},
				},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := runFromGraph(&tt.run, tt.stats)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("runFromGraph mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func zeroCount() *entityCountModel {
	return &entityCountModel{Active: types.Int64Value(0), Inactive: types.Int64Value(0), Total: types.Int64Value(0)}
}
