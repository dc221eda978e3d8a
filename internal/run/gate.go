package run

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// A gate is what a run the resource started and waited for must meet for
// the apply to pass: fail_on_statuses, max_errors and max_warnings. It is
// judged once, when the run has ended, from the statistics the resource
// saves anyway (no request of its own).
type gate struct {
	failOn      []string // sorted
	maxErrors   *int64   // nil: no limit
	maxWarnings *int64
}

// defaultFailOn is fail_on_statuses when not set.
var defaultFailOn = []string{"failed"}

func gateOf(ctx context.Context, plan resourceModel) gate {
	g := gate{failOn: defaultFailOn, maxErrors: plan.MaxErrors.ValueInt64Pointer(), maxWarnings: plan.MaxWarnings.ValueInt64Pointer()}
	if !plan.FailOnStatuses.IsNull() && !plan.FailOnStatuses.IsUnknown() {
		g.failOn = []string{}
		plan.FailOnStatuses.ElementsAs(ctx, &g.failOn, false)
		slices.Sort(g.failOn)
	}
	return g
}

// judge returns an error naming every condition the ended run fails, with
// its numbers, the activities that reported errors or warnings, and what
// happens next; nothing when the run passes.
func (g gate) judge(run *graph.Run, stats *graph.RunStatistics) diag.Diagnostics {
	totals := totalsOrZero(stats)
	var failed []string
	if slices.Contains(g.failOn, run.Status) {
		failed = append(failed, fmt.Sprintf("its status %q is in fail_on_statuses %s", run.Status, quoteAll(g.failOn)))
	}
	if g.maxErrors != nil && int64(totals.Errors) > *g.maxErrors {
		failed = append(failed, fmt.Sprintf("%d errors, more than max_errors = %d", totals.Errors, *g.maxErrors))
	}
	if g.maxWarnings != nil && int64(totals.Warnings) > *g.maxWarnings {
		failed = append(failed, fmt.Sprintf("%d warnings, more than max_warnings = %d", totals.Warnings, *g.maxWarnings))
	}
	if len(failed) == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Run %s ended with status %q and fails this resource's conditions:\n", run.ID, run.Status)
	for _, f := range failed {
		fmt.Fprintf(&b, "  - %s\n", f)
	}
	fmt.Fprintf(&b, "\nTotals (statistics.inbound_totals): %d errors, %d warnings; %d people, %d groups, %d organizations, %d memberships.\n",
		totals.Errors, totals.Warnings, totals.People, totals.Groups, totals.Organizations, totals.Memberships)
	b.WriteString(describeActivities(stats))
	if e := run.BlockingError; e != nil {
		fmt.Fprintf(&b, "\nBlocking error: %s: %s\n", e.Code, e.Message)
	}
	b.WriteString("\nThe run stays in state and Terraform marks this resource tainted: the next apply replaces it and starts a new run, " +
		"which counts against Graph's limit of five runs per 12 hours. To keep this run instead, run terraform untaint " +
		"(tofu untaint) with this resource's address before the next apply. The data source industrydata_run shows the " +
		"run's statistics per activity.")
	var diags diag.Diagnostics
	diags.AddError(fmt.Sprintf("Industry data run %s: %s, %d errors, %d warnings", run.ID, run.Status, totals.Errors, totals.Warnings), b.String())
	return diags
}

// describeActivities lists the activities that reported errors or warnings,
// with their counts, in the service's order.
func describeActivities(stats *graph.RunStatistics) string {
	var lines []string
	if stats != nil {
		for _, a := range stats.Activities {
			if in := a.Inbound; in != nil && (in.Errors > 0 || in.Warnings > 0) {
				lines = append(lines, fmt.Sprintf("  - %q (%s, %s): %d errors, %d warnings", a.DisplayName, a.ActivityID, a.Status, in.Errors, in.Warnings))
			}
		}
	}
	if len(lines) == 0 {
		return "No activity reported errors or warnings.\n"
	}
	return "Activities that reported errors or warnings:\n" + strings.Join(lines, "\n") + "\n"
}

func totalsOrZero(stats *graph.RunStatistics) graph.InboundTotals {
	if stats == nil || stats.InboundTotals == nil {
		return graph.InboundTotals{}
	}
	return *stats.InboundTotals
}

func quoteAll(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
