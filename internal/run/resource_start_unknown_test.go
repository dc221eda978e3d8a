package run

import (
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// Resolving a start whose outcome is unknown takes the start operation
// created closest to when the request was sent: never a connector's
// validation, one older than the clock skew allows, one another start of this
// process claimed, or one naming something other than a run.
func TestStartOperationChoice(t *testing.T) {
	sent := time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)
	at := func(d time.Duration) *time.Time { v := sent.Add(d); return &v }
	const runURL = "https://graph.microsoft.com/beta/external/industryData/runs/7e57a001-0000-4000-8000-000000000001"
	op := func(id string, created *time.Time, location string) graph.Operation {
		return graph.Operation{ID: id, Type: "#microsoft.graph.longRunningOperation", CreatedDateTime: created, ResourceLocation: location, Status: "running"}
	}
	validation := op("validation", at(0), "")
	validation.Type = "#microsoft.graph.industryData.fileValidateOperation"
	tests := []struct {
		name string
		ops  []graph.Operation
		want string
	}{
		{"none at all", nil, ""},
		{"a validation is not a start", []graph.Operation{validation}, ""},
		{"older than the clock skew", []graph.Operation{op("old", at(-3*time.Minute), runURL)}, ""},
		{"claimed by another start", []graph.Operation{op("claimed", at(time.Second), runURL)}, ""},
		{"naming a connector", []graph.Operation{op("other", at(time.Second), "https://graph.microsoft.com/beta/external/industryData/dataConnectors/x")}, ""},
		{"no location yet (notStarted)", []graph.Operation{op("pending", at(time.Second), "")}, "pending"},
		{"the closest to the request", []graph.Operation{
			op("earlier", at(-time.Minute), runURL), op("closest", at(2*time.Second), runURL), op("later", at(time.Minute), runURL),
		}, "closest"},
		{"within the skew before the request", []graph.Operation{op("skewed", at(-90*time.Second), runURL)}, "skewed"},
	}
	claimed := starts.claimed
	starts.claimed = map[string]bool{"claimed": true}
	t.Cleanup(func() { starts.claimed = claimed })
	for _, tt := range tests {
		if got := startOperationClosestTo(tt.ops, sent); got != tt.want {
			t.Errorf("%s: chose %q, want %q", tt.name, got, tt.want)
		}
	}
}
