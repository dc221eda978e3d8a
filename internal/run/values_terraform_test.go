package run

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// lifecycle.TerraformValue must give exactly what the framework's own
// conversion gives, for every shape industrydata_runs can hold: nested
// objects, lists, maps nil and empty, null and unknown values.
func TestTerraformValueMatchesTheFrameworks(t *testing.T) {
	ctx := context.Background()
	run, stats := benchRun()
	stats.Activities[0].Inbound.UnmatchedPeopleByRole = map[string]int32{}
	failed := *run
	failed.ID, failed.Status, failed.EndDateTime = "b3e1c0de-5eed-4000-8000-000000000002", "failed", nil
	failed.BlockingError = &graph.PublicError{Code: "badFile", Message: "The file is empty.", Target: "orgs.csv"}
	cases := map[string]types.List{
		"runs with and without statistics": runsValue([]runModel{runFromGraph(run, stats), runFromGraph(&failed, nil)}),
		"no runs":                          runsValue(nil),
		"null":                             types.ListNull(listedRunType()),
		"unknown":                          types.ListUnknown(listedRunType()),
	}
	for name, v := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := v.ToTerraformValue(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got, err := lifecycle.TerraformValue(ctx, listedRunsTerraformType(), v)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(want) {
				t.Errorf("lifecycle.TerraformValue:\n%s\nthe framework:\n%s", got, want)
			}
		})
	}
}
