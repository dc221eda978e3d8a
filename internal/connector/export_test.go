package connector

import (
	"context"
	"time"
)

// SetValidationSleep replaces the pause between two reads of a validation
// operation until the returned restore is called. Tests that use it must
// not run in parallel with each other.
func SetValidationSleep(f func(ctx context.Context, d time.Duration) error) (restore func()) {
	validationSleep.Lock()
	prior := validationSleep.f
	validationSleep.f = f
	validationSleep.Unlock()
	return func() {
		validationSleep.Lock()
		validationSleep.f = prior
		validationSleep.Unlock()
	}
}
