package run

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

type privateMap map[string][]byte

func (p privateMap) GetKey(_ context.Context, key string) ([]byte, diag.Diagnostics) {
	return p[key], nil
}
func (p privateMap) SetKey(_ context.Context, key string, value []byte) diag.Diagnostics {
	p[key] = value
	return nil
}

// A 404 on Read is retried only within the read-after-start window of a run
// Create started: never for a run without that private state, never after it.
func TestNotFoundWindowLeft(t *testing.T) {
	ctx := context.Background()
	started := privateMap{}
	if d := rememberStart(ctx, started); d.HasError() {
		t.Fatal(d)
	}
	now := clockNow()
	tests := []struct {
		name    string
		private privateMap
		at      time.Time
		want    time.Duration
	}{
		{"adopted or imported: no window", privateMap{}, now, 0},
		{"right after the start", started, now, readAfterStartWindow},
		{"a minute later", started, now.Add(time.Minute), readAfterStartWindow - time.Minute},
		{"after the window", started, now.Add(readAfterStartWindow + time.Second), 0},
		{"unreadable private state", privateMap{startedKey: []byte(`"x"`)}, now, 0},
	}
	for _, tt := range tests {
		// rememberStart read the clock a moment before now: allow for it.
		if got := notFoundWindowLeft(ctx, tt.private, tt.at); got > tt.want || got < tt.want-time.Second {
			t.Errorf("%s: %v left, want %v", tt.name, got, tt.want)
		}
	}
}
