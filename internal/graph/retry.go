package graph

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	khttp "github.com/microsoft/kiota-http-go"
)

// The retry policy's defaults; Options overrides each.
const (
	DefaultRetryBaseDelay   = time.Second
	DefaultRetryMaxWait     = 30 * time.Second
	DefaultRetryBudget      = 5 * time.Minute
	DefaultRetryMaxAttempts = 20
)

// notFoundRetryKey carries WithNotFoundRetry's window.
type notFoundRetryKey struct{}

// WithNotFoundRetry returns a context under which GET requests that answer 404
// are retried until window has passed since the first attempt (within the
// context's deadline), for reads right after a run was started or adopted,
// which Graph may not find for a short while (eventual consistency). Without
// it, a 404 is believed at once: a refresh of a run long in state must not
// wait on every plan.
func WithNotFoundRetry(ctx context.Context, window time.Duration) context.Context {
	return context.WithValue(ctx, notFoundRetryKey{}, window)
}

func notFoundWindow(ctx context.Context) time.Duration {
	w, _ := ctx.Value(notFoundRetryKey{}).(time.Duration)
	return w
}

// retryHandler is the provider's one retry policy, a kiota middleware placed
// right after the telemetry handler (so every attempt carries the same
// client-request-id) and before logging (so every attempt is logged):
//
//   - 429, 503, 504 and connection errors are retried for idempotent methods
//     (GET, HEAD, PUT, DELETE, PATCH — a PATCH resends the same body).
//   - A POST is resent only when it was throttled: on 429, or on 503 with a
//     Retry-After (see decideResend). Any other 503, a 504, or a connection
//     that failed after the request may have been sent end in
//     *OutcomeUnknownError, never in a resend; a POST whose connection could
//     not even be opened is known not to have been sent and returns its
//     error as is.
//   - 404 is retried for GET and HEAD only under WithNotFoundRetry.
//   - Waits honour Retry-After (seconds or an HTTP date), else exponential
//     backoff with full jitter (RetryBaseDelay doubling, at most RetryMaxWait).
//   - No wait is started that would pass the context's deadline, or without
//     one the RetryBudget from the first attempt; RetryMaxAttempts is a safety
//     net. Giving up returns *RetryError saying what it waited for.
//
// It also makes sure kiota can read every error response as a Graph error
// (see normalizeErrorBody), so that no failure loses its HTTP status.
type retryHandler struct {
	base, maxWait, budget time.Duration
	maxAttempts           int
	mask                  *strings.Replacer

	// Replaced in tests.
	now    func() time.Time
	sleep  func(ctx context.Context, d time.Duration) error
	jitter func() float64 // uniform in [0, 1)
}

func newRetryHandler(opts Options, secrets []string) *retryHandler {
	h := &retryHandler{
		base:        opts.RetryBaseDelay,
		maxWait:     opts.RetryMaxWait,
		budget:      opts.RetryBudget,
		maxAttempts: opts.RetryMaxAttempts,
		mask:        newLoggingHandler(secrets).mask,
		now:         time.Now,
		sleep:       sleepContext,
		jitter:      rand.Float64,
	}
	if h.base <= 0 {
		h.base = DefaultRetryBaseDelay
	}
	if h.maxWait <= 0 {
		h.maxWait = DefaultRetryMaxWait
	}
	if h.budget <= 0 {
		h.budget = DefaultRetryBudget
	}
	if h.maxAttempts <= 0 {
		h.maxAttempts = DefaultRetryMaxAttempts
	}
	return h
}

func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// idempotentMethods may be sent twice with the effect of once.
var idempotentMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodOptions: true, http.MethodTrace: true,
	http.MethodPut: true, http.MethodDelete: true, http.MethodPatch: true,
}

// retryState is one request's progress through the policy.
type retryState struct {
	h          *retryHandler
	req        *http.Request
	body       []byte
	idempotent bool
	start      time.Time
	bound      time.Time // the deadline, or start + budget
	byDeadline bool
	nfWindow   time.Duration
	retries    int // waits started so far
}

