package inboundflow

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_inbound_flows data source.
func NewListDataSource() datasource.DataSource { return flowList.New() }

var flowList = &lifecycle.List[graph.InboundFlow, listedFlow]{
	TypeName: "_inbound_flows", What: "inbound flows", Attribute: "inbound_flows",
	Description: "Lists every School Data Sync inbound flow of both types (all pages), for example to find the id of one to import.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":           lifecycle.ComputedString("Id of the flow."),
		"display_name": lifecycle.ComputedString("Name of the flow."),
		"type": lifecycle.ComputedString("Graph's type of the flow: `" + graph.FlowFile + "` (managed by `industrydata_inbound_file_flow`) or `" +
			graph.FlowAPI + "` (`industrydata_inbound_api_flow`)."),
		"data_domain":          lifecycle.ComputedString("Which data the flow brings in (`educationRostering`)."),
		"effective_date_time":  lifecycle.ComputedString("When the flow starts, as Graph spells it (UTC)."),
		"expiration_date_time": lifecycle.ComputedString("When the flow stops, as Graph spells it (UTC); null when it does not expire."),
		"readiness_status":     lifecycle.ComputedString("Whether the flow is ready to run: `notReady`, `ready`, `failed`, `disabled`, `expired` or `unknownFutureValue`."),
	}},
	Fetch: (*graph.Client).ListInboundFlows,
	ToElement: func(f graph.InboundFlow) listedFlow {
		expiration := types.StringNull()
		if f.ExpirationDateTime != "" {
			expiration = types.StringValue(f.ExpirationDateTime)
		}
		return listedFlow{
			ID: types.StringValue(f.ID), DisplayName: types.StringValue(f.DisplayName), Type: types.StringValue(f.Type),
			DataDomain: types.StringValue(f.DataDomain), EffectiveDateTime: types.StringValue(f.EffectiveDateTime),
			ExpirationDateTime: expiration, ReadinessStatus: types.StringValue(f.ReadinessStatus),
		}
	},
}

type listedFlow struct {
	ID                 types.String `tfsdk:"id"`
	DisplayName        types.String `tfsdk:"display_name"`
	Type               types.String `tfsdk:"type"`
	DataDomain         types.String `tfsdk:"data_domain"`
	EffectiveDateTime  types.String `tfsdk:"effective_date_time"`
	ExpirationDateTime types.String `tfsdk:"expiration_date_time"`
	ReadinessStatus    types.String `tfsdk:"readiness_status"`
}
