package fakegraph

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Two ways to make Graph requests fail, both applied to Graph paths only
// (never to the identity endpoints) and after authentication:
//
//   - InjectFault queues scripted faults: "the next two GETs of /runs answer
//     429". They are matched first.
//   - Options.Faults (or SetFaultPlan) is a random fault plan: rates of 429,
//     503, 504 and dropped connections, latency, and a read-after-write 404
//     window, drawn from one seeded generator so that a run of requests sent
//     one after another meets the same faults under the same seed.

// Fault makes matching Graph requests fail, to exercise a client's
// handling of throttling and outages (the reference: 429, 503 and 504 with
// Retry-After). Faults apply after authentication, in the order injected.
type Fault struct {
	Method     string // "" matches any method
	Path       string // path under GraphURL(), e.g. "/external/industryData/runs"; "" matches any
	Status     int    // e.g. http.StatusTooManyRequests
	RetryAfter string // Retry-After value (seconds or an HTTP date); "" sends none
	Times      int    // how many matching requests fail; 0 means one
	// Drop, instead of answering Status, applies a write and then drops the
	// connection: the client cannot know the outcome.
	Drop bool
	// Apply processes a write before answering Status: a gateway's 503 or
	// 504 after the service acted, which a real gateway allows. Without it
	// a write answered Status was not processed.
	Apply bool
}

// InjectFault queues a fault.
func (s *Server) InjectFault(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f)
}

// FaultPlan injects faults at random into Graph requests.
//
// For each Graph request that passes authentication and matches no scripted
// Fault, the server draws two numbers: the first picks at most one fault —
// 429 with probability Rate429, else 503 with Rate503, else 504 with
// Rate504, else a dropped connection with DropRate — and the second the
// latency jitter. The numbers come from a generator seeded by Seed, the
// request's method and path, and how many requests with that method and path
// came before it: the n-th request to the same method and path meets the
// same fault under the same seed, however requests to other paths interleave
// with it (Terraform sends requests concurrently, in no fixed order).
//
// What each fault means for the request:
//   - 429 and 503: the service refused the request; it is not applied.
//   - 504: not applied, unless Apply504 (the gateway timed out but the
//     service did the work, as a real gateway timeout allows).
//   - dropped connection: the request is read in full, then the connection
//     (HTTP/1.1) or the stream (HTTP/2) is closed without an answer. A write
//     (any method but GET and HEAD: a PATCH, the start action) is APPLIED
//     first, so the client really does not know the outcome; a client must
//     resolve it by looking, and a retried PATCH must be harmless.
//
// Latency (Latency plus a uniform jitter in [0, LatencyJitter)) is added to
// every Graph request under the plan, before it is answered, outside the
// server's lock: slow requests do not serialise the others.
type FaultPlan struct {
	Seed int64 // seeds the generator; any value, 0 included, is a seed

	Rate429, Rate503, Rate504, DropRate float64 // probabilities; their sum must not exceed 1

	// RetryAfter is sent with 429 and 503: "" sends none; "date" sends an
	// HTTP date one second ahead, "date+N" one N seconds ahead (rounded up
	// to the next whole second, the resolution of HTTP dates, on the
	// server's clock); anything else is sent as is (e.g. "2" seconds).
	RetryAfter string

	// Apply504 applies a write before answering it 504.
	Apply504 bool

	Latency, LatencyJitter time.Duration

	// NotFoundAfterWrite is the read-after-write window: for this long after
	// a run was created by the start action (or put with PutNewRun), GETs of
	// the run and of its sub-resources (statistics, activities) answer 404
	// itemNotFound, as Graph may for a new object (eventual consistency).
	// Measured on the server's clock (Options.Now). Lists are not affected
	// (assumption: the reference only mentions GETs of the new object).
	NotFoundAfterWrite time.Duration

	// LateNotFoundReads models a lagging replica: once a run created by the
	// start action has been read (GET of the run itself) once, the next
	// LateNotFoundReads GETs of it answer 404 itemNotFound, as a read that
	// reaches a replica not yet caught up would (the reference's
	// read-after-write 404, met late). Counted in reads, not time, so that
	// which request meets it does not depend on how fast a client is.
	LateNotFoundReads int
}

