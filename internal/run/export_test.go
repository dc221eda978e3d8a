package run

import (
	"context"
	"time"
)

// SetClock runs a run's timed steps (a start's waits, the read-after-start
// window, wait_for_completion) on the given clock, shared with the fake
// Graph's Options.Now, until the returned restore is called. Tests that use
// it must not run in parallel with each other or with tests that wait in
// real time (resource.Test, not ParallelTest).
func SetClock(now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) (restore func()) {
	clock.Lock()
	priorNow, priorSleep := clock.now, clock.sleep
	clock.now, clock.sleep = now, sleep
	clock.Unlock()
	return func() {
		clock.Lock()
		clock.now, clock.sleep = priorNow, priorSleep
		clock.Unlock()
	}
}
