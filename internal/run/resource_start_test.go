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
