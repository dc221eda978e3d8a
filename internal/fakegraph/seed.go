package fakegraph

import (
	"fmt"
	"io"
	"time"
)

// SampleRuns returns four realistic runs relative to now, oldest first,
// with fixed ids: a completed run with full statistics (inbound and
// outbound activities), a completedWithWarnings run, a failed run with a
// blockingError and no statistics, and a running run without endDateTime.
func SampleRuns(now time.Time) []Run {
	base := now.UTC().Truncate(time.Minute)
	// Sub-second parts make the six-digit fractions visible.
	at := func(ago time.Duration, micros int) time.Time {
		return base.Add(-ago).Add(46*time.Second + time.Duration(micros)*time.Microsecond)
	}

	completed := sampleRun(1, at(36*time.Hour, 924769), 12*time.Minute+34*time.Second, statusCompleted)
	completed.Activities = sampleActivities(1, "completed", "completed", "completed")
	completed.Statistics = sampleStatistics(completed,
		inboundResult(completed.Activities[0], 0, 0, count(4, 0), count(1210, 35), count(96, 4), count(2410, 40), []RoleCount{{"student", 1080}, {"teacher", 95}}, nil),
		inboundResult(completed.Activities[1], 0, 0, count(0, 0), count(130, 2), count(0, 0), count(0, 0), []RoleCount{{"staff", 128}}, nil),
	)

	warnings := sampleRun(2, at(24*time.Hour, 113027), 9*time.Minute+5*time.Second, statusCompletedWithWarnings)
	warnings.Activities = sampleActivities(2, "completedWithWarnings", "completed", "completed")
	warnings.Statistics = sampleStatistics(warnings,
		inboundResult(warnings.Activities[0], 0, 17, count(4, 0), count(1218, 31), count(97, 3), count(2431, 36), []RoleCount{{"student", 1086}, {"teacher", 96}}, []RoleCount{{"student", 12}, {"teacher", 5}}),
		inboundResult(warnings.Activities[1], 0, 0, count(0, 0), count(131, 2), count(0, 0), count(0, 0), []RoleCount{{"staff", 129}}, nil),
	)

	failed := sampleRun(3, at(11*time.Hour, 500004), 2*time.Minute+12*time.Second, statusFailed)
	failed.Activities = sampleActivities(3, "failed", "skipped", "skipped")
	failed.Activities[0].BlockingError = &PublicError{
		Code:    "sourceSystemUnreachable",
		Message: "The OneRoster API of the source system answered 401 Unauthorized; check the data connector's credential.",
		Target:  "dataConnectors/" + sampleID("c3a9e1f4-6b2d-4f8a-a5c7", 1),
	}
	failed.BlockingError = &PublicError{
		Code:    "activityFailed",
		Message: "The run was canceled by the system because an inbound flow failed.",
		Target:  failed.Activities[0].ID,
	}

	running := sampleRun(4, at(9*time.Minute, 31416), 0, statusRunning)
	running.Activities = sampleActivities(4, "inProgress", "inProgress", "skipped")

	return []Run{completed, warnings, failed, running}
}

func sampleID(prefix string, n int) string { return fmt.Sprintf("%s-%012d", prefix, n) }

// sampleRun is run number n; a zero duration leaves it without an end.
func sampleRun(n int, start time.Time, duration time.Duration, status string) Run {
	r := Run{
		ID:            sampleID("a1d5c3e0-7b2f-4e6a-9c81", n),
		DisplayName:   "Run " + start.Format("2006-01-02 15:04") + " UTC",
		StartDateTime: start,
		Status:        status,
	}
	if duration > 0 {
		end := start.Add(duration)
		r.EndDateTime = &end
	}
	return r
}

// sampleActivities are the three flows of run n: two inbound, one outbound.
func sampleActivities(n int, statuses ...string) []RunActivity {
	names := []string{"Inbound flow: SIS roster (CSV)", "Inbound flow: HR staff (OneRoster API)", "Outbound provisioning: Microsoft 365 groups"}
	acts := make([]RunActivity, len(names))
	for i, name := range names {
		acts[i] = RunActivity{ID: sampleID("b7e4f2a9-3c6d-4a1b-8e5f", n*10+i+1), DisplayName: name, Status: statuses[i]}
	}
	return acts
}

// sampleStatistics adds the outbound activity's plain statistics to the
// inbound results and sums the totals as the service does.
func sampleStatistics(r Run, inbound ...ActivityStatistics) *RunStatistics {
	out := r.Activities[len(r.Activities)-1]
	acts := append(inbound, ActivityStatistics{ActivityID: out.ID, DisplayName: out.DisplayName, Status: out.Status})
	return &RunStatistics{RunID: r.ID, Status: r.Status, ActivityStatistics: acts, InboundTotals: totalsOf(acts)}
}

func inboundResult(a RunActivity, errors, warnings int32, orgs, people, groups, memberships EntityCount, matched, unmatched []RoleCount) ActivityStatistics {
	return ActivityStatistics{
		ActivityID: a.ID, DisplayName: a.DisplayName, Status: a.Status,
		Inbound: &InboundActivityResults{
			Errors: errors, Warnings: warnings,
			Organizations: orgs, People: people, Groups: groups, Memberships: memberships,
			MatchedPeopleByRole: matched, UnmatchedPeopleByRole: unmatched,
		},
	}
}

func count(active, inactive int32) EntityCount {
	return EntityCount{Active: active, Inactive: inactive, Total: active + inactive}
}

// LoadRuns reads a seed file: {"runs":[ run objects as Graph renders them ]}.
// Runs are checked against the same model as PATCH bodies, except that
// read-only properties (id, blockingError, activities) and
// unknownFutureValue are allowed: a seed is data the service wrote.
func LoadRuns(r io.Reader) ([]Run, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	tree, err := parseJSON(data)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	obj, ok := tree.(object)
	if !ok {
		return nil, fmt.Errorf(`seed: want an object {"runs":[…]}, got a JSON %s`, nodeKind(tree))
	}
	var items []any
	for _, m := range obj {
		arr, ok := m.Value.([]any)
		if m.Name != "runs" || !ok {
			return nil, fmt.Errorf(`seed: want only "runs", an array; got %q`, m.Name)
		}
		items = arr
	}
	runs := make([]Run, 0, len(items))
	seen := map[string]bool{}
	for i, item := range items {
		run, err := loadRun(item)
		if err != nil {
			return nil, fmt.Errorf("seed: runs[%d]: %w", i, err)
		}
		if seen[run.ID] {
			return nil, fmt.Errorf("seed: runs[%d]: duplicate id %s", i, run.ID)
		}
		seen[run.ID] = true
		runs = append(runs, run)
	}
	return runs, nil
}

func loadRun(item any) (Run, error) {
	if _, err := (validator{trusted: true}).object(item, runType, ""); err != nil {
		return Run{}, err
	}
	var j runJSON
	if err := remarshal(item, &j); err != nil {
		return Run{}, err
	}
	return runFromJSON(j)
}
