package lifecycle

import (
	"context"
	"fmt"
	"time"
)

// PollOption tunes Poll.
type PollOption func(*pollConfig)

type pollConfig struct {
	limit       int
	first, most time.Duration
}

// PollLimit stops after n attempts even when time remains.
func PollLimit(n int) PollOption { return func(c *pollConfig) { c.limit = n } }

// PollEvery sets the first pause and the longest one (pauses double in
// between). Default: 500 ms up to 10 s.
func PollEvery(first, most time.Duration) PollOption {
	return func(c *pollConfig) { c.first, c.most = first, most }
}

// Poll calls check until it reports done, with growing pauses, until ctx
// ends. The default pauses start short (the fake and a quick service answer
// fast), grow, and stay well below Graph's throttling thresholds. The error then says what it was waiting for.
func Poll(ctx context.Context, what string, check func() (bool, error), opts ...PollOption) error {
	cfg := pollConfig{first: 500 * time.Millisecond, most: 10 * time.Second}
	for _, o := range opts {
		o(&cfg)
	}
	wait := cfg.first
	for attempt := 1; ; attempt++ {
		done, err := check()
		if err != nil || done {
			return err
		}
		if cfg.limit > 0 && attempt >= cfg.limit {
			return fmt.Errorf("gave up waiting for %s after %d attempts", what, attempt)
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return fmt.Errorf("timed out waiting for %s (checked %d times): %w", what, attempt, ctx.Err())
		case <-timer.C:
		}
		wait = min(wait*2, cfg.most)
	}
}
