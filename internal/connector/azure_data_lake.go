package connector

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
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

var azureDataLakeCRUD = &lifecycle.CRUD[azureDataLakeModel, graph.DataConnector]{
	What: "Azure Data Lake connector", DefaultTimeout: 5 * time.Minute,
	Graph:     callsFor(graph.ConnectorAzureDataLake, "industrydata_azure_data_lake_connector"),
	ToGraph:   azureDataLakeModel.toGraph,
	FromGraph: azureDataLakeFromGraph,
	ID:        func(m azureDataLakeModel) string { return m.ID.ValueString() },
	Timeouts:  func(m azureDataLakeModel) timeouts.Value { return m.Timeouts },
	Complete: func(ctx context.Context, c *graph.Client, m azureDataLakeModel) (azureDataLakeModel, error) {
		return m, completeSourceSystem(ctx, c, m.ID.ValueString(), &m.SourceSystemID)
	},
	AfterWrite: func(ctx context.Context, c *graph.Client, m azureDataLakeModel, diags *diag.Diagnostics) azureDataLakeModel {
		m.LastValidation = lastValidation(ctx, c, m.ID.ValueString(), m.Validate, diags)
		return m
	},
}

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
