package run

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// readAfterStartWindow is how long after the apply that started a run a
// refresh still takes a 404 for Graph catching up (a read that reaches a
// replica that has not seen the run yet) and retries it, instead of removing
// the run from state, after which the next apply would start another. Graph
// has no DELETE for runs, so a run that has just been started and is not
// found is far more likely late than gone; five minutes covers the refresh
// right after the apply and a plan soon after it, and is within the default
// read timeout. A run adopted with run_id, or started longer ago, is
// believed gone at once.
const readAfterStartWindow = 5 * time.Minute

// startedKey is the private state Create keeps for a run it started.
const startedKey = "started"

type startedPrivate struct {
	// NotFoundUntil ends the read-after-start window.
	NotFoundUntil time.Time `json:"not_found_until"`
}

// privateGetter and privateSetter are the resource's private state (the
// framework's type is internal).
type (
	privateGetter interface {
		GetKey(ctx context.Context, key string) ([]byte, diag.Diagnostics)
	}
	privateSetter interface {
		SetKey(ctx context.Context, key string, value []byte) diag.Diagnostics
	}
)

// rememberStart opens the read-after-start window of a run Create started.
func rememberStart(ctx context.Context, private privateSetter) diag.Diagnostics {
	value, _ := json.Marshal(startedPrivate{NotFoundUntil: clockNow().Add(readAfterStartWindow).UTC()})
	return private.SetKey(ctx, startedKey, value)
}

// notFoundWindowLeft is what remains of the read-after-start window at now:
// zero for a run Create did not start, or once the window has passed.
func notFoundWindowLeft(ctx context.Context, private privateGetter, now time.Time) time.Duration {
	value, _ := private.GetKey(ctx, startedKey)
	var p startedPrivate
	if len(value) == 0 || json.Unmarshal(value, &p) != nil {
		return 0
	}
	return max(p.NotFoundUntil.Sub(now), 0)
}
