package run

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
	"github.com/industrydata/terraform-provider-industrydata/internal/tfdiag"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// NewListDataSource returns the industrydata_runs data source.
func NewListDataSource() datasource.DataSource { return &listDataSource{} }

type listDataSource struct {
	client *graph.Client
}

var _ datasource.DataSourceWithConfigure = (*listDataSource)(nil)

type runsModel struct {
	Status       types.String      `tfsdk:"status"`
	StartedAfter timetypes.Instant `tfsdk:"started_after"`
	Runs         types.List        `tfsdk:"runs"` // built by runsValue
}

// everyStatus is what a run can report, including statuses newer than this
// provider (unknownFutureValue).
var everyStatus = append(append([]string{}, settableStatuses...), "unknownFutureValue")

func (d *listDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_runs"
}

func (d *listDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists industry data runs (School Data Sync runs), following Graph's paging, optionally filtered " +
			"by status and start time. Each element has the attributes of the `industrydata_run` data source.",
		Attributes: map[string]schema.Attribute{
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only runs with this status.",
				Validators:          []validator.String{stringvalidator.OneOf(everyStatus...)},
			},
			"started_after": schema.StringAttribute{
				Optional: true, CustomType: timetypes.InstantType{},
				MarkdownDescription: "Only runs that started at or after this time (RFC 3339).",
			},
			"runs": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The runs, oldest first.",
				NestedObject:        schema.NestedAttributeObject{Attributes: dataSourceRunAttributes(false)},
			},
		},
	}
}

func (d *listDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = lifecycle.ClientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *listDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg runsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Graph documents no $filter for runs, so filtering happens here.
	runs, err := d.client.ListRuns(ctx)
	if err != nil {
		resp.Diagnostics.Append(tfdiag.FromError("Cannot list industry data runs", err))
		return
	}
	listed := []runModel{}
	for i := range runs {
		run := &runs[i]
		if !matches(run, cfg) {
			continue
		}
		stats, err := statisticsOf(ctx, d.client, run)
		if err != nil {
			resp.Diagnostics.Append(tfdiag.FromError("Cannot read statistics of industry data run "+run.ID, err))
			return
		}
		listed = append(listed, runFromGraph(run, stats))
	}
	cfg.Runs = runsValue(listed)
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

func matches(r *graph.Run, filter runsModel) bool {
	if lifecycle.Known(filter.Status) && r.Status != filter.Status.ValueString() {
		return false
	}
	if after, ok := filter.StartedAfter.Time(); ok && (r.StartDateTime == nil || r.StartDateTime.Before(after)) {
		return false
	}
	return true
}
