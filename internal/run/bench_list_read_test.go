package run_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// BenchmarkReadListedRuns: the provider's side of planning an
// industrydata_runs over 5,000 runs without statistics (ReadDataSource
// through the plugin server: 50 pages from an in-process fake Graph over TLS,
// the framework's walks over the list, its msgpack encoding). `make bench`
// measures the same end to end; this isolates the provider's share.
func BenchmarkReadListedRuns(b *testing.B) {
	ctx := context.Background()
	fake := fakegraph.NewTLSServer(fakegraph.Options{PageSize: 100})
	b.Cleanup(fake.Close)
	start := time.Date(2024, 5, 1, 2, 0, 0, 0, time.UTC)
	for i := range 5000 {
		end := start.Add(time.Duration(i)*time.Hour + time.Minute)
		fake.PutRun(fakegraph.Run{ID: fmt.Sprintf("b3e1c0de-5eed-4000-8000-%012d", i), DisplayName: "Run",
			StartDateTime: start.Add(time.Duration(i) * time.Hour), EndDateTime: &end, Status: "completed"})
	}
	server, schemas := configuredServer(ctx, b, fake)
	config := map[string]any{"status": nil, "started_after": nil, "most_recent": nil, "include_statistics": nil, "runs": nil}
	req := &tfprotov6.ReadDataSourceRequest{
		TypeName: "industrydata_runs", Config: dynamicValue(b, schemas.DataSourceSchemas["industrydata_runs"].ValueType(), config),
	}
	b.ReportAllocs()
	for b.Loop() {
		resp, err := server.ReadDataSource(ctx, req)
		if err != nil || len(resp.Diagnostics) > 0 || resp.State == nil {
			b.Fatal(err, resp.Diagnostics)
		}
	}
}
