package run

import (
	"context"
	"time"
)

// SetWaitClock makes wait_for_completion run on the given clock (shared with
// the fake Graph's Options.Now) until the returned restore is called. Tests
// that use it must not run in parallel with each other or with tests that
// wait in real time.
func SetWaitClock(now func() time.Time, sleep func(ctx context.Context, d time.Duration) error) (restore func()) {
	waitClock.Lock()
	prior := waitClock.now
	priorSleep := waitClock.sleep
	waitClock.now, waitClock.sleep = now, sleep
	waitClock.Unlock()
	return func() {
		waitClock.Lock()
		waitClock.now, waitClock.sleep = prior, priorSleep
		waitClock.Unlock()
	}
}
