package year

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// resourceModel mirrors the resource's schema.
type resourceModel struct {
	ID          types.String   `tfsdk:"id"`
	DisplayName types.String   `tfsdk:"display_name"`
	StartDate   types.String   `tfsdk:"start_date"`
	EndDate     types.String   `tfsdk:"end_date"`
	Year        types.String   `tfsdk:"year"`
	Timeouts    timeouts.Value `tfsdk:"timeouts"`
}

func (m resourceModel) toGraph() graph.Year {
	return graph.Year{
		ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString(),
		StartDate: m.StartDate.ValueString(), EndDate: m.EndDate.ValueString(), Code: m.Year.ValueString(),
	}
}

// fromGraph is the model of what Graph holds; Graph returns every attribute.
func fromGraph(y *graph.Year, known resourceModel) resourceModel {
	return resourceModel{
		ID: types.StringValue(y.ID), DisplayName: types.StringValue(y.DisplayName),
		StartDate: types.StringValue(y.StartDate), EndDate: types.StringValue(y.EndDate), Year: types.StringValue(y.Code),
		Timeouts: known.Timeouts,
	}
}
