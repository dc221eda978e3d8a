package graph

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	khttp "github.com/microsoft/kiota-http-go"
)

// fakeClock is the retry handler's clock in tests: sleeping advances it and
// records the wait, so no test really waits.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	waits []time.Duration
}

func newFakeClock() *fakeClock {
	// A whole second, so that HTTP dates (second resolution) are exact.
	return &fakeClock{t: time.Now().Truncate(time.Second)}
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.waits = append(c.waits, d)
	c.t = c.t.Add(d)
	return ctx.Err()
}

func (c *fakeClock) recorded() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waits...)
}

// step is one scripted answer of the test server.
type step struct {
	status     int
	retryAfter string // "date+N" sends an HTTP date N seconds after the fake clock's now
	drop       bool   // close the connection without answering
	body       string
}

// seen is what the server received in one attempt.
type seen struct {
	method, body, clientRequestID, retryAttempt string
}

// scriptServer answers with steps in order, then repeats the last one.
type scriptServer struct {
	*httptest.Server
	clock *fakeClock
	mu    sync.Mutex
	steps []step
	got   []seen
}

func newScriptServer(t *testing.T, clock *fakeClock, steps ...step) *scriptServer {
	t.Helper()
	s := &scriptServer{clock: clock, steps: steps}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *scriptServer) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	s.got = append(s.got, seen{r.Method, string(body), r.Header.Get("client-request-id"), r.Header.Get("Retry-Attempt")})
	st := s.steps[min(len(s.got), len(s.steps))-1]
	s.mu.Unlock()
	if st.drop {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	w.Header().Set("request-id", "req-"+http.StatusText(st.status))
	switch {
	case strings.HasPrefix(st.retryAfter, "date+"):
		d, _ := time.ParseDuration(strings.TrimPrefix(st.retryAfter, "date+") + "s")
		w.Header().Set("Retry-After", s.clock.now().Add(d).UTC().Format(http.TimeFormat))
	case st.retryAfter != "":
		w.Header().Set("Retry-After", st.retryAfter)
	}
	if st.status >= 400 {
		w.Header().Set("Content-Type", "application/json")
		if st.body == "" {
			st.body = `{"error":{"code":"` + strings.ReplaceAll(http.StatusText(st.status), " ", "") + `","message":"scripted"}}`
		}
	}
	w.WriteHeader(st.status)
	io.WriteString(w, st.body)
}

func (s *scriptServer) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.got...)
}

// testHandler is a retry handler on a fake clock with a fixed jitter of one
// half: backoff waits are half their ceiling.
func testHandler(clock *fakeClock, opts Options) *retryHandler {
	h := newRetryHandler(opts, []string{"s3cret"})
	h.now, h.sleep, h.jitter = clock.now, clock.sleep, func() float64 { return 0.5 }
	return h
}

// do sends one request through the handler, as kiota's pipeline would, with
// a client-request-id set by the telemetry handler before it.
func do(ctx context.Context, h *retryHandler, method, url, body string) (*http.Response, error) {
	client := &http.Client{Transport: khttp.NewCustomTransportWithParentTransport(http.DefaultTransport, h)}
	var rd io.Reader
	if body != "" {
		rd = khttp.NopCloser(bytes.NewReader([]byte(body)))
	}
	req, err := http.NewRequestWithContext(ctx, method, url, rd)
	if err != nil {
		return nil, err
	}
	req.Header.Set("client-request-id", "11111111-2222-3333-4444-555555555555")
	resp, err := client.Do(req)
	if resp != nil {
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		resp.Body = io.NopCloser(bytes.NewReader(b))
	}
	return resp, err
}

