package fakegraph

import (
	"bytes"
	"compress/gzip"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options configures a Server. The zero value is usable.
type Options struct {
	// Accepted credentials. Defaults: DefaultTenantID, DefaultClientID and
	// a random secret.
	TenantID, ClientID, ClientSecret string

	// PageSize is how many items a collection page holds (default 3, so
	// that every list a test makes pages); a smaller $top wins.
	PageSize int

	// PatchStyle chooses the answer to a successful PATCH of a run.
	PatchStyle PatchStyle

	// OperationDelay is how long a started run's operation reports
	// notStarted (first half) and running (second half) before it reports
	// succeeded; measured with Now, so tests can step a fake clock. Zero
	// means succeeded at once.
	OperationDelay time.Duration

	// RunDuration, when set, makes a run started through the start action
	// end by itself that long after it started: status completed, an end
	// time, and simple statistics. Zero keeps started runs running until a
	// PATCH ends them.
	RunDuration time.Duration

	// InlineStatistics adds "statistics" to every run body. Graph's shipped
	// API leaves it out (statistics are read through getStatistics); the
	// seed document has it inline. A client must cope with both.
	InlineStatistics bool

	// Now is the server's clock (default time.Now).
	Now func() time.Time

	// Runs is the seed data (see SampleRuns and LoadRuns).
	Runs []Run

	// Listener is where to serve; default a new listener on 127.0.0.1:0.
	// It must be on a loopback address: the fake has no real security.
	Listener net.Listener

	// OnRequest, when set, is called after each request has been answered,
	// e.g. to log it. It runs on the request's goroutine.
	OnRequest func(Request)

	// Faults is the random fault plan (see FaultPlan); the zero value
	// injects nothing. NewUnstartedServer panics on an invalid plan.
	Faults FaultPlan

	// StartLimit chooses how a start beyond the limit of five runs per 12
	// hours is answered (the reference documents no status).
	StartLimit StartLimitAnswer

	// DeferRunCreation makes the run a start makes exist only once its
	// operation leaves notStarted (half of OperationDelay); until then the
	// operation's resourceLocation is null. Without it the run exists from
	// the moment the start is accepted.
	DeferRunCreation bool

	// ScheduledRuns are the service's own runs (it runs every 12 hours by
	// itself): at each instant, on the server's clock, a run starts without
	// any start request or operation.
	ScheduledRuns []time.Time
}

// Default credentials, used when Options leaves them empty.
const (
	DefaultTenantID = "00000000-0000-0000-0000-0000000000aa"
	DefaultClientID = "11111111-1111-1111-1111-1111111111bb"
)

const defaultPageSize = 3

// PatchStyle chooses how a successful PATCH of a run is answered.
type PatchStyle int

const (
	// PatchReturnsBody answers 200 OK with the updated run (the seed document).
	PatchReturnsBody PatchStyle = iota
	// PatchNoContent answers 204 No Content (other industryData PATCHes).
	PatchNoContent
)

// Server is a fake Graph + identity endpoint on a local port.
type Server struct {
	hs *httptest.Server

	tenantID, clientID, clientSecret string
	pageSize                         int
	opDelay                          time.Duration
	validationOutcome                ValidationOutcome
	runDuration                      time.Duration
	inlineStats                      bool
	now                              func() time.Time
	onRequest                        func(Request)

	mu         sync.Mutex // guards everything below
	patchStyle PatchStyle
	runs       map[string]Run
	ops        map[string]operation
	starts     []time.Time          // successful starts, for the 12-hour limit
	ending     []string             // started runs that end after runDuration
	runOutcome RunOutcome           // how they end
	tokens     map[string]time.Time // access token → expiry
	issued     []string             // every token ever issued, for leak checks
	requests   []*Request
	faults     []Fault
	written    map[string]time.Time // run id → creation, for the read-after-write window
	lagging    map[string]lagging   // run id → late 404s still to answer (FaultPlan.LateNotFoundReads)
	startLimit StartLimitAnswer
	deferRuns  bool
	scheduled  []time.Time // the service's own runs still to start
	entities   entityStore // configuration entities (entities.go)

	fs faultState // the fault plan, its generator and counters; own lock
}

// NewServer returns a started plain-HTTP server on 127.0.0.1. The caller
// must Close it.
func NewServer(opts Options) *Server {
	s := NewUnstartedServer(opts)
	s.Start()
	return s
}

// NewTLSServer returns a started HTTPS server on 127.0.0.1 with a fresh
// self-signed certificate; Client trusts it. The caller must Close it.
func NewTLSServer(opts Options) *Server {
	s := NewUnstartedServer(opts)
	s.StartTLS()
	return s
}

// NewUnstartedServer returns a server that listens but does not serve
// until Start or StartTLS. It panics if Options.Listener is not on a
// loopback address.
func NewUnstartedServer(opts Options) *Server {
	s := &Server{
		tenantID:     cmpOr(opts.TenantID, DefaultTenantID),
		clientID:     cmpOr(opts.ClientID, DefaultClientID),
		clientSecret: cmpOr(opts.ClientSecret, randomString(30)),
		pageSize:     opts.PageSize,
		opDelay:      opts.OperationDelay,
		runDuration:  opts.RunDuration,
		inlineStats:  opts.InlineStatistics,
		now:          opts.Now,
		onRequest:    opts.OnRequest,
		patchStyle:   opts.PatchStyle,
		runs:         map[string]Run{},
		ops:          map[string]operation{},
		tokens:       map[string]time.Time{},
		entities:     newEntityStore(),
		startLimit:   opts.StartLimit,
		deferRuns:    opts.DeferRunCreation,
		scheduled:    slices.Clone(opts.ScheduledRuns),
	}
	seedRoleGroups(s)
	seedReferenceDefinitions(s)
	if s.pageSize <= 0 {
		s.pageSize = defaultPageSize
	}
	if s.now == nil {
		s.now = time.Now
	}
	if err := opts.Faults.Validate(); err != nil {
		panic("fakegraph: " + err.Error())
	}
	s.fs.plan = opts.Faults
	for _, r := range opts.Runs {
		s.PutRun(r)
	}
	l := opts.Listener
	if l == nil {
		l = listenLoopback()
	}
	if err := CheckLoopback(l.Addr()); err != nil {
		panic("fakegraph: " + err.Error())
	}
	s.hs = &httptest.Server{Listener: l, Config: &http.Server{
		Handler:  s.Handler(),
		ErrorLog: log.New(handshakeFilter{os.Stderr}, "", log.LstdFlags),
	}}
	return s
}

// handshakeFilter drops "TLS handshake error" lines from the server log: a
// client that does not trust the test certificate is an expected event
// (and tests provoke it), not a server problem.
type handshakeFilter struct{ w io.Writer }

func (f handshakeFilter) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("TLS handshake error")) {
		return len(p), nil
	}
	return f.w.Write(p)
}

