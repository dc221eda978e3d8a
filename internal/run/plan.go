package run

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

var (
	pathStatus     = path.Root("status")
	pathEnd        = path.Root("end_date_time")
	pathStatistics = path.Root("statistics")
	pathBlocking   = path.Root("blocking_error")
)

// replaceWhenAdoptingAnotherRun replaces the resource when run_id names a
// different run than the one in state. A run_id left out keeps the run.
func replaceWhenAdoptingAnotherRun() planmodifier.String {
	return stringplanmodifier.RequiresReplaceIf(
		func(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
			resp.RequiresReplace = !req.ConfigValue.IsNull() && !req.StateValue.IsNull() &&
				req.ConfigValue.ValueString() != req.StateValue.ValueString()
		},
		"Changing run_id to another run replaces the resource.",
		"Changing `run_id` to another run replaces the resource.",
	)
}

// endStampedWhenRunEnds plans end_date_time: the configured value; or, when
// the run is about to end (final status planned, not yet final in state) and
// no end time is configured, unknown, because the service stamps it; or else
// the value in state.
type endStampedModifier struct{}

func endStampedWhenRunEnds() planmodifier.String { return endStampedModifier{} }

func (endStampedModifier) Description(context.Context) string {
	return "Known after apply when a final status is set without an end time; otherwise unchanged."
}

func (m endStampedModifier) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (endStampedModifier) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	if !req.ConfigValue.IsNull() || req.State.Raw.IsNull() {
		return // configured, or a new resource: the framework's plan stands
	}
	var planned, prior types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, pathStatus, &planned)...)
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, pathStatus, &prior)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if runEnds(prior, planned) {
		resp.PlanValue = types.StringUnknown()
		return
	}
	resp.PlanValue = req.StateValue
}

// runEnds reports whether the plan takes the run from not final to final.
func runEnds(prior, planned types.String) bool {
	return !planned.IsUnknown() && isFinal(planned.ValueString()) && !isFinal(prior.ValueString())
}

// statusChanges reports whether the plan sets another status than the state's.
func statusChanges(prior, planned types.String) bool {
	return !planned.IsUnknown() && !planned.IsNull() && planned.ValueString() != prior.ValueString()
}

// ValidateConfig checks what the configuration alone can tell, before any
// request: the time order, and that a running run has no end time.
func (r *runResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	cfg := readModel(ctx, req.Config.Raw, "configuration", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	checkTimeOrder(cfg.StartDateTime, cfg.EndDateTime, &resp.Diagnostics)
	if cfg.Status.ValueString() == "running" && !cfg.EndDateTime.IsNull() && !cfg.EndDateTime.IsUnknown() {
		resp.Diagnostics.AddAttributeError(pathEnd, "A running run has no end time",
			fmt.Sprintf("status is \"running\" but end_date_time is %q. Remove end_date_time, or set a final status (%s).",
				cfg.EndDateTime.ValueString(), strings.Join(finalStatuses, ", ")))
	}
	checkGateSettings(cfg, &resp.Diagnostics)
}

// checkGateSettings: the gate (fail_on_statuses, max_errors, max_warnings)
// judges a run the resource started and waited for, and triggers start a new
// run; none of them means anything for an adopted run (run_id), and the gate
// nothing without wait_for_completion = true.
func checkGateSettings(cfg resourceModel, diags *diag.Diagnostics) {
	gateSettings := []struct {
		name  string
		value attr.Value
	}{{"fail_on_statuses", cfg.FailOnStatuses}, {"max_errors", cfg.MaxErrors}, {"max_warnings", cfg.MaxWarnings}}
	adopted := !cfg.RunID.IsNull()
	for _, s := range gateSettings {
		switch {
		case s.value.IsNull():
		case adopted:
			diags.AddAttributeError(path.Root(s.name), "Gate on an adopted run",
				fmt.Sprintf("%s is set, and so is run_id. %s judges a run this resource starts and waits for; an adopted run "+
					"(run_id) is neither. Remove %s, or remove run_id to start a run with wait_for_completion = true.", s.name, s.name, s.name))
		case !cfg.WaitForCompletion.IsUnknown() && !cfg.WaitForCompletion.ValueBool():
			diags.AddAttributeError(path.Root(s.name), "Gate without waiting",
				fmt.Sprintf("%s is set, but wait_for_completion is %s. %s judges the run once it has ended, so it needs "+
					"wait_for_completion = true. Set it, or remove %s.", s.name, boolText(cfg.WaitForCompletion), s.name, s.name))
		}
	}
	if adopted && !cfg.Triggers.IsNull() {
		diags.AddAttributeError(path.Root("triggers"), "Triggers on an adopted run",
			"triggers is set, and so is run_id. A change of triggers replaces the resource to start a new run, but a resource "+
				"with run_id adopts an existing run and never starts one. Remove triggers, or remove run_id to start runs.")
	}
}

func boolText(b types.Bool) string {
	if b.IsNull() {
		return "not set (false)"
	}
	return fmt.Sprintf("%t", b.ValueBool())
}

// ModifyPlan applies the rules that need the state: final statuses never
// change, the end stays after the start with values from state, and
// attributes the service recomputes when the status changes are unknown.
func (r *runResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return // destroy, or create: the server's values are not known yet
	}
	plan := readModel(ctx, req.Plan.Raw, "plan", &resp.Diagnostics)
	state := readModel(ctx, req.State.Raw, "state", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !plan.Status.IsUnknown() {
		if err := checkTransition(state.Status.ValueString(), plan.Status.ValueString()); err != nil {
			resp.Diagnostics.AddAttributeError(pathStatus, "Run status cannot change", "Industry data run "+state.ID.ValueString()+": "+err.Error()+".")
			return
		}
	}
	checkTimeOrder(plan.StartDateTime, plan.EndDateTime, &resp.Diagnostics)
	if statusChanges(state.Status, plan.Status) {
		// The service may change these along with the status.
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, pathBlocking, unknownObject(ctx, "blocking_error"))...)
		if plan.Statistics.Equal(state.Statistics) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, pathStatistics, unknownObject(ctx, "statistics"))...)
		}
	}
}

// checkTimeOrder fails when both times are known and the end is before the start.
func checkTimeOrder(start, end timetypes.Instant, diags interface {
	AddAttributeError(path.Path, string, string)
}) {
	s, okStart := start.Time()
	e, okEnd := end.Time()
	if okStart && okEnd && e.Before(s) {
		diags.AddAttributeError(pathEnd, "End before start",
			fmt.Sprintf("end_date_time %q is earlier than start_date_time %q; a run cannot end before it starts.",
				end.ValueString(), start.ValueString()))
	}
}
