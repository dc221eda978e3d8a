package sourcesystem

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// resourceModel mirrors the resource's schema.
type resourceModel struct {
	ID                   types.String          `tfsdk:"id"`
	DisplayName          types.String          `tfsdk:"display_name"`
	Vendor               types.String          `tfsdk:"vendor"`
	UserMatchingSettings []userMatchingSetting `tfsdk:"user_matching_settings"` // nil is null
	Timeouts             timeouts.Value        `tfsdk:"timeouts"`
}

type userMatchingSetting struct {
	SourceIdentifier types.String `tfsdk:"source_identifier"`
	MatchTarget      types.String `tfsdk:"match_target"`
	PriorityOrder    types.Int64  `tfsdk:"priority_order"`
	RoleGroupID      types.String `tfsdk:"role_group_id"`
}

// toGraph is the source system the model describes.
func (m resourceModel) toGraph() graph.SourceSystem {
	s := graph.SourceSystem{ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString(), Vendor: m.Vendor.ValueStringPointer()}
	for _, u := range m.UserMatchingSettings {
		s.UserMatchingSettings = append(s.UserMatchingSettings, graph.UserMatchingSetting{
			SourceIdentifier: u.SourceIdentifier.ValueString(), MatchTarget: u.MatchTarget.ValueString(),
			PriorityOrder: int32(u.PriorityOrder.ValueInt64()), RoleGroupID: u.RoleGroupID.ValueString(),
		})
	}
	return s
}

// fromGraph is the model of what Graph holds. Graph never returns a
// setting's role group: each setting keeps the role group of the setting at
// the same position in known (the plan or the prior state). An empty list
// stays null when known has none, so that leaving the attribute out plans
// nothing.
func fromGraph(s *graph.SourceSystem, known resourceModel) resourceModel {
	m := resourceModel{
		ID: types.StringValue(s.ID), DisplayName: types.StringValue(s.DisplayName),
		Vendor: types.StringPointerValue(s.Vendor), Timeouts: known.Timeouts,
	}
	if len(s.UserMatchingSettings) == 0 && known.UserMatchingSettings == nil {
		return m
	}
	m.UserMatchingSettings = []userMatchingSetting{}
	for i, u := range s.UserMatchingSettings {
		roleGroup := types.StringNull()
		if i < len(known.UserMatchingSettings) {
			roleGroup = known.UserMatchingSettings[i].RoleGroupID
		}
		m.UserMatchingSettings = append(m.UserMatchingSettings, userMatchingSetting{
			SourceIdentifier: types.StringValue(u.SourceIdentifier), MatchTarget: types.StringValue(u.MatchTarget),
			PriorityOrder: types.Int64Value(int64(u.PriorityOrder)), RoleGroupID: roleGroup,
		})
	}
	return m
}
