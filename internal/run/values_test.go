package run

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// The hand-built state objects equal what the framework's reflection builds
// from the same models.
func TestStateValuesMatchReflection(t *testing.T) {
	ctx := context.Background()
	stats := valuesTestStatistics()
	dataSourceStats := listedRunType().AttrTypes["statistics"].(types.ObjectType).AttrTypes
	resourceStats := attrTypesOf(ctx, "statistics")
	for name, run := range valuesTestRuns() {
		m := runFromGraph(&run, stats)
		headline := resourceStatisticsModel{RunID: m.Statistics.RunID, Status: m.Statistics.Status, InboundTotals: m.Statistics.InboundTotals}
		wantDataSource, d1 := types.ObjectValueFrom(ctx, dataSourceStats, m.Statistics)
		wantResource, d2 := types.ObjectValueFrom(ctx, resourceStats, headline)
		wantErr, d3 := types.ObjectValueFrom(ctx, attrTypesOf(ctx, "blocking_error"), m.BlockingError)
		if d1.HasError() || d2.HasError() || d3.HasError() {
			t.Fatal(d1, d2, d3)
		}
		if got := statisticsValue(dataSourceStats, m.Statistics); !got.Equal(wantDataSource) {
			t.Errorf("%s: data source statistics\n got %v\nwant %v", name, got, wantDataSource)
		}
		if got := statisticsValue(resourceStats, m.Statistics); !got.Equal(wantResource) {
			t.Errorf("%s: resource statistics\n got %v\nwant %v", name, got, wantResource)
		}
		if got := blockingErrorValue(m.BlockingError); !got.Equal(wantErr) {
			t.Errorf("%s: blocking_error\n got %v\nwant %v", name, got, wantErr)
		}
	}
	if !statisticsValue(resourceStats, nil).IsNull() || !blockingErrorValue(nil).IsNull() {
		t.Error("nil models must give null objects")
	}
}

// industrydata_runs' list equals what State.Set built from []runModel by
// reflection before runsValue, for runs with and without statistics, times
// and errors, and for no runs at all.
func TestRunsValueMatchesReflection(t *testing.T) {
	ctx := context.Background()
	var models []runModel
	for _, run := range valuesTestRuns() {
		models = append(models, runFromGraph(&run, valuesTestStatistics()), runFromGraph(&run, nil))
	}
	for name, runs := range map[string][]runModel{"runs": models, "none": {}} {
		want, diags := types.ListValueFrom(ctx, listedRunType(), runs)
		if diags.HasError() {
			t.Fatal(diags)
		}
		if got := runsValue(runs); !got.Equal(want) {
			t.Errorf("%s:\n got %v\nwant %v", name, got, want)
		}
	}
}

func valuesTestStatistics() *graph.RunStatistics {
	return &graph.RunStatistics{RunID: "r", Status: "completed", Activities: []graph.ActivityStatistics{
		{ActivityID: "a", Status: "completed", Inbound: &graph.InboundActivityResults{Errors: 1, People: graph.EntityCount{Total: 3},
			MatchedPeopleByRole: map[string]int32{"student": 2}}},
		{ActivityID: "b", Status: "skipped"},
	}, InboundTotals: &graph.InboundTotals{People: 3, UnmatchedPeopleByRole: map[string]int32{}}}
}

func valuesTestRuns() map[string]graph.Run {
	start := time.Date(2023, 11, 1, 11, 10, 46, 0, time.UTC)
	end := start.Add(time.Hour)
	return map[string]graph.Run{
		"with blocking error": {ID: "r", StartDateTime: &start, EndDateTime: &end, Status: "failed", BlockingError: &graph.PublicError{Code: "c", Message: "m"}},
		"without":             {ID: "r", StartDateTime: &start, Status: "completed"},
		"no times":            {ID: "q", Status: "running"},
	}
}