// Validate reports rates outside [0, 1] or adding up to more than 1, and
// negative durations.
func (p FaultPlan) Validate() error {
	sum := 0.0
	for _, r := range []struct {
		name string
		v    float64
	}{{"Rate429", p.Rate429}, {"Rate503", p.Rate503}, {"Rate504", p.Rate504}, {"DropRate", p.DropRate}} {
		if !(r.v >= 0 && r.v <= 1) {
			return fmt.Errorf("fault plan: %s is %v; it must be between 0 and 1", r.name, r.v)
		}
		sum += r.v
	}
	if sum > 1+1e-9 {
		return fmt.Errorf("fault plan: the rates add up to %v; at most one fault is injected per request, so they must add up to at most 1", sum)
	}
	if p.Latency < 0 || p.LatencyJitter < 0 || p.NotFoundAfterWrite < 0 {
		return errors.New("fault plan: durations must not be negative")
	}
	if p.LateNotFoundReads < 0 {
		return errors.New("fault plan: LateNotFoundReads must not be negative")
	}
	if _, err := retryAfterValue(p.RetryAfter, time.Now()); err != nil {
		return err
	}
	return nil
}

// active reports whether the plan does anything at all.
func (p FaultPlan) active() bool { return p != FaultPlan{Seed: p.Seed} }

// retryAfterValue renders the plan's Retry-After setting at now.
func retryAfterValue(setting string, now time.Time) (string, error) {
	rest, isDate := strings.CutPrefix(setting, "date")
	if !isDate {
		return setting, nil
	}
	secs := 1
	if rest != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(rest, "+"))
		if err != nil || !strings.HasPrefix(rest, "+") || n < 0 {
			return "", fmt.Errorf("fault plan: RetryAfter %q: use \"date\" or \"date+N\" with N whole seconds", setting)
		}
		secs = n
	}
	at := now.Add(time.Duration(secs) * time.Second)
	if t := at.Truncate(time.Second); !t.Equal(at) {
		at = t.Add(time.Second) // HTTP dates have whole seconds: round up, never wait less
	}
	return at.UTC().Format(http.TimeFormat), nil
}

// FaultStats counts what the server received and what it injected.
type FaultStats struct {
	// Requests counts Graph requests received, by method, including those
	// that met a fault (identity requests are not counted).
	Requests map[string]int

	TooManyRequests    int // 429s from the plan
	ServiceUnavailable int // 503s from the plan
	GatewayTimeout     int // 504s from the plan
	AppliedTimeouts    int // of GatewayTimeout, writes applied before the 504 (Apply504)
	Dropped            int // connections dropped by the plan
	DroppedWrites      int // of Dropped, writes that were applied before the drop
	NotFoundAfterWrite int // 404s of the read-after-write window
	Delayed            int // requests given latency
	Latency            time.Duration
	Scripted           int // faults injected by InjectFault
}

// Injected is the number of faults of every kind.
func (f FaultStats) Injected() int {
	return f.TooManyRequests + f.ServiceUnavailable + f.GatewayTimeout + f.Dropped + f.NotFoundAfterWrite + f.Scripted
}

// String is a one-line summary, for test logs.
func (f FaultStats) String() string {
	methods := make([]string, 0, len(f.Requests))
	total := 0
	for m, n := range f.Requests {
		methods = append(methods, fmt.Sprintf("%s %d", m, n))
		total += n
	}
	sort.Strings(methods)
	return fmt.Sprintf("requests %d (%s); faults %d: 429 %d, 503 %d, 504 %d (applied %d), dropped %d (applied writes %d), 404 after write %d, scripted %d; delayed %d (total %s)",
		total, strings.Join(methods, ", "), f.Injected(), f.TooManyRequests, f.ServiceUnavailable, f.GatewayTimeout, f.AppliedTimeouts,
		f.Dropped, f.DroppedWrites, f.NotFoundAfterWrite, f.Scripted, f.Delayed, f.Latency)
}

// faultState is the plan, the per-request counts that seed its draws, and
// the counters, under their own lock (never held while sleeping or while
// holding s.mu).
type faultState struct {
	mu    sync.Mutex
	plan  FaultPlan
	seen  map[string]uint64 // method and path → requests so far
	stats FaultStats
}

// drawFor returns the generator for the next request with key.
func (fs *faultState) drawFor(key string) *rand.Rand {
	if fs.seen == nil {
		fs.seen = map[string]uint64{}
	}
	n := fs.seen[key]
	fs.seen[key] = n + 1
	h := fnv.New64a()
	fmt.Fprintf(h, "%s#%d", key, n)
	return rand.New(rand.NewPCG(uint64(fs.plan.Seed), h.Sum64()))
}

// SetFaultPlan replaces the fault plan and restarts its draws; counters
// are kept. It returns the plan's validation error, changing nothing then.
func (s *Server) SetFaultPlan(p FaultPlan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	s.fs.mu.Lock()
	defer s.fs.mu.Unlock()
	s.fs.plan, s.fs.seen = p, nil
	return nil
}

