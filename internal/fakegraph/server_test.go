package fakegraph

import (
	"bytes"
	"compress/gzip"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestGraphRequiresValidToken(t *testing.T) {
	t.Parallel()
	s, clock := sampleServer(t, Options{})
	expired := s.IssueToken()
	clock.Advance(2 * time.Hour)

	tests := []struct {
		name, authorization, message string
	}{
		{"missing", "", "Access token is empty."},
		{"not bearer", "Basic dXNlcjpwYXNz", "Access token is empty."},
		{"unknown", "Bearer not-a-token-of-this-server", "Access token validation failure."},
		{"expired", "Bearer " + expired, "Lifetime validation failed, the token is expired."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := mustRequest(t, http.MethodGet, s.GraphURL()+runsPath)
			if tt.authorization != "" {
				req.Header.Set("Authorization", tt.authorization)
			}
			res := send(t, s.Client(), req)
			code, msg := res.graphError(t)
			if res.status != http.StatusUnauthorized || code != "InvalidAuthenticationToken" || msg != tt.message {
				t.Errorf("got %d %s %q, want 401 InvalidAuthenticationToken %q", res.status, code, msg, tt.message)
			}
			if !strings.HasPrefix(res.header.Get("WWW-Authenticate"), "Bearer ") {
				t.Errorf("WWW-Authenticate = %q", res.header.Get("WWW-Authenticate"))
			}
		})
	}
}

var guidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestNotFoundBodyAndHeaders(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})

	req := newGraphRequest(t, s, http.MethodGet, runsPath+"/no-such-run", nil)
	req.Header.Set("client-request-id", "my-correlation-id")
	res := send(t, s.Client(), req)

	if res.status != http.StatusNotFound {
		t.Fatalf("status %d", res.status)
	}
	code, msg := res.graphError(t)
	if code != "itemNotFound" || !strings.Contains(msg, "'no-such-run'") {
		t.Errorf("error %s %q", code, msg)
	}
	inner := res.object(t)["error"].(map[string]any)["innerError"].(map[string]any)
	if inner["request-id"] != res.header.Get("request-id") || !guidPattern.MatchString(res.header.Get("request-id")) {
		t.Errorf("request-id: body %v, header %q", inner["request-id"], res.header.Get("request-id"))
	}
	if inner["client-request-id"] != "my-correlation-id" || res.header.Get("client-request-id") != "my-correlation-id" {
		t.Errorf("client-request-id not echoed: body %v, header %q", inner["client-request-id"], res.header.Get("client-request-id"))
	}
	if d, _ := inner["date"].(string); !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$`).MatchString(d) {
		t.Errorf("innerError.date = %q", d)
	}
	if ct := res.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}

	// Without a client-request-id the server makes one.
	res = graphCall(t, s, http.MethodGet, runsPath, "")
	if !guidPattern.MatchString(res.header.Get("client-request-id")) || !guidPattern.MatchString(res.header.Get("request-id")) {
		t.Errorf("ids on success: %v", res.header)
	}
}

func TestRouting(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	tests := []struct {
		method, path string
		status       int
		code         string
		allow        string
	}{
		{http.MethodDelete, runsPath + "/" + sampleCompleted, 405, "BadRequest", "GET, PATCH"},
		{http.MethodPost, runsPath, 405, "BadRequest", "GET"},
		{http.MethodGet, runsPath + "/start", 405, "BadRequest", "POST"},
		// An unknown segment is 400, never 404 (which a client reads as "deleted").
		{http.MethodGet, "/external/industryData/bogus", 400, "BadRequest", ""},
		{http.MethodGet, "/external/industryData/sourceSystems/x/y", 400, "BadRequest", ""},
		{http.MethodGet, runsPath + "?$filter=status%20eq%20'running'", 400, "BadRequest", ""},
		{http.MethodGet, runsPath + "?$top=1&$TOP=2", 400, "BadRequest", ""},
		{http.MethodGet, runsPath + "?$top=-1", 400, "BadRequest", ""},
		{http.MethodGet, runsPath + "?$skiptoken=!!", 400, "BadRequest", ""},
		{http.MethodGet, "/External/IndustryData/Runs/" + sampleCompleted, 200, "", ""}, // segments are case-insensitive
		{http.MethodGet, runsPath + "/" + sampleCompleted + "/", 200, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			res := graphCall(t, s, tt.method, tt.path, "")
			if res.status != tt.status {
				t.Fatalf("status %d, want %d: %s", res.status, tt.status, res.body)
			}
			if tt.code != "" {
				if code, _ := res.graphError(t); code != tt.code {
					t.Errorf("code %s, want %s", code, tt.code)
				}
			}
			if got := res.header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
		})
	}

	res := graphCall(t, s, http.MethodGet, "/external/industryData/bogus/more", "")
	if _, msg := res.graphError(t); msg != "Resource not found for the segment 'bogus'." {
		t.Errorf("unknown segment message %q", msg)
	}
}

func TestRequestLog(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{ClientSecret: "s3cret"})

	tokenCall(t, s, map[string][]string{"grant_type": {"client_credentials"}, "client_id": {s.ClientID()}, "client_secret": {"s3cret"}, "scope": {"https://graph.microsoft.com/.default"}})
	body := `{"displayName":"renamed"}`
	req := newGraphRequest(t, s, http.MethodPatch, runsPath+"/"+sampleCompleted+"?$select=id", bytes.NewReader(gzipped(t, body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "gzip")
	if res := send(t, s.Client(), req); res.status != http.StatusOK {
		t.Fatalf("gzip PATCH: %d %s", res.status, res.body)
	}
	graphCall(t, s, http.MethodGet, runsPath+"/nope", "")

	all := s.Requests()
	if len(all) != 3 {
		t.Fatalf("logged %d requests, want 3: %+v", len(all), all)
	}
	if all[0].Method != http.MethodPost || !strings.HasSuffix(all[0].Path, "/oauth2/v2.0/token") || all[0].Status != 200 {
		t.Errorf("token request logged as %+v", all[0])
	}
	patch := all[1]
	if patch.Method != http.MethodPatch || patch.Path != "/beta"+runsPath+"/"+sampleCompleted ||
		patch.RawQuery != "$select=id" || string(patch.Body) != body ||
		patch.Header.Get("Content-Encoding") != "gzip" || patch.Status != 200 {
		t.Errorf("PATCH logged as %+v (body %q)", patch, patch.Body)
	}
	if all[2].Status != http.StatusNotFound {
		t.Errorf("404 logged with status %d", all[2].Status)
	}
	if graph := s.GraphRequests(); len(graph) != 2 || graph[0].Method != http.MethodPatch {
		t.Errorf("GraphRequests = %+v", graph)
	}

	// The log hands out copies.
	all[1].Header.Set("Content-Encoding", "changed")
	if s.Requests()[1].Header.Get("Content-Encoding") != "gzip" {
		t.Error("Requests shares headers with the log")
	}
	s.ResetRequests()
	if n := len(s.Requests()); n != 0 {
		t.Errorf("after reset: %d requests", n)
	}
}

func TestUnsupportedContentEncoding(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	req := newGraphRequest(t, s, http.MethodPatch, runsPath+"/"+sampleCompleted, strings.NewReader(`{"displayName":"x"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Content-Encoding", "br")
	res := send(t, s.Client(), req)
	if code, _ := res.graphError(t); res.status != http.StatusUnsupportedMediaType || code != "UnsupportedMediaType" {
		t.Errorf("got %d %s", res.status, code)
	}
}

