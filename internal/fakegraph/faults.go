package fakegraph

import (
	"net/http"
	"strings"
)

// Fault makes matching Graph requests fail, to exercise a client's
// handling of throttling and outages (the reference: 429, 503 and 504 with
// Retry-After). Faults apply after authentication, in the order injected.
type Fault struct {
	Method     string // "" matches any method
	Path       string // path under GraphURL(), e.g. "/external/industryData/runs"; "" matches any
	Status     int    // e.g. http.StatusTooManyRequests
	RetryAfter string // Retry-After value (seconds or an HTTP date); "" sends none
	Times      int    // how many matching requests fail; 0 means one
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

// injectFault answers the request with the first matching fault, if any.
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request) bool {
	f, ok := s.takeFault(r)
	if !ok {
		return false
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	code, msg := faultError(f.Status)
	s.writeGraphError(w, f.Status, code, "", "%s", msg)
	return true
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