func (h *retryHandler) Intercept(pipeline khttp.Pipeline, index int, req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	st := &retryState{h: h, req: req, idempotent: idempotentMethods[req.Method], start: h.now()}
	if req.Body != nil && req.Body != http.NoBody {
		// Kiota's bodies are small JSON documents; keeping the bytes lets each
		// attempt send a fresh copy, whatever later middleware does to it.
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		st.body = body
	}
	if d, ok := ctx.Deadline(); ok {
		st.bound, st.byDeadline = d, true
	} else {
		st.bound = st.start.Add(h.budget)
	}
	if req.Method == http.MethodGet || req.Method == http.MethodHead {
		st.nfWindow = notFoundWindow(ctx)
	}

	for attempt := 1; ; attempt++ {
		resp, err := pipeline.Next(st.attempt(attempt), index)
		if err != nil {
			if done := st.onError(attempt, err); done != nil {
				return nil, done
			}
			continue
		}
		out, outErr, retry := st.onResponse(attempt, resp)
		if !retry {
			return out, outErr
		}
	}
}

// attempt is a fresh copy of the request for one attempt.
func (st *retryState) attempt(n int) *http.Request {
	r := st.req.Clone(st.req.Context())
	if st.body != nil {
		body := st.body
		r.Body = khttp.NopCloser(bytes.NewReader(body))
		r.GetBody = func() (io.ReadCloser, error) { return khttp.NopCloser(bytes.NewReader(body)), nil }
		r.ContentLength = int64(len(body))
	}
	if n > 1 {
		// Graph's convention: how many times the request has been retried.
		r.Header.Set("Retry-Attempt", strconv.Itoa(n-1))
	}
	return r
}

// onError decides about a transport error: nil means retry (after a wait
// that has been taken), anything else is the error to return.
func (st *retryState) onError(attempt int, err error) error {
	ctx := st.req.Context()
	sent := !notSent(err)
	switch {
	case !st.idempotent && sent:
		return st.outcomeUnknown(0, "", err)
	case ctx.Err() != nil:
		if attempt == 1 {
			return err
		}
		why := RetryStopCanceled
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			why = RetryStopDeadline
		}
		return st.giveUp(attempt, 0, "", 0, why, err)
	case !st.idempotent, permanent(err):
		return err
	}
	wait := st.backoff()
	if stop := st.wouldStop(attempt, wait); stop != "" {
		return st.giveUp(attempt, 0, "", wait, stop, err)
	}
	st.log("Graph connection failed, retrying", attempt, wait, map[string]any{"error": st.h.mask.Replace(err.Error())})
	if err := st.h.sleep(ctx, wait); err != nil {
		return st.giveUp(attempt, 0, "", wait, RetryStopCanceled, err)
	}
	return nil
}

// onResponse decides about an answer: retry, or return (resp, err).
func (st *retryState) onResponse(attempt int, resp *http.Response) (*http.Response, error, bool) {
	ctx := st.req.Context()
	status := resp.StatusCode
	retryAfter := resp.Header.Get("Retry-After")
	wait, hasRetryAfter := parseRetryAfter(retryAfter, st.h.now())
	var message string
	switch decideResend(st.idempotent, status, hasRetryAfter) {
	case resendThrottled:
		message = "Graph request throttled, retrying"
	case notResentOutcomeUnknown:
		return nil, st.outcomeUnknown(status, resp.Header.Get("request-id"), readError(resp)), false
	default:
		if status != http.StatusNotFound || st.nfWindow <= 0 {
			return normalizeErrorBody(resp), nil, false
		}
		message = "Graph object not found yet, retrying"
	}

	if !hasRetryAfter {
		wait = st.backoff()
	}
	if status == http.StatusNotFound && st.h.now().Add(wait).Sub(st.start) > st.nfWindow {
		// The window for read-after-write is over: the 404 is believed.
		return normalizeErrorBody(resp), nil, false
	}
	if stop := st.wouldStop(attempt, wait); stop != "" {
		if status == http.StatusNotFound {
			return normalizeErrorBody(resp), nil, false
		}
		return nil, st.giveUp(attempt, status, retryAfter, wait, stop, readError(resp)), false
	}
	fields := map[string]any{"status": status, "request_id": resp.Header.Get("request-id")}
	if retryAfter != "" {
		fields["retry_after"] = retryAfter
	}
	drain(resp)
	st.log(message, attempt, wait, fields)
	if err := st.h.sleep(ctx, wait); err != nil {
		return nil, st.giveUp(attempt, status, retryAfter, wait, RetryStopCanceled, err), false
	}
	return nil, nil, true
}

