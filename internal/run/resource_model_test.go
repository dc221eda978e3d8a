package run

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

func modelOf(name, start, end, status string) resourceModel {
	instant := func(s string) timetypes.Instant {
		if s == "" {
			return timetypes.NewInstantNull()
		}
		return timetypes.NewInstantValue(s)
	}
	str := func(s string) types.String {
		if s == "" {
			return types.StringUnknown()
		}
		return types.StringValue(s)
	}
	return resourceModel{DisplayName: str(name), StartDateTime: instant(start), EndDateTime: instant(end), Status: str(status)}
}

// patchFor sends exactly the attributes whose desired value is known and
// differs; times differing only in notation are not sent.
func TestPatchFor(t *testing.T) {
	ctx := context.Background()
	current := modelOf("Run", "2024-05-01T08:00:00Z", "", "running")
	end := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		desired resourceModel
		want    []string
	}{
		{"nothing differs", current, nil},
		{"unknown desired values are not sent", modelOf("", "", "", ""), nil},
		{"same instant in another notation", modelOf("Run", "2024-05-01T10:00:00.000+02:00", "", "running"), nil},
		{"display name", modelOf("Other", "2024-05-01T08:00:00Z", "", "running"), []string{"displayName"}},
		{"end time and status", modelOf("Run", "2024-05-01T08:00:00Z", end.Format(time.RFC3339), "completed"), []string{"endDateTime", "status"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := patchFor(ctx, tt.desired, current, types.ObjectNull(attrTypesOf(ctx, "statistics")))
			if diags.HasError() {
				t.Fatal(diags)
			}
			if got := p.Fields(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("fields %v, want %v", got, tt.want)
			}
		})
	}
}

// subsetEqual: what is configured must match; what is not configured (null)
// matches anything.
func TestSubsetEqual(t *testing.T) {
	obj := func(attrs map[string]attr.Value) attr.Value {
		types := map[string]attr.Type{}
		for k, v := range attrs {
			types[k] = v.Type(context.Background())
		}
		return basetypesObject(types, attrs)
	}
	have := obj(map[string]attr.Value{"status": types.StringValue("completed"), "people": types.Int64Value(3)})
	tests := []struct {
		name string
		want attr.Value
		ok   bool
	}{
		{"null wants nothing", types.ObjectNull(map[string]attr.Type{"status": types.StringType, "people": types.Int64Type}), true},
		{"configured part matches", obj(map[string]attr.Value{"status": types.StringValue("completed"), "people": types.Int64Null()}), true},
		{"configured part differs", obj(map[string]attr.Value{"status": types.StringValue("failed"), "people": types.Int64Null()}), false},
		{"all configured and equal", have, true},
	}
	for _, tt := range tests {
		if got := subsetEqual(tt.want, have); got != tt.ok {
			t.Errorf("%s: got %v", tt.name, got)
		}
	}
}

func basetypesObject(t map[string]attr.Type, v map[string]attr.Value) attr.Value {
	o, diags := types.ObjectValue(t, v)
	if diags.HasError() {
		panic(diags)
	}
	return o
}
