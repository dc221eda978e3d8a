package sourcesystem

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// NewListDataSource returns the industrydata_source_systems data source.
func NewListDataSource() datasource.DataSource { return &listDataSource{} }

type listDataSource struct {
	client *graph.Client
}

var _ datasource.DataSourceWithConfigure = (*listDataSource)(nil)

type listModel struct {
	SourceSystems []listedSourceSystem `tfsdk:"source_systems"`
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

func (d *listDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_systems"
}

func (d *listDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, MarkdownDescription: desc}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists every School Data Sync source system (all pages), for example to find the id of one to import.",
		Attributes: map[string]schema.Attribute{
			"source_systems": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The source systems, in the order Microsoft Graph lists them.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           str("Id of the source system."),
					"display_name": str("Name of the source system."),
					"vendor":       str("Vendor, or null."),
					"user_matching_settings": schema.ListNestedAttribute{
						Computed: true,
						MarkdownDescription: "How users are matched. Microsoft Graph does not return the role group of a setting, " +
							"so it is not listed.",
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"source_identifier": str("Code of the source's identifier."),
							"match_target":      str("Code of the Microsoft Entra property matched."),
							"priority_order":    schema.Int64Attribute{Computed: true, MarkdownDescription: "Order in which the settings are tried."},
						}},
					},
				}},
			},
		},
	}
}

func (d *listDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = lifecycle.ClientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *listDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	all, err := d.client.ListSourceSystems(ctx)
	if err != nil {
		lifecycle.Failed(&resp.Diagnostics, "list", "industry data source systems", "", err)
		return
	}
	out := listModel{SourceSystems: []listedSourceSystem{}}
	for _, s := range all {
		listed := listedSourceSystem{
			ID: types.StringValue(s.ID), DisplayName: types.StringValue(s.DisplayName), Vendor: types.StringPointerValue(s.Vendor),
			UserMatchingSettings: []listedUserMatching{},
		}
		for _, u := range s.UserMatchingSettings {
			listed.UserMatchingSettings = append(listed.UserMatchingSettings, listedUserMatching{
				SourceIdentifier: types.StringValue(u.SourceIdentifier), MatchTarget: types.StringValue(u.MatchTarget),
				PriorityOrder: types.Int64Value(int64(u.PriorityOrder)),
			})
		}
		out.SourceSystems = append(out.SourceSystems, listed)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &out)...)
}
