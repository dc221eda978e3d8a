package sourcesystem

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_source_systems data source.
func NewListDataSource() datasource.DataSource { return sourceSystemList.New() }

var sourceSystemList = &lifecycle.List[graph.SourceSystem, listedSourceSystem]{
	TypeName: "_source_systems", What: "industry data source systems", Attribute: "source_systems",
	Description: "Lists every School Data Sync source system (all pages), for example to find the id of one to import.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":           lifecycle.ComputedString("Id of the source system."),
		"display_name": lifecycle.ComputedString("Name of the source system."),
		"vendor":       lifecycle.ComputedString("Vendor, or null."),
		"user_matching_settings": schema.ListNestedAttribute{
			Computed: true,
			MarkdownDescription: "How users are matched. Microsoft Graph does not return the role group of a setting, " +
				"so it is not listed.",
			NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
				"source_identifier": lifecycle.ComputedString("Code of the source's identifier."),
				"match_target":      lifecycle.ComputedString("Code of the Microsoft Entra property matched."),
				"priority_order":    schema.Int64Attribute{Computed: true, MarkdownDescription: "Order in which the settings are tried."},
			}},
		},
	}},
	Fetch:     (*graph.Client).ListSourceSystems,
	ToElement: listed,
}

type listedSourceSystem struct {
	ID                   types.String         `tfsdk:"id"`
	DisplayName          types.String         `tfsdk:"display_name"`
	Vendor               types.String         `tfsdk:"vendor"`
	UserMatchingSettings []listedUserMatching `tfsdk:"user_matching_settings"`
}

type listedUserMatching struct {
	SourceIdentifier types.String `tfsdk:"source_identifier"`
	MatchTarget      types.String `tfsdk:"match_target"`
	PriorityOrder    types.Int64  `tfsdk:"priority_order"`
}

func listed(s graph.SourceSystem) listedSourceSystem {
	out := listedSourceSystem{
		ID: types.StringValue(s.ID), DisplayName: types.StringValue(s.DisplayName), Vendor: types.StringPointerValue(s.Vendor),
		UserMatchingSettings: []listedUserMatching{},
	}
	for _, u := range s.UserMatchingSettings {
		out.UserMatchingSettings = append(out.UserMatchingSettings, listedUserMatching{
			SourceIdentifier: types.StringValue(u.SourceIdentifier), MatchTarget: types.StringValue(u.MatchTarget),
			PriorityOrder: types.Int64Value(int64(u.PriorityOrder)),
		})
	}
	return out
}
