package acctest

import (
	"context"
	"sync"
	"time"
)

// Clock is a fake clock to share between the fake Graph (its Options.Now)
// and the provider's pauses (a package's settable sleep): a pause moves time
// on at once, so a test of timed behaviour waits for nothing.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock standing at start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep moves the clock on by d at once.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return ctx.Err()
}