// CheckLoopback returns an error unless addr is a loopback TCP address.
func CheckLoopback(addr net.Addr) error {
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		return nil
	}
	return fmt.Errorf("refusing to serve on %s: only loopback addresses are allowed", addr)
}

func listenLoopback() net.Listener {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		if l, err = net.Listen("tcp6", "[::1]:0"); err != nil {
			panic(fmt.Sprintf("fakegraph: failed to listen on a port: %v", err))
		}
	}
	return l
}

func cmpOr(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// Start serves plain HTTP.
func (s *Server) Start() { s.hs.Start() }

// StartTLS serves HTTPS (HTTP/2 enabled, like Graph) with a certificate
// made for this server, valid for 127.0.0.1, ::1 and localhost.
func (s *Server) StartTLS() {
	s.hs.TLS = &tls.Config{Certificates: []tls.Certificate{newSelfSignedCert()}}
	s.hs.EnableHTTP2 = true
	s.hs.StartTLS()
}

// Close shuts the server down and waits for outstanding requests.
func (s *Server) Close() { s.hs.Close() }

// URL is scheme://127.0.0.1:port: the identity authority host.
func (s *Server) URL() string { return s.hs.URL }

// GraphURL is the Graph base URL clients use (URL()+"/beta").
func (s *Server) GraphURL() string { return s.hs.URL + "/beta" }

// Client returns an HTTP client that trusts the server's certificate.
func (s *Server) Client() *http.Client { return s.hs.Client() }

// Certificate returns the TLS certificate, or nil for a plain server.
func (s *Server) Certificate() *x509.Certificate { return s.hs.Certificate() }

// Handler returns the server's handler, for use without a listener.
func (s *Server) Handler() http.Handler { return http.HandlerFunc(s.serveHTTP) }

func (s *Server) TenantID() string     { return s.tenantID }
func (s *Server) ClientID() string     { return s.clientID }
func (s *Server) ClientSecret() string { return s.clientSecret }

// SetPatchStyle changes how later PATCHes are answered.
func (s *Server) SetPatchStyle(p PatchStyle) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.patchStyle = p
}

// PutRun adds or replaces a run, as an out-of-band change (drift tests).
// It panics on an empty ID.
func (s *Server) PutRun(r Run) {
	if r.ID == "" {
		panic("fakegraph: PutRun with an empty ID")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.runs[r.ID] = cloneRun(r)
}

// DeleteRun removes a run, as an out-of-band change.
func (s *Server) DeleteRun(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.runs, id)
}

// Run returns a copy of the run with the given id.
func (s *Server) Run(id string) (Run, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.runs[id]
	if !ok {
		return Run{}, false
	}
	return cloneRun(r), true
}

