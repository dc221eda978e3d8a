package fakegraph

import (
	"net/http"
	"slices"
	"time"
)

// Request is one request the server received, as recorded in its log.
type Request struct {
	Method, Path, RawQuery string
	Header                 http.Header // as received
	Body                   []byte      // decoded (gunzipped if Content-Encoding: gzip)
	Status                 int         // status code answered (0 while in flight, or when dropped)
	Fault                  string      // the fault injected (Fault429, FaultDrop, …), "" for none
	At                     time.Time   // when it arrived, by the server's clock (Options.Now)
	// Received and Answered are when the request arrived and when its answer
	// was complete (zero while in flight), on the real clock rather than Now:
	// they show which requests were in flight at once.
	Received, Answered time.Time
}

// MaxInFlight is the largest number of the given requests in flight at one
// instant, from their Received and Answered times; requests not yet
// answered do not count.
func MaxInFlight(requests []Request) int {
	type edge struct {
		at    time.Time
		delta int
	}
	var edges []edge
	for _, r := range requests {
		if !r.Answered.IsZero() {
			edges = append(edges, edge{r.Received, 1}, edge{r.Answered, -1})
		}
	}
	// Ends before starts at the same instant: touching is not overlapping.
	slices.SortFunc(edges, func(a, b edge) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return a.delta - b.delta
	})
	most, now := 0, 0
	for _, e := range edges {
		now += e.delta
		most = max(most, now)
	}
	return most
}

// Requests returns every request received, in order of arrival.
func (s *Server) Requests() []Request {
	return s.requestsWhere(func(*Request) bool { return true })
}

// GraphRequests returns the requests under /beta.
func (s *Server) GraphRequests() []Request {
	return s.requestsWhere(func(r *Request) bool { return isGraphPath(r.Path) })
}

// ResetRequests empties the request log.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

func (s *Server) requestsWhere(keep func(*Request) bool) []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, r := range s.requests {
		if keep(r) {
			c := *r
			c.Header = r.Header.Clone()
			out = append(out, c)
		}
	}
	return out
}

func (s *Server) logRequest(r *http.Request, body []byte) *Request {
	entry := &Request{
		Method:   r.Method,
		Path:     r.URL.Path,
		RawQuery: r.URL.RawQuery,
		Header:   r.Header.Clone(),
		Body:     body,
		At:       s.now(),
		Received: time.Now(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, entry)
	return entry
}

func (s *Server) finishRequest(entry *Request, status int, fault string) {
	s.mu.Lock()
	entry.Status, entry.Fault, entry.Answered = status, fault, time.Now()
	c := *entry
	s.mu.Unlock()
	if s.onRequest != nil {
		c.Header = c.Header.Clone()
		s.onRequest(c)
	}
}

// statusWriter remembers the status code answered.
type statusWriter struct {
	http.ResponseWriter
	status  int
	fault   string // the fault injected, if any
	dropped bool   // the connection was dropped without an answer
	finish  func() // records the request in the log, once
}

// Unwrap lets http.ResponseController reach the connection (to drop it).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}
