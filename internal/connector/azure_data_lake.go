package connector

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// fileFormats are the codes Graph documents for a data lake connector's files.
var fileFormats = []string{"schoolDataSyncV1", "schoolDataSyncV2Rev1"}

// NewAzureDataLakeResource returns the industrydata_azure_data_lake_connector resource.
func NewAzureDataLakeResource() resource.Resource {
	return &azureDataLakeResource{azureDataLakeCRUD.New()}
}

// azureDataLakeResource does the common lifecycle (see lifecycle.CRUD);
// what is its own is its schema and its model.
type azureDataLakeResource struct {
	*lifecycle.CRUD[azureDataLakeModel, graph.DataConnector]
}

var azureDataLakeCRUD = connectorCRUD("Azure Data Lake connector", graph.ConnectorAzureDataLake,
	"industrydata_azure_data_lake_connector", azureDataLakeModel.toGraph, azureDataLakeFromGraph)

var (
	_ resource.ResourceWithConfigure   = (*azureDataLakeResource)(nil)
	_ resource.ResourceWithImportState = (*azureDataLakeResource)(nil)
)

func (r *azureDataLakeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_azure_data_lake_connector"
}

func (r *azureDataLakeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := commonAttributes(ctx, "Azure Data Lake connector")
	attrs["file_format"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Format of the CSV files uploaded: `schoolDataSyncV1` or `schoolDataSyncV2Rev1`.",
		Validators:          []validator.String{stringvalidator.OneOf(fileFormats...)},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A School Data Sync data connector that reads CSV files uploaded to an Azure Data Lake " +
			"container (`azureDataLakeConnector`).",
		Attributes: attrs,
	}
}

// azureDataLakeModel mirrors the resource's schema.
type azureDataLakeModel struct {
	ID             types.String   `tfsdk:"id"`
	DisplayName    types.String   `tfsdk:"display_name"`
	SourceSystemID types.String   `tfsdk:"source_system_id"`
	FileFormat     types.String   `tfsdk:"file_format"`
	Validate       types.Bool     `tfsdk:"validate"`
	LastValidation types.Object   `tfsdk:"last_validation"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// common points at the attributes every connector has.
func (m *azureDataLakeModel) common() commonFields {
	return commonFields{ID: &m.ID, SourceSystemID: &m.SourceSystemID, Validate: &m.Validate, LastValidation: &m.LastValidation, Timeouts: &m.Timeouts}
}

func (m azureDataLakeModel) toGraph() graph.DataConnector {
	return graph.DataConnector{
		Type: graph.ConnectorAzureDataLake, ID: m.ID.ValueString(), DisplayName: m.DisplayName.ValueString(),
		SourceSystemID: m.SourceSystemID.ValueString(), FileFormat: m.FileFormat.ValueString(),
	}
}

// azureDataLakeFromGraph is the model of what Graph holds; the source
// system, which Graph does not return with the connector, comes from known.
func azureDataLakeFromGraph(d *graph.DataConnector, known azureDataLakeModel) azureDataLakeModel {
	return azureDataLakeModel{
		ID: types.StringValue(d.ID), DisplayName: types.StringValue(d.DisplayName),
		SourceSystemID: known.SourceSystemID, FileFormat: types.StringValue(d.FileFormat),
		Validate: validateOrFalse(known.Validate), LastValidation: knownValidation(known.LastValidation), Timeouts: known.Timeouts,
	}
}
