package graph

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// roundTripFunc answers requests without a network.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// staticClient is a Client with a static token whose transport is answer.
func staticClient(t testing.TB, answer roundTripFunc, opts Options) *Client {
	t.Helper()
	endpoint, _ := url.Parse("https://graph.microsoft.com/beta")
	authority, _ := url.Parse("https://login.microsoftonline.com/")
	opts.HTTPClient = &http.Client{Transport: answer}
	c, err := NewClient(Config{
		Method: AuthAccessToken, Secret: "static-token", GraphEndpoint: endpoint, AuthorityHost: authority,
		Scope: "https://graph.microsoft.com/.default",
	}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func answer(status int, contentType, body string) roundTripFunc {
	return func(r *http.Request) (*http.Response, error) {
		h := http.Header{"Request-Id": {"req-" + http.StatusText(status)}}
		if contentType != "" {
			h.Set("Content-Type", contentType)
		}
		return &http.Response{StatusCode: status, Header: h, Body: io.NopCloser(strings.NewReader(body)),
			ContentLength: int64(len(body)), Request: r}, nil
	}
}

// TestClient_errorBodiesKeepTheirStatus: whatever an error body holds, the
// error is a *Error with the HTTP status and the request id.
func TestClient_errorBodiesKeepTheirStatus(t *testing.T) {
	tests := []struct {
		name              string
		status            int
		contentType, body string
		wantCode          string
	}{
		{"Graph error", 403, "application/json", `{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges"}}`, "Authorization_RequestDenied"},
		{"HTML from a gateway", 502, "text/html", "<html><h1>502 Bad Gateway</h1></html>", "BadGateway"},
		{"truncated JSON", 500, "application/json", `{"error":{"code":"gen`, "InternalServerError"},
		{"plain text", 401, "text/plain", "token expired", "Unauthorized"},
		{"empty body", 400, "", "", ""},
		{"JSON that is not an object", 409, "application/json", `"conflict"`, "Conflict"},
		{"a Graph error kiota cannot read (a date that is not one)", 400, "application/json",
			`{"error":{"code":"BadRequest","message":"m","innerError":{"date":"yesterday","client-request-id":"c"}}}`, "BadRequest"},
		{"a Graph error with fields of other types", 400, "application/json", `{"error":{"code":7,"message":["a"]}}`, "BadRequest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := staticClient(t, answer(tt.status, tt.contentType, tt.body), Options{})
			_, err := c.GetRun(context.Background(), "r1")
			var ge *Error
			if !errors.As(err, &ge) {
				t.Fatalf("not a *graph.Error: %T %v", err, err)
			}
			if ge.StatusCode != tt.status || ge.Code != tt.wantCode || ge.RequestID != "req-"+http.StatusText(tt.status) || ge.Kind != KindReadRun {
				t.Errorf("got %+v", *ge)
			}
		})
	}
}

// TestClient_unreachableTokenEndpointIsAnAuthError: a token endpoint that
// refuses connections is an authentication failure, not a Graph failure.
func TestClient_unreachableTokenEndpointIsAnAuthError(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there any more: connection refused
	authority, _ := url.Parse("https://" + addr + "/")
	endpoint, _ := url.Parse("https://graph.microsoft.com/beta")
	graphCalls := 0
	c, err := NewClient(Config{
		Method: AuthClientSecret, TenantID: "00000000-0000-0000-0000-0000000000aa", ClientID: "11111111-1111-1111-1111-1111111111bb",
		Secret: "s3cret", GraphEndpoint: endpoint, AuthorityHost: authority, CustomAuthority: true,
		Scope: "https://graph.microsoft.com/.default",
	}, Options{HTTPClient: &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if r.URL.Host == endpoint.Host {
			graphCalls++
			return answer(200, "application/json", `{}`)(r)
		}
		return http.DefaultTransport.RoundTrip(r)
	})}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = c.GetRun(ctx, "r1")
	var ae *AuthError
	var ge *Error
	if !errors.As(err, &ae) || errors.As(err, &ge) {
		t.Fatalf("want *AuthError, got %T: %v", err, err)
	}
	if !strings.Contains(err.Error(), "authentication failed") || !strings.Contains(err.Error(), "refused") || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("message: %v", err)
	}
	if graphCalls != 0 {
		t.Errorf("%d Graph calls without a token", graphCalls)
	}
}

