// Package sourcesystem is the industrydata_source_system resource and the
// industrydata_source_systems data source: School Data Sync's definition of
// where data comes from (a student information system), with the rules that
// match its users to Microsoft Entra users.
package sourcesystem

import (
	"context"
	"math"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

const (
	what           = "industry data source system"
	defaultTimeout = 5 * time.Minute
)

// roleGroupIDs are the role groups Graph has (fixed ids).
var roleGroupIDs = []string{"staff", "students"}

// NewResource returns the industrydata_source_system resource.
func NewResource() resource.Resource { return &sourceSystemResource{sourceSystemCRUD.New()} }

// sourceSystemResource does the common lifecycle (see lifecycle.CRUD); what
// is its own is its schema and its model (model.go).
type sourceSystemResource struct {
	*lifecycle.CRUD[resourceModel, graph.SourceSystem]
}

var sourceSystemCRUD = &lifecycle.CRUD[resourceModel, graph.SourceSystem]{
	What: what, DefaultTimeout: defaultTimeout,
	Graph: lifecycle.Calls[graph.SourceSystem]{
		Get: (*graph.Client).GetSourceSystem, Create: (*graph.Client).CreateSourceSystem,
		Update: (*graph.Client).UpdateSourceSystem, Delete: (*graph.Client).DeleteSourceSystem,
	},
	ToGraph:   resourceModel.toGraph,
	FromGraph: fromGraph,
	ID:        func(m resourceModel) string { return m.ID.ValueString() },
	Timeouts:  func(m resourceModel) timeouts.Value { return m.Timeouts },
}

var (
	_ resource.ResourceWithConfigure   = (*sourceSystemResource)(nil)
	_ resource.ResourceWithImportState = (*sourceSystemResource)(nil)
)

func (r *sourceSystemResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_source_system"
}

func (r *sourceSystemResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "A School Data Sync source system (`sourceSystemDefinition`): where rostering data comes from, " +
			"and how its users are matched to Microsoft Entra users.",
		Attributes: map[string]schema.Attribute{
			// Required
			"display_name": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "Name of the source system, at most 100 characters. Microsoft Graph documents no update of it: " +
					"changing it replaces the source system (and whatever refers to it by id).",
				Validators:    []validator.String{stringvalidator.LengthBetween(1, 100)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			// Optional
			"vendor": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Vendor of the source system, at most 100 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
			},
			"user_matching_settings": schema.ListNestedAttribute{
				Optional:            true,
				MarkdownDescription: "How users of each role group are matched to Microsoft Entra users, in order.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"source_identifier": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "Code of the source's identifier to match on, e.g. `username` or `email`.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"match_target": schema.StringAttribute{
						Required:            true,
						MarkdownDescription: "Code of the Microsoft Entra property to match, e.g. `userPrincipalName` or `mail`.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
					"priority_order": schema.Int64Attribute{
						Required:            true,
						MarkdownDescription: "Order in which the settings are tried (0 first).",
						Validators:          []validator.Int64{int64validator.Between(0, math.MaxInt32)},
					},
					"role_group_id": schema.StringAttribute{
						Optional: true,
						MarkdownDescription: "Role group the setting applies to: `staff` or `students`. Microsoft Graph does not return it, " +
							"so the provider keeps the configured value and cannot detect a change made outside Terraform.",
						Validators: []validator.String{stringvalidator.OneOf(roleGroupIDs...)},
					},
				}},
			},
			// Computed
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Id Graph gave the source system (a GUID).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}
