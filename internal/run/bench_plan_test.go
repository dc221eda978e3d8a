package run_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/industrydata/terraform-provider-industrydata/internal/process"
	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

// BenchmarkPlanRename: the provider's side of planning a rename of one
// adopted, ended run (PlanResourceChange through the plugin server), which
// every resource of `make bench`'s update phase costs: the framework's walks
// over the schema and the values, defaults, plan modifiers and ModifyPlan.
func BenchmarkPlanRename(b *testing.B) {
	ctx := context.Background()
	framework, err := providerserver.NewProtocol6WithError(provider.New("bench")())()
	if err != nil {
		b.Fatal(err)
	}
	server := process.ReleaseRPCContexts(framework) // as the released provider serves it
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	typ := schemas.ResourceSchemas["industrydata_run"].ValueType()
	state := v0Attributes(b)
	delete(state["statistics"].(map[string]any), "activity_statistics")
	prior := dynamicValue(b, typ, state)
	state["display_name"] = "Renamed"
	proposed := dynamicValue(b, typ, state)
	config := map[string]any{}
	for name := range state {
		config[name] = nil
	}
	config["run_id"], config["display_name"] = state["run_id"], "Renamed"
	req := &tfprotov6.PlanResourceChangeRequest{
		TypeName: "industrydata_run", PriorState: prior, ProposedNewState: proposed, Config: dynamicValue(b, typ, config),
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := server.PlanResourceChange(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 {
			b.Fatal(err, resp.Diagnostics)
		}
	}
}

// dynamicValue encodes JSON-like attributes as a value of typ, as Terraform sends them.
func dynamicValue(b *testing.B, typ tftypes.Type, attrs map[string]any) *tfprotov6.DynamicValue {
	b.Helper()
	data, err := json.Marshal(attrs)
	if err != nil {
		b.Fatal(err)
	}
	v, err := tftypes.ValueFromJSONWithOpts(data, typ, tftypes.ValueFromJSONOpts{IgnoreUndefinedAttributes: false})
	if err != nil {
		b.Fatal(err)
	}
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		b.Fatal(err)
	}
	return &dv
}
