package run

import (
	"strings"
	"testing"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

func ptr(n int64) *int64 { return &n }

// A gate fails on a status it lists and on totals strictly above a limit;
// the message names every failed condition with its numbers.
func TestGateJudge(t *testing.T) {
	stats := &graph.RunStatistics{
		Activities: []graph.ActivityStatistics{
			{ActivityID: "a1", DisplayName: "SIS roster", Status: "completedWithErrors", Inbound: &graph.InboundActivityResults{Errors: 10, Warnings: 1}},
			{ActivityID: "a2", DisplayName: "HR staff", Status: "completed", Inbound: &graph.InboundActivityResults{}},
			{ActivityID: "a3", DisplayName: "Provisioning", Status: "completed"},
		},
		InboundTotals: &graph.InboundTotals{Errors: 10, Warnings: 1, People: 500},
	}
	tests := []struct {
		name   string
		gate   gate
		status string
		want   []string // nil: passes
	}{
		{"default passes completedWithErrors", gate{failOn: defaultFailOn}, "completedWithErrors", nil},
		{"default fails failed", gate{failOn: defaultFailOn}, "failed", []string{`its status "failed" is in fail_on_statuses ["failed"]`}},
		{"empty fail_on_statuses passes failed", gate{failOn: []string{}}, "failed", nil},
		{"listed status fails", gate{failOn: []string{"completedWithErrors", "failed"}}, "completedWithErrors",
			[]string{`its status "completedWithErrors" is in fail_on_statuses ["completedWithErrors", "failed"]`}},
		{"errors below max_errors pass", gate{maxErrors: ptr(11)}, "completedWithErrors", nil},
		{"errors at max_errors pass", gate{maxErrors: ptr(10)}, "completedWithErrors", nil},
		{"errors above max_errors fail", gate{maxErrors: ptr(9)}, "completedWithErrors", []string{"10 errors, more than max_errors = 9"}},
		{"warnings at max_warnings pass", gate{maxWarnings: ptr(1)}, "completedWithErrors", nil},
		{"warnings above max_warnings fail", gate{maxWarnings: ptr(0)}, "completedWithErrors", []string{"1 warnings, more than max_warnings = 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := tt.gate.judge(&graph.Run{ID: "r1", Status: tt.status}, stats)
			if tt.want == nil {
				if diags.HasError() {
					t.Fatalf("want a pass, got %v", diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("want one error, got %v", diags)
			}
			summary, detail := diags[0].Summary(), diags[0].Detail()
			if want := "Industry data run r1: " + tt.status + ", 10 errors, 1 warnings"; summary != want {
				t.Errorf("summary %q, want %q", summary, want)
			}
			for _, w := range append(tt.want, `"SIS roster" (a1, completedWithErrors): 10 errors, 1 warnings`,
				"10 errors, 1 warnings; 500 people", "tainted", "five runs per 12 hours", "terraform untaint") {
				if !strings.Contains(detail, w) {
					t.Errorf("detail lacks %q:\n%s", w, detail)
				}
			}
			if strings.Contains(detail, "HR staff") {
				t.Errorf("detail lists an activity without errors or warnings:\n%s", detail)
			}
		})
	}
}
