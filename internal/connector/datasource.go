package connector

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_data_connectors data source.
func NewListDataSource() datasource.DataSource { return connectorList.New() }

var connectorList = &lifecycle.List[graph.DataConnector, listedConnector]{
	TypeName: "_data_connectors", What: "industry data connectors", Attribute: "data_connectors",
	Description: "Lists every School Data Sync data connector of both types (all pages), for example to find the id of one to import.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":           lifecycle.ComputedString("Id of the connector."),
		"display_name": lifecycle.ComputedString("Name of the connector."),
		"type": lifecycle.ComputedString("Graph's type of the connector: `" + graph.ConnectorAzureDataLake + "` (managed by " +
			"`industrydata_azure_data_lake_connector`) or `" + graph.ConnectorOneRosterAPI + "` (`industrydata_oneroster_api_connector`)."),
		"file_format": lifecycle.ComputedString("Format of the CSV files (Azure Data Lake connectors; null otherwise)."),
		"base_url":    lifecycle.ComputedString("Base URL of the OneRoster API (OneRoster API connectors; null otherwise)."),
		"api_version": lifecycle.ComputedString("OneRoster version, `1.1` or `1.2` (OneRoster API connectors; null otherwise)."),
	}},
	Fetch: (*graph.Client).ListDataConnectors,
	ToElement: func(d graph.DataConnector) listedConnector {
		return listedConnector{
			ID: types.StringValue(d.ID), DisplayName: types.StringValue(d.DisplayName), Type: types.StringValue(d.Type),
			FileFormat: optional(d.FileFormat), BaseURL: optional(d.BaseURL), APIVersion: optional(d.APIVersion),
		}
	},
}

type listedConnector struct {
	ID          types.String `tfsdk:"id"`
	DisplayName types.String `tfsdk:"display_name"`
	Type        types.String `tfsdk:"type"`
	FileFormat  types.String `tfsdk:"file_format"`
	BaseURL     types.String `tfsdk:"base_url"`
	APIVersion  types.String `tfsdk:"api_version"`
}

// optional is null for the empty string: a property of the other subtype.
func optional(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
