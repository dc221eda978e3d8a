package run

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/sync/errgroup"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
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
	Status            types.String           `tfsdk:"status"`
	StartedAfter      timetypes.Instant      `tfsdk:"started_after"`
	MostRecent        types.Int64            `tfsdk:"most_recent"`
	IncludeStatistics types.Bool             `tfsdk:"include_statistics"`
	Runs              lifecycle.RawListValue `tfsdk:"runs"` // built by runsValue
}

// statisticsConcurrency bounds the getStatistics calls in flight at once:
// enough to hide Graph's latency, few enough to stay clear of throttling.
// Each call goes through the client's retry policy (429 and Retry-After).
const statisticsConcurrency = 8

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
			"most_recent": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "Keep only this many of the matching runs, the most recent by start time (at least 1). " +
					"`most_recent = 1` finds the latest run.",
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"include_statistics": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Read each listed run's statistics: one `getStatistics` call per run, at most %d at a time. "+
					"Defaults to `false`: `statistics` is null and listing costs one request per page of runs.", statisticsConcurrency),
			},
			// A list of objects rather than nested attributes, in a list type
			// that leaves the values as Terraform has them: for thousands of
			// runs the framework's per-attribute walks were most of the
			// provider's CPU (make bench). Configuration cannot set it either way.
			"runs": schema.ListAttribute{
				Computed: true,
				MarkdownDescription: "The runs, sorted by start time, then id: oldest first (Graph documents no order of its own). " +
					"Each has the attributes of the `industrydata_run` data source.",
				ElementType: listedRunType(),
				CustomType:  lifecycle.NewRawListType(listedRunType()),
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
	runs = slices.DeleteFunc(runs, func(r graph.Run) bool { return !matches(&r, cfg) })
	slices.SortFunc(runs, byStartThenID)
	if lifecycle.Known(cfg.MostRecent) && int64(len(runs)) > cfg.MostRecent.ValueInt64() {
		runs = runs[int64(len(runs))-cfg.MostRecent.ValueInt64():]
	}
	stats := make([]*graph.RunStatistics, len(runs))
	if cfg.IncludeStatistics.ValueBool() {
		if stats, err = statisticsOfAll(ctx, d.client, runs); err != nil {
			var failed *runError
			errors.As(err, &failed)
			resp.Diagnostics.Append(tfdiag.FromError("Cannot read statistics of industry data run "+failed.id, failed.err))
			return
		}
	}
	listed := make([]runModel, len(runs))
	for i := range runs {
		listed[i] = runFromGraph(&runs[i], stats[i])
	}
	// Thousands of runs: set the state's value directly (lifecycle.ConfigWith)
	// rather than through State.Set's reflection.
	state, err := lifecycle.ConfigWith(ctx, req.Config.Raw, "runs", listedRunsTerraformType(), runsValue(listed))
	if err != nil {
		resp.Diagnostics.AddError("Cannot build the state of industrydata_runs", err.Error())
		return
	}
	resp.State.Raw = state
}

// byStartThenID orders runs by start time, then id; a run without a start
// time comes first.
func byStartThenID(a, b graph.Run) int {
	switch {
	case a.StartDateTime == nil && b.StartDateTime != nil:
		return -1
	case a.StartDateTime != nil && b.StartDateTime == nil:
		return 1
	case a.StartDateTime != nil:
		if c := a.StartDateTime.Compare(*b.StartDateTime); c != 0 {
			return c
		}
	}
	return strings.Compare(a.ID, b.ID)
}

// runError is a failure about one run.
type runError struct {
	id  string
	err error
}

func (e *runError) Error() string { return e.id + ": " + e.err.Error() }
func (e *runError) Unwrap() error { return e.err }

// statisticsOfAll reads the statistics of every run, statisticsConcurrency at
// a time, in the runs' order. The first failure cancels the calls not yet
// answered and is returned as a *runError.
func statisticsOfAll(ctx context.Context, c *graph.Client, runs []graph.Run) ([]*graph.RunStatistics, error) {
	out := make([]*graph.RunStatistics, len(runs))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(statisticsConcurrency)
	for i := range runs {
		g.Go(func() error {
			stats, err := statisticsOf(ctx, c, &runs[i])
			if err != nil {
				return &runError{id: runs[i].ID, err: err}
			}
			out[i] = stats
			return nil
		})
	}
	return out, g.Wait()
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