func TestRetryPolicy(t *testing.T) {
	type outcome int
	const (
		succeeds outcome = iota // the final answer is returned, whatever its status
		unknown                 // *OutcomeUnknownError
		gaveUp                  // *RetryError
	)
	tests := []struct {
		name       string
		method     string
		body       string
		steps      []step
		notFound   time.Duration // WithNotFoundRetry window
		deadline   time.Duration // 0: no deadline (the budget applies)
		opts       Options
		wantStatus int // for succeeds
		want       outcome
		wantStop   RetryStop
		attempts   int
		waits      []time.Duration
	}{
		{
			name: "429 with Retry-After seconds is retried after that wait", method: http.MethodGet,
			steps: []step{{status: 429, retryAfter: "2"}, {status: 200}}, wantStatus: 200, attempts: 2,
			waits: []time.Duration{2 * time.Second},
		},
		{
			name: "Retry-After as an HTTP date is honoured", method: http.MethodGet,
			steps: []step{{status: 429, retryAfter: "date+7"}, {status: 200}}, wantStatus: 200, attempts: 2,
			waits: []time.Duration{7 * time.Second},
		},
		{
			name: "Retry-After with a fraction of a second", method: http.MethodGet,
			steps: []step{{status: 503, retryAfter: "0.25"}, {status: 200}}, wantStatus: 200, attempts: 2,
			waits: []time.Duration{250 * time.Millisecond},
		},
		{
			name: "503 and 504 without Retry-After back off exponentially with jitter", method: http.MethodGet,
			steps: []step{{status: 503}, {status: 504}, {status: 503}, {status: 200}}, wantStatus: 200, attempts: 4,
			waits: []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second},
		},
		{
			name: "a malformed Retry-After falls back to backoff", method: http.MethodGet,
			steps: []step{{status: 429, retryAfter: "soon"}, {status: 200}}, wantStatus: 200, attempts: 2,
			waits: []time.Duration{500 * time.Millisecond},
		},
		{
			name: "backoff is capped per wait", method: http.MethodGet, opts: Options{RetryBaseDelay: 10 * time.Second, RetryMaxWait: 12 * time.Second},
			steps: []step{{status: 503}, {status: 503}, {status: 503}, {status: 200}}, wantStatus: 200, attempts: 4,
			waits: []time.Duration{5 * time.Second, 6 * time.Second, 6 * time.Second},
		},
		{
			name: "PATCH is retried on 503 with the same body", method: http.MethodPatch, body: `{"displayName":"x"}`,
			steps: []step{{status: 503, retryAfter: "1"}, {status: 200}}, wantStatus: 200, attempts: 2,
			waits: []time.Duration{time.Second},
		},
		{
			name: "PUT and DELETE are idempotent too", method: http.MethodDelete,
			steps: []step{{status: 504, retryAfter: "1"}, {status: 204}}, wantStatus: 204, attempts: 2,
			waits: []time.Duration{time.Second},
		},
		{
			name: "POST is retried on 429: the service refused it", method: http.MethodPost,
			steps: []step{{status: 429, retryAfter: "3"}, {status: 202}}, wantStatus: 202, attempts: 2,
			waits: []time.Duration{3 * time.Second},
		},
		{
			name: "POST answered 503 was throttled, not processed, and is resent", method: http.MethodPost,
			steps: []step{{status: 503, retryAfter: "1"}, {status: 202}}, wantStatus: 202, attempts: 2,
			waits: []time.Duration{time.Second},
		},
		{
			name: "POST answered 503 without Retry-After has an unknown outcome and is not resent", method: http.MethodPost,
			steps: []step{{status: 503}, {status: 202}}, want: unknown, attempts: 1,
		},
		{
			name: "POST answered 504 has an unknown outcome and is not resent", method: http.MethodPost,
			steps: []step{{status: 504}, {status: 202}}, want: unknown, attempts: 1,
		},
		{
			name: "other errors are not retried", method: http.MethodGet,
			steps: []step{{status: 400}, {status: 200}}, wantStatus: 400, attempts: 1,
		},
		{
			name: "500 is not retried", method: http.MethodGet,
			steps: []step{{status: 500}, {status: 200}}, wantStatus: 500, attempts: 1,
		},
		{
			name: "404 is believed at once without WithNotFoundRetry", method: http.MethodGet,
			steps: []step{{status: 404}, {status: 200}}, wantStatus: 404, attempts: 1,
		},
		{
			name: "404 is retried within the read-after-write window", method: http.MethodGet, notFound: 30 * time.Second,
			steps: []step{{status: 404}, {status: 404}, {status: 200}}, wantStatus: 200, attempts: 3,
			waits: []time.Duration{500 * time.Millisecond, time.Second},
		},
		{
			name: "404 is believed once the window is over", method: http.MethodGet, notFound: 3 * time.Second,
			steps: []step{{status: 404}}, wantStatus: 404, attempts: 3,
			waits: []time.Duration{500 * time.Millisecond, time.Second}, // the next (2s) would end after 3.5s
		},
		{
			name: "the window never applies to writes", method: http.MethodPatch, body: "{}", notFound: 30 * time.Second,
			steps: []step{{status: 404}, {status: 200}}, wantStatus: 404, attempts: 1,
		},
		{
			name: "no wait starts that would pass the deadline", method: http.MethodGet, deadline: 10 * time.Second,
			steps: []step{{status: 429, retryAfter: "4"}, {status: 429, retryAfter: "4"}, {status: 429, retryAfter: "4"}, {status: 200}},
			want:  gaveUp, wantStop: RetryStopDeadline, attempts: 3, waits: []time.Duration{4 * time.Second, 4 * time.Second},
		},
		{
			name: "a Retry-After longer than the deadline gives up at once", method: http.MethodGet, deadline: 10 * time.Second,
			steps: []step{{status: 429, retryAfter: "120"}, {status: 200}}, want: gaveUp, wantStop: RetryStopDeadline, attempts: 1,
		},
		{
			name: "without a deadline the budget bounds the retries", method: http.MethodGet, opts: Options{RetryBudget: 10 * time.Second},
			steps: []step{{status: 503, retryAfter: "3"}}, want: gaveUp, wantStop: RetryStopBudget, attempts: 4,
			waits: []time.Duration{3 * time.Second, 3 * time.Second, 3 * time.Second},
		},
		{
			name: "the attempt limit is a safety net", method: http.MethodGet, opts: Options{RetryMaxAttempts: 4},
			steps: []step{{status: 429, retryAfter: "0"}}, want: gaveUp, wantStop: RetryStopAttempts, attempts: 4,
			waits: []time.Duration{0, 0, 0},
		},
		{
			name: "a dropped GET is retried", method: http.MethodGet,
			steps: []step{{drop: true}, {status: 200}}, wantStatus: 200, attempts: 2,
			waits: []time.Duration{500 * time.Millisecond},
		},
		{
			name: "a dropped PATCH is retried with the same body", method: http.MethodPatch, body: `{"status":"completed"}`,
			steps: []step{{drop: true}, {drop: true}, {status: 200}}, wantStatus: 200, attempts: 3,
			waits: []time.Duration{500 * time.Millisecond, time.Second},
		},
		{
			name: "a dropped POST has an unknown outcome and is not resent", method: http.MethodPost,
			steps: []step{{drop: true}, {status: 202}}, want: unknown, attempts: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			srv := newScriptServer(t, clock, tt.steps...)
			h := testHandler(clock, tt.opts)
			ctx := context.Background()
			if tt.deadline > 0 {
				// The fake clock starts now, so a real deadline this far
				// ahead is reached only by the fake clock's waits.
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, clock.now().Add(tt.deadline))
				defer cancel()
			}
			if tt.notFound > 0 {
				ctx = WithNotFoundRetry(ctx, tt.notFound)
			}
			resp, err := do(ctx, h, tt.method, srv.URL+"/beta/external/industryData/runs", tt.body)

			var ou *OutcomeUnknownError
			var re *RetryError
			switch tt.want {
			case succeeds:
				if err != nil || resp.StatusCode != tt.wantStatus {
					t.Fatalf("got %v, %v; want HTTP %d", resp, err, tt.wantStatus)
				}
			case unknown:
				if !errors.As(err, &ou) {
					t.Fatalf("want *OutcomeUnknownError, got %v, %v", resp, err)
				}
				if ou.Method != tt.method || ou.ClientRequestID == "" || !strings.Contains(ou.Error(), "not resent") {
					t.Errorf("error lacks detail: %+v: %v", ou, ou)
				}
			case gaveUp:
				if !errors.As(err, &re) || re.Reason != tt.wantStop || re.Attempts != tt.attempts {
					t.Fatalf("want *RetryError stopped by %s after %d attempts, got %v, %v", tt.wantStop, tt.attempts, resp, err)
				}
				if (tt.wantStop == RetryStopDeadline || tt.wantStop == RetryStopBudget) != errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("errors.Is(DeadlineExceeded) wrong for %s: %v", tt.wantStop, err)
				}
				var ge *Error
				if !errors.As(err, &ge) || ge.StatusCode != re.StatusCode || ge.Code == "" {
					t.Errorf("the last answer is not kept as *Error: %v", err)
				}
			}

			got := srv.requests()
			if len(got) != tt.attempts {
				t.Errorf("server saw %d attempts, want %d", len(got), tt.attempts)
			}
			for i, r := range got {
				if r.method != tt.method || r.body != tt.body || r.clientRequestID != got[0].clientRequestID {
					t.Errorf("attempt %d differs from the first: %+v vs %+v", i+1, r, got[0])
				}
				if want := map[bool]string{true: "", false: string(rune('0' + i))}[i == 0]; r.retryAttempt != want {
					t.Errorf("attempt %d: Retry-Attempt %q, want %q", i+1, r.retryAttempt, want)
				}
			}
			if diff := cmp.Diff(tt.waits, clock.recorded()); diff != "" {
				t.Errorf("waits (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecideResend is the policy's table: which answers are resent, for
// which methods, and which leave a request's outcome unknown.
func TestDecideResend(t *testing.T) {
	tests := []struct {
		method        string
		status        int
		hasRetryAfter bool
		want          resendDecision
	}{
		{http.MethodGet, 429, false, resendThrottled},
		{http.MethodGet, 503, false, resendThrottled},
		{http.MethodGet, 504, false, resendThrottled},
		{http.MethodPatch, 503, false, resendThrottled},
		{http.MethodPatch, 504, true, resendThrottled},
		{http.MethodDelete, 504, false, resendThrottled},
		{http.MethodPost, 429, false, resendThrottled},
		{http.MethodPost, 429, true, resendThrottled},
		{http.MethodPost, 503, true, resendThrottled},
		{http.MethodPost, 503, false, notResentOutcomeUnknown},
		{http.MethodPost, 504, false, notResentOutcomeUnknown},
		{http.MethodPost, 504, true, notResentOutcomeUnknown},
		{http.MethodGet, 500, true, notResent},
		{http.MethodPost, 500, false, notResent},
		{http.MethodPost, 409, false, notResent},
		{http.MethodGet, 404, false, notResent},
		{http.MethodPost, 202, true, notResent},
	}
	names := map[resendDecision]string{notResent: "answer", resendThrottled: "resend", notResentOutcomeUnknown: "outcome unknown"}
	for _, tt := range tests {
		if got := decideResend(idempotentMethods[tt.method], tt.status, tt.hasRetryAfter); got != tt.want {
			t.Errorf("%s answered %d (Retry-After: %v): %s, want %s", tt.method, tt.status, tt.hasRetryAfter, names[got], names[tt.want])
		}
	}
}

func TestRetryPolicy_connectionFailures(t *testing.T) {
	// A port that refuses connections: listen, note the address, close.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/beta/x"
	l.Close()

	t.Run("POST that could not connect was not sent: plain error, no retry", func(t *testing.T) {
		clock := newFakeClock()
		_, err := do(context.Background(), testHandler(clock, Options{}), http.MethodPost, closed, "")
		var ou *OutcomeUnknownError
		if err == nil || errors.As(err, &ou) || len(clock.recorded()) != 0 {
			t.Fatalf("got %v after waits %v", err, clock.recorded())
		}
	})
	t.Run("GET that cannot connect is retried until the attempt limit", func(t *testing.T) {
		clock := newFakeClock()
		_, err := do(context.Background(), testHandler(clock, Options{RetryMaxAttempts: 3}), http.MethodGet, closed, "")
		var re *RetryError
		if !errors.As(err, &re) || re.Attempts != 3 || re.StatusCode != 0 || !strings.Contains(re.Error(), "still failing to connect after 3 attempts") {
			t.Fatalf("got %v", err)
		}
		if len(clock.recorded()) != 2 {
			t.Errorf("waits %v", clock.recorded())
		}
	})
}

// TestRetryPolicy_logsEachWait checks the INFO line of each wait and that it
// names the request and its ids.
func TestRetryPolicy_logsEachWait(t *testing.T) {
	clock := newFakeClock()
	srv := newScriptServer(t, clock, step{status: 429, retryAfter: "2"}, step{status: 503, retryAfter: "1"}, step{status: 200})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	if _, err := do(ctx, testHandler(clock, Options{}), http.MethodGet, srv.URL+"/beta/runs?secret=s3cret", ""); err != nil {
		t.Fatal(err)
	}
	lines, err := tflogtest.MultilineJSONDecode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	var waits []map[string]any
	for _, l := range lines {
		if l["@message"] == "Graph request throttled, retrying" {
			waits = append(waits, l)
		}
	}
	if len(waits) != 2 {
		t.Fatalf("want 2 wait lines, got %d in %v", len(waits), lines)
	}
	for i, want := range []struct {
		status float64
		wait   string
	}{{429, "2s"}, {503, "1s"}} {
		l := waits[i]
		if l["@level"] != "info" || l["status"] != want.status || l["wait"] != want.wait || l["attempt"] != float64(i+1) ||
			l["method"] != "GET" || l["request_id"] == "" || l["client_request_id"] != "11111111-2222-3333-4444-555555555555" {
			t.Errorf("line %d: %v", i, l)
		}
		if u, _ := l["url"].(string); strings.Contains(u, "s3cret") || !strings.Contains(u, "/beta/runs") {
			t.Errorf("url not masked: %q", u)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2024, 5, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"0", 0, true},
		{"30", 30 * time.Second, true},
		{" 5 ", 5 * time.Second, true},
		{"Wed, 01 May 2024 08:00:10 GMT", 10 * time.Second, true},
		{"Wednesday, 01-May-24 08:01:00 GMT", time.Minute, true}, // RFC 850, also HTTP
		{"Wed, 01 May 2024 07:59:00 GMT", 0, true},               // in the past: no wait
		{"1e30", time.Duration(1<<63 - 1), true},
		{"-1", 0, false},
		{"", 0, false},
		{"soon", 0, false},
		{"NaN", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRetryError_saysWhatItWaitedFor(t *testing.T) {
	e := &RetryError{Operation: "reading industryData run 1", Method: "GET", URL: "https://g/beta/runs/1", Attempts: 3,
		StatusCode: 429, RetryAfter: "120", Wait: 2 * time.Minute, Left: 9 * time.Second, Reason: RetryStopDeadline}
	want := "reading industryData run 1: GET https://g/beta/runs/1: still throttled or unavailable (HTTP 429 Too Many Requests) after 3 attempts, last Retry-After: 120; timed out: waiting 2m0s more would pass the operation's deadline (9s left), so the provider stopped waiting"
	if e.Error() != want {
		t.Errorf("got  %q\nwant %q", e.Error(), want)
	}
}

func TestWrapError_namesRetryErrors(t *testing.T) {
	inner := &Error{StatusCode: 503, Code: "serviceUnavailable"}
	ou := wrapError("starting an industryData run", &OutcomeUnknownError{Method: "POST", URL: "u", StatusCode: 503, Err: inner})
	var got *OutcomeUnknownError
	if !errors.As(ou, &got) || got.Operation != "starting an industryData run" || !strings.HasPrefix(ou.Error(), "starting an industryData run: POST u: outcome unknown") {
		t.Errorf("got %v", ou)
	}
	re := wrapErrorKind(KindReadRun, "reading run 1", &RetryError{Method: "GET", URL: "u", Reason: RetryStopBudget, Err: inner})
	var gotRE *RetryError
	if !errors.As(re, &gotRE) || gotRE.Operation != "reading run 1" || !errors.Is(re, context.DeadlineExceeded) {
		t.Errorf("got %v", re)
	}
}

func TestNormalizeErrorBody(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		replaced                bool
		wantInMessage           string
	}{
		{"a Graph error passes", "application/json; charset=utf-8", `{"error":{"code":"x"}}`, false, ""},
		{"an empty body passes", "", "", false, ""},
		{"HTML from a proxy", "text/html", "<html><body>Bad gateway</body></html>", true, "(text/html): <html><body>Bad gateway</body></html>"},
		{"truncated JSON", "application/json", `{"error":{"code":`, true, `{"error":{"code":`},
		{"a JSON array", "application/json", `[1,2]`, true, "[1,2]"},
		{"no content type", "", "oops", true, "not a Graph error: oops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{StatusCode: 502, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(tt.body))}
			if tt.contentType != "" {
				resp.Header.Set("Content-Type", tt.contentType)
			}
			out := normalizeErrorBody(resp)
			b, _ := io.ReadAll(out.Body)
			if !tt.replaced {
				if string(b) != tt.body {
					t.Errorf("body changed: %q", b)
				}
				return
			}
			if out.Header.Get("Content-Type") != "application/json" || !strings.Contains(string(b), `"code":"BadGateway"`) ||
				!strings.Contains(string(b), jsonEscape(tt.wantInMessage)) {
				t.Errorf("got %s %s", out.Header.Get("Content-Type"), b)
			}
		})
	}
}

func jsonEscape(s string) string {
	r := strings.NewReplacer(`"`, `\"`, "<", `\u003c`, ">", `\u003e`)
	return r.Replace(s)
}

// TestBackoff_doublesUpToTheCap, also far past the point where doubling
// would overflow a time.Duration.
func TestBackoff_doublesUpToTheCap(t *testing.T) {
	for _, tt := range []struct {
		base, maxWait time.Duration
		want          []time.Duration // ceilings (jitter is 1 here)
	}{
		{time.Second, 30 * time.Second, []time.Duration{1, 2, 4, 8, 16, 30, 30}},
		{time.Hour, 90 * time.Minute, []time.Duration{60, 90, 90}},
	} {
		h := newRetryHandler(Options{RetryBaseDelay: tt.base, RetryMaxWait: tt.maxWait}, nil)
		h.jitter = func() float64 { return 1 }
		st := &retryState{h: h}
		unit := time.Second
		if tt.base == time.Hour {
			unit = time.Minute
		}
		for i, w := range tt.want {
			if got := st.backoff(); got != w*unit {
				t.Errorf("base %v, retry %d: %v, want %v", tt.base, i+1, got, w*unit)
			}
		}
		for range 100 {
			if got := st.backoff(); got != tt.maxWait {
				t.Fatalf("base %v after many retries: %v", tt.base, got)
			}
		}
	}
}
