// Package year is the industrydata_year resource and the industrydata_years
// data source: a school year School Data Sync assigns inbound data to.
package year

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// yearCode is the shape of a year's code. Assumption: Graph's examples
// only show four-digit years ("2022"); the provider accepts that shape.
var yearCode = regexp.MustCompile(`^[0-9]{4}$`)

// NewResource returns the industrydata_year resource.
func NewResource() resource.Resource { return &yearResource{yearCRUD.New()} }

// yearResource does the common lifecycle (see lifecycle.CRUD); what is its
// own is its schema, its date rule and its model.
type yearResource struct {
	*lifecycle.CRUD[resourceModel, graph.Year]
}

var yearCRUD = &lifecycle.CRUD[resourceModel, graph.Year]{
	What: "industry data year", DefaultTimeout: 5 * time.Minute,
	Graph: lifecycle.Calls[graph.Year]{
		Get: (*graph.Client).GetYear, Create: (*graph.Client).CreateYear,
		Update: (*graph.Client).UpdateYear, Delete: (*graph.Client).DeleteYear,
	},
	ToGraph:   resourceModel.toGraph,
	FromGraph: fromGraph,
	ID:        func(m resourceModel) string { return m.ID.ValueString() },
	Timeouts:  func(m resourceModel) timeouts.Value { return m.Timeouts },
}

var (
	_ resource.ResourceWithConfigure      = (*yearResource)(nil)
	_ resource.ResourceWithImportState    = (*yearResource)(nil)
	_ resource.ResourceWithValidateConfig = (*yearResource)(nil)
)

func (r *yearResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_year"
}

func (r *yearResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	date := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Required: true, MarkdownDescription: desc, Validators: []validator.String{dateOnly{}}}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A School Data Sync school year (`yearTimePeriodDefinition`), which inbound flows assign their data to.",
		Attributes: map[string]schema.Attribute{
			// Required
			"display_name": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Name of the year, at most 100 characters.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
			},
			"start_date": date("First day of the year, `YYYY-MM-DD`."),
			"end_date":   date("Last day of the year, `YYYY-MM-DD`; after `start_date`."),
			"year": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The year's code, four digits such as `\"2025\"`. Microsoft Graph cannot change it: " +
					"changing it replaces the year (and whatever refers to it by id).",
				Validators:    []validator.String{stringvalidator.RegexMatches(yearCode, "must be a year of four digits, such as \"2025\"")},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			// Computed
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Id Graph gave the year (a GUID).",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// ValidateConfig checks that the year ends after it starts, at plan time.
func (r *yearResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var start, end types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("start_date"), &start)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("end_date"), &end)...)
	if !lifecycle.Known(start) || !lifecycle.Known(end) {
		return
	}
	s, errS := time.Parse(time.DateOnly, start.ValueString())
	e, errE := time.Parse(time.DateOnly, end.ValueString())
	if errS == nil && errE == nil && !e.After(s) {
		resp.Diagnostics.AddAttributeError(path.Root("end_date"), "Year ends before it starts",
			fmt.Sprintf("end_date %q must be after start_date %q.", end.ValueString(), start.ValueString()))
	}
}

// dateOnly accepts a calendar date written YYYY-MM-DD (Graph's Edm.Date).
type dateOnly struct{}

func (dateOnly) Description(context.Context) string { return "must be a date written YYYY-MM-DD" }

func (v dateOnly) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (dateOnly) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !lifecycle.Known(req.ConfigValue) {
		return
	}
	if _, err := time.Parse(time.DateOnly, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid date",
			fmt.Sprintf("%s is %q; it must be a date written YYYY-MM-DD, such as \"2025-08-01\".", req.Path, req.ConfigValue.ValueString()))
	}
}
