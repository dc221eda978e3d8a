// Package outboundflow is the industrydata_outbound_provisioning_flow_set
// resource (a flow set and its provisioning flows, each flow a child object
// in Graph) and the industrydata_outbound_provisioning_flow_sets data source.
package outboundflow

import (
	"context"
	"slices"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

const (
	what           = "outbound provisioning flow set"
	defaultTimeout = 5 * time.Minute
)

// NewResource returns the industrydata_outbound_provisioning_flow_set resource.
func NewResource() resource.Resource { return &setResource{} }

// setResource manages a flow set and its flows. It does not use
// lifecycle.CRUD: one resource is several Graph objects, and a failed call
// in the middle must leave in state what Graph then holds.
//
//   - Create: POST the set, then one POST per flow.
//   - Read: GET the set and list its flows (Graph documents no $expand of
//     them): two requests. A flow deleted outside Terraform leaves state, so
//     the next plan creates it again; a flow added outside is read, and the
//     next plan deletes it (the resource owns the set's flows).
//   - Update: one PATCH of the set only when its name or filter change, then
//     one POST, PATCH or DELETE per flow that differs, then, when
//     reset_triggers change, one reset per flow the set held before.
//   - Delete: DELETE each flow, then the set (the reference's safe order).
type setResource struct {
	client *graph.Client
}

var (
	_ resource.ResourceWithConfigure      = (*setResource)(nil)
	_ resource.ResourceWithImportState    = (*setResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*setResource)(nil)
	_ resource.ResourceWithValidateConfig = (*setResource)(nil)
)

func (r *setResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_outbound_provisioning_flow_set"
}

func (r *setResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = resourceSchema(ctx)
}

func (r *setResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = lifecycle.ClientFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *setResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan setModel
	if resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, plan.Timeouts.Create, defaultTimeout, &resp.Diagnostics)
	defer cancel()

	desired := plan
	if resp.Diagnostics.Append(carryWriteOnly(ctx, req.Config, nil, &desired)...); resp.Diagnostics.HasError() {
		return
	}
	created, err := r.client.CreateFlowSet(ctx, desired.toGraph())
	if err != nil {
		lifecycle.Failed(&resp.Diagnostics, "create", what, "", err)
		return
	}
	var none setModel
	result, err := r.writeFlows(ctx, created.ID, none, none, desired, plan.withSet(created))
	if err != nil {
		lifecycle.Failed(&resp.Diagnostics, "create the flows of", what, created.ID, err)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, result)...)
}

func (r *setResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state setModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, state.Timeouts.Read, defaultTimeout, &resp.Diagnostics)
	defer cancel()

	id := state.ID.ValueString()
	set, err := r.client.GetFlowSet(ctx, id)
	if lifecycle.RemoveIfGone(ctx, err, &resp.State, what, id) {
		return
	}
	if err != nil {
		lifecycle.Failed(&resp.Diagnostics, "read", what, id, err)
		return
	}
	flows, err := r.client.ListProvisioningFlows(ctx, id)
	if err != nil {
		lifecycle.Failed(&resp.Diagnostics, "read the flows of", what, id, err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, withFlows(state.withSet(set), flows))...)
}

// withFlows is m with each flow as Graph holds it (the first of a type, if
// Graph ever holds two), or without it when Graph has none of its type.
func withFlows(m setModel, flows []graph.ProvisioningFlow) setModel {
	for _, s := range slots {
		i := slices.IndexFunc(flows, func(f graph.ProvisioningFlow) bool { return f.Type == s.graphType })
		if i < 0 {
			s.clear(&m)
			continue
		}
		s.fromGraph(&m, &flows[i])
	}
	return m
}

func (r *setResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state setModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, plan.Timeouts.Update, defaultTimeout, &resp.Diagnostics)
	defer cancel()

	id := state.ID.ValueString()
	prior, desired := state, plan
	if resp.Diagnostics.Append(carryWriteOnly(ctx, req.Config, &prior, &desired)...); resp.Diagnostics.HasError() {
		return
	}
	result := plan
	updated, err := r.client.UpdateFlowSet(ctx, id, prior.toGraph(), desired.toGraph())
	switch {
	case err != nil:
		// Nothing was changed: state keeps what Graph holds.
		lifecycle.Failed(&resp.Diagnostics, "update", what, id, err)
		return
	case updated != nil:
		result = result.withSet(updated)
	default:
		result.CreatedDateTime, result.LastModifiedDateTime = state.CreatedDateTime, state.LastModifiedDateTime
	}
	if result, err = r.writeFlows(ctx, id, state, prior, desired, result); err != nil {
		result.ResetTriggers = state.ResetTriggers
		lifecycle.Failed(&resp.Diagnostics, "update the flows of", what, id, err)
	} else if !plan.ResetTriggers.Equal(state.ResetTriggers) {
		if err := r.resetFlows(ctx, id, state, result); err != nil {
			// Kept as before, so that the next apply resets again.
			result.ResetTriggers = state.ResetTriggers
			lifecycle.Failed(&resp.Diagnostics, "reset the flows of", what, id, err)
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, result)...)
}

