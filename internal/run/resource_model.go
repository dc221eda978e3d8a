package run

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// resourceModel is industrydata_run as Terraform holds it. Nested objects
// are types.Object because plans hold unknown values in them.
type resourceModel struct {
	ID                types.String      `tfsdk:"id"`
	RunID             types.String      `tfsdk:"run_id"`
	DisplayName       types.String      `tfsdk:"display_name"`
	StartDateTime     timetypes.Instant `tfsdk:"start_date_time"`
	EndDateTime       timetypes.Instant `tfsdk:"end_date_time"`
	Status            types.String      `tfsdk:"status"`
	BlockingError     types.Object      `tfsdk:"blocking_error"`
	Statistics        types.Object      `tfsdk:"statistics"`
	WaitForCompletion types.Bool        `tfsdk:"wait_for_completion"`
	FailOnStatuses    types.Set         `tfsdk:"fail_on_statuses"`
	MaxErrors         types.Int64       `tfsdk:"max_errors"`
	MaxWarnings       types.Int64       `tfsdk:"max_warnings"`
	Triggers          types.Map         `tfsdk:"triggers"`
	Timeouts          timeouts.Value    `tfsdk:"timeouts"`
}

// setRun copies what the service holds into the model. stats nil keeps the
// model's statistics (the caller knows they did not change).
func (m *resourceModel) setRun(r *graph.Run, stats *graph.RunStatistics) {
	v := runFromGraph(r, stats)
	m.ID, m.RunID = v.ID, v.ID
	m.DisplayName, m.Status = v.DisplayName, v.Status
	m.StartDateTime = timetypes.KeepIfSameInstant(m.StartDateTime, v.StartDateTime)
	m.EndDateTime = timetypes.KeepIfSameInstant(m.EndDateTime, v.EndDateTime)
	m.BlockingError = blockingErrorValue(v.BlockingError)
	if stats != nil {
		m.Statistics = statisticsValue(nestedAttrTypes()["statistics"], v.Statistics)
	}
	if m.WaitForCompletion.IsNull() || m.WaitForCompletion.IsUnknown() {
		m.WaitForCompletion = types.BoolValue(false)
	}
}

func unknownObject(ctx context.Context, name string) types.Object {
	return types.ObjectUnknown(attrTypesOf(ctx, name))
}

// patchFor computes the PATCH that takes the run from current to desired:
// every attribute desired knows (configured, or kept from state) that
// differs from current. Times compare by instant; statistics are sent when
// the configured ones are not already what the run holds.
func patchFor(ctx context.Context, desired, current resourceModel, configuredStats types.Object) (graph.RunPatch, diag.Diagnostics) {
	var p graph.RunPatch
	var diags diag.Diagnostics
	if lifecycle.Known(desired.DisplayName) && desired.DisplayName.ValueString() != current.DisplayName.ValueString() {
		p.DisplayName = desired.DisplayName.ValueStringPointer()
	}
	p.StartDateTime = changedTime(desired.StartDateTime, current.StartDateTime)
	p.EndDateTime = changedTime(desired.EndDateTime, current.EndDateTime)
	if lifecycle.Known(desired.Status) && desired.Status.ValueString() != current.Status.ValueString() {
		p.Status = desired.Status.ValueStringPointer()
	}
	if lifecycle.Known(configuredStats) && !subsetEqual(configuredStats, current.Statistics) {
		var m resourceStatisticsModel
		diags.Append(configuredStats.As(ctx, &m, basetypes.ObjectAsOptions{UnhandledNullAsEmpty: true, UnhandledUnknownAsEmpty: true})...)
		p.Statistics = statisticsToGraph(m)
	}
	return p, diags
}

func changedTime(desired, current timetypes.Instant) *time.Time {
	d, ok := desired.Time()
	if !ok || timetypes.SameInstant(desired.ValueString(), current.ValueString()) {
		return nil
	}
	return &d
}

// subsetEqual reports whether every value set in want equals the value at the
// same place in have: null in want means "not configured" and matches anything.
func subsetEqual(want, have attr.Value) bool {
	if want == nil || want.IsNull() {
		return true
	}
	if have == nil || have.IsNull() || have.IsUnknown() {
		return false
	}
	switch w := want.(type) {
	case basetypes.ObjectValue:
		h, ok := have.(basetypes.ObjectValue)
		if !ok {
			return false
		}
		for name, v := range w.Attributes() {
			if !subsetEqual(v, h.Attributes()[name]) {
				return false
			}
		}
		return true
	case basetypes.ListValue:
		h, ok := have.(basetypes.ListValue)
		if !ok || len(w.Elements()) != len(h.Elements()) {
			return false
		}
		for i, v := range w.Elements() {
			if !subsetEqual(v, h.Elements()[i]) {
				return false
			}
		}
		return true
	}
	return want.Equal(have)
}

// resourceStatisticsModel is industrydata_run's statistics: the headline
// numbers (the data sources add per-activity statistics).
type resourceStatisticsModel struct {
	RunID         types.String        `tfsdk:"run_id"`
	Status        types.String        `tfsdk:"status"`
	InboundTotals *inboundTotalsModel `tfsdk:"inbound_totals"`
}

// statisticsToGraph maps configured statistics to Graph's shape. Graph
// replaces a complex property whole, so the PATCH carries no activities.
func statisticsToGraph(m resourceStatisticsModel) *graph.RunStatistics {
	out := &graph.RunStatistics{RunID: m.RunID.ValueString(), Status: m.Status.ValueString()}
	if t := m.InboundTotals; t != nil {
		out.InboundTotals = &graph.InboundTotals{
			Errors: int32Of(t.Errors), Warnings: int32Of(t.Warnings), Groups: int32Of(t.Groups),
			Memberships: int32Of(t.Memberships), Organizations: int32Of(t.Organizations), People: int32Of(t.People),
			MatchedPeopleByRole: rolesToGraph(t.MatchedPeopleByRole), UnmatchedPeopleByRole: rolesToGraph(t.UnmatchedPeopleByRole),
		}
	}
	return out
}

func int32Of(v types.Int64) int32 { return int32(v.ValueInt64()) }

func rolesToGraph(in map[string]int64) map[string]int32 {
	out := make(map[string]int32, len(in))
	for role, n := range in {
		out[role] = int32(n)
	}
	return out
}
