package refdef

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// resourceModel mirrors the resource's schema.
type resourceModel struct {
	ID            types.String   `tfsdk:"id"`
	ReferenceType types.String   `tfsdk:"reference_type"`
	Code          types.String   `tfsdk:"code"`
	DisplayName   types.String   `tfsdk:"display_name"`
	SortIndex     types.Int64    `tfsdk:"sort_index"`
	IsDisabled    types.Bool     `tfsdk:"is_disabled"`
	Source        types.String   `tfsdk:"source"`
	Timeouts      timeouts.Value `tfsdk:"timeouts"`
}

// toGraph is the definition the model describes; a null display_name is
// none.
func (m resourceModel) toGraph() graph.ReferenceDefinition {
	return graph.ReferenceDefinition{
		ID: m.ID.ValueString(), ReferenceType: m.ReferenceType.ValueString(), Code: m.Code.ValueString(),
		DisplayName: m.DisplayName.ValueString(), SortIndex: int32(m.SortIndex.ValueInt64()),
		IsDisabled: m.IsDisabled.ValueBool(), Source: m.Source.ValueString(),
	}
}

// fromGraph is the model of what Graph holds; Graph returns every
// attribute, and no display name (null or empty) is null.
func fromGraph(d *graph.ReferenceDefinition, known resourceModel) resourceModel {
	name := types.StringNull()
	if d.DisplayName != "" {
		name = types.StringValue(d.DisplayName)
	}
	return resourceModel{
		ID: types.StringValue(d.ID), ReferenceType: types.StringValue(d.ReferenceType), Code: types.StringValue(d.Code),
		DisplayName: name, SortIndex: types.Int64Value(int64(d.SortIndex)), IsDisabled: types.BoolValue(d.IsDisabled),
		Source: types.StringValue(d.Source), Timeouts: known.Timeouts,
	}
}
