package run

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// stateModel must read and write industrydata_run's state exactly as the
// framework's State.Get and State.Set do.
func TestStateModelMatchesTheFrameworks(t *testing.T) {
	ctx := context.Background()
	s := resourceSchema(ctx)
	data, err := os.ReadFile("testdata/run-attributes-v0.json")
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]any
	if err := json.Unmarshal(data, &attrs); err != nil {
		t.Fatal(err)
	}
	delete(attrs["statistics"].(map[string]any), "activity_statistics") // the v1 shape
	data, _ = json.Marshal(attrs)
	raw, err := tftypes.ValueFromJSONWithOpts(data, s.Type().TerraformType(ctx), tftypes.ValueFromJSONOpts{})
	if err != nil {
		t.Fatal(err)
	}

	got, err := stateModel.Get(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	var want resourceModel
	if diags := (tfsdk.State{Schema: s, Raw: raw}).Get(ctx, &want); diags.HasError() {
		t.Fatal(diags)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("stateModel.Get:\n%+v\nState.Get:\n%+v", got, want)
	}

	value, err := stateModel.Value(ctx, &got)
	if err != nil {
		t.Fatal(err)
	}
	framework := tfsdk.State{Schema: s, Raw: tftypes.NewValue(raw.Type(), nil)}
	if diags := framework.Set(ctx, &want); diags.HasError() {
		t.Fatal(diags)
	}
	if !value.Equal(framework.Raw) || !value.Equal(raw) {
		t.Errorf("stateModel.Value:\n%s\nState.Set:\n%s", value, framework.Raw)
	}
}
