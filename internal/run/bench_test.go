package run

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// Benchmarks of the per-resource CPU work that `make bench` (tools/bench)
// measures end to end: mapping a run with full statistics to the Terraform
// model, and the framework's conversions of that model to and from state,
// which every Read, Create and Update response goes through.

// benchRun is an ended run with full statistics, as `make bench` seeds them:
// two inbound activities with counters and role counts, one outbound.
func benchRun() (*graph.Run, *graph.RunStatistics) {
	start := time.Date(2024, 5, 1, 2, 0, 0, 123456000, time.UTC)
	end := start.Add(12*time.Minute + 34*time.Second)
	count := func(active, inactive int32) graph.EntityCount {
		return graph.EntityCount{Active: active, Inactive: inactive, Total: active + inactive}
	}
	stats := &graph.RunStatistics{
		RunID: "b3e1c0de-5eed-4000-8000-000000000001", Status: "completed",
		Activities: []graph.ActivityStatistics{
			{ActivityID: "ac71e1d0-5eed-4000-8000-000000000000", DisplayName: "Inbound flow: SIS roster (CSV)", Status: "completed",
				Inbound: &graph.InboundActivityResults{
					Organizations: count(4, 0), People: count(1210, 35), Groups: count(96, 4), Memberships: count(2410, 40),
					MatchedPeopleByRole:   map[string]int32{"student": 1080, "teacher": 95},
					UnmatchedPeopleByRole: map[string]int32{"student": 12, "teacher": 5},
				}},
			{ActivityID: "ac71e1d0-5eed-4000-8000-000000000001", DisplayName: "Inbound flow: HR staff (OneRoster API)", Status: "completed",
				Inbound: &graph.InboundActivityResults{
					Warnings: 3, People: count(130, 2),
					MatchedPeopleByRole:   map[string]int32{"staff": 128},
					UnmatchedPeopleByRole: map[string]int32{"student": 12, "teacher": 5},
				}},
			{ActivityID: "ac71e1d0-5eed-4000-8000-000000000002", DisplayName: "Outbound provisioning: Microsoft 365 groups", Status: "completed"},
		},
		InboundTotals: &graph.InboundTotals{
			Warnings: 3, Groups: 100, Memberships: 2450, Organizations: 4, People: 1377,
			MatchedPeopleByRole:   map[string]int32{"staff": 128, "student": 1080, "teacher": 95},
			UnmatchedPeopleByRole: map[string]int32{"student": 24, "teacher": 10},
		},
	}
	return &graph.Run{
		ID: stats.RunID, DisplayName: "Bench 1", StartDateTime: &start, EndDateTime: &end, Status: "completed",
	}, stats
}

// BenchmarkRunFromGraph: the pure Graph → model mapping.
func BenchmarkRunFromGraph(b *testing.B) {
	run, stats := benchRun()
	b.ReportAllocs()
	for b.Loop() {
		_ = runFromGraph(run, stats)
	}
}

// benchModel is an industrydata_run model as Create starts it, before setRun.
func benchModel(ctx context.Context) resourceModel {
	return resourceModel{
		Statistics:     types.ObjectNull(attrTypesOf(ctx, "statistics")),
		Timeouts:       timeouts.Value{Object: types.ObjectNull(resourceSchema(ctx).Attributes["timeouts"].GetType().(timeouts.Type).AttrTypes)},
		FailOnStatuses: types.SetNull(types.StringType),
		Triggers:       types.MapNull(types.StringType),
	}
}

// BenchmarkSetRun: what every Read, Create and Update does with a run and
// its statistics (runFromGraph, then the model's objects from the schema).
func BenchmarkSetRun(b *testing.B) {
	ctx := context.Background()
	run, stats := benchRun()
	base := benchModel(ctx)
	b.ReportAllocs()
	for b.Loop() {
		m := base
		m.setRun(run, stats)
		if m.Statistics.IsNull() {
			b.Fatal("setRun left statistics null")
		}
	}
}

// BenchmarkResourceSchema: building the resource schema, which attrTypesOf
// does on every call (setRun calls it twice, ModifyPlan up to twice).
func BenchmarkResourceSchema(b *testing.B) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		_ = resourceSchema(ctx)
	}
}

// BenchmarkStateSet / BenchmarkStateGet: the framework's reflection between
// the model (with full statistics) and state, once per response / request.
func BenchmarkStateSet(b *testing.B) {
	ctx := context.Background()
	m, state := benchState(ctx, b)
	b.ReportAllocs()
	for b.Loop() {
		if diags := state.Set(ctx, &m); diags.HasError() {
			b.Fatal(diags)
		}
	}
}

func BenchmarkStateGet(b *testing.B) {
	ctx := context.Background()
	_, state := benchState(ctx, b)
	b.ReportAllocs()
	for b.Loop() {
		var m resourceModel
		if diags := state.Get(ctx, &m); diags.HasError() {
			b.Fatal(diags)
		}
	}
}

func benchState(ctx context.Context, b *testing.B) (resourceModel, tfsdk.State) {
	b.Helper()
	s := resourceSchema(ctx)
	state := tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	run, stats := benchRun()
	m := benchModel(ctx)
	m.setRun(run, stats)
	if m.Statistics.IsNull() {
		b.Fatal("setRun left statistics null")
	}
	if diags := state.Set(ctx, &m); diags.HasError() {
		b.Fatal(diags)
	}
	return m, state
}
