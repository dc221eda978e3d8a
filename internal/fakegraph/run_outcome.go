package fakegraph

import (
	"fmt"
	"time"
)

// RunOutcome is how a run started through the start action ends once
// Options.RunDuration has passed (see SetRunOutcome). The zero value is the
// default: completed, with simple totals and no activities.
type RunOutcome struct {
	// Status is the final status (completed when empty).
	Status string
	// Activities are the run's statistics per activity, in the service's
	// order; an inboundActivityResults element (Inbound set) carries the
	// errors and warnings that inboundTotals sums, as the service computes
	// them. The run's activities are named after them.
	Activities []ActivityStatistics
	// BlockingError is the run's blockingError, e.g. for a failed run.
	BlockingError *PublicError
}

// SetRunOutcome sets how started runs that end from now on end. It panics
// on a status that is not final: a run that ends has a final status.
func (s *Server) SetRunOutcome(o RunOutcome) {
	if o.Status != "" && !isFinal(o.Status) {
		panic(fmt.Sprintf("fakegraph: run outcome status %q is not a final status", o.Status))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.runOutcome = o
}

// endRun returns run ended at end as the outcome says.
func (o RunOutcome) endRun(run Run, end time.Time) Run {
	status := cmpOr(o.Status, statusCompleted)
	run.Status, run.EndDateTime, run.BlockingError = status, &end, clonePtr(o.BlockingError)
	if o.Activities == nil {
		run.Statistics = &RunStatistics{RunID: run.ID, Status: status,
			InboundTotals: &AggregatedInboundStatistics{Groups: 1, Memberships: 10, Organizations: 1, People: 9}}
		return run
	}
	stats := cloneStatistics(&RunStatistics{RunID: run.ID, Status: status, ActivityStatistics: o.Activities})
	stats.InboundTotals = totalsOf(stats.ActivityStatistics)
	run.Statistics = stats
	run.Activities = make([]RunActivity, len(o.Activities))
	for i, a := range o.Activities {
		run.Activities[i] = RunActivity{ID: a.ActivityID, DisplayName: a.DisplayName, Status: a.Status}
	}
	return run
}
