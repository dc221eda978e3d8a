package graph

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// OutcomeUnknownError is a request that is not safe to resend (a POST, such as
// starting a run) and whose outcome is unknown: the connection failed after
// the request may have been sent, or a gateway answered 504, or 503 without
// the Retry-After of throttling, neither of which says whether the service
// acted on it. It was NOT resent. A caller resolves
// it by looking at the service's state, never by sending it again.
type OutcomeUnknownError struct {
	Operation  string // what the provider was doing; set by the typed operation
	Method     string
	URL        string
	StatusCode int    // the gateway's 503 or 504; 0 for a connection failure
	RequestID  string // from the response, when there was one
	// ClientRequestID is the id the request carried: quote it to Microsoft
	// support to learn what became of it.
	ClientRequestID string
	Err             error // the connection error, or the *Error the gateway answered
}

func (e *OutcomeUnknownError) Error() string {
	var b strings.Builder
	if e.Operation != "" {
		b.WriteString(e.Operation + ": ")
	}
	fmt.Fprintf(&b, "%s %s: outcome unknown: ", e.Method, e.URL)
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, "the gateway answered HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	} else {
		b.WriteString("the connection failed after the request may have been sent")
	}
	if e.Err != nil {
		fmt.Fprintf(&b, " (%v)", e.Err)
	}
	fmt.Fprintf(&b, "; the request may or may not have taken effect, and it was not resent (client-request-id: %s)", orNone(e.ClientRequestID))
	return b.String()
}

func (e *OutcomeUnknownError) Unwrap() error { return e.Err }

// RetryError is a request the retry policy stopped retrying: the next wait
// would have passed the request's deadline (or, without one, the retry
// budget), the attempt limit was reached, or the context was cancelled while
// waiting. It says what it was waiting for. For the deadline and the budget it
// matches errors.Is(err, context.DeadlineExceeded); Err is the last answer
// (a *Error parsed from the body) or the last connection error.
type RetryError struct {
	Operation  string
	Method     string
	URL        string
	Attempts   int           // requests sent
	StatusCode int           // last status; 0 when the last attempt failed to connect
	RetryAfter string        // the last Retry-After header, as received
	Wait       time.Duration // the wait that was not started
	Left       time.Duration // time left before the bound when the provider gave up
	Reason     RetryStop
	Budget     time.Duration // the retry budget, for RetryStopBudget
	Err        error
}

// RetryStop says why the retry policy stopped.
type RetryStop string

const (
	RetryStopDeadline RetryStop = "deadline"  // the request context's deadline (the Terraform timeout)
	RetryStopBudget   RetryStop = "budget"    // the default budget of a request without a deadline
	RetryStopAttempts RetryStop = "attempts"  // the safety-net attempt limit
	RetryStopCanceled RetryStop = "cancelled" // the context ended while waiting
)

func (e *RetryError) Error() string {
	var b strings.Builder
	if e.Operation != "" {
		b.WriteString(e.Operation + ": ")
	}
	fmt.Fprintf(&b, "%s %s: ", e.Method, e.URL)
	switch {
	case e.StatusCode == http.StatusNotFound:
		b.WriteString("still not found (HTTP 404)")
	case e.StatusCode != 0:
		fmt.Fprintf(&b, "still throttled or unavailable (HTTP %d %s)", e.StatusCode, http.StatusText(e.StatusCode))
	default:
		b.WriteString("still failing to connect")
	}
	fmt.Fprintf(&b, " after %d attempts", e.Attempts)
	if e.RetryAfter != "" {
		fmt.Fprintf(&b, ", last Retry-After: %s", e.RetryAfter)
	}
	switch {
	case e.Reason == RetryStopDeadline && e.Wait == 0:
		b.WriteString("; timed out: the operation's deadline passed during the last attempt")
	case e.Reason == RetryStopDeadline:
		fmt.Fprintf(&b, "; timed out: waiting %s more would pass the operation's deadline (%s left), so the provider stopped waiting", roundWait(e.Wait), roundWait(e.Left))
	case e.Reason == RetryStopBudget:
		fmt.Fprintf(&b, "; timed out: waiting %s more would pass the retry budget of %s for a request without a deadline (%s left)", roundWait(e.Wait), e.Budget, roundWait(e.Left))
	case e.Reason == RetryStopAttempts:
		b.WriteString("; that is the retry limit")
	case e.Reason == RetryStopCanceled && e.Wait == 0:
		b.WriteString("; cancelled during the last attempt")
	case e.Reason == RetryStopCanceled:
		fmt.Fprintf(&b, "; cancelled while waiting %s to retry", roundWait(e.Wait))
	}
	if e.Err != nil {
		fmt.Fprintf(&b, "; last error: %v", e.Err)
	}
	return b.String()
}

func (e *RetryError) Unwrap() []error {
	var errs []error
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	if e.Reason == RetryStopDeadline || e.Reason == RetryStopBudget {
		errs = append(errs, context.DeadlineExceeded)
	}
	return errs
}

func roundWait(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