// fakeClient is a Client signed in to the fake with the client-secret flow.
func fakeClient(t *testing.T, fake *fakegraph.Server, opts Options) *Client {
	t.Helper()
	endpoint, _ := url.Parse(fake.GraphURL())
	authority, _ := url.Parse(fake.URL() + "/")
	opts.HTTPClient = fake.Client()
	c, err := NewClient(Config{
		Method: AuthClientSecret, TenantID: fake.TenantID(), ClientID: fake.ClientID(), Secret: fake.ClientSecret(),
		GraphEndpoint: endpoint, AuthorityHost: authority, CustomAuthority: true, Scope: "https://graph.microsoft.com/.default",
	}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestClient_survivesFaults: every read succeeds through throttling,
// outages and dropped connections, and the fake counts what it injected.
func TestClient_survivesFaults(t *testing.T) {
	fake := fakegraph.NewTLSServer(fakegraph.Options{
		Runs:     fakegraph.SampleRuns(time.Now()),
		PageSize: 100, // one page per list: the count below is of faults, not pages
		Faults: fakegraph.FaultPlan{Seed: 4, Rate429: 0.3, Rate503: 0.1, Rate504: 0.05, DropRate: 0.05,
			RetryAfter: "0", LatencyJitter: time.Millisecond},
	})
	defer fake.Close()
	c := fakeClient(t, fake, Options{RetryBaseDelay: time.Millisecond, RetryMaxWait: 10 * time.Millisecond, RetryMaxAttempts: 50})
	ctx := context.Background()
	for i := range 30 {
		runs, err := c.ListRuns(ctx)
		if err != nil || len(runs) == 0 {
			t.Fatalf("list %d: %v", i, err)
		}
		if _, err := c.GetRun(ctx, runs[0].ID); err != nil {
			t.Fatalf("get %d: %v", i, err)
		}
		if _, err := c.GetRunStatistics(ctx, runs[0].ID); err != nil {
			t.Fatalf("statistics %d: %v", i, err)
		}
	}
	st := fake.FaultStats()
	t.Logf("fake: %s", st)
	if st.TooManyRequests == 0 || st.ServiceUnavailable == 0 || st.GatewayTimeout == 0 || st.Dropped == 0 {
		t.Errorf("not every kind of fault was met: %s", st)
	}
	if st.Requests[http.MethodGet] != 90+st.Injected() {
		t.Errorf("requests: want 90 answered plus one per fault, got %s", st)
	}
}

// TestClient_readAfterWrite: a new run's 404 is believed at once, unless the
// caller asks for read-after-write tolerance.
func TestClient_readAfterWrite(t *testing.T) {
	fake := fakegraph.NewTLSServer(fakegraph.Options{Faults: fakegraph.FaultPlan{NotFoundAfterWrite: 300 * time.Millisecond}})
	defer fake.Close()
	c := fakeClient(t, fake, Options{RetryBaseDelay: 50 * time.Millisecond})
	fake.PutNewRun(fakegraph.Run{ID: "c0000000-0000-4000-8000-000000000001", StartDateTime: time.Now(), Status: "running"})

	_, err := c.GetRun(context.Background(), "c0000000-0000-4000-8000-000000000001")
	if !IsNotFound(err) {
		t.Fatalf("without tolerance: want 404 at once, got %v", err)
	}
	ctx := WithNotFoundRetry(context.Background(), time.Minute)
	run, err := c.GetRun(ctx, "c0000000-0000-4000-8000-000000000001")
	if err != nil || run.Status != "running" {
		t.Fatalf("with tolerance: %+v, %v", run, err)
	}
	if _, err := c.GetRun(WithNotFoundRetry(context.Background(), 200*time.Millisecond), "no-such-run"); !IsNotFound(err) {
		t.Fatalf("a run that never appears: %v", err)
	}
	if st := fake.FaultStats(); st.NotFoundAfterWrite < 2 {
		t.Errorf("stats %s", st)
	}
}