// writeFlows brings the set's flows from prior (what Graph holds, with
// write-only values for requests) to desired with one POST, PATCH or DELETE
// per flow that differs, in the order of slots. result is the model to
// store, with the planned flows; it returns it with each flow as Graph now
// holds it. When a call fails, the flows not written yet and the one that
// failed are as held (prior's state, without write-only values).
func (r *setResource) writeFlows(ctx context.Context, setID string, held, prior, desired, result setModel) (setModel, error) {
	for i, s := range slots {
		err := r.writeFlow(ctx, setID, s, &prior, &desired, &result)
		if err != nil {
			for _, rest := range slots[i:] {
				rest.take(&result, &held)
			}
			return result, err
		}
	}
	return result, nil
}

func (r *setResource) writeFlow(ctx context.Context, setID string, s flowSlot, prior, desired, result *setModel) error {
	had, wants := s.present(prior), s.present(desired)
	switch {
	case !had && wants:
		created, err := r.client.CreateProvisioningFlow(ctx, setID, s.toGraph(desired))
		if err == nil {
			s.fromGraph(result, created)
		}
		return err
	case had && !wants:
		return r.client.DeleteProvisioningFlow(ctx, setID, s.status(prior).ID.ValueString())
	case had && wants:
		updated, err := r.client.UpdateProvisioningFlow(ctx, setID, s.status(prior).ID.ValueString(), s.toGraph(prior), s.toGraph(desired))
		switch {
		case err != nil:
			return err
		case updated == nil: // nothing to send: Graph's status is the prior one
			*s.status(result) = *s.status(prior)
		default:
			s.fromGraph(result, updated)
		}
	}
	return nil
}

// resetFlows calls reset once on each flow the set held before the apply
// (prior) and still holds (result); flows this apply created are new anyway.
func (r *setResource) resetFlows(ctx context.Context, setID string, prior, result setModel) error {
	for _, s := range slots {
		if s.present(&prior) && s.present(&result) {
			if err := r.client.ResetProvisioningFlow(ctx, setID, s.status(&result).ID.ValueString()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *setResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state setModel
	if resp.Diagnostics.Append(req.State.Get(ctx, &state)...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := lifecycle.WithTimeout(ctx, state.Timeouts.Delete, defaultTimeout, &resp.Diagnostics)
	defer cancel()

	id := state.ID.ValueString()
	for _, s := range slots {
		if !s.present(&state) {
			continue
		}
		if err := r.client.DeleteProvisioningFlow(ctx, id, s.status(&state).ID.ValueString()); err != nil {
			lifecycle.Failed(&resp.Diagnostics, "delete the flows of", what, id, err)
			return
		}
	}
	if err := r.client.DeleteFlowSet(ctx, id); err != nil {
		lifecycle.Failed(&resp.Diagnostics, "delete", what, id, err)
	}
}

// ImportState takes the set's id; Read fills in the rest, flows included.
// Graph returns neither the role group nor the password of a user flow's
// configurations: after an import they are null until the next apply.
func (r *setResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if lifecycle.CheckImportID(req.ID, "an "+what, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	}
}

// carryWriteOnly copies each creation configuration's default_password_wo
// from the configuration into the models requests are built from (see
// lifecycle.CarryWriteOnly), on copies of their user flows, so that the
// value never reaches state.
func carryWriteOnly(ctx context.Context, config tfsdk.Config, prior, desired *setModel) diag.Diagnostics {
	var cfg *userFlowModel
	diags := config.GetAttribute(ctx, path.Root("user_flow"), &cfg)
	if diags.HasError() || cfg == nil || desired.UserFlow == nil {
		return diags
	}
	desired.UserFlow = desired.UserFlow.clone()
	if prior != nil && prior.UserFlow != nil {
		prior.UserFlow = prior.UserFlow.clone()
	}
	for i, c := range cfg.CreationConfigurations {
		if i >= len(desired.UserFlow.CreationConfigurations) {
			break
		}
		want := &desired.UserFlow.CreationConfigurations[i]
		var had *lifecycle.WriteOnlySecret
		if prior != nil && prior.UserFlow != nil && i < len(prior.UserFlow.CreationConfigurations) {
			p := &prior.UserFlow.CreationConfigurations[i]
			had = &lifecycle.WriteOnlySecret{Value: &p.DefaultPasswordWO, Version: p.DefaultPasswordWOVersion}
		}
		lifecycle.CarryWriteOnly(c.DefaultPasswordWO, lifecycle.WriteOnlySecret{Value: &want.DefaultPasswordWO, Version: want.DefaultPasswordWOVersion}, had)
	}
	return diags
}

func (f *userFlowModel) clone() *userFlowModel {
	c := *f
	c.CreationConfigurations = slices.Clone(f.CreationConfigurations)
	return &c
}
