package run

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

// The pause between reads starts at 5 s, grows by half each time and stays
// at 30 s.
func TestWaitPauseSchedule(t *testing.T) {
	want := []time.Duration{5 * time.Second, 7500 * time.Millisecond, 11250 * time.Millisecond, 16875 * time.Millisecond,
		25312500 * time.Microsecond, 30 * time.Second, 30 * time.Second}
	for n, w := range want {
		if got := waitPause(n + 1); got != w {
			t.Errorf("pause after read %d: %s, want %s", n+1, got, w)
		}
	}
	if got := waitPause(1000); got != waitMostPause {
		t.Errorf("pause after read 1000: %s, want the cap %s", got, waitMostPause)
	}
}

// fakeWaitClock moves on by each pause at once.
type fakeWaitClock struct{ now time.Time }

func (c *fakeWaitClock) Now() time.Time { return c.now }
func (c *fakeWaitClock) Sleep(ctx context.Context, d time.Duration) error {
	c.now = c.now.Add(d)
	return ctx.Err()
}

// runEndingAt is a GetRun whose run is running until the clock reaches end.
func runEndingAt(c *fakeWaitClock, end time.Time, reads *[]time.Time) func(context.Context, string) (*graph.Run, error) {
	return func(_ context.Context, id string) (*graph.Run, error) {
		*reads = append(*reads, c.now)
		if c.now.Before(end) {
			return &graph.Run{ID: id, Status: "running"}, nil
		}
		return &graph.Run{ID: id, Status: "completed"}, nil
	}
}

func useWaitClock(t *testing.T) *fakeWaitClock {
	c := &fakeWaitClock{now: time.Date(2026, 1, 5, 8, 0, 0, 0, time.UTC)}
	t.Cleanup(SetClock(c.Now, c.Sleep))
	return c
}

// A run just read running that ends after a minute is read again on the
// schedule, and each read is logged at INFO with the time waited.
func TestAwaitFinalPollsWithBackoffAndLogsProgress(t *testing.T) {
	c := useWaitClock(t)
	start := c.now
	var reads []time.Time
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	run, err := awaitFinal(ctx, &graph.Run{ID: "r1", Status: "running"}, runEndingAt(c, start.Add(time.Minute), &reads))
	if err != nil || run.Status != "completed" {
		t.Fatalf("awaitFinal: %v, %v", run, err)
	}
	var offsets []string
	for _, at := range reads {
		offsets = append(offsets, at.Sub(start).String())
	}
	if got, want := strings.Join(offsets, " "), "5s 12.5s 23.75s 40.625s 1m5.9375s"; got != want {
		t.Errorf("reads at %s, want %s", got, want)
	}
	entries, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	var messages []string
	for _, e := range entries {
		if e["@level"] == "info" {
			messages = append(messages, e["@message"].(string))
		}
	}
	want := []string{"run r1 still running after 0s", "run r1 still running after 5s", "run r1 still running after 13s",
		"run r1 still running after 24s", "run r1 still running after 41s", "run r1 ended with status completed after 1m6s"}
	if strings.Join(messages, "\n") != strings.Join(want, "\n") {
		t.Errorf("INFO logs:\n%s\nwant:\n%s", strings.Join(messages, "\n"), strings.Join(want, "\n"))
	}
}

// The create timeout bounds the wait on the wait's clock: the last read
// comes at the deadline, and the error says what it was waiting for.
func TestAwaitFinalStopsAtTheDeadline(t *testing.T) {
	c := useWaitClock(t)
	start := c.now
	var reads []time.Time
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	run, err := awaitFinal(ctx, &graph.Run{ID: "r1", Status: "running"}, runEndingAt(c, start.Add(time.Hour), &reads))
	if err == nil || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "timed out waiting for run r1 to reach a final status") {
		t.Fatalf("error %v, want a timeout naming the run", err)
	}
	if run == nil || run.Status != "running" {
		t.Errorf("run %v, want the run as last read", run)
	}
	last := reads[len(reads)-1].Sub(start)
	if last > 2*time.Minute || last < 2*time.Minute-time.Second {
		t.Errorf("last read %s after the start, want at the 2 min deadline", last)
	}
}

// An interrupted wait (Ctrl-C cancels the context) says so, and returns the
// run as last read.
func TestAwaitFinalInterrupted(t *testing.T) {
	c := useWaitClock(t)
	ctx, cancel := context.WithCancel(context.Background())
	var reads []time.Time
	get := runEndingAt(c, c.now.Add(time.Hour), &reads)
	run, err := awaitFinal(ctx, &graph.Run{ID: "r1", Status: "running"}, func(ctx context.Context, id string) (*graph.Run, error) {
		cancel() // Terraform is interrupted during the first read
		return get(ctx, id)
	})
	if !errors.Is(err, errWaitInterrupted) || run == nil || run.Status != "running" || len(reads) != 1 {
		t.Fatalf("awaitFinal: run %v, error %v after %d reads; want the run as read once and an interruption", run, err, len(reads))
	}
}
