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

// stateModel must read and write industrydata_run's state, plan and
// configuration exactly as the framework's Get and Set do: known values (a
// state), unknown ones at the top and nested (a plan), nulls (a configuration).
func TestStateModelMatchesTheFrameworks(t *testing.T) {
	ctx := context.Background()
	s := resourceSchema(ctx)
	typ := s.Type().TerraformType(ctx).(tftypes.Object)
	state := stateOfTestdata(t, typ)
	for name, raw := range map[string]tftypes.Value{
		"state": state,
		"plan with unknowns": withAttributes(t, state, map[string]tftypes.Value{
			"display_name":     tftypes.NewValue(tftypes.String, "Renamed"),
			"status":           tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
			"end_date_time":    tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
			"blocking_error":   tftypes.NewValue(typ.AttributeTypes["blocking_error"], tftypes.UnknownValue),
			"statistics":       withAttributes(t, attribute(t, state, "statistics"), map[string]tftypes.Value{"inbound_totals": unknown(typ, "statistics", "inbound_totals")}),
			"fail_on_statuses": tftypes.NewValue(typ.AttributeTypes["fail_on_statuses"], []tftypes.Value{tftypes.NewValue(tftypes.String, "failed"), tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}),
			"max_errors":       tftypes.NewValue(tftypes.Number, tftypes.UnknownValue),
			"triggers":         tftypes.NewValue(typ.AttributeTypes["triggers"], map[string]tftypes.Value{"nightly": tftypes.NewValue(tftypes.String, "1")}),
			"timeouts":         withAttributes(t, tftypes.NewValue(typ.AttributeTypes["timeouts"], nil), map[string]tftypes.Value{"create": tftypes.NewValue(tftypes.String, "45m")}),
		}),
		"configuration": withAttributes(t, nullsOf(typ), map[string]tftypes.Value{
			"run_id":       attribute(t, state, "run_id"),
			"display_name": tftypes.NewValue(tftypes.String, tftypes.UnknownValue),
		}),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := stateModel.Get(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			var want resourceModel
			if diags := (tfsdk.Plan{Schema: s, Raw: raw}).Get(ctx, &want); diags.HasError() {
				t.Fatal(diags)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("stateModel.Get:\n%+v\nPlan.Get:\n%+v", got, want)
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
		})
	}
}

// stateOfTestdata is the state of testdata/run-attributes-v0.json in the
// current schema (v1: no activity_statistics).
func stateOfTestdata(t *testing.T, typ tftypes.Object) tftypes.Value {
	t.Helper()
	data, err := os.ReadFile("testdata/run-attributes-v0.json")
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]any
	if err := json.Unmarshal(data, &attrs); err != nil {
		t.Fatal(err)
	}
	delete(attrs["statistics"].(map[string]any), "activity_statistics")
	data, _ = json.Marshal(attrs)
	raw, err := tftypes.ValueFromJSONWithOpts(data, typ, tftypes.ValueFromJSONOpts{})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// withAttributes is object (null counts as all attributes null) with the given attributes replaced.
func withAttributes(t *testing.T, object tftypes.Value, replaced map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	if object.IsNull() {
		object = nullsOf(object.Type().(tftypes.Object))
	}
	var attrs map[string]tftypes.Value
	if err := object.As(&attrs); err != nil {
		t.Fatal(err)
	}
	for name, v := range replaced {
		attrs[name] = v
	}
	return tftypes.NewValue(object.Type(), attrs)
}

func attribute(t *testing.T, object tftypes.Value, name string) tftypes.Value {
	t.Helper()
	var attrs map[string]tftypes.Value
	if err := object.As(&attrs); err != nil {
		t.Fatal(err)
	}
	return attrs[name]
}

// nullsOf is an object of typ whose every attribute is null.
func nullsOf(typ tftypes.Object) tftypes.Value {
	attrs := map[string]tftypes.Value{}
	for name, at := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(at, nil)
	}
	return tftypes.NewValue(typ, attrs)
}

// unknown is the unknown value of the nested attribute object.name of typ.
func unknown(typ tftypes.Object, object, name string) tftypes.Value {
	return tftypes.NewValue(typ.AttributeTypes[object].(tftypes.Object).AttributeTypes[name], tftypes.UnknownValue)
}
