package run

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// starts serialises run starts within this process and remembers which runs
// they produced. Starts are rare (five per 12 hours), and one at a time means
// a start whose outcome is unknown can only be the newest unclaimed run —
// never a run another resource of this apply just started.
var starts struct {
	sync.Mutex
	claimed map[string]bool
}

func claim(id string) {
	if starts.claimed == nil {
		starts.claimed = map[string]bool{}
	}
	starts.claimed[id] = true
}

// start starts an on-demand run and returns it once the operation that
// tracks the start names it. The start is sent once: it is not idempotent.
func (r *runResource) start(ctx context.Context) (*graph.Run, error) {
	starts.Lock()
	defer starts.Unlock()
	sentAt := time.Now()
	opID, err := r.client.StartRun(ctx)
	if err != nil {
		if isStartLimit(err) {
			return nil, fmt.Errorf("%w\n\nMicrosoft Graph allows at most five successful industry data runs per 12 hours (and the "+
				"service runs every 12 hours by itself); the provider takes this answer for that limit, whose status Microsoft does not "+
				"document, and did not send the start again. Adopt an existing run with run_id, or try again later", err)
		}
		if graph.IsOutcomeUnknown(err) {
			return r.findStartedRun(ctx, sentAt, err)
		}
		if errors.Is(err, graph.ErrStartWithoutLocation) {
			return nil, fmt.Errorf("%w\n\nAn industry data run has probably started. Find it with the industrydata_runs data source "+
				"(status = \"running\") and adopt it with run_id, rather than applying again, which would start another", err)
		}
		return nil, err
	}
	tflog.Info(ctx, "Run start accepted; waiting for its operation", map[string]any{"operation_id": opID})
	op, err := r.awaitOperation(ctx, opID)
	if err != nil {
		return nil, err
	}
	claim(op.ResourceID())
	return r.client.GetRun(ctx, op.ResourceID())
}

// isStartLimit recognises Graph refusing a start because of the limit of
// five successful runs per 12 hours. Microsoft documents no status for it, so
// both plausible answers count: a 409 Conflict, and a 429 whose Retry-After
// reaches past the create timeout (the retry policy then gives up instead of
// waiting; a short 429 is throttling, and was resent as such).
func isStartLimit(err error) bool {
	var ge *graph.Error
	if errors.As(err, &ge) && ge.StatusCode == http.StatusConflict {
		return true
	}
	var gaveUp *graph.RetryError
	return errors.As(err, &gaveUp) && gaveUp.StatusCode == http.StatusTooManyRequests &&
		(gaveUp.Reason == graph.RetryStopDeadline || gaveUp.Reason == graph.RetryStopBudget)
}

// How long a run may answer 404 right after it was started, or when it is
// adopted (it may have been created moments ago), before the 404 is believed:
// Graph is eventually consistent. A refresh believes a 404 at once.
const (
	startNotFoundWindow = 30 * time.Second
	adoptNotFoundWindow = 10 * time.Second
)

// awaitOperation polls the start's operation until it has ended.
func (r *runResource) awaitOperation(ctx context.Context, opID string) (*graph.Operation, error) {
	var op *graph.Operation
	err := lifecycle.Poll(ctx, "the start operation "+opID+" to finish", func() (bool, error) {
		var err error
		op, err = r.client.GetOperation(ctx, opID)
		if err != nil {
			return false, err
		}
		return op.Done(), nil
	})
	if err != nil {
		return nil, err
	}
	if op.Status != "succeeded" || op.ResourceID() == "" {
		return nil, startOperationFailure(*op)
	}
	return op, nil
}

// startOperationFailure says how a start operation ended without a run, and
// what to check.
func startOperationFailure(op graph.Operation) error {
	what := fmt.Sprintf("ended with status %q", op.Status)
	if op.Status == "succeeded" {
		what = "succeeded but named no industry data run"
	}
	if op.StatusDetail != "" {
		what += ": " + op.StatusDetail
	}
	return fmt.Errorf("the start operation %s %s.\n\nCheck in the School Data Sync portal that the inbound flows are "+
		"active and their last validation passed, and look at the run history for a run that started anyway "+
		"(the industrydata_runs data source lists them; adopt one with run_id)", op.ID, what)
}

// findStartedRun resolves a start whose outcome is unknown (the connection
// was lost after the request was sent) by looking for a run that began at or
// after the start was sent, never by starting again.
func (r *runResource) findStartedRun(ctx context.Context, sentAt time.Time, cause error) (*graph.Run, error) {
	tflog.Warn(ctx, "The outcome of the run start is unknown; looking for the run instead of starting again", map[string]any{"error": cause.Error()})
	var found *graph.Run
	err := lifecycle.Poll(ctx, "a run started at "+sentAt.UTC().Format(time.RFC3339), func() (bool, error) {
		runs, err := r.client.ListRuns(ctx)
		if err != nil {
			return false, err
		}
		found = newestStartedSince(runs, sentAt.Add(-startClockSkew), starts.claimed)
		return found != nil, nil
	}, lifecycle.PollLimit(4))
	if err != nil {
		return nil, fmt.Errorf("%w\n\nThe start request may or may not have started a run, and none was found. "+
			"Check the runs in School Data Sync; adopt a new run with run_id rather than starting another", cause)
	}
	claim(found.ID)
	return found, nil
}

// startClockSkew tolerates a service clock a little behind this machine's.
const startClockSkew = 2 * time.Minute

// newestStartedSince returns the newest run started at or after since that
// no start of this process has claimed.
func newestStartedSince(runs []graph.Run, since time.Time, claimed map[string]bool) *graph.Run {
	var newest *graph.Run
	for i := range runs {
		r := &runs[i]
		if r.StartDateTime == nil || r.StartDateTime.Before(since) || claimed[r.ID] {
			continue
		}
		if newest == nil || r.StartDateTime.After(*newest.StartDateTime) {
			newest = r
		}
	}
	return newest
}
