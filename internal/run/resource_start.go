package run

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// starts serialises run starts within this process and remembers which runs
// and operations they produced. Starts are rare (five per 12 hours), and one
// at a time means that looking for a start whose outcome is unknown never
// meets another start of this apply in flight, and skips those already made.
var starts struct {
	sync.Mutex
	claimed map[string]bool // run and operation ids
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
	sentAt := clockNow()
	opID, err := r.client.StartRun(ctx)
	switch {
	case isStartLimit(err):
		return nil, startLimitError(err)
	case graph.IsOutcomeUnknown(err):
		return r.findStartedRun(ctx, sentAt, err)
	case errors.Is(err, graph.ErrStartWithoutLocation):
		return nil, fmt.Errorf("%w\n\nAn industry data run has probably started. Find it with the industrydata_runs data source "+
			"(status = \"running\") and adopt it with run_id, rather than applying again, which would start another", err)
	case err != nil:
		return nil, err
	}
	tflog.Info(ctx, "Run start accepted; waiting for its operation", map[string]any{"operation_id": opID})
	return r.runOfOperation(ctx, opID)
}

// runOfOperation follows a start's operation until it names its run, and
// reads that run.
func (r *runResource) runOfOperation(ctx context.Context, opID string) (*graph.Run, error) {
	claim(opID)
	op, err := r.awaitOperation(ctx, opID)
	if err != nil {
		return nil, err
	}
	id, _ := op.RunID()
	claim(id)
	return r.client.GetRun(ctx, id)
}

// isStartLimit recognises Graph refusing a start because of the limit of
// five successful runs per 12 hours. Microsoft documents no status for it, so
// both plausible answers count: a 409 Conflict, and a 429 whose Retry-After
// reaches past the create timeout (the retry policy then gives up instead of
// waiting; a short 429 is throttling, and was resent as such). The third
// form, a start accepted whose operation fails, is isLimitFailure.
func isStartLimit(err error) bool {
	var ge *graph.Error
	if errors.As(err, &ge) && ge.StatusCode == http.StatusConflict {
		return true
	}
	var gaveUp *graph.RetryError
	return errors.As(err, &gaveUp) && gaveUp.StatusCode == http.StatusTooManyRequests &&
		(gaveUp.Reason == graph.RetryStopDeadline || gaveUp.Reason == graph.RetryStopBudget)
}

// isLimitFailure recognises the limit in a start operation that failed.
// [infer] Graph documents no error for it: the codes of the limit's other
// forms (conflict, tooManyRequests) count, and so does any code that speaks
// of a limit or a quota.
func isLimitFailure(op graph.Operation) bool {
	if op.Status != "failed" {
		return false
	}
	code := strings.ToLower(op.DetailError().Code)
	return code == "conflict" || code == "toomanyrequests" || strings.Contains(code, "limit") || strings.Contains(code, "quota")
}

func startLimitError(cause error) error {
	return fmt.Errorf("%w\n\nMicrosoft Graph allows at most five successful industry data runs per 12 hours (and the "+
		"service runs every 12 hours by itself); the provider takes this answer for that limit, whose form Microsoft does not "+
		"document, and did not send the start again. Adopt an existing run with run_id, or try again later", cause)
}

// How long a run may answer 404 right after it was started, or when it is
// adopted (it may have been created moments ago), before the 404 is believed:
// Graph is eventually consistent. A refresh believes a 404 at once.
const (
	startNotFoundWindow = 30 * time.Second
	adoptNotFoundWindow = 10 * time.Second
)

// awaitOperation polls the start's operation until it has ended. A
// resourceLocation that is still null (notStarted) is waited out; a finished
// operation without a location that names a run is a failure, never a run id.
func (r *runResource) awaitOperation(ctx context.Context, opID string) (*graph.Operation, error) {
	var op *graph.Operation
	err := lifecycle.Poll(ctx, "the start operation "+opID+" to finish", func() (bool, error) {
		var err error
		op, err = r.client.GetOperation(ctx, opID)
		if err != nil {
			return false, err
		}
		return op.Done(), nil
	}, lifecycle.PollSleep(clockSleep))
	if err != nil {
		return nil, err
	}
	if isLimitFailure(*op) {
		return nil, startLimitError(errors.New(operationOutcome(*op)))
	}
	if _, ok := op.RunID(); op.Status != "succeeded" || !ok {
		return nil, startOperationFailure(*op)
	}
	return op, nil
}

// operationOutcome says how a start operation ended without a run.
func operationOutcome(op graph.Operation) string {
	what := fmt.Sprintf("the start operation %s ended with status %q", op.ID, op.Status)
	if op.Status == "succeeded" {
		what = fmt.Sprintf("the start operation %s succeeded but named no industry data run", op.ID)
		if op.ResourceLocation != "" {
			what += fmt.Sprintf(" (resourceLocation %q)", op.ResourceLocation)
		}
	}
	e := op.DetailError()
	switch {
	case e.Message != "" && e.Code != "":
		what += fmt.Sprintf(": %s (code %s)", e.Message, e.Code)
	case e.Message != "":
		what += ": " + e.Message
	case e.Code != "":
		what += ": code " + e.Code
	}
	return what
}

// startOperationFailure says how a start operation ended without a run, and
// what to check.
func startOperationFailure(op graph.Operation) error {
	return fmt.Errorf("%s.\n\nCheck in the School Data Sync portal that the inbound flows are "+
		"active and their last validation passed, and look at the run history for a run that started anyway "+
		"(the industrydata_runs data source lists them; adopt one with run_id)", operationOutcome(op))
}
