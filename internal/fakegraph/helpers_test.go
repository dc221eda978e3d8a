package fakegraph

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// testClock is a settable clock for Options.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock {
	return &testClock{t: time.Date(2023, 11, 1, 11, 10, 46, 924769000, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newTestServer(t *testing.T, opts Options) *Server {
	t.Helper()
	s := NewServer(opts)
	t.Cleanup(s.Close)
	return s
}

type response struct {
	status int
	header http.Header
	body   []byte
	proto  int // HTTP major version, where recorded
}

// object decodes the body as a JSON object.
func (r response) object(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

// graphError returns error.code and error.message of a Graph error body.
func (r response) graphError(t *testing.T) (code, message string) {
	t.Helper()
	e, ok := r.object(t)["error"].(map[string]any)
	if !ok {
		t.Fatalf("no error object in %s", r.body)
	}
	code, _ = e["code"].(string)
	message, _ = e["message"].(string)
	return code, message
}

func send(t *testing.T, client *http.Client, req *http.Request) response {
	t.Helper()
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: body}
}

// graphCall sends an authenticated Graph request. path is relative to
// GraphURL unless it is absolute; a non-empty body is sent as JSON.
func graphCall(t *testing.T, s *Server, method, path, body string) response {
	t.Helper()
	req := newGraphRequest(t, s, method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return send(t, s.Client(), req)
}

func newGraphRequest(t *testing.T, s *Server, method, path string, body io.Reader) *http.Request {
	t.Helper()
	if !strings.HasPrefix(path, "http") {
		path = s.GraphURL() + path
	}
	req, err := http.NewRequest(method, path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.IssueToken())
	return req
}

// tokenCall posts a token request form for the server's tenant (or the
// one in form["tenant"], which is removed from the form).
func tokenCall(t *testing.T, s *Server, form url.Values) response {
	t.Helper()
	tenant := s.TenantID()
	if v, ok := form["tenant"]; ok {
		tenant = v[0]
		form.Del("tenant")
	}
	req, err := http.NewRequest(http.MethodPost, s.URL()+"/"+tenant+"/oauth2/v2.0/token", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return send(t, s.Client(), req)
}

const (
	runsPath        = "/external/industryData/runs"
	sampleCompleted = "a1d5c3e0-7b2f-4e6a-9c81-000000000001"
	sampleWarnings  = "a1d5c3e0-7b2f-4e6a-9c81-000000000002"
	sampleFailed    = "a1d5c3e0-7b2f-4e6a-9c81-000000000003"
	sampleRunning   = "a1d5c3e0-7b2f-4e6a-9c81-000000000004"
)

// sampleServer serves SampleRuns on a test clock.
func sampleServer(t *testing.T, opts Options) (*Server, *testClock) {
	t.Helper()
	clock := newTestClock()
	opts.Now = clock.Now
	opts.Runs = SampleRuns(clock.Now())
	return newTestServer(t, opts), clock
}