// FaultStats returns a copy of the counters.
func (s *Server) FaultStats() FaultStats {
	s.fs.mu.Lock()
	defer s.fs.mu.Unlock()
	st := s.fs.stats
	st.Requests = make(map[string]int, len(s.fs.stats.Requests))
	for m, n := range s.fs.stats.Requests {
		st.Requests[m] = n
	}
	return st
}

func (s *Server) countRequest(method string) {
	s.fs.mu.Lock()
	defer s.fs.mu.Unlock()
	if s.fs.stats.Requests == nil {
		s.fs.stats.Requests = map[string]int{}
	}
	s.fs.stats.Requests[method]++
}

func (s *Server) count(f func(*FaultStats)) {
	s.fs.mu.Lock()
	defer s.fs.mu.Unlock()
	f(&s.fs.stats)
}

// Fault kinds, as recorded in Request.Fault.
const (
	FaultNone               = ""
	Fault429                = "429"
	Fault503                = "503"
	Fault504                = "504"
	FaultDrop               = "drop"
	FaultNotFoundAfterWrite = "404-after-write"
	FaultScripted           = "scripted"
)

// decision is what the plan does to one request.
type decision struct {
	kind       string
	latency    time.Duration
	retryAfter string
	apply504   bool
}

func (s *Server) decide(r *http.Request) decision {
	s.fs.mu.Lock()
	defer s.fs.mu.Unlock()
	p := s.fs.plan
	if !p.active() {
		return decision{}
	}
	rng := s.fs.drawFor(r.Method + " " + strings.ToLower(r.URL.Path))
	u, j := rng.Float64(), rng.Float64()
	d := decision{latency: p.Latency + time.Duration(j*float64(p.LatencyJitter)), apply504: p.Apply504}
	switch {
	case u < p.Rate429:
		d.kind = Fault429
	case u < p.Rate429+p.Rate503:
		d.kind = Fault503
	case u < p.Rate429+p.Rate503+p.Rate504:
		d.kind = Fault504
	case u < p.Rate429+p.Rate503+p.Rate504+p.DropRate:
		d.kind = FaultDrop
	}
	if d.kind == Fault429 || d.kind == Fault503 {
		d.retryAfter, _ = retryAfterValue(p.RetryAfter, s.now()) // validated when set
	}
	if d.latency > 0 {
		s.fs.stats.Delayed++
		s.fs.stats.Latency += d.latency
	}
	return d
}

func isWrite(method string) bool { return method != http.MethodGet && method != http.MethodHead }

// injectFaults answers the request with a scripted fault or one from the
// plan, after the plan's latency; it reports whether the request has been
// dealt with. handle serves the request normally (to apply a write).
func (s *Server) injectFaults(w *statusWriter, r *http.Request, handle func(http.ResponseWriter)) bool {
	if f, ok := s.takeFault(r); ok {
		s.count(func(st *FaultStats) { st.Scripted++ })
		w.fault = FaultScripted
		if f.Drop {
			if isWrite(r.Method) {
				handle(httptest.NewRecorder())
			}
			dropConnection(w)
		}
		if f.Apply && isWrite(r.Method) {
			handle(httptest.NewRecorder())
		}
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		code, msg := faultError(f.Status)
		s.writeGraphError(w, f.Status, code, "", "%s", msg)
		return true
	}
	d := s.decide(r)
	if d.latency > 0 {
		t := time.NewTimer(d.latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
		}
	}
	w.fault = d.kind
	switch d.kind {
	case Fault429, Fault503:
		status := map[string]int{Fault429: http.StatusTooManyRequests, Fault503: http.StatusServiceUnavailable}[d.kind]
		s.count(func(st *FaultStats) {
			if status == http.StatusTooManyRequests {
				st.TooManyRequests++
			} else {
				st.ServiceUnavailable++
			}
		})
		if d.retryAfter != "" {
			w.Header().Set("Retry-After", d.retryAfter)
		}
		code, msg := faultError(status)
		s.writeGraphError(w, status, code, "", "%s", msg)
		return true
	case Fault504:
		applied := d.apply504 && isWrite(r.Method)
		if applied {
			handle(httptest.NewRecorder())
		}
		s.count(func(st *FaultStats) {
			st.GatewayTimeout++
			if applied {
				st.AppliedTimeouts++
			}
		})
		code, msg := faultError(http.StatusGatewayTimeout)
		s.writeGraphError(w, http.StatusGatewayTimeout, code, "", "%s", msg)
		return true
	case FaultDrop:
		applied := isWrite(r.Method)
		if applied {
			handle(httptest.NewRecorder())
		}
		s.count(func(st *FaultStats) {
			st.Dropped++
			if applied {
				st.DroppedWrites++
			}
		})
		dropConnection(w)
	}
	return false
}

