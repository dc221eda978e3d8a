package outboundflow

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// ModifyPlan makes the plan show only what changes. The framework plans
// every computed attribute unknown when anything in the resource changes;
// here a flow's id is kept while the flow exists, its readiness_status
// while its settings do not change (assumption: Graph does not say whether
// a PATCH of a flow changes its readiness, so a changed flow's is known
// after apply), and the set's last_modified_date_time while its name and
// filter do not change (the only changes that PATCH the set). A change of
// reset_triggers warns which flows the apply resets.
func (r *setResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var plan, state setModel
	// A plan holding unknown collections cannot be read into the model; it
	// is then left as the framework made it (more values known after apply).
	if req.Plan.Get(ctx, &plan).HasError() || req.State.Get(ctx, &state).HasError() {
		return
	}
	if plan.DisplayName.Equal(state.DisplayName) && equalModels(plan.Filter, state.Filter) {
		plan.LastModifiedDateTime = state.LastModifiedDateTime
	}
	var resets []string
	for _, s := range slots {
		if !s.present(&plan) || !s.present(&state) {
			continue
		}
		planned, held := s.status(&plan), s.status(&state)
		planned.ID = held.ID
		if s.same(&plan, &state) {
			planned.ReadinessStatus = held.ReadinessStatus
		}
		resets = append(resets, s.attribute+" ("+held.ID.ValueString()+")")
	}
	if !plan.ResetTriggers.Equal(state.ResetTriggers) {
		resp.Diagnostics.AddAttributeWarning(path.Root("reset_triggers"), "The apply resets provisioning flows",
			resetMessage(resets))
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, plan)...)
}

func resetMessage(flows []string) string {
	if len(flows) == 0 {
		return "reset_triggers changed, but the set holds no flow that the apply keeps: nothing is reset."
	}
	return fmt.Sprintf("reset_triggers changed: the apply calls Graph's reset on %s. School Data Sync then reprovisions "+
		"everything these flows cover as on a first run and clears their errors.", strings.Join(flows, ", "))
}

// ValidateConfig checks, at plan time, that a user flow names each role
// group at most once (assumption: the reference does not say; a second
// configuration for a role group could only conflict) and that no
// configuration gives both forms of its password.
func (r *setResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var u *userFlowModel
	if req.Config.GetAttribute(ctx, path.Root("user_flow"), &u).HasError() || u == nil {
		return // unknown values: checked again once known
	}
	seen := map[string]int{}
	for i, c := range u.CreationConfigurations {
		at := path.Root("user_flow").AtName("creation_configurations").AtListIndex(i)
		if lifecycle.Known(c.RoleGroupID) {
			group := c.RoleGroupID.ValueString()
			if first, dup := seen[group]; dup {
				resp.Diagnostics.AddAttributeError(at.AtName("role_group_id"), "Role group configured twice",
					fmt.Sprintf("role_group_id %q is already configured by creation_configurations[%d]; each role group (%s) may have at most one configuration.",
						group, first, strings.Join(roleGroupIDs, ", ")))
			}
			seen[group] = i
		}
		if !c.DefaultPassword.IsNull() && !c.DefaultPasswordWO.IsNull() {
			resp.Diagnostics.AddAttributeError(at.AtName("default_password"), "Two default passwords",
				"Give at most one of default_password and default_password_wo (write-only, for CLIs that support it).")
		}
	}
}

// keepStateWhenSameCodes plans the role codes in state when the configured
// ones are the same codes in another case: Graph compares codes without
// case (it answers paraProfessional as paraprofessional), so respelling one
// changes nothing.
type keepStateWhenSameCodes struct{}

func (keepStateWhenSameCodes) Description(context.Context) string {
	return "Role codes that differ from the state only in case plan no change."
}

func (m keepStateWhenSameCodes) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepStateWhenSameCodes) PlanModifyList(ctx context.Context, req planmodifier.ListRequest, resp *planmodifier.ListResponse) {
	if !lifecycle.Known(req.StateValue) || !lifecycle.Known(resp.PlanValue) {
		return
	}
	var planned, held []types.String
	if resp.PlanValue.ElementsAs(ctx, &planned, false).HasError() || req.StateValue.ElementsAs(ctx, &held, false).HasError() {
		return
	}
	for _, v := range planned {
		if !lifecycle.Known(v) {
			return
		}
	}
	if sameCodes(stringsOf(planned), stringsOf(held)) {
		resp.PlanValue = req.StateValue
	}
}
