package run

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
	"github.com/industrydata/terraform-provider-industrydata/internal/tfdiag"
)

// Default timeouts; each can be set in a timeouts block.
const (
	defaultCreateTimeout = 30 * time.Minute // starting and, with wait_for_completion, a whole run
	defaultReadTimeout   = 5 * time.Minute
	defaultUpdateTimeout = 10 * time.Minute
	finalSaveTimeout     = 30 * time.Second // reading statistics for state after a timeout
)

// NewResource returns the industrydata_run resource.
func NewResource() resource.Resource { return &runResource{} }

type runResource struct {
	client *graph.Client
}

var (
	_ resource.ResourceWithConfigure      = (*runResource)(nil)
	_ resource.ResourceWithImportState    = (*runResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*runResource)(nil)
	_ resource.ResourceWithValidateConfig = (*runResource)(nil)
)

func (r *runResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_run"
}

func (r *runResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = resourceSchema(ctx)
}

func (r *runResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = lifecycle.ClientFrom(req.ProviderData, &resp.Diagnostics)
}

// Create adopts the run named by run_id, or starts one; then PATCHes what the
// configuration sets differently, and optionally waits for the run to end.
func (r *runResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	plan := readModel(ctx, req.Plan.Raw, "plan", &resp.Diagnostics)
	config := readModel(ctx, req.Config.Raw, "configuration", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, plan.Timeouts.Create, defaultCreateTimeout, &resp.Diagnostics)
	defer cancel()

	// Graph may not find a run created moments ago (eventual consistency):
	// every call of this create tolerates a 404 for a bounded window.
	ctx = graph.WithNotFoundRetry(ctx, notFoundWindow(plan))
	run, d := r.adoptOrStart(ctx, plan)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	// From here on the run exists: it is saved even if what follows fails,
	// so nothing is lost and the next plan shows what is left to do.
	current := resourceModel{
		Timeouts: plan.Timeouts, WaitForCompletion: plan.WaitForCompletion,
		FailOnStatuses: plan.FailOnStatuses, MaxErrors: plan.MaxErrors, MaxWarnings: plan.MaxWarnings, Triggers: plan.Triggers,
		Statistics: types.ObjectNull(attrTypesOf(ctx, "statistics")),
		// Times stay as written when the service names the same instant.
		StartDateTime: plan.StartDateTime, EndDateTime: plan.EndDateTime,
	}
	current.setRun(run, nil)
	run, d = r.converge(ctx, run, plan, config, current)
	resp.Diagnostics.Append(d...)
	stats := r.saveWithStatistics(ctx, &current, run, &resp.State, &resp.Diagnostics)
	if !lifecycle.Known(plan.RunID) {
		resp.Diagnostics.Append(rememberStart(ctx, resp.Private)...)
	}
	if plan.WaitForCompletion.ValueBool() && !lifecycle.Known(plan.RunID) && isFinal(run.Status) && !resp.Diagnostics.HasError() {
		// The run is saved: failing the gate now taints it (see gate.go).
		resp.Diagnostics.Append(gateOf(ctx, plan).judge(run, stats)...)
	}
}

// notFoundWindow is how long a create believes a 404 may be Graph catching up.
func notFoundWindow(plan resourceModel) time.Duration {
	if lifecycle.Known(plan.RunID) {
		return adoptNotFoundWindow
	}
	return startNotFoundWindow
}

// adoptOrStart returns the run the resource will manage.
func (r *runResource) adoptOrStart(ctx context.Context, plan resourceModel) (*graph.Run, diag.Diagnostics) {
	var diags diag.Diagnostics
	if !lifecycle.Known(plan.RunID) {
		run, err := r.start(ctx)
		if err != nil {
			diags.Append(tfdiag.FromError("Cannot start an industry data run", err))
		}
		return run, diags
	}
	id := plan.RunID.ValueString()
	run, err := r.client.GetRun(ctx, id)
	switch {
	case graph.IsNotFound(err):
		diags.AddAttributeError(path.Root("run_id"), "Run not found",
			fmt.Sprintf("run_id is %q, but no industry data run with that id exists in Microsoft Graph.\n\n"+
				"Check the id, and that tenant_id and environment name the tenant that holds the run: the industrydata_runs "+
				"data source lists the runs there. If the run is gone, remove this resource from the configuration "+
				"(a resource with run_id never starts a run).\n\n%s",
				id, tfdiag.FromError("", err).Detail()))
	case err != nil:
		diags.Append(tfdiag.FromError("Cannot read industry data run "+id, err))
	}
	return run, diags
}

