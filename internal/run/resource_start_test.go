package run

import (
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// A start operation that ends without a run says how it ended, without a
// dangling separator when Graph gave no detail, and what to check.
func TestStartOperationFailure(t *testing.T) {
	tests := []struct {
		name     string
		op       graph.Operation
		want     string
		wantNot  string
		wantNext string
	}{
		{name: "failed with detail", op: graph.Operation{ID: "op1", Status: "failed", StatusDetail: "No active inbound flow"},
			want: `the start operation op1 ended with status "failed": No active inbound flow.`},
		{name: "failed without detail", op: graph.Operation{ID: "op2", Status: "failed"},
			want: `the start operation op2 ended with status "failed".`, wantNot: ": ."},
		{name: "succeeded without a run", op: graph.Operation{ID: "op3", Status: "succeeded"},
			want: "the start operation op3 succeeded but named no industry data run."},
		{name: "succeeded with a location that names no run", op: graph.Operation{ID: "op4", Status: "succeeded", ResourceLocation: "https://g/runs/pending"},
			want: `the start operation op4 succeeded but named no industry data run (resourceLocation "https://g/runs/pending").`},
		{name: "failed with Graph's error body", op: graph.Operation{ID: "op5", Status: "failed", StatusDetail: `{"error":{"code":"noFlows","message":"No active inbound flow"}}`},
			want: `the start operation op5 ended with status "failed": No active inbound flow (code noFlows).`},
		{name: "failed with a code only", op: graph.Operation{ID: "op6", Status: "failed", StatusDetail: `{"code":"noFlows"}`},
			want: `the start operation op6 ended with status "failed": code noFlows.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := startOperationFailure(tt.op).Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q lacks %q", msg, tt.want)
			}
			if tt.wantNot != "" && strings.Contains(msg, tt.wantNot) {
				t.Errorf("message %q contains %q", msg, tt.wantNot)
			}
			for _, advice := range []string{"inbound flows", "industrydata_runs", "run_id"} {
				if !strings.Contains(msg, advice) {
					t.Errorf("message %q does not say what to check (%s)", msg, advice)
				}
			}
		})
	}
}

// A failed start operation is the start limit when its error code is one of
// the limit's other forms or speaks of a limit or quota; nothing else is.
func TestIsLimitFailure(t *testing.T) {
	tests := []struct {
		status, detail string
		want           bool
	}{
		{"failed", `{"error":{"code":"conflict","message":"At most 5 runs"}}`, true},
		{"failed", `{"code":"TooManyRequests"}`, true},
		{"failed", `{"error":{"code":"runLimitExceeded"}}`, true},
		{"failed", `{"error":{"code":"QuotaExceeded"}}`, true},
		{"failed", `{"error":{"code":"noActiveInboundFlow","message":"limit"}}`, false},
		{"failed", "At most five runs per 12 hours", false},
		{"failed", "", false},
		{"succeeded", `{"error":{"code":"conflict"}}`, false},
	}
	for _, tt := range tests {
		if got := isLimitFailure(graph.Operation{Status: tt.status, StatusDetail: tt.detail}); got != tt.want {
			t.Errorf("%s %s: %v, want %v", tt.status, tt.detail, got, tt.want)
		}
	}
}
