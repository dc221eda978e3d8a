package run

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// BenchmarkListedRunsState: what industrydata_runs does with 5,000 listed
// runs (no statistics) after reading the pages: the models, the state value,
// and its msgpack encoding for Terraform.
func BenchmarkListedRunsState(b *testing.B) {
	ctx := context.Background()
	var resp datasource.SchemaResponse
	(&listDataSource{}).Schema(ctx, datasource.SchemaRequest{}, &resp)
	typ := resp.Schema.Type().TerraformType(ctx)
	runs := make([]graph.Run, 5000)
	start := time.Date(2024, 5, 1, 2, 0, 0, 0, time.UTC)
	for i := range runs {
		s, e := start.Add(time.Duration(i)*time.Hour), start.Add(time.Duration(i)*time.Hour+time.Minute)
		runs[i] = graph.Run{ID: fmt.Sprintf("b3e1c0de-5eed-4000-8000-%012d", i), DisplayName: "Run", Status: "completed", StartDateTime: &s, EndDateTime: &e}
	}
	config := tftypes.NewValue(typ, map[string]tftypes.Value{
		"status": tftypes.NewValue(tftypes.String, nil), "started_after": tftypes.NewValue(tftypes.String, nil),
		"most_recent": tftypes.NewValue(tftypes.Number, nil), "include_statistics": tftypes.NewValue(tftypes.Bool, nil),
		"runs": tftypes.NewValue(typ.(tftypes.Object).AttributeTypes["runs"], nil),
	})
	b.ReportAllocs()
	for b.Loop() {
		listed := make([]runModel, len(runs))
		for i := range runs {
			listed[i] = runFromGraph(&runs[i], nil)
		}
		raw, err := lifecycle.ConfigWith(ctx, config, "runs", listedRunsTerraformType(), runsValue(listed))
		if err != nil {
			b.Fatal(err)
		}
		state := tfsdk.State{Schema: resp.Schema, Raw: raw}
		if _, err := tfprotov6.NewDynamicValue(typ, state.Raw); err != nil {
			b.Fatal(err)
		}
	}
}