func TestTLSServer(t *testing.T) {
	t.Parallel()
	s := NewTLSServer(Options{ClientSecret: "s3cret", Runs: SampleRuns(time.Now())})
	defer s.Close()

	if !strings.HasPrefix(s.URL(), "https://127.0.0.1:") || s.GraphURL() != s.URL()+"/beta" {
		t.Fatalf("URL %s, GraphURL %s", s.URL(), s.GraphURL())
	}
	cert := s.Certificate()
	if cert == nil || len(cert.IPAddresses) == 0 || !cert.IPAddresses[0].Equal(net.IPv4(127, 0, 0, 1)) {
		t.Fatalf("certificate %+v", cert)
	}
	res := tokenCall(t, s, map[string][]string{"grant_type": {"client_credentials"}, "client_id": {s.ClientID()}, "client_secret": {"s3cret"}, "scope": {"https://graph.microsoft.com/.default"}})
	if res.status != http.StatusOK {
		t.Fatalf("token over TLS: %d %s", res.status, res.body)
	}
	checkTokenWorks(t, s, res.object(t))

	// A client that does not trust the certificate is refused.
	_, err := http.DefaultClient.Get(s.GraphURL() + runsPath)
	var unknownAuthority x509.UnknownAuthorityError
	if !errors.As(err, &unknownAuthority) {
		t.Errorf("untrusting client: err = %v, want an unknown-authority error", err)
	}
}

func TestFaultInjection(t *testing.T) {
	t.Parallel()
	s, _ := sampleServer(t, Options{})
	s.InjectFault(Fault{Method: http.MethodGet, Path: runsPath, Status: http.StatusTooManyRequests, RetryAfter: "3"})

	res := graphCall(t, s, http.MethodGet, runsPath+"/"+sampleCompleted, "")
	if res.status != http.StatusOK {
		t.Fatalf("non-matching path got %d", res.status)
	}
	res = graphCall(t, s, http.MethodGet, runsPath, "")
	if code, _ := res.graphError(t); res.status != http.StatusTooManyRequests || code != "TooManyRequests" || res.header.Get("Retry-After") != "3" {
		t.Errorf("fault: %d %s Retry-After %q", res.status, code, res.header.Get("Retry-After"))
	}
	if res = graphCall(t, s, http.MethodGet, runsPath, ""); res.status != http.StatusOK {
		t.Errorf("after the fault: %d", res.status)
	}
}

// addrListener is a listener that only reports an address: enough to check
// that the server refuses one off loopback, without listening there.
type addrListener struct {
	net.Listener
	addr net.Addr
}

func (l addrListener) Addr() net.Addr { return l.addr }

func TestNonLoopbackListenerRefused(t *testing.T) {
	t.Parallel()
	for _, ip := range []net.IP{net.IPv4zero, net.ParseIP("192.0.2.10"), net.IPv6unspecified} {
		addr := &net.TCPAddr{IP: ip, Port: 8443}
		if err := CheckLoopback(addr); err == nil {
			t.Errorf("CheckLoopback(%v) accepted a non-loopback address", addr)
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewUnstartedServer accepted a listener on %v", addr)
				}
			}()
			NewUnstartedServer(Options{Listener: addrListener{addr: addr}})
		}()
	}
	if err := CheckLoopback(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8443}); err != nil {
		t.Errorf("CheckLoopback refused 127.0.0.1: %v", err)
	}
}

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