// converge brings the run to the plan: one PATCH of what differs, then, with
// wait_for_completion, polling until the run has ended. It returns the run as
// last seen, also when a step fails.
func (r *runResource) converge(ctx context.Context, run *graph.Run, plan, config, current resourceModel) (*graph.Run, diag.Diagnostics) {
	var diags diag.Diagnostics
	if lifecycle.Known(plan.Status) {
		if err := checkTransition(run.Status, plan.Status.ValueString()); err != nil {
			diags.AddAttributeError(pathStatus, "Run status cannot change", "Industry data run "+run.ID+": "+err.Error()+".")
			return run, diags
		}
	}
	patch, d := patchFor(ctx, plan, current, config.Statistics)
	diags.Append(d...)
	if !patch.Empty() {
		patched, err := r.patch(ctx, run.ID, patch)
		if err != nil {
			diags.Append(tfdiag.FromError("Cannot update industry data run "+run.ID, err))
			return run, diags
		}
		run = patched
	}
	if plan.WaitForCompletion.ValueBool() && !isFinal(run.Status) {
		run, diags = r.waitForCompletion(ctx, run, diags)
	}
	return run, diags
}

// waitForCompletion waits until the run has ended (resource_wait.go). When
// Terraform is interrupted meanwhile, the run is read once more: a run that
// ended in the meantime is then saved, and judged, as it ended.
func (r *runResource) waitForCompletion(ctx context.Context, run *graph.Run, diags diag.Diagnostics) (*graph.Run, diag.Diagnostics) {
	finished, err := awaitFinal(ctx, run, r.client.GetRun)
	if finished != nil {
		run = finished // the latest seen, also when waiting stopped early
	}
	if errors.Is(err, errWaitInterrupted) {
		readCtx, cancel := afterEnd(ctx)
		defer cancel()
		if latest, readErr := r.client.GetRun(readCtx, run.ID); readErr == nil {
			run = latest
			if isFinal(run.Status) {
				err = nil
			}
		}
	}
	if err != nil {
		diags.Append(tfdiag.FromError("Industry data run "+run.ID+" did not complete", fmt.Errorf("%w\n\n"+
			"The run continues in Microsoft Graph. It is saved in state, and Terraform marks this resource tainted: "+
			"the next apply replaces it, which for a resource without run_id starts another run (Graph allows five per 12 hours). "+
			"To keep this run, run terraform untaint (tofu untaint) on this resource; if waiting ran out of time, raise timeouts.create "+
			"(or set wait_for_completion = false) before the next apply", err)))
	}
	return run, diags
}

// afterEnd returns ctx while it lasts; once its timeout has passed or
// Terraform was interrupted, a short context of its own: saving what exists
// still deserves that much.
func afterEnd(ctx context.Context) (context.Context, context.CancelFunc) {
	if ctx.Err() == nil {
		return ctx, func() {}
	}
	return context.WithTimeout(context.WithoutCancel(ctx), finalSaveTimeout)
}

// saveWithStatistics completes the model with the run's statistics (inline,
// or one getStatistics call), writes it to state and returns the statistics
// (nil when they could not be read).
func (r *runResource) saveWithStatistics(ctx context.Context, m *resourceModel, run *graph.Run, state *tfsdk.State, diags *diag.Diagnostics) *graph.RunStatistics {
	ctx, cancel := afterEnd(ctx)
	defer cancel()
	stats, err := statisticsOf(ctx, r.client, run)
	saved := stats
	if err != nil {
		diags.Append(tfdiag.FromError("Cannot read statistics of industry data run "+run.ID, err))
		saved = &graph.RunStatistics{RunID: run.ID, Status: run.Status}
	}
	m.setRun(run, saved)
	setState(ctx, state, m, diags)
	return stats
}

// patch sends the PATCH and returns the run as the service now holds it: from
// the 200 body, or with one GET after a 204.
func (r *runResource) patch(ctx context.Context, id string, patch graph.RunPatch) (*graph.Run, error) {
	tflog.Debug(ctx, "Patching run", map[string]any{"id": id, "fields": patch.Fields()})
	run, err := r.client.PatchRun(ctx, id, patch)
	if err != nil || run != nil {
		return run, err
	}
	return r.client.GetRun(ctx, id)
}