// Runs returns copies of all runs, sorted by StartDateTime then ID.
func (s *Server) Runs() []Run {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sortedRunsLocked()
}

func (s *Server) sortedRunsLocked() []Run {
	out := make([]Run, 0, len(s.runs))
	for _, r := range s.runs {
		out = append(out, cloneRun(r))
	}
	slices.SortFunc(out, func(a, b Run) int {
		if c := a.StartDateTime.Compare(b.StartDateTime); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// ---- dispatch -------------------------------------------------------------

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, bodyErr := readBody(r)
	entry := s.logRequest(r, body)
	sw := &statusWriter{ResponseWriter: w}
	var once sync.Once
	sw.finish = func() {
		once.Do(func() {
			status := cmpOrInt(sw.status, http.StatusOK)
			if sw.dropped {
				status = 0 // no answer
			}
			s.finishRequest(entry, status, sw.fault)
		})
	}
	defer sw.finish()

	if isIdentityPath(r.URL.Path) {
		s.serveIdentity(sw, r, body, bodyErr)
		return
	}
	s.countRequest(r.Method)
	s.serveGraph(sw, r, body, bodyErr)
}

func cmpOrInt(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

// maxBodyBytes bounds what the fake reads from one request.
const maxBodyBytes = 8 << 20

var errUnsupportedEncoding = errors.New("unsupported Content-Encoding")

// readBody reads the body and undoes gzip, which Graph's SDK middleware
// applies to every request body. On error it returns the raw bytes.
func readBody(r *http.Request) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes))
	if err != nil {
		return raw, err
	}
	switch enc := strings.ToLower(strings.TrimSpace(r.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return raw, nil
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			return raw, err
		}
		decoded, err := io.ReadAll(io.LimitReader(zr, maxBodyBytes))
		if err != nil {
			return raw, err
		}
		return decoded, nil
	default:
		return raw, fmt.Errorf("%w %q", errUnsupportedEncoding, enc)
	}
}

// serveGraph answers everything that is not an identity endpoint.
func (s *Server) serveGraph(w *statusWriter, r *http.Request, body []byte, bodyErr error) {
	h := w.Header()
	h.Set("request-id", newGUID())
	h.Set("client-request-id", cmpOr(r.Header.Get("client-request-id"), newGUID()))
	// No Content-Type here: every answer with a body sets its own, and a
	// bodiless 202 or 204 carries none, as Graph's do.

	// Graph authenticates before it looks at the path or the body.
	if !s.authenticate(w, r) {
		return
	}
	handle := func(w http.ResponseWriter) { s.handleGraph(w, r, body, bodyErr) }
	if s.injectFaults(w, r, handle) {
		return
	}
	handle(w)
}

// handleGraph answers an authenticated Graph request that met no fault (or
// a write the fault plan applies before failing it).
func (s *Server) handleGraph(w http.ResponseWriter, r *http.Request, body []byte, bodyErr error) {
	s.startDueRuns()
	s.endFinishedRuns()
	switch {
	case errors.Is(bodyErr, errUnsupportedEncoding):
		// 415 is what makes Graph's SDK retry without compression.
		s.writeGraphError(w, http.StatusUnsupportedMediaType, codeUnsupportedType, "", "%s.", bodyErr.Error())
		return
	case bodyErr != nil:
		s.writeGraphError(w, http.StatusBadRequest, codeBadRequest, "", msgUnreadableJSON)
		return
	}
	s.route(w, r, body)
}

// authenticate requires a bearer token this server issued and that has not
// expired, answering 401 like Graph otherwise.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) bool {
	token, ok := bearerToken(r.Header.Get("Authorization"))
	if !ok {
		s.unauthorized(w, r, "Access token is empty.")
		return false
	}
	s.mu.Lock()
	expiry, known := s.tokens[token]
	s.mu.Unlock()
	switch {
	case !known:
		s.unauthorized(w, r, "Access token validation failure.")
		return false
	case !s.now().Before(expiry):
		s.unauthorized(w, r, "Lifetime validation failed, the token is expired.")
		return false
	}
	return true
}

func (s *Server) unauthorized(w http.ResponseWriter, r *http.Request, msg string) {
	// Graph tells the client where to get a token.
	w.Header().Set("WWW-Authenticate", fmt.Sprintf(`Bearer realm="", authorization_uri="%s/%s/oauth2/v2.0/authorize", client_id="00000003-0000-0000-c000-000000000000"`, baseURL(r), s.tenantID))
	s.writeGraphError(w, http.StatusUnauthorized, codeInvalidToken, "", "%s", msg)
}

func bearerToken(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}

// baseURL is scheme://host of the request: links the fake writes point
// back at whatever address the client used.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
