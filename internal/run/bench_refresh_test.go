package run_test

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
	"github.com/industrydata/terraform-provider-industrydata/internal/process"
	"github.com/industrydata/terraform-provider-industrydata/internal/provider"
)

// BenchmarkRefreshRun: the provider's side of refreshing one adopted, ended
// run (ReadResource through the plugin server, one GET to an in-process fake
// Graph over TLS), which every resource of `make bench`'s refresh phase costs.
// The fake's own CPU is in the figure too; a CPU profile separates them.
func BenchmarkRefreshRun(b *testing.B) {
	ctx := context.Background()
	fake, state := endedRunFake(b)
	server, schemas := configuredServer(ctx, b, fake)
	req := &tfprotov6.ReadResourceRequest{
		TypeName: "industrydata_run", CurrentState: dynamicValue(b, schemas.ResourceSchemas["industrydata_run"].ValueType(), state),
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := server.ReadResource(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 || resp.NewState == nil {
			b.Fatal(err, resp.Diagnostics)
		}
	}
}

// BenchmarkApplyRename: the provider's side of applying a rename of one
// adopted, ended run (ApplyResourceChange through the plugin server, one
// PATCH to an in-process fake Graph over TLS), which every resource of
// `make bench`'s update phase costs.
func BenchmarkApplyRename(b *testing.B) {
	ctx := context.Background()
	fake, state := endedRunFake(b)
	server, schemas := configuredServer(ctx, b, fake)
	typ := schemas.ResourceSchemas["industrydata_run"].ValueType()
	prior := dynamicValue(b, typ, state)
	state["display_name"] = "Renamed"
	planned := dynamicValue(b, typ, state)
	config := map[string]any{}
	for name := range state {
		config[name] = nil
	}
	config["run_id"], config["display_name"] = state["run_id"], "Renamed"
	req := &tfprotov6.ApplyResourceChangeRequest{
		TypeName: "industrydata_run", PriorState: prior, PlannedState: planned, Config: dynamicValue(b, typ, config),
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := server.ApplyResourceChange(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 || resp.NewState == nil {
			b.Fatal(err, resp.Diagnostics)
		}
	}
	if patches := fake.GraphRequests(); len(patches) == 0 || patches[len(patches)-1].Method != "PATCH" {
		b.Fatalf("the last request was not the rename's PATCH: %v", patches)
	}
}

// endedRunFake is an in-process fake Graph over TLS holding one ended run,
// and that run's state (schema version 1) as JSON attributes.
func endedRunFake(b *testing.B) (*fakegraph.Server, map[string]any) {
	b.Helper()
	fake := fakegraph.NewTLSServer(fakegraph.Options{})
	b.Cleanup(fake.Close)
	state := v0Attributes(b)
	delete(state["statistics"].(map[string]any), "activity_statistics")
	start, end := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC), time.Date(2024, 5, 1, 9, 12, 34, 567891000, time.UTC)
	fake.PutRun(fakegraph.Run{ID: state["run_id"].(string), DisplayName: "Nightly sync", StartDateTime: start, EndDateTime: &end, Status: "completed"})
	return fake, state
}

// configuredServer is the provider's plugin server, configured for fake and
// wrapped as the released provider serves it.
func configuredServer(ctx context.Context, b *testing.B, fake *fakegraph.Server) (tfprotov6.ProviderServer, *tfprotov6.GetProviderSchemaResponse) {
	b.Helper()
	framework, err := providerserver.NewProtocol6WithError(provider.New("bench",
		provider.WithHTTPClient(fake.Client()), provider.WithGetenv(func(string) string { return "" }))())()
	if err != nil {
		b.Fatal(err)
	}
	server := process.ReleaseRPCContexts(framework)
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		b.Fatal(err)
	}
	settings := map[string]any{}
	for _, a := range schemas.Provider.Block.Attributes {
		settings[a.Name] = nil
	}
	settings["graph_endpoint"], settings["authority_host"] = fake.GraphURL(), fake.URL()+"/"
	settings["tenant_id"], settings["client_id"], settings["client_secret"] = fake.TenantID(), fake.ClientID(), fake.ClientSecret()
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
		Config: dynamicValue(b, schemas.Provider.ValueType(), settings),
	})
	if err != nil || len(configured.Diagnostics) > 0 {
		b.Fatal(err, configured.Diagnostics)
	}
	return server, schemas
}