// Read refreshes the run. A run Graph no longer has leaves state, so the
// next plan proposes to create it again; within the read-after-start window
// of a run this resource started, a 404 is retried first.
func (r *runResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state := readModel(ctx, req.State.Raw, "state", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, state.Timeouts.Read, defaultReadTimeout, &resp.Diagnostics)
	defer cancel()

	if left := notFoundWindowLeft(ctx, req.Private, clockNow()); left > 0 {
		ctx = graph.WithNotFoundRetry(ctx, left) // just started: a 404 is Graph catching up
	}
	run, err := r.client.GetRun(ctx, state.ID.ValueString())
	if lifecycle.RemoveIfGone(ctx, err, &resp.State, "Run", state.ID.ValueString()) {
		return
	}
	if err != nil {
		resp.Diagnostics.Append(tfdiag.FromError("Cannot read industry data run "+state.ID.ValueString(), err))
		return
	}
	var stats *graph.RunStatistics // nil keeps the statistics in state
	if !statisticsSettled(state, run) {
		if stats, err = statisticsOf(ctx, r.client, run); err != nil {
			resp.Diagnostics.Append(tfdiag.FromError("Cannot read statistics of industry data run "+run.ID, err))
			return
		}
	}
	state.setRun(run, stats)
	setState(ctx, &resp.State, &state, &resp.Diagnostics)
}

// stateModel converts industrydata_run's state, plan and configuration (one
// object type) without the framework's reflection (see lifecycle.Model):
// every RPC of the resource reads and writes whole models through it.
var stateModel = lifecycle.NewModel[resourceModel](func() types.ObjectType {
	return resourceSchema(context.Background()).Type().(types.ObjectType)
})

// readModel reads raw, industrydata_run's state, plan or configuration (what).
func readModel(ctx context.Context, raw tftypes.Value, what string, diags *diag.Diagnostics) resourceModel {
	m, err := stateModel.Get(ctx, raw)
	if err != nil {
		diags.AddError("Cannot read the "+what+" of industrydata_run", err.Error())
	}
	return m
}

// setState writes m as industrydata_run's new state.
func setState(ctx context.Context, state *tfsdk.State, m *resourceModel, diags *diag.Diagnostics) {
	raw, err := stateModel.Value(ctx, m)
	if err != nil {
		diags.AddError("Cannot build the state of industrydata_run", err.Error())
		return
	}
	state.Raw = raw
}

// statisticsSettled reports whether the statistics in state are final: a
// run that had already ended at the last read has nothing left to count, so
// a refresh needs no getStatistics call (one request per run, not two).
func statisticsSettled(state resourceModel, run *graph.Run) bool {
	return isFinal(run.Status) && state.Status.ValueString() == run.Status && lifecycle.Known(state.Statistics)
}

// Update sends one PATCH with only the attributes that changed. Nothing to
// send (e.g. only wait_for_completion or timeouts changed) sends nothing.
func (r *runResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	plan := readModel(ctx, req.Plan.Raw, "plan", &resp.Diagnostics)
	state := readModel(ctx, req.State.Raw, "state", &resp.Diagnostics)
	config := readModel(ctx, req.Config.Raw, "configuration", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, plan.Timeouts.Update, defaultUpdateTimeout, &resp.Diagnostics)
	defer cancel()

	patch, d := patchFor(ctx, plan, state, config.Statistics)
	resp.Diagnostics.Append(d...)
	if resp.Diagnostics.HasError() {
		return
	}
	if patch.Empty() {
		setState(ctx, &resp.State, &plan, &resp.Diagnostics)
		return
	}
	run, err := r.patch(ctx, state.ID.ValueString(), patch)
	if err != nil {
		// The PATCH failed: state keeps what the server held before it.
		resp.Diagnostics.Append(tfdiag.FromError("Cannot update industry data run "+state.ID.ValueString(), err))
		return
	}
	next := plan
	if plan.Statistics.IsUnknown() || patch.Statistics != nil {
		r.saveWithStatistics(ctx, &next, run, &resp.State, &resp.Diagnostics)
		return
	}
	next.setRun(run, nil)
	setState(ctx, &resp.State, &next, &resp.Diagnostics)
}

// Delete only forgets the run: Graph has no DELETE for runs.
func (r *runResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	state := readModel(ctx, req.State.Raw, "state", &resp.Diagnostics)
	resp.Diagnostics.AddWarning("Run remains in Microsoft Graph",
		fmt.Sprintf("Microsoft Graph cannot delete industry data runs. Run %s was removed from Terraform state only; "+
			"it stays in School Data Sync's run history.", state.ID.ValueString()))
}

// ImportState takes a run id; the next Read fills in the rest.
func (r *runResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !lifecycle.CheckImportID(req.ID, "an industry data run", &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("run_id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("wait_for_completion"), false)...)
}
