package run

import (
	"context"
	"time"
)

// SetStartClock runs a start's waits and its read-after-start window on the
// given clock until the returned restore is called. Tests that use it must
// not run in parallel with each other (resource.Test, not ParallelTest).
func SetStartClock(now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) (restore func()) {
	startClock.Lock()
	priorNow, priorSleep := startClock.now, startClock.sleep
	startClock.now, startClock.sleep = now, sleep
	startClock.Unlock()
	return func() {
		startClock.Lock()
		startClock.now, startClock.sleep = priorNow, priorSleep
		startClock.Unlock()
	}
}