// resendDecision is what the retry policy does with an answer.
type resendDecision int

const (
	notResent               resendDecision = iota // the answer is returned as it is
	resendThrottled                               // the request was refused: wait, then send it again
	notResentOutcomeUnknown                       // the request may have been processed: never resent
)

// decideResend is the policy's table for answers (a 404 inside a
// read-after-write window aside). Graph throttles with 429, and with 503 and
// 504 as well; a throttled request was refused, so sending it again is safe.
// But a 503 or a 504 can also come from a gateway after the service acted,
// so a request that is not idempotent (a POST: starting a run) is resent only
// on a 429, or on a 503 that carries Retry-After, the mark of throttling. Any
// other 503, and every 504, leave its outcome unknown.
func decideResend(idempotent bool, status int, hasRetryAfter bool) resendDecision {
	switch status {
	case http.StatusTooManyRequests:
		return resendThrottled
	case http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		if idempotent || status == http.StatusServiceUnavailable && hasRetryAfter {
			return resendThrottled
		}
		return notResentOutcomeUnknown
	}
	return notResent
}

// backoff is the next exponential wait with full jitter.
func (st *retryState) backoff() time.Duration {
	st.retries++
	ceiling := st.h.base
	for i := 1; i < st.retries && ceiling < st.h.maxWait; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, st.h.maxWait)
	return time.Duration(st.h.jitter() * float64(ceiling))
}

// wouldStop says why a wait must not be started, or "".
func (st *retryState) wouldStop(attempt int, wait time.Duration) RetryStop {
	switch {
	case attempt >= st.h.maxAttempts:
		return RetryStopAttempts
	case !st.h.now().Add(wait).Before(st.bound):
		if st.byDeadline {
			return RetryStopDeadline
		}
		return RetryStopBudget
	}
	return ""
}

func (st *retryState) giveUp(attempt, status int, retryAfter string, wait time.Duration, why RetryStop, err error) error {
	e := &RetryError{
		Method: st.req.Method, URL: st.url(), Attempts: attempt, StatusCode: status,
		RetryAfter: retryAfter, Wait: wait, Reason: why, Err: err,
	}
	if why == RetryStopDeadline || why == RetryStopBudget {
		e.Left = max(st.bound.Sub(st.h.now()), 0)
	}
	if why == RetryStopBudget {
		e.Budget = st.h.budget
	}
	return e
}

func (st *retryState) outcomeUnknown(status int, requestID string, err error) error {
	return &OutcomeUnknownError{
		Method: st.req.Method, URL: st.url(), StatusCode: status, RequestID: requestID,
		ClientRequestID: st.req.Header.Get("client-request-id"), Err: err,
	}
}

func (st *retryState) url() string { return st.h.mask.Replace(st.req.URL.String()) }

func (st *retryState) log(message string, attempt int, wait time.Duration, fields map[string]any) {
	fields["method"] = st.req.Method
	fields["url"] = st.url()
	fields["attempt"] = attempt
	fields["wait"] = wait.String()
	fields["wait_ms"] = wait.Milliseconds()
	fields["client_request_id"] = st.req.Header.Get("client-request-id")
	tflog.Info(st.req.Context(), message, fields)
}

// parseRetryAfter reads Retry-After as delay-seconds or as an HTTP date
// (RFC 1123, or the other forms HTTP allows). A date in the past is no wait.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || math.IsNaN(secs) {
			return 0, false
		}
		if secs >= float64(math.MaxInt64/int64(time.Second)) {
			return time.Duration(math.MaxInt64), true
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// notSent reports errors raised before any byte of the request left: it could
// not have taken effect.
func notSent(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns) || isTLSFailure(err)
}

// permanent errors do not heal by retrying.
func permanent(err error) bool { return isTLSFailure(err) }

func isTLSFailure(err error) bool {
	var verify *tls.CertificateVerificationError
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	return errors.As(err, &verify) || errors.As(err, &unknownAuthority) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.As(err, &record)
}

// drain lets the connection be reused before the response is dropped.
func drain(resp *http.Response) {
	if resp.Body != nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxErrorBody))
		resp.Body.Close()
	}
}