// dropConnection closes the connection (HTTP/1.x) or resets the stream
// (HTTP/2) without an answer. It does not return.
func dropConnection(w *statusWriter) {
	w.dropped = true
	// Log the request before the client can notice the drop.
	w.finish()
	if conn, _, err := http.NewResponseController(w.ResponseWriter).Hijack(); err == nil {
		conn.Close()
		panic(http.ErrAbortHandler) // unwind the handler; net/http ignores this panic
	}
	// HTTP/2 cannot hijack: aborting the handler resets the stream.
	panic(http.ErrAbortHandler)
}

func (s *Server) takeFault(r *http.Request) (Fault, bool) {
	path := strings.TrimPrefix(r.URL.Path, "/beta")
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if (f.Method == "" || strings.EqualFold(f.Method, r.Method)) && (f.Path == "" || strings.EqualFold(f.Path, path)) {
			if s.faults[i].Times--; s.faults[i].Times == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			return f, true
		}
	}
	return Fault{}, false
}

// faultError is the Graph error code and message for a fault's status.
func faultError(status int) (code, msg string) {
	switch status {
	case http.StatusTooManyRequests:
		return codeTooManyRequests, "Too many requests. Please retry after the time given in the Retry-After header."
	case http.StatusServiceUnavailable:
		return codeUnavailable, "The service is temporarily unavailable. Please retry later."
	case http.StatusGatewayTimeout:
		return "gatewayTimeout", "The gateway did not receive a response from the service in time."
	}
	return strings.ReplaceAll(http.StatusText(status), " ", ""), http.StatusText(status) + "."
}

// ---- read-after-write ----------------------------------------------------

// PutNewRun adds a run as if the service had just created it: under a plan
// with NotFoundAfterWrite, GETs of it answer 404 for that long from now.
func (s *Server) PutNewRun(r Run) {
	s.PutRun(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.markWrittenLocked(r.ID)
}

// markWrittenLocked starts a run's read-after-write window.
func (s *Server) markWrittenLocked(id string) {
	if s.written == nil {
		s.written = map[string]time.Time{}
	}
	s.written[id] = s.now()
}

// notYetReadable reports whether a run is inside its read-after-write window.
func (s *Server) notYetReadable(id string) bool {
	s.fs.mu.Lock()
	window := s.fs.plan.NotFoundAfterWrite
	s.fs.mu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	created, ok := s.written[id]
	if !ok {
		return false
	}
	if s.now().Sub(created) >= window {
		delete(s.written, id) // the window never reopens
		return false
	}
	return true
}

// lagging is a started run's progress through FaultPlan.LateNotFoundReads.
type lagging struct {
	seen bool // read once already
	left int  // 404s still to answer
}

// lateNotFoundReads is the plan's LateNotFoundReads; read it before taking
// s.mu (the fault state's lock is never taken under it).
func (s *Server) lateNotFoundReads() int {
	s.fs.mu.Lock()
	defer s.fs.mu.Unlock()
	return s.fs.plan.LateNotFoundReads
}

// markLaggingLocked arms n late 404s of a run created by the start action.
func (s *Server) markLaggingLocked(id string, n int) {
	if n == 0 {
		return
	}
	if s.lagging == nil {
		s.lagging = map[string]lagging{}
	}
	s.lagging[id] = lagging{left: n}
}

// readsLate reports whether this GET of a run meets a lagging replica: the
// first read does not, the next LateNotFoundReads do.
func (s *Server) readsLate(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.lagging[id]
	switch {
	case !ok:
		return false
	case !l.seen:
		l.seen = true
		s.lagging[id] = l
		return false
	}
	if l.left--; l.left == 0 {
		delete(s.lagging, id)
	} else {
		s.lagging[id] = l
	}
	return true
}

// readAfterWrite404 answers 404 to a GET of a run (or of one of its
// sub-resources) inside its read-after-write window, or to a GET of the run
// itself that meets a lagging replica.
func (s *Server) readAfterWrite404(w http.ResponseWriter, r *http.Request, rt *route, params []string) bool {
	if r.Method != http.MethodGet || len(params) == 0 || !strings.HasPrefix(rt.patterns[0], "runs/{}") {
		return false
	}
	early := s.notYetReadable(params[0])
	if !early && (rt.patterns[0] != "runs/{}" || !s.readsLate(params[0])) {
		return false
	}
	if sw, ok := w.(*statusWriter); ok {
		sw.fault = FaultNotFoundAfterWrite
	}
	s.count(func(st *FaultStats) { st.NotFoundAfterWrite++ })
	s.writeNotFound(w, "industryDataRun", params[0])
	return true
}
