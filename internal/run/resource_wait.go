package run

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// Waiting for a run to end (wait_for_completion). Runs take minutes to
// hours, so the pause between two reads of the run starts at Graph's
// advice for long-running work (no more often than every 5 s) and grows by
// half each time up to 30 s: a short run is seen ending within seconds, a
// CI job learns of a long run's end at most 30 s late, and an hour of
// waiting costs about 120 reads.
const (
	waitFirstPause = 5 * time.Second
	waitGrowth     = 1.5
	waitMostPause  = 30 * time.Second
)

// waitPause is the pause after the n-th read of the run (n from 1).
func waitPause(n int) time.Duration {
	pause := float64(waitFirstPause)
	for i := 1; i < n && pause < float64(waitMostPause); i++ {
		pause *= waitGrowth
	}
	return min(time.Duration(pause), waitMostPause)
}

// errWaitInterrupted says the wait ended because Terraform was interrupted
// (Ctrl-C), not because time ran out.
var errWaitInterrupted = errors.New("interrupted")

// awaitFinal pauses by waitPause and reads the run with get until its
// status is final, starting from run as just read. It logs its progress at
// INFO before each pause so that a long wait shows it is alive. It stops at
// ctx's deadline, measured on the run's clock, or when ctx is canceled. It
// returns the run as last read, also with an error.
func awaitFinal(ctx context.Context, run *graph.Run, get func(context.Context, string) (*graph.Run, error)) (*graph.Run, error) {
	started := clockNow()
	budget, bounded := time.Duration(0), false
	if deadline, ok := ctx.Deadline(); ok {
		budget, bounded = time.Until(deadline), true
	}
	id := run.ID
	for reads := 1; ; reads++ {
		elapsed := clockNow().Sub(started)
		if isFinal(run.Status) {
			tflog.Info(ctx, fmt.Sprintf("run %s ended with status %s after %s", id, run.Status, elapsed.Round(time.Second)))
			return run, nil
		}
		pause := waitPause(reads)
		tflog.Info(ctx, fmt.Sprintf("run %s still %s after %s", id, run.Status, elapsed.Round(time.Second)),
			map[string]any{"next_read_in": pause.String()})
		if bounded && elapsed+pause > budget {
			pause = max(budget-elapsed, 0) // the last read comes at the deadline, not after it
			if pause == 0 {
				return run, waitStopped(ctx, id, reads, context.DeadlineExceeded)
			}
		}
		if err := clockSleep(ctx, pause); err != nil {
			return run, waitStopped(ctx, id, reads, err)
		}
		latest, err := get(ctx, id)
		if err != nil {
			return run, waitStopped(ctx, id, reads, err)
		}
		run = latest
	}
}

// waitStopped words why waiting for run id ended without a final status.
func waitStopped(ctx context.Context, id string, reads int, err error) error {
	switch {
	case errors.Is(ctx.Err(), context.Canceled):
		return fmt.Errorf("%w while waiting for run %s to reach a final status (read %d times)", errWaitInterrupted, id, reads)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("timed out waiting for run %s to reach a final status (read %d times): %w", id, reads, err)
	}
	return err
}
