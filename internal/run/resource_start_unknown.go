package run

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// A start whose outcome is unknown (a 503 without Retry-After, a 504, a
// connection lost after the request was sent) is never sent again: the
// provider looks for what it did.
const (
	// startClockSkew tolerates a service clock a little behind this machine's.
	startClockSkew = 2 * time.Minute
	// lookMargin is left of the create timeout when looking ends, for
	// reading and saving the run once it is found.
	lookMargin = 30 * time.Second
	// Pauses between two looks: Graph may take a while to show a start.
	lookFirstPause, lookLongestPause = 2 * time.Second, 15 * time.Second
)

var errLookedLongEnough = errors.New("looked until the create timeout")

// findStartedRun resolves a start whose outcome is unknown by looking, for as
// long as the create timeout allows, for the operation of a start sent at
// sentAt: that operation's resourceLocation names the run this start made.
// Only where Graph cannot list operations does it fall back to the run that
// started closest to sentAt, which may be one the service started on its
// own schedule.
func (r *runResource) findStartedRun(ctx context.Context, sentAt time.Time, cause error) (*graph.Run, error) {
	look := lookDuration(ctx)
	tflog.Warn(ctx, "The outcome of the run start is unknown; looking for its operation instead of starting again",
		map[string]any{"error": cause.Error(), "look_for": look.String()})
	began := clockNow()
	var opID string
	var found *graph.Run
	err := lifecycle.Poll(ctx, "the operation of a start sent at "+sentAt.UTC().Format(time.RFC3339), func() (bool, error) {
		if clockNow().Sub(began) > look {
			return false, errLookedLongEnough
		}
		var err error
		opID, found, err = r.lookForStart(ctx, sentAt)
		return opID != "" || found != nil, err
	}, lifecycle.PollEvery(lookFirstPause, lookLongestPause), lifecycle.PollSleep(clockSleep))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w\n\nThe provider looked for %s among Graph's operations for a start sent since then and found "+
			"none (%v): most likely the request was not processed and no run started. Check the runs (the industrydata_runs data "+
			"source) before applying again, which sends a new start; if a run did start, adopt it with run_id", cause, look.Round(time.Second), err)
	case found != nil:
		claim(found.ID)
		return found, nil
	}
	tflog.Info(ctx, "Found the operation of the start whose outcome was unknown", map[string]any{"operation_id": opID})
	return r.runOfOperation(ctx, opID)
}

// lookDuration is how long to look: the create timeout, less a margin.
func lookDuration(ctx context.Context) time.Duration {
	deadline, ok := ctx.Deadline()
	if !ok {
		return defaultCreateTimeout - lookMargin
	}
	return max(time.Until(deadline)-lookMargin, 0)
}

// lookForStart looks once: among the operations for a start's, or, where
// Graph cannot list them, among the runs.
func (r *runResource) lookForStart(ctx context.Context, sentAt time.Time) (string, *graph.Run, error) {
	ops, err := r.client.ListOperations(ctx)
	if err == nil {
		return startOperationClosestTo(ops, sentAt), nil, nil
	}
	if !cannotList(err) {
		return "", nil, err
	}
	tflog.Warn(ctx, "Graph cannot list operations; looking among the runs instead", map[string]any{"error": err.Error()})
	runs, err := r.client.ListRuns(ctx)
	if err != nil {
		return "", nil, err
	}
	since := sentAt.Add(-startClockSkew)
	run, ok := closestTo(runs, sentAt, func(r graph.Run) *time.Time { return r.StartDateTime },
		func(r graph.Run) bool {
			return r.StartDateTime != nil && !r.StartDateTime.Before(since) && !starts.claimed[r.ID]
		})
	if !ok {
		return "", nil, nil
	}
	return "", &run, nil
}

// startOperationClosestTo is the id of the start operation created closest
// to sentAt, or "".
func startOperationClosestTo(ops []graph.Operation, sentAt time.Time) string {
	since := sentAt.Add(-startClockSkew)
	op, _ := closestTo(ops, sentAt, func(o graph.Operation) *time.Time { return o.CreatedDateTime },
		func(o graph.Operation) bool { return isStartOperationSince(o, since) })
	return op.ID
}

// isStartOperationSince reports an operation that may be the start's: not a
// connector's validation, created since, not claimed by another start, and
// naming a run or nothing yet.
func isStartOperationSince(op graph.Operation, since time.Time) bool {
	if op.IsValidation() || op.CreatedDateTime == nil || op.CreatedDateTime.Before(since) || starts.claimed[op.ID] {
		return false
	}
	_, namesRun := op.RunID()
	return op.ResourceLocation == "" || namesRun
}

// cannotList reports Graph refusing to list a collection at all.
func cannotList(err error) bool {
	var ge *graph.Error
	if !errors.As(err, &ge) {
		return false
	}
	switch ge.StatusCode {
	case http.StatusBadRequest, http.StatusNotFound, http.StatusMethodNotAllowed, http.StatusNotImplemented:
		return true
	}
	return false
}

// closestTo returns the eligible item whose time is closest to at.
func closestTo[T any](items []T, at time.Time, when func(T) *time.Time, eligible func(T) bool) (T, bool) {
	var best T
	var bestGap time.Duration
	found := false
	for _, it := range items {
		if !eligible(it) {
			continue
		}
		gap := when(it).Sub(at).Abs()
		if !found || gap < bestGap {
			best, bestGap, found = it, gap, true
		}
	}
	return best, found
}
