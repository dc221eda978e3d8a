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
	sleep       func(ctx context.Context, d time.Duration) error
}

// PollSleep replaces the pause between checks: tests pass one that advances
// a fake clock (the fake Graph's too) instead of waiting.
func PollSleep(sleep func(ctx context.Context, d time.Duration) error) PollOption {
	return func(c *pollConfig) { c.sleep = sleep }
}

// Sleep waits d, or until ctx ends (then it returns ctx's error).
func Sleep(ctx context.Context, d time.Duration) error {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-timer.C:
		return nil
	}
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
	cfg := pollConfig{first: 500 * time.Millisecond, most: 10 * time.Second, sleep: Sleep}
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
		if err := cfg.sleep(ctx, wait); err != nil {
			return fmt.Errorf("timed out waiting for %s (checked %d times): %w", what, attempt, err)
		}
		wait = min(wait*2, cfg.most)
	}
}
