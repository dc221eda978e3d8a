package run_test

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

// v0Attributes is an industrydata_run in a state of schema version 0 (with
// per-activity statistics), as JSON attributes.
func v0Attributes(t testing.TB) map[string]any {
	t.Helper()
	data, err := os.ReadFile("testdata/run-attributes-v0.json")
	if err != nil {
		t.Fatal(err)
	}
	var attrs map[string]any
	if err := json.Unmarshal(data, &attrs); err != nil {
		t.Fatal(err)
	}
	return attrs
}

// upgrade runs the provider's UpgradeResourceState on a version 0 state and
// returns the upgraded state as JSON attributes.
func upgrade(t *testing.T, v0 map[string]any) map[string]any {
	t.Helper()
	ctx := context.Background()
	server, err := providerserver.NewProtocol6WithError(provider.New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(v0)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := server.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{
		TypeName: "industrydata_run", Version: 0, RawState: &tfprotov6.RawState{JSON: raw},
	})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("upgrade: %v %+v", err, resp.Diagnostics)
	}
	value, err := resp.UpgradedState.Unmarshal(schemas.ResourceSchemas["industrydata_run"].ValueType())
	if err != nil {
		t.Fatal(err)
	}
	return toGo(t, value).(map[string]any)
}

// toGo renders a Terraform value as encoding/json would decode its JSON.
func toGo(t *testing.T, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	as := func(dst any) {
		if err := v.As(dst); err != nil {
			t.Fatal(err)
		}
	}
	switch typ := v.Type(); {
	case typ.Is(tftypes.String):
		var s string
		as(&s)
		return s
	case typ.Is(tftypes.Bool):
		var b bool
		as(&b)
		return b
	case typ.Is(tftypes.Number):
		n := new(big.Float)
		as(&n)
		f, _ := n.Float64()
		return f
	case typ.Is(tftypes.List{}):
		var elems []tftypes.Value
		as(&elems)
		out := []any{}
		for _, e := range elems {
			out = append(out, toGo(t, e))
		}
		return out
	}
	var attrs map[string]tftypes.Value // objects and maps
	as(&attrs)
	out := map[string]any{}
	for k, e := range attrs {
		out[k] = toGo(t, e)
	}
	return out
}

// Version 0 → 1 drops statistics.activity_statistics and keeps every other
// value; a state without statistics stays without. Attributes version 1
// gained later without a version bump (the gate's and triggers) are null.
func TestUpgradeState_v0DropsActivityStatistics(t *testing.T) {
	withStats := v0Attributes(t)
	noStats := v0Attributes(t)
	noStats["statistics"] = nil
	withError := v0Attributes(t)
	withError["blocking_error"] = map[string]any{"code": "activityFailed", "message": "m", "target": "t"}

	for name, v0 := range map[string]map[string]any{"with statistics": withStats, "null statistics": noStats, "blocking error": withError} {
		t.Run(name, func(t *testing.T) {
			want := map[string]any{"fail_on_statuses": nil, "max_errors": nil, "max_warnings": nil, "triggers": nil}
			for k, v := range v0 {
				want[k] = v
			}
			if stats, ok := v0["statistics"].(map[string]any); ok {
				kept := map[string]any{}
				for k, v := range stats {
					if k != "activity_statistics" {
						kept[k] = v
					}
				}
				want["statistics"] = kept
			}
			if got := upgrade(t, v0); !reflect.DeepEqual(got, want) {
				t.Errorf("upgraded\n got %v\nwant %v", got, want)
			}
		})
	}
}
