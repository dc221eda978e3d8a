package outboundflow

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_outbound_provisioning_flow_sets data source.
func NewListDataSource() datasource.DataSource { return setList.New() }

// setList lists the sets' own attributes only: one request per page (a
// set's flows would cost one more request per set; import reads them).
var setList = &lifecycle.List[graph.FlowSet, listedSet]{
	TypeName: "_outbound_provisioning_flow_sets", What: "outbound provisioning flow sets", Attribute: "flow_sets",
	Description: "Lists every School Data Sync outbound provisioning flow set (all pages), for example to find the id of one " +
		"to import into `industrydata_outbound_provisioning_flow_set`.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":           lifecycle.ComputedString("Id of the flow set."),
		"display_name": lifecycle.ComputedString("Name of the flow set."),
		"org_external_ids": schema.ListAttribute{
			Computed: true, ElementType: types.StringType,
			MarkdownDescription: "External ids of the schools the set applies to; null when it applies to every school.",
		},
		"created_date_time":       lifecycle.ComputedString("When the flow set was created (UTC)."),
		"last_modified_date_time": lifecycle.ComputedString("When the flow set was last changed (UTC)."),
	}},
	Fetch: (*graph.Client).ListFlowSets,
	ToElement: func(s graph.FlowSet) listedSet {
		var ids []types.String
		if s.OrgExternalIDs != nil {
			ids = stringValues(s.OrgExternalIDs)
		}
		return listedSet{
			ID: types.StringValue(s.ID), DisplayName: types.StringValue(s.DisplayName), OrgExternalIDs: ids,
			CreatedDateTime: types.StringValue(s.CreatedDateTime), LastModifiedDateTime: types.StringValue(s.LastModifiedDateTime),
		}
	},
}

type listedSet struct {
	ID                   types.String   `tfsdk:"id"`
	DisplayName          types.String   `tfsdk:"display_name"`
	OrgExternalIDs       []types.String `tfsdk:"org_external_ids"`
	CreatedDateTime      types.String   `tfsdk:"created_date_time"`
	LastModifiedDateTime types.String   `tfsdk:"last_modified_date_time"`
}
