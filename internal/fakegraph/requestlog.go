package fakegraph

import (
	"net/http"
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
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, entry)
	return entry
}

func (s *Server) finishRequest(entry *Request, status int, fault string) {
	s.mu.Lock()
	entry.Status, entry.Fault = status, fault
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
