// Package run implements industrydata_run: Graph's industryDataRun, the record
// of one School Data Sync run.
package run

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
	"github.com/industrydata/terraform-provider-industrydata/internal/tfdiag"
)

// NewDataSource returns the industrydata_run data source.
func NewDataSource() datasource.DataSource { return &dataSource{} }

type dataSource struct {
	client *graph.Client
}

var _ datasource.DataSourceWithConfigure = (*dataSource)(nil)

func (d *dataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_run"
}

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads one industry data run (a School Data Sync run) by id, with its statistics.",
		Attributes:          dataSourceRunAttributes(true),
	}
}

func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = lifecycle.ClientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg runModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	id := cfg.ID.ValueString()
	r, stats, err := readRun(ctx, d.client, id)
	if graph.IsNotFound(err) {
		resp.Diagnostics.AddAttributeError(pathID, "Run not found",
			fmt.Sprintf("No industry data run with id %q exists in Microsoft Graph.\n\n"+
				"Check the id, and that tenant_id and environment name the tenant that holds the run: the industrydata_runs "+
				"data source lists the runs there.\n\n%s", id, tfdiag.FromError("", err).Detail()))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(tfdiag.FromError("Cannot read industry data run "+id, err))
		return
	}
	model := runFromGraph(r, stats)
	resp.Diagnostics.Append(resp.State.Set(ctx, &model)...)
}

// readRun reads a run and its statistics.
func readRun(ctx context.Context, c *graph.Client, id string) (*graph.Run, *graph.RunStatistics, error) {
	r, err := c.GetRun(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	stats, err := statisticsOf(ctx, c, r)
	if err != nil {
		return nil, nil, err
	}
	return r, stats, nil
}

// statisticsOf returns a run's statistics: from the run body when the
// service inlined them, otherwise with one getStatistics call.
func statisticsOf(ctx context.Context, c *graph.Client, run *graph.Run) (*graph.RunStatistics, error) {
	if run.Statistics != nil {
		return run.Statistics, nil
	}
	return c.GetRunStatistics(ctx, run.ID)
}
