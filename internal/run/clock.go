package run

import (
	"context"
	"sync"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// clock is the clock of every timed step of a run: a start's waits (reading
// its operation, looking for the run of a start whose outcome is unknown),
// the read-after-start window and wait_for_completion. Tests replace it with
// one the fake Graph shares (export_test.go), so that no test waits.
var clock = struct {
	sync.Mutex
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
}{now: time.Now, sleep: lifecycle.Sleep}

func clockNow() time.Time {
	clock.Lock()
	now := clock.now
	clock.Unlock()
	return now()
}

func clockSleep(ctx context.Context, d time.Duration) error {
	clock.Lock()
	sleep := clock.sleep
	clock.Unlock()
	return sleep(ctx, d)
}
