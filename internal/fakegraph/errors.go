package fakegraph

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

// Graph error codes the fake answers with.
const (
	codeBadRequest      = "BadRequest"
	codeInvalidToken    = "InvalidAuthenticationToken"
	codeItemNotFound    = "itemNotFound"
	codeConflict        = "conflict"
	codeUnsupportedType = "UnsupportedMediaType"
	codeTooManyRequests = "TooManyRequests"
	codeUnavailable     = "serviceNotAvailable"
)

// graphErrorBody is the reference's error shape:
// {"error":{"code","message","target"?,"innerError":{"request-id","date","client-request-id"}}}.
type graphErrorBody struct {
	Error graphError `json:"error"`
}

type graphError struct {
	Code       string          `json:"code"`
	Message    string          `json:"message"`
	Target     string          `json:"target,omitempty"`
	InnerError graphInnerError `json:"innerError"`
}

type graphInnerError struct {
	RequestID       string `json:"request-id"`
	Date            string `json:"date"`
	ClientRequestID string `json:"client-request-id"`
}

// innerErrorDateLayout is how Graph writes innerError.date: UTC, no fraction, no zone.
const innerErrorDateLayout = "2006-01-02T15:04:05"

// writeGraphError answers with a Graph error body. The request ids come
// from the response headers the Graph middleware has already set, so the
// body and the headers always agree.
func (s *Server) writeGraphError(w http.ResponseWriter, status int, code, target, format string, args ...any) {
	h := w.Header()
	body := graphErrorBody{Error: graphError{
		Code:    code,
		Message: fmt.Sprintf(format, args...),
		Target:  target,
		InnerError: graphInnerError{
			RequestID:       h.Get("request-id"),
			Date:            s.now().UTC().Format(innerErrorDateLayout),
			ClientRequestID: h.Get("client-request-id"),
		},
	}}
	writeJSON(w, status, contentTypeGraphError, body)
}

// writeBadRequest answers 400 for a validation error, or for any other
// error with Graph's message for an unreadable payload.
func (s *Server) writeBadRequest(w http.ResponseWriter, err error) {
	var ve *validationError
	if errors.As(err, &ve) {
		s.writeGraphError(w, http.StatusBadRequest, codeBadRequest, ve.target, "%s", ve.msg)
		return
	}
	s.writeGraphError(w, http.StatusBadRequest, codeBadRequest, "", msgUnreadableJSON)
}

func (s *Server) writeNotFound(w http.ResponseWriter, entity, id string) {
	s.writeGraphError(w, http.StatusNotFound, codeItemNotFound, "",
		"The %s with id '%s' was not found.", entity, id)
}

// Content types: Graph answers entities with OData parameters and errors
// with plain application/json.
const (
	contentTypeGraph      = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
	contentTypeGraphError = "application/json"
	contentTypeIdentity   = "application/json; charset=utf-8"
)

func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	data, err := json.Marshal(v)
	if err != nil { // only the package's own types are written: a bug
		panic(fmt.Sprintf("fakegraph: encoding response: %v", err))
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(data)
}
