package run

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// clientOf is a Graph client signed in to the fake, as the provider builds it.
func clientOf(t *testing.T, fake *fakegraph.Server) *graph.Client {
	t.Helper()
	str := func(s string) *string { return &s }
	cfg, err := graph.Resolve(graph.Settings{
		TenantID: str(fake.TenantID()), ClientID: str(fake.ClientID()), ClientSecret: str(fake.ClientSecret()),
		GraphEndpoint: str(fake.GraphURL()), AuthorityHost: str(fake.URL() + "/"),
	}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	c, err := graph.NewClient(cfg, graph.Options{HTTPClient: fake.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// When Terraform is interrupted (Ctrl-C cancels the context) during the
// wait, the run is read once more: one that ended meanwhile is returned as
// ended, with no error (the gate then judges it); one still running is
// returned running, with an error saying the run goes on and is tainted.
func TestWaitForCompletionInterrupted(t *testing.T) {
	start := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	running := fakegraph.Run{ID: "7e57a001-0000-4000-8000-0000000000a1", DisplayName: "Run", StartDateTime: start, Status: "running"}
	for _, tt := range []struct {
		name          string
		endsMeanwhile bool
		wantStatus    string
		wantError     []string
	}{
		{"the run ends while Terraform is interrupted", true, "completedWithErrors", nil},
		{"the run is still running", false, "running", []string{"interrupted while waiting for run " + running.ID, "continues in Microsoft Graph", "tainted", "untaint"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fake := fakegraph.NewTLSServer(fakegraph.Options{Runs: []fakegraph.Run{running}})
			defer fake.Close()
			ctx, interrupt := context.WithCancel(context.Background())
			defer interrupt()
			t.Cleanup(SetClock(time.Now, func(ctx context.Context, _ time.Duration) error {
				if tt.endsMeanwhile {
					ended := running
					end := start.Add(time.Minute)
					ended.Status, ended.EndDateTime = "completedWithErrors", &end
					fake.PutRun(ended)
				}
				interrupt()
				return ctx.Err()
			}))
			r := &runResource{client: clientOf(t, fake)}
			run, diags := r.waitForCompletion(ctx, &graph.Run{ID: running.ID, Status: "running"}, nil)
			if run.Status != tt.wantStatus {
				t.Errorf("run status %q, want %q", run.Status, tt.wantStatus)
			}
			if tt.wantError == nil {
				if diags.HasError() {
					t.Errorf("want no error, got %v", diags)
				}
				return
			}
			if !diags.HasError() {
				t.Fatal("want an error")
			}
			for _, w := range tt.wantError {
				if !strings.Contains(diags[0].Detail(), w) {
					t.Errorf("error lacks %q:\n%s", w, diags[0].Detail())
				}
			}
		})
	}
}
